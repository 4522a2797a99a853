#pragma once

#include "core/AuthTypes.h"
#include "core/Result.h"
#include "core/SecretStore.h"
#include "core/ServerUrl.h"
#include "core/Session.h"

#include <QObject>

#include <functional>

class HttpClient;

struct SignInOutcome
{
    SessionInfo info;
    bool persisted = false;     // false: the keychain did not take it; memory-only session
    QString keychainError;
};

struct LogoutOutcome
{
    bool wasSignedIn = false;
    bool serverRevoked = false;
    ApiError serverError;       // why the server could not be told
    bool keychainCleared = false;
    QString keychainError;
};

// Sign-in bookkeeping shared by the GUI and the CLI: restoring a session from the keychain and
// validating it, completing a device-flow sign-in, and logging out (server first, then keychain).
class AuthService : public QObject
{
    Q_OBJECT
public:
    AuthService(HttpClient *http, SecretStore *secrets, Session *session, QObject *parent = nullptr);

    static QString keychainService() { return QStringLiteral("pikku-admin"); }

    // Reads the keychain entry for the endpoint and checks it with get-session.
    // Errors: Unauthorized (no entry, or the server no longer knows the session; serverCode says which),
    // KeychainUnavailable, or a transport error (the entry is kept).
    void restore(const ServerEndpoint &endpoint, QObject *context, std::function<void(Result<SessionInfo>)> cb);
    // After the device flow: get-session with the new token, then keep it (keychain, else memory).
    void completeSignIn(const ServerEndpoint &endpoint, const QString &token, QObject *context,
                        std::function<void(Result<SignInOutcome>)> cb);
    void logout(const ServerEndpoint &endpoint, QObject *context, std::function<void(LogoutOutcome)> cb);

    Session *session() const { return m_session; }
    SecretStore *secrets() const { return m_secrets; }
    HttpClient *http() const { return m_http; }

signals:
    void keychainUnavailable(const QString &why);

private:
    void revokeAndForget(const ServerEndpoint &endpoint, const QString &token, QObject *context,
                         std::function<void(LogoutOutcome)> cb);

    HttpClient *m_http;
    SecretStore *m_secrets;
    Session *m_session;
};
