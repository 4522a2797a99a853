// HttpClient + AuthApi against an in-process fixture server: the failures a real server won't
// produce on demand (malformed JSON, 5xx, 429, huge bodies, silence), plus the header rules
// (no cookies, no cross-origin bearer, never both credentials, nothing secret in logs).
#include "FixtureServer.h"
#include "TestEnv.h"
#include "core/Logging.h"
#include "net/HttpClient.h"

#include <QJsonObject>
#include <QLocale>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>
#include <QTest>

namespace {
QStringList g_log;
QtMessageHandler g_previous = nullptr;
void captureLog(QtMsgType type, const QMessageLogContext &ctx, const QString &msg)
{
    g_log << msg;
    if (g_previous)
        g_previous(type, ctx, msg);
}

HttpResponse run(ApiCall *call, int timeoutMs = 10000)
{
    HttpResponse out;
    bool done = false;
    QObject ctx;
    call->onFinished(&ctx, [&](const HttpResponse &r) {
        out = r;
        done = true;
    });
    (void)QTest::qWaitFor([&] { return done; }, timeoutMs);
    if (!done)
        qWarning("request did not finish");
    return out;
}

// Reads each request in full (headers and Content-Length body), counts it, then hangs up without a
// byte of answer: the server did the work, the reply is lost. Qt's HTTP layer re-sends a request whose
// connection closes before the reply; for a POST that would do the work twice.
class HangUpServer : public QTcpServer
{
public:
    HangUpServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                ++connections;
                auto buf = std::make_shared<QByteArray>();
                connect(s, &QTcpSocket::readyRead, s, [this, s, buf] {
                    *buf += s->readAll();
                    const int end = buf->indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    qsizetype length = 0;
                    for (const QByteArray &line : buf->left(end).split('\n'))
                        if (line.toLower().startsWith("content-length:"))
                            length = line.mid(15).trimmed().toLongLong();
                    if (buf->size() < end + 4 + length)
                        return;
                    arrivals << buf->left(end + 4 + length);
                    buf->clear();
                    s->disconnectFromHost();   // no answer, a clean close
                });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
    QUrl url(const QString &path) const { return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(serverPort()).arg(path)); }
    QList<QByteArray> arrivals;
    int connections = 0;
};
} // namespace

