#include "FakeClock.h"
#include "core/DeviceFlow.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <climits>

using State = DeviceFlow::State;
Q_DECLARE_METATYPE(State)

// Answers the device-flow calls from a script. Each poll reply is one word:
// pending, slow_down, denied, expired, invalid_grant, network, timeout, 500, 429, 401, token.
class ScriptedTransport : public DeviceAuthTransport
{
public:
    explicit ScriptedTransport(FakeClock *clock) : m_clock(clock) {}

    bool codeFails = false;
    int expiresIn = 60;
    int interval = 5;
    QStringList replies;
    QList<qint64> pollTimesMs;
    int codeRequests = 0;

    QObject *requestDeviceCode(const QString &, const QString &, QObject *,
                               std::function<void(Result<DeviceCode>)> cb) override
    {
        ++codeRequests;
        if (codeFails) {
            cb(ApiError::make(ApiError::Kind::Network, QStringLiteral("Connection refused")));
            return nullptr;
        }
        DeviceCode c;
        c.deviceCode = QStringLiteral("dev-%1").arg(codeRequests);
        c.userCode = QStringLiteral("ABCDEFGH");
        c.verificationUri = QStringLiteral("http://127.0.0.1:3000/device");
        c.expiresIn = expiresIn;
        c.interval = interval;
        cb(c);
        return nullptr;
    }

    QObject *pollDeviceToken(const QString &, const QString &, QObject *,
                             std::function<void(Result<DeviceTokenReply>)> cb) override
    {
        pollTimesMs << m_clock->elapsedMs();
        const QString step = replies.isEmpty() ? QStringLiteral("pending") : replies.takeFirst();
        DeviceTokenReply r;
        auto httpError = [](int status, QByteArray retryAfter = {}) {
            if (retryAfter.isEmpty())
                retryAfter = status == 429 ? "20" : "0";
            return ApiError::fromHttp(status, QNetworkReply::UnknownServerError, {}, {},
                                      {{"x-retry-after", retryAfter}}, false, false);
        };
        if (step == QLatin1String("token")) {
            r.accessToken = QStringLiteral("tok");
        } else if (step == QLatin1String("pending")) {
            r.errorCode = QStringLiteral("authorization_pending");
        } else if (step == QLatin1String("slow_down")) {
            r.errorCode = QStringLiteral("slow_down");
        } else if (step == QLatin1String("denied")) {
            r.errorCode = QStringLiteral("access_denied");
        } else if (step == QLatin1String("expired")) {
            r.errorCode = QStringLiteral("expired_token");
        } else if (step == QLatin1String("invalid_grant")) {
            r.errorCode = QStringLiteral("invalid_grant");
            r.errorDescription = QStringLiteral("Invalid device code");
        } else if (step == QLatin1String("network")) {
            cb(ApiError::make(ApiError::Kind::Network, QStringLiteral("Connection refused")));
            return nullptr;
        } else if (step == QLatin1String("timeout")) {
            cb(ApiError::make(ApiError::Kind::Timeout));
            return nullptr;
        } else if (step == QLatin1String("429huge")) {
            cb(httpError(429, "99999999999"));
            return nullptr;
        } else {
            cb(httpError(step.toInt()));
            return nullptr;
        }
        cb(r);
        return nullptr;
    }

private:
    FakeClock *m_clock;
};

