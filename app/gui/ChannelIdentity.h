#pragma once

#include <QObject>
#include <QString>

class ChannelConnectionBar;
class ChannelSocket;
class QTimer;

// Who a channel tab's connection is, as the server says: on open it asks {"action":"whoami"} when the
// bar's checkbox says so (or when the composer sends one), waits up to 5 s for the answer and shows it on
// the bar's identity line; without an answer the line shows the credential kind only.
class ChannelIdentity : public QObject
{
    Q_OBJECT
public:
    ChannelIdentity(ChannelSocket *socket, ChannelConnectionBar *bar, QObject *parent = nullptr);

    void connecting();                        // a new connection: its credential kind, nothing known yet
    void opened();                            // forget the last answer; ask if the checkbox says so
    void asked();                             // a whoami went out (the composer): wait for its answer
    void received(const QByteArray &text);    // a received text frame: the answer, if it is one
    void show();                              // the identity line for what is known now

private:
    void ask();

    ChannelSocket *m_socket;
    ChannelConnectionBar *m_bar;
    QTimer *m_timer;
    bool m_awaiting = false;
    QString m_openedKind;   // credential kind of the open (or last) connection
    QString m_whoami;       // from the server's whoami answer
    QString m_detail;       // tooltip: ids, expiry
};
