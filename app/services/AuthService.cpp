#include "AuthService.h"

#include "core/Logging.h"
#include "net/AuthApi.h"

#include <QPointer>

AuthService::AuthService(HttpClient *http, SecretStore *secrets, Session *session, QObject *parent)
    : QObject(parent), m_http(http), m_secrets(secrets), m_session(session)
{
}

void AuthService::restore(const ServerEndpoint &endpoint, QObject *context, std::function<void(Result<SessionInfo>)> cb)
{
    QPointer<QObject> ctx(context);
    m_secrets->read(endpoint.key(), this, [this, endpoint, ctx, cb](const SecretResult &r) {
        if (!ctx)
            return;
        if (r.status == SecretResult::Status::Unavailable) {
            emit keychainUnavailable(r.error);
            cb(ApiError::make(ApiError::Kind::KeychainUnavailable, r.error));
            return;
        }
        const auto stored = r.ok() ? StoredSession::fromKeychainData(r.data) : std::nullopt;
        if (!stored) {
            ApiError e = ApiError::make(ApiError::Kind::Unauthorized, QStringLiteral("no keychain entry"));
            e.serverCode = QStringLiteral("NOT_SIGNED_IN");
            e.serverMessage = tr("not signed in to %1").arg(endpoint.key());
            cb(e);
            return;
        }
        const QString token = stored->token;
        AuthApi api(m_http, endpoint);
        api.getSession(token, ctx, [this, endpoint, token, cb](Result<SessionInfo> s) {
            if (s.ok()) {
                m_session->set(endpoint, token, s.value(), true);
                cb(s);
                return;
            }
            if (s.error().kind == ApiError::Kind::Unauthorized) {
                // The server forgot the session (revoked, expired): the entry is useless, drop it.
                ApiError e = s.error();
                e.serverCode = QStringLiteral("SESSION_GONE");
                e.serverMessage = tr("the saved session for %1 has ended on the server").arg(endpoint.key());
                m_secrets->remove(endpoint.key(), this, [](const SecretResult &) {});
                cb(e);
                return;
            }
            cb(s);
        });
    });
}

void AuthService::completeSignIn(const ServerEndpoint &endpoint, const QString &token, QObject *context,
                                 std::function<void(Result<SignInOutcome>)> cb)
{
    QPointer<QObject> ctx(context);
    AuthApi api(m_http, endpoint);
    api.getSession(token, this, [this, endpoint, token, ctx, cb](Result<SessionInfo> s) {
        if (!ctx)
            return;
        if (!s.ok()) {
            cb(s.error());
            return;
        }
        const SessionInfo info = s.value();
        StoredSession stored;
        stored.server = endpoint.key();
        stored.authPath = endpoint.authPath;
        stored.token = token;
        stored.expiresAt = info.expiresAt;
        stored.user = info.user;
        m_secrets->write(endpoint.key(), stored.toKeychainData(), this, [this, endpoint, token, info, ctx, cb](const SecretResult &w) {
            SignInOutcome out;
            out.info = info;
            out.persisted = w.ok();
            if (!w.ok()) {
                out.keychainError = w.error;
                emit keychainUnavailable(w.error);
            }
            m_session->set(endpoint, token, info, out.persisted);
            if (ctx)
                cb(out);
        });
    });
}

void AuthService::logout(const ServerEndpoint &endpoint, QObject *context, std::function<void(LogoutOutcome)> cb)
{
    QPointer<QObject> ctx(context);
    if (m_session->isSignedIn() && m_session->endpoint().key() == endpoint.key()) {
        revokeAndForget(endpoint, m_session->token(), context, std::move(cb));
        return;
    }
    // Not in memory (a fresh CLI process): the keychain knows.
    m_secrets->read(endpoint.key(), this, [this, endpoint, ctx, cb](const SecretResult &r) {
        if (!ctx)
            return;
        const auto stored = r.ok() ? StoredSession::fromKeychainData(r.data) : std::nullopt;
        if (!stored) {
            // Unavailable is not "not signed in": a session may be saved that we cannot see. The caller
            // tells the two apart by keychainCleared (false) and keychainError.
            LogoutOutcome out;
            out.wasSignedIn = false;
            out.keychainCleared = r.status != SecretResult::Status::Unavailable;
            if (!out.keychainCleared)
                out.keychainError = r.error.isEmpty() ? tr("the keychain did not answer") : r.error;
            cb(out);
            return;
        }
        revokeAndForget(endpoint, stored->token, ctx, cb);
    });
}

void AuthService::revokeAndForget(const ServerEndpoint &endpoint, const QString &token, QObject *context,
                                  std::function<void(LogoutOutcome)> cb)
{
    QPointer<QObject> ctx(context);
    AuthApi api(m_http, endpoint);
    api.signOut(token, this, [this, endpoint, ctx, cb](Result<Done> r) {
        auto out = std::make_shared<LogoutOutcome>();
        out->wasSignedIn = true;
        out->serverRevoked = r.ok();
        if (!r.ok())
            out->serverError = r.error();
        if (m_session->endpoint().key() == endpoint.key())
            m_session->clear();
        // The keychain entry goes whatever the server said: the admin asked to sign out here.
        m_secrets->remove(endpoint.key(), this, [out, ctx, cb](const SecretResult &w) {
            out->keychainCleared = w.ok();
            out->keychainError = w.error;
            if (ctx)
                cb(*out);
        });
    });
}
