#pragma once

#include "core/Result.h"
#include "net/AuthApi.h"

#include <QTest>

#include <functional>
#include <optional>

// Runs one asynchronous core call and waits (test-only nested loop) for its Result.
template<typename T>
std::optional<Result<T>> awaitResult(const std::function<void(QObject *, std::function<void(Result<T>)>)> &start,
                                     int timeoutMs = 20000)
{
    QObject context;
    std::optional<Result<T>> out;
    start(&context, [&out](Result<T> r) { out.emplace(std::move(r)); });
    (void)QTest::qWaitFor([&] { return out.has_value(); }, timeoutMs);
    return out;
}

namespace TestEnv {

// Signs in as the seeded admin over HTTP (email + password) and returns the session token.
QString adminToken(HttpClient *http, const ServerEndpoint &endpoint);
// What the /device page does for a person: claim the code, then approve (or deny) it.
// Returns the empty string on success, else the error text.
QString decideDeviceCode(HttpClient *http, const ServerEndpoint &endpoint, const QString &userCode, bool approve);
// Waits (test-only nested loop) for one HTTP call; nullopt on timeout.
std::optional<HttpResponse> awaitCall(ApiCall *call, int timeoutMs = 20000);
// Who the server says an API key belongs to (x-api-key on get-session); empty when refused.
QString keyOwner(HttpClient *http, const ServerEndpoint &endpoint, const QString &key);
// A keychain service name unique to this test process.
QString uniqueKeychainService();
ServerEndpoint endpointFor(const QUrl &url);

} // namespace TestEnv
