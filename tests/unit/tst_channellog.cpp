#include "services/models/ChannelLogModel.h"
#include "services/models/ChannelLogFilterModel.h"

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

    // Pairing, case by case. frames: "> json" sent, "< json" received (seq = position, from 1).
    // pairs: "a=b" pair both ways; "a>b" a points at b only (a pikku-rpc-pending at its request). Every
    // frame not named has no pair. pending: the frames marked pending (rpcPending) at the end.
    void pairing_data()
    {
        QTest::addColumn<QStringList>("frames");
        QTest::addColumn<QString>("pairs");
        QTest::addColumn<QString>("pending");
        const QString l = QStringLiteral(R"({"action":"list"})");
        const QString w = QStringLiteral(R"({"action":"whoami"})");
        auto req = [](const char *id) { return QStringLiteral(R"({"action":"pikku-rpc-request","id":"%1","funcName":"f","data":{}})").arg(QLatin1String(id)); };
        auto resp = [](const char *id) { return QStringLiteral(R"({"action":"pikku-rpc-response","id":"%1","ok":true,"result":1})").arg(QLatin1String(id)); };
        auto pend = [](const char *id) { return QStringLiteral(R"({"action":"pikku-rpc-pending","id":"%1","reason":"a human is being asked"})").arg(QLatin1String(id)); };
        const QString in = QStringLiteral("< "), out = QStringLiteral("> ");
        QTest::newRow("one request, one reply") << QStringList{out + l, in + R"({"action":"list","rows":[]})"} << "1=2" << "";
        QTest::newRow("two same-action requests in flight: FIFO")
            << QStringList{out + R"({"action":"list","page":1})", out + R"({"action":"list","page":2})",
                           in + R"({"action":"list","page":1,"rows":[]})", in + R"({"action":"list","page":2,"rows":[]})"}
            << "1=3 2=4" << "";
        QTest::newRow("three in flight, two answered") << QStringList{out + l, out + l, out + l, in + l, in + l} << "1=4 2=5" << "";
        QTest::newRow("interleaved actions") << QStringList{out + l, out + w, in + w, in + l} << "1=4 2=3" << "";
        QTest::newRow("reply without a request") << QStringList{in + l} << "" << "";
        QTest::newRow("a received frame is no request") << QStringList{in + l, in + l} << "" << "";
        QTest::newRow("events do not pair") << QStringList{out + l, in + R"({"topic":"sessions","event":"created"})"} << "" << "";
        QTest::newRow("rpc by id, answered out of order") << QStringList{in + req("r1"), in + req("r2"), out + resp("r2"), out + resp("r1")}
                                                          << "1=4 2=3" << "";
        QTest::newRow("rpc request the client sent") << QStringList{out + req("c1"), in + resp("c1")} << "1=2" << "";
        QTest::newRow("rpc pending does not consume the id") << QStringList{in + req("r1"), out + pend("r1"), out + resp("r1")}
                                                             << "1=3 2>1" << "";
        QTest::newRow("rpc pending, no response yet") << QStringList{in + req("r1"), out + pend("r1")} << "2>1" << "1";
        QTest::newRow("rpc pending twice, then the response") << QStringList{in + req("r1"), out + pend("r1"), out + pend("r1"), out + resp("r1")}
                                                              << "1=4 2>1 3>1" << "";
        QTest::newRow("rpc pending for an unknown id") << QStringList{out + pend("zz"), in + req("zz"), out + resp("zz")} << "2=3" << "";
        QTest::newRow("rpc answer from the same side is no answer") << QStringList{in + req("r1"), in + resp("r1")} << "" << "";
        QTest::newRow("rpc envelopes and routing keys do not mix")
            << QStringList{out + l, in + req("r1"), in + l, out + resp("r1")} << "1=3 2=4" << "";
        QTest::newRow("Unauthorized for route answers that route's oldest request")
            << QStringList{out + w, out + l, in + R"("Unauthorized for route 'action:list'")", in + w} << "2=3 1=4" << "";
    }
    void pairing()
    {
        QFETCH(QStringList, frames);
        QFETCH(QString, pairs);
        QFETCH(QString, pending);
        ChannelLogModel log;
        QAbstractItemModelTester tester(&log, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (const QString &f : frames)
            log.appendText(f.mid(2).toUtf8(), f.startsWith(QLatin1Char('>')) ? Dir::Sent : Dir::Received);
        log.flush();
        QCOMPARE(log.rowCount(), frames.size());
        QList<qint64> expected(frames.size() + 1, -1);
        for (const QString &p : pairs.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            const bool both = p.contains(QLatin1Char('='));
            const QStringList ab = p.split(both ? QLatin1Char('=') : QLatin1Char('>'));
            const int a = ab.at(0).toInt(), b = ab.at(1).toInt();
            expected[a] = b;
            if (both)
                expected[b] = a;
        }
        QList<bool> expectedPending(frames.size() + 1, false);
        for (const QString &p : pending.split(QLatin1Char(' '), Qt::SkipEmptyParts))
            expectedPending[p.toInt()] = true;
        for (int seq = 1; seq <= frames.size(); ++seq) {
            const ChannelMessage &m = log.at(*log.rowForSeq(seq));
            QVERIFY2(m.pairedSeq == expected[seq], qPrintable(QStringLiteral("#%1 paired with %2, expected %3").arg(seq).arg(m.pairedSeq).arg(expected[seq])));
            QVERIFY2(m.rpcPending == expectedPending[seq], qPrintable(QStringLiteral("#%1 pending %2").arg(seq).arg(m.rpcPending)));
            QCOMPARE(log.data(log.index(*log.rowForSeq(seq), 0), ChannelLogModel::RpcPendingRole).toBool(), expectedPending[seq]);
        }
    }

    // A request the view already shows is repainted when its reply (or a pikku-rpc-pending) arrives.
    void shownRowsRepaintWhenPaired()
    {
        ChannelLogModel log;
        QAbstractItemModelTester tester(&log, QAbstractItemModelTester::FailureReportingMode::QtTest);
        log.appendText(R"({"action":"pikku-rpc-request","id":"r1"})", Dir::Received);
        log.appendText(R"({"action":"list"})", Dir::Sent);
        log.flush();
        QSignalSpy changed(&log, &QAbstractItemModel::dataChanged);
        log.appendText(R"({"action":"pikku-rpc-pending","id":"r1"})", Dir::Sent);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
        QVERIFY(log.data(log.index(0, ChannelLogModel::ActionColumn)).toString().endsWith(QStringLiteral("(pending)")));
        log.appendText(R"({"action":"list"})", Dir::Received);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(changed.at(1).at(0).toModelIndex().row(), 1);
    }

    // The unanswered requests are bounded: a flood of requests nobody answers forgets the oldest.
    void openRequestsAreBounded()
    {
        ChannelLogModel log;
        for (int i = 0; i < ChannelLogModel::kMaxOpen + 500; ++i)
            log.appendText(R"({"action":"ping"})", Dir::Sent);
        QCOMPARE(log.openRequests(), ChannelLogModel::kMaxOpen);
        const qint64 rep = log.appendText(R"({"action":"ping"})", Dir::Received);
        log.flush();
        QCOMPARE(log.at(*log.rowForSeq(rep)).pairedSeq, qint64(501));   // the oldest still remembered
        QCOMPARE(log.openRequests(), ChannelLogModel::kMaxOpen - 1);
    }

    void authFailures_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<bool>("received");
        QTest::addColumn<bool>("authFailure");
        QTest::addColumn<bool>("error");
        QTest::addColumn<QString>("route");
        QTest::newRow("Pikku's bare string") << QByteArray(R"("Unauthorized for route 'action:list'")") << true << true << true << "list";
        QTest::newRow("unquoted") << QByteArray("Unauthorized for route 'op:ban'") << true << true << true << "ban";
        QTest::newRow("lower case, leading space") << QByteArray("  unauthorized") << true << true << true << "";
        QTest::newRow("inside a short sentence") << QByteArray("request was Unauthorized (key revoked)") << true << true << true << "";
        QTest::newRow("long text starting with it") << (QByteArray("Unauthorized ") + QByteArray(5000, 'x')) << true << true << true << "";
        QTest::newRow("long text mentioning it") << (QByteArray(5000, 'x') + " unauthorized") << true << false << false << "";
        QTest::newRow("other text") << QByteArray("hello") << true << false << false << "";
        QTest::newRow("what we sent") << QByteArray("Unauthorized") << false << false << false << "";
        QTest::newRow("JSON error object") << QByteArray(R"({"error":"Unauthorized"})") << true << false << true << "";
        QTest::newRow("JSON string inside an object") << QByteArray(R"({"message":"Unauthorized"})") << true << false << false << "";
    }
    void authFailures()
    {
        QFETCH(QByteArray, payload);
        QFETCH(bool, received);
        QFETCH(bool, authFailure);
        QFETCH(bool, error);
        QFETCH(QString, route);
        ChannelLogModel log;
        log.appendText(payload, received ? Dir::Received : Dir::Sent);
        log.flush();
        const QModelIndex i = log.index(0, ChannelLogModel::MessageColumn);
        QCOMPARE(log.data(i, ChannelLogModel::AuthFailureRole).toBool(), authFailure);
        QCOMPARE(log.data(i, ChannelLogModel::ErrorRole).toBool(), error);
        QCOMPARE(log.data(i).toString().contains(QStringLiteral("auth failure")), authFailure);
        QCOMPARE(unauthorizedRoute(payload), route);
    }

    void binaryFrames()
    {
        ChannelLogModel log;
        QAbstractItemModelTester tester(&log, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QByteArray bytes("\x00\x01\x1b\xff", 4);
        log.appendBinary(bytes, Dir::Received);
        log.appendBinary(QByteArray(100, 'A'), Dir::Sent);
        log.flush();
        QCOMPARE(log.data(log.index(0, 0), ChannelLogModel::KindRole).toInt(), int(ChannelMessage::Kind::Binary));
        QCOMPARE(log.data(log.index(0, ChannelLogModel::SizeColumn)).toInt(), 4);
        const QString summary = log.data(log.index(0, ChannelLogModel::MessageColumn)).toString();
        QVERIFY2(summary.contains(QStringLiteral("4 bytes")) && summary.contains(QStringLiteral("00 01 1b ff")), qPrintable(summary));
        QVERIFY(!summary.contains(QChar(0x1b)));   // never the raw bytes
        const QString longOne = log.data(log.index(1, ChannelLogModel::MessageColumn)).toString();
        QVERIFY2(longOne.contains(QStringLiteral("100 bytes")) && longOne.endsWith(QStringLiteral("…")), qPrintable(longOne));
        QVERIFY(!log.data(log.index(0, 0), ChannelLogModel::ErrorRole).toBool());
        // Export: {"binary":"<base64>"} instead of data; one valid JSON document per line.
        const QJsonObject line = QJsonDocument::fromJson(ChannelLogModel::toNdjsonLine(log.at(0))).object();
        QCOMPARE(line.value(QStringLiteral("binary")).toString(), QStringLiteral("AAEb/w=="));
        QCOMPARE(QByteArray::fromBase64(line.value(QStringLiteral("binary")).toString().toLatin1()), bytes);
        QVERIFY(!line.contains(QStringLiteral("data")));
        QCOMPARE(line.value(QStringLiteral("size")).toInt(), 4);
        // The hex dump: offset, hex, printable ASCII; bounded with a line saying what is left out.
        const QString dump = hexDump(QByteArray("AB\x00", 3), 64);
        QVERIFY2(dump.startsWith(QStringLiteral("00000000  41 42 00")) && dump.contains(QStringLiteral("AB.")), qPrintable(dump));
        const QString cut = hexDump(QByteArray(100, 'x'), 32);
        QCOMPARE(cut.count(QLatin1Char('\n')), 3);
        QVERIFY(cut.contains(QStringLiteral("68 more bytes")));
    }

    void binaryInput_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("hex");
        QTest::addColumn<QByteArray>("bytes");   // null: refused
        QTest::newRow("hex") << "0a1bff" << true << QByteArray("\x0a\x1b\xff");
        QTest::newRow("hex with spaces, colons, 0x") << "0x0a 1B:ff\n00" << true << QByteArray("\x0a\x1b\xff\x00", 4);
        QTest::newRow("hex, odd digits") << "0a1" << true << QByteArray();
        QTest::newRow("hex, not hex") << "0g" << true << QByteArray();
        QTest::newRow("hex, empty") << "  " << true << QByteArray();
        QTest::newRow("base64") << "AAEb/w==" << false << QByteArray("\x00\x01\x1b\xff", 4);
        QTest::newRow("base64 url, no padding") << "AAEb_w" << false << QByteArray("\x00\x01\x1b\xff", 4);
        QTest::newRow("base64 with a line break") << "AAEb\n/w==" << false << QByteArray("\x00\x01\x1b\xff", 4);
        QTest::newRow("base64, bad character") << "AA*b" << false << QByteArray();
        QTest::newRow("base64, too large") << QString(40, QLatin1Char('A')) << false << QByteArray();
    }
    void binaryInput()
    {
        QFETCH(QString, text);
        QFETCH(bool, hex);
        QFETCH(QByteArray, bytes);
        QByteArray out;
        QString error;
        const bool ok = decodeBinaryInput(text, hex ? BinaryEncoding::Hex : BinaryEncoding::Base64, 16, &out, &error);
        QCOMPARE(ok, !bytes.isNull());
        if (ok)
            QCOMPARE(out, bytes);
        else
            QVERIFY(!error.isEmpty());
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
