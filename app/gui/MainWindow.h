#pragma once

#include "core/ServerProfiles.h"

#include <QMainWindow>
#include <QPointer>
#include <QSet>

#include <memory>

namespace Ui { class MainWindow; }
class AppContext;
class OverviewPage;
class ChannelInspectorPage;
class DeviceApprovalPage;
class ApiKeysPage;
class ServiceUsersPage;
class SessionsPage;
class MessageBanner;
class SignInDialog;
class QComboBox;
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
    ChannelInspectorPage *channelInspector() const { return m_channels; }
    DeviceApprovalPage *deviceApprovals() const { return m_devices; }
    ApiKeysPage *apiKeys() const { return m_keys; }
    ServiceUsersPage *serviceUsers() const { return m_users; }
    void showPage(QWidget *page);
    void showGlobalMessage(const QString &text, int type, int autoHideMs = 0);

public slots:
    void signIn();
    void signOut();
    void checkSession();

private:
    void addPage(QWidget *page, const QString &title, const QIcon &icon);
    void reloadServers();
    void switchServer(int index);
    void editServer(bool addNew);
    void updateStatus();
    void withEndpoint(std::function<void(const ServerProfile &)> next);

    std::unique_ptr<Ui::MainWindow> m_ui;
    AppContext *m_context;
    OverviewPage *m_overview;
    ChannelInspectorPage *m_channels;
    DeviceApprovalPage *m_devices;
    ApiKeysPage *m_keys;
    ServiceUsersPage *m_users;
    SessionsPage *m_sessions;
    QSet<QWidget *> m_loadedPages;
    QComboBox *m_serverBox;
    QLabel *m_statusLabel;
    QAction *m_signInAction;
    QAction *m_signOutAction;
    MessageBanner *m_sessionBanner;   // above every page: session and server messages never switch pages
    bool m_restoring = false;
    bool m_sessionDead = false;       // the server refused the token (a 401); sign-in is offered again
};
