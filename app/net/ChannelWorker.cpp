#include "ChannelWorker.h"
#include "TsanHandOver.h"

#include <QWebSocket>

using TsanHandOver::releaseTo;

void ChannelWorker::open(const QNetworkRequest &request)
{
    m_ws = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    // Bigger frames or messages are refused by Qt while reading the header, before the payload is
    // buffered: it closes with 1009 (message too big) and we report the close.
    m_ws->setMaxAllowedIncomingMessageSize(quint64(std::max<qint64>(1, m_maxMessageBytes)));
    m_ws->setMaxAllowedIncomingFrameSize(quint64(std::clamp<qint64>(m_maxFrameBytes, 1, m_maxMessageBytes)));
    m_flushTimer = new QTimer(this);
    m_flushTimer->setSingleShot(true);
    connect(m_flushTimer, &QTimer::timeout, this, &ChannelWorker::flush);
    connect(m_ws, &QWebSocket::connected, this, [this] {
        releaseTo(this);
        emit connected();
    });
    connect(m_ws, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        QByteArray utf8 = text.toUtf8();
        utf8.squeeze();   // toUtf8() reserves 3 bytes per character: 100k kept messages would hold 3x their size
        add(std::move(utf8), false);
    });
    connect(m_ws, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &data) { add(data, true); });
    connect(m_ws, &QWebSocket::pong, this, [this](quint64 elapsed, const QByteArray &) {
        releaseTo(this);
        emit pong(elapsed);
    });
    // Qt 6.4 has no errorOccurred; the overloaded error signal needs qOverload.
    connect(m_ws, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [this](QAbstractSocket::SocketError) {
        flush();
        releaseTo(this);
        emit socketError(m_ws->errorString());
    });
    connect(m_ws, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        QStringList texts;
        for (const QSslError &e : errors)
            texts << e.errorString();
        releaseTo(this);
        emit tlsErrors(texts.join(QStringLiteral("; ")));   // never ignored
    });
    connect(m_ws, &QWebSocket::disconnected, this, [this] {
        flush();   // every message received goes out before the close
        releaseTo(this);
        emit disconnected(int(m_ws->closeCode()), m_ws->closeReason());
    });
    m_ws->open(request);
}

void ChannelWorker::add(QByteArray message, bool binary)
{
    m_pendingBytes += message.size();
    m_pending.append(InFrame{std::move(message), binary});
    if (m_pending.size() >= kBatch || m_pendingBytes >= kBatchBytes)
        flush();
    else if (!m_flushTimer->isActive())
        m_flushTimer->start(0);   // what this read brought, handed over at the end of the turn
}

void ChannelWorker::flush()
{
    m_flushTimer->stop();
    m_pendingBytes = 0;
    if (!m_pending.isEmpty())
        m_inbox->push(m_pending, [this] {
            releaseTo(this);
            emit ready();
        });
    m_pending.clear();
}
