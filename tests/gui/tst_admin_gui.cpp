// Device approval and the live channel in the GUI, offscreen, against the real dev server.
#include "DevServer.h"
#include "FixtureServer.h"
#include "TestEnv.h"
#include "core/Services.h"
#include "gui/AppContext.h"
#include "gui/ChannelInspectorPage.h"
#include "gui/ChannelTab.h"
#include "gui/DeviceApprovalPage.h"
#include "gui/Dialogs.h"
#include "gui/SessionsPage.h"
#include "net/ConsoleApi.h"
#include "gui/MessageBanner.h"
#include "models/ChannelLogModel.h"
#include "models/DeviceCodesModel.h"
#include "net/HttpClient.h"

#include <QApplication>
#include <QCheckBox>
#include <QGroupBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QSignalSpy>
#include <QTest>

class TestAdminGui : public QObject
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

    static HttpResponse awaitCall(ApiCall *call)
    {
        QObject context;
        std::optional<HttpResponse> out;
        call->onFinished(&context, [&out](const HttpResponse &r) { out = r; });
        (void)QTest::qWaitFor([&] { return out.has_value(); }, 20000);
        return out.value_or(HttpResponse{});
    }

    // What a device does (better-auth-contract.md §5.1): plain HTTP, no credentials.
    struct RequestedCode { QString userCode, deviceCode; };
    RequestedCode requestDeviceCode(const QString &clientId, const QString &scope)
    {
        const ServerEndpoint e = TestEnv::endpointFor(m_server.url());
        const HttpResponse r = awaitCall(m_services->http()->post(
            e.authUrl(QStringLiteral("/device/code")), {{QStringLiteral("client_id"), clientId}, {QStringLiteral("scope"), scope}}));
        const QJsonObject o = r.json.object();
        return {o.value(QStringLiteral("user_code")).toString(), o.value(QStringLiteral("device_code")).toString()};
    }

    // The device's poll (§5.2): the error code, or "token:<access_token>".
    QString pollDeviceToken(const RequestedCode &code, const QString &clientId)
    {
        const ServerEndpoint e = TestEnv::endpointFor(m_server.url());
        const HttpResponse r = awaitCall(m_services->http()->post(
            e.authUrl(QStringLiteral("/device/token")),
            {{QStringLiteral("grant_type"), QStringLiteral("urn:ietf:params:oauth:grant-type:device_code")},
             {QStringLiteral("device_code"), code.deviceCode},
             {QStringLiteral("client_id"), clientId}}));
        const QJsonObject o = r.json.object();
        if (o.contains(QStringLiteral("access_token")))
            return QStringLiteral("token:") + o.value(QStringLiteral("access_token")).toString();
        return o.value(QStringLiteral("error")).toString();
    }

    // Services signed in (memory only) at a fixture server, without asking it.
    std::unique_ptr<Services> signedInAt(const FixtureServer &fixture)
    {
        auto services = std::make_unique<Services>(std::make_unique<SystemClock>(), new MemorySecretStore,
                                                   new QSettings(m_dir.filePath(QStringLiteral("fixture.ini")), QSettings::IniFormat));
        SessionInfo info;
        info.sessionId = QStringLiteral("s1");
        info.expiresAt = QDateTime::currentDateTimeUtc().addDays(1);
        info.user.id = QStringLiteral("u1");
        info.user.email = QStringLiteral("admin@example.com");
        info.user.role = QStringLiteral("admin");
        services->session()->set(TestEnv::endpointFor(fixture.url()), QStringLiteral("fixture-token"), info, false);
        return services;
    }

    static qint64 countdownSeconds(const QString &text)   // "1:59" → 119
    {
        const QStringList p = text.split(QLatin1Char(':'));
        return p.size() == 2 ? p.at(0).toLongLong() * 60 + p.at(1).toLongLong() : -1;
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
    }

    void approvalNeedsConfirmation()
    {
        QProcess client;
        client.setWorkingDirectory(QStringLiteral(PIKKU_SERVER_DIR));
        client.start(QStringLiteral("node"), {QStringLiteral("scripts/device-client.mjs"), m_server.url().toString(), QStringLiteral("pikku-cli")});
        QTRY_VERIFY_WITH_TIMEOUT(client.canReadLine(), 20000);
        const QString userCode = QJsonDocument::fromJson(client.readLine()).object().value(QStringLiteral("userCode")).toString();

        DeviceApprovalPage page(m_context.get());
        page.resize(760, 560);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *edit = page.findChild<QLineEdit *>(QStringLiteral("userCodeEdit"));
        QTest::keyClicks(edit, userCode.toLower().insert(4, QLatin1Char('-')));
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("lookUpButton")), Qt::LeftButton);
        auto *box = page.findChild<QGroupBox *>(QStringLiteral("claimBox"));
        QTRY_VERIFY_WITH_TIMEOUT(box->isVisible(), 10000);
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("clientIdValue"))->text().contains(QStringLiteral("pikku-cli")));
        QCOMPARE(page.findChild<QLabel *>(QStringLiteral("scopeValue"))->text(), QStringLiteral("openid profile"));
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("approvalWarning"))->text().contains(QStringLiteral("signs that device in as you")));
        auto *approve = page.findChild<QPushButton *>(QStringLiteral("approveButton"));
        QVERIFY(!approve->isEnabled());             // not before the admin confirms the code matches
        page.decide(true);                          // even a direct call does nothing unconfirmed
        QTest::qWait(300);
        QVERIFY(box->isVisible());
        page.findChild<QCheckBox *>(QStringLiteral("codeMatchesCheck"))->setChecked(true);
        QVERIFY(approve->isEnabled());
        QTest::mouseClick(approve, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(page.banner()->text().contains(QStringLiteral("Approved")), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(client.canReadLine(), 20000);
        const QJsonObject token = QJsonDocument::fromJson(client.readLine()).object();
        QCOMPARE(token.value(QStringLiteral("event")).toString(), QStringLiteral("token"));
        QCOMPARE(token.value(QStringLiteral("email")).toString(), DevServer::adminEmail());

        // The same code again: already processed, said plainly.
        edit->setText(userCode);
        page.lookUp();
        QTRY_VERIFY_WITH_TIMEOUT(page.banner()->isVisible() || box->isVisible(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!page.findChild<QPushButton *>(QStringLiteral("denyButton"))->isEnabled() || page.banner()->isVisible(), 5000);
        client.waitForFinished(5000);
    }

    void unknownCodeIsExplained()
    {
        DeviceApprovalPage page(m_context.get());
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.findChild<QLineEdit *>(QStringLiteral("userCodeEdit"))->setText(QStringLiteral("ZZZZ-ZZZZ"));
        page.lookUp();
        QTRY_VERIFY_WITH_TIMEOUT(page.banner()->text().contains(QStringLiteral("No such code")), 10000);
    }

    // The pending queue: a device's request shows up with its client and scope and a live countdown;
    // picking it fills the code field and nothing else; only the confirmed approval signs the device in.
    void pendingQueuePickThenConfirm()
    {
        const RequestedCode code = requestDeviceCode(QStringLiteral("pikku-cli"), QStringLiteral("openid"));
        QVERIFY(!code.userCode.isEmpty());
        QVERIFY(!code.deviceCode.isEmpty());

        DeviceApprovalPage page(m_context.get());
        page.resize(860, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(page.isAutoRefreshing());
        DeviceCodesModel *model = page.queueModel();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowOf(code.userCode) >= 0, 10000);
        const int row = model->rowOf(code.userCode);
        QCOMPARE(model->index(row, DeviceCodesModel::CodeColumn).data().toString(), formatUserCode(code.userCode));
        QCOMPARE(model->index(row, DeviceCodesModel::ClientColumn).data().toString(), QStringLiteral("pikku-cli"));
        QCOMPARE(model->index(row, DeviceCodesModel::ScopeColumn).data().toString(), QStringLiteral("openid"));
        QCOMPARE(model->index(row, DeviceCodesModel::RequestedColumn).data().toString(), QStringLiteral("just now"));
        QVERIFY(page.queueMessage().isEmpty());
        QVERIFY(page.queueView()->isVisible());

        // The countdown ticks locally (the dev server's codes live 2 min).
        const QModelIndex left = model->index(row, DeviceCodesModel::TimeLeftColumn);
        const qint64 first = countdownSeconds(left.data().toString());
        QVERIFY2(first > 60 && first <= 120, qPrintable(left.data().toString()));
        QTRY_VERIFY_WITH_TIMEOUT(countdownSeconds(model->index(model->rowOf(code.userCode), DeviceCodesModel::TimeLeftColumn)
                                                      .data().toString()) < first, 3000);

        // Picking the row fills the code field, and that is all: no claim, no approval.
        QTableView *view = page.queueView();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          view->visualRect(model->index(model->rowOf(code.userCode), DeviceCodesModel::ClientColumn)).center());
        auto *edit = page.findChild<QLineEdit *>(QStringLiteral("userCodeEdit"));
        QCOMPARE(edit->text(), formatUserCode(code.userCode));
        auto *box = page.findChild<QGroupBox *>(QStringLiteral("claimBox"));
        auto *hint = page.findChild<QLabel *>(QStringLiteral("compareHint"));
        QVERIFY(hint->isVisible());
        QVERIFY(hint->text().contains(formatUserCode(code.userCode)));
        QTest::qWait(1200);                                   // past the dev server's 1 s poll interval
        QVERIFY(!box->isVisible());
        QVERIFY(page.claim().status.isEmpty());
        QCOMPARE(pollDeviceToken(code, QStringLiteral("pikku-cli")), QStringLiteral("authorization_pending"));

        // The admin looks it up: the claim's client and scope, the warning, the confirmation.
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("lookUpButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(box->isVisible(), 10000);
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("clientIdValue"))->text().contains(QStringLiteral("pikku-cli")));
        QCOMPARE(page.findChild<QLabel *>(QStringLiteral("scopeValue"))->text(), QStringLiteral("openid"));
        auto *matches = page.findChild<QCheckBox *>(QStringLiteral("codeMatchesCheck"));
        QVERIFY(matches->text().contains(formatUserCode(code.userCode)));
        auto *approve = page.findChild<QPushButton *>(QStringLiteral("approveButton"));
        QVERIFY(!approve->isEnabled());
        page.resize(860, page.hasHeightForWidth() ? page.heightForWidth(860) : page.sizeHint().height());
        QTest::qWait(200);
        grab(&page, QStringLiteral("device-approval.png"));
        QTest::qWait(1000);
        QCOMPARE(pollDeviceToken(code, QStringLiteral("pikku-cli")), QStringLiteral("authorization_pending"));   // claimed, not approved

        matches->setChecked(true);
        QVERIFY(approve->isEnabled());
        QTest::mouseClick(approve, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(page.banner()->text().contains(QStringLiteral("Approved")), 10000);
        QCOMPARE(page.banner()->type(), MessageBanner::Type::Positive);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowOf(code.userCode), -1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!page.queueMessage().isEmpty(), 10000);
        QVERIFY(page.queueMessage().contains(QStringLiteral("No device is waiting")));

        QTest::qWait(1100);
        const QString token = pollDeviceToken(code, QStringLiteral("pikku-cli"));
        QVERIFY2(token.startsWith(QStringLiteral("token:")), qPrintable(token));
        AuthApi api(m_services->http(), TestEnv::endpointFor(m_server.url()));
        const auto who = awaitResult<SessionInfo>([&](QObject *c, auto cb) { api.getSession(token.mid(6), c, cb); });
        QVERIFY(who && who->ok());
        QCOMPARE(who->value().user.email, DevServer::adminEmail());   // signed in as the approving admin
    }

    // Live refresh only while visible; a refresh keeps the picked row and the code field.
    void pendingQueueRefreshesWhileVisible()
    {
        DeviceApprovalPage page(m_context.get());
        page.resize(860, 640);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        DeviceCodesModel *model = page.queueModel();
        const RequestedCode a = requestDeviceCode(QStringLiteral("pikku-cli"), QStringLiteral("openid"));
        QTRY_VERIFY_WITH_TIMEOUT(model->rowOf(a.userCode) >= 0, 8000);   // no Refresh click: the 5 s refresh
        page.queueView()->setCurrentIndex(model->index(model->rowOf(a.userCode), 0));
        auto *edit = page.findChild<QLineEdit *>(QStringLiteral("userCodeEdit"));
        QCOMPARE(edit->text(), formatUserCode(a.userCode));

        const RequestedCode b = requestDeviceCode(QStringLiteral("other-app"), QString());
        QTRY_VERIFY_WITH_TIMEOUT(model->rowOf(b.userCode) >= 0, 8000);
        QCOMPARE(model->rowOf(b.userCode), 0);                               // newest first
        QCOMPARE(model->index(0, DeviceCodesModel::ScopeColumn).data().toString(), QStringLiteral("(none)"));
        QCOMPARE(edit->text(), formatUserCode(a.userCode));                  // not moved to the new row
        QCOMPARE(page.queueView()->currentIndex().row(), model->rowOf(a.userCode));

        // Hidden: no refetch (a code denied elsewhere stays listed until the page shows again).
        page.hide();
        QVERIFY(!page.isAutoRefreshing());
        QCOMPARE(TestEnv::decideDeviceCode(m_services->http(), TestEnv::endpointFor(m_server.url()), b.userCode, false), QString());
        QTest::qWait(6000);
        QVERIFY(model->rowOf(b.userCode) >= 0);
        page.show();
        QVERIFY(page.isAutoRefreshing());
        QTRY_COMPARE_WITH_TIMEOUT(model->rowOf(b.userCode), -1, 3000);       // fetched on show, not 5 s later
        QVERIFY(model->rowOf(a.userCode) >= 0);
        QCOMPARE(TestEnv::decideDeviceCode(m_services->http(), TestEnv::endpointFor(m_server.url()), a.userCode, false), QString());
        page.refreshQueue();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 0, 5000);
        QVERIFY(page.queueMessage().contains(QStringLiteral("No device is waiting for approval")));
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("compareHint"))->text().contains(QStringLiteral("no longer waiting")));
    }

    // A server without the console API plugin: the queue says so (once, no polling), the code entry works.
    void pendingQueueWithoutThePlugin()
    {
        FixtureServer fixture;
        fixture.on(QStringLiteral("/api/auth/console/device-codes"), [](const QHttpServerRequest &) {
            return QHttpServerResponse(QHttpServerResponse::StatusCode::NotFound);
        });
        fixture.on(QStringLiteral("/api/auth/device/approve"), [](const QHttpServerRequest &) {
            return FixtureServer::json(R"({"success":true})");
        });
        fixture.on(QStringLiteral("/api/auth/device"), [](const QHttpServerRequest &) {
            return FixtureServer::json(R"({"user_code":"WXYZ2345","status":"pending","client_id":"pikku-cli","scope":"openid"})");
        });
        QVERIFY(fixture.listen());
        const auto services = signedInAt(fixture);
        AppContext context(services.get());

        DeviceApprovalPage page(&context);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTRY_VERIFY_WITH_TIMEOUT(page.queueMessage().contains(ConsoleApi::pluginMissingMessage()), 10000);
        QVERIFY(page.queueMessage().contains(QStringLiteral("still type a code")));
        QVERIFY(!page.isAutoRefreshing());          // the answer will not change by asking every 5 s
        QVERIFY(!page.banner()->isVisible());

        page.findChild<QLineEdit *>(QStringLiteral("userCodeEdit"))->setText(QStringLiteral("wxyz2345"));
        page.lookUp();
        QTRY_VERIFY_WITH_TIMEOUT(page.findChild<QGroupBox *>(QStringLiteral("claimBox"))->isVisible(), 10000);
        page.findChild<QCheckBox *>(QStringLiteral("codeMatchesCheck"))->setChecked(true);
        page.decide(true);
        QTRY_VERIFY_WITH_TIMEOUT(page.banner()->text().contains(QStringLiteral("Approved")), 10000);
        bool approved = false;
        for (const FixtureServer::Seen &seen : fixture.seen())
            approved |= seen.path == QLatin1String("/api/auth/device/approve") && seen.body.contains("WXYZ2345");
        QVERIFY(approved);
    }

    // List failures go to the page's banner (no modal), once rather than at every 5 s refresh.
    void pendingQueueErrorsInTheBanner()
    {
        FixtureServer fixture;
        int mode = 0;   // 0: 500, 1: 429, 2: one code
        int calls = 0;
        fixture.on(QStringLiteral("/api/auth/console/device-codes"), [&](const QHttpServerRequest &) {
            ++calls;
            if (mode == 0)
                return FixtureServer::json(R"({"message":"database is locked","code":"INTERNAL_SERVER_ERROR"})", 500);
            if (mode == 1)
                return FixtureServer::json(R"({"message":"Too many requests"})", 429, {{"x-retry-after", "30"}});
            const QString expires = QDateTime::currentDateTimeUtc().addSecs(90).toString(Qt::ISODateWithMs);
            return FixtureServer::json(QStringLiteral(R"({"deviceCodes":[{"userCode":"ABCD2345","clientId":"pikku-cli","scope":null,"status":"pending","createdAt":null,"expiresAt":"%1"}]})")
                                           .arg(expires).toUtf8());
        });
        QVERIFY(fixture.listen());
        const auto services = signedInAt(fixture);
        AppContext context(services.get());
        DeviceApprovalPage page(&context);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTRY_VERIFY_WITH_TIMEOUT(page.banner()->text().contains(QStringLiteral("Could not list the pending device codes")), 10000);
        QCOMPARE(page.banner()->type(), MessageBanner::Type::Error);
        QVERIFY(QApplication::activeModalWidget() == nullptr);
        QVERIFY(page.isAutoRefreshing());                       // a server error may pass: keep trying
        page.banner()->dismiss();
        const int before = calls;
        page.refreshQueue();
        QTRY_VERIFY_WITH_TIMEOUT(calls > before, 5000);
        QTest::qWait(200);
        QVERIFY(!page.banner()->isVisible());                   // the same failure is not shown again

        mode = 1;
        page.refreshQueue();
        QTRY_VERIFY_WITH_TIMEOUT(page.banner()->text().contains(QStringLiteral("rate-limiting")), 10000);

        mode = 2;
        page.refreshQueue();
        QTRY_COMPARE_WITH_TIMEOUT(page.queueModel()->rowCount(), 1, 10000);
        QVERIFY(!page.banner()->isVisible());                   // the list works again: its error is gone
        QCOMPARE(page.queueModel()->index(0, DeviceCodesModel::ScopeColumn).data().toString(), QStringLiteral("(none)"));
        QCOMPARE(page.queueModel()->index(0, DeviceCodesModel::RequestedColumn).data().toString(), QStringLiteral("–"));
    }

    void sessionsPageIsLiveAndRevokes()
    {
        SessionsPage page(m_context.get());
        page.resize(1100, 640);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.reload();
        QTRY_VERIFY_WITH_TIMEOUT(page.isLive(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(page.sessionsTable()->rowCount() >= 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(page.connectionsTable()->rowCount() >= 1, 10000);   // our own live connection
        const int before = page.sessionsTable()->rowCount();

        // A new sign-in appears by itself (pushed session.created), at the top.
        const ServerEndpoint e = TestEnv::endpointFor(m_server.url());
        const QString other = TestEnv::adminToken(m_services->http(), e);
        QTRY_COMPARE_WITH_TIMEOUT(page.sessionsTable()->rowCount(), before + 1, 10000);
        // A new channel connection too (connection.opened).
        const int conns = page.connectionsTable()->rowCount();
        ChannelSocket extra;
        QUrl live = e.authUrl(QStringLiteral("/console/live"));
        live.setScheme(QStringLiteral("ws"));
        QVERIFY(extra.open(live, Credentials::person(other)));
        QTRY_COMPARE_WITH_TIMEOUT(page.connectionsTable()->rowCount(), conns + 1, 10000);
        QTest::qWait(200);
        grab(&page, QStringLiteral("sessions.png"));

        // Revoke the new session: confirmation, then it is gone on the server and its channel closes.
        QSignalSpy closed(&extra, &ChannelSocket::closed);
        page.sessionsTable()->setCurrentCell(0, 0);
        Dialogs::setNextAnswer(true);
        page.revokeSelected();
        QTRY_COMPARE_WITH_TIMEOUT(page.sessionsTable()->rowCount(), before, 10000);
        AuthApi api(m_services->http(), e);
        const auto dead = awaitResult<SessionInfo>([&](QObject *c, auto cb) { api.getSession(other, c, cb); });
        QCOMPARE(dead->error().kind, ApiError::Kind::Unauthorized);
        QTRY_VERIFY_WITH_TIMEOUT(closed.count() == 1, 10000);
        QCOMPARE(closed.first().first().toInt(), 4401);
        QTRY_COMPARE_WITH_TIMEOUT(page.connectionsTable()->rowCount(), conns, 10000);
    }

    void inspectorOnTheLiveChannelAsMe()
    {
        ChannelInspectorPage page(m_context.get());
        page.resize(1100, 640);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        ChannelTab *tab = page.currentChannel();
        QVERIFY(tab->findChild<QLineEdit *>(QStringLiteral("channelUrl"))->text().endsWith(QStringLiteral("/api/auth/console/live")));
        tab->connectChannel();
        QTRY_COMPARE_WITH_TIMEOUT(tab->socket()->state(), ChannelSocket::State::Open, 10000);
        // whoami is sent on connect; the server says who we are.
        QTRY_VERIFY_WITH_TIMEOUT(tab->log()->receivedCount() >= 1, 10000);
        tab->log()->flush();
        bool bearer = false;
        for (int r = 0; r < tab->log()->rowCount(); ++r)
            bearer |= tab->log()->at(r).payload.contains("\"via\":\"bearer\"");
        QVERIFY(bearer);
        QTest::mouseClick(tab->findChild<QWidget *>(QStringLiteral("quick_subscribe")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(tab->log()->receivedCount() >= 2, 10000);
        // Another connection shows up as a pushed event.
        ChannelTab *second = page.addChannel();
        second->connectChannel();
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            tab->log()->flush();
            for (int r = 0; r < tab->log()->rowCount(); ++r)
                if (tab->log()->at(r).payload.contains("connection.opened"))
                    return true;
            return false;
        }(), 10000);
        page.findChild<QTabWidget *>(QStringLiteral("channelTabs"))->setCurrentIndex(0);
        QTest::qWait(300);
        grab(&page, QStringLiteral("inspector-live.png"));
    }
};

QTEST_MAIN(TestAdminGui)
#include "tst_admin_gui.moc"
