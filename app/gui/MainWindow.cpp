#include "MainWindow.h"

#include "ui_MainWindow.h"

#include "AppContext.h"
#include "Appearance.h"
#include "AuditPage.h"
#include "PaletteIcon.h"
#include "ChannelInspectorPage.h"
#include "ApiKeysPage.h"
#include "DeviceApprovalPage.h"
#include "DeviceNotifier.h"
#include "ServiceUsersPage.h"
#include "SessionsPage.h"
#include "UsersAdminPage.h"
#include "Dialogs.h"
#include "MessageBanner.h"
#include "OverviewDashboard.h"
#include "OverviewPage.h"
#include "PageNavigator.h"
#include "ServerSwitcher.h"
#include "SignInDialog.h"
#include "core/Duration.h"
#include "core/Logging.h"
#include "services/Services.h"
#include "services/UserAdmin.h"
#include "net/AuthApi.h"

#include <QAction>
#include <QEvent>
#include <QIcon>
#include <QLabel>
#include <QSettings>
#include <QToolBar>


namespace {
// The console's own line icons (resources/icons/ui), one style across desktops and icon themes.
QIcon uiIcon(const char *name)
{
    return paletteIcon(QStringLiteral(":/icons/ui/%1.svg").arg(QLatin1String(name)));   // inked from the palette
}
// The navigation's order; pages after the overview are built on first use.
enum PageIndex { OverviewIndex, UsersIndex, KeysIndex, SessionsIndex, DevicesIndex, ChannelsIndex, AuditIndex, AdminUsersIndex };
} // namespace

