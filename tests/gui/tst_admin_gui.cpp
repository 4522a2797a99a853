// Device approval and the live channel in the GUI, offscreen, against the real dev server.
#include "DevServer.h"
#include "FixtureServer.h"
#include "TestEnv.h"
#include "services/Services.h"
#include "gui/AppContext.h"
#include "gui/ChannelInspectorPage.h"
#include "gui/ChannelTab.h"
#include "gui/DeviceApprovalPage.h"
#include "gui/MainWindow.h"
#include "gui/LiveConnectionsPanel.h"
#include "gui/ServiceUsersPage.h"
#include "gui/Tones.h"
#include "services/models/UserSessionsModel.h"
#include "gui/Dialogs.h"
#include "gui/SessionsPage.h"
#include "net/ConsoleApi.h"
#include "gui/MessageBanner.h"
#include "services/models/ChannelLogModel.h"
#include "services/models/DeviceCodesModel.h"
#include "net/HttpClient.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QMenu>
#include <QMessageBox>
#include <QCheckBox>
#include <QComboBox>
#include <QFontInfo>
#include <QAbstractButton>
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

    static HttpResponse awaitCall(ApiCall *call) { return TestEnv::awaitCall(call).value_or(HttpResponse{}); }

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

    // After a decision the decided code leaves the queue, and nothing else is picked in its place: the
    // next device's row is not selected (Qt would move the selection to it).
    void decidingLeavesNothingPicked()
    {
        const RequestedCode first = requestDeviceCode(QStringLiteral("pikku-cli"), QStringLiteral("openid"));
        const RequestedCode second = requestDeviceCode(QStringLiteral("other-cli"), QStringLiteral("openid"));
        DeviceApprovalPage page(m_context.get());
        page.resize(1100, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        DeviceCodesModel *model = page.queueModel();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowOf(first.userCode) >= 0 && model->rowOf(second.userCode) >= 0, 10000);
        QTableView *view = page.queueView();
        // Pick the upper of the two, so that the other one is its neighbour below.
        const int picked = std::min(model->rowOf(first.userCode), model->rowOf(second.userCode));
        const QString pickedCode = model->code(picked).userCode;
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          view->visualRect(model->index(picked, DeviceCodesModel::ClientColumn)).center());
        QVERIFY(view->selectionModel()->isRowSelected(picked, {}));
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("lookUpButton")), Qt::LeftButton);
        auto *deny = page.findChild<QPushButton *>(QStringLiteral("denyButton"));
        QTRY_VERIFY_WITH_TIMEOUT(page.claim().claimedByCaller() && deny->isEnabled(), 10000);
        deny->click();   // (it may sit below the fold of the page's scroll area)
        QTRY_COMPARE_WITH_TIMEOUT(model->rowOf(pickedCode), -1, 10000);
        QVERIFY(model->rowCount() >= 1);
        QVERIFY2(!view->selectionModel()->hasSelection(), "another device's row was selected after the decision");
        QVERIFY(!view->selectionModel()->currentIndex().isValid());
        QVERIFY(page.findChild<QLineEdit *>(QStringLiteral("userCodeEdit"))->text().isEmpty());
        // Leave the queue empty for the tests after this one.
        const QString other = pickedCode == first.userCode ? second.userCode : first.userCode;
        QCOMPARE(TestEnv::decideDeviceCode(m_services->http(), TestEnv::endpointFor(m_server.url()), other, false), QString());
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
        QTRY_VERIFY_WITH_TIMEOUT(page.sessionsTable()->model()->rowCount() >= 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(page.connectionsTable()->rowCount() >= 1, 10000);   // our own live connection
        const int before = page.sessionsTable()->model()->rowCount();

        // A new sign-in appears by itself (pushed session.created), at the top.
        const ServerEndpoint e = TestEnv::endpointFor(m_server.url());
        const QString other = TestEnv::adminToken(m_services->http(), e);
        QTRY_COMPARE_WITH_TIMEOUT(page.sessionsTable()->model()->rowCount(), before + 1, 10000);
        // A new channel connection too (connection.opened).
        const int conns = page.connectionsTable()->rowCount();
        ChannelSocket extra;
        QUrl live = e.authUrl(QStringLiteral("/console/live"));
        live.setScheme(QStringLiteral("ws"));
        QVERIFY(extra.open(live, Credentials::person(other, live)));
        QTRY_COMPARE_WITH_TIMEOUT(page.connectionsTable()->rowCount(), conns + 1, 10000);
        QTest::qWait(200);
        grab(&page, QStringLiteral("sessions.png"));

        // Revoke the new session: confirmation, then it is gone on the server and its channel closes.
        QSignalSpy closed(&extra, &ChannelSocket::closed);
        page.sessionsTable()->setCurrentIndex(page.sessionsTable()->model()->index(0, 0));
        const QString agent = page.sessionsTable()->model()->index(0, 6).data().toString();
        Dialogs::setNextAnswer(true);
        page.revokeSelected();
        // The question names the session by what tells it apart, not only by its (shared) user.
        QVERIFY2(Dialogs::lastQuestion().contains(QStringLiteral("Client: ") + agent.toHtmlEscaped()),
                 qPrintable(Dialogs::lastQuestion()));
        QVERIFY(Dialogs::lastQuestion().contains(QStringLiteral("From: ")));
        QTRY_COMPARE_WITH_TIMEOUT(page.sessionsTable()->model()->rowCount(), before, 10000);
        // Nothing the admin did not pick is selected afterwards (Qt would move to a neighbour, often this
        // console's own session), and Revoke is off.
        QVERIFY(page.sessionsTable()->selectionModel()->selectedIndexes().isEmpty());
        QCOMPARE(page.sessionsTable()->currentIndex().row(), -1);
        QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("revokeSessionButton"))->isEnabled());
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

    // ---- Sessions page: key names, live counts, re-sign-in, own-session revoke; service user ids; server removal.
