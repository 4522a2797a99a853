// pikku-flood: a loopback WebSocket source fast enough not to be the bottleneck. It answers the
// handshake itself and then writes pre-built text frames (server frames are unmasked) in large chunks.
//   pikku-flood [--port 0] [--count N] [--size BYTES] [--rate MSGS_PER_S] [--host 127.0.0.1]
// Prints "pikku-flood ready ws://127.0.0.1:PORT/flood" when listening. Every connection gets its own
// stream of N messages (0: until the client leaves), then a normal close.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <cstdio>

namespace {

QByteArray frameFor(const QByteArray &payload)
{
    QByteArray f;
    f.append(char(0x81));   // FIN + text
    const qint64 n = payload.size();
    if (n < 126) {
        f.append(char(n));
    } else if (n < 65536) {
        f.append(char(126));
        f.append(char((n >> 8) & 0xff));
        f.append(char(n & 0xff));
    } else {
        f.append(char(127));
        for (int i = 7; i >= 0; --i)
            f.append(char((n >> (8 * i)) & 0xff));
    }
    return f + payload;
}

QByteArray payloadOfSize(int size)
{
    // {"topic":"flood","event":"tick","pad":"xxx"} padded to exactly `size` bytes (minimum ~45).
    QByteArray head = R"({"topic":"flood","event":"tick","pad":")";
    QByteArray tail = R"("})";
    const int pad = std::max(0, size - int(head.size() + tail.size()));
    return head + QByteArray(pad, 'x') + tail;
}

class Stream : public QObject
{
public:
    Stream(QTcpSocket *socket, qint64 count, int size, int rate)
        : QObject(socket), m_socket(socket), m_count(count), m_rate(rate)
    {
        const QByteArray frame = frameFor(payloadOfSize(size));
        m_frameSize = frame.size();
        m_perChunk = std::max<qint64>(1, (256 * 1024) / m_frameSize);
        m_chunk.reserve(int(m_perChunk * m_frameSize));
        for (qint64 i = 0; i < m_perChunk; ++i)
            m_chunk.append(frame);
        connect(socket, &QTcpSocket::readyRead, this, &Stream::onRead);
        connect(socket, &QTcpSocket::bytesWritten, this, &Stream::pump);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        if (m_rate > 0) {
            m_tick.setInterval(10);
            connect(&m_tick, &QTimer::timeout, this, &Stream::pump);
        }
    }

private:
    void onRead()
    {
        m_in += m_socket->readAll();
        if (m_open) {
            readClientFrames();
            return;
        }
        const int end = m_in.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        QByteArray key;
        for (const QByteArray &line : m_in.left(end).split('\n')) {
            const QByteArray l = line.trimmed();
            if (l.toLower().startsWith("sec-websocket-key:"))
                key = l.mid(int(sizeof("sec-websocket-key:") - 1)).trimmed();
        }
        const QByteArray accept = QCryptographicHash::hash(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11",
                                                           QCryptographicHash::Sha1).toBase64();
        m_socket->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        "Sec-WebSocket-Accept: " + accept + "\r\n\r\n");
        m_open = true;
        m_in.clear();
        m_clock.start();
        if (m_rate > 0)
            m_tick.start();
        pump();
    }

    void pump()
    {
        if (!m_open || m_done)
            return;
        qint64 allowed = m_count > 0 ? m_count - m_sent : (qint64(1) << 62);
        if (m_rate > 0)
            allowed = std::min<qint64>(allowed, m_clock.elapsed() * m_rate / 1000 - m_sent);
        while (allowed > 0 && m_socket->bytesToWrite() < 4 * 1024 * 1024) {
            const qint64 n = std::min(allowed, m_perChunk);
            if (n == m_perChunk)
                m_socket->write(m_chunk);
            else
                m_socket->write(m_chunk.constData(), n * m_frameSize);
            m_sent += n;
            allowed -= n;
        }
        if (m_count > 0 && m_sent >= m_count && !m_done) {
            m_done = true;
            m_tick.stop();
            m_socket->write(QByteArray("\x88\x02\x03\xe8", 4));   // close 1000
            // A proper closing handshake: end the TCP connection only after the client's close frame. Closing
            // with client bytes unread (a ping, its close reply) makes the kernel send RST, and the client's
            // kernel then throws away whatever it had received but not yet read: the tail of the flood.
            if (m_clientClosed)
                m_socket->disconnectFromHost();
            else
                QTimer::singleShot(30000, m_socket, [s = m_socket] { s->disconnectFromHost(); });
        }
    }

    // Client frames are masked: header, length, 4-byte mask, payload. Pings go unanswered (clients do not
    // need the pong); a close frame lets the server end the connection.
    void readClientFrames()
    {
        for (;;) {
            if (m_in.size() < 2)
                return;
            const quint8 op = quint8(m_in[0]) & 0x0f;
            qint64 len = quint8(m_in[1]) & 0x7f;
            int header = 2;
            if (len == 126) {
                if (m_in.size() < 4)
                    return;
                len = (qint64(quint8(m_in[2])) << 8) | quint8(m_in[3]);
                header = 4;
            } else if (len == 127) {
                if (m_in.size() < 10)
                    return;
                len = 0;
                for (int i = 2; i < 10; ++i)
                    len = (len << 8) | quint8(m_in[i]);
                header = 10;
            }
            const qint64 total = header + 4 + len;
            if (m_in.size() < total)
                return;
            m_in.remove(0, int(total));
            if (op == 0x8) {
                m_clientClosed = true;
                if (m_done)
                    m_socket->disconnectFromHost();
            }
        }
    }

    QTcpSocket *m_socket;
    qint64 m_count;
    int m_rate;
    qint64 m_frameSize = 0;
    qint64 m_perChunk = 1;
    QByteArray m_chunk;
    QByteArray m_in;
    bool m_open = false;
    bool m_done = false;
    bool m_clientClosed = false;
    qint64 m_sent = 0;
    QTimer m_tick;
    QElapsedTimer m_clock;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addOptions({{"port", "port (0: free)", "n", "0"},
                  {"host", "loopback address", "addr", "127.0.0.1"},
                  {"count", "messages per connection (0: endless)", "n", "100000"},
                  {"size", "message size in bytes", "n", "200"},
                  {"rate", "messages per second (0: as fast as possible)", "n", "0"}});
    p.addHelpOption();
    p.process(app);
    QHostAddress host(p.value("host"));
    if (!host.isLoopback()) {
        std::fprintf(stderr, "pikku-flood only listens on loopback\n");
        return 2;
    }
    QTcpServer server;
    if (!server.listen(host, quint16(p.value("port").toUInt()))) {
        std::fprintf(stderr, "listen failed: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    const qint64 count = p.value("count").toLongLong();
    const int size = p.value("size").toInt();
    const int rate = p.value("rate").toInt();
    QObject::connect(&server, &QTcpServer::newConnection, [&] {
        while (QTcpSocket *s = server.nextPendingConnection()) {
            s->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            new Stream(s, count, size, rate);
        }
    });
    std::printf("pikku-flood ready ws://%s:%u/flood\n", qPrintable(host.toString()), server.serverPort());
    std::fflush(stdout);
    return app.exec();
}
