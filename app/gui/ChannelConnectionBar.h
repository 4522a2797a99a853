#pragma once

#include <QWidget>

class ChannelLogModel;
class ChannelSocket;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;
class QVBoxLayout;

// A channel tab's connection bar: the URL and Connect, as whom (me, a pasted key with its keychain
// checkbox and Forget, a key from an environment variable), whoami and reconnect, then the identity line
// (what the server said we are) and the status line. It lays out and shows the widgets for the chosen
// identity; ChannelTab wires them to the socket, the settings and the keychain.
class ChannelConnectionBar : public QWidget
{
    Q_OBJECT
public:
    enum Identity { AsMe = 0, AsPastedKey = 1, AsEnvKey = 2 };
    explicit ChannelConnectionBar(QWidget *parent = nullptr);
    ~ChannelConnectionBar() override;

    QLineEdit *urlEdit() const { return m_url; }
    QComboBox *identityBox() const { return m_identity; }
    QLineEdit *keyEdit() const { return m_keyEdit; }
    QCheckBox *rememberKey() const { return m_rememberKey; }
    QToolButton *forgetKey() const { return m_forgetKey; }
    QCheckBox *askWhoami() const { return m_askWhoami; }
    QCheckBox *reconnect() const { return m_reconnect; }
    QPushButton *connectButton() const { return m_connect; }
    QLabel *status() const { return m_status; }
    QLabel *identityLine() const { return m_identityLine; }

    // "as me (Bearer session)", "as a service key (x-api-key, pasted)", … for the chosen identity.
    QString credentialKind() const;
    // The identity line: hidden before a connection (openedKind empty); then the server's whoami answer,
    // or the credential kind with what is known (asking, or the refusal's detail).
    void showIdentity(const QString &openedKind, const QString &whoami, const QString &detail, bool awaiting);
    // The status line (state, latency, counts, what the log keeps) and the Connect/Disconnect label.
    void showStatus(const ChannelSocket &socket, const ChannelLogModel &log, int shownRows);

private:
    void showIdentityMode(int identity);

    QVBoxLayout *m_outer;
    QLineEdit *m_url;
    QComboBox *m_identity;
    QLineEdit *m_keyEdit;
    QCheckBox *m_rememberKey;
    QToolButton *m_forgetKey;
    QCheckBox *m_askWhoami;
    QCheckBox *m_reconnect;
    QPushButton *m_connect;
    QLabel *m_status;
    QLabel *m_identityLine;
};
