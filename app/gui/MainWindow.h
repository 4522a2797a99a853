#pragma once

#include "core/ServerProfiles.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <memory>

namespace Ui { class MainWindow; }
class AppContext;
class OverviewPage;
class AuditPage;
class DeviceNotifier;
class ChannelInspectorPage;
class DeviceApprovalPage;
class ApiKeysPage;
class ServiceUsersPage;
class SessionsPage;
class UsersAdminPage;
class MessageBanner;
class PageNavigator;
class ServerSwitcher;
class SignInDialog;
class QLabel;
class QAction;

// A shell: toolbar (server switcher, sign in/out), a page list, a page stack, a status line. Pages own
// their models and errors; the window only routes sign-in and session-level events.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(AppContext *context, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Restores the current server's session from the keychain and validates it.
    void start();
    SignInDialog *signInDialog() const;
    MessageBanner *globalBanner() const;
    // Pages other than the overview are built when first shown (or asked for here): start-up lays out
    // one page, not six.
    ChannelInspectorPage *channelInspector() const;
    DeviceApprovalPage *deviceApprovals() const;
    ApiKeysPage *apiKeys() const;
    ServiceUsersPage *serviceUsers() const;
    AuditPage *auditPage() const;
    DeviceNotifier *deviceNotifier() const { return m_deviceNotifier; }
    OverviewPage *overviewPage() const { return m_overview; }
    UsersAdminPage *usersAdmin() const;
    QWidget *currentPage() const;             // what the page stack shows (the plugin-needed line included)
    QLabel *pluginNeededLabel() const;
    void showPage(QWidget *page);
    /// A notification's click: the window shown, raised and focused (also from the tray, hidden).
    void bringToFront();
    void showGlobalMessage(const QString &text, int type, int autoHideMs = 0);

protected:
    void changeEvent(QEvent *event) override;

public slots:
    void signIn();
    void signOut();
    void checkSession();

private:
    void setUpViewMenu();
    void probeConsoleMode();
    void updateStatus();
    void withEndpoint(std::function<void(const ServerProfile &)> next);

    std::unique_ptr<Ui::MainWindow> m_ui;
    AppContext *m_context;
    OverviewPage *m_overview;
    ChannelInspectorPage *m_channels = nullptr;
    DeviceApprovalPage *m_devices = nullptr;
    ApiKeysPage *m_keys = nullptr;
    ServiceUsersPage *m_users = nullptr;
    SessionsPage *m_sessions = nullptr;
    AuditPage *m_audit = nullptr;
    DeviceNotifier *m_deviceNotifier = nullptr;
    UsersAdminPage *m_adminUsers = nullptr;
    PageNavigator *m_nav;             // the navigation list and the page stack (lazy pages, plugin-needed line)
    ServerSwitcher *m_servers;        // the toolbar's server box, Add / Edit / Remove
    QLabel *m_statusLabel;
    QAction *m_signInAction;
    QAction *m_signOutAction;
    MessageBanner *m_sessionBanner;   // above every page: session and server messages never switch pages
    bool m_restoring = false;
    bool m_sessionDead = false;       // the server refused the token (a 401); sign-in is offered again
};
