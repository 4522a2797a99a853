#include "BetterAuthAdminApi.h"

#include "core/Json.h"
#include "core/Session.h"

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
} // namespace

BetterAuthAdminApi::BetterAuthAdminApi(HttpClient *http, Session *session) : m_http(http), m_session(session) {}

template<typename T>
ApiCall *BetterAuthAdminApi::call(const QByteArray &method, const QString &path, const QJsonObject &body,
                                  QObject *context, Cb<T> cb, std::function<Result<T>(const QJsonObject &)> parse)
{
    if (!m_session->isSignedIn()) {
        ApiCall *c = ApiCall::failed(ApiError::make(ApiError::Kind::Unauthorized, QStringLiteral("not signed in")), context);
        c->onFinished(context, [cb](const HttpResponse &r) { cb(r.error); });
        return c;
    }
    const ServerEndpoint &e = m_session->endpoint();
    RequestOptions o;
    o.credentials = Credentials::person(m_session->token(), e.baseUrl);
    o.allowInsecureHttp = e.allowInsecureHttp;
    const QUrl url = e.authUrl(path);
    ApiCall *c = method == "GET" ? m_http->get(url, o) : m_http->post(url, body, o);
    QPointer<Session> session(m_session);
    c->onFinished(context, [cb, parse, session, path](const HttpResponse &r) {
        if (!r.ok()) {
            if (r.error.kind == ApiError::Kind::Unauthorized && session)
                session->reportUnauthorized();
            cb(r.error);
            return;
        }
        if (!r.json.isObject()) {
            cb(bad(QStringLiteral("%1 did not return a JSON object").arg(path)));
            return;
        }
        cb(parse(r.json.object()));
    });
    return c;
}

Result<AdminUser> BetterAuthAdminApi::parseUserEnvelope(const QJsonObject &o)
{
    if (!o.value(QStringLiteral("user")).isObject())
        return bad(QStringLiteral("the reply has no \"user\" object"));
    QString why;
    const auto u = AdminUser::fromJson(o.value(QStringLiteral("user")).toObject(), &why);
    if (!u)
        return bad(why);
    return *u;
}

Result<Page<AdminUser>> BetterAuthAdminApi::parseUserPage(const QJsonObject &o)
{
    if (!o.value(QStringLiteral("users")).isArray())
        return bad(QStringLiteral("the reply has no \"users\" list"));
    const auto total = jsonInteger(o.value(QStringLiteral("total")), 0, std::numeric_limits<int>::max());
    if (!total)
        return bad(QStringLiteral("the reply's \"total\" is not a count"));
    Page<AdminUser> p;
    p.body = o;
    p.total = int(*total);
    for (const QJsonValue &v : o.value(QStringLiteral("users")).toArray()) {
        QString why;
        const auto u = AdminUser::fromJson(v.toObject(), &why);
        if (!u)
            return bad(why);
        p.items << *u;
    }
    return p;
}

Result<AdminSessionList> BetterAuthAdminApi::parseSessionList(const QString &userId, const QJsonObject &o)
{
    if (!o.value(QStringLiteral("sessions")).isArray())
        return bad(QStringLiteral("the reply has no \"sessions\" list"));
    const QJsonArray in = o.value(QStringLiteral("sessions")).toArray();
    if (in.size() > 100000)
        return bad(QStringLiteral("the reply lists more than 100,000 sessions"));
    AdminSessionList list;
    QJsonArray out;
    for (const QJsonValue &v : in) {
        QJsonObject s = v.toObject();
        const QJsonValue token = s.take(QStringLiteral("token"));   // the secret never reaches a row or the body
        QString why;
        auto row = UserSession::fromJson(s, &why);
        if (!row)
            return bad(why);
        if (row->userId.isEmpty())
            row->userId = userId;
        else if (row->userId != userId)
            return bad(QStringLiteral("the reply lists a session of another user"));
        if (!token.isString() || token.toString().isEmpty() || token.toString().size() > 1024)
            return bad(QStringLiteral("session.token is not a session token"));
        list.tokens.insert(row->id, token.toString());
        list.sessions << *row;
        out.append(s);
    }
    // Newest first, like the console API's lists.
    std::stable_sort(list.sessions.begin(), list.sessions.end(),
                     [](const UserSession &a, const UserSession &b) { return a.createdAt > b.createdAt; });
    list.body.insert(QStringLiteral("sessions"), out);
    list.body.insert(QStringLiteral("total"), out.size());
    return list;
}

