// The CLI against a server that answers the console API wrongly on purpose (an in-process fixture: a real
// server will not send these on demand), through the real binary and the real keychain: every mint,
// rotate and list reply goes through the typed strict parsers, so a 201 without its key, a list whose
// total is missing or negative, or rows that are not rows are errors with exit 1, never "-5 keys", blank
// lines or an empty stdout with exit 0; and server strings reach the terminal escaped.
#include "CliRun.h"
#include "FixtureServer.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

QByteArray userJson(const QString &id, const QString &name)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("id"), id},
                                     {QStringLiteral("name"), name},
                                     {QStringLiteral("email"), id + QStringLiteral("@service.local")},
                                     {QStringLiteral("role"), QStringLiteral("service")},
                                     {QStringLiteral("banned"), false},
                                     {QStringLiteral("createdAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                                     {QStringLiteral("apiKeyCount"), 1}})
        .toJson(QJsonDocument::Compact);
}

// What a console route answers: status and body, set per test.
struct Canned
{
    int status = 200;
    QByteArray body;
};

using Run = CliRun;

} // namespace

class TestCliHostile : public QObject
{
    Q_OBJECT
private:
    FixtureServer m_server;
    QString m_service;
    QHash<QString, Canned> m_canned;
    int m_mintCalls = 0;

    Run run(const QStringList &args, int timeoutMs = 20000) { return runCli(m_service, m_server.url(), args, {}, timeoutMs); }

    void can(const QString &route, int status, const QByteArray &body) { m_canned[route] = {status, body}; }

    void route(const QString &path)
    {
        m_server.on(path, [this, path](const QHttpServerRequest &) {
            if (path.endsWith(QLatin1String("/api-keys/create")))
                ++m_mintCalls;
            const Canned c = m_canned.value(path, {404, QByteArrayLiteral("{\"code\":\"NOT_FOUND\",\"message\":\"not canned\"}")});
            return FixtureServer::json(c.body, c.status);
        });
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"), "needs with-keyring.sh");
        m_service = QStringLiteral("pikku-admin-hostile-%1").arg(QCoreApplication::applicationPid());
        // Just enough better-auth for a device-flow sign-in and get-session.
        m_server.on(QStringLiteral("/api/auth/ok"), [](const QHttpServerRequest &) { return FixtureServer::json(R"({"ok":true})"); });
        m_server.on(QStringLiteral("/api/auth/device/code"), [this](const QHttpServerRequest &) {
            const QString base = m_server.url().toString();
            return FixtureServer::json(QJsonDocument(QJsonObject{{QStringLiteral("device_code"), QStringLiteral("dc-1")},
                                                                 {QStringLiteral("user_code"), QStringLiteral("ABCDEFGH")},
                                                                 {QStringLiteral("verification_uri"), base + QStringLiteral("/device")},
                                                                 {QStringLiteral("verification_uri_complete"),
                                                                  base + QStringLiteral("/device?user_code=ABCDEFGH")},
                                                                 {QStringLiteral("expires_in"), 60},
                                                                 {QStringLiteral("interval"), 1}})
                                           .toJson(QJsonDocument::Compact));
        });
        m_server.on(QStringLiteral("/api/auth/device/token"), [](const QHttpServerRequest &) {
            return FixtureServer::json(R"({"access_token":"tok-hostile-fixture","token_type":"Bearer","expires_in":3600})");
        });
        m_server.on(QStringLiteral("/api/auth/get-session"), [](const QHttpServerRequest &req) {
            if (!req.value("authorization").contains("tok-hostile-fixture"))
                return FixtureServer::json("null");
            const QString expires = QDateTime::currentDateTimeUtc().addDays(7).toString(Qt::ISODateWithMs);
            const QJsonObject session{{QStringLiteral("id"), QStringLiteral("s_admin")}, {QStringLiteral("expiresAt"), expires}};
            const QJsonObject user{{QStringLiteral("id"), QStringLiteral("u_admin")}, {QStringLiteral("email"), QStringLiteral("admin@example.com")},
                                   {QStringLiteral("name"), QStringLiteral("Admin\x1b[2K\nroot")}, {QStringLiteral("role"), QStringLiteral("admin")}};
            return FixtureServer::json(QJsonDocument(QJsonObject{{QStringLiteral("session"), session}, {QStringLiteral("user"), user}})
                                           .toJson(QJsonDocument::Compact));
        });
        for (const char *p : {"/api/auth/console/api-keys", "/api/auth/console/api-keys/create", "/api/auth/console/api-keys/rotate",
                              "/api/auth/console/service-users", "/api/auth/console/sessions", "/api/auth/console/device-codes"})
            route(QString::fromLatin1(p));
        QVERIFY(m_server.listen());
        const Run login = run({QStringLiteral("login"), QStringLiteral("--no-browser")});
        QVERIFY2(login.code == 0, login.err.constData());
    }

