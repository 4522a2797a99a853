#include "core/AuthTypes.h"

#include <QJsonDocument>
#include <QTest>

class TestAuthTypes : public QObject
{
    Q_OBJECT
private slots:
    void deviceCode_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("errorContains");
        QTest::newRow("measured") << QByteArray("{\"device_code\":\"Fc8ZGvkhZQylqtnyxmTwU8Iv9QG9R7nIETNH6ZCD\",\"user_code\":\"8UU6KQX3\","
                                             "\"verification_uri\":\"http:/" "/127.0.0.1:3000/device\","
                                             "\"verification_uri_complete\":\"http:/" "/127.0.0.1:3000/device?user_code=8UU6KQX3\","
                                             "\"expires_in\":300,\"interval\":5}")
                                  << true << QString();
        QTest::newRow("no interval → 5") << QByteArray(R"({"device_code":"d","user_code":"u","verification_uri":"v","expires_in":300})")
                                         << true << QString();
        QTest::newRow("missing user_code") << QByteArray(R"({"device_code":"d","verification_uri":"v","expires_in":300})")
                                           << false << QStringLiteral("user_code");
        QTest::newRow("expires_in as string") << QByteArray(R"({"device_code":"d","user_code":"u","verification_uri":"v","expires_in":"300"})")
                                              << false << QStringLiteral("expires_in");
        QTest::newRow("zero expiry") << QByteArray(R"({"device_code":"d","user_code":"u","verification_uri":"v","expires_in":0})")
                                     << false << QStringLiteral("non-positive");
        // A double beyond qint64 (found by fuzz_console_types) is capped, never converted: see the clamp rows below.
        QTest::newRow("interval -1e300") << QByteArray(R"({"device_code":"d","user_code":"u","verification_uri":"v","expires_in":300,"interval":-1e300})")
                                         << false << QStringLiteral("interval' is out of range");
        QTest::newRow("uri wrong type") << QByteArray(R"({"device_code":"d","user_code":"u","verification_uri":5,"expires_in":10})")
                                        << false << QStringLiteral("verification_uri");
    }
    void deviceCode()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, ok);
        QFETCH(QString, errorContains);
        QString error;
        const auto c = DeviceCode::fromJson(QJsonDocument::fromJson(json).object(), &error);
        QCOMPARE(c.has_value(), ok);
        if (!ok)
            QVERIFY2(error.contains(errorContains), qPrintable(error));
        else
            QVERIFY(c->interval >= 1);
    }

    // Numbers from the server are range-checked and clamped: interval 1..60 s, expires_in at most 1 h;
    // a fraction, a negative or a string is refused by name.
    void deviceCodeBounds_data()
    {
        QTest::addColumn<QByteArray>("numbers");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("expiresIn");
        QTest::addColumn<int>("interval");
        QTest::addColumn<QString>("errorContains");
        QTest::newRow("interval 0 → 1") << QByteArray(R"("expires_in":300,"interval":0)") << true << 300 << 1 << QString();
        QTest::newRow("interval 1e6 → 60") << QByteArray(R"("expires_in":300,"interval":1000000)") << true << 300 << 60 << QString();
        QTest::newRow("interval 1e300 → 60") << QByteArray(R"("expires_in":300,"interval":1e300)") << true << 300 << 60 << QString();
        QTest::newRow("interval 2^63 → 60") << QByteArray(R"("expires_in":300,"interval":9223372036854775808)") << true << 300 << 60 << QString();
        QTest::newRow("expires_in 1e300 → 3600") << QByteArray(R"("expires_in":1e300,"interval":5)") << true << 3600 << 5 << QString();
        QTest::newRow("expires_in 2^31 → 3600") << QByteArray(R"("expires_in":2147483648,"interval":5)") << true << 3600 << 5 << QString();
        QTest::newRow("expires_in 1") << QByteArray(R"("expires_in":1,"interval":5)") << true << 1 << 5 << QString();
        QTest::newRow("interval negative") << QByteArray(R"("expires_in":300,"interval":-5)") << false << 0 << 0 << QStringLiteral("non-positive");
        QTest::newRow("interval -1e300") << QByteArray(R"("expires_in":300,"interval":-1e300)") << false << 0 << 0 << QStringLiteral("interval' is out of range");
        QTest::newRow("expires_in null") << QByteArray(R"("expires_in":null)") << false << 0 << 0 << QStringLiteral("expires_in");
        QTest::newRow("expires_in -2^31") << QByteArray(R"("expires_in":-2147483649)") << false << 0 << 0 << QStringLiteral("non-positive");
        QTest::newRow("expires_in fraction") << QByteArray(R"("expires_in":299.5)") << false << 0 << 0 << QStringLiteral("expires_in' is not a whole number");
        QTest::newRow("interval fraction") << QByteArray(R"("expires_in":300,"interval":0.001)") << false << 0 << 0 << QStringLiteral("interval' is not a whole number");
        QTest::newRow("interval string") << QByteArray(R"("expires_in":300,"interval":"5")") << false << 0 << 0 << QStringLiteral("interval' is not a number");
    }
    void deviceCodeBounds()
    {
        QFETCH(QByteArray, numbers);
        QFETCH(bool, ok);
        QFETCH(int, expiresIn);
        QFETCH(int, interval);
        QFETCH(QString, errorContains);
        const QByteArray json = R"({"device_code":"d","user_code":"u","verification_uri":"v",)" + numbers + "}";
        QJsonParseError pe{};
        const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
        QCOMPARE(pe.error, QJsonParseError::NoError);
        QString error;
        const auto c = DeviceCode::fromJson(doc.object(), &error);
        QCOMPARE(c.has_value(), ok);
        if (!ok) {
            QVERIFY2(error.contains(errorContains), qPrintable(error));
            return;
        }
        QCOMPARE(c->expiresIn, expiresIn);
        QCOMPARE(c->interval, interval);
    }

    void defaultInterval()
    {
        const auto c = DeviceCode::fromJson(QJsonDocument::fromJson(QByteArray(R"({"device_code":"d","user_code":"u","verification_uri":"v","expires_in":300})")).object());
        QVERIFY(c);
        QCOMPARE(c->interval, 5);
    }

    void session_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("role");
        QTest::newRow("measured") << QByteArray(R"({"session":{"expiresAt":"2026-11-29T11:01:33.743Z","token":"x","id":"s1","userId":"u1"},"user":{"id":"u1","email":"admin@example.com","name":"Admin","role":"admin"}})")
                                  << true << QStringLiteral("admin");
        QTest::newRow("roles array") << QByteArray(R"({"session":{"expiresAt":"2026-11-29T11:01:33Z","id":"s1"},"user":{"id":"u1","role":["user","admin"]}})")
                                     << true << QStringLiteral("user,admin");
        QTest::newRow("no role (admin plugin off)") << QByteArray(R"({"session":{"expiresAt":"2026-11-29T11:01:33Z","id":"s1"},"user":{"id":"u1"}})")
                                                    << true << QString();
        QTest::newRow("missing user") << QByteArray(R"({"session":{"expiresAt":"2026-11-29T11:01:33Z","id":"s1"}})") << false << QString();
        QTest::newRow("bad time") << QByteArray(R"({"session":{"expiresAt":"next week","id":"s1"},"user":{"id":"u1"}})") << false << QString();
        QTest::newRow("user id number") << QByteArray(R"({"session":{"expiresAt":"2026-11-29T11:01:33Z","id":"s1"},"user":{"id":7}})") << false << QString();
    }
    void session()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, ok);
        QFETCH(QString, role);
        QString error;
        const auto s = SessionInfo::fromJson(QJsonDocument::fromJson(json).object(), &error);
        QCOMPARE(s.has_value(), ok);
        if (ok) {
            QCOMPARE(s->user.role, role);
            QCOMPARE(s->expiresAt.timeSpec(), Qt::UTC);
        } else {
            QVERIFY(!error.isEmpty());
        }
    }

    void adminRole()
    {
        AuthUser u;
        u.role = QStringLiteral("user, admin");
        QVERIFY(u.isAdmin());
        u.role = QStringLiteral("administrator");
        QVERIFY(!u.isAdmin());
    }

    void userCodes()
    {
        QCOMPARE(normalizeUserCode(QStringLiteral("8uu6-kqx3")), QStringLiteral("8UU6KQX3"));
        QCOMPARE(normalizeUserCode(QStringLiteral(" 8UU6 KQX3 ")), QStringLiteral("8UU6KQX3"));
        QCOMPARE(formatUserCode(QStringLiteral("8uu6kqx3")), QStringLiteral("8UU6-KQX3"));
    }

    void storedSessionRoundTrip()
    {
        StoredSession s;
        s.server = QStringLiteral("http://127.0.0.1:3000");
        s.authPath = QStringLiteral("/api/auth");
        s.token = QStringLiteral("AtJS9QLBpBf8mj3SR4qLEYfVueDT0Z6X");
        s.expiresAt = QDateTime(QDate(2026, 11, 29), QTime(11, 0), Qt::UTC);
        s.user.id = QStringLiteral("u1");
        s.user.email = QStringLiteral("admin@example.com");
        const auto back = StoredSession::fromKeychainData(s.toKeychainData());
        QVERIFY(back);
        QCOMPARE(back->token, s.token);
        QCOMPARE(back->expiresAt, s.expiresAt);
        QCOMPARE(back->user.email, s.user.email);
        // a bare token (an entry written by hand) is accepted; junk is not
        QCOMPARE(StoredSession::fromKeychainData("abc123")->token, QStringLiteral("abc123"));
        QVERIFY(!StoredSession::fromKeychainData("{\"token\":5}"));
        QVERIFY(!StoredSession::fromKeychainData(""));
    }
};

QTEST_GUILESS_MAIN(TestAuthTypes)
#include "tst_authtypes.moc"
