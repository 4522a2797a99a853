// The CLI contract (cli.md) against the real dev server and keychain: login --no-browser --json,
// whoami --json, logout --json, exit codes 0/1/2/3/4.
#include "DevServer.h"
#include "TestEnv.h"
#include "core/Json.h"
#include "net/HttpClient.h"

#include <QTcpServer>

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestCliLive : public QObject
{
    Q_OBJECT
private:
    DevServer m_server;
    HttpClient m_http;
    QString m_service;

    ServerEndpoint endpoint() const { return TestEnv::endpointFor(m_server.url()); }

    std::unique_ptr<QProcess> start(const QStringList &args, const QString &server = {})
    {
        auto p = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PIKKU_ADMIN_KEYCHAIN_SERVICE"), m_service);
        env.insert(QStringLiteral("PIKKU_ADMIN_SERVER"), server.isEmpty() ? endpoint().key() : server);
        p->setProcessEnvironment(env);
        p->start(QStringLiteral(PIKKU_ADMIN_BINARY), args);
        return p;
    }

    static QJsonObject readJsonLine(QProcess *p, int timeoutMs = 20000)
    {
        (void)QTest::qWaitFor([p] { return p->canReadLine() || p->state() == QProcess::NotRunning; }, timeoutMs);
        const QByteArray line = p->readLine();
        QJsonParseError pe{};
        const QJsonDocument d = QJsonDocument::fromJson(line, &pe);
        if (pe.error != QJsonParseError::NoError)
            qWarning("not a JSON line: '%s' (stderr: %s)", line.constData(), p->readAllStandardError().constData());
        return d.object();
    }

    static int finish(QProcess *p, int timeoutMs = 30000)
    {
        // waitForFinished() is false for a process that has already finished: check the state first.
        if (p->state() != QProcess::NotRunning && !p->waitForFinished(timeoutMs)) {
            p->kill();
            return -1;
        }
        return p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -2;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"), "needs with-keyring.sh");
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        m_service = TestEnv::uniqueKeychainService();
    }

    void usageErrors()
    {
        auto p = start({QStringLiteral("frobnicate")});
        QCOMPARE(finish(p.get()), 2);
        auto q = start({QStringLiteral("whoami"), QStringLiteral("extra")});
        QCOMPARE(finish(q.get()), 2);
        auto r = start({QStringLiteral("whoami"), QStringLiteral("--server"), QStringLiteral("http://admin.example.com")});
        QCOMPARE(finish(r.get()), 2);   // plain http to a remote host is refused without --allow-insecure-http
        QVERIFY(r->readAllStandardError().contains("http://"));
    }

    void notSignedIn()
    {
        auto p = start({QStringLiteral("whoami"), QStringLiteral("--json")});
        QCOMPARE(finish(p.get()), 3);
        QVERIFY(p->readAllStandardOutput().isEmpty());
        auto q = start({QStringLiteral("logout"), QStringLiteral("--json")});
        QCOMPARE(finish(q.get()), 0);
        QCOMPARE(QJsonDocument::fromJson(q->readAllStandardOutput()).object().value(QStringLiteral("serverRevoked")).toBool(true), false);
    }

    void loginWhoamiLogout()
    {
        auto login = start({QStringLiteral("login"), QStringLiteral("--no-browser"), QStringLiteral("--json")});
        const QJsonObject code = readJsonLine(login.get());
        QCOMPARE(code.value(QStringLiteral("event")).toString(), QStringLiteral("code"));
        const QString userCode = code.value(QStringLiteral("userCode")).toString();
        QCOMPARE(userCode.size(), 8);
        QVERIFY(code.value(QStringLiteral("verificationUri")).toString().startsWith(m_server.url().toString()));
        QVERIFY(code.value(QStringLiteral("verificationUriComplete")).toString().contains(userCode));
        QCOMPARE(code.value(QStringLiteral("interval")).toInt(), 1);
        QVERIFY(code.value(QStringLiteral("expiresIn")).toInt() > 0);

        QCOMPARE(TestEnv::decideDeviceCode(&m_http, endpoint(), userCode.toLower().insert(4, QLatin1Char('-')), true), QString());
        const QJsonObject done = readJsonLine(login.get());
        QCOMPARE(done.value(QStringLiteral("event")).toString(), QStringLiteral("signed-in"));
        const QJsonObject user = done.value(QStringLiteral("user")).toObject();
        QCOMPARE(user.value(QStringLiteral("email")).toString(), DevServer::adminEmail());
        QCOMPARE(user.value(QStringLiteral("role")).toString(), QStringLiteral("admin"));
        QVERIFY(!user.value(QStringLiteral("id")).toString().isEmpty());
        QVERIFY(parseIsoDateTime(done.value(QStringLiteral("expiresAt")).toString()).isValid());
        QCOMPARE(finish(login.get()), 0);
        const QByteArray loginOut = login->readAllStandardOutput();
        QVERIFY2(loginOut.trimmed().isEmpty(), loginOut.constData());   // exactly two JSON lines

        auto who = start({QStringLiteral("--json"), QStringLiteral("whoami")});   // global option before the command
        QCOMPARE(finish(who.get()), 0);
        const QJsonObject w = QJsonDocument::fromJson(who->readAllStandardOutput()).object();
        QCOMPARE(w.value(QStringLiteral("user")).toObject().value(QStringLiteral("email")).toString(), DevServer::adminEmail());
        QCOMPARE(w.value(QStringLiteral("server")).toString(), endpoint().key());

        auto human = start({QStringLiteral("whoami")});
        QCOMPARE(finish(human.get()), 0);
        QVERIFY(human->readAllStandardOutput().contains(DevServer::adminEmail().toUtf8()));

        auto out = start({QStringLiteral("logout"), QStringLiteral("--json")});
        QCOMPARE(finish(out.get()), 0);
        const QJsonObject l = QJsonDocument::fromJson(out->readAllStandardOutput()).object();
        QCOMPARE(l.value(QStringLiteral("signedOut")).toBool(), true);
        QCOMPARE(l.value(QStringLiteral("serverRevoked")).toBool(), true);

        auto gone = start({QStringLiteral("whoami"), QStringLiteral("--json")});
        QCOMPARE(finish(gone.get()), 3);
    }

    void deniedExitsFour()
    {
        auto login = start({QStringLiteral("login"), QStringLiteral("--no-browser"), QStringLiteral("--json")});
        const QJsonObject code = readJsonLine(login.get());
        QCOMPARE(TestEnv::decideDeviceCode(&m_http, endpoint(), code.value(QStringLiteral("userCode")).toString(), false), QString());
        QCOMPARE(finish(login.get()), 4);
        QVERIFY(login->readAllStandardError().contains("denied"));
    }

    void expiredExitsFour()
    {
        DevServer shortLived({QStringLiteral("1s"), QStringLiteral("3s"), {}});
        QVERIFY2(shortLived.start(), qPrintable(shortLived.errorString()));
        auto login = start({QStringLiteral("login"), QStringLiteral("--no-browser")}, shortLived.url().toString());
        QCOMPARE(finish(login.get(), 20000), 4);
        QVERIFY(login->readAllStandardError().contains("expired"));
    }

    void unreachableServerExitsOne()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const QString url = QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort());
        probe.close();
        auto p = start({QStringLiteral("login"), QStringLiteral("--no-browser"), QStringLiteral("--auth-path"), QStringLiteral("/api/auth")}, url);
        QCOMPARE(finish(p.get()), 1);
        QVERIFY(p->readAllStandardError().contains("Cannot reach"));
    }

    void logoutWithUnreachableServerStillForgets()
    {
        // Sign in, then stop the server: logout must delete the entry, warn, and exit 1.
        DevServer other;
        QVERIFY2(other.start(), qPrintable(other.errorString()));
        auto login = start({QStringLiteral("login"), QStringLiteral("--no-browser"), QStringLiteral("--json")}, other.url().toString());
        const QJsonObject code = readJsonLine(login.get());
        QCOMPARE(TestEnv::decideDeviceCode(&m_http, TestEnv::endpointFor(other.url()), code.value(QStringLiteral("userCode")).toString(), true), QString());
        QCOMPARE(finish(login.get()), 0);
        other.stop();
        auto out = start({QStringLiteral("logout")}, other.url().toString());
        QCOMPARE(finish(out.get()), 1);
        QVERIFY(out->readAllStandardError().contains("may still be valid"));
        auto who = start({QStringLiteral("whoami")}, other.url().toString());
        QCOMPARE(finish(who.get()), 3);   // the keychain entry is gone
    }

    void logoutWithoutKeychainReportsIt()
    {
        // No Secret Service on the bus: logout cannot know whether a session is saved, so it must say why
        // and exit 1, not "Not signed in" with 0.
        auto p = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PIKKU_ADMIN_KEYCHAIN_SERVICE"), m_service);
        env.insert(QStringLiteral("PIKKU_ADMIN_SERVER"), endpoint().key());
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/pikku-bus"));
        p->setProcessEnvironment(env);
        p->start(QStringLiteral(PIKKU_ADMIN_BINARY), {QStringLiteral("logout"), QStringLiteral("--json")});
        QCOMPARE(finish(p.get()), 1);
        const QByteArray err = p->readAllStandardError();
        QVERIFY2(err.contains("keychain is not available"), err.constData());
        QVERIFY2(!err.contains("Not signed in"), err.constData());
        const QJsonObject o = QJsonDocument::fromJson(p->readAllStandardOutput()).object();
        QCOMPARE(o.value(QStringLiteral("signedOut")).toBool(true), false);
        QCOMPARE(o.value(QStringLiteral("error")).toString(), QStringLiteral("keychain-unavailable"));
    }
};

QTEST_GUILESS_MAIN(TestCliLive)
#include "tst_cli_live.moc"
