#include "ConsoleApi.h"

#include "core/Json.h"
#include "core/Session.h"

#include <QHash>
#include <QJsonArray>
#include <QPointer>
#include <QUrlQuery>

#include <algorithm>
#include <limits>

namespace {
ApiError bad(const QString &why)
{
    return ApiError::make(ApiError::Kind::BadResponse, why);
}

QString reasonPhrase(int status)
{
    switch (status) {
    case 404: return QStringLiteral("Not Found");
    case 405: return QStringLiteral("Method Not Allowed");
    case 410: return QStringLiteral("Gone");
    default: return {};
    }
}

// The server's own words, as plain text, cut to about 300 characters.
QString bodyExcerpt(const QByteArray &body)
{
    QString text = QString::fromUtf8(body.left(4096)).trimmed();
    for (QChar &c : text)
        if (c.category() == QChar::Other_Control && c != QLatin1Char('\n'))
            c = QLatin1Char(' ');
    if (text.isEmpty())
        return QCoreApplication::translate("ConsoleApi", "(empty body)");
    if (text.size() > 300 || body.size() > 4096)
        text = text.left(300) + QChar(0x2026);
    return text;
}

ApiError pluginMissing(const ApiError &from, const QString &method, const QString &urlPath, const QByteArray &body)
{
    ApiError e = from;
    e.serverCode = QStringLiteral("CONSOLE_API_MISSING");
    const QString status = QStringLiteral("HTTP %1 %2").arg(from.httpStatus).arg(reasonPhrase(from.httpStatus)).trimmed();
    e.serverMessage = ConsoleApi::pluginMissingMessage()
        + QCoreApplication::translate("ConsoleApi", "\nThe server answered %1 %2 with %3: %4").arg(method, urlPath, status, bodyExcerpt(body));
    return e;
}
} // namespace

QJsonObject KeyFields::toJson() const
{
    QJsonObject o;
    if (!userId.isEmpty()) o.insert(QStringLiteral("userId"), userId);
    if (!name.isEmpty()) o.insert(QStringLiteral("name"), name);
    if (!prefix.isEmpty()) o.insert(QStringLiteral("prefix"), prefix);
    if (clearExpiry) o.insert(QStringLiteral("expiresIn"), QJsonValue::Null);
    else if (expiresIn) o.insert(QStringLiteral("expiresIn"), double(*expiresIn));
    if (enabled) o.insert(QStringLiteral("enabled"), *enabled);
    if (permissions) o.insert(QStringLiteral("permissions"), permissionsToJson(*permissions));
    if (metadata) o.insert(QStringLiteral("metadata"), *metadata);
    if (rateLimitEnabled) o.insert(QStringLiteral("rateLimitEnabled"), *rateLimitEnabled);
    if (rateLimitMax) o.insert(QStringLiteral("rateLimitMax"), double(*rateLimitMax));
    if (rateLimitTimeWindow) o.insert(QStringLiteral("rateLimitTimeWindow"), double(*rateLimitTimeWindow));
    if (remaining) o.insert(QStringLiteral("remaining"), double(*remaining));
    if (!requestId.isEmpty()) o.insert(QStringLiteral("requestId"), requestId);
    return o;
}

ConsoleApi::ConsoleApi(HttpClient *http, Session *session)
    : m_http(http), m_session(session), m_missingPlugin(std::make_shared<QHash<QString, ApiError>>())
{
}

QString ConsoleApi::pluginMissingMessage()
{
    return tr("This server has no console API. Install the @pikku-admin/better-auth-console plugin "
                          "(see server/console-plugin/README.md); sign-in and everything else keep working.");
}

ApiCall *ConsoleApi::send(const QByteArray &method, const QString &path, const QJsonObject &body)
{
    const ServerEndpoint &e = m_session->endpoint();
    RequestOptions o;
    o.credentials = Credentials::person(m_session->token(), e.baseUrl);
    o.allowInsecureHttp = e.allowInsecureHttp;
    const QUrl url = e.authUrl(path);
    return method == "GET" ? m_http->get(url, o) : m_http->post(url, body, o);
}

