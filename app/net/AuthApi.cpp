#include "AuthApi.h"

#include "core/Json.h"
#include "core/Logging.h"

#include <QJsonObject>
#include <QUrlQuery>

#include <climits>
#include <memory>

namespace {

template<typename T>
void deliver(ApiCall *call, QObject *context, std::function<void(Result<T>)> cb,
             std::function<Result<T>(const HttpResponse &)> parse)
{
    call->onFinished(context, [cb = std::move(cb), parse = std::move(parse)](const HttpResponse &r) {
        if (!r.ok()) {
            cb(r.error);
            return;
        }
        cb(parse(r));
    });
}

ApiError badResponse(const QString &why, int status)
{
    ApiError e = ApiError::make(ApiError::Kind::BadResponse, why);
    e.httpStatus = status;
    return e;
}

} // namespace

AuthApi::AuthApi(HttpClient *http, ServerEndpoint endpoint) : m_http(http), m_endpoint(std::move(endpoint)) {}

RequestOptions AuthApi::options(const QString &token) const
{
    RequestOptions o;
    o.allowInsecureHttp = m_endpoint.allowInsecureHttp;
    if (!token.isEmpty())
        o.credentials = Credentials::person(token, m_endpoint.baseUrl);
    return o;
}

QStringList AuthApi::defaultAuthPaths()
{
    // Pikku apps mount better-auth at /api/auth; `pikku login` defaults to /auth (anchors.md §1.8).
    return {QStringLiteral("/api/auth"), QStringLiteral("/auth")};
}

void AuthApi::detectAuthPath(HttpClient *http, const QUrl &baseUrl, bool allowInsecureHttp, QObject *context,
                             Cb<QString> cb, const QStringList &candidates)
{
    if (candidates.isEmpty()) {
        ApiError e = ApiError::make(ApiError::Kind::NotFound,
                                    QStringLiteral("no better-auth endpoint at %1 (tried %2)")
                                        .arg(baseUrl.toString(), defaultAuthPaths().join(QStringLiteral(", "))));
        e.serverMessage = tr("better-auth was not found at /api/auth/ok or /auth/ok; pass --auth-path");
        cb(e);
        return;
    }
    const QString path = candidates.front();
    const QStringList rest = candidates.mid(1);
    RequestOptions o;
    o.allowInsecureHttp = allowInsecureHttp;
    ApiCall *call = http->get(ServerUrl::join(ServerUrl::join(baseUrl, path), QStringLiteral("/ok")), o);
    call->onFinished(context, [=](const HttpResponse &r) {
        if (r.ok() && r.json.isObject() && r.json.object().value(QStringLiteral("ok")).toBool()) {
            cb(path);
            return;
        }
        // A transport failure will not get better on the next path: report it now.
        if (!r.ok() && r.status == 0) {
            cb(r.error);
            return;
        }
        detectAuthPath(http, baseUrl, allowInsecureHttp, context, cb, rest);
    });
}

ApiCall *AuthApi::requestDeviceCode(const QString &clientId, const QString &scope, QObject *context,
                                    std::function<void(Result<DeviceCode>)> cb)
{
    QJsonObject body{{QStringLiteral("client_id"), clientId}};
    if (!scope.isEmpty())
        body.insert(QStringLiteral("scope"), scope);
    ApiCall *call = m_http->post(m_endpoint.authUrl(QStringLiteral("/device/code")), body, options());
    deliver<DeviceCode>(call, context, std::move(cb), [](const HttpResponse &r) -> Result<DeviceCode> {
        QString why;
        if (const auto c = DeviceCode::fromJson(r.json.object(), &why); c && r.json.isObject())
            return *c;
        return badResponse(why.isEmpty() ? QStringLiteral("not a JSON object") : why, r.status);
    });
    return call;
}

