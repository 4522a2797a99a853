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
#include "ServerDialog.h"
#include "SignInDialog.h"
#include "core/Duration.h"
#include "core/Logging.h"
#include "services/Services.h"
#include "services/UserAdmin.h"
#include "net/AuthApi.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QIcon>
#include <QLabel>
#include <QSettings>
#include <QStyle>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

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
    m_ui->navList->setIconSize(QSize(20, 20));
    applyNavStyle();

    auto *serverCaption = new QLabel(tr(" Server: "), this);
    m_serverBox = new QComboBox(this);
    m_serverBox->setObjectName(QStringLiteral("serverBox"));
    m_serverBox->setMinimumContentsLength(28);
    m_serverBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_serverBox->setAccessibleName(tr("Server"));
    m_ui->mainToolBar->addWidget(serverCaption);
    m_ui->mainToolBar->addWidget(m_serverBox);
    QAction *addServer = m_ui->mainToolBar->addAction(uiIcon("server-add"), tr("Add server…"));
    addServer->setObjectName(QStringLiteral("addServerAction"));
    QAction *editServerAction = m_ui->mainToolBar->addAction(uiIcon("edit"), tr("Edit…"));
    editServerAction->setObjectName(QStringLiteral("editServerAction"));
    QAction *removeServerAction = m_ui->mainToolBar->addAction(uiIcon("remove"), tr("Remove…"));
    removeServerAction->setObjectName(QStringLiteral("removeServerAction"));
    removeServerAction->setToolTip(tr("Remove this server from the console and forget its saved sign-in"));
    m_ui->mainToolBar->addSeparator();
    m_signInAction = m_ui->mainToolBar->addAction(uiIcon("sign-in"), tr("Sign in…"));
    m_signInAction->setObjectName(QStringLiteral("signInAction"));
    m_signInAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+L")));
    m_signOutAction = m_ui->mainToolBar->addAction(uiIcon("sign-out"), tr("Sign out"));
    m_signOutAction->setObjectName(QStringLiteral("signOutAction"));
    connect(addServer, &QAction::triggered, this, [this] { editServer(true); });
    connect(editServerAction, &QAction::triggered, this, [this] { editServer(false); });
    connect(removeServerAction, &QAction::triggered, this, [this] {
        // The server picked in the box: sign out there first (server, then keychain), then drop its profile.
        ServerProfiles &profiles = m_context->services()->profiles();
        const QString key = m_serverBox->currentData().toString();
        const ServerProfile p = profiles.find(key).value_or(profiles.current());
        const Session *session = m_context->services()->session();
        const bool signedInHere = session->isSignedIn() && session->endpoint().key() == p.endpoint().key();
        const ServerEndpoint endpoint = signedInHere ? session->endpoint() : p.endpoint();
        const QString name = p.label.isEmpty() ? p.key() : QStringLiteral("%1 (%2)").arg(p.label, p.key());
        Dialogs::confirm(
            this, tr("Remove server"),
            tr("<p>Remove <b>%1</b> from this console?</p><p>Its settings are deleted and <b>its saved sign-in is "
               "forgotten</b> (the keychain entry is removed). %2</p>")
                .arg(name.toHtmlEscaped(),
                     signedInHere ? tr("You are signed in there: the session is signed out on the server first.")
                                  : tr("A session saved for it is signed out on the server first.")),
            tr("Remove server"),
            [this, key, name, endpoint](bool ok) {
                if (!ok)
                    return;
                m_context->services()->auth()->logout(endpoint, this, [this, key, name](const LogoutOutcome &o) {
                    m_context->services()->profiles().remove(key);
                    reloadServers();
                    start();
                    if (!o.keychainCleared)
                        showGlobalMessage(tr("Removed %1, but its keychain entry could not be removed: %2")
                                              .arg(name, o.keychainError),
                                          int(MessageBanner::Type::Warning));
                    else if (o.wasSignedIn && !o.serverRevoked)
                        showGlobalMessage(tr("Removed %1 and forgot its sign-in, but the server could not be told (%2); "
                                             "the session may stay valid there until it expires.")
                                              .arg(name, o.serverError.userMessage()),
                                          int(MessageBanner::Type::Warning));
                    else
                        showGlobalMessage(o.wasSignedIn ? tr("Removed %1; signed out on the server and its saved sign-in "
                                                             "is forgotten.").arg(name)
                                                        : tr("Removed %1.").arg(name),
                                          int(MessageBanner::Type::Positive), 6000);
                });
            },
            QMessageBox::Warning);
    });
    connect(m_signInAction, &QAction::triggered, this, &MainWindow::signIn);
    connect(m_signOutAction, &QAction::triggered, this, &MainWindow::signOut);

    setUpViewMenu();

    m_statusLabel = new QLabel(this);
    m_statusLabel->setTextFormat(Qt::PlainText);   // the user's name is the server's
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    statusBar()->addPermanentWidget(m_statusLabel, 1);

    m_overview = new OverviewPage(context, this);
    addPage(m_overview, tr("Overview"), uiIcon("overview"));
    connect(m_overview, &OverviewPage::signInRequested, this, &MainWindow::signIn);
    connect(m_overview, &OverviewPage::signOutRequested, this, &MainWindow::signOut);
    connect(m_overview, &OverviewPage::checkRequested, this, &MainWindow::checkSession);
    addLazyPage(tr("Service users"), uiIcon("service-users"), [this, context] {
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
    });
    addLazyPage(tr("API keys"), uiIcon("api-keys"), [this, context] { return m_keys = new ApiKeysPage(context, this); });
    addLazyPage(tr("Sessions"), uiIcon("sessions"), [this, context] { return m_sessions = new SessionsPage(context, this); });
    addLazyPage(tr("Device approvals"), uiIcon("device-approvals"),
                [this, context] { return m_devices = new DeviceApprovalPage(context, this); });
    addLazyPage(tr("Channels"), uiIcon("channels"), [this, context] { return m_channels = new ChannelInspectorPage(context, this); });
    addLazyPage(tr("Audit"), uiIcon("audit"), [this, context] { return m_audit = new AuditPage(context, this); });
    // better-auth's own admin plugin: every user, bans, roles, a user's sessions (with or without our plugin).
    addLazyPage(tr("Users"), uiIcon("service-users"), [this, context] { return m_adminUsers = new UsersAdminPage(context, this); });
    // Not in the navigation: what a page that needs the console plugin shows on a server without it.
    m_pluginNeeded = new QWidget(this);
    m_pluginNeeded->setObjectName(QStringLiteral("pluginNeededPage"));
    auto *needLayout = new QVBoxLayout(m_pluginNeeded);
    m_pluginNeededLabel = new QLabel(m_pluginNeeded);
    m_pluginNeededLabel->setObjectName(QStringLiteral("pluginNeededLabel"));
    m_pluginNeededLabel->setTextFormat(Qt::PlainText);
    m_pluginNeededLabel->setWordWrap(true);
    needLayout->addWidget(m_pluginNeededLabel);
    needLayout->addStretch(1);
    m_ui->pageStack->addWidget(m_pluginNeeded);
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
        showNormal();
        raise();
        activateWindow();
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
        showNormal();
        raise();
        activateWindow();
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
        case OverviewSnapshot::LiveConnections: ensurePage(SessionsIndex); showPage(m_sessions); break;
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
        m_loadedPages.insert(audit);   // loaded with the filter: showing it does not load it again
        showPage(audit);
    });
    connect(m_ui->navList, &QListWidget::currentRowChanged, this, &MainWindow::showNavPage);
    connect(m_ui->pageStack, &QStackedWidget::currentChanged, this, [this](int i) {
        // Pages load when first shown (and again on F5), not at start-up.
        QWidget *page = m_ui->pageStack->widget(i);
        if (!m_context->services()->session()->isSignedIn() || m_loadedPages.contains(page))
            return;
        m_loadedPages.insert(page);
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
        m_loadedPages.clear();
        probeConsoleMode();
    });
    m_ui->navList->setCurrentRow(0);
    // The navigation is as wide as its longest entry and sits right against the page (no splitter: no
    // handle, no gutter); its right border is the divider.
    int navText = 0;
    for (int i = 0; i < m_ui->navList->count(); ++i)
        navText = std::max(navText, m_ui->navList->fontMetrics().horizontalAdvance(m_ui->navList->item(i)->text()));
    m_ui->navList->setFixedWidth(std::clamp(navText + m_ui->navList->iconSize().width() + 48, 150, 220));

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
    connect(m_serverBox, qOverload<int>(&QComboBox::activated), this, &MainWindow::switchServer);
    reloadServers();
    updateStatus();
    probeConsoleMode();
}