class TestDeviceFlow : public QObject
{
    Q_OBJECT
private slots:
    void transitions_data()
    {
        QTest::addColumn<QStringList>("replies");
        QTest::addColumn<int>("expiresIn");
        QTest::addColumn<State>("finalState");
        QTest::addColumn<QList<qint64>>("pollSeconds");
        QTest::addColumn<int>("problems");

        QTest::newRow("approved after two pending")
            << QStringList{"pending", "pending", "token"} << 60 << State::SignedIn << QList<qint64>{5, 10, 15} << 0;
        QTest::newRow("slow_down adds 5 s and keeps it")
            << QStringList{"slow_down", "pending", "token"} << 60 << State::SignedIn << QList<qint64>{5, 15, 25} << 0;
        QTest::newRow("two slow_downs")
            << QStringList{"slow_down", "slow_down", "token"} << 60 << State::SignedIn << QList<qint64>{5, 15, 30} << 0;
        QTest::newRow("denied") << QStringList{"pending", "denied"} << 60 << State::Denied << QList<qint64>{5, 10} << 0;
        QTest::newRow("server says expired") << QStringList{"expired"} << 60 << State::Expired << QList<qint64>{5} << 0;
        QTest::newRow("own expiry runs out")
            << QStringList{} << 12 << State::Expired << QList<qint64>{5, 10} << 0;
        QTest::newRow("invalid_grant") << QStringList{"invalid_grant"} << 60 << State::Failed << QList<qint64>{5} << 0;
        QTest::newRow("network error mid-poll, then approved")
            << QStringList{"pending", "network", "token"} << 60 << State::SignedIn << QList<qint64>{5, 10, 15} << 1;
        QTest::newRow("timeout mid-poll") << QStringList{"timeout", "token"} << 60 << State::SignedIn
                                          << QList<qint64>{5, 10} << 1;
        QTest::newRow("5xx is transient") << QStringList{"500", "token"} << 60 << State::SignedIn << QList<qint64>{5, 10} << 1;
        QTest::newRow("429 honours retry-after") << QStringList{"429", "token"} << 60 << State::SignedIn
                                                 << QList<qint64>{5, 25} << 1;
        QTest::newRow("401 is fatal") << QStringList{"401"} << 60 << State::Failed << QList<qint64>{5} << 0;
        QTest::newRow("network until expiry")
            << QStringList{"network", "network", "network", "network"} << 18 << State::Expired
            << QList<qint64>{5, 10, 15} << 3;
    }

    void transitions()
    {
        QFETCH(QStringList, replies);
        QFETCH(int, expiresIn);
        QFETCH(State, finalState);
        QFETCH(QList<qint64>, pollSeconds);
        QFETCH(int, problems);

        FakeClock clock;
        ScriptedTransport transport(&clock);
        transport.replies = replies;
        transport.expiresIn = expiresIn;
        DeviceFlow flow(&transport, &clock, QStringLiteral("pikku-admin"));
        QSignalSpy ended(&flow, &DeviceFlow::ended);
        QSignalSpy signedIn(&flow, &DeviceFlow::signedIn);
        QSignalSpy problem(&flow, &DeviceFlow::pollProblem);
        flow.start();
        QCOMPARE(flow.state(), State::WaitingForApproval);
        QCOMPARE(flow.secondsLeft(), qint64(expiresIn));
        for (int i = 0; i < 100 && flow.isActive(); ++i)
            clock.advanceToNext();
        QCOMPARE(flow.state(), finalState);
        QCOMPARE(ended.count(), 1);
        QCOMPARE(signedIn.count(), finalState == State::SignedIn ? 1 : 0);
        QList<qint64> seconds;
        for (qint64 ms : transport.pollTimesMs)
            seconds << ms / 1000;
        QCOMPARE(seconds, pollSeconds);
        QCOMPARE(problem.count(), problems);
        if (finalState == State::SignedIn)
            QCOMPARE(flow.accessToken(), QStringLiteral("tok"));
        else
            QVERIFY(!flow.message().isEmpty());
        // Nothing fires after the end: no stray polls.
        const int polls = transport.pollTimesMs.size();
        clock.advance(600000);
        QCOMPARE(transport.pollTimesMs.size(), polls);
    }

