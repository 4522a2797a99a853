// ChannelSocket against in-process servers on loopback: which credential header goes out, rejected
// upgrades with their HTTP status, close codes, latency, reconnect with backoff.
#include "FixtureServer.h"
#include "net/ChannelSocket.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QThread>

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

class TestChannelSocket : public QObject
{
    Q_OBJECT
private:
    struct EchoServer {
        QWebSocketServer server{QStringLiteral("echo"), QWebSocketServer::NonSecureMode};
        QList<QNetworkRequest> requests;
        QList<QWebSocket *> sockets;
        bool listen()
        {
            QObject::connect(&server, &QWebSocketServer::newConnection, [this] {
                QWebSocket *s = server.nextPendingConnection();
                s->setParent(&server);   // nextPendingConnection() hands over ownership (LSan saw them leak)
                requests << s->request();
                sockets << s;
                QObject::connect(s, &QWebSocket::textMessageReceived, s, [s](const QString &t) { s->sendTextMessage(t); });
            });
            return server.listen(QHostAddress::LocalHost, 0);
        }
        QUrl url() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1/console/live").arg(server.serverPort())); }
    };

private slots:
    // Binary frames both ways: received as binaryReceived in order with the text frames, sent with
    // sendBinary; one above maxMessageBytes is refused before it leaves.
    void binaryFramesBothWays()
    {
        EchoServer srv;
        QVERIFY(srv.listen());
        ChannelSocket ch;
        QSignalSpy opened(&ch, &ChannelSocket::opened);
        QStringList order;
        connect(&ch, &ChannelSocket::textReceived, this, [&](const QByteArray &t) { order << QStringLiteral("text:") + QString::fromUtf8(t); });
        connect(&ch, &ChannelSocket::binaryReceived, this, [&](const QByteArray &b) { order << QStringLiteral("binary:") + QString::fromLatin1(b.toHex()); });
        QSignalSpy sent(&ch, &ChannelSocket::binarySent);
        ChannelSocket::Options o;
        o.maxMessageBytes = 1024;
        o.maxFrameBytes = 1024;
        QVERIFY(ch.open(srv.url(), Credentials::machine(QStringLiteral("k")), o));
        QVERIFY(opened.wait(5000));
        QWebSocket *peer = srv.sockets.first();
        QList<QByteArray> peerGot;
        connect(peer, &QWebSocket::binaryMessageReceived, peer, [&](const QByteArray &b) { peerGot << b; });
        peer->sendTextMessage(QStringLiteral("one"));
        peer->sendBinaryMessage(QByteArray("\x00\xff", 2));
        peer->sendTextMessage(QStringLiteral("two"));
        QTRY_COMPARE_WITH_TIMEOUT(order.size(), 3, 5000);
        QCOMPARE(order, (QStringList{QStringLiteral("text:one"), QStringLiteral("binary:00ff"), QStringLiteral("text:two")}));
        QVERIFY(ch.sendBinary(QByteArray("\x01\x02\x03", 3)));
        QCOMPARE(sent.count(), 1);
        QVERIFY(!ch.sendBinary(QByteArray(1025, 'x')));   // above the message cap: not sent
        QCOMPARE(sent.count(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(peerGot.size(), 1, 5000);
        QCOMPARE(peerGot.first(), QByteArray("\x01\x02\x03", 3));
        QCOMPARE(ch.received(), qint64(3));
        ch.close();
    }

    void bearerOnly()
    {
        EchoServer srv;
        QVERIFY(srv.listen());
        ChannelSocket ch;
        QSignalSpy opened(&ch, &ChannelSocket::opened);
        QVERIFY(ch.open(srv.url(), Credentials::person(QStringLiteral("session-tok"), srv.url())));
        QVERIFY(opened.wait(5000));
        QCOMPARE(srv.requests.size(), 1);
        QCOMPARE(srv.requests[0].rawHeader("Authorization"), QByteArray("Bearer session-tok"));
        QVERIFY(!srv.requests[0].hasRawHeader("x-api-key"));
        QCOMPARE(ch.via(), QStringLiteral("bearer"));
    }

    void apiKeyOnly()
    {
        EchoServer srv;
        QVERIFY(srv.listen());
        ChannelSocket ch;
        QSignalSpy opened(&ch, &ChannelSocket::opened);
        QVERIFY(ch.open(srv.url(), Credentials::machine(QStringLiteral("svc_key"))));
        QVERIFY(opened.wait(5000));
        QCOMPARE(srv.requests[0].rawHeader("x-api-key"), QByteArray("svc_key"));
        QVERIFY(!srv.requests[0].hasRawHeader("Authorization"));
        QCOMPARE(ch.via(), QStringLiteral("api-key"));
    }

    void bothCredentialsRefusedLocally()
    {
        EchoServer srv;
        QVERIFY(srv.listen());
        ChannelSocket ch;
        QSignalSpy failed(&ch, &ChannelSocket::failed);
        Credentials both{"tok", "key", srv.url()};
        QVERIFY(!ch.open(srv.url(), both));
        QCOMPARE(failed.count(), 1);
        QTest::qWait(100);
        QCOMPARE(srv.requests.size(), 0);
    }

    // The Bearer goes only to the origin that issued it (another port or host is another origin), whatever
    // the caller asks; the refusal says why and nothing reaches the other server.
    void bearerRefusedForAnotherOrigin()
    {
        EchoServer srv;
        QVERIFY(srv.listen());
        ChannelSocket ch;
        QSignalSpy failed(&ch, &ChannelSocket::failed);
        QVERIFY(!ch.open(srv.url(), Credentials::person(QStringLiteral("session-tok"), QUrl(QStringLiteral("http://127.0.0.1:1")))));
        QCOMPARE(failed.size(), 1);
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("never sent")));
        QVERIFY(!ch.open(srv.url(), Credentials::person(QStringLiteral("session-tok"), QUrl())));
        QCOMPARE(srv.requests.size(), 0);
        // Its own origin's ws twin is fine.
        QSignalSpy opened(&ch, &ChannelSocket::opened);
        QUrl issuer = srv.url();
        issuer.setScheme(QStringLiteral("http"));
        QVERIFY(ch.open(srv.url(), Credentials::person(QStringLiteral("session-tok"), issuer)));
        QVERIFY(opened.wait(5000));
    }