MainWindow::~MainWindow() = default;

UsersAdminPage *MainWindow::usersAdmin() const
{
    const_cast<MainWindow *>(this)->ensurePage(AdminUsersIndex);
    return m_adminUsers;
}

QWidget *MainWindow::currentPage() const
{
    return m_ui->pageStack->currentWidget();
}

QLabel *MainWindow::pluginNeededLabel() const
{
    return m_pluginNeededLabel;
}

void MainWindow::applyNavStyle()
{
    // A style sheet resolves palette(...) when it is applied: set again when the palette changes (View > Theme,
    // the desktop's theme), or the navigation would keep the old theme's colours.
    m_ui->navList->setStyleSheet(QString());
    m_ui->navList->setStyleSheet(QStringLiteral(
        "QListWidget#navList { background: palette(base); border-right: 1px solid palette(mid); padding-top: 6px; }"
        " QListWidget#navList::item { padding-left: 10px; }"));
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyNavStyle();
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

void MainWindow::addPage(QWidget *page, const QString &title, const QIcon &icon)
{
    m_ui->pageStack->addWidget(page);
    auto *item = new QListWidgetItem(icon, title, m_ui->navList);
    item->setSizeHint(QSize(0, 36));
}

void MainWindow::addLazyPage(const QString &title, const QIcon &icon, std::function<QWidget *()> make)
{
    addPage(new QWidget(this), title, icon);   // a placeholder until the page is first shown
    while (m_makePage.size() < m_ui->pageStack->count())
        m_makePage.append(nullptr);
    m_makePage.last() = std::move(make);
}

void MainWindow::probeConsoleMode()
{
    if (!m_context->services()->session()->isSignedIn())
        return;
    // The one capability decision (UserAdmin): /console/info answers, or the plugin is missing.
    m_context->services()->users()->probe(this, [this](Result<ConsoleMode> r) {
        if (!r.ok())
            return;   // unknown (network, 401): the pages report their own errors
        const bool noPlugin = r.value() == ConsoleMode::NoPlugin;
        if (noPlugin == m_noPlugin)
            return;
        m_noPlugin = noPlugin;
        showNavPage(m_ui->navList->currentRow());
    });
}

void MainWindow::showNavPage(int index)
{
    if (index < 0)
        return;
    const bool needsPlugin = index == UsersIndex || index == KeysIndex || index == SessionsIndex || index == AuditIndex;
    if (m_noPlugin && needsPlugin) {
        m_pluginNeededLabel->setText(tr("%1 needs the console plugin on the server: install @pikku-admin/better-auth-console "
                                        "(see server/console-plugin/README.md). Without it: Users, Device approvals and Channels.")
                                         .arg(m_ui->navList->item(index)->text()));
        m_ui->pageStack->setCurrentWidget(m_pluginNeeded);
        return;
    }
    ensurePage(index);
    m_ui->pageStack->setCurrentIndex(index);
}

void MainWindow::ensurePage(int index)
{
    if (index < 0 || index >= m_makePage.size() || !m_makePage.at(index))
        return;
    const auto make = std::exchange(m_makePage[index], nullptr);
    QWidget *placeholder = m_ui->pageStack->widget(index);
    QWidget *page = make();
    m_ui->pageStack->insertWidget(index, page);
    m_ui->pageStack->removeWidget(placeholder);
    placeholder->deleteLater();
}

ChannelInspectorPage *MainWindow::channelInspector() const
{
    const_cast<MainWindow *>(this)->ensurePage(ChannelsIndex);
    return m_channels;
}

DeviceApprovalPage *MainWindow::deviceApprovals() const
{
    const_cast<MainWindow *>(this)->ensurePage(DevicesIndex);
    return m_devices;
}

AuditPage *MainWindow::auditPage() const
{
    const_cast<MainWindow *>(this)->ensurePage(AuditIndex);
    return m_audit;
}

ApiKeysPage *MainWindow::apiKeys() const
{
    const_cast<MainWindow *>(this)->ensurePage(KeysIndex);
    return m_keys;
}

ServiceUsersPage *MainWindow::serviceUsers() const
{
    const_cast<MainWindow *>(this)->ensurePage(UsersIndex);
    return m_users;
}

void MainWindow::reloadServers()
{
    ServerProfiles &profiles = m_context->services()->profiles();
    QList<ServerProfile> list = profiles.all();
    const ServerProfile current = profiles.current();
    if (list.isEmpty())
        list << current;
    m_serverBox->clear();
    for (const ServerProfile &p : list) {
        const QString text = p.label.isEmpty() ? p.key() : QStringLiteral("%1 — %2").arg(p.label, p.key());
        m_serverBox->addItem(text, p.key());
    }
    m_serverBox->setCurrentIndex(std::max(0, m_serverBox->findData(current.key())));
}

void MainWindow::switchServer(int index)
{
    const QString key = m_serverBox->itemData(index).toString();
    if (key == m_context->services()->profiles().current().key() && m_context->services()->session()->isSignedIn())
        return;
    ServerProfiles &profiles = m_context->services()->profiles();
    if (!profiles.find(key))
        profiles.save(profiles.current());
    profiles.setCurrent(key);
    m_context->services()->session()->clear();
    start();
}

void MainWindow::editServer(bool addNew)
{
    const ServerProfile base = addNew ? ServerProfile{} : m_context->services()->profiles().current();
    auto *dlg = new ServerDialog(m_context->services()->http(), base, this);
    dlg->setObjectName(QStringLiteral("serverDialog"));
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &QDialog::accepted, this, [this, dlg] {
        const ServerProfile p = dlg->profile();
        ServerProfiles &profiles = m_context->services()->profiles();
        profiles.save(p);
        profiles.setCurrent(p.key());
        m_context->services()->session()->clear();
        reloadServers();
        start();
    });
    dlg->open();
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

void MainWindow::showPage(QWidget *page)
{
    const int i = m_ui->pageStack->indexOf(page);
    if (i >= 0)
        m_ui->navList->setCurrentRow(i);
}
