// h-audit (issue 13 items 4, 7): the Audit page and the overview's dashboard, offscreen, against the real dev
// server (real better-auth, real SQLite) with live `audit` events over the real WebSocket on loopback; and the
// v1 fallback against an in-process fixture whose /console/info announces none of the v1.1 features (a real
// server cannot be asked to be v1).
#include "DevServer.h"
#include "FakeClock.h"
#include "FixtureServer.h"
#include "TestEnv.h"
#include "gui/ApiKeysPage.h"
#include "gui/AppContext.h"
#include "gui/AuditPage.h"
#include "gui/DeviceApprovalPage.h"
#include "gui/DeviceNotifier.h"
#include "gui/MainWindow.h"
#include "gui/MessageBanner.h"
#include "gui/OverviewDashboard.h"
#include "gui/OverviewPage.h"
#include "gui/ServiceUsersPage.h"
#include "net/ConsoleApi.h"
#include "services/AuditService.h"
#include "services/DeviceRequestWatcher.h"
#include "services/ExpiryReminder.h"
#include "services/ServiceUserOperations.h"
#include "core/AuthTypes.h"
#include "services/Services.h"
#include "services/models/ApiKeysModel.h"
#include "services/models/AuditModel.h"

#include <QAction>
#include <QGroupBox>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

class TestAuditGui : public QObject
{
    Q_OBJECT
private:
    DevServer m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<Services> m_services;
    std::unique_ptr<AppContext> m_context;