    void cleanupTestCase()
    {
        run({QStringLiteral("logout")});
    }

    void init()
    {
        m_canned.clear();
        m_mintCalls = 0;
    }

    void controlValidRepliesWork()
    {
        // The same path with well-formed replies: lists print their rows, a mint prints its secret.
        can(QStringLiteral("/api/auth/console/api-keys"), 200, "{\"apiKeys\":[" + consoleKeyJson(QStringLiteral("k_1"), QStringLiteral("backup")) + "],\"total\":1}");
        const Run list = run({QStringLiteral("keys"), QStringLiteral("list")});
        QCOMPARE(list.code, 0);
        QVERIFY2(list.out.startsWith("k_1  backup"), list.out.constData());
        QVERIFY(list.err.contains("1 keys"));
        can(QStringLiteral("/api/auth/console/api-keys/create"), 201,
            "{\"apiKey\":" + consoleKeyJson(QStringLiteral("k_2"), QStringLiteral("n")) + ",\"key\":\"pk_secret_value\"}");
        const Run mint = run({QStringLiteral("keys"), QStringLiteral("mint"), QStringLiteral("--user"), QStringLiteral("u_svc"),
                              QStringLiteral("--name"), QStringLiteral("n"), QStringLiteral("--rate-limit"), QStringLiteral("off")});
        QCOMPARE(mint.code, 0);
        QCOMPARE(mint.out, QByteArray("pk_secret_value\n"));
    }

    void whoamiShowsTheNameEscaped()
    {
        // The fixture's user is named "Admin<ESC>[2K<LF>root": one line for the name, not a forged second one.
        const Run r = run({QStringLiteral("whoami")});
        QCOMPARE(r.code, 0);
        QVERIFY2(!hasRawControl(r.out) && r.out.contains("Admin\\x1b[2K\\nroot"), r.out.constData());
        QCOMPARE(r.out.count('\n'), 2);   // "NAME (...) on SERVER" and "Session expires ..."
    }

