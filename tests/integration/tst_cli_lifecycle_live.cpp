// Issue 13 items 1 and 2 in the CLI (h-lifecycle), against the real dev server (real better-auth, real
// SQLite) and the real keyring: users rename/disable/enable/delete, the delete's confirmation that counts
// the keys (on a real pty through script(1)), and the bulk forms of users disable|enable, keys
// disable|enable|revoke (ids and --user) and sessions revoke, with partial failures (an unknown id, the
// admin's own account: 409 LOCKOUT) reported per id.
#include "DevServer.h"
#include "TestEnv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

class TestCliLifecycleLive : public QObject
{
    Q_OBJECT
private:
    DevServer m_server;
    HttpClient m_http;
    QString m_service;
    QString m_adminId;

    ServerEndpoint endpoint() const { return TestEnv::endpointFor(m_server.url()); }

    struct Run
    {
        int code = -1;
        QByteArray out, err;
        QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
        QJsonArray array() const { return QJsonDocument::fromJson(out).array(); }
    };

    QProcessEnvironment env() const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("PIKKU_ADMIN_KEYCHAIN_SERVICE"), m_service);
        e.insert(QStringLiteral("PIKKU_ADMIN_SERVER"), endpoint().key());
        return e;
    }

    std::unique_ptr<QProcess> start(const QStringList &args)
    {
        auto p = std::make_unique<QProcess>();
        p->setProcessEnvironment(env());
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

    QString createUser(const QString &name)
    {
        const Run r = run({S("users"), S("create"), name, S("--json")});
        if (r.code != 0)
            qWarning("create: %s", r.err.constData());
        return r.json().value(S("user")).toObject().value(S("id")).toString();
    }

    // A key of userId; *secret gets its secret.
    QString mint(const QString &userId, const QString &name, QString *secret = nullptr)
    {
        const Run r = run({S("keys"), S("mint"), S("--user"), userId, S("--name"), name, S("--rate-limit"), S("off"), S("--json")});
        if (r.code != 0)
            qWarning("mint: %s", r.err.constData());
        if (secret)
            *secret = r.json().value(S("key")).toString();
        return r.json().value(S("apiKey")).toObject().value(S("id")).toString();
    }

    QJsonArray keysOf(const QString &userId)
    {
        return run({S("keys"), S("list"), S("--user"), userId, S("--json")}).json().value(S("apiKeys")).toArray();
    }

    QJsonObject userNamed(const QString &id)
    {
        for (const QJsonValue &v : run({S("users"), S("list"), S("--json")}).json().value(S("users")).toArray())
            if (v.toObject().value(S("id")).toString() == id)
                return v.toObject();
        return {};
    }

    static QJsonObject rowFor(const QJsonArray &rows, const QString &id)
    {
        for (const QJsonValue &v : rows)
            if (v.toObject().value(S("id")).toString() == id)
                return v.toObject();
        return {};
    }

    // The CLI on a real terminal (script(1) gives it a pty); answer is typed once `prompt` was printed.
    // Returns the exit code; *seen gets everything the terminal showed.
    int onTerminal(const QStringList &args, const QByteArray &prompt, const QByteArray &answer, QByteArray *seen)
    {
        QStringList quoted{QStringLiteral(PIKKU_ADMIN_BINARY)};
        for (const QString &a : args)
            quoted << QLatin1Char('\'') + QString(a).replace(QLatin1Char('\''), QStringLiteral("'\\''")) + QLatin1Char('\'');
        QProcess p;
        p.setProcessEnvironment(env());
        p.start(QStringLiteral("script"), {S("-qefc"), quoted.join(QLatin1Char(' ')), S("/dev/null")});
        if (!QTest::qWaitFor([&] { seen->append(p.readAll()); return seen->contains(prompt) || p.state() == QProcess::NotRunning; }, 30000))
            return -1;
        p.write(answer);
        const int code = finish(&p);
        seen->append(p.readAll());
        return code;
    }

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
        const Run me = run({S("whoami"), S("--json")});
        QCOMPARE(me.code, 0);
        m_adminId = me.json().value(S("user")).toObject().value(S("id")).toString();
        QVERIFY2(!m_adminId.isEmpty(), me.out.constData());
    }

    // Item 1: rename, disable (every key off: a key of the user is refused), enable (only the keys the
    // disable turned off come back; one disabled before stays off).
    void renameDisableEnable()
    {
        const QString user = createUser(S("life-agent"));
        QVERIFY(!user.isEmpty());
        QString secret;
        const QString k1 = mint(user, S("one"), &secret), k2 = mint(user, S("two")), k3 = mint(user, S("off-before"));
        QVERIFY(!k1.isEmpty() && !k2.isEmpty() && !k3.isEmpty());
        QCOMPARE(TestEnv::keyOwner(&m_http, endpoint(), secret), user);
        QCOMPARE(run({S("keys"), S("disable"), k3}).code, 0);

        Run r = run({S("users"), S("rename"), user, S("life-agent-2"), S("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.json().value(S("user")).toObject().value(S("name")).toString(), S("life-agent-2"));
        QCOMPARE(userNamed(user).value(S("name")).toString(), S("life-agent-2"));
        QCOMPARE(run({S("users"), S("rename"), user, S("")}).code, 2);                    // refused before sending
        QCOMPARE(run({S("users"), S("rename"), user, QString(101, QLatin1Char('x'))}).code, 2);

        r = run({S("users"), S("disable"), user, S("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.json().value(S("disabledKeys")).toInt(), 2);
        QCOMPARE(r.json().value(S("user")).toObject().value(S("banned")).toBool(), true);
        for (const QJsonValue &k : keysOf(user))
            QCOMPARE(k.toObject().value(S("enabled")).toBool(true), false);
        QCOMPARE(TestEnv::keyOwner(&m_http, endpoint(), secret), QString());   // the key no longer works

        r = run({S("users"), S("enable"), user});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(r.err.contains("enabled; 2 keys on again"), r.err.constData());
        for (const QJsonValue &v : keysOf(user)) {
            const QJsonObject k = v.toObject();
            QCOMPARE(k.value(S("enabled")).toBool(), k.value(S("id")).toString() != k3);
        }
        QCOMPARE(TestEnv::keyOwner(&m_http, endpoint(), secret), user);
    }

    // Item 2: several ids, partial failures: an unknown id (404) and the admin's own account (409
    // LOCKOUT) fail, the others are done; one array of {id, ok, error}; exit 1.
    void bulkDisableReportsEachRow()
    {
        const QString a = createUser(S("bulk-a")), b = createUser(S("bulk-b"));
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        mint(a, S("a1"));
        const QString unknown = S("no-such-user-id");
        Run r = run({S("users"), S("disable"), a, unknown, b, m_adminId, S("--json")});
        QCOMPARE(r.code, 1);
        const QJsonArray rows = r.array();
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows.at(0).toObject().value(S("id")).toString(), a);   // in the order given
        QCOMPARE(rowFor(rows, a).value(S("ok")).toBool(), true);
        QVERIFY(rowFor(rows, a).value(S("error")).isNull());
        QCOMPARE(rowFor(rows, b).value(S("ok")).toBool(), true);
        QCOMPARE(rowFor(rows, unknown).value(S("ok")).toBool(true), false);
        QVERIFY2(rowFor(rows, unknown).value(S("error")).toString().contains(S("NOT_FOUND")), r.out.constData());
        QCOMPARE(rowFor(rows, m_adminId).value(S("ok")).toBool(true), false);
        QVERIFY2(rowFor(rows, m_adminId).value(S("error")).toString().startsWith(S("LOCKOUT")), r.out.constData());
        QCOMPARE(userNamed(a).value(S("banned")).toBool(), true);
        QCOMPARE(userNamed(b).value(S("banned")).toBool(), true);

        // The human form: a line per id on stdout, the summary on stderr.
        r = run({S("users"), S("enable"), a, unknown, b});
        QCOMPARE(r.code, 1);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines.at(0).startsWith(a.toUtf8() + "  ok  enabled; 1 key on again"), lines.at(0).constData());
        QVERIFY2(lines.at(1).startsWith(unknown.toUtf8() + "  FAILED  NOT_FOUND"), lines.at(1).constData());
        QVERIFY2(r.err.contains("Enable 3 service users: 2 done, 1 failed."), r.err.constData());
        QCOMPARE(userNamed(a).value(S("banned")).toBool(true), false);
    }

    // Item 1: delete counts the keys and asks on a terminal ("deletes 2 keys"); no terminal and no --yes
    // is exit 2 with nothing sent; "n" sends nothing; "y" deletes the user with its keys.
    void deleteCountsKeysAndAsks()
    {
        const QString user = createUser(S("doomed"));
        QString secret;
        mint(user, S("d1"), &secret);
        mint(user, S("d2"));
        Run r = run({S("users"), S("delete"), user});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("pass --yes"), r.err.constData());
        QVERIFY(!userNamed(user).isEmpty());

        QByteArray seen;
        QCOMPARE(onTerminal({S("users"), S("delete"), user}, "[y/N]", "n\n", &seen), 1);
        QVERIFY2(seen.contains("Delete 1 service user?"), seen.constData());
        QVERIFY2(seen.contains("This deletes 2 keys with them"), seen.constData());
        QVERIFY2(seen.contains(user.toUtf8() + "): deletes 2 keys") || seen.contains(user.toUtf8() + ": deletes 2 keys"), seen.constData());
        QVERIFY2(seen.contains("Nothing was sent"), seen.constData());
        QVERIFY(!userNamed(user).isEmpty());
        QCOMPARE(keysOf(user).size(), 2);

        seen.clear();
        QCOMPARE(onTerminal({S("users"), S("delete"), user}, "[y/N]", "y\n", &seen), 0);
        QVERIFY2(seen.contains("deleted, with 2 keys"), seen.constData());
        QVERIFY(userNamed(user).isEmpty());
        QCOMPARE(TestEnv::keyOwner(&m_http, endpoint(), secret), QString());

        // --yes, several ids, one unknown: the reply's count per row, the unknown one failed.
        const QString u2 = createUser(S("doomed-2"));
        mint(u2, S("x"));
        r = run({S("users"), S("delete"), u2, S("nobody-here"), S("--yes"), S("--json")});
        QCOMPARE(r.code, 1);
        QCOMPARE(rowFor(r.array(), u2).value(S("ok")).toBool(), true);
        QCOMPARE(rowFor(r.array(), S("nobody-here")).value(S("ok")).toBool(true), false);
        QVERIFY(userNamed(u2).isEmpty());
        // single id with --yes: the server's reply
        const QString u3 = createUser(S("doomed-3"));
        mint(u3, S("y1"));
        r = run({S("users"), S("delete"), u3, S("--yes"), S("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.json().value(S("deletedKeys")).toInt(), 1);
    }

    // Keys: several ids (one unknown), --user for every key of a user, revoke --user asks (exit 2
    // without a terminal or --yes), a single revoke keeps printing the server's reply.
    void keysBulk()
    {
        const QString user = createUser(S("keys-bulk"));
        const QString k1 = mint(user, S("k1")), k2 = mint(user, S("k2")), k3 = mint(user, S("k3"));
        Run r = run({S("keys"), S("disable"), k1, S("no-such-key"), k2, S("--json")});
        QCOMPARE(r.code, 1);
        QCOMPARE(r.array().size(), 3);
        QCOMPARE(rowFor(r.array(), k1).value(S("ok")).toBool(), true);
        QCOMPARE(rowFor(r.array(), k2).value(S("ok")).toBool(), true);
        QCOMPARE(rowFor(r.array(), S("no-such-key")).value(S("ok")).toBool(true), false);
        int enabled = 0;
        for (const QJsonValue &k : keysOf(user))
            enabled += k.toObject().value(S("enabled")).toBool() ? 1 : 0;
        QCOMPARE(enabled, 1);

        r = run({S("keys"), S("enable"), S("--user"), user, S("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.array().size(), 3);
        for (const QJsonValue &k : keysOf(user))
            QCOMPARE(k.toObject().value(S("enabled")).toBool(), true);

        QCOMPARE(run({S("keys"), S("disable")}).code, 2);                          // neither ids nor --user
        QCOMPARE(run({S("keys"), S("disable"), k1, S("--user"), user}).code, 2);   // both
        r = run({S("keys"), S("revoke"), S("--user"), user});
        QCOMPARE(r.code, 2);
        QCOMPARE(keysOf(user).size(), 3);

        r = run({S("keys"), S("revoke"), k3, S("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.json().value(S("success")).toBool(), true);   // one id: the server's reply, as before
        r = run({S("keys"), S("revoke"), S("--user"), user, S("--yes"), S("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.array().size(), 2);
        QCOMPARE(keysOf(user).size(), 0);
        r = run({S("keys"), S("revoke"), S("--user"), S("no-such-user"), S("--yes")});
        QCOMPARE(r.code, 1);   // the user's keys cannot be listed: nothing sent
    }

    // Sessions: two other sessions of the admin and an unknown id; the two are revoked (their tokens
    // stop working), the unknown one is reported.
    void sessionsBulk()
    {
        const QString t1 = TestEnv::adminToken(&m_http, endpoint()), t2 = TestEnv::adminToken(&m_http, endpoint());
        QVERIFY(!t1.isEmpty() && !t2.isEmpty() && t1 != t2);
        const auto sessionId = [&](const QString &token) {
            AuthApi api(&m_http, endpoint());
            const auto r = awaitResult<SessionInfo>([&](QObject *c, auto cb) { api.getSession(token, c, cb); });
            return r && r->ok() ? r->value().sessionId : QString();
        };
        const QString s1 = sessionId(t1), s2 = sessionId(t2);
        QVERIFY(!s1.isEmpty() && !s2.isEmpty());
        Run r = run({S("sessions"), S("revoke"), s1, S("no-such-session"), s2, S("--json")});
        QCOMPARE(r.code, 1);
        QCOMPARE(rowFor(r.array(), s1).value(S("ok")).toBool(), true);
        QCOMPARE(rowFor(r.array(), s2).value(S("ok")).toBool(), true);
        QCOMPARE(rowFor(r.array(), S("no-such-session")).value(S("ok")).toBool(true), false);
        QCOMPARE(sessionId(t1), QString());
        QCOMPARE(sessionId(t2), QString());
        QCOMPARE(run({S("whoami")}).code, 0);   // this CLI's own session is untouched
    }

    // The new commands are in the one table: help, completion and the man page list them.
    void helpListsTheNewCommands()
    {
        const Run help = run({S("--help")});
        for (const char *c : {"users rename", "users disable", "users enable", "users delete", "keys disable", "keys enable"})
            QVERIFY2(help.out.contains(c), c);
        QVERIFY(run({S("completion"), S("bash")}).out.contains("rename"));
        QVERIFY(run({S("man")}).out.contains("users delete"));
        QVERIFY(run({S("help"), S("keys"), S("revoke")}).out.contains("--user"));
    }
};

QTEST_GUILESS_MAIN(TestCliLifecycleLive)
#include "tst_cli_lifecycle_live.moc"
