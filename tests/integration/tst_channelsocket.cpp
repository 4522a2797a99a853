// ChannelSocket against in-process servers on loopback: which credential header goes out, rejected
// upgrades with their HTTP status, close codes, latency, reconnect with backoff.
#include "net/ChannelSocket.h"

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
