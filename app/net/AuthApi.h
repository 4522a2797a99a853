#pragma once

#include "HttpClient.h"
#include "core/AuthTypes.h"
#include "core/DeviceFlow.h"
#include "core/Result.h"
#include "core/ServerUrl.h"

#include <QCoreApplication>
#include <QPointer>

#include <functional>
#include <optional>

// better-auth's own endpoints, typed (better-auth-contract.md). Stateless: it holds the endpoint and
// a borrowed HttpClient, so it is cheap to build per server.
class AuthApi final : public DeviceAuthTransport
{
    Q_DECLARE_TR_FUNCTIONS(AuthApi)

public:
    AuthApi(HttpClient *http, ServerEndpoint endpoint);

    template<typename T>
    using Cb = std::function<void(Result<T>)>;

    // GET {base}{path}/ok for each candidate path; answers the first that is better-auth.
    static void detectAuthPath(HttpClient *http, const QUrl &baseUrl, bool allowInsecureHttp, QObject *context,
                               Cb<QString> cb, const QStringList &candidates = defaultAuthPaths());
    static QStringList defaultAuthPaths();

    ApiCall *requestDeviceCode(const QString &clientId, const QString &scope, QObject *context,
                               std::function<void(Result<DeviceCode>)> cb) override;
    ApiCall *pollDeviceToken(const QString &deviceCode, const QString &clientId, QObject *context,
                             std::function<void(Result<DeviceTokenReply>)> cb) override;
    // null session (better-auth answers 200 null for dead tokens) → Unauthorized error.
    ApiCall *getSession(const QString &token, QObject *context, Cb<SessionInfo> cb);
    ApiCall *signOut(const QString &token, QObject *context, Cb<Done> cb);
    ApiCall *signInEmail(const QString &email, const QString &password, QObject *context, Cb<QString> cb);
    ApiCall *claimDeviceCode(const QString &token, const QString &userCode, QObject *context, Cb<DeviceClaim> cb);
    ApiCall *approveDevice(const QString &token, const QString &userCode, bool approve, QObject *context, Cb<Done> cb);

    const ServerEndpoint &endpoint() const { return m_endpoint; }
    HttpClient *http() const { return m_http; }

private:
    RequestOptions options(const QString &token = {}) const;

    HttpClient *m_http;
    ServerEndpoint m_endpoint;
};