private:
    // Services of their own (memory keychain, own settings), signed in with a fresh admin session.
    std::unique_ptr<Services> freshAdmin(const QString &settingsName, QString *token = nullptr)
    {
        auto services = std::make_unique<Services>(std::make_unique<SystemClock>(), new MemorySecretStore,
                                                   new QSettings(m_dir.filePath(settingsName), QSettings::IniFormat));
        const ServerEndpoint e = TestEnv::endpointFor(m_server.url());
        const QString t = TestEnv::adminToken(services->http(), e);
        const auto r = awaitResult<SignInOutcome>([&](QObject *c, auto cb) { services->auth()->completeSignIn(e, t, c, cb); });
        if (!r || !r->ok())
            return nullptr;
        if (token)
            *token = t;
        return services;
    }

    static SecretResult readSecret(SecretStore *store, const QString &key)
    {
        QObject context;
        std::optional<SecretResult> out;
        store->read(key, &context, [&out](const SecretResult &r) { out = r; });
        (void)QTest::qWaitFor([&] { return out.has_value(); }, 5000);
        return out.value_or(SecretResult{SecretResult::Status::Unavailable, {}, QStringLiteral("no answer")});
    }

    static QMessageBox *waitForBox(QWidget *parent)
    {
        QMessageBox *box = nullptr;
        (void)QTest::qWaitFor([&] { return (box = parent->findChild<QMessageBox *>()) != nullptr && box->isVisible(); }, 5000);
        return box;
    }

    static void clickBoxButton(QMessageBox *box, const QString &text)
    {
        for (QAbstractButton *b : box->buttons())
            if (b->text() == text) {
                QTest::mouseClick(b, Qt::LeftButton);
                return;
            }
        QFAIL(qPrintable(QStringLiteral("no button %1").arg(text)));
    }

    std::optional<MintedKey> mintLiveKey(const QString &owner, const QString &name)
    {
        ConsoleApi api(m_services->http(), m_services->session());
        const auto user = awaitResult<ServiceUser>([&](QObject *c, auto cb) { api.createServiceUser(owner, QString(), c, cb); });
        if (!user || !user->ok())
            return std::nullopt;
        KeyFields f;
        f.userId = user->value().id;
        f.name = name;
        f.rateLimitEnabled = false;   // each upgrade uses a slot of the default 10 a day
        const auto k = awaitResult<MintedKey>([&](QObject *c, auto cb) { api.createApiKey(f, c, cb); });
        if (!k || !k->ok())
            return std::nullopt;
        return k->value();
    }

