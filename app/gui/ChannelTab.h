#pragma once

#include "net/ChannelSocket.h"

#include <QJsonObject>
#include <QWidget>

class AppContext;
class ChannelComposer;
class ChannelLogView;
class ChannelConnectionBar;
class ChannelKeyMemory;
class ChannelIdentity;
class ChannelLogModel;
class ChannelLogFilterModel;
class QLineEdit;
class QComboBox;
class QCheckBox;
class QPushButton;
class QLabel;
class QTableView;
class QPlainTextEdit;
class QSpinBox;
class QToolButton;
class MessageBanner;
class QTimer;

// One live channel: connect as me (Bearer) or as a service key (x-api-key), watch its traffic in a
// bounded log, filter it, inspect a message, send messages.
class ChannelTab : public QWidget
{
    Q_OBJECT
public:
    ChannelTab(AppContext *context, const QUrl &url, QWidget *parent = nullptr);
    ~ChannelTab() override;

    ChannelLogModel *log() const { return m_log; }
    ChannelLogFilterModel *filter() const { return m_filter; }
    ChannelSocket *socket() const { return m_socket; }
    QString title() const;
    QUrl url() const;
    void setUrl(const QUrl &url);
    // What the server said this channel is ("as svc-backup via api-key 'backup-ws' · permissions ws:connect"),
    // or only the credential kind when it did not answer whoami.
    QString identityText() const;

    // Per channel URL, kept in the settings (never secrets): the last 50 sent messages and named ones.
    QStringList history() const;
    QStringList savedMessageNames() const;
    bool saveMessage(const QString &name, const QString &json);
    void loadSavedMessage(const QString &name);
    void deleteSavedMessage(const QString &name);

    // Channel URL with scheme and host lower-cased, default port, user info, query, fragment and
    // trailing slash dropped: the key for settings and the keychain entry "channel-key:<this>".
    static QString normalizedUrl(const QUrl &url);
    static QString keychainEntry(const QUrl &url);

    void connectChannel();
    void disconnectChannel();
    bool sendComposer();
    // Writes the whole log (or only the filtered view) as NDJSON; returns lines written or -1.
    qint64 exportTo(const QString &path, bool filteredOnly);
    ChannelLogView *logView() const { return m_logView; }

signals:
    void titleChanged(const QString &title);

private:
    void buildUi();
    void updateStatus();
    // Loads what is remembered for the URL in the edit (history, saved messages, whoami choice, whether a
    // key is in the keychain) when it differs from what is loaded.
    void reloadForUrl();
    void updateBearerAvailability();
    QString bearerUnavailableReason() const;
    QString settingsGroup() const;

    AppContext *m_context;
    ChannelSocket *m_socket;
    ChannelLogModel *m_log;
    ChannelLogFilterModel *m_filter;
    MessageBanner *m_banner;
    QLineEdit *m_url;
    QComboBox *m_identity;
    QLineEdit *m_keyEdit;
    QCheckBox *m_reconnect;
    QPushButton *m_connect;
    QLabel *m_status;
    QLabel *m_identityLine;
    QCheckBox *m_askWhoami;
    ChannelConnectionBar *m_bar;
    ChannelKeyMemory *m_keys;
    ChannelIdentity *m_identityInfo;
    ChannelLogView *m_logView;
    ChannelComposer *m_composer;
    QString m_loadedUrl;            // normalized URL whose settings are loaded
    bool m_loading = false;         // applying stored state: do not write it back
    QString m_openedKey;            // the pasted key the current connection uses (memory only)
};
