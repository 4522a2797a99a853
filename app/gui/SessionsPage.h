#pragma once

#include <QJsonObject>
#include <QWidget>

class AppContext;
class ChannelSocket;
class MessageBanner;
class QTableWidget;
class QPushButton;
class QLabel;

// Live sessions (GET /console/sessions: never their tokens) with revoke, and the live channel's
// connections, kept current by pushed events rather than polling.
class SessionsPage : public QWidget
{
    Q_OBJECT
public:
    explicit SessionsPage(AppContext *context, QWidget *parent = nullptr);
    ~SessionsPage() override;

    void reload();
    void revokeSelected();
    QTableWidget *sessionsTable() const { return m_sessions; }
    QTableWidget *connectionsTable() const { return m_connections; }
    MessageBanner *banner() const { return m_banner; }
    bool isLive() const;

private:
    void addSessionRow(const QJsonObject &s, bool atTop);
    void upsertConnection(const QJsonObject &c);
    void removeConnection(const QString &id);
    void connectLive();
    void onEvent(const QJsonObject &frame);

    AppContext *m_context;
    MessageBanner *m_banner;
    QTableWidget *m_sessions;
    QTableWidget *m_connections;
    QPushButton *m_revoke;
    QLabel *m_liveState;
    ChannelSocket *m_live;
    int m_generation = 0;
};
