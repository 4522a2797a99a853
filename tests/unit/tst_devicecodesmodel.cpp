// DeviceCodesModel without widgets or a server: the pending codes under QAbstractItemModelTester while
// lists merge in, the countdown ticks and codes run out; semantic roles only (no colours, no fonts).
#include "FakeClock.h"
#include "services/models/DeviceCodesModel.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

namespace {
PendingDeviceCode code(const QString &userCode, const QDateTime &now, qint64 secondsLeft)
{
    PendingDeviceCode c;
    c.userCode = userCode;
    c.clientId = QStringLiteral("pikku-cli");
    c.scope = QStringLiteral("openid");
    c.createdAt = now.addSecs(-5);
    c.expiresAt = now.addSecs(secondsLeft);
    return c;
}
} // namespace

class TestDeviceCodesModel : public QObject
{
    Q_OBJECT

private slots:
    void mergesTicksAndExpiresUnderTheTester()
    {
        FakeClock clock;
        DeviceCodesModel model(&clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QDateTime now = clock.now();

        model.setCodes({code(QStringLiteral("AAAABBBB"), now, 120), code(QStringLiteral("CCCCDDDD"), now, 40)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(DeviceCodesModel::ColumnCount));
        const int a = model.rowOf(QStringLiteral("AAAABBBB"));
        QVERIFY(a >= 0);
        QCOMPARE(model.index(a, DeviceCodesModel::CodeColumn).data().toString(), QStringLiteral("AAAA-BBBB"));
        QCOMPARE(model.index(a, DeviceCodesModel::TimeLeftColumn).data().toString(), QStringLiteral("2:00"));
        QCOMPARE(model.index(a, 0).data(DeviceCodesModel::SecondsLeftRole).toLongLong(), 120);

        // A fresh list merges in place: the kept row stays where it was (a view's selection survives).
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setCodes({code(QStringLiteral("AAAABBBB"), now, 120), code(QStringLiteral("EEEEFFFF"), now, 90)});
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOf(QStringLiteral("CCCCDDDD")), -1);
        QVERIFY(model.rowOf(QStringLiteral("EEEEFFFF")) >= 0);

        // The countdown moves with the clock; a code whose time ran out leaves at the next tick.
        clock.advance(95 * 1000);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.tick();
        QCOMPARE(model.rowOf(QStringLiteral("EEEEFFFF")), -1);
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(changed.count() >= 1);
        const QModelIndex left = model.index(model.rowOf(QStringLiteral("AAAABBBB")), DeviceCodesModel::TimeLeftColumn);
        QCOMPARE(left.data().toString(), QStringLiteral("0:25"));
        // Less than UrgentSeconds left: what the GUI shows as urgent, read from the role.
        QVERIFY(left.data(DeviceCodesModel::SecondsLeftRole).toLongLong() < DeviceCodesModel::UrgentSeconds);

        model.remove(QStringLiteral("AAAABBBB"));
        QCOMPARE(model.rowCount(), 0);
        model.setCodes({code(QStringLiteral("GGGGHHHH"), clock.now(), 60)});
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void expiredCodesAreNotAdded()
    {
        FakeClock clock;
        DeviceCodesModel model(&clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCodes({code(QStringLiteral("AAAABBBB"), clock.now(), 0), code(QStringLiteral("CCCCDDDD"), clock.now(), -10)});
        QCOMPARE(model.rowCount(), 0);
    }

    void handsOutNoPresentation()
    {
        // Colours and fonts are the GUI's (gui/Tones.h): the model answers no presentation role.
        FakeClock clock;
        DeviceCodesModel model(&clock);
        model.setCodes({code(QStringLiteral("AAAABBBB"), clock.now(), 10)});
        for (int c = 0; c < model.columnCount(); ++c)
            for (int role : {int(Qt::ForegroundRole), int(Qt::BackgroundRole), int(Qt::FontRole), int(Qt::DecorationRole)})
                QVERIFY2(!model.index(0, c).data(role).isValid(), qPrintable(QStringLiteral("column %1 role %2").arg(c).arg(role)));
    }

    void readsTheServerRowsStrictly_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("ok");
        QTest::newRow("one code") << QByteArray(R"({"deviceCodes":[{"userCode":"ABCD-EFGH","clientId":"c","scope":"s","status":"pending","createdAt":"2026-11-22T12:00:00.000Z","expiresAt":"2026-11-22T12:02:00.000Z"}]})") << true;
        QTest::newRow("empty list") << QByteArray(R"({"deviceCodes":[]})") << true;
        QTest::newRow("no list") << QByteArray(R"({"codes":[]})") << false;
        QTest::newRow("no expiry") << QByteArray(R"({"deviceCodes":[{"userCode":"ABCDEFGH"}]})") << false;
        QTest::newRow("empty code") << QByteArray(R"({"deviceCodes":[{"userCode":"","expiresAt":"2026-11-22T12:02:00.000Z"}]})") << false;
        QTest::newRow("row a number") << QByteArray(R"({"deviceCodes":[7]})") << false;
    }
    void readsTheServerRowsStrictly()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, ok);
        QString why;
        const auto codes = PendingDeviceCode::listFromJson(QJsonDocument::fromJson(body).object(), &why);
        QCOMPARE(codes.has_value(), ok);
        QCOMPARE(why.isEmpty(), ok);
        if (ok && !codes->isEmpty())
            QCOMPARE(codes->first().userCode, QStringLiteral("ABCDEFGH"));
    }
};

QTEST_GUILESS_MAIN(TestDeviceCodesModel)
#include "tst_devicecodesmodel.moc"