    void mintWithoutKey_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("json");
        const QByteArray key = consoleKeyJson(QStringLiteral("k_9"), QStringLiteral("n"));
        QTest::newRow("no key") << QByteArray("{\"apiKey\":" + key + "}") << false;
        QTest::newRow("no key, --json") << QByteArray("{\"apiKey\":" + key + "}") << true;
        QTest::newRow("empty key") << QByteArray("{\"apiKey\":" + key + ",\"key\":\"\"}") << false;
        QTest::newRow("key not a string") << QByteArray("{\"apiKey\":" + key + ",\"key\":12345}") << false;
        QTest::newRow("no apiKey") << QByteArray("{\"key\":\"pk_secret_value\"}") << false;
        QTest::newRow("apiKey without id") << QByteArray(R"({"apiKey":{"name":"n"},"key":"pk_secret_value"})") << false;
        QTest::newRow("empty object") << QByteArray("{}") << false;
    }

    void mintWithoutKey()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, json);
        can(QStringLiteral("/api/auth/console/api-keys/create"), 201, body);
        can(QStringLiteral("/api/auth/console/api-keys"), 200,
            "{\"apiKeys\":[" + consoleKeyJson(QStringLiteral("k_9"), QStringLiteral("n")) + "],\"total\":1}");
        QStringList args{QStringLiteral("keys"), QStringLiteral("mint"), QStringLiteral("--user"), QStringLiteral("u_svc"),
                         QStringLiteral("--name"), QStringLiteral("n"), QStringLiteral("--rate-limit"), QStringLiteral("off")};
        if (json)
            args << QStringLiteral("--json");
        const Run r = run(args);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.isEmpty(), r.out.constData());   // KEY=$(...) gets nothing, and the exit code says so
        QVERIFY2(r.err.contains("could not be read") && r.err.contains("may have been created"), r.err.constData());
        QVERIFY2(r.err.contains("keys list --user u_svc"), r.err.constData());
        QVERIFY2(r.err.contains("possible orphan: k_9"), r.err.constData());   // the key it may have made, by name
        QCOMPARE(m_mintCalls, 1);   // and it was not sent twice
    }

    void rotateWithoutKey()
    {
        can(QStringLiteral("/api/auth/console/api-keys/rotate"), 201,
            "{\"apiKey\":" + consoleKeyJson(QStringLiteral("k_new"), QStringLiteral("n")) + ",\"previous\":" + consoleKeyJson(QStringLiteral("k_old"), QStringLiteral("n")) + "}");
        const Run r = run({QStringLiteral("keys"), QStringLiteral("rotate"), QStringLiteral("k_old")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains("no key") && r.err.contains("may have been rotated") && r.err.contains("keys list"), r.err.constData());
    }

    // A rotate whose reply is lost at a gateway (504), on a v1 server (no /console/info features): no
    // requestId is sent, the rotate leaves once, and the CLI says what the server holds, never "not rotated".
    void lostRotateOnV1Server_data()
    {
        QTest::addColumn<bool>("rotated");
        QTest::newRow("nothing happened") << false;
        QTest::newRow("rotated, new secret lost") << true;
    }
    void lostRotateOnV1Server()
    {
        QFETCH(bool, rotated);
        m_server.clearSeen();
        can(QStringLiteral("/api/auth/console/api-keys/rotate"), 504, "<html>Gateway Timeout</html>");
        QJsonObject old = QJsonDocument::fromJson(consoleKeyJson(QStringLiteral("k_old"), QStringLiteral("svc-key"))).object();
        QByteArray list;
        if (rotated) {
            old.insert(QStringLiteral("expiresAt"), QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODateWithMs));
            list = "{\"apiKeys\":[" + consoleKeyJson(QStringLiteral("k_new"), QStringLiteral("svc-key")) + "," + QJsonDocument(old).toJson(QJsonDocument::Compact)
                + "," + consoleKeyJson(QStringLiteral("k_other"), QStringLiteral("other")) + "],\"total\":3}";
        } else {
            list = "{\"apiKeys\":[" + QJsonDocument(old).toJson(QJsonDocument::Compact) + "],\"total\":1}";
        }
        can(QStringLiteral("/api/auth/console/api-keys"), 200, list);
        const Run r = run({QStringLiteral("keys"), QStringLiteral("rotate"), QStringLiteral("k_old")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(!r.err.toLower().contains("not rotated"), r.err.constData());
        int rotates = 0;
        for (const auto &seen : m_server.seen()) {
            if (seen.path.endsWith(QLatin1String("/api-keys/rotate"))) {
                ++rotates;
                QVERIFY2(!seen.body.contains("requestId"), seen.body.constData());   // a v1 server gets v1 requests
            }
        }
        QCOMPARE(rotates, 1);
        QVERIFY2(!r.err.contains("--request-id"), r.err.constData());
        if (rotated) {
            QVERIFY2(r.err.contains("The rotation reached the server") && r.err.contains("now stops working at")
                         && r.err.contains("the new key k_new") && !r.err.contains("k_other") && r.err.contains("keys revoke"),
                     r.err.constData());
        } else {
            QVERIFY2(r.err.contains("nothing changed on the server") && r.err.contains("Rotating again is safe"), r.err.constData());
        }
    }

    // The server's refusals in its own words, exit 1.
    void rotateRefusals_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("shown");
        QTest::newRow("owner not a service user") << 403
            << QByteArray(R"({"code":"OWNER_NOT_SERVICE_USER","message":"user u_1 has the admin role: keys are never minted for admins"})")
            << QByteArray("keys are never minted for admins");
        QTest::newRow("overlap too long") << 400
            << QByteArray(R"({"code":"OVERLAP_TOO_LONG","message":"overlapSeconds: at most 2592000 (30 days); got 2678400"})")
            << QByteArray("at most 2592000 (30 days)");
    }
    void rotateRefusals()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, shown);
        can(QStringLiteral("/api/auth/console/api-keys/rotate"), status, body);
        const Run r = run({QStringLiteral("keys"), QStringLiteral("rotate"), QStringLiteral("k_old")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(shown) && r.err.contains(QJsonDocument::fromJson(body).object().value(QStringLiteral("code")).toString().toUtf8()),
                 r.err.constData());
        QVERIFY2(!r.err.contains("checking what the server did"), r.err.constData());   // a refusal is not a lost reply
    }

    void badLists_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("route");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("why");
        const QByteArray key = consoleKeyJson(QStringLiteral("k_1"), QStringLiteral("backup"));
        const QByteArray user = userJson(QStringLiteral("u_1"), QStringLiteral("backup"));
        const QStringList keys{QStringLiteral("keys"), QStringLiteral("list")};
        const QStringList users{QStringLiteral("users"), QStringLiteral("list")};
        const QStringList sessions{QStringLiteral("sessions"), QStringLiteral("list")};
        const QString k = QStringLiteral("/api/auth/console/api-keys");
        const QString u = QStringLiteral("/api/auth/console/service-users");
        const QString s = QStringLiteral("/api/auth/console/sessions");
        QTest::newRow("keys: total missing") << keys << k << QByteArray("{\"apiKeys\":[" + key + "]}") << QByteArray("total");
        QTest::newRow("keys: total negative") << keys << k << QByteArray("{\"apiKeys\":[" + key + "],\"total\":-5}") << QByteArray("total");
        QTest::newRow("keys: total a string") << keys << k << QByteArray("{\"apiKeys\":[],\"total\":\"3\"}") << QByteArray("total");
        QTest::newRow("keys: no list") << keys << k << QByteArray("{\"total\":3}") << QByteArray("apiKeys");
        QTest::newRow("keys: list not a list") << keys << k << QByteArray("{\"apiKeys\":{},\"total\":0}") << QByteArray("apiKeys");
        QTest::newRow("keys: row without id") << keys << k << QByteArray("{\"apiKeys\":[" + key + R"(,{"name":"x"}],"total":2})") << QByteArray("id");
        QTest::newRow("keys: row a number") << keys << k << QByteArray("{\"apiKeys\":[" + key + ",7],\"total\":2}") << QByteArray("id");
        QTest::newRow("keys: enabled a string") << keys << k << QByteArray(QByteArray("{\"apiKeys\":[") + QByteArray(key).replace("\"enabled\":true", "\"enabled\":\"yes\"") + "],\"total\":1}") << QByteArray("enabled");
        QTest::newRow("users: total missing") << users << u << QByteArray("{\"users\":[" + user + "]}") << QByteArray("total");
        QTest::newRow("users: total negative") << users << u << QByteArray("{\"users\":[" + user + "],\"total\":-5}") << QByteArray("total");
        QTest::newRow("users: empty rows") << users << u << QByteArray("{\"users\":[{},{}],\"total\":2}") << QByteArray("id");
        QTest::newRow("users: row null") << users << u << QByteArray("{\"users\":[null],\"total\":1}") << QByteArray("id");
        QTest::newRow("users: banned missing") << users << u << QByteArray(QByteArray("{\"users\":[") + QByteArray(user).replace("\"banned\":false,", "") + "],\"total\":1}") << QByteArray("banned");
        QTest::newRow("sessions: total missing") << sessions << s << QByteArray(R"({"sessions":[{"id":"s1"}]})") << QByteArray("total");
        QTest::newRow("sessions: total negative") << sessions << s << QByteArray(R"({"sessions":[],"total":-5})") << QByteArray("total");
        QTest::newRow("sessions: row without id") << sessions << s << QByteArray(R"({"sessions":[{}],"total":1})") << QByteArray("id");
        QTest::newRow("device codes: no list") << QStringList{QStringLiteral("device"), QStringLiteral("pending")}
                                               << QStringLiteral("/api/auth/console/device-codes") << QByteArray(R"({"codes":[]})")
                                               << QByteArray("deviceCodes");
    }

    void badLists()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, route);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, why);
        can(route, 200, body);
        for (const bool json : {false, true}) {
            const Run r = run(json ? args + QStringList{QStringLiteral("--json")} : args);
            QCOMPARE(r.code, 1);
            QVERIFY2(r.out.isEmpty(), r.out.constData());   // no blank lines, no half list, no half document
            if (json) {   // h-cli: with --json the error is one JSON object on stderr
                const QJsonObject e = QJsonDocument::fromJson(r.err).object().value(QStringLiteral("error")).toObject();
                QVERIFY2(e.value(QStringLiteral("code")).toString() == QLatin1String("BAD_RESPONSE")
                             && e.value(QStringLiteral("message")).toString().toUtf8().contains(why), r.err.constData());
            } else {
                QVERIFY2(r.err.startsWith("error: ") && r.err.contains(why), r.err.constData());
            }
            QVERIFY2(!r.err.contains("-5"), r.err.constData());
        }
    }

    void serverStringsReachTheTerminalEscaped()
    {
        // Names and ids with ANSI sequences, C1, bidi overrides and line breaks, in a valid list.
        const QString evil = QStringLiteral("\x1b[2J\x1b[31mEVIL\x1b[0m") + QChar(0x202e) + QStringLiteral("exe.txt") + QChar(0x9b)
            + QStringLiteral("1A\r\nk_fake  forged line");
        can(QStringLiteral("/api/auth/console/api-keys"), 200, "{\"apiKeys\":[" + consoleKeyJson(QStringLiteral("k_1"), evil) + "],\"total\":1}");
        can(QStringLiteral("/api/auth/console/service-users"), 200, "{\"users\":[" + userJson(QStringLiteral("u_1"), evil) + "],\"total\":1}");
        can(QStringLiteral("/api/auth/console/sessions"), 200,
            QJsonDocument(QJsonObject{{QStringLiteral("sessions"), QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("s1")},
                                                                                           {QStringLiteral("userAgent"), evil}}}},
                                      {QStringLiteral("total"), 1}})
                .toJson(QJsonDocument::Compact));
        for (const QString &cmd : {QStringLiteral("keys"), QStringLiteral("users"), QStringLiteral("sessions")}) {
            const Run human = run({cmd, QStringLiteral("list")});
            QCOMPARE(human.code, 0);
            QVERIFY2(!hasRawControl(human.out) && !hasRawControl(human.err), human.out.constData());
            QVERIFY2(human.out.contains("\\x1b[2J\\x1b[31mEVIL\\x1b[0m\\u202eexe.txt\\x9b1A\\r\\nk_fake  forged line"), human.out.constData());
            QCOMPARE(human.out.count('\n'), 1);   // one row, one line: no forged second line

            const Run json = run({cmd, QStringLiteral("list"), QStringLiteral("--json")});
            QCOMPARE(json.code, 0);
            QVERIFY2(!hasRawControl(json.out), json.out.constData());   // C0 by QJsonDocument; DEL, C1, bidi by us
            QVERIFY(json.out.contains("\\u202e") && json.out.contains("\\u009b"));
            const QJsonObject doc = QJsonDocument::fromJson(json.out).object();
            const QString list = cmd == QLatin1String("keys") ? QStringLiteral("apiKeys") : cmd;
            const QJsonObject row = doc.value(list).toArray().first().toObject();
            QCOMPARE(row.value(cmd == QLatin1String("sessions") ? QStringLiteral("userAgent") : QStringLiteral("name")).toString(), evil);
        }
        // An error message from the server is escaped too.
        can(QStringLiteral("/api/auth/console/api-keys"), 403, "{\"code\":\"FORBIDDEN\",\"message\":\"no\\u001b]0;owned\\u0007 way\\u202e\"}");
        const Run refused = run({QStringLiteral("keys"), QStringLiteral("list")});
        QCOMPARE(refused.code, 1);
        QVERIFY2(!hasRawControl(refused.err) && refused.err.contains("no\\x1b]0;owned\\x07 way\\u202e"), refused.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliHostile)
#include "tst_cli_hostile.moc"
