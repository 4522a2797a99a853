// Issue 14 part 2 (h-cli): the CLI's parity with the GUI and its habits, against the real dev server (real
// better-auth, real SQLite, 25 seeded keys) and the real keyring: keys update with every field of the edit
// dialog, paging (--limit, --offset, --cursor, --all with progress), last use in keys list, /console/info's
// warnings, sessions watch, servers list|add|remove|use, status, JSON errors, completion and the man page.
#include "DevServer.h"
#include "TestEnv.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include <signal.h>

class TestCliParityLive : public QObject
{
    Q_OBJECT
private:
    DevServer m_server{[] {
        DevServer::Options o;
        o.extraArgs = {QStringLiteral("--seed-keys"), QStringLiteral("25")};
        return o;
    }()};
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

    std::unique_ptr<QProcess> start(const QStringList &args, const QString &service = {})
    {
        auto p = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PIKKU_ADMIN_KEYCHAIN_SERVICE"), service.isEmpty() ? m_service : service);
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

    Run run(const QStringList &args, const QString &service = {})
    {
        auto p = start(args, service);
        Run r;
        r.code = finish(p.get());
        r.out = p->readAllStandardOutput();
        r.err = p->readAllStandardError();
        return r;
    }

    static QString S(const char *s) { return QString::fromUtf8(s); }

    // A fresh key of the test's service user, minted through the CLI; returns its id.
    QString mint(const QString &name)
    {
        const Run r = run({S("keys"), S("mint"), S("--user"), m_userId, S("--name"), name, S("--rate-limit"), S("off"), S("--json")});
        if (r.code != 0)
            qWarning("mint: %s", r.err.constData());
        return r.json().value(S("apiKey")).toObject().value(S("id")).toString();
    }

    QJsonObject stderrJson(const Run &r)
    {
        const QList<QByteArray> lines = r.err.trimmed().split('\n');
        return lines.size() == 1 ? QJsonDocument::fromJson(lines.first()).object() : QJsonObject{};
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
        const Run user = run({S("users"), S("create"), S("parity-agent"), S("--json")});
        QCOMPARE(user.code, 0);
        m_userId = user.json().value(S("user")).toObject().value(S("id")).toString();
        QVERIFY(!m_userId.isEmpty());
    }

    // Item 1: every field the edit dialog edits, through the same ConsoleApi::updateApiKey.
    void keysUpdateTakesEveryField()
    {
        const QString id = mint(S("to-edit"));
        QVERIFY(!id.isEmpty());
        Run r = run({S("keys"), S("update"), id, S("--name"), S("edited"), S("--disable"), S("--expires"), S("40d"),
                     S("--permission"), S("files=read,write"), S("--permission"), S("audit=read"), S("--metadata"), S("team=ops"),
                     S("--rate-limit"), S("100/1h"), S("--remaining"), S("7"), S("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        QJsonObject k = r.json().value(S("apiKey")).toObject();
        QCOMPARE(k.value(S("name")).toString(), S("edited"));
        QCOMPARE(k.value(S("enabled")).toBool(true), false);
        QCOMPARE(k.value(S("permissions")).toObject().value(S("files")).toArray(), (QJsonArray{S("read"), S("write")}));
        QCOMPARE(k.value(S("permissions")).toObject().value(S("audit")).toArray(), QJsonArray{S("read")});
        QCOMPARE(k.value(S("metadata")).toObject().value(S("team")).toString(), S("ops"));
        QCOMPARE(k.value(S("rateLimitEnabled")).toBool(), true);
        QCOMPARE(k.value(S("rateLimitMax")).toInt(), 100);
        QCOMPARE(k.value(S("rateLimitTimeWindow")).toInt(), 3600);
        QCOMPARE(k.value(S("remaining")).toInt(), 7);
        const QDateTime expires = QDateTime::fromString(k.value(S("expiresAt")).toString(), Qt::ISODate);
        QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(expires) - 40 * 86400) < 600);

        // and back: enable, no permissions, no metadata, no expiry, no rate limit
        r = run({S("keys"), S("update"), id, S("--enable"), S("--no-permissions"), S("--no-metadata"), S("--no-expiry"),
                 S("--rate-limit"), S("off"), S("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        k = r.json().value(S("apiKey")).toObject();
        QCOMPARE(k.value(S("enabled")).toBool(), true);
        QVERIFY(k.value(S("permissions")).toObject().isEmpty() || k.value(S("permissions")).isNull());
        QVERIFY(k.value(S("metadata")).toObject().isEmpty() || k.value(S("metadata")).isNull());
        QVERIFY(k.value(S("expiresAt")).isNull());
        QCOMPARE(k.value(S("rateLimitEnabled")).toBool(true), false);

        // nothing to change, or contradicting flags: usage errors before anything is sent
        QCOMPARE(run({S("keys"), S("update"), id}).code, 2);
        QCOMPARE(run({S("keys"), S("update"), id, S("--metadata"), S("a=b"), S("--no-metadata")}).code, 2);
        QCOMPARE(run({S("keys"), S("update"), id, S("--remaining"), S("-1")}).code, 2);
    }

    // Item 2: paging. 25 seeded keys (plus ours): --all walks every page, --cursor and --offset one page.
    void listsPage()
    {
        const Run first = run({S("keys"), S("list"), S("--limit"), S("1000"), S("--json")});
        QCOMPARE(first.code, 0);
        const int total = first.json().value(S("total")).toInt();
        QVERIFY2(total >= 25, first.out.constData());
        QSet<QString> everyId;
        for (const QJsonValue &v : first.json().value(S("apiKeys")).toArray())
            everyId.insert(v.toObject().value(S("id")).toString());

        // --all in pages of 7: the same rows, once each, one document; a progress line per page on stderr
        Run all = run({S("keys"), S("list"), S("--all"), S("--limit"), S("7"), S("--json")});
        QVERIFY2(all.code == 0, all.err.constData());
        QSet<QString> walked;
        const QJsonArray rows = all.json().value(S("apiKeys")).toArray();
        for (const QJsonValue &v : rows)
            walked.insert(v.toObject().value(S("id")).toString());
        QCOMPARE(rows.size(), total);
        QCOMPARE(walked, everyId);
        QCOMPARE(all.json().value(S("total")).toInt(), total);
        QVERIFY2(all.err.contains("fetched 7 of"), all.err.constData());
        // one per page that has a next one (a last full page may be followed by an empty one)
        QVERIFY2(all.err.count("fetched ") >= (total + 6) / 7 - 1 && all.err.count("fetched ") <= (total + 6) / 7, all.err.constData());

        // human --all: rows streamed, the same count
        all = run({S("keys"), S("list"), S("--all"), S("--limit"), S("10")});
        QCOMPARE(all.code, 0);
        QCOMPARE(int(all.out.trimmed().split('\n').size()), total);

        // --cursor '' then the reply's nextCursor: two disjoint pages in order
        const Run c1 = run({S("keys"), S("list"), S("--limit"), S("5"), S("--cursor"), QString(), S("--json")});
        QVERIFY2(c1.code == 0, c1.err.constData());
        const QString next = c1.json().value(S("nextCursor")).toString();
        QVERIFY(!next.isEmpty());
        QCOMPARE(c1.json().value(S("apiKeys")).toArray().size(), 5);
        const Run c2 = run({S("keys"), S("list"), S("--limit"), S("5"), S("--cursor"), next, S("--json")});
        QCOMPARE(c2.code, 0);
        const QJsonArray a1 = c1.json().value(S("apiKeys")).toArray(), a2 = c2.json().value(S("apiKeys")).toArray();
        QCOMPARE(a2.size(), 5);
        for (const QJsonValue &v : a2)
            QVERIFY(!a1.contains(v));
        // offset paging: the second page of five
        const Run o2 = run({S("keys"), S("list"), S("--limit"), S("5"), S("--offset"), S("5"), S("--json")});
        QCOMPARE(o2.code, 0);
        QCOMPARE(o2.json().value(S("apiKeys")).toArray().size(), 5);
        QVERIFY(!o2.json().contains(S("nextCursor")));
        // human: the next page is named on stderr
        const Run h = run({S("keys"), S("list"), S("--limit"), S("5"), S("--cursor"), QString()});
        QVERIFY2(h.err.contains("next page: --cursor "), h.err.constData());
        // a cursor the server did not issue: its 400, exit 1
        QCOMPARE(run({S("keys"), S("list"), S("--cursor"), S("garbage")}).code, 1);
        QCOMPARE(run({S("keys"), S("list"), S("--cursor"), QString(), S("--offset"), S("3")}).code, 2);
        QCOMPARE(run({S("keys"), S("list"), S("--all"), S("--offset"), S("3")}).code, 2);

        // users and sessions take the same options
        const Run users = run({S("users"), S("list"), S("--all"), S("--limit"), S("1"), S("--json")});
        QVERIFY2(users.code == 0, users.err.constData());
        QCOMPARE(users.json().value(S("users")).toArray().size(), users.json().value(S("total")).toInt());
        QVERIFY(users.json().value(S("total")).toInt() >= 1);
        const Run sessions = run({S("sessions"), S("list"), S("--all"), S("--limit"), S("1"), S("--json")});
        QVERIFY2(sessions.code == 0, sessions.err.constData());
        QVERIFY(!sessions.json().value(S("sessions")).toArray().isEmpty());
        QCOMPARE(sessions.json().value(S("sessions")).toArray().size(), sessions.json().value(S("total")).toInt());
    }

    // Item 2: human keys list shows the request count and the last use; a key used once shows its time.
    void keysListShowsLastUse()
    {
        const Run minted = run({S("keys"), S("mint"), S("--user"), m_userId, S("--name"), S("used-once"), S("--rate-limit"), S("100/1h"), S("--json")});
        QCOMPARE(minted.code, 0);
        const QString id = minted.json().value(S("apiKey")).toObject().value(S("id")).toString();
        const QString secret = minted.json().value(S("key")).toString();
        Run r = run({S("keys"), S("list"), S("--user"), m_userId});
        QCOMPARE(r.code, 0);
        QByteArray row;
        for (const QByteArray &l : r.out.split('\n'))
            if (l.startsWith(id.toUtf8()))
                row = l;
        QVERIFY2(row.contains("requests=0") && row.contains("last=never"), row.constData());
        QVERIFY(!TestEnv::keyOwner(&m_http, endpoint(), secret).isEmpty());   // one use of the key
        r = run({S("keys"), S("list"), S("--user"), m_userId});
        for (const QByteArray &l : r.out.split('\n'))
            if (l.startsWith(id.toUtf8()))
                row = l;
        QVERIFY2(!row.contains("last=never") && row.contains("last=20"), row.constData());
    }

    // Item 3: the warnings come from /console/info (the dev server: 1 day to 365 days, 10 per day).
    void warningsComeFromConsoleInfo()
    {
        Run r = run({S("keys"), S("mint"), S("--user"), m_userId, S("--name"), S("defaults")});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(r.err.contains("the server's default applies (10 requests per day"), r.err.constData());
        r = run({S("keys"), S("mint"), S("--user"), m_userId, S("--name"), S("short"), S("--rate-limit"), S("off"), S("--expires"), S("2h")});
        QVERIFY2(r.err.contains("outside what the server allows (1d to 365d)"), r.err.constData());
        QVERIFY(!r.err.contains("no --rate-limit"));
    }

    // Item 4: sessions watch prints the live channel's events as JSON lines.
    void sessionsWatchPrintsEvents()
    {
        auto watch = start({S("sessions"), S("watch"), S("--count"), S("1"), S("--timeout"), S("30")});
        QVERIFY(QTest::qWaitFor([&] { return watch->readAllStandardError().contains("watching") || watch->state() == QProcess::NotRunning; }, 20000));
        QVERIFY(watch->state() == QProcess::Running);
        const QString id = mint(S("watched"));
        QVERIFY(!id.isEmpty());
        QCOMPARE(finish(watch.get()), 0);
        const QList<QByteArray> lines = watch->readAllStandardOutput().trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        const QJsonObject e = QJsonDocument::fromJson(lines.first()).object();
        QCOMPARE(e.value(S("topic")).toString(), S("sessions"));
        QCOMPARE(e.value(S("event")).toString(), S("key.created"));
        QCOMPARE(e.value(S("data")).toObject().value(S("id")).toString(), id);
        QVERIFY(!lines.first().contains("\"key\":"));   // never the secret

        // not signed in: exit 3 before any channel
        QCOMPARE(run({S("sessions"), S("watch"), S("--timeout"), S("5")}, S("pikku-admin-test-nobody")).code, 3);
    }

    // h-noplugin: Ctrl-C / SIGTERM end `sessions watch` cleanly (events so far printed, a normal close, exit 0),
    // like tst_cli_admin_live::channelStopsCleanlyOnSignals for `channel`.
    void sessionsWatchStopsCleanlyOnSignals_data()
    {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGINT") << int(SIGINT);
        QTest::newRow("SIGTERM") << int(SIGTERM);
    }
    void sessionsWatchStopsCleanlyOnSignals()
    {
        QFETCH(int, signal);
        auto watch = start({S("sessions"), S("watch")});   // no --count, no --timeout: runs until stopped
        QByteArray err;
        QVERIFY(QTest::qWaitFor([&] {
            err += watch->readAllStandardError();
            return err.contains("watching") || watch->state() == QProcess::NotRunning;
        }, 20000));
        QCOMPARE(watch->state(), QProcess::Running);
        const QString id = mint(S("watched-then-stopped"));
        QVERIFY(!id.isEmpty());
        QByteArray out;
        QVERIFY(QTest::qWaitFor([&] {
            out += watch->readAllStandardOutput();
            return out.contains(id.toUtf8()) || watch->state() == QProcess::NotRunning;
        }, 15000));
        QCOMPARE(watch->state(), QProcess::Running);   // still subscribed, waiting for more
        if (signal == SIGTERM)
            watch->terminate();
        else
            ::kill(pid_t(watch->processId()), SIGINT);
        QCOMPARE(finish(watch.get()), 0);   // a normal exit, not killed by the signal (no time limit of its own)
        out += watch->readAllStandardOutput();
        const QList<QByteArray> lines = out.trimmed().split('\n');
        bool created = false;   // the mint's key.created among them (others, e.g. usage, may come too)
        for (const QByteArray &l : lines) {
            const QJsonObject e = QJsonDocument::fromJson(l).object();
            QCOMPARE(e.value(S("topic")).toString(), S("sessions"));   // every line whole: flushed before exit
            created |= e.value(S("event")).toString() == S("key.created") && e.value(S("data")).toObject().value(S("id")).toString() == id;
        }
        QVERIFY(created);
        err += watch->readAllStandardError();
        QVERIFY2(err.contains(QStringLiteral("interrupted after %1 events").arg(lines.size()).toUtf8()), err.constData());
    }

    // Items 5 and 6: servers over the GUI's profiles; status checks every saved one.
    void serversAndStatus()
    {
        Run r = run({S("servers"), S("list"), S("--json")});
        QCOMPARE(r.code, 0);
        QJsonArray list = r.json().value(S("servers")).toArray();
        QCOMPARE(list.size(), 1);   // login saved the dev server
        QCOMPARE(list.first().toObject().value(S("url")).toString(), endpoint().key());
        QCOMPARE(list.first().toObject().value(S("current")).toBool(), true);

        r = run({S("status"), S("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.json().value(S("healthy")).toBool(), true);
        const QJsonObject one = r.json().value(S("servers")).toArray().first().toObject();
        QCOMPARE(one.value(S("session")).toString(), S("valid"));
        QCOMPARE(one.value(S("keychain")).toString(), S("ok"));
        QCOMPARE(one.value(S("user")).toObject().value(S("email")).toString(), DevServer::adminEmail());
        QVERIFY(!one.value(S("expiresAt")).toString().isEmpty());

        // a second server, never signed in to (and not even listening): saved, listed, unhealthy
        r = run({S("servers"), S("add"), S("HTTP://127.0.0.1:9/"), S("--label"), S("nowhere"), S("--auth-path"), S("/api/auth")});
        QVERIFY2(r.code == 0, r.err.constData());
        r = run({S("servers"), S("list")});
        QVERIFY2(r.out.contains("http://127.0.0.1:9  nowhere"), r.out.constData());
        QVERIFY(r.out.contains("* " + endpoint().key().toUtf8()));
        r = run({S("status"), S("--json")});
        QCOMPARE(r.code, 1);
        QCOMPARE(r.json().value(S("healthy")).toBool(), false);
        list = r.json().value(S("servers")).toArray();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(1).toObject().value(S("session")).toString(), S("not-signed-in"));
        QCOMPARE(list.at(1).toObject().value(S("healthy")).toBool(true), false);
        r = run({S("status")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains("✓ " + endpoint().key().toUtf8()) && r.out.contains("✗ http://127.0.0.1:9"), r.out.constData());

        // use switches the current server; remove forgets it
        QCOMPARE(run({S("servers"), S("use"), S("http://127.0.0.1:9")}).code, 0);
        r = run({S("servers"), S("list"), S("--json")});
        QCOMPARE(r.json().value(S("servers")).toArray().at(1).toObject().value(S("current")).toBool(), true);
        QCOMPARE(run({S("servers"), S("use"), endpoint().key()}).code, 0);
        QCOMPARE(run({S("servers"), S("remove"), S("http://127.0.0.1:9")}).code, 0);
        QCOMPARE(run({S("servers"), S("remove"), S("http://127.0.0.1:9")}).code, 1);
        QCOMPARE(run({S("servers"), S("use"), S("https://unknown.example")}).code, 1);
        QCOMPARE(run({S("servers"), S("add"), S("ftp://x")}).code, 2);
        QCOMPARE(run({S("status")}).code, 0);
    }

    // Item 7: with --json an error is one JSON object on stderr; the exit codes stay.
    void jsonErrors()
    {
        Run r = run({S("keys"), S("revoke"), S("no-such-key"), S("--json")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.out.isEmpty());
        QJsonObject e = stderrJson(r).value(S("error")).toObject();
        QVERIFY2(!e.isEmpty(), r.err.constData());
        QCOMPARE(e.value(S("code")).toString(), S("NOT_FOUND"));
        QCOMPARE(e.value(S("status")).toInt(), 404);
        QVERIFY(!e.value(S("message")).toString().isEmpty());

        r = run({S("keys"), S("list"), S("--limit"), S("0"), S("--json")});
        QCOMPARE(r.code, 2);
        e = stderrJson(r).value(S("error")).toObject();
        QCOMPARE(e.value(S("code")).toString(), S("USAGE"));
        QVERIFY(e.value(S("status")).isNull());

        r = run({S("keys"), S("list"), S("--json")}, S("pikku-admin-test-nobody"));
        QCOMPARE(r.code, 3);
        e = stderrJson(r).value(S("error")).toObject();
        QVERIFY2(e.value(S("code")).toString() == S("NOT_SIGNED_IN"), r.err.constData());

        // without --json: the human line as before
        r = run({S("keys"), S("revoke"), S("no-such-key")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.startsWith("error: "));
    }

    // Item 7 and 8: --help lists the exit codes; completion scripts and the man page come from the
    // same table (every command and option in them) and are valid for their tools.
    void helpCompletionAndMan()
    {
        Run r = run({S("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("Exit codes:") && r.out.contains("  3 ") && r.out.contains("servers add URL") && r.out.contains("status"));
        r = run({S("keys"), S("list"), S("--help")});
        QVERIFY2(r.out.contains("Exit codes: 0 done, 1 failed, 2 usage, 3 not signed in, 4 code denied."), r.out.constData());
        QVERIFY(r.out.contains("--cursor CURSOR") && r.out.contains("--all"));

        QTemporaryDir dir;
        for (const QString &shell : {S("bash"), S("zsh"), S("fish")}) {
            r = run({S("completion"), shell});
            QCOMPARE(r.code, 0);
            for (const char *word : {"sessions", "watch", "servers", "status", "completion", "--cursor", "--no-metadata", "--remaining"}) {
                // fish names an option without its dashes: -l cursor
                const QByteArray w = shell == S("fish") && word[0] == '-' ? QByteArray("-l ") + (word + 2) : QByteArray(word);
                QVERIFY2(r.out.contains(w), qPrintable(shell + S(": ") + QLatin1String(word)));
            }
            const QString exe = QStandardPaths::findExecutable(shell);
            if (exe.isEmpty())
                continue;   // the shell is not installed here: its syntax is not checked
            const QString file = dir.filePath(shell);
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(r.out);
            f.close();
            QProcess check;
            check.start(exe, {shell == S("fish") ? S("--no-execute") : S("-n"), file});
            QVERIFY(check.waitForFinished(10000));
            QVERIFY2(check.exitCode() == 0, check.readAllStandardError().constData());
        }
        // bash: the script really completes (subcommands of keys, options of keys update)
        if (const QString bash = QStandardPaths::findExecutable(S("bash")); !bash.isEmpty()) {
            r = run({S("completion"), S("bash")});
            QFile f(dir.filePath(S("c.bash")));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(r.out);
            f.close();
            QProcess p;
            p.start(bash, {S("-c"), S("source '%1'; COMP_WORDS=(pikku-admin keys upd); COMP_CWORD=2; _pikku_admin; echo \"${COMPREPLY[*]}\";"
                                       " COMP_WORDS=(pikku-admin keys update ID --no-m); COMP_CWORD=4; _pikku_admin; echo \"${COMPREPLY[*]}\"")
                                        .arg(f.fileName())});
            QVERIFY(p.waitForFinished(10000));
            QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()), S("update\n--no-metadata\n"));
        }
        QCOMPARE(run({S("completion"), S("tcsh")}).code, 2);

        r = run({S("man")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith(".TH PIKKU\\-ADMIN 1"));
        for (const char *word : {".SH EXIT STATUS", "sessions watch", "servers remove", "\\-\\-cursor", "\\-\\-no\\-expiry"})
            QVERIFY2(r.out.contains(word), word);
        if (const QString groff = QStandardPaths::findExecutable(S("groff")); !groff.isEmpty()) {
            QProcess p;
            p.start(groff, {S("-man"), S("-Tutf8"), S("-ww"), S("-z")});
            p.write(r.out);
            p.closeWriteChannel();
            QVERIFY(p.waitForFinished(10000));
            QVERIFY2(p.readAllStandardError().isEmpty(), "groff warned about the man page");
        }
    }
};

QTEST_GUILESS_MAIN(TestCliParityLive)
#include "tst_cli_parity_live.moc"