template<typename T>
ApiCall *ConsoleApi::call(const QByteArray &method, const QString &path, const QJsonObject &body, QObject *context,
                          Cb<T> cb, std::function<Result<T>(const QJsonObject &)> parse)
{
    if (!m_session->isSignedIn()) {
        ApiCall *c = ApiCall::failed(ApiError::make(ApiError::Kind::Unauthorized, QStringLiteral("not signed in")), context);
        c->onFinished(context, [cb](const HttpResponse &r) { cb(r.error); });
        return c;
    }
    ApiCall *c = send(method, path, body);
    QPointer<Session> session(m_session);
    const QString server = m_session->endpoint().key();
    const QString urlPath = m_session->endpoint().authUrl(path).path();
    const bool isInfo = path == QLatin1String("/console/info");
    std::shared_ptr<QHash<QString, ApiError>> missing = m_missingPlugin;
    c->onFinished(context, [cb, parse, session, path, server, urlPath, isInfo, method, missing](const HttpResponse &r) {
        if (!r.ok()) {
            ApiError e = r.error;
            if (e.kind == ApiError::Kind::Unauthorized && session)
                session->reportUnauthorized();
            if (e.kind == ApiError::Kind::NotFound) {
                if (isInfo || e.serverCode.isEmpty()) {
                    // A 404 on /console/info, whatever its body, or an empty 404 anywhere (better-auth's answer
                    // for a route it does not have): the plugin is not installed.
                    e = pluginMissing(e, QString::fromLatin1(method), urlPath, r.body);
                    if (isInfo)
                        missing->insert(server, e);
                } else if (const auto known = missing->constFind(server); known != missing->cend()) {
                    e = *known;
                }
            }
            cb(e);
            return;
        }
        if (isInfo)
            missing->remove(server);
        if (!r.json.isObject()) {
            cb(bad(QStringLiteral("%1 did not return a JSON object").arg(path)));
            return;
        }
        cb(parse(r.json.object()));
    });
    return c;
}

namespace {
// A list reply {<list>: [...], total: N}: both must be there and of the right type (a missing total read
// as 0 would make a paged view stop early and claim the list is complete).
QString readEnvelope(const QJsonObject &o, const QString &list, int *total)
{
    if (!o.value(list).isArray())
        return QStringLiteral("the reply has no \"%1\" list").arg(list);
    // A whole number 0..INT_MAX: toInt() reads 1e300 or 1.5 as 0, which printed "0 keys" above a row.
    const auto t = jsonInteger(o.value(QStringLiteral("total")), 0, std::numeric_limits<int>::max());
    if (!t)
        return QStringLiteral("the reply's \"total\" is not a count");
    *total = int(*t);
    return {};
}

QString listQueryString(const ListQuery &query)
{
    QUrlQuery q;
    if (!query.userId.isEmpty())
        q.addQueryItem(QStringLiteral("userId"), query.userId);
    q.addQueryItem(QStringLiteral("limit"), QString::number(query.limit));
    if (query.cursor)
        q.addQueryItem(QStringLiteral("cursor"), *query.cursor);
    else
        q.addQueryItem(QStringLiteral("offset"), QString::number(query.offset));
    if (!query.search.isEmpty())
        q.addQueryItem(QStringLiteral("search"), query.search);
    if (query.usage7d)
        q.addQueryItem(QStringLiteral("usage"), QStringLiteral("7d"));
    return q.toString(QUrl::FullyEncoded);
}

// A list reply: {<list>: [T], total} and, in cursor mode, nextCursor (a string of at most 1024
// characters, or null) and totalExact.
template<typename T>
Result<Page<T>> parsePage(const QJsonObject &o, const QString &list)
{
    Page<T> p;
    p.body = o;
    if (const QString why = readEnvelope(o, list, &p.total); !why.isEmpty())
        return bad(why);
    if (o.contains(QStringLiteral("nextCursor"))) {
        const QJsonValue c = o.value(QStringLiteral("nextCursor"));
        if (c.isString() && !c.toString().isEmpty() && c.toString().size() <= 1024)
            p.nextCursor = c.toString();
        else if (!c.isNull())
            return bad(QStringLiteral("the reply's \"nextCursor\" is not a cursor (a string of 1 to 1024 characters, or null)"));
    }
    if (o.contains(QStringLiteral("totalExact"))) {
        if (!o.value(QStringLiteral("totalExact")).isBool())
            return bad(QStringLiteral("the reply's \"totalExact\" is not true or false"));
        p.totalExact = o.value(QStringLiteral("totalExact")).toBool();
    }
    for (const QJsonValue &v : o.value(list).toArray()) {
        QString why;
        const auto item = T::fromJson(v.toObject(), &why);
        if (!item)
            return bad(why);
        p.items << *item;
    }
    return p;
}
} // namespace

