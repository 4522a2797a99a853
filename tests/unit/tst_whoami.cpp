// WhoamiAnswer directly (core: the channel's {"action":"whoami"} answer as the identity line's text).
#include "core/ChannelWhoami.h"

#include <QTest>

class TestWhoami : public QObject
{
    Q_OBJECT

private slots:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("textHas");
        QTest::addColumn<QString>("detailHas");
        using K = WhoamiAnswer::Kind;
        QTest::newRow("other action") << QByteArray(R"({"action":"echo","data":{}})") << int(K::NotWhoami) << QString() << QString();
        QTest::newRow("not JSON") << QByteArray("whoami") << int(K::NotWhoami) << QString() << QString();
        QTest::newRow("JSON array") << QByteArray(R"(["whoami"])") << int(K::NotWhoami) << QString() << QString();
        QTest::newRow("refused") << QByteArray(R"({"action":"whoami","error":"Unauthorized for route"})") << int(K::Refused)
                                 << QString() << QStringLiteral("whoami refused: Unauthorized for route");
        QTest::newRow("no session") << QByteArray(R"({"action":"whoami","session":null})") << int(K::NoSession) << QString() << QString();
        QTest::newRow("api key") << QByteArray(R"({"action":"whoami","session":{"userId":"u_1","name":"svc-backup","via":"api-key","keyId":"k_1","keyName":"backup-ws","permissions":{"ws":["connect"],"files":["read","write"]}}})")
                                 << int(K::Session) << QStringLiteral("as svc-backup via api-key 'backup-ws' · permissions files:read,write, ws:connect")
                                 << QStringLiteral("key id k_1");
        QTest::newRow("api key without name or permissions") << QByteArray(R"({"action":"whoami","session":{"userId":"u_1","via":"api-key","keyId":"k_9"}})")
                                 << int(K::Session) << QStringLiteral("as u_1 via api-key 'k_9' · permissions none") << QStringLiteral("user id u_1");
        QTest::newRow("bearer with email and role") << QByteArray(R"({"action":"whoami","session":{"userId":"u_2","name":"Ada","email":"ada@example.com","role":"admin"}})")
                                 << int(K::Session) << QStringLiteral("as Ada <ada@example.com> via bearer · role admin")
                                 << QStringLiteral("email ada@example.com");
        QTest::newRow("name falls back to email") << QByteArray(R"({"action":"whoami","session":{"userId":"u_3","email":"x@example.com","via":"cookie"}})")
                                 << int(K::Session) << QStringLiteral("as x@example.com via cookie") << QStringLiteral("user id u_3");
        QTest::newRow("expiry kept as sent when unreadable") << QByteArray(R"({"action":"whoami","session":{"userId":"u_4","expiresAt":"soon"}})")
                                 << int(K::Session) << QStringLiteral(" · until soon") << QString();
    }
    void parse()
    {
        QFETCH(QByteArray, payload);
        QFETCH(int, kind);
        QFETCH(QString, textHas);
        QFETCH(QString, detailHas);
        const WhoamiAnswer a = WhoamiAnswer::parse(payload);
        QCOMPARE(int(a.kind), kind);
        if (textHas.isEmpty())
            QVERIFY2(a.text.isEmpty() || a.kind == WhoamiAnswer::Kind::Session, qPrintable(a.text));
        else
            QVERIFY2(a.text.contains(textHas), qPrintable(a.text));
        if (!detailHas.isEmpty())
            QVERIFY2(a.detail.contains(detailHas), qPrintable(a.detail));
    }
};

QTEST_GUILESS_MAIN(TestWhoami)
#include "tst_whoami.moc"