MainWindow::MainWindow(AppContext *context, QWidget *parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>()), m_context(context)
{
    m_ui->setupUi(this);
    setWindowIcon(QIcon(QStringLiteral(":/icons/pikku-admin.svg")));
    m_nav = new PageNavigator(m_ui->navList, m_ui->pageStack, this);
    m_nav->setLoading([this] { return m_context->services()->session()->isSignedIn(); });

    m_servers = new ServerSwitcher(context, m_ui->mainToolBar, this);
    connect(m_servers, &ServerSwitcher::switched, this, &MainWindow::start);
    connect(m_servers, &ServerSwitcher::message, this, &MainWindow::showGlobalMessage);
    m_ui->mainToolBar->addSeparator();
    m_signInAction = m_ui->mainToolBar->addAction(uiIcon("sign-in"), tr("Sign in…"));
    m_signInAction->setObjectName(QStringLiteral("signInAction"));
    m_signInAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+L")));
    m_signOutAction = m_ui->mainToolBar->addAction(uiIcon("sign-out"), tr("Sign out"));
    m_signOutAction->setObjectName(QStringLiteral("signOutAction"));
    connect(m_signInAction, &QAction::triggered, this, &MainWindow::signIn);
    connect(m_signOutAction, &QAction::triggered, this, &MainWindow::signOut);

    setUpViewMenu();

    m_statusLabel = new QLabel(this);
    m_statusLabel->setTextFormat(Qt::PlainText);   // the user's name is the server's
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    statusBar()->addPermanentWidget(m_statusLabel, 1);

    m_overview = new OverviewPage(context, this);
    m_nav->addPage(m_overview, tr("Overview"), uiIcon("overview"));
    connect(m_overview, &OverviewPage::signInRequested, this, &MainWindow::signIn);
    connect(m_overview, &OverviewPage::signOutRequested, this, &MainWindow::signOut);
    connect(m_overview, &OverviewPage::checkRequested, this, &MainWindow::checkSession);
    m_nav->addLazyPage(tr("Service users"), uiIcon("service-users"), [this, context] {
        m_users = new ServiceUsersPage(context, this);
        connect(m_users, &ServiceUsersPage::usersChanged, this, [this] {
            if (m_keys)
                m_keys->reload();
        });
        connect(m_users, &ServiceUsersPage::mintKeyRequested, this, [this](const QString &ownerId) {
            ApiKeysPage *keys = apiKeys();
            showPage(keys);
            keys->openMintDialogFor(ownerId);
        });
        return m_users;
    }, true);
    m_nav->addLazyPage(tr("API keys"), uiIcon("api-keys"), [this, context] { return m_keys = new ApiKeysPage(context, this); }, true);
    m_nav->addLazyPage(tr("Sessions"), uiIcon("sessions"), [this, context] { return m_sessions = new SessionsPage(context, this); },
                       true);
    m_nav->addLazyPage(tr("Device approvals"), uiIcon("device-approvals"),
                       [this, context] { return m_devices = new DeviceApprovalPage(context, this); });
    m_nav->addLazyPage(tr("Channels"), uiIcon("channels"), [this, context] { return m_channels = new ChannelInspectorPage(context, this); });
    m_nav->addLazyPage(tr("Audit"), uiIcon("audit"), [this, context] { return m_audit = new AuditPage(context, this); }, true);
    // better-auth's own admin plugin: every user, bans, roles, a user's sessions (with or without our plugin).
    m_nav->addLazyPage(tr("Users"), uiIcon("service-users"), [this, context] { return m_adminUsers = new UsersAdminPage(context, this); });
    m_nav->finish();
    // New device codes pushed live: a badge on the navigation, the tray, a notification that opens the code.
    m_deviceNotifier = new DeviceNotifier(context, this);
    m_ui->viewMenu->addSeparator();
    m_ui->viewMenu->addAction(m_deviceNotifier->toggleAction());
    m_ui->viewMenu->addAction(m_deviceNotifier->expiryToggleAction());
    // The daily notice: the tray's message where there is a tray, and a banner in the window either way.
    connect(m_deviceNotifier, &DeviceNotifier::expiryNoticed, this, [this](const QString &text) {
        showGlobalMessage(tr("%1. The Overview's count of keys expiring within 7 days opens them.").arg(text),
                          int(MessageBanner::Type::Warning), 60000);
    });
    connect(m_deviceNotifier, &DeviceNotifier::openExpiringRequested, this, [this] {
        bringToFront();
        ApiKeysPage *keys = apiKeys();
        showPage(keys);
        keys->showOnly(ApiKeysFilterModel::Only::ExpiringWithin7Days);
    });
    connect(m_deviceNotifier, &DeviceNotifier::countChanged, this, [this](int n) {
        if (QListWidgetItem *item = m_ui->navList->item(DevicesIndex)) {
            item->setText(DeviceNotifier::badgeText(tr("Device approvals"), n));
            item->setToolTip(n ? tr("%n device code(s) waiting for approval", nullptr, n) : QString());
        }
    });
    connect(m_deviceNotifier, &DeviceNotifier::openRequested, this, [this](const QString &code) {
        bringToFront();
        DeviceApprovalPage *devices = deviceApprovals();
        showPage(devices);
        if (!code.isEmpty())
            devices->prefill(code);
    });
    // The dashboard's counts open the page they count; its audit entries the Audit page, filtered.
    connect(m_overview->dashboard(), &OverviewDashboard::openRequested, this, [this](OverviewSnapshot::Item item) {
        switch (item) {
        case OverviewSnapshot::ServiceUsers:
        case OverviewSnapshot::ServiceUsersWithoutKeys: showPage(serviceUsers()); break;
        case OverviewSnapshot::Sessions:
        case OverviewSnapshot::LiveConnections: m_nav->ensurePage(SessionsIndex); showPage(m_sessions); break;
        case OverviewSnapshot::PendingDeviceCodes: showPage(deviceApprovals()); break;
        case OverviewSnapshot::KeysExpiring:
        case OverviewSnapshot::DisabledKeys:
        case OverviewSnapshot::KeysNeverUsed: {
            ApiKeysPage *keys = apiKeys();
            showPage(keys);
            keys->showOnly(item == OverviewSnapshot::KeysExpiring   ? ApiKeysFilterModel::Only::ExpiringWithin7Days
                           : item == OverviewSnapshot::DisabledKeys ? ApiKeysFilterModel::Only::Disabled
                                                                     : ApiKeysFilterModel::Only::NeverUsed);
            break;
        }
        case OverviewSnapshot::ItemCount: break;
        }
    });
    connect(m_overview->dashboard(), &OverviewDashboard::auditRequested, this, [this](const AuditFilter &f) {
        AuditPage *audit = auditPage();
        audit->applyFilter(f);
        m_nav->markLoaded(audit);   // loaded with the filter: showing it does not load it again
        showPage(audit);
    });
    connect(m_nav, &PageNavigator::firstShown, this, [this](QWidget *page) {
        if (page == m_keys)
            m_keys->reload();
        else if (page == m_users)
            m_users->reload();
        else if (page == m_sessions)
            m_sessions->reload();
        else if (page == m_audit)
            m_audit->reload();
        else if (page == m_adminUsers)
            m_adminUsers->reload();
    });
    connect(context->services()->session(), &Session::changed, this, [this] {
        m_nav->forgetLoaded();
        probeConsoleMode();
    });
    m_ui->navList->setCurrentRow(0);
    m_nav->fitWidth();

    m_sessionBanner = new MessageBanner(this);
    m_sessionBanner->setObjectName(QStringLiteral("globalBanner"));
    m_ui->contentLayout->insertWidget(0, m_sessionBanner);
    connect(context, &AppContext::signedIn, this, [this](const SignInOutcome &o) {
        // Not persisted: the keychain warning (keychainUnavailable) is already up and stays.
        if (o.persisted)
            showGlobalMessage(tr("Signed in as %1.").arg(o.info.user.displayName()), int(MessageBanner::Type::Positive), 5000);
    });

    Session *session = context->services()->session();
    connect(session, &Session::changed, this, [this] {
        m_sessionDead = false;   // set(), clear() or a successful check: whatever was dead is replaced
        updateStatus();
    });
    connect(session, &Session::expiringSoon, this, [this](qint64 left) {
        showGlobalMessage(tr("Your session ends %1. Sign in again to keep working without interruption.")
                              .arg(formatRelative(left)),
                          int(MessageBanner::Type::Warning));
        globalBanner()->setAction(tr("Sign in again"), [this] { signIn(); });
    });
    connect(session, &Session::sessionExpired, this, [this] {
        // Pages keep what the admin typed; only the credential is renewed. The admin stays on the page.
        m_sessionDead = true;
        updateStatus();
        showGlobalMessage(tr("The server no longer accepts this session. Sign in again to continue; nothing you "
                             "entered is lost."),
                          int(MessageBanner::Type::Error));
        globalBanner()->setAction(tr("Sign in again"), [this] { signIn(); });
    });
    connect(context->services()->auth(), &AuthService::keychainUnavailable, this, [this](const QString &why) {
        showGlobalMessage(tr("Sign-in won't be remembered: the system keychain is not available (%1).").arg(why),
                          int(MessageBanner::Type::Warning));
    });
    m_servers->reload();
    updateStatus();
    probeConsoleMode();
}

