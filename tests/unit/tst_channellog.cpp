#include "services/models/ChannelLogModel.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using Dir = ChannelMessage::Direction;

class TestChannelLog : public QObject
{
    Q_OBJECT
private slots:
    void scanner_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("action");
        QTest::newRow("simple") << QByteArray(R"({"action":"whoami"})") << QStringLiteral("whoami");
        QTest::newRow("spaces") << QByteArray(R"({ "x": 1, "action" : "list" })") << QStringLiteral("list");
        QTest::newRow("nested is ignored") << QByteArray(R"({"data":{"action":"inner"},"action":"outer"})") << QStringLiteral("outer");
        QTest::newRow("only nested") << QByteArray(R"({"data":{"action":"inner"}})") << QString();
        QTest::newRow("in a string value") << QByteArray(R"({"msg":"\"action\":\"fake\""})") << QString();
        QTest::newRow("not a string") << QByteArray(R"({"action":5})") << QString();
        QTest::newRow("absent") << QByteArray(R"({"topic":"sessions"})") << QString();
        QTest::newRow("truncated") << QByteArray(R"({"action":"who)") << QString();
        QTest::newRow("the key's text as a value first") << QByteArray(R"({"type":"action","action":"list"})") << QStringLiteral("list");
        QTest::newRow("escaped quotes before the key") << QByteArray("{\"note\":\"a \\\"b\\\" c\\\\\",\"action\":\"echo\"}") << QStringLiteral("echo");
        QTest::newRow("escaped value") << QByteArray("{\"action\":\"a\\\"b\"}") << QString();
        QTest::newRow("key inside an array") << QByteArray(R"({"list":[{"action":"x"}]})") << QString();
    }
    void scanner()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, action);
        QCOMPARE(scanJsonStringField(json, "action"), action);
    }

    void ringBufferKeepsNewest()
    {
        ChannelLogModel log(5);
        QAbstractItemModelTester tester(&log, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (int i = 1; i <= 3; ++i)
            log.appendText(QByteArray("{\"n\":") + QByteArray::number(i) + "}", Dir::Received);
        QCOMPARE(log.rowCount(), 0);     // batched: nothing until the frame flush
        QCOMPARE(log.pendingCount(), 3);
        log.flush();
        QCOMPARE(log.rowCount(), 3);
        for (int i = 4; i <= 7; ++i)
            log.appendText(QByteArray("{\"n\":") + QByteArray::number(i) + "}", Dir::Received);
        QSignalSpy removed(&log, &QAbstractItemModel::rowsRemoved);
        log.flush();
        QCOMPARE(log.rowCount(), 5);
        QCOMPARE(removed.count(), 1);    // oldest removed first, then the new rows inserted
        QCOMPARE(log.at(0).seq, qint64(3));
        QCOMPARE(log.at(4).seq, qint64(7));
        QCOMPARE(log.data(log.index(4, ChannelLogModel::MessageColumn)).toString(), QStringLiteral("{\"n\":7}"));
        QCOMPARE(log.dropped(), qint64(2));
        QCOMPARE(log.rowForSeq(5).value_or(-1), 2);
        QVERIFY(!log.rowForSeq(2).has_value());
        // A batch larger than the cap replaces everything.
        for (int i = 0; i < 12; ++i)
            log.appendText("{}", Dir::Received);
        log.flush();
        QCOMPARE(log.rowCount(), 5);
        QCOMPARE(log.at(4).seq, qint64(19));
        QCOMPARE(log.totalCaptured(), qint64(19));
    }

    void flushHappensByItselfPerFrame()
    {
        ChannelLogModel log(100);
        QSignalSpy flushed(&log, &ChannelLogModel::flushed);
        for (int i = 0; i < 50; ++i)
            log.appendText("{\"action\":\"tick\"}", Dir::Received);
        QVERIFY(flushed.wait(1000));
        QCOMPARE(flushed.count(), 1);    // fifty messages, one insert
        QCOMPARE(log.rowCount(), 50);
    }

    void pausedViewKeepsCapturing()
    {
        ChannelLogModel log(10);
        log.setPaused(true);
        for (int i = 0; i < 25; ++i)
            log.appendText("{}", Dir::Received);
        QTest::qWait(50);
        QCOMPARE(log.rowCount(), 0);
        QVERIFY(log.pendingCount() <= 20);   // still bounded while paused
        log.setPaused(false);
        QCOMPARE(log.rowCount(), 10);
        QCOMPARE(log.at(9).seq, qint64(25));
    }

    void pairsRepliesWithRequests()
    {
        ChannelLogModel log;
        const qint64 req = log.appendText(R"({"action":"whoami"})", Dir::Sent);
        log.appendText(R"({"topic":"sessions","event":"connection.opened"})", Dir::Received);
        const qint64 rep = log.appendText(R"({"action":"whoami","session":{}})", Dir::Received);
        const qint64 rpcIn = log.appendText(R"({"action":"pikku-rpc-request","id":"r1","funcName":"f"})", Dir::Received);
        const qint64 rpcOut = log.appendText(R"({"action":"pikku-rpc-response","id":"r1","ok":true})", Dir::Sent);
        log.flush();
        QCOMPARE(log.at(*log.rowForSeq(req)).pairedSeq, rep);
        QCOMPARE(log.at(*log.rowForSeq(rep)).pairedSeq, req);
        QCOMPARE(log.at(*log.rowForSeq(rpcIn)).pairedSeq, rpcOut);
        QCOMPARE(log.at(*log.rowForSeq(rpcOut)).pairedSeq, rpcIn);
        QCOMPARE(log.at(1).pairedSeq, qint64(-1));
        // A pushed event has no action: its Action cell names the event instead of staying empty.
        QCOMPARE(log.data(log.index(1, ChannelLogModel::ActionColumn)).toString(), QStringLiteral("event connection.opened"));
        QCOMPARE(log.data(log.index(*log.rowForSeq(rpcIn), ChannelLogModel::ActionColumn)).toString(),
                 QStringLiteral("pikku-rpc-request #r1"));
    }

    void pikkuErrorsAreReadable()
    {
        ChannelLogModel log;
        log.appendText(R"("Unauthorized for route 'action:list'")", Dir::Received);
        log.appendText(R"({"action":"list","error":"forbidden","code":"FORBIDDEN"})", Dir::Received);
        log.appendText(R"({"action":"list","connections":[]})", Dir::Received);
        log.flush();
        QVERIFY(log.data(log.index(0, ChannelLogModel::MessageColumn)).toString().contains(QStringLiteral("Not authorized")));
        QVERIFY(log.data(log.index(0, 0), ChannelLogModel::ErrorRole).toBool());
        QVERIFY(log.data(log.index(1, 0), ChannelLogModel::ErrorRole).toBool());
        QVERIFY(!log.data(log.index(2, 0), ChannelLogModel::ErrorRole).toBool());
    }

    void filtering()
    {
        ChannelLogModel log;
        ChannelLogFilterModel filter;
        filter.setSourceModel(&log);
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        log.appendText(R"({"action":"whoami"})", Dir::Sent);
        log.appendText(R"({"action":"whoami","session":{"email":"Admin@Example.com"}})", Dir::Received);
        log.appendText(R"({"topic":"sessions","event":"session.created"})", Dir::Received);
        log.appendText(R"({"action":"list","error":"nope"})", Dir::Received);
        log.flush();
        QCOMPARE(filter.rowCount(), 4);
        filter.setText(QStringLiteral("admin@example"));   // case-insensitive
        QCOMPARE(filter.rowCount(), 1);
        filter.setText(QString());
        filter.setDirection(ChannelLogFilterModel::Direction::Sent);
        QCOMPARE(filter.rowCount(), 1);
        filter.setDirection(ChannelLogFilterModel::Direction::Any);
        QString error;
        QVERIFY(filter.setRegularExpression(QStringLiteral(R"("event":"session\.\w+")"), &error));
        QCOMPARE(filter.rowCount(), 1);
        QVERIFY(!filter.setRegularExpression(QStringLiteral("(unclosed"), &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(filter.rowCount(), 1);   // the old filter stays
        QVERIFY(filter.setRegularExpression(QString()));
        filter.setErrorsOnly(true);
        QCOMPARE(filter.rowCount(), 1);
        filter.setErrorsOnly(false);
        // Filtering never removes from the log itself.
        QCOMPARE(log.rowCount(), 4);
        // New rows are filtered as they arrive.
        filter.setText(QStringLiteral("whoami"));
        log.appendText(R"({"action":"whoami"})", Dir::Sent);
        log.appendText(R"({"action":"list"})", Dir::Sent);
        log.flush();
        QCOMPARE(filter.rowCount(), 3);
    }

    void exportNdjson()
    {
        ChannelLogModel log;
        log.appendText(R"({"action":"echo","x":[1,2]})", Dir::Sent);
        log.appendText("plain \"text\" line\n", Dir::Received);
        log.appendText(R"({"broken": )", Dir::Received);
        log.flush();
        QBuffer buf;
        buf.open(QIODevice::WriteOnly);
        QCOMPARE(log.exportNdjson(&buf), qint64(3));
        const QList<QByteArray> lines = buf.data().trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        for (const QByteArray &l : lines)
            QVERIFY2(QJsonDocument::fromJson(l).isObject(), l.constData());
        const QJsonObject first = QJsonDocument::fromJson(lines[0]).object();
        QCOMPARE(first.value(QStringLiteral("dir")).toString(), QStringLiteral("out"));
        QCOMPARE(first.value(QStringLiteral("action")).toString(), QStringLiteral("echo"));
        QVERIFY(first.value(QStringLiteral("data")).isObject());
        QCOMPARE(QJsonDocument::fromJson(lines[1]).object().value(QStringLiteral("data")).toString(),
                 QStringLiteral("plain \"text\" line\n"));
        QVERIFY(QJsonDocument::fromJson(lines[2]).object().value(QStringLiteral("data")).isString());
        // only selected rows
        QBuffer some;
        some.open(QIODevice::WriteOnly);
        QCOMPARE(log.exportNdjson(&some, {0, 2}), qint64(2));
    }

    void byteCapBoundsLargeMessages()
    {
        ChannelLogModel log(1000);
        log.setMaxBytes(10 * 1024);
        const QByteArray big = "{\"pad\":\"" + QByteArray(1000, 'x') + "\"}";
        for (int i = 0; i < 30; ++i)
            log.appendText(big, Dir::Received);
        log.flush();
        QVERIFY(log.heldBytes() <= 10 * 1024);
        QCOMPARE(log.rowCount(), int(10 * 1024 / big.size()));
        QCOMPARE(log.at(log.rowCount() - 1).seq, qint64(30));   // the newest are kept
        for (int i = 0; i < 30; ++i) {
            log.appendText(big, Dir::Received);
            log.flush();
            QVERIFY(log.heldBytes() <= 10 * 1024);
        }
        QCOMPARE(log.dropped(), log.totalCaptured() - log.rowCount());
        // small messages are still bounded by the count cap
        log.clear();
        QCOMPARE(log.heldBytes(), qint64(0));
    }

    // Messages the byte cap trims from the pending queue (a flood between two frames) leave a gap in the seqs
    // of the rows: every row is still found by its seq, a dropped one is not, and a reply after the gap pairs
    // with its request (fuzz_channel_message: rowForSeq assumed consecutive seqs and answered the wrong row).
    void rowsWithGapsAreFoundBySeq()
    {
        ChannelLogModel log(10);
        log.setMaxBytes(1000);
        for (int i = 0; i < 3; ++i)
            log.appendText("{}", Dir::Received);                           // seqs 1-3
        log.flush();
        const QByteArray big = "{\"pad\":\"" + QByteArray(290, 'x') + "\"}";
        for (int i = 0; i < 7; ++i)
            log.appendText(big, Dir::Received);                            // seqs 4-10: 4-7 trimmed
        log.flush();
        QCOMPARE(log.rowCount(), 6);
        QCOMPARE(log.at(3).seq, qint64(8));
        for (int row = 0; row < log.rowCount(); ++row)
            QCOMPARE(log.rowForSeq(log.at(row).seq).value_or(-1), row);
        QVERIFY(!log.rowForSeq(5).has_value());
        QVERIFY(!log.rowForSeq(11).has_value());
        const qint64 req = log.appendText(R"({"action":"whoami"})", Dir::Sent);
        log.flush();
        const qint64 rep = log.appendText(R"({"action":"whoami","session":{}})", Dir::Received);
        log.flush();
        QCOMPARE(log.at(*log.rowForSeq(req)).pairedSeq, rep);
        QCOMPARE(log.at(*log.rowForSeq(rep)).pairedSeq, req);
    }

    void capacityChangeKeepsNewest()
    {
        ChannelLogModel log(100);
        for (int i = 0; i < 60; ++i)
            log.appendText("{}", Dir::Received);
        log.flush();
        log.setCapacity(10);
        QCOMPARE(log.rowCount(), 10);
        QCOMPARE(log.at(9).seq, qint64(60));
        log.appendText("{}", Dir::Received);
        log.flush();
        QCOMPARE(log.rowCount(), 10);
        QCOMPARE(log.at(9).seq, qint64(61));
    }
};

QTEST_GUILESS_MAIN(TestChannelLog)
#include "tst_channellog.moc"
