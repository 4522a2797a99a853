// Admin commands of the CLI against the real dev server and keychain: approving a code that a real
// better-auth client library requested (as `pikku-cli`), pending codes, sessions list/revoke, and the
// live channel as a person and as a service key.
#include "DevServer.h"
#include "DroppingProxy.h"
#include "TestEnv.h"
#include "core/Json.h"
#include "net/HttpClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QElapsedTimer>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <csignal>

class TestCliAdminLive : public QObject
{
    Q_OBJECT
private:
    DevServer m_server;
    HttpClient m_http;
    QString m_service;

    ServerEndpoint endpoint() const { return TestEnv::endpointFor(m_server.url()); }

    std::unique_ptr<QProcess> start(const QStringList &args, const QProcessEnvironment &extra = {})
    {
        auto p = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PIKKU_ADMIN_KEYCHAIN_SERVICE"), m_service);
        env.insert(QStringLiteral("PIKKU_ADMIN_SERVER"), endpoint().key());
        for (const QString &k : extra.keys())
            env.insert(k, extra.value(k));
        p->setProcessEnvironment(env);
        p->start(QStringLiteral(PIKKU_ADMIN_BINARY), args);
        return p;
    }

    static int finish(QProcess *p, int timeoutMs = 30000)
    {
        if (p->state() != QProcess::NotRunning && !p->waitForFinished(timeoutMs)) {
            p->kill();
            return -1;
        }
        return p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -2;
    }

    static QJsonObject line(QProcess *p, int timeoutMs = 20000)
    {
        (void)QTest::qWaitFor([p] { return p->canReadLine() || p->state() == QProcess::NotRunning; }, timeoutMs);
        return QJsonDocument::fromJson(p->readLine()).object();
    }

    // A third-party client on better-auth's own client library (server/scripts/device-client.mjs).
    std::unique_ptr<QProcess> libraryClient()
    {
        auto p = std::make_unique<QProcess>();
        p->setWorkingDirectory(QStringLiteral(PIKKU_SERVER_DIR));
        p->start(QStringLiteral("node"), {QStringLiteral("scripts/device-client.mjs"), m_server.url().toString(), QStringLiteral("pikku-cli")});
        return p;
    }

    QString adminPost(const QString &path, const QJsonObject &body, QJsonObject *reply = nullptr)
    {
        const QString token = TestEnv::adminToken(&m_http, endpoint());
        RequestOptions o;
        o.credentials = Credentials::person(token, endpoint().baseUrl);
        const auto r = TestEnv::awaitCall(m_http.post(endpoint().authUrl(path), body, o), 10000);
        if (r && reply)
            *reply = r->json.object();
        return r && r->ok() ? QString() : (r ? r->error.userMessage() : QStringLiteral("timeout"));
    }

    // Who the server says a key belongs to (x-api-key on get-session), or empty when refused.
    QString keyOwner(const QString &key)
    {
        return TestEnv::keyOwner(&m_http, endpoint(), key);
    }

    QString run(const QStringList &args, int expectExit, QByteArray *err = nullptr)
    {
        auto p = start(args);
        const int code = finish(p.get());
        const QByteArray e = p->readAllStandardError();
        if (err)
            *err = e;
        if (code != expectExit)
            qWarning("%s → %d (expected %d): %s", qPrintable(args.join(QLatin1Char(' '))), code, expectExit, e.constData());
        return code == expectExit ? QString::fromUtf8(p->readAllStandardOutput()).trimmed() : QStringLiteral("<exit %1>").arg(code);
    }

    // The CLI against `server`, with this process's event loop turning (a proxy here forwards its requests).
    int runVia(const QUrl &server, const QStringList &args, QByteArray *out, QByteArray *err)
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("PIKKU_ADMIN_SERVER"), server.toString());
        auto p = start(args, env);
        if (!QTest::qWaitFor([&] { return p->state() == QProcess::NotRunning; }, 30000)) {
            p->kill();
            p->waitForFinished();
            return -1;
        }
        *out = p->readAllStandardOutput();
        *err = p->readAllStandardError();
        return p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -2;
    }

    QList<QJsonObject> keysNamed(const QString &userId, const QString &name)
    {
        const QJsonObject list = QJsonDocument::fromJson(run({QStringLiteral("keys"), QStringLiteral("list"), QStringLiteral("--user"), userId,
                                                              QStringLiteral("--json")}, 0).toUtf8()).object();
        QList<QJsonObject> out;
        for (const QJsonValue &v : list.value(QStringLiteral("apiKeys")).toArray())
            if (v.toObject().value(QStringLiteral("name")).toString() == name)
                out << v.toObject();
        return out;
    }