    void insecureRemoteRefused()
    {
        ChannelSocket ch;
        QVERIFY(!ch.open(QUrl(QStringLiteral("ws://live.example.com/console/live")), Credentials::machine(QStringLiteral("k"))));
        ChannelSocket ok;
        QVERIFY(!ok.open(QUrl(QStringLiteral("http://127.0.0.1/x")), Credentials::machine(QStringLiteral("k"))));
    }

    void echoAndLatency()
    {
        EchoServer srv;
        QVERIFY(srv.listen());
        ChannelSocket ch;
        QSignalSpy opened(&ch, &ChannelSocket::opened);
        QSignalSpy got(&ch, &ChannelSocket::textReceived);
        QSignalSpy latency(&ch, &ChannelSocket::latencyMeasured);
        ChannelSocket::Options o;
        o.pingIntervalMs = 100;
        QVERIFY(ch.open(srv.url(), Credentials::person(QStringLiteral("t"), srv.url()), o));
        QVERIFY(opened.wait(5000));
        QVERIFY(ch.sendText(R"({"action":"echo","n":1})"));
        QVERIFY(got.wait(5000));
        QCOMPARE(got.first().first().toByteArray(), QByteArray(R"({"action":"echo","n":1})"));
        QTRY_VERIFY_WITH_TIMEOUT(latency.count() >= 1, 5000);
        QVERIFY(ch.lastLatencyMs() >= 0);
        QCOMPARE(ch.sent(), qint64(1));
        QCOMPARE(ch.received(), qint64(1));
    }

