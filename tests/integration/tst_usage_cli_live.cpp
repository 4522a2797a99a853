// h-usage2 (issue 13 item 5): `pikku-admin keys usage` against the real dev server (real better-auth, real
// SQLite, usage flushed every second) and the real keyring: a key's live-channel upgrades as x-api-key are
// verifications the server counts (success while enabled, failure once disabled); the CLI prints them by
// day and by hour, --json is the server's body; bad options are usage errors (exit 2) before anything is
// sent; a server started with --no-key-usage is said to lack it in one line (exit 1).
#include "DevServer.h"
#include "TestEnv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

class TestUsageCliLive : public QObject
{
    Q_OBJECT
private:
    DevServer m_server{[] {
        DevServer::Options o;
        o.extraArgs = {QStringLiteral("--key-usage-flush"), QStringLiteral("1s")};
        return o;
    }()};
    DevServer m_bare{[] {
        DevServer::Options o;
        o.extraArgs = {QStringLiteral("--no-key-usage")};
        return o;
    }()};
    HttpClient m_http;
    QString m_service;
    QString m_keyId, m_bareKeyId;

    struct Run
    {
        int code = -1;
        QByteArray out, err;
        QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    };

    std::unique_ptr<QProcess> start(const DevServer &server, const QStringList &args, const QProcessEnvironment &extra = {})
    {
        auto p = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PIKKU_ADMIN_KEYCHAIN_SERVICE"), m_service);
        env.insert(QStringLiteral("PIKKU_ADMIN_SERVER"), TestEnv::endpointFor(server.url()).key());
        env.insert(extra);
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

    Run run(const DevServer &server, const QStringList &args, const QProcessEnvironment &extra = {})
    {
        auto p = start(server, args, extra);
        Run r;
        r.code = finish(p.get());
        r.out = p->readAllStandardOutput();
        r.err = p->readAllStandardError();
        return r;
    }

    static QString S(const char *s) { return QString::fromUtf8(s); }

    bool login(const DevServer &server)
    {
        auto p = start(server, {S("login"), S("--no-browser"), S("--json")});
        if (!QTest::qWaitFor([&] { return p->canReadLine(); }, 20000))
            return false;
        const QJsonObject code = QJsonDocument::fromJson(p->readLine()).object();
        if (!TestEnv::decideDeviceCode(&m_http, TestEnv::endpointFor(server.url()), code.value(S("userCode")).toString(), true).isEmpty())
            return false;
        return finish(p.get()) == 0;
    }

    // A service user and a key (rate limit off) on that server: {key id, secret}.
    QPair<QString, QString> mint(const DevServer &server, const QString &name)
    {
        const Run user = run(server, {S("users"), S("create"), name, S("--json")});
        const QString userId = user.json().value(S("user")).toObject().value(S("id")).toString();
        const Run key = run(server, {S("keys"), S("mint"), S("--user"), userId, S("--name"), name, S("--rate-limit"), S("off"), S("--json")});
        return {key.json().value(S("apiKey")).toObject().value(S("id")).toString(), key.json().value(S("key")).toString()};
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"), "needs with-keyring.sh");
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        QVERIFY2(m_bare.start(), qPrintable(m_bare.errorString()));
        m_service = TestEnv::uniqueKeychainService();
        QVERIFY(login(m_server));
        QVERIFY(login(m_bare));

        const auto [id, secret] = mint(m_server, S("usage-agent"));
        QVERIFY(!id.isEmpty() && !secret.isEmpty());
        m_keyId = id;
        m_bareKeyId = mint(m_bare, S("bare-agent")).first;
        QVERIFY(!m_bareKeyId.isEmpty());
        // Three upgrades of the live channel as the key: three verifications that succeed.
        QProcessEnvironment env;
        env.insert(S("SVC_KEY"), secret);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(run(m_server, {S("channel"), S("live"), S("--as-key-env"), S("SVC_KEY"), S("--send"), S(R"({"action":"whoami"})"),
                                    S("--count"), S("1"), S("--timeout"), S("10")}, env).code, 0);
        // Disabled, its upgrade is refused: one that fails.
        QCOMPARE(run(m_server, {S("keys"), S("update"), m_keyId, S("--disable")}).code, 0);
        QCOMPARE(run(m_server, {S("channel"), S("live"), S("--as-key-env"), S("SVC_KEY"), S("--count"), S("1"), S("--timeout"), S("10")}, env).code, 1);
    }

    void cleanupTestCase()
    {
        run(m_server, {S("logout")});
        run(m_bare, {S("logout")});
    }

    void countsByDay()
    {
        const Run r = run(m_server, {S("keys"), S("usage"), m_keyId, S("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject body = r.json();
        QCOMPARE(body.value(S("keyId")).toString(), m_keyId);
        QCOMPARE(body.value(S("bucket")).toString(), S("day"));
        QCOMPARE(body.value(S("days")).toInt(), 30);
        QCOMPARE(body.value(S("total")).toObject(),
                 (QJsonObject{{S("success"), 3}, {S("failure"), 1}, {S("rateLimited"), 0}}));
        const QJsonArray buckets = body.value(S("buckets")).toArray();
        QCOMPARE(buckets.size(), 30);
        QCOMPARE(buckets.last().toObject().value(S("success")).toInt(), 3);

        // Human form: a header, a line per day (today last, with the counts), the total.
        const Run human = run(m_server, {S("keys"), S("usage"), m_keyId, S("--days"), S("7")});
        QVERIFY2(human.code == 0, human.err.constData());
        const QList<QByteArray> lines = human.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 1 + 7 + 1);
        QVERIFY2(lines.first().contains("success") && lines.first().contains("rate-limited"), lines.first().constData());
        const QByteArray today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate).toLatin1();
        QVERIFY2(lines.at(7).simplified() == today + " 3 1 0", lines.at(7).constData());
        QVERIFY2(lines.last().simplified() == "total 3 1 0", lines.last().constData());
        QVERIFY2(human.err.contains("4 verifications in 7 days"), human.err.constData());
    }

    void countsByHour()
    {
        const Run r = run(m_server, {S("keys"), S("usage"), m_keyId, S("--days"), S("1"), S("--bucket"), S("hour"), S("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.json().value(S("bucket")).toString(), S("hour"));
        const QJsonObject last = r.json().value(S("buckets")).toArray().last().toObject();
        QCOMPARE(last.value(S("success")).toInt(), 3);
        QCOMPARE(last.value(S("failure")).toInt(), 1);
    }

    void badOptionsAreUsageErrors()
    {
        for (const QStringList &extra : {QStringList{S("--days"), S("0")}, QStringList{S("--days"), S("91")},
                                         QStringList{S("--days"), S("40"), S("--bucket"), S("hour")},
                                         QStringList{S("--bucket"), S("week")}, QStringList{S("--days"), S("ten")}}) {
            const Run r = run(m_server, QStringList{S("keys"), S("usage"), m_keyId} + extra);
            QVERIFY2(r.code == 2, qPrintable(extra.join(QLatin1Char(' ')) + QLatin1Char(' ') + QString::fromUtf8(r.err)));
        }
        const Run missing = run(m_server, {S("keys"), S("usage"), S("no-such-key")});
        QCOMPARE(missing.code, 1);
    }

    void aServerWithoutItSaysSoInOneLine()
    {
        const Run r = run(m_bare, {S("keys"), S("usage"), m_bareKeyId});
        QCOMPARE(r.code, 1);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.err.trimmed().count('\n'), 0);
        QVERIFY2(r.err.contains("does not count key usage"), r.err.constData());
        const Run json = run(m_bare, {S("keys"), S("usage"), m_bareKeyId, S("--json")});
        QCOMPARE(json.code, 1);
        QVERIFY2(json.err.contains("UNSUPPORTED") || json.out.contains("UNSUPPORTED"), (json.out + json.err).constData());
    }
};

QTEST_MAIN(TestUsageCliLive)
#include "tst_usage_cli_live.moc"
