#include "core/Json.h"

#include <QJsonDocument>
#include <QTest>

#include <limits>

// JsonReader's number check: every integer the console reads from server JSON goes through it.
class TestJson : public QObject
{
    Q_OBJECT
private slots:
    void integer_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<qint64>("min");
        QTest::addColumn<qint64>("max");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qint64>("expected");
        QTest::addColumn<QString>("errorContains");
        const qint64 safe = JsonReader::kMaxSafeInteger;
        QTest::newRow("zero") << QByteArray("0") << qint64(0) << safe << true << qint64(0) << QString();
        QTest::newRow("2^53-1") << QByteArray("9007199254740991") << -safe << safe << true << safe << QString();
        QTest::newRow("-(2^53-1)") << QByteArray("-9007199254740991") << -safe << safe << true << -safe << QString();
        QTest::newRow("2^53") << QByteArray("9007199254740992") << -safe << safe << false << qint64(0) << QStringLiteral("out of range");
        QTest::newRow("2^63") << QByteArray("9223372036854775808") << -safe << safe << false << qint64(0) << QStringLiteral("out of range");
        QTest::newRow("1e300") << QByteArray("1e300") << -safe << safe << false << qint64(0) << QStringLiteral("out of range");
        QTest::newRow("-1e300") << QByteArray("-1e300") << -safe << safe << false << qint64(0) << QStringLiteral("out of range");
        QTest::newRow("max wider than safe") << QByteArray("1e300") << std::numeric_limits<qint64>::min()
                                             << std::numeric_limits<qint64>::max() << false << qint64(0) << QStringLiteral("out of range");
        QTest::newRow("negative count") << QByteArray("-1") << qint64(0) << safe << false << qint64(0) << QStringLiteral("out of range (0..");
        QTest::newRow("above max") << QByteArray("61") << qint64(1) << qint64(60) << false << qint64(0) << QStringLiteral("out of range (1..60)");
        QTest::newRow("at max") << QByteArray("60") << qint64(1) << qint64(60) << true << qint64(60) << QString();
        QTest::newRow("fraction") << QByteArray("2.5") << -safe << safe << false << qint64(0) << QStringLiteral("not a whole number");
        QTest::newRow("tiny fraction") << QByteArray("1e-300") << -safe << safe << false << qint64(0) << QStringLiteral("not a whole number");
        QTest::newRow("exponent integer") << QByteArray("1e3") << -safe << safe << true << qint64(1000) << QString();
        QTest::newRow("string") << QByteArray("\"5\"") << -safe << safe << false << qint64(0) << QStringLiteral("not a number");
        QTest::newRow("bool") << QByteArray("true") << -safe << safe << false << qint64(0) << QStringLiteral("not a number");
        QTest::newRow("array") << QByteArray("[1]") << -safe << safe << false << qint64(0) << QStringLiteral("not a number");
    }
    void integer()
    {
        QFETCH(QByteArray, value);
        QFETCH(qint64, min);
        QFETCH(qint64, max);
        QFETCH(bool, ok);
        QFETCH(qint64, expected);
        QFETCH(QString, errorContains);
        QJsonParseError pe{};
        const QJsonObject o = QJsonDocument::fromJson("{\"n\":" + value + "}", &pe).object();
        QCOMPARE(pe.error, QJsonParseError::NoError);

        JsonReader r(o, QStringLiteral("x"));
        const qint64 n = r.integer("n", min, max);
        QCOMPARE(r.ok(), ok);
        QCOMPARE(n, expected);
        if (!ok) {
            QVERIFY2(r.error().contains(QLatin1String("'x.n'")), qPrintable(r.error()));
            QVERIFY2(r.error().contains(errorContains), qPrintable(r.error()));
        }

        JsonReader opt(o);
        const std::optional<qint64> m = opt.optInteger("n", min, max);
        QCOMPARE(opt.ok(), ok);
        QCOMPARE(m.has_value(), ok);
        if (ok)
            QCOMPARE(*m, expected);
        QCOMPARE(jsonInteger(o.value(QStringLiteral("n")), min, max).has_value(), ok);
    }

    void absentAndNull()
    {
        const QJsonObject o = QJsonDocument::fromJson(R"({"z":null})").object();
        JsonReader r(o);
        QVERIFY(!r.optInteger("z", 0, 10));
        QVERIFY(!r.optInteger("missing", 0, 10));
        QVERIFY(r.ok());
        r.integer("missing");
        QVERIFY(r.error().contains(QLatin1String("is missing")));
    }
};

QTEST_GUILESS_MAIN(TestJson)
#include "tst_json.moc"
