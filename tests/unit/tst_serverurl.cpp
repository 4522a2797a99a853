#include "core/Duration.h"
#include "core/ServerUrl.h"

#include <QDateTime>
#include <QTest>

class TestServerUrl : public QObject
{
    Q_OBJECT
private slots:
    void normalize_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << "http://127.0.0.1:3000" << "http://127.0.0.1:3000";
        QTest::newRow("trailing slash") << "http://127.0.0.1:3000/" << "http://127.0.0.1:3000";
        QTest::newRow("case") << "HTTPS://API.Example.COM/" << "https://api.example.com";
        QTest::newRow("default https port") << "https://api.example.com:443" << "https://api.example.com";
        QTest::newRow("default http port") << "http://localhost:80/" << "http://localhost";
        QTest::newRow("path prefix kept") << "https://example.com/Tenant/api//" << "https://example.com/Tenant/api";
        QTest::newRow("query, fragment, userinfo dropped") << "https://bob:pw@example.com/x?token=1#f" << "https://example.com/x";
        QTest::newRow("bare host") << "localhost:3000" << "http://localhost:3000";
        QTest::newRow("non-default port kept") << "https://example.com:8443" << "https://example.com:8443";
    }
    void normalize()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(ServerUrl::normalize(input), expected);
    }

    // The normal form is the keychain and settings key: normalizing it again must not change it.
    // fuzz_server_url found U+FFFF (a noncharacter) turned into U+FFFD on the second pass.
    void normalizeIsIdempotent_data()
    {
        QTest::addColumn<QString>("input");
        QTest::newRow("U+FFFF in the path") << QStringLiteral("https://h.example/a") + QChar(0xFFFF);
        QTest::newRow("%EF%BF%BF in the path") << QStringLiteral("https://h.example/a%EF%BF%BF/");
        QTest::newRow("the fuzz finding")
            << QString::fromUtf8(QByteArray("7/%20\xbf\xbf\xef\xbf\xbf\xbf\xbf:"));
        QTest::newRow("encoded space and slash") << QStringLiteral("https://h.example/a%20b%2F/");
        QTest::newRow("non-ASCII path") << QStringLiteral("https://h.example/p\u00e4\u00e4/");
    }

    void normalizeIsIdempotent()
    {
        QFETCH(QString, input);
        const QString once = ServerUrl::normalize(input);
        QCOMPARE(ServerUrl::normalize(once), once);
    }

    void transportPolicy_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<bool>("refused");
        QTest::newRow("loopback v4") << "http://127.0.0.1:3000" << false << false;
        QTest::newRow("loopback 127/8") << "http://127.3.2.1" << false << false;
        QTest::newRow("localhost") << "http://localhost:3000" << false << false;
        QTest::newRow("loopback v6") << "http://[::1]:3000" << false << false;
        QTest::newRow("remote http") << "http://api.example.com" << false << true;
        QTest::newRow("private range http") << "http://192.168.1.10" << false << true;
        QTest::newRow("remote http allowed") << "http://api.example.com" << true << false;
        QTest::newRow("remote https") << "https://api.example.com" << false << false;
        QTest::newRow("remote ws") << "ws://api.example.com/console/live" << false << true;
        QTest::newRow("remote wss") << "wss://api.example.com/console/live" << false << false;
        QTest::newRow("localhost lookalike") << "http://localhost.example.com" << false << true;
        // Core reads the IP literals itself (no QHostAddress below the net layer).
        QTest::newRow("loopback v6 long form") << "http://[0:0:0:0:0:0:0:1]:3000" << false << false;
        QTest::newRow("loopback v4 mapped") << "http://[::ffff:127.0.0.1]:3000" << false << false;
        QTest::newRow("v6 not loopback") << "http://[::2]:3000" << false << true;
        QTest::newRow("v4 mapped not loopback") << "http://[::ffff:10.0.0.1]" << false << true;
        QTest::newRow("128/8 not loopback") << "http://128.0.0.1" << false << true;
        QTest::newRow("127 as a name part") << "http://127.example.com" << false << true;
        QTest::newRow("five parts") << "http://127.0.0.0.1" << false << true;
    }
    void transportPolicy()
    {
        QFETCH(QString, url);
        QFETCH(bool, allowed);
        QFETCH(bool, refused);
        const ApiError e = ServerUrl::checkTransport(QUrl(url), allowed);
        QCOMPARE(e.kind == ApiError::Kind::InsecureUrl, refused);
    }

    void origins_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");
        QTest::newRow("ws twin") << "http://127.0.0.1:3000/api" << "ws://127.0.0.1:3000/console/live" << true;
        QTest::newRow("wss twin default port") << "https://api.example.com" << "wss://API.example.com:443/x" << true;
        QTest::newRow("other host") << "https://api.example.com" << "wss://other.host/x" << false;
        QTest::newRow("other port") << "http://127.0.0.1:3000" << "ws://127.0.0.1:3001/" << false;
        QTest::newRow("downgrade") << "https://api.example.com" << "ws://api.example.com:443/" << false;
        QTest::newRow("suffix trick") << "https://example.com" << "wss://example.com.evil.org/" << false;
        QTest::newRow("ftp") << "ftp://example.com" << "ftp://example.com" << false;
        QTest::newRow("empty") << "" << "" << false;
    }
    void origins()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        QCOMPARE(ServerUrl::sameOrigin(QUrl(a), QUrl(b)), same);
    }

    void browserUrls_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("openable");
        QTest::addColumn<bool>("sameOrigin");
        QTest::newRow("own page") << "http://127.0.0.1:3000/device?user_code=AB" << true << true;
        QTest::newRow("other host") << "https://phish.example/device" << true << false;
        QTest::newRow("javascript") << "javascript:alert(1)" << false << false;
        QTest::newRow("file") << "file:///etc/passwd" << false << false;
        QTest::newRow("custom scheme") << "x-terminal://run?cmd=rm" << false << false;
        QTest::newRow("user info") << "http://admin@127.0.0.1:3000/device" << false << false;
        QTest::newRow("backslash") << QStringLiteral("http://127.0.0.1:3000/\\x1b[2J") << false << false;
        QTest::newRow("real escape") << QStringLiteral("http://127.0.0.1:3000/") + QChar(0x1b) + QStringLiteral("[2J") << false << false;
        QTest::newRow("bidi override") << QStringLiteral("http://127.0.0.1:3000/") + QChar(0x202e) << false << false;
        QTest::newRow("empty") << "" << false << false;
        QTest::newRow("huge") << QStringLiteral("http://127.0.0.1:3000/") + QString(5000, QLatin1Char('a')) << false << false;
    }
    void browserUrls()
    {
        QFETCH(QString, text);
        QFETCH(bool, openable);
        QFETCH(bool, sameOrigin);
        const auto r = ServerUrl::checkBrowserUrl(text, QUrl(QStringLiteral("http://127.0.0.1:3000")));
        QCOMPARE(r.openable, openable);
        QCOMPARE(r.sameOrigin, sameOrigin);
        QCOMPARE(r.url.isValid(), openable);
        QCOMPARE(r.problem.isEmpty(), openable && sameOrigin);
    }

    void join()
    {
        QCOMPARE(ServerUrl::join(QUrl(QStringLiteral("https://h/prefix/")), QStringLiteral("/api/auth")).toString(),
                 QStringLiteral("https://h/prefix/api/auth"));
        ServerEndpoint e;
        e.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:3000"));
        e.authPath = QStringLiteral("/auth");
        QCOMPARE(e.authUrl(QStringLiteral("/get-session")).toString(), QStringLiteral("http://127.0.0.1:3000/auth/get-session"));
        QCOMPARE(e.authUrl(QStringLiteral("/device?user_code=AB")).toString(),
                 QStringLiteral("http://127.0.0.1:3000/auth/device?user_code=AB"));
        QCOMPARE(ServerUrl::normalizeAuthPath(QStringLiteral("api/auth/")), QStringLiteral("/api/auth"));
    }

    void durations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("seconds");
        QTest::newRow("bare") << "90" << qint64(90);
        QTest::newRow("s") << "45s" << qint64(45);
        QTest::newRow("m") << "90m" << qint64(5400);
        QTest::newRow("h") << "1h" << qint64(3600);
        QTest::newRow("d") << "30d" << qint64(2592000);
        QTest::newRow("upper") << "2H" << qint64(7200);
        QTest::newRow("bad unit") << "3y" << qint64(-1);
        QTest::newRow("negative") << "-5" << qint64(-1);
        QTest::newRow("empty") << "" << qint64(-1);
        QTest::newRow("junk") << "soon" << qint64(-1);
    }
    void durations()
    {
        QFETCH(QString, text);
        QFETCH(qint64, seconds);
        const auto parsed = parseDurationSeconds(text);
        if (seconds < 0)
            QVERIFY(!parsed.has_value());
        else
            QCOMPARE(parsed.value_or(-1), seconds);
    }

    void formatting()
    {
        QCOMPARE(formatDuration(3600), QStringLiteral("1h"));
        QCOMPARE(formatDuration(5400), QStringLiteral("1h 30m"));
        QCOMPARE(formatDuration(90061), QStringLiteral("1d 1h"));
        QCOMPARE(formatRelative(7 * 86400), QStringLiteral("in 7 days"));
        QCOMPARE(formatRelative(-120), QStringLiteral("2 minutes ago"));
        QCOMPARE(formatRelative(1), QStringLiteral("in 1 second"));
        QCOMPARE(formatRelative(7 * 86400 - 3600), QStringLiteral("in 7 days"));   // rounded, not floored
        QCOMPARE(formatRelative(89), QStringLiteral("in 1 minute"));
        QCOMPARE(formatRelative(91), QStringLiteral("in 2 minutes"));
        // The compact form reads back through the parser the CLI and the dialogs use.
        for (qint64 v : {qint64(45), qint64(90), qint64(5400), qint64(3600), qint64(86400), qint64(30 * 86400)})
            QCOMPARE(parseDurationSeconds(formatDurationCompact(v)), std::optional<qint64>(v));
        QCOMPARE(formatDurationCompact(5400), QStringLiteral("90m"));
        QCOMPARE(formatLocalTime(QDateTime()), QStringLiteral("—"));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(formatLocalTimeAndRelative(now.addDays(30), now),
                 now.addDays(30).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral(" (in 30 days)"));
        QCOMPARE(formatLocalTime(now, true).size(), 19);
    }
};

QTEST_GUILESS_MAIN(TestServerUrl)
#include "tst_serverurl.moc"