class TestHttpFixture : public QObject
{
    Q_OBJECT
private:
    FixtureServer m_server;
    FixtureServer m_other;   // a second origin, for redirects

private slots:
    void initTestCase()
    {
        m_server.on(QStringLiteral("/ok"), [](const QHttpServerRequest &) {
            return FixtureServer::json(R"({"hello":"world"})", 200, {{"Set-Cookie", "better-auth.session_token=abc; Path=/"}});
        });
        m_server.on(QStringLiteral("/created"), [](const QHttpServerRequest &) {
            return FixtureServer::json(R"({"id":"k1"})", 201);
        });
        m_server.on(QStringLiteral("/unauthorized"), [](const QHttpServerRequest &) {
            return FixtureServer::json("", 401);
        });
        m_server.on(QStringLiteral("/ratelimited"), [](const QHttpServerRequest &) {
            return FixtureServer::json(R"({"message":"Too many requests. Please try again later."})", 429,
                                       {{"x-retry-after", "42"}});
        });
        m_server.on(QStringLiteral("/ratelimited-date"), [](const QHttpServerRequest &) {
            // Retry-After as an IMF-fixdate 5 s ahead (proxies and CDNs send this form).
            const QString date = QLocale::c().toString(QDateTime::currentDateTimeUtc().addSecs(5),
                                                       QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
            return FixtureServer::json(R"({"message":"slow down"})", 429, {{"Retry-After", date.toLatin1()}});
        });
        m_server.on(QStringLiteral("/boom"), [](const QHttpServerRequest &) {
            return FixtureServer::json(R"({"message":"internal"})", 500);
        });
        m_server.on(QStringLiteral("/malformed"), [](const QHttpServerRequest &) {
            return FixtureServer::json(R"({"users": [ {"id": 1, )", 200);
        });
        m_server.on(QStringLiteral("/huge"), [](const QHttpServerRequest &) {
            return FixtureServer::json("[" + QByteArray(3 * 1024 * 1024, ' ') + "]", 200);
        });
        m_server.on(QStringLiteral("/redirect-away"), [this](const QHttpServerRequest &) {
            QHttpServerResponse r(QHttpServerResponse::StatusCode::Found);
            r.addHeader("Location", m_other.url(QStringLiteral("/steal")).toEncoded());
            return r;
        });
        m_server.on(QStringLiteral("/api/auth/get-session"), [](const QHttpServerRequest &req) {
            if (req.value("Authorization") == "Bearer good-token")
                return FixtureServer::json(R"({"session":{"id":"s1","expiresAt":"2026-11-29T12:00:00.000Z"},"user":{"id":"u1","email":"admin@example.com","name":"Admin","role":"admin"}})");
            return FixtureServer::json("null");
        });
        m_server.on(QStringLiteral("/api/auth/get-session-bad"), [](const QHttpServerRequest &) {
            return FixtureServer::json(R"({"session":{"id":"s1"},"user":{"id":"u1"}})");
        });
        m_other.on(QStringLiteral("/steal"), [](const QHttpServerRequest &) { return FixtureServer::json("{}"); });
        QVERIFY(m_server.listen());
        QVERIFY(m_other.listen());
        g_previous = qInstallMessageHandler(captureLog);
        QLoggingCategory::setFilterRules(QStringLiteral("console.*=true"));
    }

    void cleanupTestCase()
    {
        qInstallMessageHandler(g_previous);
    }

    void successAndCreated()
    {
        HttpClient http;
        const HttpResponse r = run(http.get(m_server.url(QStringLiteral("/ok"))));
        QVERIFY(r.ok());
        QCOMPARE(r.json.object().value(QStringLiteral("hello")).toString(), QStringLiteral("world"));
        const HttpResponse c = run(http.post(m_server.url(QStringLiteral("/created")), QJsonObject{{QStringLiteral("a"), 1}}));
        QVERIFY2(c.ok(), qPrintable(c.error.userMessage()));
        QCOMPARE(c.status, 201);
    }

    void noCookiesNoOrigin()
    {
        HttpClient http;
        m_server.clearSeen();
        QVERIFY(run(http.get(m_server.url(QStringLiteral("/ok")))).ok());   // server sets a cookie
        QVERIFY(run(http.post(m_server.url(QStringLiteral("/created")), {})).ok());
        QCOMPARE(m_server.seen().size(), 2);
        for (const auto &s : m_server.seen()) {
            QVERIFY2(s.header("Cookie").isEmpty(), s.header("Cookie").constData());
            QVERIFY(s.header("Origin").isEmpty());
            QVERIFY(s.header("User-Agent").startsWith("pikku-admin/"));
        }
    }

    void errorMapping_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("retryAfter");
        QTest::newRow("401 empty json body") << "/unauthorized" << int(ApiError::Kind::Unauthorized) << 0;
        QTest::newRow("429 x-retry-after") << "/ratelimited" << int(ApiError::Kind::RateLimited) << 42;
        QTest::newRow("500") << "/boom" << int(ApiError::Kind::Server) << 0;
        QTest::newRow("malformed json") << "/malformed" << int(ApiError::Kind::BadResponse) << 0;
        QTest::newRow("unknown route 404") << "/nope" << int(ApiError::Kind::NotFound) << 0;
    }
    void errorMapping()
    {
        QFETCH(QString, path);
        QFETCH(int, kind);
        QFETCH(int, retryAfter);
        HttpClient http;
        const HttpResponse r = run(http.get(m_server.url(path)));
        QCOMPARE(int(r.error.kind), kind);
        QCOMPARE(int(r.error.retryAfter.count()), retryAfter);
        QVERIFY(!r.error.userMessage().isEmpty());
    }