ApiCall *ConsoleApi::raw(const QByteArray &method, const QString &path, const QJsonObject &body, QObject *context,
                         Cb<QJsonObject> cb)
{
    return call<QJsonObject>(method, path, body, context, std::move(cb), [](const QJsonObject &o) -> Result<QJsonObject> { return o; });
}

ApiCall *ConsoleApi::info(QObject *context, Cb<ConsoleInfo> cb)
{
    return call<ConsoleInfo>("GET", QStringLiteral("/console/info"), {}, context, std::move(cb),
                             [](const QJsonObject &o) -> Result<ConsoleInfo> {
                                 QString why;
                                 if (auto i = ConsoleInfo::fromJson(o, &why))
                                     return *i;
                                 return bad(why);
                             });
}

ApiCall *ConsoleApi::listServiceUsers(int limit, int offset, const QString &search, QObject *context, Cb<Page<ServiceUser>> cb)
{
    ListQuery q;
    q.limit = limit;
    q.offset = offset;
    q.search = search;
    return listServiceUsers(q, context, std::move(cb));
}

ApiCall *ConsoleApi::listServiceUsers(const ListQuery &query, QObject *context, Cb<Page<ServiceUser>> cb)
{
    return call<Page<ServiceUser>>("GET", QStringLiteral("/console/service-users?") + listQueryString(query), {}, context,
                                   std::move(cb), [](const QJsonObject &o) { return parsePage<ServiceUser>(o, QStringLiteral("users")); });
}

ApiCall *ConsoleApi::createServiceUser(const QString &name, const QString &email, QObject *context, Cb<ServiceUser> cb)
{
    QJsonObject body{{QStringLiteral("name"), name}};
    if (!email.isEmpty())
        body.insert(QStringLiteral("email"), email);
    return call<ServiceUser>("POST", QStringLiteral("/console/service-users/create"), body, context, std::move(cb),
                             [](const QJsonObject &o) -> Result<ServiceUser> {
                                 QString why;
                                 if (auto u = ServiceUser::fromJson(o.value(QStringLiteral("user")).toObject(), &why))
                                     return *u;
                                 return bad(why);
                             });
}

namespace {
Result<ServiceUser> parseUser(const QJsonObject &o)
{
    QString why;
    if (auto u = ServiceUser::fromJson(o.value(QStringLiteral("user")).toObject(), &why))
        return *u;
    return bad(why);
}

// {user, <count>}: the count a whole number 0..INT_MAX.
Result<ServiceUserChange> parseChange(const QJsonObject &o, const QString &count)
{
    const Result<ServiceUser> u = parseUser(o);
    if (!u.ok())
        return u.error();
    const auto n = jsonInteger(o.value(count), 0, std::numeric_limits<int>::max());
    if (!n)
        return bad(QStringLiteral("the reply's \"%1\" is not a count").arg(count));
    return ServiceUserChange{u.value(), int(*n)};
}
} // namespace

ApiCall *ConsoleApi::renameServiceUser(const QString &userId, const QString &name, QObject *context, Cb<ServiceUser> cb)
{
    return call<ServiceUser>("POST", QStringLiteral("/console/service-users/update"),
                             {{QStringLiteral("userId"), userId}, {QStringLiteral("name"), name}}, context, std::move(cb), parseUser);
}

ApiCall *ConsoleApi::disableServiceUser(const QString &userId, QObject *context, Cb<ServiceUserChange> cb)
{
    return call<ServiceUserChange>("POST", QStringLiteral("/console/service-users/disable"), {{QStringLiteral("userId"), userId}},
                                   context, std::move(cb),
                                   [](const QJsonObject &o) { return parseChange(o, QStringLiteral("disabledKeys")); });
}

ApiCall *ConsoleApi::enableServiceUser(const QString &userId, QObject *context, Cb<ServiceUserChange> cb)
{
    return call<ServiceUserChange>("POST", QStringLiteral("/console/service-users/enable"), {{QStringLiteral("userId"), userId}},
                                   context, std::move(cb),
                                   [](const QJsonObject &o) { return parseChange(o, QStringLiteral("enabledKeys")); });
}

