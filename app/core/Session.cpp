#include "Session.h"

#include "Logging.h"

#include <algorithm>
#include <climits>

Session::Session(Clock *clock, QObject *parent) : QObject(parent), m_clock(clock) {}

void Session::set(const ServerEndpoint &endpoint, const QString &token, const SessionInfo &info, bool persisted)
{
    m_endpoint = endpoint;
    m_token = token;
    m_sessionId = info.sessionId;
    m_user = info.user;
    m_expiresAt = info.expiresAt;
    m_persisted = persisted;
    m_expiredReported = false;
    qCInfo(lcAuth).noquote() << "signed in as" << m_user.displayName() << "on" << endpoint.key() << "until"
                             << m_expiresAt.toString(Qt::ISODate) << (persisted ? "(keychain)" : "(memory only)");
    armTimers();
    emit changed();
}

void Session::updateFrom(const SessionInfo &info)
{
    m_user = info.user;
    m_sessionId = info.sessionId;
    if (info.expiresAt.isValid())
        m_expiresAt = info.expiresAt;
    armTimers();
    emit changed();
}

void Session::clear()
{
    const bool was = isSignedIn();
    m_token.clear();
    m_sessionId.clear();
    m_user = {};
    m_expiresAt = {};
    m_persisted = false;
    ++m_generation;
    if (was)
        emit changed();
}

qint64 Session::secondsLeft() const
{
    if (!m_expiresAt.isValid())
        return 0;
    return m_clock->now().secsTo(m_expiresAt);
}

void Session::reportUnauthorized()
{
    if (!isSignedIn() || m_expiredReported)
        return;
    m_expiredReported = true;
    qCInfo(lcAuth) << "session rejected by the server";
    emit sessionExpired();
}

void Session::armTimers()
{
    const int gen = ++m_generation;
    if (!m_expiresAt.isValid())
        return;
    const qint64 left = secondsLeft();
    const auto clampMs = [](qint64 s) { return int(std::clamp<qint64>(s * 1000, 0, INT_MAX)); };
    if (left > kWarnBeforeExpirySeconds) {
        m_clock->schedule(clampMs(left - kWarnBeforeExpirySeconds), this, [this, gen] {
            if (gen == m_generation)
                emit expiringSoon(secondsLeft());
        });
    } else if (left > 0) {
        m_clock->schedule(0, this, [this, gen] {
            if (gen == m_generation)
                emit expiringSoon(secondsLeft());
        });
    }
    m_clock->schedule(clampMs(std::max<qint64>(left, 0)), this, [this, gen] {
        if (gen == m_generation)
            reportUnauthorized();
    });
}