    void retryAfterHttpDate()
    {
        HttpClient http;
        const HttpResponse r = run(http.get(m_server.url(QStringLiteral("/ratelimited-date"))));
        QCOMPARE(r.error.kind, ApiError::Kind::RateLimited);
        QVERIFY2(r.error.retryAfter.count() >= 4 && r.error.retryAfter.count() <= 6,
                 qPrintable(QString::number(r.error.retryAfter.count())));
    }

    void hugeResponseIsCut()
    {
        HttpClient http;
        http.setMaxResponseBytes(1024 * 1024);
        const HttpResponse r = run(http.get(m_server.url(QStringLiteral("/huge"))));
        QCOMPARE(r.error.kind, ApiError::Kind::BadResponse);
        QVERIFY2(r.error.detail.contains(QStringLiteral("larger than")), qPrintable(r.error.detail));
        QVERIFY(r.body.isEmpty());
    }

    void silentServerTimesOut()
    {
        SilentServer silent;
        QVERIFY(silent.listenLocal());
        HttpClient http;
        http.setDefaultTimeoutMs(300);
        QElapsedTimer t;
        t.start();
        const HttpResponse r = run(http.get(silent.url(QStringLiteral("/x"))));
        QCOMPARE(r.error.kind, ApiError::Kind::Timeout);
        QVERIFY(t.elapsed() >= 250);
        QVERIFY(t.elapsed() < 5000);
    }

    // Issue 10 item 6: one `keys mint` made two keys. A POST whose connection drops after it was sent
    // reaches the server once, and the caller is told it may have been carried out.
    void droppedPostIsNeverResent()
    {
        HangUpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        HttpClient http;
        const HttpResponse r = run(http.post(server.url(QStringLiteral("/console/api-keys/create")),
                                             QJsonObject{{QStringLiteral("name"), QStringLiteral("once")}}));
        QVERIFY(r.error.isError());
        // Qt reports the error only once its re-sends are spent, and each re-send was read by the fixture
        // before it hung up: the count is final when the reply is.
        QCOMPARE(server.arrivals.size(), 1);
        QVERIFY(server.arrivals.first().startsWith("POST /console/api-keys/create "));
        QVERIFY(server.arrivals.first().endsWith(R"({"name":"once"})"));
        QCOMPARE(r.error.kind, ApiError::Kind::Network);
        QVERIFY(r.error.replyMayBeLost());
        QVERIFY2(r.error.userMessage().contains(QStringLiteral("the connection dropped after the request was sent; it may have been carried out")),
                 qPrintable(r.error.userMessage()));
    }

    // The same on a kept-alive connection: a first POST answered, the second dropped.
    void droppedPostOnReusedConnectionIsNeverResent()
    {
        m_server.clearSeen();
        HttpClient http;
        QVERIFY(run(http.post(m_server.url(QStringLiteral("/created")), QJsonObject{})).ok());
        HangUpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        QVERIFY(run(http.get(m_server.url(QStringLiteral("/ok")))).ok());
        const HttpResponse r = run(http.post(server.url(QStringLiteral("/x")), QJsonObject{{QStringLiteral("n"), 2}}));
        QCOMPARE(server.arrivals.size(), 1);
        QVERIFY(r.error.replyMayBeLost());
    }

    // A GET is idempotent: Qt may re-send it, and it still fails clearly when the server never answers.
    void droppedGetFailsClearly()
    {
        HangUpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        HttpClient http;
        const HttpResponse r = run(http.get(server.url(QStringLiteral("/x"))));
        QCOMPARE(r.error.kind, ApiError::Kind::Network);
        QVERIFY(!server.arrivals.isEmpty());
    }

