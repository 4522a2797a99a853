#pragma once

#include <QWidget>

class AdminUsersModel;
class AppContext;
class MessageBanner;
class QDialog;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class UserSessionsModel;
struct AdminUser;

// Every user of the server and their sessions through better-auth's own admin plugin (UserAdmin), so it
// works with or without the console plugin: search, ban (reason + expiry), unban, set roles, a user's
// sessions with revoke one / revoke all. The lock-out rules (no banning yourself, no removing your own admin
// role) are UserAdmin's; this page shows their refusal. Layout in code (no form yet).
class UsersAdminPage : public QWidget
{
    Q_OBJECT
public:
    explicit UsersAdminPage(AppContext *context, QWidget *parent = nullptr);

    void reload();                  // first page of users again (the search as typed)
    void loadMore();
    void banSelected();             // opens the ban dialog (open(), never exec())
    void unbanSelected();
    void setRolesOfSelected();      // opens the roles dialog
    void revokeSelectedSession();
    void revokeAllSessions();

    QTableView *usersTable() const { return m_usersTable; }
    QTableView *sessionsTable() const { return m_sessionsTable; }
    AdminUsersModel *usersModel() const { return m_users; }
    UserSessionsModel *sessionsModel() const { return m_sessions; }
    MessageBanner *banner() const { return m_banner; }
    QDialog *openDialog() const { return m_dialog; }   // the ban or roles dialog while it is open

private:
    const AdminUser *selectedUser() const;
    void loadSessions();
    void updateButtons();
    void userChanged(const AdminUser &u, const QString &message);
    void showError(const QString &text);

    AppContext *m_context;
    AdminUsersModel *m_users;
    UserSessionsModel *m_sessions;
    MessageBanner *m_banner;
    QLineEdit *m_search;
    QTableView *m_usersTable;
    QTableView *m_sessionsTable;
    QLabel *m_count;
    QLabel *m_sessionsTitle;
    QPushButton *m_loadMore, *m_ban, *m_unban, *m_roles, *m_revoke, *m_revokeAll;
    QDialog *m_dialog = nullptr;
    int m_generation = 0, m_sessionsGeneration = 0;
    int m_total = 0;
    int m_pageSize = 100;
};