MainWindow::~MainWindow() = default;

UsersAdminPage *MainWindow::usersAdmin() const
{
    m_nav->ensurePage(AdminUsersIndex);
    return m_adminUsers;
}

QWidget *MainWindow::currentPage() const
{
    return m_nav->currentPage();
}

QLabel *MainWindow::pluginNeededLabel() const
{
    return m_nav->pluginNeededLabel();
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        m_nav->applyStyle();
}

void MainWindow::setUpViewMenu()
{
    Appearance::bindThemeActions(m_context->services()->settings(),
                                 {m_ui->themeSystemAction, m_ui->themeLightAction, m_ui->themeDarkAction});
    m_ui->themeSystemAction->setToolTip(tr("Follow the desktop's colours"));
    Appearance::bindLanguageActions(m_context->services()->settings(),
                                    {m_ui->languageSystemAction, m_ui->languageEnglishAction, m_ui->languageFinnishAction},
                                    this, [this] {
                                        showGlobalMessage(tr("The language changes the next time Pikku Admin starts."),
                                                          int(MessageBanner::Type::Info), 8000);
                                    });
}

MessageBanner *MainWindow::globalBanner() const
{
    return m_sessionBanner;
}

SignInDialog *MainWindow::signInDialog() const
{
    return m_context->signInDialog();
}

