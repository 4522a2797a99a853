#pragma once

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QList>
#include <QTcpServer>
#include <QUrl>

#include <functional>

// In-process HTTP server for what a real server won't do on demand (timeouts, malformed JSON, 5xx,
// 429, cookies, redirects). QHttpServer is a Technology Preview in Qt 6.4; this wrapper is the only
// place that touches its API.
class FixtureServer
{
public:
    struct Seen {
        QByteArray method;
        QString path;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QByteArray header(const QByteArray &name) const;
    };
    using Handler = std::function<QHttpServerResponse(const QHttpServerRequest &)>;

    FixtureServer();
    bool listen();                                  // 127.0.0.1, free port
    QUrl url(const QString &path = {}) const;
    void on(const QString &path, Handler handler);  // any method
    const QList<Seen> &seen() const { return m_seen; }
    void clearSeen() { m_seen.clear(); }

    static QHttpServerResponse json(const QByteArray &body, int status = 200,
                                    const QList<QPair<QByteArray, QByteArray>> &headers = {});

private:
    QHttpServer m_server;
    quint16 m_port = 0;
    QList<Seen> m_seen;
};

// Accepts connections and never answers: for transfer timeouts.
class SilentServer : public QTcpServer
{
public:
    bool listenLocal() { return listen(QHostAddress::LocalHost, 0); }
    QUrl url(const QString &path = {}) const;
};

// Answers every request with `reply`, one byte every intervalMs: never silent long enough for the
// transfer (inactivity) timeout, so only a total deadline ends the request. Also good for a WebSocket
// upgrade that never completes (reply empty: accepts and says nothing, or trickles garbage).
class TricklingServer : public QTcpServer
{
public:
    // head goes out at once, then reply one byte every intervalMs.
    explicit TricklingServer(QByteArray reply, int intervalMs = 200, QByteArray head = {})
        : m_head(std::move(head)), m_reply(std::move(reply)), m_intervalMs(intervalMs) {}
    bool listenLocal();
    QUrl url(const QString &path = {}, const QString &scheme = QStringLiteral("http")) const;
    int bytesSent() const { return m_sent; }

private:
    QByteArray m_head;
    QByteArray m_reply;
    int m_intervalMs;
    int m_sent = 0;
};