    void systemClockNeverFiresEarly()
    {
        // The device flow's polls are scheduled on the system clock; one that fires before the server's
        // interval has passed gets slow_down. Several timers at once, sizes where coarse timers drift.
        SystemClock clock;
        QObject context;
        QElapsedTimer t;
        t.start();
        QList<QPair<int, qint64>> fired;
        const QList<int> delays{250, 330, 410, 490, 570};
        for (int ms : delays)
            clock.schedule(ms, &context, [&fired, &t, ms] { fired.append({ms, t.elapsed()}); });
        QTRY_COMPARE_WITH_TIMEOUT(fired.size(), delays.size(), 5000);
        for (const auto &[ms, at] : fired)
            QVERIFY2(at >= ms, qPrintable(QStringLiteral("a %1 ms timer fired after %2 ms").arg(ms).arg(at)));
    }

    void cancelStopsPolling()
    {
        FakeClock clock;
        ScriptedTransport transport(&clock);
        DeviceFlow flow(&transport, &clock, QStringLiteral("pikku-admin"));
        QSignalSpy ended(&flow, &DeviceFlow::ended);
        flow.start();
        clock.advance(5000);
        QCOMPARE(transport.pollTimesMs.size(), 1);
        flow.cancel();
        QCOMPARE(flow.state(), State::Cancelled);
        clock.advance(120000);
        QCOMPARE(transport.pollTimesMs.size(), 1);
        QCOMPARE(ended.count(), 1);
        flow.cancel();   // idempotent
        QCOMPARE(ended.count(), 1);
    }

    void retryAfterFailureGetsNewCode()
    {
        FakeClock clock;
        ScriptedTransport transport(&clock);
        transport.replies = {"denied", "token"};
        DeviceFlow flow(&transport, &clock, QStringLiteral("pikku-admin"));
        flow.start();
        clock.advanceToNext();
        QCOMPARE(flow.state(), State::Denied);
        flow.start();
        QCOMPARE(transport.codeRequests, 2);
        QCOMPARE(flow.code().deviceCode, QStringLiteral("dev-2"));
        clock.advance(5000);
        QCOMPARE(flow.state(), State::SignedIn);
    }

    void restartWhilePollingDropsOldTimers()
    {
        FakeClock clock;
        ScriptedTransport transport(&clock);
        DeviceFlow flow(&transport, &clock, QStringLiteral("pikku-admin"));
        flow.start();
        clock.advance(3000);
        flow.start();        // a new code; the old poll timer must not fire a second poll stream
        clock.advance(5000); // old timer due at 5 s is ignored; new one due at 8 s fires
        QCOMPARE(transport.pollTimesMs, QList<qint64>{8000});
    }

    void codeRequestFails()
    {
        FakeClock clock;
        ScriptedTransport transport(&clock);
        transport.codeFails = true;
        DeviceFlow flow(&transport, &clock, QStringLiteral("pikku-admin"));
        QSignalSpy codeReady(&flow, &DeviceFlow::codeReady);
        flow.start();
        QCOMPARE(flow.state(), State::Failed);
        QCOMPARE(codeReady.count(), 0);
        QCOMPARE(flow.lastError().kind, ApiError::Kind::Network);
    }

    // Found by fuzz_device_flow (UBSan): a huge Retry-After or interval overflowed "seconds * 1000".
    // Now a Retry-After is at most a day (ApiError) and the code's own expiry ends the flow first.
    void hugeRetryAfterIsBoundedByTheCodesExpiry()
    {
        FakeClock clock;
        ScriptedTransport transport(&clock);
        transport.expiresIn = 3600;   // the longest a code may live (DeviceCode::kMaxExpiresIn)
        transport.replies = {"429huge", "token"};
        DeviceFlow flow(&transport, &clock, QStringLiteral("pikku-admin"));
        flow.start();
        clock.advance(5000);
        QCOMPARE(transport.pollTimesMs, QList<qint64>{5000});
        clock.advance(3600 * 1000);
        QCOMPARE(transport.pollTimesMs.size(), 1);   // no poll in the server's absurd wait
        QCOMPARE(flow.state(), State::Expired);
    }