ApiCall *BetterAuthAdminApi::listUsers(const UserQuery &query, QObject *context, Cb<Page<AdminUser>> cb)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("limit"), QString::number(std::clamp(query.limit, 1, 1000)));
    q.addQueryItem(QStringLiteral("offset"), QString::number(std::max(0, query.offset)));
    q.addQueryItem(QStringLiteral("sortBy"), QStringLiteral("createdAt"));
    q.addQueryItem(QStringLiteral("sortDirection"), QStringLiteral("desc"));
    if (!query.search.isEmpty()) {
        q.addQueryItem(QStringLiteral("searchValue"), query.search);
        q.addQueryItem(QStringLiteral("searchField"), query.searchField == QLatin1String("name") ? QStringLiteral("name") : QStringLiteral("email"));
        q.addQueryItem(QStringLiteral("searchOperator"), QStringLiteral("contains"));
    }
    return call<Page<AdminUser>>("GET", QStringLiteral("/admin/list-users?") + q.toString(QUrl::FullyEncoded), {},
                                 context, cb, &BetterAuthAdminApi::parseUserPage);
}

ApiCall *BetterAuthAdminApi::listUserSessions(const QString &userId, QObject *context, Cb<AdminSessionList> cb)
{
    return call<AdminSessionList>("POST", QStringLiteral("/admin/list-user-sessions"), {{QStringLiteral("userId"), userId}},
                                  context, cb, [userId](const QJsonObject &o) { return parseSessionList(userId, o); });
}

namespace {
Result<Done> parseSuccess(const QJsonObject &o)
{
    if (o.value(QStringLiteral("success")).toBool(false) != true)
        return bad(QStringLiteral("the reply does not say {\"success\": true}"));
    return Done{};
}
} // namespace

ApiCall *BetterAuthAdminApi::revokeSessionByToken(const QString &sessionToken, QObject *context, Cb<Done> cb)
{
    return call<Done>("POST", QStringLiteral("/admin/revoke-user-session"), {{QStringLiteral("sessionToken"), sessionToken}},
                      context, cb, &parseSuccess);
}

ApiCall *BetterAuthAdminApi::revokeUserSessions(const QString &userId, QObject *context, Cb<Done> cb)
{
    return call<Done>("POST", QStringLiteral("/admin/revoke-user-sessions"), {{QStringLiteral("userId"), userId}},
                      context, cb, &parseSuccess);
}

ApiCall *BetterAuthAdminApi::banUser(const QString &userId, const QString &reason, std::optional<qint64> expiresInSeconds,
                                     QObject *context, Cb<AdminUser> cb)
{
    QJsonObject body{{QStringLiteral("userId"), userId}};
    if (!reason.isEmpty())
        body.insert(QStringLiteral("banReason"), reason);
    if (expiresInSeconds)
        body.insert(QStringLiteral("banExpiresIn"), double(*expiresInSeconds));
    return call<AdminUser>("POST", QStringLiteral("/admin/ban-user"), body, context, cb, &BetterAuthAdminApi::parseUserEnvelope);
}

ApiCall *BetterAuthAdminApi::unbanUser(const QString &userId, QObject *context, Cb<AdminUser> cb)
{
    return call<AdminUser>("POST", QStringLiteral("/admin/unban-user"), {{QStringLiteral("userId"), userId}}, context, cb,
                           &BetterAuthAdminApi::parseUserEnvelope);
}

ApiCall *BetterAuthAdminApi::setRole(const QString &userId, const QStringList &roles, QObject *context, Cb<AdminUser> cb)
{
    return call<AdminUser>("POST", QStringLiteral("/admin/set-role"),
                           {{QStringLiteral("userId"), userId}, {QStringLiteral("role"), QJsonArray::fromStringList(roles)}},
                           context, cb, &BetterAuthAdminApi::parseUserEnvelope);
}
