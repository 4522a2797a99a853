// Issue 14 part 1 (h-noplugin): the CLI against a better-auth server WITHOUT the console plugin (the real dev
// server with --no-console-plugin: real better-auth, real SQLite, the admin, bearer, API Key and device
// plugins) and the real keyring. What works goes through better-auth's own endpoints (users list, sessions
// list/revoke/revoke-all for one user, users ban/unban/set-role); what needs the plugin exits 1 with the hint;
// the admin cannot lock themself out.
#include "DevServer.h"
#include "TestEnv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

class TestCliNoPluginLive : public QObject
{
    Q_OBJECT
private:
    DevServer m_server{[] {
        DevServer::Options o;
        o.consolePlugin = false;
        return o;
    }()};
    HttpClient m_http;
    QString m_service;
    QString m_adminId;

    ServerEndpoint endpoint() const { return TestEnv::endpointFor(m_server.url()); }
    static QString S(const char *s) { return QString::fromUtf8(s); }

    struct Run
    {
        int code = -1;
        QByteArray out, err;
        QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    };

    std::unique_ptr<QProcess> start(const QStringList &args)
    {
        auto p = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(S("PIKKU_ADMIN_KEYCHAIN_SERVICE"), m_service);
        env.insert(S("PIKKU_ADMIN_SERVER"), endpoint().key());
        p->setProcessEnvironment(env);
        p->start(QStringLiteral(PIKKU_ADMIN_BINARY), args);
        return p;
    }
    static int finish(QProcess *p, int timeoutMs = 30000)
    {
        if (!QTest::qWaitFor([p] { return p->state() == QProcess::NotRunning; }, timeoutMs)) {
            p->kill();
            p->waitForFinished();
            return -1;
        }
        return p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -2;
    }
    Run run(const QStringList &args)
    {
        auto p = start(args);
        Run r;
        r.code = finish(p.get());
        r.out = p->readAllStandardOutput();
        r.err = p->readAllStandardError();
        return r;
    }

    std::optional<HttpResponse> post(const QString &path, const QJsonObject &body, const QString &token = {})
    {
        RequestOptions o;
        if (!token.isEmpty())
            o.credentials = Credentials::person(token, m_server.url());
        return TestEnv::awaitCall(m_http.post(endpoint().authUrl(path), body, o));
    }
    // A person (sign-up) with `sessions` sessions: their id and the session tokens.
    QPair<QString, QStringList> person(const QString &tag, int sessions)
    {
        const QString email = QStringLiteral("%1-%2@example.com").arg(tag).arg(QDateTime::currentMSecsSinceEpoch());
        const QString password = S("person-password-1");
        const auto up = post(S("/sign-up/email"), {{S("email"), email}, {S("password"), password}, {S("name"), tag}});
        if (!up || !up->ok())
            return {};
        QStringList tokens{up->json.object().value(S("token")).toString()};
        while (tokens.size() < sessions) {
            const auto in = post(S("/sign-in/email"), {{S("email"), email}, {S("password"), password}});
            if (!in || !in->ok())
                return {};
            tokens << in->json.object().value(S("token")).toString();
        }
        return {up->json.object().value(S("user")).toObject().value(S("id")).toString(), tokens};
    }
    bool sessionAlive(const QString &token)
    {
        RequestOptions o;
        o.credentials = Credentials::person(token, m_server.url());
        const auto r = TestEnv::awaitCall(m_http.get(endpoint().authUrl(S("/get-session")), o));
        return r && r->ok() && r->json.isObject();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"), "needs with-keyring.sh");
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        m_service = TestEnv::uniqueKeychainService();
        // Sign-in itself is better-auth's device flow: it works without the plugin.
        auto login = start({S("login"), S("--no-browser"), S("--json")});
        QVERIFY(QTest::qWaitFor([&] { return login->canReadLine(); }, 20000));
        const QJsonObject code = QJsonDocument::fromJson(login->readLine()).object();
        QCOMPARE(TestEnv::decideDeviceCode(&m_http, endpoint(), code.value(S("userCode")).toString(), true), QString());
        QCOMPARE(finish(login.get()), 0);
        const Run who = run({S("whoami"), S("--json")});
        QCOMPARE(who.code, 0);
        m_adminId = who.json().value(S("user")).toObject().value(S("id")).toString();
        QVERIFY(!m_adminId.isEmpty());
    }

