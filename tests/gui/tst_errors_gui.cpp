// Errors in the GUI, offscreen: a 401 in the middle of minting keeps the form and signs in again over the
// modal dialog (real dev server, real device flow); the main window offers sign-in for a dead session
// without leaving the page; a 429 counts down with the retry held; a server without the plugin shows
// the install hint with its own 404; a gateway's 502 on create runs the orphan search (fixture server).
#include "DevServer.h"
#include "FixtureServer.h"
#include "TestEnv.h"
#include "services/Services.h"
#include "gui/ApiKeysPage.h"
#include "gui/AppContext.h"
#include "gui/MainWindow.h"
#include "gui/MessageBanner.h"
#include "gui/MintKeyDialog.h"
#include "gui/SignInDialog.h"
#include "net/ConsoleApi.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QVBoxLayout>

namespace {
QByteArray keyJson(const QString &id, const QString &name)
{
    const QByteArray now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8();
    return R"({"id":")" + id.toUtf8() + R"(","userId":"u1","name":")" + name.toUtf8() + R"(","start":"abc","prefix":null,)"
           R"("enabled":true,"createdAt":")" + now + R"(","updatedAt":")" + now + R"(","expiresAt":null,"lastRequest":null,)"
           R"("requestCount":0,"remaining":null,"rateLimitEnabled":false,"rateLimitMax":null,"rateLimitTimeWindow":null,)"
           R"("permissions":null,"metadata":null})";
}
} // namespace

class TestErrorsGui : public QObject
{
    Q_OBJECT
private:
    DevServer m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<Services> m_services;
    std::unique_ptr<AppContext> m_context;
    ServiceUser m_owner;

    ServerEndpoint endpoint() const { return TestEnv::endpointFor(m_server.url()); }

    bool signInDirectly()
    {
        const QString token = TestEnv::adminToken(m_services->http(), endpoint());
        const auto r = awaitResult<SignInOutcome>([&](QObject *c, auto cb) { m_services->auth()->completeSignIn(endpoint(), token, c, cb); });
        return r && r->ok();
    }

    // Revokes the console's session on the server, as another admin would from their console.
    void revokeOurSessionOnServer()
    {
        const QString other = TestEnv::adminToken(m_services->http(), endpoint());
        QVERIFY(!other.isEmpty());
        RequestOptions o;
        o.credentials = Credentials::person(other, endpoint().baseUrl);
        o.allowInsecureHttp = true;
        ApiCall *call = m_services->http()->post(endpoint().authUrl(QStringLiteral("/console/sessions/revoke")),
                                                 {{QStringLiteral("sessionId"), m_services->session()->sessionId()}}, o);
        const auto r = TestEnv::awaitCall(call, 10000);
        QVERIFY(r.has_value());
        QVERIFY2(r->ok(), qPrintable(r->error.userMessage()));
    }

    static QString cell(QTableWidget *t, int row, int col)
    {
        return t->item(row, col) ? t->item(row, col)->text() : QString();
    }

    static QPushButton *bannerAction(MessageBanner *b)
    {
        return b->findChild<QPushButton *>(QStringLiteral("messageBannerAction"));
    }

    SignInDialog *waitForSignIn(QWidget *parent)
    {
        SignInDialog *dlg = nullptr;
        (void)QTest::qWaitFor([&] { return (dlg = parent->findChild<SignInDialog *>(QStringLiteral("signInDialog"))) && dlg->isVisible(); }, 10000);
        return dlg;
    }

