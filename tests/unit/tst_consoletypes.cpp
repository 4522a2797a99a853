// The console API's types (console-api.md v1) parsed strictly: one valid object of each type with every
// value checked, then that object with one field missing, null, or of the wrong type. A bad field is an
// error that names it, never a silent default. The list and mint/rotate envelopes are parsed in
// ConsoleApi, so those are driven through it against an in-process fixture server.
#include "FixtureServer.h"
#include "FakeClock.h"
#include "core/ConsoleTypes.h"
#include "core/Session.h"
#include "net/ConsoleApi.h"
#include "net/HttpClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {
QJsonObject parse(const char *json)
{
    QJsonParseError pe;
    const QJsonDocument d = QJsonDocument::fromJson(QByteArray(json), &pe);
    if (pe.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(pe.errorString()));
    return d.object();
}

// Sets (or, with an undefined value, removes) a dotted path: "apiKey.rateLimit.timeWindow".
void setPath(QJsonObject &o, const QStringList &path, const QJsonValue &v)
{
    if (path.size() == 1) {
        if (v.isUndefined())
            o.remove(path.first());
        else
            o.insert(path.first(), v);
        return;
    }
    QJsonObject child = o.value(path.first()).toObject();
    setPath(child, path.mid(1), v);
    o.insert(path.first(), child);
}

QDateTime utc(int y, int mo, int d, int h, int mi, int s, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
}

const char *kServiceUser = R"({"id":"u1","name":"svc-ci","email":"ci@service.local","role":"service","banned":false,)"
R"(  "createdAt":"2026-11-22T12:00:00.123Z","apiKeyCount":3,"somethingNew":{"ignored":true}})";

const char *kApiKey = R"({"id":"k1","userId":"u1","name":"ci-deploy","start":"svc_Ab","prefix":"svc_","enabled":true,)"
R"(  "createdAt":"2026-11-22T12:00:00.000Z","updatedAt":"2026-11-22T12:30:05Z","expiresAt":"2026-12-22T12:00:00.250Z",)"
R"(  "lastRequest":null,"requestCount":7,"remaining":null,"rateLimitEnabled":true,"rateLimitMax":100,)"
R"(  "rateLimitTimeWindow":3600,"permissions":{"files":["read","write"],"ws":["connect"]},)"
R"(  "metadata":{"host":"ci-1","shard":2},"futureField":[1,2,3]})";

const char *kInfo = R"({"apiVersion":1,"serverVersion":"0.3.0","basePath":"/api/auth",)"
R"(  "plugins":{"deviceAuthorization":true,"bearer":true,"admin":true,"apiKey":true},)"
R"(  "apiKey":{"metadataEnabled":true,"minExpiresIn":3600,"maxExpiresIn":7776000,"defaultPrefix":null,)"
R"(            "rateLimit":{"enabled":true,"timeWindow":86400,"maxRequests":10}},)"
R"(  "deviceAuthorization":{"expiresIn":300,"interval":5},"serviceUserRole":"service",)"
R"(  "channels":[{"name":"echo","url":"ws://127.0.0.1:3000/echo","description":"other"},)"
R"(              {"name":"live","url":"ws://127.0.0.1:3000/console/live","description":"the console channel"}]})";

// Data columns shared by the three "one field changed" tests.
void mutationColumns()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");   // undefined: remove the field
    QTest::addColumn<QString>("error");      // empty: must parse
}
} // namespace

class TestConsoleTypes : public QObject
{
    Q_OBJECT
private:
    FixtureServer m_fixture;
    QByteArray m_reply;   // what the fixture answers next, for every console path
    FakeClock m_clock;
    HttpClient m_http;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<ConsoleApi> m_api;

    template<typename T>
    Result<T> viaApi(const std::function<ApiCall *(QObject *, ConsoleApi::Cb<T>)> &start)
    {
        QObject ctx;
        std::optional<Result<T>> out;
        start(&ctx, [&out](Result<T> r) { out.emplace(std::move(r)); });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 10000))
            return ApiError::make(ApiError::Kind::Timeout, QStringLiteral("test: no answer"));
        return *out;
    }

