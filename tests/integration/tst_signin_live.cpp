// End to end against the real dev server (better-auth + SQLite) and the real keychain: device flow,
// approval by the admin over HTTP, token kept in gnome-keyring, restored by a fresh process, logout.
#include "DevServer.h"
#include "TestEnv.h"
#include "services/AuthService.h"
#include "core/Json.h"
#include "services/Services.h"
#include "net/KeychainSecretStore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestSignInLive : public QObject
{
    Q_OBJECT
private:
    DevServer m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<Services> m_services;
    QString m_service;

    ServerEndpoint endpoint() const { return TestEnv::endpointFor(m_server.url()); }

    // Runs the whole device flow, approving (or denying) the code as the seeded admin.
    DeviceFlow::State runFlow(bool approve, QString *token)
    {
        AuthApi api(m_services->http(), endpoint());
        DeviceFlow flow(&api, m_services->clock(), QStringLiteral("pikku-admin"));
        QString decideError = QStringLiteral("not reached");
        connect(&flow, &DeviceFlow::codeReady, this, [&](const DeviceCode &code) {
            decideError = TestEnv::decideDeviceCode(m_services->http(), endpoint(), code.userCode, approve);
        });
        QSignalSpy ended(&flow, &DeviceFlow::ended);
        flow.start();
        if (!ended.wait(30000))
            return DeviceFlow::State::Idle;
        if (!decideError.isEmpty())
            qWarning("decision: %s", qPrintable(decideError));
        if (token)
            *token = flow.accessToken();
        return flow.state();
    }

    QProcess *cli(const QStringList &args)
    {
        auto *p = new QProcess(this);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PIKKU_ADMIN_KEYCHAIN_SERVICE"), m_service);
        p->setProcessEnvironment(env);
        p->start(QStringLiteral(PIKKU_ADMIN_BINARY), args);
        return p;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"), "needs with-keyring.sh");
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        m_service = TestEnv::uniqueKeychainService();
        m_services = std::make_unique<Services>(std::make_unique<SystemClock>(), new KeychainSecretStore(m_service),
                                                new QSettings(m_dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat));
    }

    void authPathIsDetected()
    {
        const auto r = awaitResult<QString>([&](QObject *c, auto cb) {
            AuthApi::detectAuthPath(m_services->http(), m_server.url(), false, c, cb);
        });
        QVERIFY(r && r->ok());
        QCOMPARE(r->value(), QStringLiteral("/api/auth"));
        // a server with better-auth mounted elsewhere is reported, not guessed
        const auto miss = awaitResult<QString>([&](QObject *c, auto cb) {
            AuthApi::detectAuthPath(m_services->http(), m_server.url(), false, c, cb, {QStringLiteral("/nope")});
        });
        QVERIFY(miss && !miss->ok());
    }

    void deniedCodeEndsDenied()
    {
        QCOMPARE(runFlow(false, nullptr), DeviceFlow::State::Denied);
    }

    void signInKeepLogout()
    {
        QString token;
        QCOMPARE(runFlow(true, &token), DeviceFlow::State::SignedIn);
        QVERIFY(!token.isEmpty());

        const auto signedIn = awaitResult<SignInOutcome>([&](QObject *c, auto cb) {
            m_services->auth()->completeSignIn(endpoint(), token, c, cb);
        });
        QVERIFY(signedIn && signedIn->ok());
        QVERIFY2(signedIn->value().persisted, qPrintable(signedIn->value().keychainError));
        QCOMPARE(signedIn->value().info.user.email, DevServer::adminEmail());
        QVERIFY(signedIn->value().info.user.isAdmin());
        QVERIFY(m_services->session()->isSignedIn());
        QVERIFY(m_services->session()->expiresAt() > QDateTime::currentDateTimeUtc().addDays(6));

        // The keychain holds it (and QSettings does not).
        KeychainSecretStore direct(m_service);
        std::optional<SecretResult> read;
        QObject ctx;
        direct.read(endpoint().key(), &ctx, [&](const SecretResult &r) { read = r; });
        QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 10000);
        QVERIFY(read->ok());
        QCOMPARE(StoredSession::fromKeychainData(read->data)->token, token);
        m_services->settings()->sync();
        QFile ini(m_dir.filePath(QStringLiteral("s.ini")));
        if (ini.open(QIODevice::ReadOnly))
            QVERIFY(!ini.readAll().contains(token.toUtf8()));

        // A fresh process restores and validates it.
        QProcess *who = cli({QStringLiteral("whoami"), QStringLiteral("--json"), QStringLiteral("--server"), endpoint().key()});
        QVERIFY(who->waitForFinished(20000));
        QCOMPARE(who->exitCode(), 0);
        const QJsonObject o = QJsonDocument::fromJson(who->readAllStandardOutput()).object();
        QCOMPARE(o.value(QStringLiteral("server")).toString(), endpoint().key());
        QCOMPARE(o.value(QStringLiteral("user")).toObject().value(QStringLiteral("email")).toString(), DevServer::adminEmail());
        QVERIFY(parseIsoDateTime(o.value(QStringLiteral("expiresAt")).toString()).isValid());

        // Logout: the server session dies and the entry goes.
        const auto out = [&] {
            std::optional<LogoutOutcome> res;
            QObject c;
            m_services->auth()->logout(endpoint(), &c, [&](const LogoutOutcome &o) { res = o; });
            (void)QTest::qWaitFor([&] { return res.has_value(); }, 20000);
            return res;
        }();
        QVERIFY(out);
        QVERIFY(out->wasSignedIn);
        QVERIFY(out->serverRevoked);
        QVERIFY(out->keychainCleared);
        QVERIFY(!m_services->session()->isSignedIn());

        AuthApi api(m_services->http(), endpoint());
        const auto dead = awaitResult<SessionInfo>([&](QObject *c, auto cb) { api.getSession(token, c, cb); });
        QVERIFY(dead && !dead->ok());
        QCOMPARE(dead->error().kind, ApiError::Kind::Unauthorized);

        QProcess *after = cli({QStringLiteral("whoami"), QStringLiteral("--server"), endpoint().key()});
        QVERIFY(after->waitForFinished(20000));
        QCOMPARE(after->exitCode(), 3);
    }

    void sessionRevokedElsewhereIsReportedGone()
    {
        QString token;
        QCOMPARE(runFlow(true, &token), DeviceFlow::State::SignedIn);
        QVERIFY(awaitResult<SignInOutcome>([&](QObject *c, auto cb) { m_services->auth()->completeSignIn(endpoint(), token, c, cb); })->ok());
        // Someone revokes the session on the server (here: a sign-out with the token from elsewhere).
        AuthApi api(m_services->http(), endpoint());
        QVERIFY(awaitResult<Done>([&](QObject *c, auto cb) { api.signOut(token, c, cb); })->ok());
        m_services->session()->clear();

        const auto restored = awaitResult<SessionInfo>([&](QObject *c, auto cb) { m_services->auth()->restore(endpoint(), c, cb); });
        QVERIFY(restored && !restored->ok());
        QCOMPARE(restored->error().kind, ApiError::Kind::Unauthorized);
        QCOMPARE(restored->error().serverCode, QStringLiteral("SESSION_GONE"));
        QVERIFY(!m_services->session()->isSignedIn());
        // and the useless entry was removed
        const auto again = awaitResult<SessionInfo>([&](QObject *c, auto cb) { m_services->auth()->restore(endpoint(), c, cb); });
        QCOMPARE(again->error().serverCode, QStringLiteral("NOT_SIGNED_IN"));
    }

    void unauthorizedMidWorkReportsOnce()
    {
        QString token;
        QCOMPARE(runFlow(true, &token), DeviceFlow::State::SignedIn);
        QVERIFY(awaitResult<SignInOutcome>([&](QObject *c, auto cb) { m_services->auth()->completeSignIn(endpoint(), token, c, cb); })->ok());
        QSignalSpy expired(m_services->session(), &Session::sessionExpired);
        m_services->session()->reportUnauthorized();
        m_services->session()->reportUnauthorized();
        QCOMPARE(expired.count(), 1);
        std::optional<LogoutOutcome> res;
        m_services->auth()->logout(endpoint(), this, [&](const LogoutOutcome &o) { res = o; });
        QTRY_VERIFY_WITH_TIMEOUT(res.has_value(), 20000);
    }
};

QTEST_GUILESS_MAIN(TestSignInLive)
#include "tst_signin_live.moc"