ApiCall *AuthApi::pollDeviceToken(const QString &deviceCode, const QString &clientId, QObject *context,
                                  std::function<void(Result<DeviceTokenReply>)> cb)
{
    const QJsonObject body{{QStringLiteral("grant_type"), QStringLiteral("urn:ietf:params:oauth:grant-type:device_code")},
                           {QStringLiteral("device_code"), deviceCode},
                           {QStringLiteral("client_id"), clientId}};
    ApiCall *call = m_http->post(m_endpoint.authUrl(QStringLiteral("/device/token")), body, options());
    call->onFinished(context, [cb = std::move(cb)](const HttpResponse &r) {
        const QJsonObject o = r.json.object();
        // RFC 8628 answers come back as HTTP 400 {"error","error_description"}: those are states, not failures.
        if (r.status == 400 && o.value(QStringLiteral("error")).isString()) {
            DeviceTokenReply reply;
            reply.errorCode = o.value(QStringLiteral("error")).toString();
            reply.errorDescription = o.value(QStringLiteral("error_description")).toString();
            cb(reply);
            return;
        }
        if (!r.ok()) {
            cb(r.error);
            return;
        }
        DeviceTokenReply reply;
        reply.accessToken = o.value(QStringLiteral("access_token")).toString();
        JsonReader numbers(o);
        reply.expiresIn = int(numbers.optInteger("expires_in", 0, INT_MAX).value_or(0));
        if (reply.accessToken.isEmpty()) {
            cb(badResponse(QStringLiteral("token response has no access_token"), r.status));
            return;
        }
        if (!numbers.ok()) {
            cb(badResponse(numbers.error(), r.status));
            return;
        }
        cb(reply);
    });
    return call;
}

ApiCall *AuthApi::getSession(const QString &token, QObject *context, Cb<SessionInfo> cb)
{
    ApiCall *call = m_http->get(m_endpoint.authUrl(QStringLiteral("/get-session")), options(token));
    deliver<SessionInfo>(call, context, std::move(cb), [](const HttpResponse &r) -> Result<SessionInfo> {
        // A dead, revoked or unknown token is 200 with the literal body null (contract gotcha 4).
        if (r.json.isNull() && r.body.trimmed() == "null") {
            ApiError e = ApiError::make(ApiError::Kind::Unauthorized, QStringLiteral("get-session returned null"));
            e.httpStatus = r.status;
            e.serverMessage = tr("the session no longer exists on the server");
            return e;
        }
        QString why;
        if (r.json.isObject())
            if (const auto s = SessionInfo::fromJson(r.json.object(), &why))
                return *s;
        return badResponse(why.isEmpty() ? QStringLiteral("get-session did not return an object") : why, r.status);
    });
    return call;
}

ApiCall *AuthApi::signOut(const QString &token, QObject *context, Cb<Done> cb)
{
    ApiCall *call = m_http->post(m_endpoint.authUrl(QStringLiteral("/sign-out")), QJsonObject{}, options(token));
    deliver<Done>(call, context, std::move(cb), [](const HttpResponse &) -> Result<Done> { return Done{}; });
    return call;
}

ApiCall *AuthApi::signInEmail(const QString &email, const QString &password, QObject *context, Cb<QString> cb)
{
    const QJsonObject body{{QStringLiteral("email"), email}, {QStringLiteral("password"), password}};
    ApiCall *call = m_http->post(m_endpoint.authUrl(QStringLiteral("/sign-in/email")), body, options());
    deliver<QString>(call, context, std::move(cb), [](const HttpResponse &r) -> Result<QString> {
        const QString token = r.json.object().value(QStringLiteral("token")).toString();
        if (token.isEmpty())
            return badResponse(QStringLiteral("sign-in response has no token"), r.status);
        return token;
    });
    return call;
}

ApiCall *AuthApi::claimDeviceCode(const QString &token, const QString &userCode, QObject *context, Cb<DeviceClaim> cb)
{
    QUrl url = m_endpoint.authUrl(QStringLiteral("/device"));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("user_code"), normalizeUserCode(userCode));
    url.setQuery(q);
    ApiCall *call = m_http->get(url, options(token));
    deliver<DeviceClaim>(call, context, std::move(cb), [](const HttpResponse &r) -> Result<DeviceClaim> {
        const QJsonObject o = r.json.object();
        DeviceClaim c;
        c.userCode = o.value(QStringLiteral("user_code")).toString();
        c.status = o.value(QStringLiteral("status")).toString();
        c.clientId = o.value(QStringLiteral("client_id")).toString();
        c.scope = o.value(QStringLiteral("scope")).toString();
        if (c.status.isEmpty())
            return badResponse(QStringLiteral("device claim response has no status"), r.status);
        return c;
    });
    return call;
}

ApiCall *AuthApi::approveDevice(const QString &token, const QString &userCode, bool approve, QObject *context, Cb<Done> cb)
{
    const QJsonObject body{{QStringLiteral("userCode"), normalizeUserCode(userCode)}};
    ApiCall *call = m_http->post(m_endpoint.authUrl(approve ? QStringLiteral("/device/approve") : QStringLiteral("/device/deny")),
                                 body, options(token));
    deliver<Done>(call, context, std::move(cb), [](const HttpResponse &) -> Result<Done> { return Done{}; });
    return call;
}
