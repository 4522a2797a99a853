// The device flow (RFC 8628) against a hostile server: the device-code reply is fuzzed JSON read by
// DeviceCode::fromJson, then the state machine is driven through a scripted transport and a fake clock
// by a sequence of fuzzed poll outcomes (an RFC 8628 error code, a token, or a transport/HTTP failure
// mapped by ApiError::fromHttp with a fuzzed Retry-After). Every timer the flow asks for must be a sane
// delay (no overflowed or negative interval), and the flow must end or keep waiting, never loop.
#include "FuzzSupport.h"

#include "core/ApiError.h"
#include "core/AuthTypes.h"
#include "core/DeviceFlow.h"

#include <QJsonDocument>
#include <QPointer>

#include <vector>

namespace {

class FakeClock final : public Clock
{
public:
    struct Timer { qint64 at; QPointer<QObject> context; std::function<void()> fn; };
    QDateTime now() const override { return QDateTime::fromMSecsSinceEpoch(m_now, Qt::UTC); }
    void schedule(int ms, QObject *context, std::function<void()> fn) override
    {
        FUZZ_CHECK(ms >= 0);
        timers.push_back({m_now + ms, context, std::move(fn)});
    }
    // Runs the earliest timer; false when none is left.
    bool fireNext()
    {
        if (timers.empty())
            return false;
        size_t best = 0;
        for (size_t i = 1; i < timers.size(); ++i)
            if (timers[i].at < timers[best].at)
                best = i;
        Timer t = std::move(timers[best]);
        timers.erase(timers.begin() + qsizetype(best));
        m_now = std::max(m_now, t.at);
        if (t.context)
            t.fn();
        return true;
    }
    std::vector<Timer> timers;

private:
    qint64 m_now = 1764600000000;   // 2025-12-01
};

class ScriptedTransport final : public DeviceAuthTransport
{
public:
    explicit ScriptedTransport(FuzzInput &in) : m_in(in) {}
    QByteArray codeReply;
    int polls = 0;

    QObject *requestDeviceCode(const QString &, const QString &, QObject *context,
                               std::function<void(Result<DeviceCode>)> cb) override
    {
        QPointer<QObject> guard(context);
        QString why;
        const QJsonDocument doc = QJsonDocument::fromJson(codeReply);
        const auto code = DeviceCode::fromJson(doc.object(), &why);
        if (code) {
            FUZZ_CHECK(code->interval >= 1 && code->expiresIn > 0);
            (void)code->displayUserCode();
            cb(*code);
        } else {
            FUZZ_CHECK(!why.isEmpty());
            cb(ApiError::make(ApiError::Kind::BadResponse, why));
        }
        return nullptr;
    }

    QObject *pollDeviceToken(const QString &, const QString &, QObject *context,
                             std::function<void(Result<DeviceTokenReply>)> cb) override
    {
        ++polls;
        if (!context)
            return nullptr;
        const uint8_t op = m_in.byte();
        static const char *const codes[] = {"authorization_pending", "slow_down", "access_denied", "expired_token",
                                            "invalid_grant", "invalid_request", "unsupported_grant_type", ""};
        DeviceTokenReply reply;
        switch (op % 4) {
        case 0:   // an RFC 8628 error answer
            reply.errorCode = QString::fromLatin1(codes[(op >> 2) % 8]);
            if (reply.errorCode.isEmpty())
                reply.errorCode = QString::fromUtf8(m_in.until('\n'));
            reply.errorDescription = QString::fromUtf8(m_in.until('\n'));
            cb(reply);
            break;
        case 1: {   // an HTTP failure with a Retry-After (429, 5xx, ...)
            const int status = 400 + (m_in.u16() % 200);
            const QList<QPair<QByteArray, QByteArray>> headers{{"Retry-After", m_in.until('\n')}};
            const ApiError e = ApiError::fromHttp(status, 299 /* QNetworkReply::UnknownContentError */, {}, m_in.until('\n'),
                                                  headers, false, false);
            cb(e);
            break;
        }
        case 2: {   // a transport failure
            ApiError e = ApiError::make((op & 4) ? ApiError::Kind::Network : ApiError::Kind::Timeout);
            e.retryAfter = std::chrono::seconds((op >> 3) * 7);
            cb(e);
            break;
        }
        default:   // a token (rarely: it ends the flow)
            if ((op >> 2) % 8 == 0) {
                reply.accessToken = QString::fromUtf8(m_in.until('\n'));
                reply.expiresIn = int(m_in.u16());
                if (reply.accessToken.isEmpty())
                    reply.errorCode = QStringLiteral("authorization_pending");
            } else {
                reply.errorCode = QStringLiteral("authorization_pending");
            }
            cb(reply);
            break;
        }
        return nullptr;
    }

private:
    FuzzInput &m_in;
};

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzzInitApp(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzInput in(data, size);
    FakeClock clock;
    ScriptedTransport transport(in);
    transport.codeReply = in.until('\0');
    DeviceFlow flow(&transport, &clock, QStringLiteral("pikku-admin"));
    flow.start();
    for (int step = 0; step < 200 && flow.isActive(); ++step) {
        if (!clock.fireNext())
            break;
        FUZZ_CHECK(flow.intervalSeconds() >= 1);
        FUZZ_CHECK(flow.secondsLeft() >= 0);
    }
    // Not active means a terminal state with a message; active means it is still waiting on a timer.
    if (!flow.isActive() && flow.state() != DeviceFlow::State::Idle)
        FUZZ_CHECK(!flow.message().isEmpty());
    if (flow.isActive() && flow.state() == DeviceFlow::State::WaitingForApproval)
        FUZZ_CHECK(!clock.timers.empty());
    return 0;
}