    // Reads the code the dialog shows and approves it on the server as the admin (what /device does).
    void approveShownCode(SignInDialog *dlg)
    {
        dlg->setBrowserEnabled(false);
        auto *code = dlg->findChild<QLabel *>(QStringLiteral("userCodeLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(code->text().contains(QLatin1Char('-')) && !code->text().contains(QChar(0x00B7)), 10000);
        QCOMPARE(TestEnv::decideDeviceCode(m_services->http(), endpoint(), code->text(), true), QString());
    }

private slots:
    // A success floats over the bottom of the page and goes by itself: the page never moves under the
    // pointer. A problem takes its place in the layout and stays until dismissed.
    void successesFloatAndGoProblemsStay()
    {
        QWidget page;
        auto *v = new QVBoxLayout(&page);
        auto *banner = new MessageBanner(&page);
        auto *button = new QPushButton(QStringLiteral("Revoke"), &page);
        v->addWidget(banner);
        v->addWidget(button);
        v->addStretch(1);
        page.resize(800, 400);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        const int y = button->y();

        banner->showMessage(QStringLiteral("Approved 4KE8-RBBA"), MessageBanner::Type::Positive, 400);
        QCOMPARE(banner->text(), QStringLiteral("Approved 4KE8-RBBA"));
        QCOMPARE(banner->type(), MessageBanner::Type::Positive);
        QVERIFY(banner->hidesByItself());
        v->activate();                                             // lay out now: no waiting
        QCOMPARE(button->y(), y);                                // nothing moved
        MessageBanner *strip = banner->floatingStrip();
        QVERIFY(strip && strip->isVisible());
        QVERIFY(page.rect().contains(strip->geometry()));          // over the page, at its bottom
        QVERIFY(strip->geometry().top() > page.height() / 2);
        QVERIFY(!strip->geometry().intersects(button->geometry()));
        QTRY_VERIFY_WITH_TIMEOUT(banner->text().isEmpty(), 3000);   // gone by itself
        QVERIFY(!strip->isVisible());

        // The default for a success also ends by itself.
        banner->showMessage(QStringLiteral("Saved"), MessageBanner::Type::Positive);
        QVERIFY(banner->hidesByItself());

        banner->showMessage(QStringLiteral("The server refused the request"), MessageBanner::Type::Error);
        QVERIFY(!strip->isVisible());                              // replaced, not stacked
        v->activate();
        QVERIFY(button->y() > y);                                  // in the layout, where it is read
        QVERIFY(!banner->hidesByItself());
        banner->dismiss();
        QVERIFY(banner->text().isEmpty());
    }

    // What the server says about the admin (name, email, role) is shown as text: markup in it is never
    // rendered, anywhere in the window (overview, status bar).
    void serverTextIsNeverMarkup()
    {
        QTemporaryDir dir;
        Services services(std::make_unique<SystemClock>(), new MemorySecretStore,
                          new QSettings(dir.filePath(QStringLiteral("plain.ini")), QSettings::IniFormat));
        AppContext context(&services);
        SessionInfo info;
        info.sessionId = QStringLiteral("s1");
        info.expiresAt = QDateTime::currentDateTimeUtc().addDays(1);
        info.user.id = QStringLiteral("<i>u1</i>");
        info.user.name = QStringLiteral("<b>Mallory</b><img src=x>");
        info.user.email = QStringLiteral("<b>Mallory</b>@example.com");
        info.user.role = QStringLiteral("<u>admin</u>");
        services.session()->set(TestEnv::endpointFor(QUrl(QStringLiteral("http://127.0.0.1:9"))), QStringLiteral("tok"), info, false);
        MainWindow window(&context);
        window.resize(1100, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        int seen = 0;
        for (QLabel *l : window.findChildren<QLabel *>()) {
            if (!l->isVisibleTo(&window) || !l->text().contains(QStringLiteral("Mallory")))
                continue;
            ++seen;
            QVERIFY2(l->textFormat() == Qt::PlainText || !l->text().contains(QStringLiteral("<b>Mallory")),
                     qPrintable(QStringLiteral("%1 renders the server's markup: %2").arg(l->objectName(), l->text())));
        }
        QVERIFY(seen >= 2);   // the overview and the status bar at least
    }

    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        m_services = std::make_unique<Services>(std::make_unique<SystemClock>(), new MemorySecretStore,
                                                new QSettings(m_dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat));
        m_context = std::make_unique<AppContext>(m_services.get());
        ServerProfile p;
        p.url = m_server.url().toString();
        p.authPath = QStringLiteral("/api/auth");
        m_services->profiles().save(p);
        m_services->profiles().setCurrent(p.url);
        QVERIFY(signInDirectly());
        ConsoleApi api(m_services->http(), m_services->session());
        const auto u = awaitResult<ServiceUser>([&](QObject *c, auto cb) {
            api.createServiceUser(QStringLiteral("svc-errors"), QStringLiteral("svc-errors@service.local"), c, cb);
        });
        QVERIFY(u && u->ok());
        m_owner = u->value();
    }

    void unauthorizedMidEditKeepsTheFormAndSignsInOverTheDialog()
    {
        QWidget host;
        host.resize(900, 700);
        host.show();
        QVERIFY(QTest::qWaitForWindowExposed(&host));
        auto *dlg = new MintKeyDialog(m_context.get(), {m_owner}, m_owner.id, std::nullopt, &host);
        std::optional<MintedKey> minted;
        connect(dlg, &MintKeyDialog::minted, dlg, [&](const MintedKey &k) { minted = k; });
        dlg->open();   // window-modal, as ApiKeysPage opens it
        QVERIFY(QTest::qWaitForWindowExposed(dlg));

        auto *name = dlg->findChild<QLineEdit *>(QStringLiteral("nameEdit"));
        auto *perms = dlg->findChild<QTableWidget *>(QStringLiteral("permissionsTable"));
        auto *meta = dlg->findChild<QTableWidget *>(QStringLiteral("metadataTable"));
        auto *prefix = dlg->findChild<QLineEdit *>(QStringLiteral("prefixEdit"));
        auto *rate = dlg->findChild<QComboBox *>(QStringLiteral("rateModeBox"));
        QTest::keyClicks(name, QStringLiteral("resigned-key"));
        QTest::mouseClick(dlg->findChild<QToolButton *>(QStringLiteral("addPermissionButton")), Qt::LeftButton);
        perms->item(0, 0)->setText(QStringLiteral("files"));
        perms->item(0, 1)->setText(QStringLiteral("read, write"));
        QTest::mouseClick(dlg->findChild<QToolButton *>(QStringLiteral("addMetadataButton")), Qt::LeftButton);
        meta->item(0, 0)->setText(QStringLiteral("host"));
        meta->item(0, 1)->setText(QStringLiteral("web-1"));
        QTest::keyClicks(prefix, QStringLiteral("rs_"));
        rate->setCurrentIndex(1);   // off

        const QString oldToken = m_services->session()->token();
        revokeOurSessionOnServer();
        QTest::mouseClick(dlg->findChild<QPushButton *>(QStringLiteral("mintButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dlg->banner()->text().contains(QStringLiteral("Your session ended")), 10000);
        QCOMPARE(dlg->banner()->text(), QStringLiteral("Your session ended. Sign in again to continue; what you typed is kept."));
        QVERIFY(dlg->isVisible());
        QVERIFY(!minted);
        QCOMPARE(name->text(), QStringLiteral("resigned-key"));
        QCOMPARE(cell(perms, 0, 0), QStringLiteral("files"));
        QCOMPARE(cell(perms, 0, 1), QStringLiteral("read, write"));
        QCOMPARE(cell(meta, 0, 0), QStringLiteral("host"));
        QCOMPARE(cell(meta, 0, 1), QStringLiteral("web-1"));
        QCOMPARE(prefix->text(), QStringLiteral("rs_"));
        QCOMPARE(rate->currentIndex(), 1);

        QPushButton *action = bannerAction(dlg->banner());
        QVERIFY(action && action->isVisible());
        QCOMPARE(action->text(), QStringLiteral("Sign in again"));
        QTest::mouseClick(action, Qt::LeftButton);
        SignInDialog *signIn = waitForSignIn(dlg);
        QVERIFY(signIn);
        QCOMPARE(signIn->parentWidget(), static_cast<QWidget *>(dlg));   // over the modal dialog, not behind it
        approveShownCode(signIn);
        QTRY_COMPARE_WITH_TIMEOUT(dlg->banner()->text(), QStringLiteral("Signed in again. Press Mint to continue."), 20000);
        QVERIFY(m_services->session()->token() != oldToken);
        QVERIFY(dlg->isVisible());
        QVERIFY(!minted);   // not re-sent on the admin's behalf

        // Nothing was created by the refused attempt.
        ConsoleApi api(m_services->http(), m_services->session());
        auto before = awaitResult<Page<ApiKey>>([&](QObject *c, auto cb) { api.listApiKeys(m_owner.id, 100, 0, c, cb); });
        QVERIFY(before && before->ok());
        QCOMPARE(before->value().items.size(), 0);

        QTest::mouseClick(dlg->findChild<QPushButton *>(QStringLiteral("mintButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(minted.has_value(), 10000);
        QTRY_VERIFY(!dlg->isVisible());

        // On the server: exactly what was typed before the 401.
        auto after = awaitResult<Page<ApiKey>>([&](QObject *c, auto cb) { api.listApiKeys(m_owner.id, 100, 0, c, cb); });
        QVERIFY(after && after->ok());
        QCOMPARE(after->value().items.size(), 1);
        const ApiKey k = after->value().items.first();
        QCOMPARE(k.id, minted->apiKey.id);
        QCOMPARE(k.name, QStringLiteral("resigned-key"));
        QCOMPARE(k.userId, m_owner.id);
        QCOMPARE(k.prefix, QStringLiteral("rs_"));
        QVERIFY(minted->secret.startsWith(QStringLiteral("rs_")));
        QCOMPARE(k.permissions, (Permissions{{QStringLiteral("files"), {QStringLiteral("read"), QStringLiteral("write")}}}));
        QCOMPARE(k.metadata, (QJsonObject{{QStringLiteral("host"), QStringLiteral("web-1")}}));
        QCOMPARE(k.rateLimitEnabled, false);
    }

    void deadSessionOffersSignInWithoutLeavingThePage()
    {
        MainWindow window(m_context.get());
        window.resize(1000, 640);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showPage(window.apiKeys());
        auto *stack = window.findChild<QStackedWidget *>(QStringLiteral("pageStack"));
        QCOMPARE(stack->currentWidget(), static_cast<QWidget *>(window.apiKeys()));
        auto *signInAction = window.findChild<QAction *>(QStringLiteral("signInAction"));
        QVERIFY(!signInAction->isVisible());   // signed in: only sign-out

        // The server forgets the session; the next check finds out.
        revokeOurSessionOnServer();
        window.checkSession();
        QTRY_VERIFY_WITH_TIMEOUT(window.globalBanner()->text().contains(QStringLiteral("no longer accepts")), 10000);
        QCOMPARE(stack->currentWidget(), static_cast<QWidget *>(window.apiKeys()));   // not yanked to Overview
        QVERIFY(window.globalBanner()->isVisibleTo(&window));
        QVERIFY(signInAction->isVisible());
        QVERIFY(window.findChild<QLabel *>(QStringLiteral("statusLabel"))->text().contains(QStringLiteral("ended")));

        signInAction->trigger();
        SignInDialog *signIn = waitForSignIn(&window);
        QVERIFY(signIn);
        QCOMPARE(signIn->parentWidget(), static_cast<QWidget *>(&window));
        approveShownCode(signIn);
        QTRY_VERIFY_WITH_TIMEOUT(!signInAction->isVisible(), 20000);
        QCOMPARE(stack->currentWidget(), static_cast<QWidget *>(window.apiKeys()));
        QVERIFY(!window.findChild<QLabel *>(QStringLiteral("statusLabel"))->text().contains(QStringLiteral("ended")));
    }

    void rateLimitCountsDownWithRetryHeld()
    {
        FixtureServer fixture;
        QVERIFY(fixture.listen());
        int creates = 0;
        fixture.on(QStringLiteral("/api/auth/console/api-keys/create"), [&creates](const QHttpServerRequest &) {
            ++creates;
            return FixtureServer::json(R"({"code":"RATE_LIMITED","message":"Too many requests"})", 429, {{"Retry-After", "3"}});
        });
        const ServerEndpoint real = m_services->session()->endpoint();
        const QString realToken = m_services->session()->token();
        SessionInfo info;
        info.user.email = QStringLiteral("admin@example.com");
        info.expiresAt = QDateTime::currentDateTimeUtc().addDays(1);
        m_services->session()->set(TestEnv::endpointFor(fixture.url()), QStringLiteral("fixture-token"), info, false);

        // The error itself: 429 with Retry-After: 3 is RateLimited, 3 s.
        ConsoleApi api(m_services->http(), m_services->session());
        KeyFields f;
        f.userId = QStringLiteral("u1");
        f.name = QStringLiteral("k");
        const auto r = awaitResult<MintedKey>([&](QObject *c, auto cb) { api.createApiKey(f, c, cb); });
        QVERIFY(r && !r->ok());
        QCOMPARE(r->error().kind, ApiError::Kind::RateLimited);
        QCOMPARE(int(r->error().retryAfter.count()), 3);

        ServiceUser owner;
        owner.id = QStringLiteral("u1");
        owner.name = QStringLiteral("svc");
        QWidget host;
        host.show();
        auto *dlg = new MintKeyDialog(m_context.get(), {owner}, owner.id, std::nullopt, &host);
        dlg->open();
        QVERIFY(QTest::qWaitForWindowExposed(dlg));
        dlg->findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("limited"));
        auto *mint = dlg->findChild<QPushButton *>(QStringLiteral("mintButton"));
        QTest::mouseClick(mint, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dlg->banner()->text(), QStringLiteral("The server is rate-limiting requests; try again in 3 s."), 5000);
        QVERIFY(!mint->isEnabled());
        QVERIFY(!bannerAction(dlg->banner())->isEnabled());
        const int sent = creates;
        dlg->mint();   // held: nothing is sent during the wait
        QTRY_COMPARE_WITH_TIMEOUT(dlg->banner()->text(), QStringLiteral("The server is rate-limiting requests; try again in 2 s."), 2000);
        QTRY_COMPARE_WITH_TIMEOUT(dlg->banner()->text(), QStringLiteral("The server is rate-limiting requests; try again in 1 s."), 2000);
        QVERIFY(!mint->isEnabled());
        QCOMPARE(creates, sent);
        QTRY_VERIFY_WITH_TIMEOUT(mint->isEnabled(), 2000);
        QVERIFY(bannerAction(dlg->banner())->isEnabled());
        QVERIFY(dlg->banner()->text().contains(QStringLiteral("try again now")));
        QTest::mouseClick(bannerAction(dlg->banner()), Qt::LeftButton);   // "Mint again" sends once more
        QTRY_COMPARE_WITH_TIMEOUT(creates, sent + 1, 5000);

        m_services->session()->set(real, realToken, info, false);
    }

    // A hostile server's verification_uri: only http(s) is offered, what is shown is what is opened, and a
    // page on another origin is never the default action.
    void hostileVerificationUriIsNeverOpenedBlindly_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<bool>("openable");
        QTest::addColumn<bool>("isDefault");
        QTest::newRow("own page") << QStringLiteral("{self}/device?user_code=ABCD1234") << true << true;
        QTest::newRow("javascript") << QStringLiteral("javascript:alert(document.cookie)") << false << false;
        QTest::newRow("file") << QStringLiteral("file:///etc/passwd") << false << false;
        QTest::newRow("rich text") << QStringLiteral("<b>http://x</b>") << false << false;
        QTest::newRow("other origin") << QStringLiteral("https://phish.example/device") << true << false;
    }
    void hostileVerificationUriIsNeverOpenedBlindly()
    {
        QFETCH(QString, uri);
        QFETCH(bool, openable);
        QFETCH(bool, isDefault);
        FixtureServer fixture;
        QVERIFY(fixture.listen());
        uri.replace(QStringLiteral("{self}"), fixture.url().toString().chopped(fixture.url().toString().endsWith(QLatin1Char('/')) ? 1 : 0));
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("device_code"), QStringLiteral("dc")},
                                                          {QStringLiteral("user_code"), QStringLiteral("ABCD1234")},
                                                          {QStringLiteral("verification_uri"), uri},
                                                          {QStringLiteral("verification_uri_complete"), uri},
                                                          {QStringLiteral("expires_in"), 300},
                                                          {QStringLiteral("interval"), 5}})
                                    .toJson(QJsonDocument::Compact);
        fixture.on(QStringLiteral("/api/auth/device/code"), [body](const QHttpServerRequest &) { return FixtureServer::json(body); });
        fixture.on(QStringLiteral("/api/auth/device/token"), [](const QHttpServerRequest &) {
            return FixtureServer::json(R"({"error":"authorization_pending"})", 400);
        });
        SignInDialog dlg(m_context.get(), TestEnv::endpointFor(fixture.url()));
        dlg.setBrowserEnabled(false);
        dlg.show();
        auto *open = dlg.findChild<QPushButton *>(QStringLiteral("openBrowserButton"));
        auto *link = dlg.findChild<QLabel *>(QStringLiteral("verificationUrlLabel"));
        auto *status = dlg.findChild<QLabel *>(QStringLiteral("statusLabel"));
        QVERIFY(open && link && status);
        QTRY_COMPARE(dlg.flow()->code().userCode, QStringLiteral("ABCD1234"));
        QCOMPARE(open->isEnabled(), openable);
        QCOMPARE(open->isDefault(), isDefault);
        if (!openable) {
            QCOMPARE(link->textFormat(), Qt::PlainText);
            QVERIFY(!link->openExternalLinks());
            QVERIFY(status->text().contains(QStringLiteral("not opened")));
            QTest::mouseClick(open, Qt::LeftButton);
            QVERIFY(dlg.lastOpenedUrl().isEmpty());
        } else {
            QTest::mouseClick(open, Qt::LeftButton);
            QCOMPARE(dlg.lastOpenedUrl(), uri);                 // what is opened ...
            QVERIFY(link->text().contains(uri.toHtmlEscaped())); // ... is what is shown
            QCOMPARE(status->text().contains(QStringLiteral("phish.example")), !isDefault);
        }
    }

    void serverWithoutPluginShowsInstallHintAndItsOwn404()
    {
        FixtureServer fixture;
        QVERIFY(fixture.listen());
        const QByteArray infoBody = R"({"code":"NOT_FOUND","message":"no route /api/auth/console/info"})";
        fixture.on(QStringLiteral("/api/auth/console/info"), [infoBody](const QHttpServerRequest &) {
            return FixtureServer::json(infoBody, 404);
        });
        for (const QString &route : {QStringLiteral("/api/auth/console/api-keys"), QStringLiteral("/api/auth/console/service-users")})
            fixture.on(route, [route](const QHttpServerRequest &) {
                return FixtureServer::json(R"({"code":"NOT_FOUND","message":"no route )" + route.toUtf8() + R"("})", 404);
            });
        const ServerEndpoint real = m_services->session()->endpoint();
        const QString realToken = m_services->session()->token();
        SessionInfo info;
        info.user.email = QStringLiteral("admin@example.com");
        info.expiresAt = QDateTime::currentDateTimeUtc().addDays(1);
        m_services->session()->set(TestEnv::endpointFor(fixture.url()), QStringLiteral("fixture-token"), info, false);

        ApiKeysPage page(m_context.get());
        page.resize(1000, 500);
        page.show();
        page.reload();
        auto shows = [&] {
            const QString t = page.banner()->text();
            return t.contains(QStringLiteral("Install the @pikku-admin/better-auth-console plugin"))
                && t.contains(QString::fromUtf8(infoBody)) && t.contains(QStringLiteral("HTTP 404"));
        };
        QTRY_VERIFY_WITH_TIMEOUT(shows(), 10000);
        QTest::qWait(300);   // every reply is in: the evidence stays
        QVERIFY2(shows(), qPrintable(page.banner()->text()));
        QVERIFY(!page.findChild<QAction *>(QStringLiteral("mintAction"))->isEnabled());

        m_services->session()->set(real, realToken, info, false);
    }

    void gatewayErrorOnCreateRunsOrphanSearch()
    {
        // A proxy answers 502 after the server created the key: it must be looked for, like a timeout.
        FixtureServer fixture;
        QVERIFY(fixture.listen());
        fixture.on(QStringLiteral("/api/auth/console/api-keys/create"), [](const QHttpServerRequest &) {
            QHttpServerResponse r(QByteArrayLiteral("text/html"), QByteArrayLiteral("<html><body>502 Bad Gateway</body></html>"),
                                  QHttpServerResponse::StatusCode::BadGateway);
            return r;
        });
        fixture.on(QStringLiteral("/api/auth/console/api-keys"), [](const QHttpServerRequest &) {
            return FixtureServer::json(R"({"apiKeys":[)" + keyJson(QStringLiteral("orphan-1"), QStringLiteral("gw-key")) + R"(],"total":1})");
        });
        const ServerEndpoint real = m_services->session()->endpoint();
        const QString realToken = m_services->session()->token();
        SessionInfo info;
        info.user.email = QStringLiteral("admin@example.com");
        info.expiresAt = QDateTime::currentDateTimeUtc().addDays(1);
        m_services->session()->set(TestEnv::endpointFor(fixture.url()), QStringLiteral("fixture-token"), info, false);

        ServiceUser owner;
        owner.id = QStringLiteral("u1");
        owner.name = QStringLiteral("svc");
        QWidget host;
        host.show();
        auto *dlg = new MintKeyDialog(m_context.get(), {owner}, owner.id, std::nullopt, &host);
        dlg->open();
        dlg->findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("gw-key"));
        dlg->mint();
        QTRY_VERIFY_WITH_TIMEOUT(dlg->banner()->text().contains(QStringLiteral("revoke it")), 10000);
        QVERIFY2(dlg->banner()->text().contains(QStringLiteral("orphan-1")), qPrintable(dlg->banner()->text()));
        bool listed = false;
        for (const FixtureServer::Seen &s : fixture.seen())
            listed = listed || (s.method == "GET" && s.path == QLatin1String("/api/auth/console/api-keys"));
        QVERIFY(listed);
        QVERIFY(dlg->isVisible());

        m_services->session()->set(real, realToken, info, false);
    }
};

QTEST_MAIN(TestErrorsGui)
#include "tst_errors_gui.moc"