void MainWindow::showGlobalMessage(const QString &text, int type, int autoHideMs)
{
    // Shown above whatever page is open: a session message must not take the admin away from their work.
    globalBanner()->showMessage(text, MessageBanner::Type(type), autoHideMs);
}

void MainWindow::probeConsoleMode()
{
    if (!m_context->services()->session()->isSignedIn())
        return;
    // The one capability decision (UserAdmin): /console/info answers, or the plugin is missing.
    m_context->services()->users()->probe(this, [this](Result<ConsoleMode> r) {
        if (!r.ok())
            return;   // unknown (network, 401): the pages report their own errors
        m_nav->setNoPlugin(r.value() == ConsoleMode::NoPlugin);
    });
}

ChannelInspectorPage *MainWindow::channelInspector() const
{
    m_nav->ensurePage(ChannelsIndex);
    return m_channels;
}

DeviceApprovalPage *MainWindow::deviceApprovals() const
{
    m_nav->ensurePage(DevicesIndex);
    return m_devices;
}

AuditPage *MainWindow::auditPage() const
{
    m_nav->ensurePage(AuditIndex);
    return m_audit;
}

ApiKeysPage *MainWindow::apiKeys() const
{
    m_nav->ensurePage(KeysIndex);
    return m_keys;
}

ServiceUsersPage *MainWindow::serviceUsers() const
{
    m_nav->ensurePage(UsersIndex);
    return m_users;
}

void MainWindow::withEndpoint(std::function<void(const ServerProfile &)> next)
{
    ServerProfile profile = m_context->services()->profiles().current();
    if (!profile.authPath.isEmpty()) {
        next(profile);
        return;
    }
    m_overview->setBusy(tr("Looking for better-auth on %1…").arg(profile.key()));
    AuthApi::detectAuthPath(m_context->services()->http(), QUrl(profile.key()), profile.allowInsecureHttp, this,
                            [this, profile, next](Result<QString> r) mutable {
                                if (!r.ok()) {
                                    globalBanner()->showError(r.error(), tr("Retry"), [this] { start(); });
                                    m_overview->refresh();
                                    return;
                                }
                                profile.authPath = r.value();
                                m_context->services()->profiles().save(profile);
                                next(profile);
                            });
}

void MainWindow::start()
{
    updateStatus();
    m_restoring = true;
    withEndpoint([this](const ServerProfile &profile) {
        m_overview->setBusy(tr("Checking the saved session for %1…").arg(profile.key()));
        m_context->services()->auth()->restore(profile.endpoint(), this, [this, profile](Result<SessionInfo> r) {
            m_restoring = false;
            m_overview->refresh();
            updateStatus();
            if (r.ok()) {
                globalBanner()->dismiss();
                return;
            }
            const ApiError &e = r.error();
            if (e.kind == ApiError::Kind::Unauthorized && e.serverCode == QLatin1String("SESSION_GONE")) {
                showGlobalMessage(tr("Your saved session for %1 has ended on the server (revoked or expired).")
                                      .arg(profile.key()),
                                  int(MessageBanner::Type::Warning));
                globalBanner()->setAction(tr("Sign in"), [this] { signIn(); });
            } else if (e.kind == ApiError::Kind::Unauthorized) {
                // Simply not signed in yet: the overview page says so.
            } else if (e.kind == ApiError::Kind::KeychainUnavailable) {
                // keychainUnavailable() already put up the banner.
            } else {
                if (e.kind == ApiError::Kind::RateLimited) {
                    globalBanner()->showError(e, tr("Retry"), [this] { start(); });   // counts down
                } else {
                    showGlobalMessage(tr("Could not check the saved session: %1").arg(e.userMessage()),
                                      int(MessageBanner::Type::Error));
                    globalBanner()->setAction(tr("Retry"), [this] { start(); });
                }
            }
        });
    });
}