    void grab(QWidget *w, const QString &name)
    {
        const QString dir = qEnvironmentVariable("PIKKU_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            w->grab().save(dir + QLatin1Char('/') + name);
    }

    QString createServiceUser(const QString &name)
    {
        const auto r = awaitResult<ServiceUser>(
            [&](QObject *c, auto cb) { m_services->console()->createServiceUser(name, QString(), c, cb); });
        return r && r->ok() ? r->value().id : QString();
    }

    // Services signed in (memory only) at a fixture server, without asking it; settings in a fresh file.
    std::unique_ptr<Services> signedInAt(const FixtureServer &fixture, Clock *clock = new SystemClock,
                                         const QString &ini = QStringLiteral("fixture.ini"))
    {
        QFile::remove(m_dir.filePath(ini));
        auto services = std::make_unique<Services>(std::unique_ptr<Clock>(clock), new MemorySecretStore,
                                                   new QSettings(m_dir.filePath(ini), QSettings::IniFormat));
        SessionInfo info;
        info.sessionId = QStringLiteral("s1");
        info.expiresAt = QDateTime::currentDateTimeUtc().addDays(30);
        info.user.id = QStringLiteral("u1");
        info.user.email = QStringLiteral("admin@example.com");
        info.user.role = QStringLiteral("admin");
        services->session()->set(TestEnv::endpointFor(fixture.url()), QStringLiteral("fixture-token"), info, false);
        return services;
    }

    // A v1 server: /console/info without features, v1 lists (one service user without keys, two keys of
    // which one is disabled and one expires in 3 days), 4 sessions, 1 device code.
    static void serveV1(FixtureServer &fixture)
    {
        const QString soon = QDateTime::currentDateTimeUtc().addDays(3).toString(Qt::ISODateWithMs);
        fixture.on(QStringLiteral("/api/auth/console/info"), [](const QHttpServerRequest &) {
            return FixtureServer::json(R"({"apiVersion":1,"serverVersion":"0.9.0"})");
        });
        fixture.on(QStringLiteral("/api/auth/console/service-users"), [](const QHttpServerRequest &) {
            return FixtureServer::json(R"({"users":[{"id":"su1","name":"a","email":"a@s","role":"service","banned":false,
                "apiKeyCount":2},{"id":"su2","name":"<b>b</b>","email":"b@s","role":"service","banned":false,"apiKeyCount":0}],"total":2})");
        });
        fixture.on(QStringLiteral("/api/auth/console/api-keys"), [soon](const QHttpServerRequest &) {
            return FixtureServer::json(QStringLiteral(
                R"({"apiKeys":[{"id":"k1","userId":"su1","name":"x","start":"pk_1","prefix":"pk_","enabled":false,
                "createdAt":"2026-01-01T00:00:00.000Z","updatedAt":"2026-01-01T00:00:00.000Z","expiresAt":null,"lastRequest":null,
                "requestCount":0,"remaining":null,"rateLimitEnabled":false,"rateLimitMax":null,"rateLimitTimeWindow":null,
                "permissions":{},"metadata":{}},
                {"id":"k2","userId":"su1","name":"y","start":"pk_2","prefix":"pk_","enabled":true,
                "createdAt":"2026-01-01T00:00:00.000Z","updatedAt":"2026-01-01T00:00:00.000Z","expiresAt":"%1",
                "lastRequest":"2026-01-02T00:00:00.000Z","requestCount":3,"remaining":null,"rateLimitEnabled":false,
                "rateLimitMax":null,"rateLimitTimeWindow":null,"permissions":{},"metadata":{}}],"total":2})").arg(soon).toUtf8());
        });
        fixture.on(QStringLiteral("/api/auth/console/sessions"), [](const QHttpServerRequest &) {
            return FixtureServer::json(R"({"sessions":[{"id":"s1","userId":"u1"}],"total":4})");
        });
        fixture.on(QStringLiteral("/api/auth/console/device-codes"), [](const QHttpServerRequest &) {
            return FixtureServer::json(R"({"deviceCodes":[{"userCode":"ABCDEFGH","clientId":"c","scope":null,
                "createdAt":"2026-01-01T00:00:00.000Z","expiresAt":"2099-01-01T00:00:00.000Z"}]})");
        });
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        m_services = std::make_unique<Services>(std::make_unique<SystemClock>(), new MemorySecretStore,
                                                new QSettings(m_dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat));
        m_context = std::make_unique<AppContext>(m_services.get());
        const ServerEndpoint e = TestEnv::endpointFor(m_server.url());
        const QString token = TestEnv::adminToken(m_services->http(), e);
        QVERIFY(!token.isEmpty());
        const auto r = awaitResult<SignInOutcome>([&](QObject *c, auto cb) { m_services->auth()->completeSignIn(e, token, c, cb); });
        QVERIFY(r && r->ok());
        QVERIFY(!createServiceUser(QStringLiteral("audit-seed")).isEmpty());   // at least one entry
    }

    // The page lists the server's entries, then a console action made elsewhere arrives live, on top,
    // once; its detail is plain text; a filter goes to the server and live entries outside it stay out.
    void liveEntryArrivesOnTop()
    {
        AuditPage page(m_context.get());
        page.resize(1100, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.reload();
        AuditService *audit = page.service();
        QTRY_COMPARE_WITH_TIMEOUT(audit->state(), AuditService::State::Ready, 20000);
        QVERIFY(audit->model()->rowCount() >= 1);
        QVERIFY(audit->firstRowsMs() >= 0);
        QTRY_VERIFY_WITH_TIMEOUT(audit->isLive(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(page.findChild<QLabel *>(QStringLiteral("auditLiveLabel"))->text().startsWith(QStringLiteral("Live")), 10000);
        const int before = audit->model()->rowCount();

        const QString id = createServiceUser(QStringLiteral("live <i>one</i>"));
        QVERIFY(!id.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(audit->model()->rowCount(), before + 1, 10000);
        const AuditEntry &top = audit->model()->entry(0);
        QCOMPARE(top.action, QStringLiteral("/console/service-users/create"));
        QCOMPARE(top.actorEmail, DevServer::adminEmail());
        QVERIFY(top.success);

        page.table()->selectRow(0);
        QTRY_VERIFY(page.detail()->toPlainText().contains(QStringLiteral("/console/service-users/create")));
        QVERIFY(page.detail()->toPlainText().contains(top.id));
        grab(&page, QStringLiteral("audit.png"));
        page.resize(1024, 700);
        QTest::qWait(50);
        grab(&page, QStringLiteral("audit-1024.png"));

        // A filter on the server: that one target; a live entry for another target stays out, and one that
        // matches comes in.
        AuditFilter f;
        f.target = id;
        page.applyFilter(f);
        QTRY_COMPARE_WITH_TIMEOUT(audit->state(), AuditService::State::Ready, 20000);
        QCOMPARE(audit->model()->rowCount(), 1);
        QCOMPARE(audit->model()->entry(0).target, id);
        f.target.clear();
        f.action = QStringLiteral("/console/service-users/*");
        page.applyFilter(f);
        QTRY_COMPARE_WITH_TIMEOUT(audit->state(), AuditService::State::Ready, 20000);
        const int users = audit->model()->rowCount();
        QVERIFY(users >= 2);
        for (int r = 0; r < users; ++r)
            QVERIFY(audit->model()->entry(r).action.startsWith(QStringLiteral("/console/service-users/")));
        // A key minted now is outside the filter; the next service user is inside it.
        KeyFields k;
        k.userId = id;
        k.name = QStringLiteral("outside");
        k.rateLimitEnabled = false;
        QVERIFY(awaitResult<MintedKey>([&](QObject *c, auto cb) { m_services->console()->createApiKey(k, c, cb); })->ok());
        QVERIFY(!createServiceUser(QStringLiteral("live two")).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(audit->model()->rowCount(), users + 1, 10000);
        QCOMPARE(audit->model()->entry(0).action, QStringLiteral("/console/service-users/create"));
        for (int r = 0; r < audit->model()->rowCount(); ++r)
            QVERIFY(audit->model()->entry(r).action.startsWith(QStringLiteral("/console/service-users/")));

        // The filter typed by hand: a bad time is refused with a line naming the field.
        page.findChild<QLineEdit *>(QStringLiteral("auditSinceEdit"))->setText(QStringLiteral("last tuesday"));
        page.reload();
        QVERIFY(page.banner()->text().contains(QStringLiteral("Since")));
        page.applyFilter({});
    }

    // The dashboard against the real server: its counts and the last audit entries, and a double-click on an
    // entry opens the Audit page filtered to its target; a count opens its page.
    void dashboardCountsAndClicks()
    {
        MainWindow window(m_context.get());
        window.resize(1100, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *dashboard = window.findChild<OverviewDashboard *>(QStringLiteral("overviewDashboard"));
        QVERIFY(dashboard);
        // One disabled key among others: the count's click shows only it.
        const QString owner = createServiceUser(QStringLiteral("dash-owner"));
        KeyFields k;
        k.userId = owner;
        k.name = QStringLiteral("to-disable");
        k.rateLimitEnabled = false;
        const auto minted = awaitResult<MintedKey>([&](QObject *c, auto cb) { m_services->console()->createApiKey(k, c, cb); });
        QVERIFY(minted && minted->ok());
        k.name = QStringLiteral("stays-on");
        QVERIFY(awaitResult<MintedKey>([&](QObject *c, auto cb) { m_services->console()->createApiKey(k, c, cb); })->ok());
        KeyFields off;
        off.enabled = false;
        QVERIFY(awaitResult<ApiKey>([&](QObject *c, auto cb) {
            m_services->console()->updateApiKey(minted->value().apiKey.id, off, c, cb); })->ok());
        dashboard->refresh();
        QPushButton *users = dashboard->countButton(OverviewSnapshot::ServiceUsers);
        QTRY_VERIFY_WITH_TIMEOUT(!dashboard->service()->isLoading() && !users->text().isEmpty(), 20000);
        QVERIFY(dashboard->service()->snapshot().fromOverview);
        QVERIFY2(users->text().contains(QStringLiteral("service users")), qPrintable(users->text()));
        const auto userCount = dashboard->service()->snapshot().counts[OverviewSnapshot::ServiceUsers];
        QVERIFY2(userCount.value_or(0) >= 1, qPrintable(users->text()));
        QVERIFY(dashboard->recentAudit()->count() >= 1);
        grab(&window, QStringLiteral("dashboard.png"));
        window.resize(1024, 700);
        QTest::qWait(50);
        grab(&window, QStringLiteral("dashboard-1024.png"));

        auto *stack = window.findChild<QStackedWidget *>(QStringLiteral("pageStack"));
        QVERIFY(stack);
        QTest::mouseClick(dashboard->countButton(OverviewSnapshot::Sessions), Qt::LeftButton);
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("sessionsPage"));

        QCOMPARE(dashboard->service()->snapshot().counts[OverviewSnapshot::DisabledKeys].value_or(-1), 1);
        QTest::mouseClick(dashboard->countButton(OverviewSnapshot::DisabledKeys), Qt::LeftButton);
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("apiKeysPage"));
        ApiKeysPage *keys = window.apiKeys();
        QCOMPARE(keys->filterModel()->only(), ApiKeysFilterModel::Only::Disabled);
        QTRY_VERIFY_WITH_TIMEOUT(keys->model()->rowCount() >= 2 && !keys->model()->isLoading(), 20000);   // the two above (and "outside")
        QTRY_COMPARE_WITH_TIMEOUT(keys->view()->model()->rowCount(), 1, 10000);
        QVERIFY(keys->filterModel()->coversAll());
        QVERIFY(keys->banner()->text().contains(QStringLiteral("disabled keys")));
        keys->banner()->dismiss();
        QCOMPARE(keys->filterModel()->only(), ApiKeysFilterModel::Only::All);
        QCOMPARE(keys->view()->model()->rowCount(), keys->model()->rowCount());
        dashboard->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!dashboard->service()->isLoading(), 20000);

        QListWidgetItem *first = dashboard->recentAudit()->item(0);
        const QString target = first->data(Qt::UserRole).toString();
        QVERIFY(!target.isEmpty());
        emit dashboard->recentAudit()->itemActivated(first);
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("auditPage"));
        AuditPage *audit = window.auditPage();
        QCOMPARE(audit->findChild<QLineEdit *>(QStringLiteral("auditTargetEdit"))->text(), target);
        QTRY_COMPARE_WITH_TIMEOUT(audit->service()->state(), AuditService::State::Ready, 20000);
        QCOMPARE(audit->service()->filter().target, target);
        QVERIFY(audit->service()->model()->rowCount() >= 1);
        for (int r = 0; r < audit->service()->model()->rowCount(); ++r)
            QCOMPARE(audit->service()->model()->entry(r).target, target);
    }

    // Item 8: a device code requested while the window is hidden: the navigation's badge counts it, the
    // notification's click (openRequested: offscreen has no tray) opens its approval with the code filled in
    // and approving still needs the match confirmation; the View menu's switch turns it all off.
    void deviceRequestCallsYou()
    {
        QSettings *settings = m_services->settings();
        settings->remove(DeviceRequestWatcher::settingKey());
        MainWindow window(m_context.get());
        window.resize(1100, 700);
        DeviceRequestWatcher *watcher = m_services->deviceRequests();
        DeviceNotifier *notifier = window.deviceNotifier();
        QVERIFY(notifier->toggleAction()->isChecked());
        QTRY_VERIFY_WITH_TIMEOUT(watcher->isSupported() && watcher->isLive(), 20000);   // with no window shown
        QVERIFY(!window.isVisible());
        auto *nav = window.findChild<QListWidget *>(QStringLiteral("navList"));
        const int devicesRow = 4;
        QTRY_COMPARE_WITH_TIMEOUT(nav->item(devicesRow)->text(), QStringLiteral("Device approvals"), 10000);

        const ServerEndpoint e = TestEnv::endpointFor(m_server.url());
        const auto post = TestEnv::awaitCall(m_services->http()->post(
            e.authUrl(QStringLiteral("/device/code")), {{QStringLiteral("client_id"), QStringLiteral("tv-\u202eapp")},
                                                        {QStringLiteral("scope"), QStringLiteral("openid")}}));
        QVERIFY(post && post->ok());
        const QString userCode = post->json.object().value(QStringLiteral("user_code")).toString();
        QTRY_COMPARE_WITH_TIMEOUT(nav->item(devicesRow)->text(), QStringLiteral("Device approvals (1)"), 10000);
        QCOMPARE(notifier->lastCode(), normalizeUserCode(userCode));

        emit notifier->openRequested(notifier->lastCode());
        QVERIFY(window.isVisible());
        auto *stack = window.findChild<QStackedWidget *>(QStringLiteral("pageStack"));
        QCOMPARE(stack->currentWidget()->objectName(), window.deviceApprovals()->objectName());
        QCOMPARE(normalizeUserCode(window.deviceApprovals()->findChild<QLineEdit *>(QStringLiteral("userCodeEdit"))->text()),
                 normalizeUserCode(userCode));
        auto *box = window.deviceApprovals()->findChild<QGroupBox *>(QStringLiteral("claimBox"));
        QTRY_VERIFY_WITH_TIMEOUT(box->isVisible(), 10000);
        QVERIFY(!window.deviceApprovals()->findChild<QPushButton *>(QStringLiteral("approveButton"))->isEnabled());

        notifier->toggleAction()->setChecked(false);
        QCOMPARE(settings->value(DeviceRequestWatcher::settingKey()).toBool(), false);
        QTRY_COMPARE(nav->item(devicesRow)->text(), QStringLiteral("Device approvals"));
        QTRY_VERIFY_WITH_TIMEOUT(!watcher->isLive(), 10000);
        notifier->toggleAction()->setChecked(true);
        QTRY_VERIFY_WITH_TIMEOUT(watcher->isSupported() && watcher->isLive(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(nav->item(devicesRow)->text(), QStringLiteral("Device approvals (1)"), 10000);   // recounted
    }

    // Item 8, the keys' side: a key that expires within 7 days raises one notice a day per server, checked
    // hourly on the services' clock (a fake one here); a second check or a restart on the same day neither
    // tells again nor asks the server; the next day tells again; the View menu's switch turns it off. The
    // window shows the notice as a banner (offscreen has no tray) and its click opens the expiring keys.
    void expiryReminderOncePerDay()
    {
        FixtureServer fixture;
        QVERIFY(fixture.listen());
        serveV1(fixture);   // one key of two expires in 3 days
        auto *clock = new FakeClock(QDateTime::currentDateTimeUtc());
        auto services = signedInAt(fixture, clock, QStringLiteral("expiry.ini"));
        AppContext context(services.get());
        ExpiryReminder *reminder = services->expiryReminder();
        QSignalSpy noticed(reminder, &ExpiryReminder::expiringSoon);
        const auto keyLists = [&fixture] {
            return std::count_if(fixture.seen().begin(), fixture.seen().end(),
                                 [](const FixtureServer::Seen &s) { return s.path.endsWith(QStringLiteral("/console/api-keys")); });
        };

        MainWindow window(&context);   // its notifier starts the reminder for the sign-in
        window.resize(1100, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE_WITH_TIMEOUT(noticed.count(), 1, 10000);
        QCOMPARE(noticed.at(0).at(0).toInt(), 1);
        QCOMPARE(reminder->lastNoticeDay(), clock->now().toLocalTime().date());
        QTRY_VERIFY2(window.globalBanner()->text().contains(QStringLiteral("1 API key(s) expire within 7 days")),
                     qPrintable(window.globalBanner()->text()));
        QTRY_COMPARE(reminder->checks(), 1);
        // The Overview shown at start and the reminder's first check share one count: the lists asked once.
        QTRY_VERIFY(!services->overview()->isLoading());
        QVERIFY(window.overviewPage()->dashboard()->service() == services->overview());
        QCOMPARE(services->overview()->refreshesStarted(), 1);
        const auto asked = keyLists();
        QCOMPARE(asked, 1);

        reminder->checkNow();   // the same day: checked, not told, the server not asked
        QCOMPARE(reminder->checks(), 2);
        reminder->start();      // as after a restart
        QCOMPARE(reminder->checks(), 3);
        QCOMPARE(noticed.count(), 1);
        QCOMPARE(keyLists(), asked);

        clock->advance(qint64(ExpiryReminder::kCheckEveryMs) * 25);   // the next day, by the hourly checks
        QTRY_COMPARE_WITH_TIMEOUT(noticed.count(), 2, 10000);
        QVERIFY(keyLists() > asked);

        emit window.deviceNotifier()->openExpiringRequested();   // the notification's click
        auto *stack = window.findChild<QStackedWidget *>(QStringLiteral("pageStack"));
        QCOMPARE(stack->currentWidget()->objectName(), window.apiKeys()->objectName());
        QTRY_COMPARE_WITH_TIMEOUT(window.apiKeys()->filterModel()->rowCount(), 1, 10000);   // only the expiring key

        QAction *toggle = window.deviceNotifier()->expiryToggleAction();
        QVERIFY(toggle->isChecked());
        toggle->setChecked(false);
        QCOMPARE(services->settings()->value(ExpiryReminder::settingKey()).toBool(), false);
        const int checks = reminder->checks();
        clock->advance(qint64(ExpiryReminder::kCheckEveryMs) * 49);
        QCOMPARE(reminder->checks(), checks);   // no check runs while it is off
        QCOMPARE(noticed.count(), 2);
    }

    // A v1 server: the Audit page says in one line that there is no audit trail, and the dashboard shows what
    // the v1 lists tell, with a reason for the rest.
    void v1ServerFallsBack()
    {
        FixtureServer fixture;
        QVERIFY(fixture.listen());
        serveV1(fixture);
        auto services = signedInAt(fixture);
        AppContext context(services.get());

        AuditPage page(&context);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.reload();
        QTRY_COMPARE_WITH_TIMEOUT(page.service()->state(), AuditService::State::Unsupported, 10000);
        QCOMPARE(page.stateLabel()->text(), AuditService::unsupportedMessage());
        QVERIFY(!page.table()->isVisible());
        for (const auto &seen : fixture.seen())
            QVERIFY2(!seen.path.contains(QStringLiteral("/console/audit")), qPrintable(seen.path));   // never asked

        OverviewDashboard dashboard(&context);
        dashboard.show();
        dashboard.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!dashboard.service()->isLoading(), 10000);
        const OverviewSnapshot &s = dashboard.service()->snapshot();
        QVERIFY(!s.fromOverview);
        QCOMPARE(s.counts[OverviewSnapshot::ServiceUsers].value_or(-1), 2);
        QCOMPARE(s.counts[OverviewSnapshot::ServiceUsersWithoutKeys].value_or(-1), 1);
        QCOMPARE(s.counts[OverviewSnapshot::DisabledKeys].value_or(-1), 1);
        QCOMPARE(s.counts[OverviewSnapshot::KeysExpiring].value_or(-1), 1);
        QCOMPARE(s.counts[OverviewSnapshot::KeysNeverUsed].value_or(-1), 1);
        QCOMPARE(s.counts[OverviewSnapshot::Sessions].value_or(-1), 4);
        QCOMPARE(s.counts[OverviewSnapshot::PendingDeviceCodes].value_or(-1), 1);
        QVERIFY(!s.counts[OverviewSnapshot::LiveConnections]);
        QLabel *why = dashboard.reasonLabel(OverviewSnapshot::LiveConnections);
        QVERIFY(why->isVisible());
        QVERIFY(why->text().contains(QStringLiteral("v1.1 overview")));
        QCOMPARE(dashboard.countButton(OverviewSnapshot::LiveConnections)->text(), QStringLiteral("—  live connections"));
        QVERIFY(!dashboard.reasonLabel(OverviewSnapshot::Sessions)->isVisible());
        QCOMPARE(dashboard.findChild<QLabel *>(QStringLiteral("recentAuditReason"))->text(), AuditService::unsupportedMessage());

        // No service-user lifecycle on a v1 server: the page lists, but rename/disable/enable/delete are
        // hidden behind one line; and the service both faces call turns the bare 404 into that line.
        ServiceUsersPage users(&context);
        users.show();
        QVERIFY(QTest::qWaitForWindowExposed(&users));
        users.reload();
        QTRY_VERIFY_WITH_TIMEOUT(!users.lifecycleAvailable(), 10000);
        auto *why2 = users.findChild<QLabel *>(QStringLiteral("lifecycleUnsupportedLabel"));
        QVERIFY(why2->isVisible());
        QCOMPARE(why2->text(), ServiceUserOperations::lifecycleUnsupportedMessage());
        for (const char *name : {"renameUserButton", "disableUserButton", "enableUserButton", "deleteUserButton"})
            QVERIFY2(!users.findChild<QPushButton *>(QLatin1String(name))->isVisible(), name);
        QVERIFY(users.findChild<QPushButton *>(QStringLiteral("newServiceUserButton"))->isVisible());
        ServiceUserOperations ops(services->console());
        const auto r = awaitResult<ServiceUserChange>([&](QObject *c, auto cb) { ops.disable(QStringLiteral("u-1"), c, cb); });
        QVERIFY(r && !r->ok());
        QCOMPARE(r->error().displayText(), ServiceUserOperations::lifecycleUnsupportedMessage());
    }
};

QTEST_MAIN(TestAuditGui)
#include "tst_audit_gui.moc"