    void hugeIntervalIsClamped()
    {
        FakeClock clock;
        ScriptedTransport transport(&clock);
        transport.expiresIn = 3600;
        transport.interval = INT_MAX;
        transport.replies = {"slow_down", "token"};
        DeviceFlow flow(&transport, &clock, QStringLiteral("pikku-admin"));
        flow.start();
        QCOMPARE(flow.intervalSeconds(), 60);   // DeviceCode::kMaxInterval
        clock.advanceToNext();
        clock.advanceToNext();
        QCOMPARE(transport.pollTimesMs, (QList<qint64>{60000, 120000}));   // slow_down does not pass the cap
        QCOMPARE(flow.intervalSeconds(), 60);
    }

    void zeroIntervalIsClamped()
    {
        FakeClock clock;
        ScriptedTransport transport(&clock);
        transport.interval = 0;
        transport.replies = {"token"};
        DeviceFlow flow(&transport, &clock, QStringLiteral("pikku-admin"));
        flow.start();
        clock.advanceToNext();
        QCOMPARE(transport.pollTimesMs, QList<qint64>{1000});
    }

    // A hostile transport (or a fromJson bypass) cannot make the flow poll in a tight loop, wait for
    // years, or overflow the timer arithmetic: interval 1..60 s, expiry at most 1 h, slow_down capped.
    void extremeNumbersAreClamped_data()
    {
        QTest::addColumn<int>("interval");
        QTest::addColumn<int>("expiresIn");
        QTest::addColumn<QStringList>("replies");
        QTest::addColumn<int>("expectedInterval");
        QTest::addColumn<qint64>("expectedSecondsLeft");
        QTest::addColumn<QList<qint64>>("pollSeconds");
        QTest::addColumn<int>("finalInterval");
        QTest::newRow("negative interval") << -7 << 60 << QStringList{"token"} << 1 << qint64(60) << QList<qint64>{1} << 1;
        QTest::newRow("huge interval") << INT_MAX << 600 << QStringList{"token"} << 60 << qint64(600) << QList<qint64>{60} << 60;
        QTest::newRow("huge expiry") << 5 << INT_MAX << QStringList{"token"} << 5 << qint64(3600) << QList<qint64>{5} << 5;
        QTest::newRow("negative expiry") << 5 << INT_MIN << QStringList{} << 5 << qint64(1) << QList<qint64>{} << 5;
        QTest::newRow("slow_down stops at 60 s")
            << 55 << 3600 << QStringList{"slow_down", "slow_down", "token"} << 55 << qint64(3600)
            << QList<qint64>{55, 115, 175} << 60;
    }
    void extremeNumbersAreClamped()
    {
        QFETCH(int, interval);
        QFETCH(int, expiresIn);
        QFETCH(QStringList, replies);
        QFETCH(int, expectedInterval);
        QFETCH(qint64, expectedSecondsLeft);
        QFETCH(QList<qint64>, pollSeconds);
        QFETCH(int, finalInterval);
        FakeClock clock;
        ScriptedTransport transport(&clock);
        transport.interval = interval;
        transport.expiresIn = expiresIn;
        transport.replies = replies;
        DeviceFlow flow(&transport, &clock, QStringLiteral("pikku-admin"));
        flow.start();
        QCOMPARE(flow.state(), State::WaitingForApproval);
        QCOMPARE(flow.intervalSeconds(), expectedInterval);
        QCOMPARE(flow.code().interval, expectedInterval);
        QCOMPARE(flow.secondsLeft(), expectedSecondsLeft);
        for (int i = 0; i < 100 && flow.isActive(); ++i)
            clock.advanceToNext();
        QVERIFY(!flow.isActive());
        QList<qint64> seconds;
        for (qint64 ms : transport.pollTimesMs)
            seconds << ms / 1000;
        QCOMPARE(seconds, pollSeconds);
        QCOMPARE(flow.intervalSeconds(), finalInterval);
    }
};

QTEST_GUILESS_MAIN(TestDeviceFlow)
#include "tst_deviceflow.moc"