private slots:
    void initTestCase()
    {
        for (const char *p : {"/api/auth/console/api-keys", "/api/auth/console/api-keys/create",
                              "/api/auth/console/api-keys/rotate", "/api/auth/console/service-users"})
            m_fixture.on(QLatin1String(p), [this](const QHttpServerRequest &) { return FixtureServer::json(m_reply); });
        QVERIFY(m_fixture.listen());
        m_session = std::make_unique<Session>(&m_clock);
        ServerEndpoint e;
        e.baseUrl = m_fixture.url();
        e.allowInsecureHttp = true;
        SessionInfo info;
        info.sessionId = QStringLiteral("s1");
        info.expiresAt = m_clock.now().addDays(7);
        info.user.id = QStringLiteral("admin");
        m_session->set(e, QStringLiteral("test-token"), info, false);
        m_api = std::make_unique<ConsoleApi>(&m_http, m_session.get());
    }

    // ---- ServiceUser ----
    void serviceUserValid()
    {
        QString error;
        const auto u = ServiceUser::fromJson(parse(kServiceUser), &error);
        QVERIFY2(u, qPrintable(error));
        QCOMPARE(u->id, QStringLiteral("u1"));
        QCOMPARE(u->name, QStringLiteral("svc-ci"));
        QCOMPARE(u->email, QStringLiteral("ci@service.local"));
        QCOMPARE(u->role, QStringLiteral("service"));
        QCOMPARE(u->banned, false);
        QCOMPARE(u->createdAt, utc(2026, 11, 22, 12, 0, 0, 123));
        QCOMPARE(u->apiKeyCount, 3);
    }

    void serviceUserField_data()
    {
        mutationColumns();
        const QJsonValue gone(QJsonValue::Undefined);
        QTest::newRow("id missing") << "id" << gone << "field 'user.id' is missing";
        QTest::newRow("id null") << "id" << QJsonValue() << "field 'user.id' is not a string";
        QTest::newRow("id number") << "id" << QJsonValue(42) << "field 'user.id' is not a string";
        QTest::newRow("name number") << "name" << QJsonValue(1) << "field 'user.name' is not a string";
        QTest::newRow("name null") << "name" << QJsonValue() << "";
        QTest::newRow("email null") << "email" << QJsonValue() << "";
        QTest::newRow("email array") << "email" << QJsonValue(QJsonArray{"a@b"}) << "field 'user.email' is not a string";
        QTest::newRow("banned missing") << "banned" << gone << "field 'user.banned' is missing";
        QTest::newRow("banned as string") << "banned" << QJsonValue("false") << "field 'user.banned' is not a boolean";
        QTest::newRow("banned true") << "banned" << QJsonValue(true) << "";
        QTest::newRow("createdAt garbage") << "createdAt" << QJsonValue("yesterday") << "field 'user.createdAt' is not an ISO-8601 time";
        QTest::newRow("createdAt number") << "createdAt" << QJsonValue(1764000000) << "field 'user.createdAt' is not a string";
        QTest::newRow("createdAt no ms") << "createdAt" << QJsonValue("2026-11-22T12:00:00Z") << "";
        QTest::newRow("apiKeyCount missing") << "apiKeyCount" << gone << "field 'user.apiKeyCount' is missing";
        QTest::newRow("apiKeyCount as string") << "apiKeyCount" << QJsonValue("3") << "field 'user.apiKeyCount' is not a number";
        QTest::newRow("apiKeyCount object") << "apiKeyCount" << QJsonValue(QJsonObject{{"n", 3}}) << "field 'user.apiKeyCount' is not a number";
        // Range-checked: no overflow into int, no negative count, no fraction.
        QTest::newRow("apiKeyCount negative") << "apiKeyCount" << QJsonValue(-1) << "field 'user.apiKeyCount' is out of range (0..2147483647)";
        QTest::newRow("apiKeyCount 2^31") << "apiKeyCount" << QJsonValue(2147483648.0) << "field 'user.apiKeyCount' is out of range (0..2147483647)";
        QTest::newRow("apiKeyCount 1e300") << "apiKeyCount" << QJsonValue(1e300) << "field 'user.apiKeyCount' is out of range (0..2147483647)";
        QTest::newRow("apiKeyCount fraction") << "apiKeyCount" << QJsonValue(1.5) << "field 'user.apiKeyCount' is not a whole number";
        QTest::newRow("apiKeyCount 2^31-1") << "apiKeyCount" << QJsonValue(2147483647.0) << "";
    }
    void serviceUserField()
    {
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, error);
        QJsonObject o = parse(kServiceUser);
        setPath(o, path.split(QLatin1Char('.')), value);
        QString why = QStringLiteral("untouched");
        const auto u = ServiceUser::fromJson(o, &why);
        if (error.isEmpty()) {
            QVERIFY2(u, qPrintable(why));
            QCOMPARE(u->id, QStringLiteral("u1"));
        } else {
            QVERIFY(!u);
            QCOMPARE(why, error);
        }
    }

    // ---- ApiKey ----
    void apiKeyValid()
    {
        QString error;
        const auto k = ApiKey::fromJson(parse(kApiKey), &error);
        QVERIFY2(k, qPrintable(error));
        QCOMPARE(k->id, QStringLiteral("k1"));
        QCOMPARE(k->userId, QStringLiteral("u1"));
        QCOMPARE(k->name, QStringLiteral("ci-deploy"));
        QCOMPARE(k->start, QStringLiteral("svc_Ab"));
        QCOMPARE(k->prefix, QStringLiteral("svc_"));
        QCOMPARE(k->enabled, true);
        QCOMPARE(k->createdAt, utc(2026, 11, 22, 12, 0, 0));
        QCOMPARE(k->createdAt.timeSpec(), Qt::UTC);
        QCOMPARE(k->updatedAt, utc(2026, 11, 22, 12, 30, 5));
        QCOMPARE(k->expiresAt, utc(2026, 12, 22, 12, 0, 0, 250));
        QVERIFY(!k->lastRequest.isValid());
        QCOMPARE(k->requestCount, qint64(7));
        QVERIFY(!k->remaining.has_value());
        QCOMPARE(k->rateLimitEnabled, true);
        QVERIFY(k->rateLimitMax && k->rateLimitTimeWindow);
        QCOMPARE(*k->rateLimitMax, qint64(100));
        QCOMPARE(*k->rateLimitTimeWindow, qint64(3600));   // seconds, as the contract says
        QCOMPARE(k->rateLimitText(), QStringLiteral("100 / 1h"));
        Permissions expected;
        expected.insert(QStringLiteral("files"), {QStringLiteral("read"), QStringLiteral("write")});
        expected.insert(QStringLiteral("ws"), {QStringLiteral("connect")});
        QCOMPARE(k->permissions, expected);
        QCOMPARE(k->metadata, (QJsonObject{{"host", "ci-1"}, {"shard", 2}}));
        QVERIFY(!k->isExpired(utc(2026, 12, 22, 11, 59, 59)));
        QVERIFY(k->isExpired(utc(2026, 12, 22, 12, 0, 1)));
    }

    void apiKeyField_data()
    {
        mutationColumns();
        const QJsonValue gone(QJsonValue::Undefined);
        for (const char *f : {"id", "userId"}) {
            QTest::addRow("%s missing", f) << f << gone << QStringLiteral("field 'apiKey.%1' is missing").arg(QLatin1String(f));
            QTest::addRow("%s number", f) << f << QJsonValue(7) << QStringLiteral("field 'apiKey.%1' is not a string").arg(QLatin1String(f));
            QTest::addRow("%s null", f) << f << QJsonValue() << QStringLiteral("field 'apiKey.%1' is not a string").arg(QLatin1String(f));
        }
        QTest::newRow("enabled missing") << "enabled" << gone << "field 'apiKey.enabled' is missing";
        QTest::newRow("enabled as string") << "enabled" << QJsonValue("true") << "field 'apiKey.enabled' is not a boolean";
        QTest::newRow("enabled as number") << "enabled" << QJsonValue(1) << "field 'apiKey.enabled' is not a boolean";
        QTest::newRow("createdAt missing") << "createdAt" << gone << "field 'apiKey.createdAt' is missing";
        QTest::newRow("createdAt null") << "createdAt" << QJsonValue() << "field 'apiKey.createdAt' is not a string";
        QTest::newRow("createdAt garbage") << "createdAt" << QJsonValue("2026-13-45") << "field 'apiKey.createdAt' is not an ISO-8601 time";
        QTest::newRow("expiresAt null") << "expiresAt" << QJsonValue() << "";
        QTest::newRow("expiresAt missing") << "expiresAt" << gone << "";
        QTest::newRow("expiresAt number") << "expiresAt" << QJsonValue(1766404800000.0) << "field 'apiKey.expiresAt' is not a string";
        QTest::newRow("expiresAt garbage") << "expiresAt" << QJsonValue("next week") << "field 'apiKey.expiresAt' is not an ISO-8601 time";
        QTest::newRow("lastRequest object") << "lastRequest" << QJsonValue(QJsonObject()) << "field 'apiKey.lastRequest' is not a string";
        QTest::newRow("name null") << "name" << QJsonValue() << "";
        QTest::newRow("name array") << "name" << QJsonValue(QJsonArray{"x"}) << "field 'apiKey.name' is not a string";
        QTest::newRow("start number") << "start" << QJsonValue(5) << "field 'apiKey.start' is not a string";
        QTest::newRow("requestCount missing") << "requestCount" << gone << "field 'apiKey.requestCount' is missing";
        QTest::newRow("requestCount as string") << "requestCount" << QJsonValue("7") << "field 'apiKey.requestCount' is not a number";
        QTest::newRow("remaining as string") << "remaining" << QJsonValue("5") << "field 'apiKey.remaining' is not a number";
        QTest::newRow("remaining 0") << "remaining" << QJsonValue(0) << "";
        QTest::newRow("requestCount negative") << "requestCount" << QJsonValue(-7) << "field 'apiKey.requestCount' is out of range (0..9007199254740991)";
        QTest::newRow("requestCount 1e300") << "requestCount" << QJsonValue(1e300) << "field 'apiKey.requestCount' is out of range (0..9007199254740991)";
        QTest::newRow("requestCount 2^53-1") << "requestCount" << QJsonValue(9007199254740991.0) << "";
        QTest::newRow("requestCount fraction") << "requestCount" << QJsonValue(7.25) << "field 'apiKey.requestCount' is not a whole number";
        QTest::newRow("remaining negative") << "remaining" << QJsonValue(-1) << "field 'apiKey.remaining' is out of range (0..9007199254740991)";
        QTest::newRow("remaining -1e300") << "remaining" << QJsonValue(-1e300) << "field 'apiKey.remaining' is out of range (0..9007199254740991)";
        QTest::newRow("rateLimitMax 1e19") << "rateLimitMax" << QJsonValue(1e19) << "field 'apiKey.rateLimitMax' is out of range (0..9007199254740991)";
        QTest::newRow("rateLimitTimeWindow negative") << "rateLimitTimeWindow" << QJsonValue(-86400000) << "field 'apiKey.rateLimitTimeWindow' is out of range (0..9007199254740991)";
        QTest::newRow("rateLimitEnabled missing") << "rateLimitEnabled" << gone << "field 'apiKey.rateLimitEnabled' is missing";
        QTest::newRow("rateLimitEnabled null") << "rateLimitEnabled" << QJsonValue() << "field 'apiKey.rateLimitEnabled' is not a boolean";
        QTest::newRow("rateLimitMax as string") << "rateLimitMax" << QJsonValue("100") << "field 'apiKey.rateLimitMax' is not a number";
        QTest::newRow("rateLimitMax null") << "rateLimitMax" << QJsonValue() << "";
        QTest::newRow("rateLimitTimeWindow as string") << "rateLimitTimeWindow" << QJsonValue("1h") << "field 'apiKey.rateLimitTimeWindow' is not a number";
        QTest::newRow("rateLimitTimeWindow array") << "rateLimitTimeWindow" << QJsonValue(QJsonArray{3600}) << "field 'apiKey.rateLimitTimeWindow' is not a number";
        QTest::newRow("permissions null") << "permissions" << QJsonValue() << "";
        QTest::newRow("permissions array") << "permissions" << QJsonValue(QJsonArray{"files"}) << "field 'apiKey.permissions' is not an object";
        QTest::newRow("permissions string") << "permissions" << QJsonValue("{\"files\":[\"read\"]}") << "field 'apiKey.permissions' is not an object";
        QTest::newRow("permission actions a string") << "permissions.files" << QJsonValue("read") << "field 'apiKey.permissions.files' is not a list";
        QTest::newRow("permission actions an object") << "permissions.files" << QJsonValue(QJsonObject{{"read", true}}) << "field 'apiKey.permissions.files' is not a list";
        QTest::newRow("permission action a number") << "permissions.files" << QJsonValue(QJsonArray{"read", 2}) << "field 'apiKey.permissions.files' is not a list of strings";
        QTest::newRow("permission action null") << "permissions.files" << QJsonValue(QJsonArray{QJsonValue()}) << "field 'apiKey.permissions.files' is not a list of strings";
        QTest::newRow("metadata null") << "metadata" << QJsonValue() << "";
        QTest::newRow("metadata array") << "metadata" << QJsonValue(QJsonArray{"a"}) << "field 'apiKey.metadata' is not an object";
    }
    void apiKeyField()
    {
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, error);
        QJsonObject o = parse(kApiKey);
        setPath(o, path.split(QLatin1Char('.')), value);
        QString why = QStringLiteral("untouched");
        const auto k = ApiKey::fromJson(o, &why);
        if (error.isEmpty()) {
            QVERIFY2(k, qPrintable(why));
            QCOMPARE(k->id, QStringLiteral("k1"));
        } else {
            QVERIFY2(!k, qPrintable(QStringLiteral("accepted; wanted: ") + error));
            QCOMPARE(why, error);
        }
    }

    void apiKeyNulls()
    {
        QJsonObject o = parse(kApiKey);
        for (const char *f : {"name", "start", "prefix", "updatedAt", "expiresAt", "lastRequest", "remaining",
                              "rateLimitMax", "rateLimitTimeWindow", "permissions", "metadata"})
            o.insert(QLatin1String(f), QJsonValue());
        o.insert(QStringLiteral("rateLimitEnabled"), false);
        QString error;
        const auto k = ApiKey::fromJson(o, &error);
        QVERIFY2(k, qPrintable(error));
        QVERIFY(k->name.isEmpty() && k->start.isEmpty() && k->prefix.isEmpty());
        QVERIFY(!k->updatedAt.isValid() && !k->expiresAt.isValid() && !k->lastRequest.isValid());
        QVERIFY(!k->remaining && !k->rateLimitMax && !k->rateLimitTimeWindow);
        QVERIFY(k->permissions.isEmpty());
        QVERIFY(k->metadata.isEmpty());
        QVERIFY(!k->isExpired(utc(2100, 1, 1, 0, 0, 0)));   // no expiry never expires
        QCOMPARE(k->rateLimitText(), QStringLiteral("off"));
        o.insert(QStringLiteral("rateLimitEnabled"), true);
        QCOMPARE(ApiKey::fromJson(o)->rateLimitText(), QStringLiteral("on"));   // on, limits unknown
    }

    void isoTimes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        QTest::newRow("ms Z") << "2026-11-22T12:00:00.123Z" << utc(2026, 11, 22, 12, 0, 0, 123);
        QTest::newRow("no ms Z") << "2026-11-22T12:00:00Z" << utc(2026, 11, 22, 12, 0, 0);
        QTest::newRow("offset") << "2026-11-22T14:00:00+02:00" << utc(2026, 11, 22, 12, 0, 0);
        QTest::newRow("ms offset") << "2026-11-22T07:00:00.500-05:00" << utc(2026, 11, 22, 12, 0, 0, 500);
    }
    void isoTimes()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        QJsonObject o = parse(kApiKey);
        o.insert(QStringLiteral("createdAt"), text);
        const auto k = ApiKey::fromJson(o);
        QVERIFY(k);
        QCOMPARE(k->createdAt, expected);
        QCOMPARE(k->createdAt.timeSpec(), Qt::UTC);
    }

    // ---- ConsoleInfo ----
    void infoValid()
    {
        QString error;
        const auto i = ConsoleInfo::fromJson(parse(kInfo), &error);
        QVERIFY2(i, qPrintable(error));
        QCOMPARE(i->apiVersion, 1);
        QCOMPARE(i->serverVersion, QStringLiteral("0.3.0"));
        QCOMPARE(i->metadataEnabled, true);
        QCOMPARE(i->minExpiresIn, qint64(3600));
        QCOMPARE(i->maxExpiresIn, qint64(7776000));
        QCOMPARE(i->defaultRateLimitEnabled, true);
        QCOMPARE(i->defaultRateLimitWindow, qint64(86400));
        QCOMPARE(i->defaultRateLimitMax, qint64(10));
        QCOMPARE(i->liveChannelUrl, QStringLiteral("ws://127.0.0.1:3000/console/live"));   // by name, not position
    }

    void infoField_data()
    {
        mutationColumns();
        const QJsonValue gone(QJsonValue::Undefined);
        QTest::newRow("apiVersion missing") << "apiVersion" << gone << "field 'info.apiVersion' is missing";
        QTest::newRow("apiVersion as string") << "apiVersion" << QJsonValue("1") << "field 'info.apiVersion' is not a number";
        QTest::newRow("serverVersion number") << "serverVersion" << QJsonValue(3) << "field 'info.serverVersion' is not a string";
        QTest::newRow("apiKey array") << "apiKey" << QJsonValue(QJsonArray()) << "field 'info.apiKey' is not an object";
        QTest::newRow("metadataEnabled as string") << "apiKey.metadataEnabled" << QJsonValue("yes") << "field 'info.apiKey.metadataEnabled' is not a boolean";
        QTest::newRow("minExpiresIn as string") << "apiKey.minExpiresIn" << QJsonValue("1d") << "field 'info.apiKey.minExpiresIn' is not a number";
        QTest::newRow("rateLimit array") << "apiKey.rateLimit" << QJsonValue(QJsonArray()) << "field 'info.apiKey.rateLimit' is not an object";
        QTest::newRow("apiVersion 1e300") << "apiVersion" << QJsonValue(1e300) << "field 'info.apiVersion' is out of range (0..2147483647)";
        QTest::newRow("apiVersion fraction") << "apiVersion" << QJsonValue(1.5) << "field 'info.apiVersion' is not a whole number";
        QTest::newRow("minExpiresIn negative") << "apiKey.minExpiresIn" << QJsonValue(-1) << "field 'info.apiKey.minExpiresIn' is out of range (0..9007199254740991)";
        QTest::newRow("maxExpiresIn 1e300") << "apiKey.maxExpiresIn" << QJsonValue(1e300) << "field 'info.apiKey.maxExpiresIn' is out of range (0..9007199254740991)";
        QTest::newRow("rateLimit.maxRequests negative") << "apiKey.rateLimit.maxRequests" << QJsonValue(-10) << "field 'info.apiKey.rateLimit.maxRequests' is out of range (0..9007199254740991)";
        QTest::newRow("rateLimit.timeWindow as string") << "apiKey.rateLimit.timeWindow" << QJsonValue("86400") << "field 'info.apiKey.rateLimit.timeWindow' is not a number";
        QTest::newRow("rateLimit.enabled number") << "apiKey.rateLimit.enabled" << QJsonValue(0) << "field 'info.apiKey.rateLimit.enabled' is not a boolean";
        QTest::newRow("channels object") << "channels" << QJsonValue(QJsonObject{{"live", "ws://x"}}) << "field 'info.channels' is not a list";
        QTest::newRow("channels string") << "channels" << QJsonValue("ws://x/console/live") << "field 'info.channels' is not a list";
        QTest::newRow("channel url number") << "channels" << QJsonValue(QJsonArray{QJsonObject{{"name", "live"}, {"url", 5}}}) << "field 'info.channels.live.url' is not a string";
        QTest::newRow("channels null") << "channels" << QJsonValue() << "";
        QTest::newRow("channels missing") << "channels" << gone << "";
        QTest::newRow("unknown plugins shape") << "plugins" << QJsonValue("anything") << "";   // not read
        QTest::newRow("features object") << "features" << QJsonValue(QJsonObject{{"api-keys.requestId", true}}) << "field 'info.features' is not a list";
        QTest::newRow("features of numbers") << "features" << QJsonValue(QJsonArray{1}) << "field 'info.features' is not a list of names";
        QTest::newRow("features null") << "features" << QJsonValue() << "";
        QTest::newRow("maxOverlapSeconds as string") << "apiKey.maxOverlapSeconds" << QJsonValue("30d") << "field 'info.apiKey.maxOverlapSeconds' is not a number";
    }
    void infoField()
    {
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, error);
        QJsonObject o = parse(kInfo);
        setPath(o, path.split(QLatin1Char('.')), value);
        QString why = QStringLiteral("untouched");
        const auto i = ConsoleInfo::fromJson(o, &why);
        if (error.isEmpty()) {
            QVERIFY2(i, qPrintable(why));
            QCOMPARE(i->apiVersion, 1);
        } else {
            QVERIFY2(!i, qPrintable(QStringLiteral("accepted; wanted: ") + error));
            QCOMPARE(why, error);
        }
    }

    void infoDefaults()
    {
        // An older plugin without the apiKey block or channels: the conservative defaults (better-auth's own:
        // rate limit on, 10 per day), so the mint dialog still warns.
        const auto i = ConsoleInfo::fromJson(parse(R"({"apiVersion":1})"));
        QVERIFY(i);
        QCOMPARE(i->metadataEnabled, false);
        QCOMPARE(i->minExpiresIn, qint64(86400));
        QCOMPARE(i->maxExpiresIn, qint64(365 * 86400));
        QCOMPARE(i->defaultRateLimitEnabled, true);
        QCOMPARE(i->defaultRateLimitWindow, qint64(86400));
        QCOMPARE(i->defaultRateLimitMax, qint64(10));
        QVERIFY(i->liveChannelUrl.isEmpty());
        // A v1 server announces no features: no request id is sent to it.
        QVERIFY(i->features.isEmpty());
        QVERIFY(!i->takesRequestId());
        QVERIFY(!i->maxOverlapSeconds);
        QJsonObject withFeatures = parse(R"({"apiVersion":1,"features":["api-keys.requestId","live.recheck"],"apiKey":{"maxOverlapSeconds":2592000}})");
        QVERIFY(ConsoleInfo::fromJson(withFeatures)->takesRequestId());
        QCOMPARE(ConsoleInfo::fromJson(withFeatures)->maxOverlapSeconds, std::optional<qint64>(2592000));
        withFeatures.insert(QStringLiteral("features"), QJsonArray{QStringLiteral("live.recheck")});
        QVERIFY(!ConsoleInfo::fromJson(withFeatures)->takesRequestId());
        // Channels without a live one: no URL, no error.
        QJsonObject o = parse(kInfo);
        o.insert(QStringLiteral("channels"), QJsonArray{QJsonObject{{"name", "echo"}, {"url", "ws://x/echo"}}});
        QVERIFY(ConsoleInfo::fromJson(o)->liveChannelUrl.isEmpty());
    }

    // ---- envelopes parsed by ConsoleApi: {apiKey, key}, {apiKey, key, previous}, {apiKeys|users, total} ----
    void minted_data()
    {
        QTest::addColumn<bool>("rotate");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("error");   // substring; empty: must parse
        const QByteArray key = QByteArray(kApiKey);
        QTest::newRow("create") << false << "{\"apiKey\":" + key + ",\"key\":\"svc_secretsecret\"}" << "";
        QTest::newRow("create, extra field") << false << "{\"apiKey\":" + key + ",\"key\":\"svc_secretsecret\",\"warning\":\"x\"}" << "";
        QTest::newRow("rotate") << true << "{\"apiKey\":" + key + ",\"key\":\"svc_secretsecret\",\"previous\":" + key + "}" << "";
        QTest::newRow("key missing") << false << "{\"apiKey\":" + key + "}" << "no key";
        QTest::newRow("key a number") << false << "{\"apiKey\":" + key + ",\"key\":12345}" << "no key";
        QTest::newRow("key empty") << false << "{\"apiKey\":" + key + ",\"key\":\"\"}" << "no key";
        QTest::newRow("apiKey missing") << false << QByteArray(R"({"key":"svc_secretsecret"})") << "apiKey.id";
        QTest::newRow("apiKey a string") << false << QByteArray(R"({"apiKey":"k1","key":"svc_secretsecret"})") << "apiKey.id";
        QTest::newRow("apiKey bad field") << false << QByteArray(R"({"apiKey":{"id":"k1","userId":"u1","enabled":"yes"},"key":"s"})") << "apiKey.enabled";
        QTest::newRow("previous bad") << true << "{\"apiKey\":" + key + ",\"key\":\"s\",\"previous\":{\"id\":\"k0\"}}" << "apiKey.userId";
        QTest::newRow("previous null") << true << "{\"apiKey\":" + key + ",\"key\":\"s\",\"previous\":null}" << "apiKey.id";
    }
    void minted()
    {
        QFETCH(bool, rotate);
        QFETCH(QByteArray, body);
        QFETCH(QString, error);
        m_reply = body;
        const Result<MintedKey> r = viaApi<MintedKey>([&](QObject *c, ConsoleApi::Cb<MintedKey> cb) {
            return rotate ? m_api->rotateApiKey(QStringLiteral("k0"), 3600, c, cb) : m_api->createApiKey(KeyFields{}, c, cb);
        });
        if (error.isEmpty()) {
            QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().userMessage()));
            QCOMPARE(r.value().secret, QStringLiteral("svc_secretsecret"));
            QCOMPARE(r.value().apiKey.id, QStringLiteral("k1"));
            QCOMPARE(r.value().apiKey.permissions.value(QStringLiteral("ws")), QStringList{QStringLiteral("connect")});
            QCOMPARE(r.value().previous.has_value(), rotate);
        } else {
            QVERIFY(!r.ok());
            QCOMPARE(r.error().kind, ApiError::Kind::BadResponse);
            QVERIFY2(r.error().userMessage().contains(error) || r.error().serverMessage.contains(error),
                     qPrintable(r.error().userMessage()));
        }
    }

    void pages()
    {
        const QByteArray key = QByteArray(kApiKey);
        m_reply = "{\"apiKeys\":[" + key + "," + key + "],\"total\":250}";
        auto keys = viaApi<Page<ApiKey>>([&](QObject *c, ConsoleApi::Cb<Page<ApiKey>> cb) { return m_api->listApiKeys({}, 2, 0, c, cb); });
        QVERIFY(keys.ok());
        QCOMPARE(keys.value().total, 250);
        QCOMPARE(keys.value().items.size(), 2);
        QCOMPARE(keys.value().items.at(1).name, QStringLiteral("ci-deploy"));

        // One bad item fails the page, naming the field, instead of dropping the row.
        m_reply = "{\"apiKeys\":[" + key + ",{\"id\":\"k2\",\"userId\":\"u1\",\"enabled\":true,\"createdAt\":17}],\"total\":2}";
        keys = viaApi<Page<ApiKey>>([&](QObject *c, ConsoleApi::Cb<Page<ApiKey>> cb) { return m_api->listApiKeys({}, 2, 0, c, cb); });
        QVERIFY(!keys.ok());
        QCOMPARE(keys.error().kind, ApiError::Kind::BadResponse);
        QVERIFY2(keys.error().userMessage().contains(QStringLiteral("apiKey.createdAt")) || keys.error().serverMessage.contains(QStringLiteral("apiKey.createdAt")),
                 qPrintable(keys.error().userMessage()));

        m_reply = "{\"users\":[" + QByteArray(kServiceUser) + "],\"total\":1}";
        auto users = viaApi<Page<ServiceUser>>([&](QObject *c, ConsoleApi::Cb<Page<ServiceUser>> cb) { return m_api->listServiceUsers(50, 0, {}, c, cb); });
        QVERIFY(users.ok());
        QCOMPARE(users.value().total, 1);
        QCOMPARE(users.value().items.first().apiKeyCount, 3);
        m_reply = R"({"users":[{"id":"u2","banned":"no"}],"total":1})";
        users = viaApi<Page<ServiceUser>>([&](QObject *c, ConsoleApi::Cb<Page<ServiceUser>> cb) { return m_api->listServiceUsers(50, 0, {}, c, cb); });
        QVERIFY(!users.ok());
    }

    void pageEnvelopeStrictness_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("total missing") << QByteArray(R"({"apiKeys":[]})");
        QTest::newRow("total as string") << QByteArray(R"({"apiKeys":[],"total":"250"})");
        QTest::newRow("apiKeys missing") << QByteArray(R"({"total":3})");
        QTest::newRow("apiKeys an object") << QByteArray(R"({"apiKeys":{},"total":0})");
    }
    void pageEnvelopeStrictness()
    {
        // A missing or mistyped total or list is an error, not a silently empty or "complete" page.
        QFETCH(QByteArray, body);
        m_reply = body;
        const auto keys = viaApi<Page<ApiKey>>([&](QObject *c, ConsoleApi::Cb<Page<ApiKey>> cb) { return m_api->listApiKeys({}, 2, 0, c, cb); });
        QVERIFY(!keys.ok());
    }

    // ---- Key usage (h-usage): GET /console/api-keys/:id/usage, usage7d on a keys row, info.keyUsage ----
    static QJsonObject usageReply(int n, const QString &bucket = QStringLiteral("day"), int days = 3)
    {
        QJsonArray buckets;
        qint64 s = 0, f = 0;
        const QDateTime start = QDateTime(QDate(2026, 12, 1), QTime(0, 0), Qt::UTC);
        for (int i = 0; i < n; ++i) {
            const QDateTime t = bucket == QLatin1String("hour") ? start.addSecs(3600 * i) : start.addDays(i);
            buckets << QJsonObject{{"start", t.toString(Qt::ISODateWithMs)}, {"success", i + 1}, {"failure", i}, {"rateLimited", 0}};
            s += i + 1;
            f += i;
        }
        return QJsonObject{{"keyId", "k1"}, {"bucket", bucket}, {"days", days}, {"flushSeconds", 10}, {"buckets", buckets},
                           {"total", QJsonObject{{"success", double(s)}, {"failure", double(f)}, {"rateLimited", 0}}}};
    }

    void keyUsageValid()
    {
        QString error;
        const auto u = KeyUsage::fromJson(usageReply(3), &error);
        QVERIFY2(u, qPrintable(error));
        QCOMPARE(u->keyId, QStringLiteral("k1"));
        QCOMPARE(u->bucket, KeyUsage::Bucket::Day);
        QCOMPARE(u->days, 3);
        QCOMPARE(u->flushSeconds, qint64(10));
        QCOMPARE(u->buckets.size(), 3);
        QCOMPARE(u->buckets.at(2).start, QDateTime(QDate(2026, 12, 3), QTime(0, 0), Qt::UTC));
        QCOMPARE(u->buckets.at(2).counts.success, qint64(3));
        QCOMPARE(u->buckets.at(2).counts.failure, qint64(2));
        QCOMPARE(u->total.success, qint64(6));
        QCOMPARE(u->total.all(), qint64(9));
        // Hour buckets: 24 a day plus the one the window starts in.
        const auto h = KeyUsage::fromJson(usageReply(25, QStringLiteral("hour"), 1), &error);
        QVERIFY2(h, qPrintable(error));
        QCOMPARE(h->bucket, KeyUsage::Bucket::Hour);
        QCOMPARE(h->buckets.size(), 25);
    }

    void keyUsageHostile_data()
    {
        mutationColumns();
        const QJsonValue gone(QJsonValue::Undefined);
        QTest::newRow("keyId missing") << "keyId" << gone << "field 'usage.keyId' is missing";
        QTest::newRow("bucket week") << "bucket" << QJsonValue("week") << "field 'usage.bucket' is not \"day\" or \"hour\"";
        QTest::newRow("days 0") << "days" << QJsonValue(0) << "field 'usage.days' is out of range (1..90)";
        QTest::newRow("days 91") << "days" << QJsonValue(91) << "field 'usage.days' is out of range (1..90)";
        QTest::newRow("days as string") << "days" << QJsonValue("30") << "field 'usage.days' is not a number";
        QTest::newRow("flushSeconds negative") << "flushSeconds" << QJsonValue(-1) << "field 'usage.flushSeconds' is out of range (0..86400)";
        QTest::newRow("flushSeconds 1e300: capped") << "flushSeconds" << QJsonValue(1e300) << "";
        QTest::newRow("buckets object") << "buckets" << QJsonValue(QJsonObject()) << "field 'usage.buckets' is not a list";
        QTest::newRow("buckets missing") << "buckets" << gone << "field 'usage.buckets' is not a list";
        QTest::newRow("total missing") << "total" << gone << "field 'usage.total' is missing";
        QTest::newRow("total negative") << "total" << QJsonValue(QJsonObject{{"success", -6}, {"failure", 3}, {"rateLimited", 0}})
                                        << "field 'usage.total.success' is out of range (0..1000000000000)";
        QTest::newRow("total not the sum") << "total" << QJsonValue(QJsonObject{{"success", 7}, {"failure", 3}, {"rateLimited", 0}})
                                           << "field 'usage.total' is not the sum of the buckets";
    }
    void keyUsageHostile()
    {
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, error);
        QJsonObject o = usageReply(3);
        setPath(o, path.split(QLatin1Char('.')), value);
        QString why = QStringLiteral("untouched");
        const auto u = KeyUsage::fromJson(o, &why);
        if (error.isEmpty()) {
            QVERIFY2(u, qPrintable(why));
        } else {
            QVERIFY2(!u, qPrintable(QStringLiteral("accepted; wanted: ") + error));
            QCOMPARE(why, error);
        }
    }

    void keyUsageHostileBuckets_data()
    {
        QTest::addColumn<QJsonValue>("bucket");   // replaces the second bucket (the total is kept right)
        QTest::addColumn<QString>("error");
        const QString t = QStringLiteral("2026-12-02T00:00:00.000Z");
        QTest::newRow("not an object") << QJsonValue(5) << "field 'usage.buckets[1]' is not an object";
        QTest::newRow("negative count") << QJsonValue(QJsonObject{{"start", t}, {"success", -1}, {"failure", 1}, {"rateLimited", 0}})
                                        << "field 'usage.buckets[1].success' is out of range (0..1000000000000)";
        QTest::newRow("huge count") << QJsonValue(QJsonObject{{"start", t}, {"success", 1e15}, {"failure", 1}, {"rateLimited", 0}})
                                    << "field 'usage.buckets[1].success' is out of range (0..1000000000000)";
        QTest::newRow("1e300") << QJsonValue(QJsonObject{{"start", t}, {"success", 2}, {"failure", 1e300}, {"rateLimited", 0}})
                               << "field 'usage.buckets[1].failure' is out of range (0..1000000000000)";
        QTest::newRow("fraction") << QJsonValue(QJsonObject{{"start", t}, {"success", 2}, {"failure", 1}, {"rateLimited", 0.5}})
                                  << "field 'usage.buckets[1].rateLimited' is not a whole number";
        QTest::newRow("count as string") << QJsonValue(QJsonObject{{"start", t}, {"success", "2"}, {"failure", 1}, {"rateLimited", 0}})
                                         << "field 'usage.buckets[1].success' is not a number";
        QTest::newRow("count missing") << QJsonValue(QJsonObject{{"start", t}, {"success", 2}, {"failure", 1}})
                                       << "field 'usage.buckets[1].rateLimited' is missing";
        QTest::newRow("start not a time") << QJsonValue(QJsonObject{{"start", "yesterday"}, {"success", 2}, {"failure", 1}, {"rateLimited", 0}})
                                          << "field 'usage.buckets[1].start' is not an ISO-8601 time";
        QTest::newRow("start repeated") << QJsonValue(QJsonObject{{"start", "2026-12-01T00:00:00.000Z"}, {"success", 2}, {"failure", 1}, {"rateLimited", 0}})
                                        << "field 'usage.buckets[1].start' is not a day after the bucket before it";
    }
    void keyUsageHostileBuckets()
    {
        QFETCH(QJsonValue, bucket);
        QFETCH(QString, error);
        QJsonObject o = usageReply(3);
        QJsonArray b = o.value(QStringLiteral("buckets")).toArray();
        b.replace(1, bucket);
        o.insert(QStringLiteral("buckets"), b);
        QString why;
        QVERIFY(!KeyUsage::fromJson(o, &why));
        QCOMPARE(why, error);
    }

    void keyUsageTooManyBuckets()
    {
        QString why;
        // days 3: at most 4 day buckets; a server sending a million is refused before they are read.
        QVERIFY(KeyUsage::fromJson(usageReply(4), &why));
        QVERIFY(!KeyUsage::fromJson(usageReply(5), &why));
        QCOMPARE(why, QStringLiteral("field 'usage.buckets' has 5 buckets (at most 4 for 3 days)"));
        QVERIFY(!KeyUsage::fromJson(usageReply(26, QStringLiteral("hour"), 1), &why));
        QCOMPARE(why, QStringLiteral("field 'usage.buckets' has 26 buckets (at most 25 for 1 days)"));
        QVERIFY(!KeyUsage::fromJson(usageReply(10, QStringLiteral("hour"), 40), &why));
        QCOMPARE(why, QStringLiteral("field 'usage.days' is above 31 for hour buckets"));
    }

    void apiKeyUsage7d()
    {
        QJsonObject o = parse(kApiKey);
        QVERIFY(!ApiKey::fromJson(o)->usage7d);   // not asked: none
        QJsonArray days;
        for (int i = 0; i < 7; ++i)
            days << QJsonObject{{"day", QDate(2026, 12, 1 + i).toString(Qt::ISODate)}, {"success", i}, {"failure", 1}, {"rateLimited", i == 6 ? 2 : 0}};
        o.insert(QStringLiteral("usage7d"), days);
        QString why;
        const auto k = ApiKey::fromJson(o, &why);
        QVERIFY2(k && k->usage7d, qPrintable(why));
        QCOMPARE(k->usage7d->size(), 7);
        QCOMPARE(k->usage7d->last().day, QDate(2026, 12, 7));
        QCOMPARE(k->usage7d->last().counts.success, qint64(6));
        QCOMPARE(k->usage7d->last().counts.rateLimited, qint64(2));

        const auto refused = [&](const QJsonValue &v, const QString &error) {
            QJsonObject bad = o;
            bad.insert(QStringLiteral("usage7d"), v);
            QString w;
            if (ApiKey::fromJson(bad, &w))
                return QStringLiteral("accepted");
            return w == error ? QString() : w;
        };
        QJsonArray eight = days;
        eight << QJsonObject{{"day", "2026-12-08"}, {"success", 0}, {"failure", 0}, {"rateLimited", 0}};
        QCOMPARE(refused(eight, QStringLiteral("field 'apiKey.usage7d' has 8 days (at most 7)")), QString());
        QCOMPARE(refused(QJsonValue("7d"), QStringLiteral("field 'apiKey.usage7d' is not a list")), QString());
        QJsonArray neg = days;
        neg.replace(3, QJsonObject{{"day", "2026-12-04"}, {"success", -5}, {"failure", 0}, {"rateLimited", 0}});
        QCOMPARE(refused(neg, QStringLiteral("field 'apiKey.usage7d[3].success' is out of range (0..1000000000000)")), QString());
        QJsonArray huge = days;
        huge.replace(3, QJsonObject{{"day", "2026-12-04"}, {"success", 1e300}, {"failure", 0}, {"rateLimited", 0}});
        QCOMPARE(refused(huge, QStringLiteral("field 'apiKey.usage7d[3].success' is out of range (0..1000000000000)")), QString());
        QJsonArray badDay = days;
        badDay.replace(3, QJsonObject{{"day", "2026-13-04"}, {"success", 0}, {"failure", 0}, {"rateLimited", 0}});
        QCOMPARE(refused(badDay, QStringLiteral("field 'apiKey.usage7d[3].day' is not a date (YYYY-MM-DD)")), QString());
        QJsonArray backwards = days;
        backwards.replace(3, QJsonObject{{"day", "2026-12-01"}, {"success", 0}, {"failure", 0}, {"rateLimited", 0}});
        QCOMPARE(refused(backwards, QStringLiteral("field 'apiKey.usage7d[3].day' is not after the day before it")), QString());
        QJsonArray notObject = days;
        notObject.replace(0, QJsonValue(3));
        QCOMPARE(refused(notObject, QStringLiteral("field 'apiKey.usage7d[0]' is not an object")), QString());
        QJsonObject nulled = o;
        nulled.insert(QStringLiteral("usage7d"), QJsonValue::Null);
        QVERIFY(ApiKey::fromJson(nulled) && !ApiKey::fromJson(nulled)->usage7d);
    }

    void infoKeyUsage()
    {
        QJsonObject o = parse(kInfo);
        QVERIFY(!ConsoleInfo::fromJson(o)->supportsKeyUsage());   // a server that does not announce it
        o.insert(QStringLiteral("features"), QJsonArray{QStringLiteral("api-keys.usage")});
        o.insert(QStringLiteral("keyUsage"), QJsonObject{{"flushSeconds", 1}, {"maxDays", 90}});
        QString why;
        auto i = ConsoleInfo::fromJson(o, &why);
        QVERIFY2(i, qPrintable(why));
        QVERIFY(i->supportsKeyUsage());
        QCOMPARE(i->keyUsage->flushSeconds, qint64(1));
        QCOMPARE(i->keyUsage->maxDays, 90);
        // The feature without the object, or the object without the feature: not supported.
        QJsonObject off = o;
        off.insert(QStringLiteral("keyUsage"), QJsonValue::Null);
        QVERIFY(!ConsoleInfo::fromJson(off)->supportsKeyUsage());
        off = o;
        off.insert(QStringLiteral("features"), QJsonArray());
        QVERIFY(!ConsoleInfo::fromJson(off)->supportsKeyUsage());
        // Hostile shapes are errors that name the field.
        const auto refused = [&](const QJsonValue &v) {
            QJsonObject bad = o;
            bad.insert(QStringLiteral("keyUsage"), v);
            QString w;
            return ConsoleInfo::fromJson(bad, &w) ? QStringLiteral("accepted") : w;
        };
        QCOMPARE(refused(QJsonValue("on")), QStringLiteral("field 'info.keyUsage' is not an object"));
        QCOMPARE(refused(QJsonObject{{"maxDays", 1000}}), QStringLiteral("field 'info.keyUsage.maxDays' is out of range (1..90)"));
        QCOMPARE(refused(QJsonObject{{"maxDays", "90"}}), QStringLiteral("field 'info.keyUsage.maxDays' is not a number"));
        QCOMPARE(refused(QJsonObject{{"flushSeconds", -1}}), QStringLiteral("field 'info.keyUsage.flushSeconds' is out of range (0..86400)"));
    }

    // ---- Permission catalogue (h-perms): info.permissions.catalogue, bounded as the server checks it ----
    static QJsonObject withCatalogue(const QJsonValue &catalogue)
    {
        QJsonObject o = parse(kInfo);
        o.insert(QStringLiteral("features"), QJsonArray{QStringLiteral("permissions.catalogue")});
        o.insert(QStringLiteral("permissions"), QJsonObject{{"catalogue", catalogue}});
        return o;
    }
    static QJsonObject resource(const QString &name, const QJsonArray &actions)
    {
        return QJsonObject{{"resource", name}, {"description", QJsonValue::Null}, {"actions", actions}};
    }
    static QJsonObject action(const QString &name) { return QJsonObject{{"name", name}, {"description", QJsonValue::Null}}; }

    void infoCatalogueValid()
    {
        // What the dev server announces (server/src/dev-server.ts), descriptions null or text.
        const QJsonObject o = withCatalogue(QJsonDocument::fromJson(R"([
            {"resource":"files","description":"Backup storage","actions":[{"name":"read","description":"list and download"},
                                                                      {"name":"write","description":"upload and delete"}]},
            {"resource":"ws","description":null,"actions":[{"name":"connect","description":null}]},
            {"resource":"events.v2:x-y_z","actions":[{"name":"write"}]}])").array());
        QString why;
        const auto i = ConsoleInfo::fromJson(o, &why);
        QVERIFY2(i, qPrintable(why));
        QVERIFY(i->supportsPermissionCatalogue());
        const PermissionCatalogue &c = *i->permissionCatalogue;
        QCOMPARE(c.resources.size(), 3);
        QCOMPARE(c.resources.at(0).resource, QStringLiteral("files"));   // the server's order, not sorted
        QCOMPARE(c.resources.at(0).description, QStringLiteral("Backup storage"));
        QCOMPARE(c.resources.at(0).actions.size(), 2);
        QCOMPARE(c.resources.at(0).actions.at(1).name, QStringLiteral("write"));
        QCOMPARE(c.resources.at(0).actions.at(1).description, QStringLiteral("upload and delete"));
        QVERIFY(c.resources.at(1).description.isEmpty());
        QVERIFY(c.resources.at(1).actions.at(0).description.isEmpty());
        QCOMPARE(c.resources.at(2).resource, QStringLiteral("events.v2:x-y_z"));
        QVERIFY(c.contains(QStringLiteral("files"), QStringLiteral("write")));
        QVERIFY(!c.contains(QStringLiteral("files"), QStringLiteral("delete")));
        QVERIFY(!c.contains(QStringLiteral("nope"), QStringLiteral("read")));
        QVERIFY(c.find(QStringLiteral("ws")) && !c.find(QStringLiteral("WS")));
    }

    void infoCatalogueAbsent()
    {
        // A v1 server, a server without the option ({catalogue: null}), or the list without the feature.
        QVERIFY(!ConsoleInfo::fromJson(parse(kInfo))->supportsPermissionCatalogue());
        QVERIFY(!ConsoleInfo::fromJson(withCatalogue(QJsonValue::Null))->supportsPermissionCatalogue());
        QJsonObject noFeature = withCatalogue(QJsonArray{resource("files", {action("read")})});
        noFeature.insert(QStringLiteral("features"), QJsonArray());
        QVERIFY(!ConsoleInfo::fromJson(noFeature)->supportsPermissionCatalogue());
        QJsonObject nullPermissions = parse(kInfo);
        nullPermissions.insert(QStringLiteral("permissions"), QJsonValue::Null);
        QVERIFY(ConsoleInfo::fromJson(nullPermissions));
        // An empty catalogue is a catalogue (nothing to tick; the free-text rows remain).
        const auto empty = ConsoleInfo::fromJson(withCatalogue(QJsonArray()));
        QVERIFY(empty && empty->supportsPermissionCatalogue() && empty->permissionCatalogue->resources.isEmpty());
    }

    void infoCatalogueHostile_data()
    {
        QTest::addColumn<QJsonValue>("permissions");   // info.permissions
        QTest::addColumn<QString>("error");
        const QString c = QStringLiteral("info.permissions.catalogue");
        const auto cat = [](const QJsonValue &v) { return QJsonValue(QJsonObject{{"catalogue", v}}); };
        QJsonArray tooManyResources, maxResources;
        for (int i = 0; i < 201; ++i)
            tooManyResources << resource(QStringLiteral("r%1").arg(i), {action("a")});
        for (int i = 0; i < 200; ++i)
            maxResources << resource(QStringLiteral("r%1").arg(i), {action("a")});
        QJsonArray tooManyActions, maxActions;
        for (int i = 0; i < 101; ++i)
            tooManyActions << action(QStringLiteral("a%1").arg(i));
        for (int i = 0; i < 100; ++i)
            maxActions << action(QStringLiteral("a%1").arg(i));
        const QString name64(64, QLatin1Char('n')), name65(65, QLatin1Char('n'));
        const QString desc200(200, QLatin1Char('d')), desc201(201, QLatin1Char('d'));
        QTest::newRow("permissions a string") << QJsonValue("files") << "field 'info.permissions' is not an object";
        QTest::newRow("catalogue an object") << cat(QJsonObject{{"files", QJsonArray{"read"}}}) << "field '" + c + "' is not a list";
        QTest::newRow("201 resources") << cat(tooManyResources) << "field '" + c + "' has 201 resources (at most 200)";
        QTest::newRow("200 resources") << cat(maxResources) << "";
        QTest::newRow("resource a string") << cat(QJsonArray{"files"}) << "field '" + c + "[0]' is not an object";
        QTest::newRow("resource missing") << cat(QJsonArray{QJsonObject{{"actions", QJsonArray{action("a")}}}})
                                          << "field '" + c + "[0].resource' is not 1 to 64 of A-Z a-z 0-9 _ . : -";
        QTest::newRow("resource a number") << cat(QJsonArray{resource("x", {action("a")}), QJsonObject{{"resource", 5}, {"actions", QJsonArray{action("a")}}}})
                                           << "field '" + c + "[1].resource' is not 1 to 64 of A-Z a-z 0-9 _ . : -";
        QTest::newRow("resource empty") << cat(QJsonArray{resource("", {action("a")})}) << "field '" + c + "[0].resource' is not 1 to 64 of A-Z a-z 0-9 _ . : -";
        QTest::newRow("resource 64") << cat(QJsonArray{resource(name64, {action("a")})}) << "";
        QTest::newRow("resource 65") << cat(QJsonArray{resource(name65, {action("a")})}) << "field '" + c + "[0].resource' is not 1 to 64 of A-Z a-z 0-9 _ . : -";
        QTest::newRow("resource with a space") << cat(QJsonArray{resource("my files", {action("a")})}) << "field '" + c + "[0].resource' is not 1 to 64 of A-Z a-z 0-9 _ . : -";
        QTest::newRow("resource with a newline") << cat(QJsonArray{resource("files\n", {action("a")})}) << "field '" + c + "[0].resource' is not 1 to 64 of A-Z a-z 0-9 _ . : -";
        QTest::newRow("resource with bidi") << cat(QJsonArray{resource(QStringLiteral("files\u202e"), {action("a")})}) << "field '" + c + "[0].resource' is not 1 to 64 of A-Z a-z 0-9 _ . : -";
        QTest::newRow("resource twice") << cat(QJsonArray{resource("files", {action("a")}), resource("files", {action("b")})})
                                        << "field '" + c + "[1].resource' lists \"files\" twice";
        QTest::newRow("no actions") << cat(QJsonArray{resource("files", {})}) << "field '" + c + "[0].actions' is not a list of 1 to 100 actions";
        QTest::newRow("actions missing") << cat(QJsonArray{QJsonObject{{"resource", "files"}}}) << "field '" + c + "[0].actions' is not a list of 1 to 100 actions";
        QTest::newRow("actions an object") << cat(QJsonArray{QJsonObject{{"resource", "files"}, {"actions", QJsonObject{{"name", "read"}}}}})
                                           << "field '" + c + "[0].actions' is not a list of 1 to 100 actions";
        QTest::newRow("101 actions") << cat(QJsonArray{resource("files", tooManyActions)}) << "field '" + c + "[0].actions' is not a list of 1 to 100 actions";
        QTest::newRow("100 actions") << cat(QJsonArray{resource("files", maxActions)}) << "";
        QTest::newRow("action a string") << cat(QJsonArray{resource("files", {QJsonValue("read")})}) << "field '" + c + "[0].actions[0].name' is not 1 to 64 of A-Z a-z 0-9 _ . : -";
        QTest::newRow("action name 65") << cat(QJsonArray{resource("files", {action("read"), action(name65)})}) << "field '" + c + "[0].actions[1].name' is not 1 to 64 of A-Z a-z 0-9 _ . : -";
        QTest::newRow("action name with =") << cat(QJsonArray{resource("files", {action("read=write")})}) << "field '" + c + "[0].actions[0].name' is not 1 to 64 of A-Z a-z 0-9 _ . : -";
        QTest::newRow("action twice") << cat(QJsonArray{resource("files", {action("read"), action("read")})}) << "field '" + c + "[0].actions[1].name' lists \"read\" twice";
        QTest::newRow("description 200") << cat(QJsonArray{QJsonObject{{"resource", "files"}, {"description", desc200}, {"actions", QJsonArray{action("a")}}}}) << "";
        QTest::newRow("description 201") << cat(QJsonArray{QJsonObject{{"resource", "files"}, {"description", desc201}, {"actions", QJsonArray{action("a")}}}})
                                         << "field '" + c + "[0].description' is not a string of at most 200 characters";
        QTest::newRow("description a number") << cat(QJsonArray{QJsonObject{{"resource", "files"}, {"description", 3}, {"actions", QJsonArray{action("a")}}}})
                                              << "field '" + c + "[0].description' is not a string of at most 200 characters";
        QTest::newRow("action description 201") << cat(QJsonArray{resource("files", {QJsonObject{{"name", "read"}, {"description", desc201}}})})
                                                << "field '" + c + "[0].actions[0].description' is not a string of at most 200 characters";
        QTest::newRow("action description an object") << cat(QJsonArray{resource("files", {QJsonObject{{"name", "read"}, {"description", QJsonObject()}}})})
                                                      << "field '" + c + "[0].actions[0].description' is not a string of at most 200 characters";
    }
    void infoCatalogueHostile()
    {
        QFETCH(QJsonValue, permissions);
        QFETCH(QString, error);
        QJsonObject o = withCatalogue(QJsonValue::Null);
        o.insert(QStringLiteral("permissions"), permissions);
        QString why = QStringLiteral("untouched");
        const auto i = ConsoleInfo::fromJson(o, &why);
        if (error.isEmpty()) {
            QVERIFY2(i, qPrintable(why));
            QVERIFY(i->supportsPermissionCatalogue());
        } else {
            QVERIFY2(!i, qPrintable(QStringLiteral("accepted; wanted: ") + error));
            QCOMPARE(why, error);
        }
    }
};

QTEST_GUILESS_MAIN(TestConsoleTypes)
#include "tst_consoletypes.moc"