ApiCall *ConsoleApi::deleteServiceUser(const QString &userId, QObject *context, Cb<int> cb)
{
    return call<int>("POST", QStringLiteral("/console/service-users/delete"), {{QStringLiteral("userId"), userId}}, context,
                     std::move(cb), [](const QJsonObject &o) -> Result<int> {
                         if (o.value(QStringLiteral("success")) != QJsonValue(true))
                             return bad(QStringLiteral("the reply does not say \"success\": true"));
                         const auto n = jsonInteger(o.value(QStringLiteral("deletedKeys")), 0, std::numeric_limits<int>::max());
                         if (!n)
                             return bad(QStringLiteral("the reply's \"deletedKeys\" is not a count"));
                         return int(*n);
                     });
}

ApiCall *ConsoleApi::listApiKeys(const QString &userId, int limit, int offset, QObject *context, Cb<Page<ApiKey>> cb)
{
    ListQuery q;
    q.limit = limit;
    q.offset = offset;
    q.userId = userId;
    return listApiKeys(q, context, std::move(cb));
}

ApiCall *ConsoleApi::listApiKeys(const ListQuery &query, QObject *context, Cb<Page<ApiKey>> cb)
{
    return call<Page<ApiKey>>("GET", QStringLiteral("/console/api-keys?") + listQueryString(query), {}, context,
                              std::move(cb), [](const QJsonObject &o) { return parsePage<ApiKey>(o, QStringLiteral("apiKeys")); });
}

namespace {
Result<MintedKey> parseMinted(const QJsonObject &o)
{
    QString why;
    const auto k = ApiKey::fromJson(o.value(QStringLiteral("apiKey")).toObject(), &why);
    if (!k)
        return bad(why);
    MintedKey m;
    m.apiKey = *k;
    m.secret = o.value(QStringLiteral("key")).toString();
    if (m.secret.isEmpty())
        return bad(QStringLiteral("the response has no key"));
    if (o.contains(QStringLiteral("previous"))) {
        const auto p = ApiKey::fromJson(o.value(QStringLiteral("previous")).toObject(), &why);
        if (!p)
            return bad(why);
        m.previous = *p;
    }
    return m;
}
} // namespace

ApiCall *ConsoleApi::createApiKey(const KeyFields &fields, QObject *context, Cb<MintedKey> cb)
{
    return call<MintedKey>("POST", QStringLiteral("/console/api-keys/create"), fields.toJson(), context, std::move(cb), parseMinted);
}

ApiCall *ConsoleApi::updateApiKey(const QString &keyId, const KeyFields &fields, QObject *context, Cb<ApiKey> cb)
{
    QJsonObject body = fields.toJson();
    body.remove(QStringLiteral("userId"));
    body.remove(QStringLiteral("requestId"));
    body.insert(QStringLiteral("keyId"), keyId);
    return call<ApiKey>("POST", QStringLiteral("/console/api-keys/update"), body, context, std::move(cb),
                        [](const QJsonObject &o) -> Result<ApiKey> {
                            QString why;
                            if (auto k = ApiKey::fromJson(o.value(QStringLiteral("apiKey")).toObject(), &why))
                                return *k;
                            return bad(why);
                        });
}

ApiCall *ConsoleApi::deleteApiKey(const QString &keyId, QObject *context, Cb<Done> cb)
{
    return call<Done>("POST", QStringLiteral("/console/api-keys/delete"), {{QStringLiteral("keyId"), keyId}}, context,
                      std::move(cb), [](const QJsonObject &) -> Result<Done> { return Done{}; });
}

ApiCall *ConsoleApi::rotateApiKey(const QString &keyId, qint64 overlapSeconds, QObject *context, Cb<MintedKey> cb,
                                  const QString &requestId)
{
    QJsonObject body{{QStringLiteral("keyId"), keyId}, {QStringLiteral("overlapSeconds"), double(overlapSeconds)}};
    if (!requestId.isEmpty())
        body.insert(QStringLiteral("requestId"), requestId);
    return call<MintedKey>("POST", QStringLiteral("/console/api-keys/rotate"), body, context, std::move(cb), parseMinted);
}

ApiCall *ConsoleApi::listSessions(const QString &userId, int limit, int offset, QObject *context, Cb<Page<UserSession>> cb)
{
    ListQuery q;
    q.limit = limit;
    q.offset = offset;
    q.userId = userId;
    return listSessions(q, context, std::move(cb));
}

