#pragma once

#include <QHash>
#include "core/ConsoleTypes.h"

#include <QJsonObject>
#include <QSet>
#include <QWidget>

class AppContext;
class ChannelSocket;
class MessageBanner;
class QTableWidget;
class QPushButton;
class QLabel;
class QTimer;

// Live sessions (GET /console/sessions: never their tokens, paged) with revoke, and the live channel's
// connections, kept current by pushed events rather than polling. While the page is visible it re-asks
// the open channel for its list every 5 s so message counts stay current (a frame on the channel that is
// already open, not an HTTP poll). API-key connections show the key's name, resolved through
// GET /console/api-keys and cached.
class SessionsPage : public QWidget
{
    Q_OBJECT
public:
    enum ConnectionColumn { WhoColumn, ViaColumn, KeyColumn, SinceColumn, InColumn, OutColumn, ConnectionIdColumn };

    explicit SessionsPage(AppContext *context, QWidget *parent = nullptr);
    ~SessionsPage() override;

    void reload();                 // first page of sessions again, and the live channel if it is not open
    void loadMoreSessions();
    void revokeSelected();
    QTableWidget *sessionsTable() const { return m_sessions; }
    QTableWidget *connectionsTable() const { return m_connections; }
    MessageBanner *banner() const { return m_banner; }
    bool isLive() const;
    int sessionsTotal() const { return m_sessionsTotal; }
    int connectionRow(const QString &connectionId) const;
    void setSessionsPageSize(int n) { m_pageSize = n; }
    int listIntervalMs() const;
    void setListIntervalMs(int ms);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void addSessionRow(const UserSession &s, bool atTop);
    int sessionRow(const QString &id) const;
    void updateSessionCount();
    void clearAll();
    void upsertConnection(const QJsonObject &c);
    void applyList(const QJsonArray &connections);
    void removeConnection(const QString &id);
    void setCell(QTableWidget *t, int row, int col, const QString &text);
    void connectLive();
    QString liveIdentity() const;
    void onEvent(const QJsonObject &frame);
    void sendList();
    void updateListTimer();
    // keyId → name
    QString keyLabel(const QString &keyId);
    void fetchKeyNames(int offset = 0);
    void refreshKeyCells();
    void revoke(const QString &id, bool own);

    AppContext *m_context;
    MessageBanner *m_banner;
    QTableWidget *m_sessions;
    QTableWidget *m_connections;
    QPushButton *m_revoke;
    QPushButton *m_moreSessions;
    QLabel *m_sessionCount;
    QLabel *m_liveState;
    ChannelSocket *m_live;
    QTimer *m_listTimer;
    QString m_liveFor;             // endpoint + session id the channel was opened for (never the token)
    int m_generation = 0;
    int m_pageSize = 100;
    int m_sessionsTotal = 0;
    bool m_loaded = false;         // reload() ran: follow sign-ins with a reload
    QHash<QString, QString> m_keyNames;
    QSet<QString> m_keysMissing;   // not found by a fetch made after they showed up: shown by id
    QSet<QString> m_keysCovered;   // unknown ids when the running fetch started
    bool m_keysLoading = false;
    int m_keysGeneration = 0;
};
