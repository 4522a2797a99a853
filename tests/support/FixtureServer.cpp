#include "FixtureServer.h"

#include <QTcpSocket>
#include <QTimer>

#include <memory>

QByteArray FixtureServer::Seen::header(const QByteArray &name) const
{
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

FixtureServer::FixtureServer() = default;

bool FixtureServer::listen()
{
    m_port = m_server.listen(QHostAddress::LocalHost, 0);
    return m_port != 0;
}

QUrl FixtureServer::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
}

void FixtureServer::on(const QString &path, Handler handler)
{
    m_server.route(path, [this, handler](const QHttpServerRequest &req) {
        Seen s;
        switch (req.method()) {
        case QHttpServerRequest::Method::Get: s.method = "GET"; break;
        case QHttpServerRequest::Method::Post: s.method = "POST"; break;
        default: s.method = "OTHER"; break;
        }
        s.path = req.url().path();
        s.headers = req.headers();
        s.body = req.body();
        m_seen << s;
        return handler(req);
    });
}

QHttpServerResponse FixtureServer::json(const QByteArray &body, int status,
                                        const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QHttpServerResponse r(QByteArrayLiteral("application/json"), body,
                          static_cast<QHttpServerResponse::StatusCode>(status));
    for (const auto &h : headers)
        r.addHeader(h.first, h.second);
    return r;
}

QUrl SilentServer::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(serverPort()).arg(path));
}

bool TricklingServer::listenLocal()
{
    if (!listen(QHostAddress::LocalHost, 0))
        return false;
    QObject::connect(this, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = nextPendingConnection()) {
            auto *timer = new QTimer(socket);
            auto offset = std::make_shared<qsizetype>(0);
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->readAll(); });
            if (!m_head.isEmpty())
                socket->write(m_head);
            QObject::connect(timer, &QTimer::timeout, socket, [this, socket, timer, offset] {
                if (*offset >= m_reply.size()) {
                    timer->stop();
                    return;
                }
                socket->write(m_reply.mid(*offset, 1));
                ++*offset;
                ++m_sent;
            });
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            timer->start(m_intervalMs);
        }
    });
    return true;
}

QUrl TricklingServer::url(const QString &path, const QString &scheme) const
{
    return QUrl(QStringLiteral("%1://127.0.0.1:%2%3").arg(scheme).arg(serverPort()).arg(path));
}
