// The models hand out semantic roles, never colours or fonts (those are the GUI's, gui/Tones.h): the API
// keys' StateRole and the channel log's ErrorRole/DirectionRole, under QAbstractItemModelTester. No
// network: the keys model is fed with upsert() while signed out (it never fetches then).
#include "core/Clock.h"
#include "core/Session.h"
#include "net/ConsoleApi.h"
#include "net/HttpClient.h"
#include "services/models/ApiKeysModel.h"
#include "services/models/ChannelLogModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

namespace {
ApiKey key(const QString &id, bool enabled, const QDateTime &expiresAt)
{
    ApiKey k;
    k.id = id;
    k.userId = QStringLiteral("u_1");
    k.name = id;
    k.start = QStringLiteral("pk_");
    k.enabled = enabled;
    k.createdAt = QDateTime::currentDateTimeUtc().addDays(-10);
    k.expiresAt = expiresAt;
    return k;
}

void noPresentation(const QAbstractItemModel &m)
{
    for (int r = 0; r < m.rowCount(); ++r)
        for (int c = 0; c < m.columnCount(); ++c)
            for (int role : {int(Qt::ForegroundRole), int(Qt::BackgroundRole), int(Qt::FontRole), int(Qt::DecorationRole)})
                QVERIFY2(!m.index(r, c).data(role).isValid(), qPrintable(QStringLiteral("row %1 column %2 role %3").arg(r).arg(c).arg(role)));
}
} // namespace

class TestModelRoles : public QObject
{
    Q_OBJECT

private slots:
    void apiKeyStates_data()
    {
        QTest::addColumn<bool>("enabled");
        QTest::addColumn<qint64>("expiresInSeconds");   // 0: never
        QTest::addColumn<int>("state");
        QTest::newRow("active, no expiry") << true << qint64(0) << int(ApiKeysModel::Active);
        QTest::newRow("active, a month left") << true << qint64(30 * 86400) << int(ApiKeysModel::Active);
        QTest::newRow("expiring in a day") << true << qint64(86400) << int(ApiKeysModel::ExpiringSoon);
        QTest::newRow("expired") << true << qint64(-60) << int(ApiKeysModel::Expired);
        QTest::newRow("disabled") << false << qint64(0) << int(ApiKeysModel::Disabled);
        QTest::newRow("disabled and expired") << false << qint64(-60) << int(ApiKeysModel::Expired);
    }
    void apiKeyStates()
    {
        QFETCH(bool, enabled);
        QFETCH(qint64, expiresInSeconds);
        QFETCH(int, state);
        SystemClock clock;
        Session session(&clock);
        HttpClient http;
        ConsoleApi api(&http, &session);
        ApiKeysModel model(&api);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QDateTime expires = expiresInSeconds ? QDateTime::currentDateTimeUtc().addSecs(expiresInSeconds) : QDateTime();
        model.upsert(key(QStringLiteral("k_1"), enabled, expires));
        model.upsert(key(QStringLiteral("k_2"), true, QDateTime()));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(1, 0).data(ApiKeysModel::KeyIdRole).toString(), QStringLiteral("k_1"));
        for (int c = 0; c < model.columnCount(); ++c)
            QCOMPARE(model.index(1, c).data(ApiKeysModel::StateRole).toInt(), state);
        noPresentation(model);
        QVERIFY(!model.canFetchMore({}));   // signed out: nothing is fetched
    }

    void channelLogRoles()
    {
        ChannelLogModel log(100);
        QAbstractItemModelTester tester(&log, QAbstractItemModelTester::FailureReportingMode::QtTest);
        log.appendText(R"({"action":"whoami"})", ChannelMessage::Direction::Sent);
        log.appendText(R"({"action":"whoami","error":"Unauthorized"})", ChannelMessage::Direction::Received);
        log.appendText(R"({"action":"whoami","data":{}})", ChannelMessage::Direction::Received);
        log.flush();
        QCOMPARE(log.rowCount(), 3);
        QCOMPARE(ChannelMessage::Direction(log.index(0, 0).data(ChannelLogModel::DirectionRole).toInt()), ChannelMessage::Direction::Sent);
        QCOMPARE(log.index(1, 0).data(ChannelLogModel::ErrorRole).toBool(), true);
        QCOMPARE(log.index(2, 0).data(ChannelLogModel::ErrorRole).toBool(), false);
        noPresentation(log);
    }
};

QTEST_GUILESS_MAIN(TestModelRoles)
#include "tst_modelroles.moc"
