// h-audit (issue 13 item 4): `pikku-admin audit` against the real dev server (real better-auth, real SQLite)
// and the real keyring: the console actions of this test show up with who, what, which target and the
// outcome; --actor, --action (prefix), --target and --since filter on the server; --json is the server's
// page; --all walks the cursor; bad options are usage errors (exit 2) before anything is sent.
#include "CliRun.h"
#include "DevServer.h"
#include "FixtureServer.h"
#include "TestEnv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

class TestAuditCliLive : public QObject
{
    Q_OBJECT
private:
    DevServer m_server;
    HttpClient m_http;
    QString m_service;
    QString m_userId;

    ServerEndpoint endpoint() const { return TestEnv::endpointFor(m_server.url()); }

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
        env.insert(QStringLiteral("PIKKU_ADMIN_KEYCHAIN_SERVICE"), m_service);
        env.insert(QStringLiteral("PIKKU_ADMIN_SERVER"), endpoint().key());
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

    static QString S(const char *s) { return QString::fromUtf8(s); }

private slots:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"), "needs with-keyring.sh");
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        m_service = TestEnv::uniqueKeychainService();
        auto login = start({S("login"), S("--no-browser"), S("--json")});
        QVERIFY(QTest::qWaitFor([&] { return login->canReadLine(); }, 20000));
        const QJsonObject code = QJsonDocument::fromJson(login->readLine()).object();
        QCOMPARE(TestEnv::decideDeviceCode(&m_http, endpoint(), code.value(S("userCode")).toString(), true), QString());
        QCOMPARE(finish(login.get()), 0);
        const Run user = run({S("users"), S("create"), S("audit-agent"), S("--json")});
        QCOMPARE(user.code, 0);
        m_userId = user.json().value(S("user")).toObject().value(S("id")).toString();
        QVERIFY(!m_userId.isEmpty());
        // Three keys for it: three more entries, each with the key as its target.
        for (int i = 0; i < 3; ++i)
            QCOMPARE(run({S("keys"), S("mint"), S("--user"), m_userId, S("--name"), S("k%1").arg(i), S("--rate-limit"), S("off")}).code, 0);
    }

    void cleanupTestCase()
    {
        run({S("logout")});
    }

    void listsWhatThisTestDid()
    {
        const Run r = run({S("audit"), S("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonArray entries = r.json().value(S("entries")).toArray();
        QVERIFY(entries.size() >= 4);
        const QJsonObject newest = entries.first().toObject();
        QCOMPARE(newest.value(S("action")).toString(), S("/console/api-keys/create"));
        QCOMPARE(newest.value(S("actorEmail")).toString(), DevServer::adminEmail());
        QCOMPARE(newest.value(S("outcome")).toString(), S("success"));
        // Human form: one line per entry, newest first: time, actor, action, target, outcome, address, credential.
        const Run human = run({S("audit"), S("--limit"), S("2")});
        QVERIFY2(human.code == 0, human.err.constData());
        const QList<QByteArray> lines = human.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.first().contains("admin@example.com  /console/api-keys/create  "), lines.first().constData());
        QVERIFY(lines.first().contains("  success  "));
        QVERIFY(lines.first().endsWith("  session"));
        QVERIFY2(human.err.contains("next page: --cursor "), human.err.constData());
    }

    void filtersGoToTheServer()
    {
        Run r = run({S("audit"), S("--action"), S("/console/service-users/*"), S("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        QJsonArray entries = r.json().value(S("entries")).toArray();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().toObject().value(S("action")).toString(), S("/console/service-users/create"));

        r = run({S("audit"), S("--actor"), S("ADMIN@example.com"), S("--since"), S("1h"), S("--action"), S("/console/api-keys/create"), S("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        entries = r.json().value(S("entries")).toArray();
        QCOMPARE(entries.size(), 3);
        const QString keyId = entries.first().toObject().value(S("target")).toString();
        QVERIFY(!keyId.isEmpty());

        r = run({S("audit"), S("--target"), keyId, S("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.json().value(S("entries")).toArray().size(), 1);

        r = run({S("audit"), S("--actor"), S("nobody@example.com")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains("0 audit entries"), r.err.constData());

        // In the future: nothing yet.
        r = run({S("audit"), S("--since"), QDateTime::currentDateTimeUtc().addDays(1).toString(Qt::ISODate), S("--json")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.json().value(S("entries")).toArray().size(), 0);
    }

    void allWalksTheCursor()
    {
        const Run one = run({S("audit"), S("--json")});
        const int total = int(one.json().value(S("entries")).toArray().size());
        const Run r = run({S("audit"), S("--all"), S("--limit"), S("1"), S("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        // At least what was there before (this run's own reads are GETs: not recorded).
        QCOMPARE(int(r.json().value(S("entries")).toArray().size()), total);
        QCOMPARE(r.json().value(S("total")).toInt(), total);
    }

    void badOptionsAreUsageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("says");
        QTest::newRow("since words") << QStringList{S("--since"), S("last tuesday")} << S("--since");
        QTest::newRow("until words") << QStringList{S("--until"), S("soon")} << S("--until");
        QTest::newRow("offset") << QStringList{S("--offset"), S("5")} << S("--offset");
        QTest::newRow("since after until") << QStringList{S("--since"), S("1h"), S("--until"), S("2h")} << S("before");
        QTest::newRow("long actor") << QStringList{S("--actor"), QString(300, QLatin1Char('a'))} << S("actor");
        QTest::newRow("limit 0") << QStringList{S("--limit"), S("0")} << S("--limit");
        QTest::newRow("positional") << QStringList{S("extra")} << S("usage");
    }
    void badOptionsAreUsageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, says);
        const Run r = run(QStringList{S("audit")} + args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(says.toUtf8()), r.err.constData());
    }

    // What a real server will not do on demand: be v1 (no "audit" in /console/info), or send hostile text.
    // An in-process fixture with just enough better-auth for a device-flow sign-in.
    void v1ServerAndHostileText()
    {
        FixtureServer fixture;
        QByteArray info = R"({"apiVersion":1})";
        QByteArray audit = "{}";
        fixture.on(S("/api/auth/ok"), [](const QHttpServerRequest &) { return FixtureServer::json(R"({"ok":true})"); });
        fixture.on(S("/api/auth/device/code"), [&fixture](const QHttpServerRequest &) {
            const QString base = fixture.url().toString();
            return FixtureServer::json(QJsonDocument(QJsonObject{{S("device_code"), S("dc-1")}, {S("user_code"), S("ABCDEFGH")},
                                                                 {S("verification_uri"), base + S("/device")},
                                                                 {S("expires_in"), 60}, {S("interval"), 1}}).toJson(QJsonDocument::Compact));
        });
        fixture.on(S("/api/auth/device/token"), [](const QHttpServerRequest &) {
            return FixtureServer::json(R"({"access_token":"tok-audit-fixture","token_type":"Bearer","expires_in":3600})");
        });
        fixture.on(S("/api/auth/get-session"), [](const QHttpServerRequest &) {
            const QString expires = QDateTime::currentDateTimeUtc().addDays(7).toString(Qt::ISODateWithMs);
            return FixtureServer::json(QJsonDocument(QJsonObject{
                {S("session"), QJsonObject{{S("id"), S("s_admin")}, {S("expiresAt"), expires}}},
                {S("user"), QJsonObject{{S("id"), S("u_admin")}, {S("email"), S("admin@example.com")}, {S("role"), S("admin")}}}})
                                           .toJson(QJsonDocument::Compact));
        });
        fixture.on(S("/api/auth/console/info"), [&info](const QHttpServerRequest &) { return FixtureServer::json(info); });
        fixture.on(S("/api/auth/console/audit"), [&audit](const QHttpServerRequest &) { return FixtureServer::json(audit); });
        QVERIFY(fixture.listen());
        const QString service = m_service + S("-fixture");
        CliRun r = runCli(service, fixture.url(), {S("login"), S("--no-browser")});
        QVERIFY2(r.code == 0, r.err.constData());

        r = runCli(service, fixture.url(), {S("audit")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.err.trimmed().count('\n'), 0);   // one line
        QVERIFY2(r.err.contains("keeps no audit trail"), r.err.constData());
        for (const auto &seen : fixture.seen())
            QVERIFY2(!seen.path.endsWith(S("/console/audit")), qPrintable(seen.path));   // never asked

        info = R"({"apiVersion":1,"features":["audit"]})";
        audit = "{\"entries\":[{\"id\":\"a1\",\"at\":\"2026-03-01T09:00:00.000Z\",\"actorId\":\"u1\","
                "\"actorEmail\":\"evil\\u001b]0;pwned\\u0007@x\",\"credential\":{\"kind\":\"session\",\"id\":null},"
                "\"action\":\"/admin/ban-user\\u202e\",\"target\":\"u\\n2\",\"ipAddress\":null,\"userAgent\":null,"
                "\"outcome\":\"failure\",\"status\":403,\"errorCode\":\"\\u001b[2J\"}],\"total\":1,\"totalExact\":true,\"nextCursor\":null}";
        r = runCli(service, fixture.url(), {S("audit")});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(!hasRawControl(r.out) && !hasRawControl(r.err), r.out.constData());
        QCOMPARE(r.out.trimmed().count('\n'), 0);   // the newline in the target is escaped too
        QVERIFY2(r.out.contains("failure(403"), r.out.constData());

        audit = R"({"entries":[{"id":"a1"}],"total":1})";   // a malformed entry: an error naming the field
        r = runCli(service, fixture.url(), {S("audit")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("at"), r.err.constData());
        runCli(service, fixture.url(), {S("logout")});
    }

    void helpNamesIt()
    {
        const Run r = run({S("audit"), S("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("--since") && r.out.contains("--actor") && r.out.contains("--target"));
        const Run completion = run({S("completion"), S("bash")});
        QVERIFY(completion.out.contains("audit"));
    }
};

QTEST_MAIN(TestAuditCliLive)
#include "tst_audit_cli_live.moc"