ApiCall *ConsoleApi::listSessions(const ListQuery &query, QObject *context, Cb<Page<UserSession>> cb)
{
    return call<Page<UserSession>>("GET", QStringLiteral("/console/sessions?") + listQueryString(query), {}, context,
                                   std::move(cb), [](const QJsonObject &o) { return parsePage<UserSession>(o, QStringLiteral("sessions")); });
}

ApiCall *ConsoleApi::revokeSession(const QString &sessionId, QObject *context, Cb<QJsonObject> cb)
{
    return call<QJsonObject>("POST", QStringLiteral("/console/sessions/revoke"), {{QStringLiteral("sessionId"), sessionId}},
                             context, std::move(cb), [](const QJsonObject &o) -> Result<QJsonObject> { return o; });
}

ApiCall *ConsoleApi::listDeviceCodes(QObject *context, Cb<Page<PendingDeviceCode>> cb)
{
    return call<Page<PendingDeviceCode>>("GET", QStringLiteral("/console/device-codes"), {}, context, std::move(cb),
                                         [](const QJsonObject &o) -> Result<Page<PendingDeviceCode>> {
                                             QString why;
                                             const auto codes = PendingDeviceCode::listFromJson(o, &why);
                                             if (!codes)
                                                 return bad(why);
                                             Page<PendingDeviceCode> p;
                                             p.items = *codes;
                                             p.total = int(codes->size());
                                             p.body = o;
                                             return p;
                                         });
}

ApiCall *ConsoleApi::listAudit(const AuditFilter &filter, int limit, const QString &cursor, QObject *context, Cb<AuditEntryPage> cb)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("limit"), QString::number(std::clamp(limit, 1, 1000)));
    if (!cursor.isEmpty())
        q.addQueryItem(QStringLiteral("cursor"), cursor);
    if (!filter.actor.isEmpty())
        q.addQueryItem(QStringLiteral("actor"), filter.actor);
    if (!filter.action.isEmpty())
        q.addQueryItem(QStringLiteral("action"), filter.action);
    if (!filter.target.isEmpty())
        q.addQueryItem(QStringLiteral("target"), filter.target);
    if (filter.since.isValid())
        q.addQueryItem(QStringLiteral("since"), toIsoString(filter.since));
    if (filter.until.isValid())
        q.addQueryItem(QStringLiteral("until"), toIsoString(filter.until));
    return call<AuditEntryPage>("GET", QStringLiteral("/console/audit?") + q.toString(QUrl::FullyEncoded), {}, context, std::move(cb),
                           [](const QJsonObject &o) -> Result<AuditEntryPage> {
                               QString why;
                               if (auto p = AuditEntryPage::fromJson(o, &why))
                                   return *p;
                               return bad(why);
                           });
}

ApiCall *ConsoleApi::keyUsage(const QString &keyId, int days, KeyUsage::Bucket bucket, QObject *context, Cb<KeyUsage> cb)
{
    const int maxDays = bucket == KeyUsage::Bucket::Hour ? KeyUsage::kMaxHourDays : KeyUsage::kMaxDays;
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("days"), QString::number(std::clamp(days, 1, maxDays)));
    q.addQueryItem(QStringLiteral("bucket"), KeyUsage::bucketName(bucket));
    const QString path = QStringLiteral("/console/api-keys/%1/usage?")
                             .arg(QString::fromLatin1(QUrl::toPercentEncoding(keyId)))
        + q.toString(QUrl::FullyEncoded);
    return call<KeyUsage>("GET", path, {}, context, std::move(cb), [keyId](const QJsonObject &o) -> Result<KeyUsage> {
        QString why;
        auto u = KeyUsage::fromJson(o, &why);
        if (!u)
            return bad(why);
        if (u->keyId != keyId)
            return bad(QStringLiteral("the usage reply is for key \"%1\", not the one asked for").arg(u->keyId.left(64)));
        return *u;
    });
}

ApiCall *ConsoleApi::overview(QObject *context, Cb<OverviewCounts> cb)
{
    return call<OverviewCounts>("GET", QStringLiteral("/console/overview"), {}, context, std::move(cb),
                                [](const QJsonObject &o) -> Result<OverviewCounts> {
                                    QString why;
                                    if (auto c = OverviewCounts::fromJson(o, &why))
                                        return *c;
                                    return bad(why);
                                });
}