void MainWindow::signIn()
{
    if (SignInDialog *open = m_context->signInDialog(); open && open->parentWidget() == this) {
        open->raise();
        open->activateWindow();
        return;
    }
    // The same app-wide mechanism the dialogs use after a 401 (AppContext::requestSignIn).
    withEndpoint([this](const ServerProfile &profile) { m_context->requestSignIn(this, profile.endpoint()); });
}

void MainWindow::signOut()
{
    Session *session = m_context->services()->session();
    if (!session->isSignedIn())
        return;
    const ServerEndpoint endpoint = session->endpoint();
    Dialogs::confirm(this, tr("Sign out"),
                     tr("Sign out of %1? The session is revoked on the server and removed from the keychain.")
                         .arg(endpoint.key()),
                     tr("Sign out"), [this, endpoint](bool ok) {
                         if (!ok)
                             return;
                         m_context->services()->auth()->logout(endpoint, this, [this](const LogoutOutcome &o) {
                             if (o.serverRevoked && o.keychainCleared) {
                                 showGlobalMessage(tr("Signed out; the session is revoked on the server."),
                                                   int(MessageBanner::Type::Positive), 5000);
                             } else if (!o.serverRevoked) {
                                 showGlobalMessage(tr("Signed out here, but the server could not be told (%1). The "
                                                      "session may stay valid on the server until it expires.")
                                                       .arg(o.serverError.userMessage()),
                                                   int(MessageBanner::Type::Warning));
                             } else {
                                 showGlobalMessage(tr("The server session is revoked, but the keychain entry could "
                                                      "not be removed: %1").arg(o.keychainError),
                                                   int(MessageBanner::Type::Warning));
                             }
                             m_overview->refresh();
                         });
                     });
}

void MainWindow::checkSession()
{
    Session *session = m_context->services()->session();
    if (!session->isSignedIn())
        return;
    AuthApi api(m_context->services()->http(), session->endpoint());
    api.getSession(session->token(), this, [this](Result<SessionInfo> r) {
        Session *session = m_context->services()->session();
        if (r.ok()) {
            session->updateFrom(r.value());
            showGlobalMessage(tr("The session is valid."), int(MessageBanner::Type::Positive), 4000);
        } else if (r.error().kind == ApiError::Kind::Unauthorized) {
            session->reportUnauthorized();
        } else {
            globalBanner()->showError(r.error());
        }
    });
}

void MainWindow::updateStatus()
{
    // The title is the server only: the platform adds " — Pikku Admin" (the application display name) itself.
    const Session *session = m_context->services()->session();
    const bool in = session->isSignedIn();
    // A session the server refused still counts as "signed in" locally (its token is kept so pages keep
    // their state), but sign-in must be reachable: both actions show until it is renewed.
    m_signInAction->setVisible(!in || m_sessionDead);
    m_signInAction->setText(m_sessionDead ? tr("Sign in again…") : tr("Sign in…"));
    m_signOutAction->setVisible(in);
    if (in && m_sessionDead) {
        m_statusLabel->setText(tr("The session of %1 on %2 has ended · sign in again (Ctrl+L)")
                                   .arg(session->user().displayName(), session->endpoint().key()));
        setWindowTitle(session->endpoint().key());
    } else if (in) {
        m_statusLabel->setText(tr("Signed in as %1 on %2 · session ends %3%4")
                                   .arg(session->user().displayName(), session->endpoint().key(),
                                        formatRelative(session->secondsLeft()),
                                        session->isPersisted() ? QString() : tr(" · not remembered (no keychain)")));
        setWindowTitle(session->endpoint().key());
    } else {
        m_statusLabel->setText(tr("Not signed in · %1").arg(m_context->services()->profiles().current().key()));
        setWindowTitle(QString());
    }
}

void MainWindow::bringToFront()
{
    showNormal();
    raise();
    activateWindow();
}

void MainWindow::showPage(QWidget *page)
{
    m_nav->showPage(page);
}
