#pragma once

#include "AuthTypes.h"
#include "Clock.h"
#include "ServerUrl.h"

#include <QObject>

// The one in-memory copy of the signed-in session (the other copy lives in the keychain). Pages and
// jobs ask it for the token; a 401 anywhere is reported here and sessionExpired() fires once.
class Session : public QObject
{
    Q_OBJECT
public:
    explicit Session(Clock *clock, QObject *parent = nullptr);

    void set(const ServerEndpoint &endpoint, const QString &token, const SessionInfo &info, bool persisted);
    void clear();
    void updateFrom(const SessionInfo &info);

    bool isSignedIn() const { return !m_token.isEmpty(); }
    QString token() const { return m_token; }
    const ServerEndpoint &endpoint() const { return m_endpoint; }
    const AuthUser &user() const { return m_user; }
    QDateTime expiresAt() const { return m_expiresAt; }
    QString sessionId() const { return m_sessionId; }
    bool isPersisted() const { return m_persisted; }   // false: memory only (no keychain)
    qint64 secondsLeft() const;

    // Called by whoever saw a 401 (or get-session → null). Emits sessionExpired once per sign-in.
    void reportUnauthorized();
    static constexpr int kWarnBeforeExpirySeconds = 15 * 60;

signals:
    void changed();
    void expiringSoon(qint64 secondsLeft);
    void sessionExpired();

private:
    void armTimers();

    Clock *m_clock;
    ServerEndpoint m_endpoint;
    QString m_token;
    QString m_sessionId;
    AuthUser m_user;
    QDateTime m_expiresAt;
    bool m_persisted = false;
    bool m_expiredReported = false;
    int m_generation = 0;
};