private slots:
    // An API-key connection shows its key's name (looked up, then renamed by a pushed key.updated), and
    // its message counts follow the echoes it sends while the page stays open, selection kept.
    void sessionsPageNamesKeysAndCountsMessages()
    {
        const auto key = mintLiveKey(QStringLiteral("svc-sessions-gui"), QStringLiteral("ingest-worker"));
        QVERIFY(key);
        SessionsPage page(m_context.get());
        page.resize(1180, 620);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QCOMPARE(page.listIntervalMs(), 5000);
        page.reload();
        QTRY_VERIFY_WITH_TIMEOUT(page.isLive(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(page.sessionsTable()->model()->rowCount() >= 1, 10000);

        const ServerEndpoint e = TestEnv::endpointFor(m_server.url());
        QUrl live = e.authUrl(QStringLiteral("/console/live"));
        live.setScheme(QStringLiteral("ws"));
        ChannelSocket machine;
        QSignalSpy echoes(&machine, &ChannelSocket::textReceived);
        QVERIFY(machine.open(live, Credentials::machine(key->secret)));
        QTRY_COMPARE_WITH_TIMEOUT(machine.state(), ChannelSocket::State::Open, 10000);

        // The machine's row: via api-key, for this key.
        QTableWidget *t = page.connectionsTable();
        auto keyRow = [&] {
            for (int r = 0; r < t->rowCount(); ++r)
                if (t->item(r, LiveConnectionsPanel::ViaColumn)->text() == QLatin1String("api-key")
                    && t->item(r, LiveConnectionsPanel::KeyColumn)->data(Qt::UserRole).toString() == key->apiKey.id)
                    return r;
            return -1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(keyRow() >= 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(t->item(keyRow(), LiveConnectionsPanel::KeyColumn)->text(), QStringLiteral("ingest-worker"), 10000);
        QVERIFY(t->item(keyRow(), LiveConnectionsPanel::KeyColumn)->toolTip().contains(key->apiKey.id));
        QVERIFY(!t->item(keyRow(), LiveConnectionsPanel::WhoColumn)->text().isEmpty());

        // Renamed on the server: the pushed key.updated renames it here (no reload).
        ConsoleApi api(m_services->http(), m_services->session());
        KeyFields rename;
        rename.name = QStringLiteral("ingest-worker-eu");
        const auto updated = awaitResult<ApiKey>([&](QObject *c, auto cb) { api.updateApiKey(key->apiKey.id, rename, c, cb); });
        QVERIFY(updated && updated->ok());
        QTRY_COMPARE_WITH_TIMEOUT(t->item(keyRow(), LiveConnectionsPanel::KeyColumn)->text(), QStringLiteral("ingest-worker-eu"), 10000);

        // Message counts: five echoes, no reopening; the periodic list brings the new count.
        const QString connectionId = t->item(keyRow(), LiveConnectionsPanel::ConnectionIdColumn)->text();
        t->setCurrentCell(keyRow(), LiveConnectionsPanel::WhoColumn);
        const int inBefore = t->item(keyRow(), LiveConnectionsPanel::InColumn)->text().toInt();
        for (int i = 0; i < 5; ++i)
            QVERIFY(machine.sendText(QStringLiteral(R"({"action":"echo","n":%1})").arg(i).toUtf8()));
        QTRY_COMPARE_WITH_TIMEOUT(echoes.count(), 5, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(t->item(keyRow(), LiveConnectionsPanel::InColumn)->text().toInt() >= inBefore + 5, 12000);
        QVERIFY(t->item(keyRow(), LiveConnectionsPanel::OutColumn)->text().toInt() >= 5);
        QCOMPARE(t->item(t->currentRow(), LiveConnectionsPanel::ConnectionIdColumn)->text(), connectionId);   // selection kept
        QVERIFY(!t->selectedItems().isEmpty());

        // A second person signed in, for the screenshot; revoked again afterwards.
        const int sessionsBefore = page.sessionsTable()->model()->rowCount();
        const QString second = TestEnv::adminToken(m_services->http(), e);
        QTRY_COMPARE_WITH_TIMEOUT(page.sessionsTable()->model()->rowCount(), sessionsBefore + 1, 10000);
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("sessionCount"))->text().startsWith(QString::number(sessionsBefore + 1)));
        QTest::qWait(300);
        grab(&page, QStringLiteral("sessions.png"));
        const QString secondId = page.sessionsTable()->model()->index(0, 0).data(UserSessionsModel::SessionIdRole).toString();
        const auto gone = awaitResult<QJsonObject>([&](QObject *c, auto cb) {
            api.raw("POST", QStringLiteral("/console/sessions/revoke"), {{QStringLiteral("sessionId"), secondId}}, c, cb);
        });
        QVERIFY(gone && gone->ok());
        QTRY_COMPARE_WITH_TIMEOUT(page.sessionsTable()->model()->rowCount(), sessionsBefore, 10000);
        machine.close();
        QTRY_COMPARE_WITH_TIMEOUT(keyRow(), -1, 10000);
    }

    // After signing in again the live channel is reopened with the new session: revoking the old one on
    // the server does not close the page's channel.
    void sessionsPageFollowsReSignIn()
    {
        auto services = freshAdmin(QStringLiteral("resignin.ini"));
        QVERIFY(services);
        AppContext context(services.get());
        SessionsPage page(&context);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.reload();
        QTRY_VERIFY_WITH_TIMEOUT(page.isLive(), 10000);
        const QString oldSession = services->session()->sessionId();

        const ServerEndpoint e = TestEnv::endpointFor(m_server.url());
        const QString fresh = TestEnv::adminToken(services->http(), e);
        const auto r = awaitResult<SignInOutcome>([&](QObject *c, auto cb) { services->auth()->completeSignIn(e, fresh, c, cb); });
        QVERIFY(r && r->ok());
        QVERIFY(services->session()->sessionId() != oldSession);
        QTRY_VERIFY_WITH_TIMEOUT(page.isLive(), 10000);

        // "(this console)" is the new session now.
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            for (int row = 0; row < page.sessionsTable()->model()->rowCount(); ++row)
                if (page.sessionsTable()->model()->index(row, 0).data(UserSessionsModel::SessionIdRole).toString() == services->session()->sessionId())
                    return page.sessionsTable()->model()->index(row, 0).data().toString().contains(QStringLiteral("(this console)"));
            return false;
        }(), 10000);

        ConsoleApi api(m_services->http(), m_services->session());
        const auto revoked = awaitResult<QJsonObject>([&](QObject *c, auto cb) {
            api.raw("POST", QStringLiteral("/console/sessions/revoke"), {{QStringLiteral("sessionId"), oldSession}}, c, cb);
        });
        QVERIFY(revoked && revoked->ok());
        QSignalSpy states(page.findChild<ChannelSocket *>(), &ChannelSocket::closed);
        QTest::qWait(1500);
        QCOMPARE(states.count(), 0);
        QVERIFY(page.isLive());
    }

    // Revoking the console's own session says so plainly, then signs this console out (memory and keychain);
    // another session's revoke does not carry that warning.
    void revokingOwnSessionWarnsAndSignsOut()
    {
        QString token;
        auto services = freshAdmin(QStringLiteral("ownrevoke.ini"), &token);
        QVERIFY(services);
        const ServerEndpoint e = TestEnv::endpointFor(m_server.url());
        QVERIFY(readSecret(services->secrets(), e.key()).ok());
        AppContext context(services.get());
        SessionsPage page(&context);
        page.resize(1000, 500);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.reload();
        QTRY_VERIFY_WITH_TIMEOUT(page.sessionsTable()->model()->rowCount() >= 2, 10000);
        int own = -1, other = -1;
        for (int row = 0; row < page.sessionsTable()->model()->rowCount(); ++row) {
            if (page.sessionsTable()->model()->index(row, 0).data(UserSessionsModel::SessionIdRole).toString() == services->session()->sessionId())
                own = row;
            else if (other < 0)
                other = row;
        }
        QVERIFY(own >= 0 && other >= 0);

        page.sessionsTable()->setCurrentIndex(page.sessionsTable()->model()->index(other, 0));
        page.revokeSelected();
        QMessageBox *box = waitForBox(&page);
        QVERIFY(box);
        QVERIFY(!box->text().contains(QStringLiteral("you will be signed out")));
        clickBoxButton(box, box->button(QMessageBox::Cancel)->text());
        QTRY_VERIFY_WITH_TIMEOUT(page.findChild<QMessageBox *>() == nullptr, 5000);

        page.sessionsTable()->setCurrentIndex(page.sessionsTable()->model()->index(own, 0));
        page.revokeSelected();
        box = waitForBox(&page);
        QVERIFY(box);
        QVERIFY2(box->text().contains(QStringLiteral("This is the session this console is using; you will be signed out")),
                 qPrintable(box->text()));
        QCOMPARE(box->icon(), QMessageBox::Warning);
        clickBoxButton(box, QStringLiteral("Revoke and sign out"));
        QTRY_VERIFY_WITH_TIMEOUT(!services->session()->isSignedIn(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(page.banner()->text().contains(QStringLiteral("you are signed out")), 5000);
        QCOMPARE(readSecret(services->secrets(), e.key()).status, SecretResult::Status::NotFound);
        AuthApi auth(m_services->http(), e);
        const auto dead = awaitResult<SessionInfo>([&](QObject *c, auto cb) { auth.getSession(token, c, cb); });
        QVERIFY(dead);
        QCOMPARE(dead->error().kind, ApiError::Kind::Unauthorized);
        QCOMPARE(page.sessionsTable()->model()->rowCount(), 0);   // nothing stale shown signed out
        QVERIFY(m_services->session()->isSignedIn());    // the other sessions are untouched
    }

    // The service users page shows the id (monospace) and copies it (button, context menu, Ctrl+C).
    void serviceUsersPageShowsAndCopiesTheId()
    {
        ConsoleApi api(m_services->http(), m_services->session());
        const auto user = awaitResult<ServiceUser>([&](QObject *c, auto cb) {
            api.createServiceUser(QStringLiteral("svc-copy-id"), QString(), c, cb);
        });
        QVERIFY(user && user->ok());
        const QString id = user->value().id;
        QVERIFY(!id.isEmpty());

        ServiceUsersPage page(m_context.get());
        page.resize(1000, 400);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.findChild<QLineEdit *>(QStringLiteral("userSearch"))->setText(QStringLiteral("svc-copy-id"));
        QTRY_COMPARE_WITH_TIMEOUT(page.table()->model()->rowCount(), 1, 10000);
        QCOMPARE(page.table()->model()->headerData(ServiceUsersPage::IdColumn, Qt::Horizontal).toString(), QStringLiteral("Id"));
        const QModelIndex idItem = page.table()->model()->index(0, ServiceUsersPage::IdColumn);
        QCOMPARE(idItem.data().toString(), id);
        auto *tones = qobject_cast<ToneDelegate *>(page.table()->itemDelegate());
        QVERIFY(tones);
        QVERIFY(QFontInfo(tones->fontFor(idItem, page.table()->font())).fixedPitch());
        QVERIFY(!QFontInfo(tones->fontFor(idItem.siblingAtColumn(ServiceUsersPage::NameColumn), page.table()->font())).fixedPitch()
                || QFontInfo(page.table()->font()).fixedPitch());
        QVERIFY(idItem.flags() & Qt::ItemIsSelectable);
        QVERIFY(!(page.table()->model()->index(0, ServiceUsersPage::NameColumn).flags() & Qt::ItemIsEditable));

        auto *copy = page.findChild<QPushButton *>(QStringLiteral("copyUserIdButton"));
        QVERIFY(!copy->isEnabled());   // nothing selected yet
        QGuiApplication::clipboard()->setText(QStringLiteral("something else"));
        page.table()->selectRow(0);
        QVERIFY(copy->isEnabled());
        QTest::mouseClick(copy, Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), id);
        QVERIFY(page.banner()->text().contains(id));

        // Context menu.
        QGuiApplication::clipboard()->setText(QStringLiteral("something else"));
        const QPoint at = page.table()->visualRect(page.table()->model()->index(0, ServiceUsersPage::EmailColumn)).center();
        emit page.table()->customContextMenuRequested(at);
        QMenu *menu = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((menu = page.table()->findChild<QMenu *>(QStringLiteral("usersContextMenu"))) && menu->isVisible(), 5000);
        QCOMPARE(menu->actions().size(), 1);
        QCOMPARE(menu->actions().first()->text(), QStringLiteral("Copy id"));
        menu->actions().first()->trigger();
        menu->close();
        QCOMPARE(QGuiApplication::clipboard()->text(), id);

        // Ctrl+C on the table (a shortcut: it needs the window active, as it is when a person types; under
        // Xvfb with no window manager nothing activates it by itself).
        QGuiApplication::clipboard()->setText(QStringLiteral("something else"));
        page.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        page.table()->setFocus();
        QTest::keySequence(page.table(), QKeySequence::Copy);
        QCOMPARE(QGuiApplication::clipboard()->text(), id);
    }

    // Removing a server profile: confirmation names the forgotten sign-in; the session is signed out on
    // the server, the keychain entry and the profile are gone, the other profile stays.
    void removingAServerForgetsItsSignIn()
    {
        QString token;
        auto services = freshAdmin(QStringLiteral("remove.ini"), &token);
        QVERIFY(services);
        const ServerEndpoint e = TestEnv::endpointFor(m_server.url());
        ServerProfiles &profiles = services->profiles();
        ServerProfile dev;
        dev.url = e.key();
        dev.authPath = e.authPath;
        dev.label = QStringLiteral("Dev");
        profiles.save(dev);
        ServerProfile other;
        other.url = QStringLiteral("http://127.0.0.1:9");
        other.authPath = QStringLiteral("/api/auth");
        other.label = QStringLiteral("Other");
        profiles.save(other);
        profiles.setCurrent(dev.key());
        QVERIFY(readSecret(services->secrets(), e.key()).ok());

        AppContext context(services.get());
        MainWindow window(&context);
        window.resize(1000, 600);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // The title names the server; the platform appends the application's display name itself, so the
        // window must not ("Pikku Admin — server — Pikku Admin").
        QTRY_COMPARE(window.windowTitle(), e.key());
        QVERIFY(!window.windowTitle().contains(QStringLiteral("Pikku Admin")));
        auto *remove = window.findChild<QAction *>(QStringLiteral("removeServerAction"));
        QVERIFY(remove);

        // Cancel first: nothing changes.
        remove->trigger();
        QMessageBox *box = waitForBox(&window);
        QVERIFY(box);
        QVERIFY2(box->text().contains(QStringLiteral("saved sign-in is forgotten")), qPrintable(box->text()));
        QVERIFY(box->text().contains(QStringLiteral("signed out on the server first")));
        QVERIFY(box->text().contains(dev.key()));
        clickBoxButton(box, box->button(QMessageBox::Cancel)->text());
        QTest::qWait(300);
        QVERIFY(profiles.find(dev.key()));
        QVERIFY(services->session()->isSignedIn());

        remove->trigger();
        box = waitForBox(&window);
        QVERIFY(box);
        clickBoxButton(box, QStringLiteral("Remove server"));
        QTRY_VERIFY_WITH_TIMEOUT(!profiles.find(dev.key()), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(window.globalBanner()->text().contains(QStringLiteral("Removed")), 10000);
        QVERIFY2(window.globalBanner()->text().contains(QStringLiteral("signed out on the server")),
                 qPrintable(window.globalBanner()->text()));
        QVERIFY(!services->session()->isSignedIn());
        QCOMPARE(readSecret(services->secrets(), e.key()).status, SecretResult::Status::NotFound);
        QVERIFY(profiles.find(other.key()));
        QCOMPARE(profiles.current().key(), other.key());
        // On disk too (a fresh reader of the same settings file).
        QSettings reread(m_dir.filePath(QStringLiteral("remove.ini")), QSettings::IniFormat);
        ServerProfiles fromDisk(&reread);
        QVERIFY(!fromDisk.find(dev.key()));
        QCOMPARE(fromDisk.all().size(), 1);
        auto *box2 = window.findChild<QComboBox *>(QStringLiteral("serverBox"));
        QCOMPARE(box2->count(), 1);
        QCOMPARE(box2->itemData(0).toString(), other.key());
        // The session is gone on the server, not just here.
        AuthApi auth(m_services->http(), e);
        const auto dead = awaitResult<SessionInfo>([&](QObject *c, auto cb) { auth.getSession(token, c, cb); });
        QVERIFY(dead);
        QCOMPARE(dead->error().kind, ApiError::Kind::Unauthorized);
    }

    // Sessions come in pages ("N of TOTAL", Load more), without duplicates when a sign-in is pushed meanwhile.
    void sessionsArePaged()
    {
        const ServerEndpoint e = TestEnv::endpointFor(m_server.url());
        const QStringList extra{TestEnv::adminToken(m_services->http(), e), TestEnv::adminToken(m_services->http(), e)};
        SessionsPage page(m_context.get());
        page.setSessionsPageSize(1);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.reload();
        QTRY_COMPARE_WITH_TIMEOUT(page.sessionsTable()->model()->rowCount(), 1, 10000);
        const int total = page.sessionsTotal();
        QVERIFY2(total >= 3, qPrintable(QString::number(total)));
        auto *count = page.findChild<QLabel *>(QStringLiteral("sessionCount"));
        QCOMPARE(count->text(), QStringLiteral("1 of %1").arg(total));
        auto *more = page.findChild<QPushButton *>(QStringLiteral("loadMoreSessionsButton"));
        QVERIFY(more->isVisible());
        QTest::mouseClick(more, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(page.sessionsTable()->model()->rowCount(), 2, 10000);
        QCOMPARE(count->text(), QStringLiteral("2 of %1").arg(total));
        // A new sign-in is pushed to the top; the next page does not list a session twice.
        QTRY_VERIFY_WITH_TIMEOUT(page.isLive(), 10000);
        QTest::qWait(300);   // subscribed
        const QString pushed = TestEnv::adminToken(m_services->http(), e);
        QTRY_COMPARE_WITH_TIMEOUT(page.sessionsTable()->model()->rowCount(), 3, 10000);
        QCOMPARE(page.sessionsTotal(), total + 1);
        while (more->isVisible()) {
            const int rows = page.sessionsTable()->model()->rowCount();
            page.loadMoreSessions();
            QTRY_VERIFY_WITH_TIMEOUT(page.sessionsTable()->model()->rowCount() > rows || !more->isVisible(), 10000);
        }
        QCOMPARE(page.sessionsTable()->model()->rowCount(), total + 1);
        QSet<QString> ids;
        for (int r = 0; r < page.sessionsTable()->model()->rowCount(); ++r)
            ids.insert(page.sessionsTable()->model()->index(r, 0).data(UserSessionsModel::SessionIdRole).toString());
        QCOMPARE(int(ids.size()), total + 1);
        QCOMPARE(count->text(), QStringLiteral("%1 of %1").arg(total + 1));

        // Tidy up: the extra sessions go (revoked through the page, one by one, first rows that are not us).
        for (int i = 0; i < 3; ++i) {
            int row = 0;
            while (page.sessionsTable()->model()->index(row, 0).data(UserSessionsModel::SessionIdRole).toString() == m_services->session()->sessionId())
                ++row;
            const int before = page.sessionsTable()->model()->rowCount();
            page.sessionsTable()->setCurrentIndex(page.sessionsTable()->model()->index(row, 0));
            Dialogs::setNextAnswer(true);
            page.revokeSelected();
            QTRY_COMPARE_WITH_TIMEOUT(page.sessionsTable()->model()->rowCount(), before - 1, 10000);
        }
        QVERIFY(m_services->session()->isSignedIn());
    }
};

QTEST_MAIN(TestAdminGui)
#include "tst_admin_gui.moc"