private slots:
    // Issue 10 items 5 and 6 in the CLI, against the real dev server through a proxy that loses the reply:
    // a lost mint and a lost rotate each reach the server once, say what the server now holds (never "not
    // rotated"), and print the request id; the same command with --request-id gets the same key and its
    // secret back, and nothing is minted twice.
    void lostRepliesAreReconciledAndRecovered()
    {
        DroppingProxy proxy(quint16(m_server.url().port()), "/console/api-keys/create", 1);
        QVERIFY(proxy.listenLocal());
        QByteArray out, err;
        {   // a session belongs to its origin: sign in through the proxy
            QProcessEnvironment env;
            env.insert(QStringLiteral("PIKKU_ADMIN_SERVER"), proxy.url().toString());
            auto login = start({QStringLiteral("login"), QStringLiteral("--no-browser"), QStringLiteral("--json")}, env);
            const QJsonObject code = line(login.get());
            QCOMPARE(TestEnv::decideDeviceCode(&m_http, endpoint(), code.value(QStringLiteral("userCode")).toString(), true), QString());
            QVERIFY(QTest::qWaitFor([&] { return login->state() == QProcess::NotRunning; }, 30000));
            QCOMPARE(login->exitCode(), 0);
        }
        const QString userId = run({QStringLiteral("users"), QStringLiteral("create"), QStringLiteral("svc-lost")}, 0);
        QVERIFY2(!userId.startsWith(QLatin1Char('<')), qPrintable(userId));
        static const QRegularExpression idRe(QStringLiteral("--request-id ([^`\\s]+)`"));

        // Mint: the reply is lost after the server created the key.
        const QStringList mint{QStringLiteral("keys"), QStringLiteral("mint"), QStringLiteral("--user"), userId,
                               QStringLiteral("--name"), QStringLiteral("lost-cli"), QStringLiteral("--rate-limit"), QStringLiteral("off")};
        QCOMPARE(runVia(proxy.url(), mint, &out, &err), 1);
        QVERIFY2(out.isEmpty(), out.constData());
        QCOMPARE(proxy.forwarded, 1);   // never re-sent by the network layer
        QCOMPARE(proxy.dropped, 1);
        QVERIFY2(err.contains("may have been created"), err.constData());
        const auto mintId = idRe.match(QString::fromUtf8(err));
        QVERIFY2(mintId.hasMatch(), err.constData());
        QList<QJsonObject> named = keysNamed(userId, QStringLiteral("lost-cli"));
        QCOMPARE(named.size(), 1);
        const QString mintedId = named.first().value(QStringLiteral("id")).toString();
        QCOMPARE(runVia(proxy.url(), mint + QStringList{QStringLiteral("--request-id"), mintId.captured(1)}, &out, &err), 0);
        QCOMPARE(proxy.forwarded, 2);
        const QString secret = QString::fromUtf8(out).trimmed();
        QCOMPARE(keyOwner(secret), userId);
        QVERIFY2(err.contains(mintedId.toUtf8()) && err.contains("nothing new was minted"), err.constData());
        QCOMPARE(keysNamed(userId, QStringLiteral("lost-cli")).size(), 1);

        // Rotate: the reply is lost after the server rotated.
        proxy.rearm("/console/api-keys/rotate", 1);
        const QDateTime t0 = QDateTime::currentDateTimeUtc();
        QCOMPARE(runVia(proxy.url(), {QStringLiteral("keys"), QStringLiteral("rotate"), mintedId, QStringLiteral("--overlap"), QStringLiteral("10m")},
                        &out, &err), 1);
        QVERIFY2(out.isEmpty(), out.constData());
        QCOMPARE(proxy.forwarded, 1);
        QCOMPARE(proxy.dropped, 1);
        QVERIFY2(!err.toLower().contains("not rotated"), err.constData());
        QVERIFY2(err.contains("The rotation reached the server"), err.constData());
        named = keysNamed(userId, QStringLiteral("lost-cli"));
        QCOMPARE(named.size(), 2);
        QString newId;
        for (const QJsonObject &k : named) {
            if (k.value(QStringLiteral("id")).toString() == mintedId) {
                const QDateTime retire = QDateTime::fromString(k.value(QStringLiteral("expiresAt")).toString(), Qt::ISODateWithMs);
                QVERIFY(qAbs(t0.addSecs(600).secsTo(retire)) <= 5);
                QVERIFY2(err.contains("now stops working at " + toIsoString(retire).toUtf8()), err.constData());
            } else {
                newId = k.value(QStringLiteral("id")).toString();
            }
        }
        QVERIFY2(err.contains("the new key " + newId.toUtf8()), err.constData());
        const auto rotateId = idRe.match(QString::fromUtf8(err));
        QVERIFY2(rotateId.hasMatch(), err.constData());
        QVERIFY(rotateId.captured(1) != mintId.captured(1));
        QVERIFY2(err.contains("--overlap 600 --request-id"), err.constData());
        QCOMPARE(runVia(proxy.url(), {QStringLiteral("keys"), QStringLiteral("rotate"), mintedId, QStringLiteral("--overlap"), QStringLiteral("600"),
                                      QStringLiteral("--request-id"), rotateId.captured(1)}, &out, &err), 0);
        QCOMPARE(proxy.forwarded, 2);
        const QString newSecret = QString::fromUtf8(out).trimmed();
        QVERIFY(newSecret != secret);
        QCOMPARE(keyOwner(newSecret), userId);
        QVERIFY2(err.contains(newId.toUtf8()) && err.contains("nothing new was minted"), err.constData());
        QCOMPARE(keysNamed(userId, QStringLiteral("lost-cli")).size(), 2);   // old + one new, never two

        // The server's refusal of a too long overlap, in its words, exit 1, nothing minted.
        run({QStringLiteral("keys"), QStringLiteral("rotate"), newId, QStringLiteral("--overlap"), QStringLiteral("31d")}, 1, &err);
        QVERIFY2(err.contains("at most 2592000"), err.constData());
        QCOMPARE(keysNamed(userId, QStringLiteral("lost-cli")).size(), 2);
    }

    void keysEndToEnd()
    {
        const QString userId = run({QStringLiteral("users"), QStringLiteral("create"), QStringLiteral("svc-e2e"),
                                    QStringLiteral("--email"), QStringLiteral("svc-e2e@service.local")}, 0);
        QVERIFY2(!userId.isEmpty() && !userId.startsWith(QLatin1Char('<')), qPrintable(userId));
        const QJsonObject users = QJsonDocument::fromJson(run({QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--search"),
                                                                QStringLiteral("e2e"), QStringLiteral("--json")}, 0).toUtf8()).object();
        QCOMPARE(users.value(QStringLiteral("total")).toInt(), 1);

        QByteArray err;
        QCOMPARE(run({QStringLiteral("keys"), QStringLiteral("mint"), QStringLiteral("--name"), QStringLiteral("x")}, 2), QString());
        const QString secret = run({QStringLiteral("keys"), QStringLiteral("mint"), QStringLiteral("--user"), userId, QStringLiteral("--name"),
                                    QStringLiteral("e2e-key"), QStringLiteral("--expires"), QStringLiteral("30d"), QStringLiteral("--permission"),
                                    QStringLiteral("files=read,write"), QStringLiteral("--permission"), QStringLiteral("ws=connect"),
                                    QStringLiteral("--metadata"), QStringLiteral("host=backup-01"), QStringLiteral("--rate-limit"),
                                    QStringLiteral("off")}, 0, &err);
        QVERIFY2(!secret.contains(QLatin1Char('\n')) && secret.size() >= 64, qPrintable(secret));   // the secret alone
        QVERIFY(err.contains("only time"));
        QCOMPARE(keyOwner(secret), userId);

        const QJsonObject list = QJsonDocument::fromJson(run({QStringLiteral("keys"), QStringLiteral("list"), QStringLiteral("--user"), userId,
                                                               QStringLiteral("--json")}, 0).toUtf8()).object();
        QCOMPARE(list.value(QStringLiteral("total")).toInt(), 1);
        const QJsonObject k = list.value(QStringLiteral("apiKeys")).toArray().first().toObject();
        const QString keyId = k.value(QStringLiteral("id")).toString();
        QCOMPARE(k.value(QStringLiteral("permissions")).toObject().value(QStringLiteral("files")).toArray().size(), 2);
        QCOMPARE(k.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("host")).toString(), QStringLiteral("backup-01"));
        QCOMPARE(k.value(QStringLiteral("rateLimitEnabled")).toBool(true), false);
        QVERIFY(!QJsonDocument(list).toJson().contains(secret.toUtf8()));

        run({QStringLiteral("keys"), QStringLiteral("update"), keyId, QStringLiteral("--disable")}, 0);
        QCOMPARE(keyOwner(secret), QString());
        run({QStringLiteral("keys"), QStringLiteral("update"), keyId, QStringLiteral("--enable")}, 0);
        QCOMPARE(keyOwner(secret), userId);

        const QString rotated = run({QStringLiteral("keys"), QStringLiteral("rotate"), keyId, QStringLiteral("--overlap"), QStringLiteral("0")}, 0, &err);
        QVERIFY(rotated.size() >= 64 && rotated != secret);
        QVERIFY(err.contains("now expires"));
        QCOMPARE(keyOwner(rotated), userId);
        QCOMPARE(keyOwner(secret), QString());   // overlap 0: the old key is gone at once

        const QJsonObject after = QJsonDocument::fromJson(run({QStringLiteral("keys"), QStringLiteral("list"), QStringLiteral("--user"), userId,
                                                                QStringLiteral("--json")}, 0).toUtf8()).object();
        QString newId;
        for (const QJsonValue &v : after.value(QStringLiteral("apiKeys")).toArray())
            if (v.toObject().value(QStringLiteral("id")).toString() != keyId)
                newId = v.toObject().value(QStringLiteral("id")).toString();
        QVERIFY(!newId.isEmpty());
        const QJsonObject revoked = QJsonDocument::fromJson(run({QStringLiteral("keys"), QStringLiteral("revoke"), newId, QStringLiteral("--json")}, 0).toUtf8()).object();
        QCOMPARE(revoked.value(QStringLiteral("success")).toBool(), true);
        QCOMPARE(keyOwner(rotated), QString());
        run({QStringLiteral("keys"), QStringLiteral("revoke"), newId}, 1, &err);
        QVERIFY(err.contains("NOT_FOUND"));
        run({QStringLiteral("keys"), QStringLiteral("mint"), QStringLiteral("--user"), userId, QStringLiteral("--name"), QStringLiteral("x"),
             QStringLiteral("--permission"), QStringLiteral("bad resource=read")}, 2);
    }

    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"), "needs with-keyring.sh");
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        m_service = TestEnv::uniqueKeychainService();
        // Sign the CLI in once (device flow, approved over HTTP as the admin).
        auto login = start({QStringLiteral("login"), QStringLiteral("--no-browser"), QStringLiteral("--json")});
        const QJsonObject code = line(login.get());
        QCOMPARE(TestEnv::decideDeviceCode(&m_http, endpoint(), code.value(QStringLiteral("userCode")).toString(), true), QString());
        QCOMPARE(finish(login.get()), 0);
    }

    void approveCodeFromBetterAuthClientLibrary()
    {
        auto client = libraryClient();
        const QJsonObject code = line(client.get());
        QCOMPARE(code.value(QStringLiteral("event")).toString(), QStringLiteral("code"));
        const QString userCode = code.value(QStringLiteral("userCode")).toString();

        auto pending = start({QStringLiteral("device"), QStringLiteral("pending"), QStringLiteral("--json")});
        QCOMPARE(finish(pending.get()), 0);
        const QJsonArray codes = QJsonDocument::fromJson(pending->readAllStandardOutput()).object().value(QStringLiteral("deviceCodes")).toArray();
        bool listed = false;
        for (const QJsonValue &v : codes)
            listed |= v.toObject().value(QStringLiteral("userCode")).toString() == userCode
                && v.toObject().value(QStringLiteral("clientId")).toString() == QLatin1String("pikku-cli");
        QVERIFY2(listed, "the library client's code is in the pending list");

        // Without --yes and without a terminal it must not approve.
        auto noYes = start({QStringLiteral("device"), QStringLiteral("approve"), userCode});
        QCOMPARE(finish(noYes.get()), 2);
        const QByteArray warning = noYes->readAllStandardError();
        QVERIFY2(warning.contains("AS YOU"), warning.constData());
        QVERIFY(warning.contains("pikku-cli"));

        // Lower case with a dash works too.
        const QString typed = userCode.toLower().insert(4, QLatin1Char('-'));
        auto approve = start({QStringLiteral("device"), QStringLiteral("approve"), typed, QStringLiteral("--yes"), QStringLiteral("--json")});
        QCOMPARE(finish(approve.get()), 0);
        QCOMPARE(QJsonDocument::fromJson(approve->readAllStandardOutput()).object().value(QStringLiteral("success")).toBool(), true);

        const QJsonObject token = line(client.get(), 30000);
        QCOMPARE(token.value(QStringLiteral("event")).toString(), QStringLiteral("token"));
        QCOMPARE(token.value(QStringLiteral("email")).toString(), DevServer::adminEmail());   // signed in AS the approver
        QCOMPARE(finish(client.get()), 0);

        auto again = start({QStringLiteral("device"), QStringLiteral("approve"), userCode, QStringLiteral("--yes")});
        QCOMPARE(finish(again.get()), 1);
        auto unknown = start({QStringLiteral("device"), QStringLiteral("deny"), QStringLiteral("ZZZZ-ZZZZ")});
        QCOMPARE(finish(unknown.get()), 1);
        QVERIFY(unknown->readAllStandardError().contains("Invalid user code"));
    }

    // Anyone can request a device code with any client_id and scope (no account needed): the CLI shows
    // them with their control characters escaped, in the list, before the "AS YOU" warning, and in --json.
    void hostileDeviceCodeIsShownEscaped()
    {
        const QString clientId = QStringLiteral("pikku-cli\x1b[2K\r\x1b[32mtrusted-app\x1b[0m") + QChar(0x202e) + QStringLiteral("nimda");
        const QString scope = QStringLiteral("openid\x1b]0;owned\x07") + QChar(0x9b) + QStringLiteral("2J") + QChar(0x2028) + QStringLiteral("admin");
        const auto r = TestEnv::awaitCall(m_http.post(endpoint().authUrl(QStringLiteral("/device/code")),
                                                      {{QStringLiteral("client_id"), clientId}, {QStringLiteral("scope"), scope}}, {}));
        QVERIFY(r && r->ok());
        const QString userCode = r->json.object().value(QStringLiteral("user_code")).toString();
        QVERIFY(!userCode.isEmpty());
        const auto raw = [](const QByteArray &bytes) {
            for (const QChar c : QString::fromUtf8(bytes)) {
                const char16_t u = c.unicode();
                if ((u < 0x20 && u != u'\n') || (u >= 0x7f && u <= 0x9f) || u == 0x2028 || u == 0x202e)
                    return true;
            }
            return false;
        };
        const QByteArray shownClient = "pikku-cli\\x1b[2K\\r\\x1b[32mtrusted-app\\x1b[0m\\u202enimda";
        const QByteArray shownScope = "openid\\x1b]0;owned\\x07\\x9b2J\\u2028admin";

        auto pending = start({QStringLiteral("device"), QStringLiteral("pending")});
        QCOMPARE(finish(pending.get()), 0);
        const QByteArray out = pending->readAllStandardOutput();
        QVERIFY2(!raw(out), out.constData());
        QVERIFY2(out.contains(shownClient) && out.contains(shownScope), out.constData());

        auto json = start({QStringLiteral("device"), QStringLiteral("pending"), QStringLiteral("--json")});
        QCOMPARE(finish(json.get()), 0);
        const QByteArray doc = json->readAllStandardOutput();
        QVERIFY2(!raw(doc), doc.constData());   // C0 escaped by QJsonDocument, C1 / U+2028 / bidi by CliOutput
        bool found = false;
        for (const QJsonValue &v : QJsonDocument::fromJson(doc).object().value(QStringLiteral("deviceCodes")).toArray())
            found |= v.toObject().value(QStringLiteral("clientId")).toString() == clientId
                && v.toObject().value(QStringLiteral("scope")).toString() == scope;
        QVERIFY2(found, "the JSON still decodes to the server's exact strings");

        // The confirmation path: what precedes the question is escaped, the warning is intact.
        auto approve = start({QStringLiteral("device"), QStringLiteral("approve"), userCode});
        QCOMPARE(finish(approve.get()), 2);   // no terminal, no --yes
        const QByteArray warning = approve->readAllStandardError();
        QVERIFY2(!raw(warning), warning.constData());
        QVERIFY2(warning.contains("requested by client \"" + shownClient + "\" for scope \"" + shownScope + "\""), warning.constData());
        QVERIFY(warning.contains("AS YOU"));

        // On a terminal (script(1) gives it a pty): the same escaped lines, then the question; "n" declines.
        auto tty = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PIKKU_ADMIN_KEYCHAIN_SERVICE"), m_service);
        env.insert(QStringLiteral("PIKKU_ADMIN_SERVER"), endpoint().key());
        tty->setProcessEnvironment(env);
        tty->start(QStringLiteral("script"), {QStringLiteral("-qefc"),
                                              QStringLiteral("'%1' device approve %2").arg(QStringLiteral(PIKKU_ADMIN_BINARY), userCode),
                                              QStringLiteral("/dev/null")});
        QVERIFY(tty->waitForStarted());
        QByteArray screen;
        QVERIFY(QTest::qWaitFor([&] {
            screen += tty->readAllStandardOutput();
            return screen.contains("[y/N]") || tty->state() == QProcess::NotRunning;
        }, 20000));
        tty->write("n\n");
        QCOMPARE(finish(tty.get()), 1);   // not approved
        screen += tty->readAllStandardOutput();
        screen.replace("\r\n", "\n");   // the pty's own line endings
        QVERIFY2(!raw(screen), screen.constData());
        QVERIFY2(screen.contains("requested by client \"" + shownClient + "\"") && screen.contains("AS YOU")
                     && screen.contains("Does the device show") && screen.contains("Not approved"),
                 screen.constData());

        auto deny = start({QStringLiteral("device"), QStringLiteral("deny"), userCode});
        QCOMPARE(finish(deny.get()), 0);
        QVERIFY(!raw(deny->readAllStandardError()));
    }

    void channelFramesAreEscaped()
    {
        // The live channel's echo sends the message back through JSON.stringify, which leaves C1 and the
        // bidi controls raw: the CLI must not.
        const QString evil = QStringLiteral("\x1b[2J") + QChar(0x202e) + QChar(0x85) + QStringLiteral("x");
        const QString send = QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("action"), QStringLiteral("echo")},
                                                                          {QStringLiteral("evil"), evil}})
                                                   .toJson(QJsonDocument::Compact));
        for (const bool json : {false, true}) {
            QStringList args{QStringLiteral("channel"), QStringLiteral("live"), QStringLiteral("--send"), send, QStringLiteral("--count"),
                             QStringLiteral("1"), QStringLiteral("--timeout"), QStringLiteral("10")};
            if (json)
                args << QStringLiteral("--json");
            auto p = start(args);
            QCOMPARE(finish(p.get()), 0);
            const QByteArray out = p->readAllStandardOutput();
            QVERIFY2(!out.contains('\x1b') && !out.contains("\xe2\x80\xae") && !out.contains("\xc2\x85"), out.constData());
            QVERIFY2(out.contains("\\u202e"), out.constData());
            QCOMPARE(out.count('\n'), 1);
            if (json)
                QCOMPARE(QJsonDocument::fromJson(out).object().value(QStringLiteral("evil")).toString(), evil);
            else
                QVERIFY2(out.contains("\\x85"), out.constData());
        }
    }

    void denyFromCli()
    {
        auto client = libraryClient();
        const QString userCode = line(client.get()).value(QStringLiteral("userCode")).toString();
        auto deny = start({QStringLiteral("device"), QStringLiteral("deny"), userCode});
        QCOMPARE(finish(deny.get()), 0);
        const QJsonObject r = line(client.get(), 30000);
        QCOMPARE(r.value(QStringLiteral("event")).toString(), QStringLiteral("error"));
        QVERIFY(QJsonDocument(r).toJson().contains("access_denied"));
        finish(client.get());
    }

    void sessionsListAndRevoke()
    {
        // A second session for the admin, to revoke.
        const QString victim = TestEnv::adminToken(&m_http, endpoint());
        AuthApi api(&m_http, endpoint());
        const auto info = awaitResult<SessionInfo>([&](QObject *c, auto cb) { api.getSession(victim, c, cb); });
        QVERIFY(info && info->ok());
        auto list = start({QStringLiteral("sessions"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(finish(list.get()), 0);
        const QByteArray out = list->readAllStandardOutput();
        QVERIFY2(!out.contains(victim.toUtf8()), "no session token in the list");
        const QJsonArray sessions = QJsonDocument::fromJson(out).object().value(QStringLiteral("sessions")).toArray();
        bool found = false;
        for (const QJsonValue &v : sessions)
            found |= v.toObject().value(QStringLiteral("id")).toString() == info->value().sessionId;
        QVERIFY(found);
        auto revoke = start({QStringLiteral("sessions"), QStringLiteral("revoke"), info->value().sessionId, QStringLiteral("--json")});
        QCOMPARE(finish(revoke.get()), 0);
        const auto dead = awaitResult<SessionInfo>([&](QObject *c, auto cb) { api.getSession(victim, c, cb); });
        QCOMPARE(dead->error().kind, ApiError::Kind::Unauthorized);
        auto missing = start({QStringLiteral("sessions"), QStringLiteral("revoke"), QStringLiteral("no-such-session")});
        QCOMPARE(finish(missing.get()), 1);
    }

    void channelAsPersonAndAsKey()
    {
        auto me = start({QStringLiteral("channel"), QStringLiteral("live"), QStringLiteral("--send"), QStringLiteral(R"({"action":"whoami"})"),
                         QStringLiteral("--count"), QStringLiteral("1"), QStringLiteral("--json"), QStringLiteral("--timeout"), QStringLiteral("10")});
        QCOMPARE(finish(me.get()), 0);
        const QJsonObject mine = QJsonDocument::fromJson(me->readAllStandardOutput()).object();
        QCOMPARE(mine.value(QStringLiteral("session")).toObject().value(QStringLiteral("via")).toString(), QStringLiteral("bearer"));

        QJsonObject user, minted;
        QCOMPARE(adminPost(QStringLiteral("/console/service-users/create"), {{QStringLiteral("name"), QStringLiteral("svc-cli-channel")}}, &user), QString());
        const QString userId = user.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString();
        QCOMPARE(adminPost(QStringLiteral("/console/api-keys/create"),
                           {{QStringLiteral("userId"), userId}, {QStringLiteral("name"), QStringLiteral("cli-ws")},
                            {QStringLiteral("rateLimitEnabled"), false}}, &minted), QString());
        const QString key = minted.value(QStringLiteral("key")).toString();
        QVERIFY(!key.isEmpty());
        QProcessEnvironment env;
        env.insert(QStringLiteral("SVC_KEY"), key);
        auto asKey = start({QStringLiteral("channel"), QStringLiteral("live"), QStringLiteral("--as-key-env"), QStringLiteral("SVC_KEY"),
                            QStringLiteral("--send"), QStringLiteral(R"({"action":"whoami"})"), QStringLiteral("--count"), QStringLiteral("1"),
                            QStringLiteral("--timeout"), QStringLiteral("10")}, env);
        QCOMPARE(finish(asKey.get()), 0);
        const QJsonObject theirs = QJsonDocument::fromJson(asKey->readAllStandardOutput()).object();
        const QJsonObject s = theirs.value(QStringLiteral("session")).toObject();
        QCOMPARE(s.value(QStringLiteral("via")).toString(), QStringLiteral("api-key"));
        QCOMPARE(s.value(QStringLiteral("userId")).toString(), userId);
        QCOMPARE(s.value(QStringLiteral("keyName")).toString(), QStringLiteral("cli-ws"));

        // A revoked key's upgrade is refused: exit 1 (a key), not 3 (a person).
        QCOMPARE(adminPost(QStringLiteral("/console/api-keys/delete"),
                           {{QStringLiteral("keyId"), minted.value(QStringLiteral("apiKey")).toObject().value(QStringLiteral("id")).toString()}}), QString());
        auto refused = start({QStringLiteral("channel"), QStringLiteral("live"), QStringLiteral("--as-key-env"), QStringLiteral("SVC_KEY"),
                              QStringLiteral("--count"), QStringLiteral("1"), QStringLiteral("--timeout"), QStringLiteral("10")}, env);
        QCOMPARE(finish(refused.get()), 1);
        QVERIFY(refused->readAllStandardError().contains("401"));

        // Bad input is a usage error, never sent.
        auto bad = start({QStringLiteral("channel"), QStringLiteral("live"), QStringLiteral("--send"), QStringLiteral("{nope")});
        QCOMPARE(finish(bad.get()), 2);
        auto noEnv = start({QStringLiteral("channel"), QStringLiteral("live"), QStringLiteral("--as-key-env"), QStringLiteral("PIKKU_UNSET_VAR")});
        QCOMPARE(finish(noEnv.get()), 2);
    }

    // A fresh service user and key (rate limit off) for the channel tests; returns the key.
    QString mintChannelKey(const QString &userName, const QString &keyName, QString *userId = nullptr)
    {
        QJsonObject user, minted;
        if (!adminPost(QStringLiteral("/console/service-users/create"), {{QStringLiteral("name"), userName}}, &user).isEmpty())
            return {};
        const QString id = user.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString();
        if (userId)
            *userId = id;
        if (!adminPost(QStringLiteral("/console/api-keys/create"),
                       {{QStringLiteral("userId"), id}, {QStringLiteral("name"), keyName}, {QStringLiteral("rateLimitEnabled"), false}},
                       &minted).isEmpty())
            return {};
        return minted.value(QStringLiteral("key")).toString();
    }

    void channelKeyFromStdin()
    {
        QString userId;
        const QString key = mintChannelKey(QStringLiteral("svc-stdin"), QStringLiteral("stdin-ws"), &userId);
        QVERIFY(!key.isEmpty());
        auto p = start({QStringLiteral("channel"), QStringLiteral("live"), QStringLiteral("--as-key-stdin"), QStringLiteral("--count"),
                        QStringLiteral("1"), QStringLiteral("--send"), QStringLiteral(R"({"action":"whoami"})"), QStringLiteral("--json"),
                        QStringLiteral("--timeout"), QStringLiteral("10")});
        QVERIFY(p->waitForStarted());
        p->write(key.toUtf8() + "\nthe second line is ignored\n");
        p->closeWriteChannel();
        QCOMPARE(finish(p.get()), 0);
        const QJsonObject reply = QJsonDocument::fromJson(p->readAllStandardOutput()).object();
        const QJsonObject s = reply.value(QStringLiteral("session")).toObject();
        QCOMPARE(s.value(QStringLiteral("via")).toString(), QStringLiteral("api-key"));
        QCOMPARE(s.value(QStringLiteral("userId")).toString(), userId);
        QCOMPARE(s.value(QStringLiteral("name")).toString(), QStringLiteral("svc-stdin"));
        QCOMPARE(s.value(QStringLiteral("keyName")).toString(), QStringLiteral("stdin-ws"));

        // Empty standard input: a usage error; both sources: a usage error.
        auto empty = start({QStringLiteral("channel"), QStringLiteral("live"), QStringLiteral("--as-key-stdin")});
        QVERIFY(empty->waitForStarted());
        empty->closeWriteChannel();
        QCOMPARE(finish(empty.get()), 2);
        QProcessEnvironment env;
        env.insert(QStringLiteral("SVC_KEY"), key);
        auto both = start({QStringLiteral("channel"), QStringLiteral("live"), QStringLiteral("--as-key-stdin"), QStringLiteral("--as-key-env"),
                           QStringLiteral("SVC_KEY")}, env);
        QCOMPARE(finish(both.get()), 2);
    }

    void channelStopsCleanlyOnSignals_data()
    {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGINT") << int(SIGINT);
        QTest::newRow("SIGTERM") << int(SIGTERM);
    }

    void channelStopsCleanlyOnSignals()
    {
        QFETCH(int, signal);
        const QString key = mintChannelKey(QStringLiteral("svc-sig-%1").arg(signal), QStringLiteral("sig-ws"));
        QVERIFY(!key.isEmpty());
        QProcessEnvironment env;
        env.insert(QStringLiteral("SVC_KEY"), key);
        // No --count, no --timeout: it runs until stopped.
        QStringList args{QStringLiteral("channel"), QStringLiteral("live"), QStringLiteral("--as-key-env"), QStringLiteral("SVC_KEY")};
        for (int i = 0; i < 20; ++i)
            args << QStringLiteral("--send") << QStringLiteral(R"({"action":"echo","n":%1})").arg(i);
        auto p = start(args, env);
        QVERIFY(p->waitForStarted());
        QByteArray out;
        QVERIFY(QTest::qWaitFor([&] {
            out += p->readAllStandardOutput();
            return out.count('\n') >= 20 || p->state() == QProcess::NotRunning;
        }, 15000));
        QCOMPARE(p->state(), QProcess::Running);   // still connected, waiting for more
        if (signal == SIGTERM)
            p->terminate();
        else
            ::kill(pid_t(p->processId()), SIGINT);
        // A normal exit, not killed by the signal. No time limit of its own: under ASan + UBSan on a loaded CI
        // machine one run did not get out within 5 s (stop 20), the others take well under a second.
        QCOMPARE(finish(p.get()), 0);
        out += p->readAllStandardOutput();
        const QList<QByteArray> lines = out.trimmed().split('\n');
        QCOMPARE(lines.size(), 20);
        for (int i = 0; i < 20; ++i)
            QCOMPARE(QJsonDocument::fromJson(lines.at(i)).object().value(QStringLiteral("n")).toInt(-1), i);
        QVERIFY(p->readAllStandardError().contains("interrupted after 20 messages"));
    }

    // The saved session goes only to its own server: a channel on another origin is refused before anything
    // is sent (that host sees no one), with the way to connect instead.
    void channelOnAnotherOriginRefusesTheSession()
    {
        QTcpServer other;
        int knocks = 0;
        connect(&other, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *s = other.nextPendingConnection()) {
                ++knocks;
                s->deleteLater();
            }
        });
        QVERIFY(other.listen(QHostAddress::LocalHost, 0));
        auto p = start({QStringLiteral("channel"), QStringLiteral("ws://127.0.0.1:%1/console/live").arg(other.serverPort()),
                        QStringLiteral("--timeout"), QStringLiteral("5")});
        QCOMPARE(finish(p.get()), 1);
        const QByteArray err = p->readAllStandardError();
        QVERIFY2(err.contains("never sent to") && err.contains("--as-key-env"), err.constData());
        QTest::qWait(100);   // a connection attempt, had there been one, would have arrived by now
        QCOMPARE(knocks, 0);
    }

    void channelHandshakeTimeout()
    {
        // Accepts the TCP connection and never answers the upgrade.
        QTcpServer silent;
        QList<QTcpSocket *> held;
        connect(&silent, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *s = silent.nextPendingConnection())
                held << s;
        });
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        QProcessEnvironment env;
        env.insert(QStringLiteral("SVC_KEY"), QStringLiteral("not-a-real-key"));
        QElapsedTimer clock;
        clock.start();
        auto p = start({QStringLiteral("channel"), QStringLiteral("ws://127.0.0.1:%1/x").arg(silent.serverPort()),
                        QStringLiteral("--as-key-env"), QStringLiteral("SVC_KEY"), QStringLiteral("--timeout"), QStringLiteral("2")}, env);
        QVERIFY(QTest::qWaitFor([&] { return p->state() == QProcess::NotRunning; }, 10000));
        const qint64 elapsed = clock.elapsed();
        QCOMPARE(finish(p.get()), 1);
        const QByteArray err = p->readAllStandardError();
        QVERIFY2(err.contains("timed out") && err.contains("handshake"), err.constData());
        QVERIFY2(elapsed >= 1900 && elapsed < 3500, qPrintable(QString::number(elapsed)));
        QVERIFY(!held.isEmpty());   // it did reach the server
        qDeleteAll(held);
    }
};

QTEST_GUILESS_MAIN(TestCliAdminLive)
#include "tst_cli_admin_live.moc"