    void rejectedUpgradeReportsStatus_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("401") << 401;
        QTest::newRow("403") << 403;
        QTest::newRow("400: Qt 6.4 loses the status") << 400;
    }
    void rejectedUpgradeReportsStatus()
    {
        QFETCH(int, status);
        QTcpServer raw;
        QVERIFY(raw.listen(QHostAddress::LocalHost, 0));
        connect(&raw, &QTcpServer::newConnection, this, [&raw, status] {
            QTcpSocket *s = raw.nextPendingConnection();   // parented to the server: deleted with it
            connect(s, &QTcpSocket::readyRead, s, [s, status] {
                s->readAll();
                const QByteArray body = R"({"code":"UNAUTHORIZED","message":"no"})";
                s->write("HTTP/1.1 " + QByteArray::number(status) + " Refused\r\nContent-Type: application/json\r\nContent-Length: "
                         + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
                s->disconnectFromHost();
            });
        });
        ChannelSocket ch;
        QSignalSpy rejected(&ch, &ChannelSocket::rejected);
        QVERIFY(ch.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/console/live").arg(raw.serverPort())),
                        Credentials::machine(QStringLiteral("revoked"))));
        QVERIFY(rejected.wait(5000));
        QCOMPARE(rejected.first().first().toInt(), status == 400 ? -1 : status);
        QCOMPARE(ch.state(), ChannelSocket::State::Rejected);
    }

    void revokedCloseCodeDoesNotReconnect()
    {
        EchoServer srv;
        QVERIFY(srv.listen());
        ChannelSocket ch;
        QSignalSpy opened(&ch, &ChannelSocket::opened);
        QSignalSpy closed(&ch, &ChannelSocket::closed);
        QSignalSpy again(&ch, &ChannelSocket::reconnectScheduled);
        ChannelSocket::Options o;
        o.reconnect = true;
        QVERIFY(ch.open(srv.url(), Credentials::person(QStringLiteral("t"), srv.url()), o));
        QVERIFY(opened.wait(5000));
        srv.sockets.first()->close(QWebSocketProtocol::CloseCode(4401), QStringLiteral("session revoked"));
        QVERIFY(closed.wait(5000));
        QCOMPARE(closed.first().at(0).toInt(), 4401);
        QCOMPARE(closed.first().at(1).toString(), QStringLiteral("session revoked"));
        QTest::qWait(200);
        QCOMPARE(again.count(), 0);
        QCOMPARE(ch.state(), ChannelSocket::State::Closed);
    }

    void reconnectsAfterDrop()
    {
        EchoServer srv;
        QVERIFY(srv.listen());
        ChannelSocket ch;
        QSignalSpy opened(&ch, &ChannelSocket::opened);
        QSignalSpy again(&ch, &ChannelSocket::reconnectScheduled);
        ChannelSocket::Options o;
        o.reconnect = true;
        o.initialBackoffMs = 50;
        QVERIFY(ch.open(srv.url(), Credentials::person(QStringLiteral("t"), srv.url()), o));
        QVERIFY(opened.wait(5000));
        srv.sockets.first()->close(QWebSocketProtocol::CloseCodeGoingAway);
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 2, 5000);
        QCOMPARE(again.count(), 1);
        QCOMPARE(srv.requests.size(), 2);
        QCOMPARE(srv.requests[1].rawHeader("Authorization"), QByteArray("Bearer t"));
        ch.close();
        QTRY_COMPARE(ch.state(), ChannelSocket::State::Closed);
    }

    // A server that accepts TCP and never completes the upgrade (silent, or trickling a 101 a byte at a
    // time): the attempt fails with a clear message within the handshake timeout, no hang.
    void handshakeTimeout_data()
    {
        QTest::addColumn<QByteArray>("trickle");
        QTest::addColumn<bool>("reconnect");
        QTest::newRow("silent") << QByteArray() << false;
        QTest::newRow("trickled 101") << QByteArray("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                                                    "Connection: Upgrade\r\n\r\n") << false;
        QTest::newRow("silent, reconnecting") << QByteArray() << true;
    }
    void handshakeTimeout()
    {
        QFETCH(QByteArray, trickle);
        QFETCH(bool, reconnect);
        TricklingServer server(trickle, 100);
        QVERIFY(server.listenLocal());
        ChannelSocket ch;
        QSignalSpy failed(&ch, &ChannelSocket::failed);
        QSignalSpy opened(&ch, &ChannelSocket::opened);
        QSignalSpy again(&ch, &ChannelSocket::reconnectScheduled);
        ChannelSocket::Options o;
        o.handshakeTimeoutMs = 700;
        o.reconnect = reconnect;
        o.initialBackoffMs = 60000;   // one attempt is enough to look at
        QElapsedTimer t;
        t.start();
        QVERIFY(ch.open(server.url(QStringLiteral("/console/live"), QStringLiteral("ws")), Credentials::machine(QStringLiteral("k")), o));
        QCOMPARE(ch.state(), ChannelSocket::State::Connecting);
        QVERIFY(failed.wait(5000));
        const qint64 elapsed = t.elapsed();
        QVERIFY2(elapsed >= 650 && elapsed < 3000, qPrintable(QString::number(elapsed)));
        QCOMPARE(failed.first().first().toString(),
                 QStringLiteral("The server did not complete the WebSocket handshake within 700 ms."));
        QCOMPARE(opened.count(), 0);
        QCOMPARE(ch.state(), reconnect ? ChannelSocket::State::Reconnecting : ChannelSocket::State::Closed);
        QCOMPARE(again.count(), reconnect ? 1 : 0);
        QTest::qWait(300);
        QCOMPARE(failed.count(), 1);   // reported once
        ch.close();
        QCOMPARE(ch.state(), ChannelSocket::State::Closed);
    }

    // Frames and messages above the limits are refused with 1009 (message too big), nothing delivered.
    void oversizedIncomingClosesWith1009_data()
    {
        QTest::addColumn<int>("messageBytes");
        QTest::addColumn<int>("serverFrameBytes");
        QTest::addColumn<qint64>("maxFrame");
        QTest::addColumn<qint64>("maxMessage");
        QTest::addColumn<bool>("binary");
        // One 1 MiB frame against a 64 KiB frame limit (the message limit is the default 16 MiB).
        QTest::newRow("huge frame") << 1024 * 1024 << 4 * 1024 * 1024 << qint64(64 * 1024) << qint64(16 * 1024 * 1024) << false;
        QTest::newRow("huge binary frame") << 1024 * 1024 << 4 * 1024 * 1024 << qint64(64 * 1024) << qint64(16 * 1024 * 1024) << true;
        // 16 KiB frames, each allowed, adding up to a 512 KiB message against a 128 KiB message limit.
        QTest::newRow("huge fragmented message") << 512 * 1024 << 16 * 1024 << qint64(64 * 1024) << qint64(128 * 1024) << false;
    }
    void oversizedIncomingClosesWith1009()
    {
        QFETCH(int, messageBytes);
        QFETCH(int, serverFrameBytes);
        QFETCH(qint64, maxFrame);
        QFETCH(qint64, maxMessage);
        QFETCH(bool, binary);
        EchoServer srv;
        QVERIFY(srv.listen());
        ChannelSocket ch;
        QSignalSpy opened(&ch, &ChannelSocket::opened);
        QSignalSpy closed(&ch, &ChannelSocket::closed);
        QSignalSpy received(&ch, &ChannelSocket::textReceived);
        ChannelSocket::Options o;
        o.maxFrameBytes = maxFrame;
        o.maxMessageBytes = maxMessage;
        QVERIFY(ch.open(srv.url(), Credentials::machine(QStringLiteral("k")), o));
        QVERIFY(opened.wait(5000));
        QWebSocket *peer = srv.sockets.first();
        int peerCloseCode = -1;
        QObject::connect(peer, &QWebSocket::disconnected, peer, [peer, &peerCloseCode] { peerCloseCode = int(peer->closeCode()); });
        peer->setOutgoingFrameSize(quint64(serverFrameBytes));
        peer->sendTextMessage(QStringLiteral("small one first"));
        if (binary)
            peer->sendBinaryMessage(QByteArray(messageBytes, 'b'));
        else
            peer->sendTextMessage(QString(messageBytes, QLatin1Char('x')));
        QVERIFY(closed.wait(10000));
        QCOMPARE(closed.first().at(0).toInt(), 1009);
        QCOMPARE(received.count(), 1);   // the small one; the big one never reached us
        QCOMPARE(received.first().first().toByteArray(), QByteArray("small one first"));
        QTRY_COMPARE_WITH_TIMEOUT(peerCloseCode, 1009, 5000);   // the server is told why
        QCOMPARE(ch.state(), ChannelSocket::State::Closed);
    }

    // The hand-over queue is bounded in bytes, not only in messages: while the receiving thread is
    // stalled, a flood of 64 KiB messages stops at the byte cap (plus one message) and TCP flow control
    // holds the rest; when it resumes, every message arrives, in order.
    void backlogBoundedInBytes()
    {
        const int count = 200;
        const int size = 64 * 1024;
        QProcess flood;
        flood.start(QStringLiteral(PIKKU_FLOOD_BINARY), {QStringLiteral("--count"), QString::number(count),
                                                        QStringLiteral("--size"), QString::number(size)});
        QVERIFY(flood.waitForReadyRead(10000));
        const QString ready = QString::fromUtf8(flood.readLine()).trimmed();
        QVERIFY2(ready.startsWith(QStringLiteral("pikku-flood ready ")), qPrintable(ready));
        const QUrl url(ready.section(QLatin1Char(' '), 2));

        ChannelSocket ch;
        QSignalSpy opened(&ch, &ChannelSocket::opened);
        qint64 receivedBytes = 0;
        int received = 0;
        bool inOrderSizes = true;
        QObject ctx;
        connect(&ch, &ChannelSocket::textReceived, &ctx, [&](const QByteArray &m) {
            ++received;
            receivedBytes += m.size();
            inOrderSizes = inOrderSizes && m.size() == size;
        });
        ChannelSocket::Options o;
        o.pingIntervalMs = 0;
        o.maxBacklogBytes = 512 * 1024;   // 8 messages
        QVERIFY(ch.open(url, Credentials::machine(QStringLiteral("flood-key")), o));
        QVERIFY(opened.wait(5000));
        // Stall this (the "GUI") thread: the worker keeps reading until the queue is full.
        QThread::msleep(1500);
        const qint64 peakWhileStalled = ch.backlogPeakBytes();
        QVERIFY2(peakWhileStalled >= 256 * 1024, qPrintable(QString::number(peakWhileStalled)));   // it did fill up
        QVERIFY2(peakWhileStalled <= o.maxBacklogBytes + size, qPrintable(QString::number(peakWhileStalled)));
        QTRY_COMPARE_WITH_TIMEOUT(received, count, 20000);
        QVERIFY(inOrderSizes);
        QCOMPARE(receivedBytes, qint64(count) * size);
        QVERIFY2(ch.backlogPeakBytes() <= o.maxBacklogBytes + size, qPrintable(QString::number(ch.backlogPeakBytes())));
        ch.close();
        flood.kill();
        flood.waitForFinished(5000);
    }

    void backoffTable()
    {
        QCOMPARE(ChannelSocket::backoffMs(1, 500, 30000, 0.5), 500);
        QCOMPARE(ChannelSocket::backoffMs(2, 500, 30000, 0.5), 1000);
        QCOMPARE(ChannelSocket::backoffMs(3, 500, 30000, 0.5), 2000);
        QCOMPARE(ChannelSocket::backoffMs(20, 500, 30000, 0.5), 30000);
        QCOMPARE(ChannelSocket::backoffMs(2, 500, 30000, 0.0), 750);    // -25 %
        QCOMPARE(ChannelSocket::backoffMs(2, 500, 30000, 1.0), 1250);   // +25 %
    }
};

QTEST_GUILESS_MAIN(TestChannelSocket)
#include "tst_channelsocket.moc"
