#include "TestEnv.h"

#include "DevServer.h"

#include <QCoreApplication>

namespace TestEnv {

QString adminToken(HttpClient *http, const ServerEndpoint &endpoint)
{
    AuthApi api(http, endpoint);
    const auto r = awaitResult<QString>([&](QObject *ctx, auto cb) {
        api.signInEmail(DevServer::adminEmail(), DevServer::adminPassword(), ctx, cb);
    });
    if (!r || !r->ok())
        return {};
    return r->value();
}

QString decideDeviceCode(HttpClient *http, const ServerEndpoint &endpoint, const QString &userCode, bool approve)
{
    const QString token = adminToken(http, endpoint);
    if (token.isEmpty())
        return QStringLiteral("admin sign-in failed");
    AuthApi api(http, endpoint);
    const auto claim = awaitResult<DeviceClaim>([&](QObject *ctx, auto cb) { api.claimDeviceCode(token, userCode, ctx, cb); });
    if (!claim || !claim->ok())
        return QStringLiteral("claim failed: ") + (claim ? claim->error().userMessage() : QStringLiteral("timeout"));
    const auto done = awaitResult<Done>([&](QObject *ctx, auto cb) { api.approveDevice(token, userCode, approve, ctx, cb); });
    if (!done || !done->ok())
        return QStringLiteral("decision failed: ") + (done ? done->error().userMessage() : QStringLiteral("timeout"));
    return {};
}

std::optional<HttpResponse> awaitCall(ApiCall *call, int timeoutMs)
{
    QObject context;
    std::optional<HttpResponse> out;
    call->onFinished(&context, [&out](const HttpResponse &r) { out = r; });
    (void)QTest::qWaitFor([&] { return out.has_value(); }, timeoutMs);
    return out;
}

QString keyOwner(HttpClient *http, const ServerEndpoint &endpoint, const QString &key)
{
    RequestOptions o;
    o.credentials = Credentials::machine(key);
    const auto r = awaitCall(http->get(endpoint.authUrl(QStringLiteral("/get-session")), o), 10000);
    if (!r || !r->ok() || !r->json.isObject())
        return {};
    return r->json.object().value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString();
}

QString uniqueKeychainService()
{
    return QStringLiteral("pikku-admin-test-%1").arg(QCoreApplication::applicationPid());
}

ServerEndpoint endpointFor(const QUrl &url)
{
    ServerEndpoint e;
    e.baseUrl = url;
    e.authPath = QStringLiteral("/api/auth");
    return e;
}

} // namespace TestEnv
