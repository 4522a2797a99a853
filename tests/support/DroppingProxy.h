#pragma once

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <memory>

// Forwards HTTP to a real server on loopback; for a POST whose request line contains `path` it forwards
// the request but drops the reply (the first `drops` of them; after that, it forwards): the server does
// the work, the client never hears of it. A real server will not lose its own reply on demand.
class DroppingProxy : public QTcpServer
{
public:
    DroppingProxy(quint16 target, QByteArray path, int drops = 1000000) : m_target(target), m_path(std::move(path)), m_drops(drops)
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = nextPendingConnection()) {
                auto *upstream = new QTcpSocket(client);
                upstream->connectToHost(QHostAddress::LocalHost, m_target);
                auto drop = std::make_shared<bool>(false);
                connect(client, &QTcpSocket::readyRead, client, [this, client, upstream, drop] {
                    const QByteArray data = client->readAll();
                    if (data.startsWith("POST ") && data.left(data.indexOf('\n')).contains(m_path)) {
                        ++forwarded;
                        *drop = dropped < m_drops;
                    }
                    upstream->write(data);
                });
                connect(upstream, &QTcpSocket::readyRead, client, [client, upstream, drop, this] {
                    const QByteArray data = upstream->readAll();
                    if (*drop) {
                        *drop = false;
                        ++dropped;
                        client->abort();   // the reply is lost on the way back
                        return;
                    }
                    client->write(data);
                });
                connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
            }
        });
    }
    bool listenLocal() { return listen(QHostAddress::LocalHost, 0); }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(serverPort())); }
    // Drops the next `drops` replies to POSTs on `path` instead; the counts start again.
    void rearm(QByteArray path, int drops)
    {
        m_path = std::move(path);
        m_drops = drops;
        forwarded = dropped = 0;
    }
    int forwarded = 0;   // matching POSTs that reached the server
    int dropped = 0;     // replies to them that were lost

private:
    quint16 m_target;
    QByteArray m_path;
    int m_drops;
};
