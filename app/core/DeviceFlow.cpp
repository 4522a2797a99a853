#include "DeviceFlow.h"

#include "Logging.h"

#include <algorithm>
#include <climits>

DeviceFlow::DeviceFlow(DeviceAuthTransport *transport, Clock *clock, QString clientId, QString scope, QObject *parent)
    : QObject(parent), m_transport(transport), m_clock(clock), m_clientId(std::move(clientId)), m_scope(std::move(scope))
{
}

DeviceFlow::~DeviceFlow()
{
    delete m_requestContext;
}

QString DeviceFlow::stateName(State s)
{
    switch (s) {
    case State::Idle: return QStringLiteral("idle");
    case State::RequestingCode: return QStringLiteral("requesting-code");
    case State::WaitingForApproval: return QStringLiteral("waiting");
    case State::SignedIn: return QStringLiteral("signed-in");
    case State::Denied: return QStringLiteral("denied");
    case State::Expired: return QStringLiteral("expired");
    case State::Failed: return QStringLiteral("failed");
    case State::Cancelled: return QStringLiteral("cancelled");
    }
    return {};
}

qint64 DeviceFlow::secondsLeft() const
{
    if (!m_expiresAt.isValid())
        return 0;
    return std::max<qint64>(0, m_clock->now().secsTo(m_expiresAt));
}

void DeviceFlow::resetRequestContext()
{
    // Deleting the context drops every callback of the in-flight request.
    delete m_requestContext;
    m_requestContext = new QObject(this);
}

void DeviceFlow::setState(State s)
{
    if (m_state == s)
        return;
    m_state = s;
    qCInfo(lcAuth) << "device flow:" << stateName(s);
    emit stateChanged(s);
}

void DeviceFlow::start()
{
    ++m_generation;
    resetRequestContext();
    m_code = {};
    m_expiresAt = {};
    m_token.clear();
    m_message.clear();
    m_error = {};
    m_polls = 0;
    setState(State::RequestingCode);
    const int gen = m_generation;
    m_transport->requestDeviceCode(m_clientId, m_scope, m_requestContext, [this, gen](Result<DeviceCode> r) {
        if (gen != m_generation || m_state != State::RequestingCode)
            return;
        if (!r.ok()) {
            end(State::Failed, r.error().userMessage(), r.error());
            return;
        }
        m_code = r.value();
        // Clamped again here: a transport may build a DeviceCode without fromJson.
        m_interval = std::clamp(m_code.interval, DeviceCode::kMinInterval, DeviceCode::kMaxInterval);
        m_code.interval = m_interval;
        m_code.expiresIn = std::clamp(m_code.expiresIn, 1, DeviceCode::kMaxExpiresIn);
        m_expiresAt = m_clock->now().addSecs(m_code.expiresIn);
        setState(State::WaitingForApproval);
        emit codeReady(m_code);
        // The code's own expiry ends the flow even if a poll is in flight.
        m_clock->schedule(m_code.expiresIn * 1000, this, [this, gen] {
            if (gen == m_generation && m_state == State::WaitingForApproval)
                end(State::Expired, tr("The code expired before it was approved."));
        });
        schedulePoll(m_interval * 1000);   // RFC 8628 §3.4: the first poll waits one interval
    });
}

void DeviceFlow::cancel()
{
    if (!isActive())
        return;
    ++m_generation;
    resetRequestContext();
    end(State::Cancelled, tr("Sign-in cancelled."));
}

void DeviceFlow::end(State s, const QString &message, ApiError error)
{
    ++m_generation;
    m_message = message;
    m_error = std::move(error);
    setState(s);
    emit ended(s, message);
}

void DeviceFlow::schedulePoll(int ms)
{
    const int gen = m_generation;
    m_clock->schedule(ms, this, [this, gen] {
        if (gen == m_generation && m_state == State::WaitingForApproval)
            poll();
    });
}

void DeviceFlow::poll()
{
    if (m_clock->now() >= m_expiresAt) {
        end(State::Expired, tr("The code expired before it was approved."));
        return;
    }
    ++m_polls;
    const int gen = m_generation;
    m_transport->pollDeviceToken(m_code.deviceCode, m_clientId, m_requestContext,
                                 [this, gen](Result<DeviceTokenReply> r) {
                                     if (gen == m_generation && m_state == State::WaitingForApproval)
                                         handleReply(r);
                                 });
}

void DeviceFlow::handleReply(const Result<DeviceTokenReply> &r)
{
    if (!r.ok()) {
        const ApiError &e = r.error();
        switch (e.kind) {
        case ApiError::Kind::Network:
        case ApiError::Kind::Timeout:
        case ApiError::Kind::Server:
        case ApiError::Kind::RateLimited: {
            // Transient: say so and keep polling until the code expires (the admin can cancel).
            emit pollProblem(e);
            // retryAfter is bounded by ApiError (kMaxRetryAfter); past the code's expiry the expiry timer wins.
            const qint64 wait = std::clamp<qint64>(e.retryAfter.count(), m_interval, ApiError::kMaxRetryAfter.count());
            schedulePoll(int(wait * 1000));
            return;
        }
        default:
            end(State::Failed, e.userMessage(), e);
            return;
        }
    }
    const DeviceTokenReply &reply = r.value();
    if (reply.hasToken()) {
        m_token = reply.accessToken;
        end(State::SignedIn, tr("Signed in."));
        emit signedIn(m_token);
        return;
    }
    const QString &code = reply.errorCode;
    if (code == QLatin1String("authorization_pending")) {
        schedulePoll(m_interval * 1000);
    } else if (code == QLatin1String("slow_down")) {
        m_interval = std::min(m_interval + 5, DeviceCode::kMaxInterval);   // RFC 8628 §3.5; better-auth does not raise it for us
        emit intervalChanged(m_interval);
        schedulePoll(m_interval * 1000);
    } else if (code == QLatin1String("access_denied")) {
        end(State::Denied, tr("The sign-in was denied in the browser."));
    } else if (code == QLatin1String("expired_token")) {
        end(State::Expired, tr("The code expired before it was approved."));
    } else {
        ApiError e = ApiError::make(ApiError::Kind::Protocol, reply.errorDescription);
        e.serverCode = code;
        e.serverMessage = reply.errorDescription;
        const QString text = code == QLatin1String("invalid_grant")
            ? tr("The server no longer knows this code (%1). Start again.").arg(reply.errorDescription)
            : tr("The server refused the sign-in: %1 (%2)").arg(reply.errorDescription, code);
        end(State::Failed, text, e);
    }
}