    // A server that never goes silent (a byte every 200 ms) but never finishes: the inactivity timeout
    // never fires, the total deadline does, with a clear message; a 2xx status line already received
    // does not turn the cut-off body into a success.
    void tricklingServerHitsDeadline_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<QByteArray>("trickle");
        QTest::newRow("trickled status line") << QByteArray()
                                              << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                                            "Content-Length: 20\r\n\r\n{\"hello\":\"world!!\"}");
        // The headers (a 200) arrive at once, the body crawls.
        QTest::newRow("trickled body after a 200") << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                                                 "Content-Length: 400\r\n\r\n")
                                                   << QByteArray(400, ' ');
        QTest::newRow("endless headers") << QByteArray("HTTP/1.1 200 OK\r\n") << QByteArray(2000, 'X');
    }
    void tricklingServerHitsDeadline()
    {
        QFETCH(QByteArray, head);
        QFETCH(QByteArray, trickle);
        TricklingServer server(trickle, 200, head);
        QVERIFY(server.listenLocal());
        HttpClient http;
        // Inactivity: longer than the deadline (Qt does not count header bytes as progress, so its
        // transfer timeout alone would end a trickled status line, but never a trickled body).
        http.setDefaultTimeoutMs(5000);
        http.setDefaultDeadlineMs(1500);
        QCOMPARE(http.defaultDeadlineMs(), 1500);
        QElapsedTimer t;
        t.start();
        const HttpResponse r = run(http.get(server.url(QStringLiteral("/x"))), 20000);
        const qint64 elapsed = t.elapsed();
        QCOMPARE(r.error.kind, ApiError::Kind::Timeout);
        QCOMPARE(r.status, 0);
        QVERIFY(r.body.isEmpty());
        QVERIFY(r.error.replyMayBeLost());
        QCOMPARE(r.error.userMessage(), QStringLiteral("The server did not finish its reply within 1500 ms."));
        QVERIFY2(elapsed >= 1400 && elapsed < 4000, qPrintable(QString::number(elapsed)));
        QVERIFY2(server.bytesSent() >= 4, qPrintable(QString::number(server.bytesSent())));   // it really trickled
    }

    void deadlineMessageInSeconds()
    {
        ApiError e = ApiError::make(ApiError::Kind::Timeout);
        e.deadline = std::chrono::milliseconds(30000);
        QCOMPARE(e.userMessage(), QStringLiteral("The server did not finish its reply within 30 s."));
    }

    void fastReplyWithinDeadline()
    {
        HttpClient http;
        http.setDefaultDeadlineMs(5000);
        const HttpResponse r = run(http.get(m_server.url(QStringLiteral("/ok"))));
        QVERIFY2(r.ok(), qPrintable(r.error.userMessage()));
    }

    void userAbortIsCancelled()
    {
        SilentServer silent;
        QVERIFY(silent.listenLocal());
        HttpClient http;
        ApiCall *call = http.get(silent.url(QStringLiteral("/x")));
        QTimer::singleShot(50, call, &ApiCall::abort);
        const HttpResponse r = run(call);
        QCOMPARE(r.error.kind, ApiError::Kind::Cancelled);
    }

    void unreachableIsNetwork()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();   // nothing listens there now
        HttpClient http;
        const HttpResponse r = run(http.get(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port))));
        QCOMPARE(r.error.kind, ApiError::Kind::Network);
        QVERIFY(r.error.userMessage().contains(QStringLiteral("Cannot reach")));
    }

    void insecureRemoteHttpNeverLeaves()
    {
        HttpClient http;
        const HttpResponse r = run(http.get(QUrl(QStringLiteral("http://admin.example.invalid/api/auth/ok"))));
        QCOMPARE(r.error.kind, ApiError::Kind::InsecureUrl);
    }

    void bothCredentialsRefused()
    {
        HttpClient http;
        m_server.clearSeen();
        RequestOptions o;
        o.credentials.bearer = "t";
        o.credentials.apiKey = "k";
        const HttpResponse r = run(http.get(m_server.url(QStringLiteral("/ok")), o));
        QCOMPARE(r.error.kind, ApiError::Kind::Validation);
        QCOMPARE(m_server.seen().size(), 0);
    }

    // A session token is bound to its issuer's origin in the one place that attaches it: asked to send it
    // to another origin (host or port), HttpClient refuses before anything leaves; an API key is not bound.
    void bearerIsNeverSentToAnotherOrigin()
    {
        HttpClient http;
        m_other.clearSeen();
        const HttpResponse r = run(http.get(m_other.url(QStringLiteral("/ok")),
                                            RequestOptions{Credentials::person(QStringLiteral("secret-token-xyz"), m_server.url()), false, -1}));
        QCOMPARE(r.error.kind, ApiError::Kind::Validation);
        QVERIFY(r.error.userMessage().contains(QStringLiteral("never sent")));
        QCOMPARE(m_other.seen().size(), 0);
        // The same token to its own origin goes out.
        m_server.clearSeen();
        (void)run(http.get(m_server.url(QStringLiteral("/ok")),
                           RequestOptions{Credentials::person(QStringLiteral("secret-token-xyz"), m_server.url()), false, -1}));
        QCOMPARE(m_server.seen().size(), 1);
        QCOMPARE(m_server.seen().first().header("Authorization"), QByteArray("Bearer secret-token-xyz"));
    }

    void bearerNeverFollowsCrossOriginRedirect()
    {
        HttpClient http;
        m_other.clearSeen();
        const HttpResponse r = run(http.get(m_server.url(QStringLiteral("/redirect-away")),
                                            RequestOptions{Credentials::person(QStringLiteral("secret-token-xyz"), m_server.url()), false, -1}));
        QVERIFY(!r.ok());
        for (const auto &s : m_other.seen())
            QVERIFY(s.header("Authorization").isEmpty());
        QCOMPARE(m_other.seen().size(), 0);
    }

    void getSessionNullIsUnauthorized()
    {
        HttpClient http;
        AuthApi api(&http, TestEnv::endpointFor(m_server.url()));
        const auto good = awaitResult<SessionInfo>([&](QObject *c, auto cb) { api.getSession(QStringLiteral("good-token"), c, cb); });
        QVERIFY(good && good->ok());
        QCOMPARE(good->value().user.email, QStringLiteral("admin@example.com"));
        const auto dead = awaitResult<SessionInfo>([&](QObject *c, auto cb) { api.getSession(QStringLiteral("dead-token"), c, cb); });
        QVERIFY(dead && !dead->ok());
        QCOMPARE(dead->error().kind, ApiError::Kind::Unauthorized);
    }

    void secretsNeverLogged()
    {
        g_log.clear();
        HttpClient http;
        AuthApi api(&http, TestEnv::endpointFor(m_server.url()));
        awaitResult<SessionInfo>([&](QObject *c, auto cb) { api.getSession(QStringLiteral("good-token"), c, cb); });
        run(http.get(m_server.url(QStringLiteral("/ok?token=query-secret")), RequestOptions{Credentials::machine(QStringLiteral("key-secret-abc")), false, -1}));
        QVERIFY(!g_log.isEmpty());   // requests are logged...
        for (const QString &line : g_log) {   // ...but never credentials or queries
            QVERIFY2(!line.contains(QStringLiteral("good-token")), qPrintable(line));
            QVERIFY2(!line.contains(QStringLiteral("key-secret-abc")), qPrintable(line));
            QVERIFY2(!line.contains(QStringLiteral("query-secret")), qPrintable(line));
            QVERIFY2(!line.contains(QStringLiteral("Authorization"), Qt::CaseInsensitive), qPrintable(line));
        }
    }
};

QTEST_GUILESS_MAIN(TestHttpFixture)
#include "tst_http_fixture.moc"
