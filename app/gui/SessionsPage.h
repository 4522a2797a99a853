#pragma once

#include <QWidget>

#include <memory>

class AppContext;
class LiveConnectionsPanel;
class MessageBanner;
class QSortFilterProxyModel;
class QTableView;
class QTableWidget;
class UserSessionsModel;
struct UserSession;
namespace Ui { class SessionsPage; }

// Live sessions (GET /console/sessions: never their tokens, paged; sortable over the rows loaded so far)
// with revoke, above the live channel's connections (LiveConnectionsPanel), whose pushed session events
// keep the list current. Layout: ui/SessionsPage.ui.
class SessionsPage : public QWidget
{
    Q_OBJECT
public:
    explicit SessionsPage(AppContext *context, QWidget *parent = nullptr);
    ~SessionsPage() override;

    void reload();                 // first page of sessions again, and the live channel if it is not open
    void loadMoreSessions();
    void revokeSelected();   // one session: its own question; several: one confirmation and a result per row
    QTableView *sessionsTable() const;
    UserSessionsModel *sessionsModel() const { return m_model; }
    LiveConnectionsPanel *liveConnections() const { return m_liveConnections; }
    QTableWidget *connectionsTable() const;
    MessageBanner *banner() const;
    bool isLive() const;
    int sessionsTotal() const { return m_sessionsTotal; }
    int connectionRow(const QString &connectionId) const;
    void setSessionsPageSize(int n) { m_pageSize = n; }
    int listIntervalMs() const;
    void setListIntervalMs(int ms);

private:
    void onSessionCreated(const UserSession &s);
    void onSessionRevoked(const QString &id);
    void updateSessionCount();
    void clearAll();
    void revoke(const QString &id, bool own);
    void revokeSelectedTogether();

    std::unique_ptr<Ui::SessionsPage> m_ui;
    AppContext *m_context;
    UserSessionsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    LiveConnectionsPanel *m_liveConnections;
    int m_generation = 0;
    int m_pageSize = 100;
    int m_sessionsTotal = 0;
    bool m_loaded = false;         // reload() ran: follow sign-ins with a reload
};
