// Session's expiry timers on an injected clock: the warning fires once when expiry comes within
// kWarnBeforeExpirySeconds, sessionExpired fires once at expiry, nothing fires for a session far from
// expiry, and signing out or re-signing in disarms the old timers.
#include "FakeClock.h"
#include "core/Session.h"

#include <QSignalSpy>
#include <QTest>

namespace {
SessionInfo infoExpiringIn(const FakeClock &clock, qint64 seconds)
{
    SessionInfo i;
    i.sessionId = QStringLiteral("s1");
    i.expiresAt = clock.now().addSecs(seconds);
    i.user.id = QStringLiteral("u1");
    i.user.email = QStringLiteral("admin@example.com");
    return i;
}
ServerEndpoint endpoint()
{
    ServerEndpoint e;
    e.baseUrl = QUrl(QStringLiteral("https://console.example.com"));
    return e;
}
constexpr qint64 kWarn = Session::kWarnBeforeExpirySeconds;
} // namespace

class TestSession : public QObject
{
    Q_OBJECT
private slots:
    void warnsOnceThenExpires()
    {
        FakeClock clock;
        Session s(&clock);
        QSignalSpy warned(&s, &Session::expiringSoon);
        QSignalSpy expired(&s, &Session::sessionExpired);
        s.set(endpoint(), QStringLiteral("tok"), infoExpiringIn(clock, 3600), true);
        QCOMPARE(s.secondsLeft(), qint64(3600));

        clock.advance((3600 - kWarn - 1) * 1000);   // one second before the window
        QCOMPARE(warned.count(), 0);
        clock.advance(1000);                         // the window opens
        QCOMPARE(warned.count(), 1);
        QCOMPARE(warned.first().first().toLongLong(), kWarn);
        QCOMPARE(expired.count(), 0);

        clock.advance((kWarn - 1) * 1000);           // one second before expiry: still only one warning
        QCOMPARE(warned.count(), 1);
        QCOMPARE(expired.count(), 0);
        QVERIFY(s.isSignedIn());
        clock.advance(1000);                         // expiry
        QCOMPARE(expired.count(), 1);
        QCOMPARE(s.secondsLeft(), qint64(0));

        clock.advance(3600 * 1000);                  // and nothing more, ever
        QCOMPARE(warned.count(), 1);
        QCOMPARE(expired.count(), 1);
        QCOMPARE(clock.pending(), 0);
    }

    void alreadyInsideTheWindow()
    {
        FakeClock clock;
        Session s(&clock);
        QSignalSpy warned(&s, &Session::expiringSoon);
        QSignalSpy expired(&s, &Session::sessionExpired);
        s.set(endpoint(), QStringLiteral("tok"), infoExpiringIn(clock, 300), true);
        clock.advance(0);                            // warned at once (asynchronously, not inside set())
        QCOMPARE(warned.count(), 1);
        QCOMPARE(warned.first().first().toLongLong(), qint64(300));
        clock.advance(299 * 1000);
        QCOMPARE(warned.count(), 1);
        QCOMPARE(expired.count(), 0);
        clock.advance(1000);
        QCOMPARE(expired.count(), 1);
    }

    void farFromExpiry()
    {
        FakeClock clock;
        Session s(&clock);
        QSignalSpy warned(&s, &Session::expiringSoon);
        QSignalSpy expired(&s, &Session::sessionExpired);
        s.set(endpoint(), QStringLiteral("tok"), infoExpiringIn(clock, 7 * 86400), true);
        clock.advance(6 * 86400 * 1000LL);           // six days on: more than 15 min left
        QCOMPARE(warned.count(), 0);
        QCOMPARE(expired.count(), 0);
        QVERIFY(s.secondsLeft() > kWarn);
    }

    void noExpiryNoTimers()
    {
        FakeClock clock;
        Session s(&clock);
        QSignalSpy warned(&s, &Session::expiringSoon);
        QSignalSpy expired(&s, &Session::sessionExpired);
        SessionInfo i = infoExpiringIn(clock, 0);
        i.expiresAt = {};
        s.set(endpoint(), QStringLiteral("tok"), i, false);
        QCOMPARE(clock.pending(), 0);
        clock.advance(30LL * 86400 * 1000);
        QCOMPARE(warned.count(), 0);
        QCOMPARE(expired.count(), 0);
    }

    void alreadyExpired()
    {
        FakeClock clock;
        Session s(&clock);
        QSignalSpy warned(&s, &Session::expiringSoon);
        QSignalSpy expired(&s, &Session::sessionExpired);
        s.set(endpoint(), QStringLiteral("tok"), infoExpiringIn(clock, -60), true);
        clock.advance(0);
        QCOMPARE(warned.count(), 0);                 // no "expires in -60 s" warning
        QCOMPARE(expired.count(), 1);
    }

    void signOutDisarms()
    {
        FakeClock clock;
        Session s(&clock);
        QSignalSpy warned(&s, &Session::expiringSoon);
        QSignalSpy expired(&s, &Session::sessionExpired);
        s.set(endpoint(), QStringLiteral("tok"), infoExpiringIn(clock, 3600), true);
        s.clear();
        clock.advance(2 * 3600 * 1000);
        QCOMPARE(warned.count(), 0);
        QCOMPARE(expired.count(), 0);
    }

    void extendedSessionRearms()
    {
        // get-session may report a later expiry (better-auth refreshes sessions): the old timers must not fire.
        FakeClock clock;
        Session s(&clock);
        QSignalSpy warned(&s, &Session::expiringSoon);
        QSignalSpy expired(&s, &Session::sessionExpired);
        s.set(endpoint(), QStringLiteral("tok"), infoExpiringIn(clock, 3600), true);
        clock.advance(1800 * 1000);
        s.updateFrom(infoExpiringIn(clock, 7 * 86400));
        clock.advance(3600 * 1000);                  // past the first expiry
        QCOMPARE(warned.count(), 0);
        QCOMPARE(expired.count(), 0);
        QVERIFY(s.isSignedIn());
        clock.advance((7 * 86400 - 3600 - kWarn) * 1000LL);
        QCOMPARE(warned.count(), 1);
    }

    void resignInResetsTheExpiredFlag()
    {
        FakeClock clock;
        Session s(&clock);
        QSignalSpy expired(&s, &Session::sessionExpired);
        s.set(endpoint(), QStringLiteral("tok"), infoExpiringIn(clock, 60), true);
        clock.advance(60 * 1000);
        QCOMPARE(expired.count(), 1);
        s.reportUnauthorized();                      // a 401 after expiry: still once
        QCOMPARE(expired.count(), 1);
        s.set(endpoint(), QStringLiteral("tok2"), infoExpiringIn(clock, 60), true);
        clock.advance(60 * 1000);
        QCOMPARE(expired.count(), 2);
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