    // What needs the plugin says so in one line with the install hint, exit 1 (cli.md: refused by the server).
    void pluginCommandsExitWithTheHint_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("keys list") << QStringList{S("keys"), S("list")};
        QTest::newRow("users create") << QStringList{S("users"), S("create"), S("svc-x")};
        QTest::newRow("device pending") << QStringList{S("device"), S("pending")};
        QTest::newRow("sessions list, every user") << QStringList{S("sessions"), S("list")};
        QTest::newRow("sessions revoke without --user") << QStringList{S("sessions"), S("revoke"), S("someid")};
        QTest::newRow("sessions watch") << QStringList{S("sessions"), S("watch"), S("--timeout"), S("10")};
    }
    void pluginCommandsExitWithTheHint()
    {
        QFETCH(QStringList, args);
        const Run r = run(args);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("@pikku-admin/better-auth-console"), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void usersListShowsEveryUser()
    {
        const QString tag = QStringLiteral("np%1").arg(QDateTime::currentMSecsSinceEpoch());
        QVERIFY(!person(tag + S("-a"), 1).first.isEmpty());
        QVERIFY(!person(tag + S("-b"), 1).first.isEmpty());
        Run r = run({S("users"), S("list"), S("--search"), tag, S("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.json().value(S("total")).toInt(), 2);
        QCOMPARE(r.json().value(S("users")).toArray().size(), 2);
        r = run({S("users"), S("list"), S("--search"), tag, S("--limit"), S("1")});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.out.trimmed().split('\n').size(), 1);
        QVERIFY(r.err.contains("every user"));
        QVERIFY2(r.err.contains("next page: --offset 1"), r.err.constData());
        r = run({S("users"), S("list"), S("--search"), tag, S("--all"), S("--limit"), S("1"), S("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.json().value(S("users")).toArray().size(), 2);
    }

    void sessionsOfOneUser()
    {
        const auto [userId, tokens] = person(S("np-sessions"), 3);
        QCOMPARE(tokens.size(), 3);
        Run r = run({S("sessions"), S("list"), S("--user"), userId, S("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonArray sessions = r.json().value(S("sessions")).toArray();
        QCOMPARE(sessions.size(), 3);
        QCOMPARE(r.json().value(S("total")).toInt(), 3);
        for (const QString &t : tokens)
            QVERIFY2(!r.out.contains(t.toUtf8()), "a raw session token was printed");
        QVERIFY(!r.out.contains("\"token\""));
        // Human form: one line per session, tokens never.
        r = run({S("sessions"), S("list"), S("--user"), userId});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out.trimmed().split('\n').size(), 3);
        for (const QString &t : tokens)
            QVERIFY(!r.out.contains(t.toUtf8()) && !r.err.contains(t.toUtf8()));

        // Revoke the newest (listed first) by id: better-auth needs its token, which the console looks up.
        const QString newest = sessions.first().toObject().value(S("id")).toString();
        r = run({S("sessions"), S("revoke"), newest, S("--user"), userId});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(!sessionAlive(tokens.last()));
        QVERIFY(sessionAlive(tokens.first()));
        // Not among the user's sessions (any more): exit 1, NOT_FOUND, nothing revoked.
        r = run({S("sessions"), S("revoke"), newest, S("--user"), userId});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("no session"), r.err.constData());
        QVERIFY(sessionAlive(tokens.first()));

        r = run({S("sessions"), S("revoke-all"), userId, S("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.json().value(S("success")).toBool(), true);
        QVERIFY(!sessionAlive(tokens.first()));
        QVERIFY(!sessionAlive(tokens.at(1)));
        r = run({S("sessions"), S("list"), S("--user"), userId, S("--json")});
        QCOMPARE(r.json().value(S("total")).toInt(-1), 0);
    }

    void banUnbanSetRole()
    {
        const auto [userId, tokens] = person(S("np-ban"), 1);
        QVERIFY(!userId.isEmpty());
        Run r = run({S("users"), S("ban"), userId, S("--reason"), S("left the team"), S("--expires"), S("1h"), S("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject u = r.json().value(S("user")).toObject();
        QCOMPARE(u.value(S("banned")).toBool(), true);
        QCOMPARE(u.value(S("banReason")).toString(), S("left the team"));
        const qint64 left = QDateTime::currentDateTimeUtc().secsTo(QDateTime::fromString(u.value(S("banExpires")).toString(), Qt::ISODateWithMs));
        QVERIFY2(left > 3500 && left <= 3600, qPrintable(u.value(S("banExpires")).toString()));
        QVERIFY(!sessionAlive(tokens.first()));   // a ban ends the user's sessions

        r = run({S("users"), S("unban"), userId});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(r.out.contains(userId.toUtf8()) && !r.out.contains("BANNED"));

        r = run({S("users"), S("set-role"), userId, S("user,ops"), S("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.json().value(S("user")).toObject().value(S("role")).toString(), S("user,ops"));

        // Hostile or wrong input: a usage error before anything is sent.
        QCOMPARE(run({S("users"), S("set-role"), userId, S("ops;rm -rf")}).code, 2);
        QCOMPARE(run({S("users"), S("ban"), userId, S("--expires"), S("soon")}).code, 2);
        QCOMPARE(run({S("users"), S("ban"), userId, S("--reason"), QString(501, QLatin1Char('x'))}).code, 2);
    }

    // The admin cannot lock themself out: refused by the console (LOCKOUT), the server never asked.
    void refusesToLockTheAdminOut()
    {
        Run r = run({S("users"), S("ban"), m_adminId});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("cannot ban yourself") && r.err.contains("LOCKOUT"), r.err.constData());
        r = run({S("users"), S("set-role"), m_adminId, S("user")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("own admin role") && r.err.contains("LOCKOUT"), r.err.constData());
        // Still an admin with a live session: the next admin command works.
        r = run({S("whoami"), S("--json")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.json().value(S("user")).toObject().value(S("role")).toString().contains(S("admin")));
        // Keeping admin among the roles is allowed.
        r = run({S("users"), S("set-role"), m_adminId, S("admin,ops"), S("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.json().value(S("user")).toObject().value(S("role")).toString(), S("admin,ops"));
    }

    void cleanupTestCase()
    {
        run({S("logout")});
    }
};

QTEST_GUILESS_MAIN(TestCliNoPluginLive)
#include "tst_cli_noplugin_live.moc"
