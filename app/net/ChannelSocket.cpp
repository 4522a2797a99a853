#include "ChannelSocket.h"
#include "TsanHandOver.h"

#include "core/Logging.h"
#include "core/ServerUrl.h"

#include <QAbstractEventDispatcher>
#include <QElapsedTimer>
#include <QNetworkRequest>
#include <QPointer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QThread>
#include <QWebSocket>

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <utility>

using TsanHandOver::acquireFrom;
using TsanHandOver::handedOver;
using TsanHandOver::receivedFrom;
using TsanHandOver::releaseTo;

// The hand-over queue between the worker and the caller's thread, bounded: when it is full the worker
// waits (in its own thread, never the caller's) and stops reading, so TCP flow control slows the sender.
// The caller is woken once when the queue stops being empty and then drains it in slices, with a time
// budget per event-loop turn, so a flood never takes the caller's loop for long.
struct InFrame
{
    QByteArray data;
    bool binary = false;
};
using InFrames = QList<InFrame>;

struct ChannelInbox
{
    ChannelInbox(int cap, qint64 capBytes) : limit(std::max(2, cap)), byteLimit(std::max<qint64>(1, capBytes)) {}
    // Worker side: appends the batch, waiting for room message by message; calls wake() (unlocked)
    // whenever the caller must be woken. Bounded in count and in bytes: a message is added while the
    // queue holds fewer than `limit` messages and it fits in `byteLimit`, or to an empty queue (one
    // message larger than the byte limit still goes through, alone), so the queue never holds more
    // than byteLimit + one message. False when the queue was aborted.
    template<typename Wake>
    bool push(InFrames &batch, Wake wake)
    {
        for (InFrame &m : batch) {
            std::unique_lock<std::mutex> lock(mutex);
            const qint64 size = m.data.size();
            room.wait(lock, [this, size] {
                return aborted || items.empty() || (items.size() < size_t(limit) && bytes + size <= byteLimit);
            });
            if (aborted)
                return false;
            items.push_back(std::move(m));
            bytes += size;
            peakBytes = std::max(peakBytes, bytes);
            const bool mustWake = !std::exchange(woken, true);
            lock.unlock();
            if (mustWake)
                wake();   // before waiting for room again: the caller drains what is there
        }
        batch.clear();
        return true;
    }
    // Caller side: up to max messages, oldest first.
    InFrames take(int max)
    {
        InFrames out;
        {
            std::lock_guard<std::mutex> lock(mutex);
            while (!items.empty() && out.size() < max) {
                bytes -= items.front().data.size();
                out.append(std::move(items.front()));
                items.pop_front();
            }
        }
        room.notify_all();
        return out;
    }
    // Caller side, when take() came back empty: false if the queue is still empty (the next push wakes
    // the caller again), true if something arrived meanwhile.
    bool moreAfterEmpty()
    {
        std::lock_guard<std::mutex> lock(mutex);
        if (!items.empty())
            return true;
        woken = false;
        return false;
    }
    void abort()
    {
        {
            std::lock_guard<std::mutex> lock(mutex);
            aborted = true;
        }
        room.notify_all();
    }
    qint64 peak()
    {
        std::lock_guard<std::mutex> lock(mutex);
        return peakBytes;
    }

    const int limit;
    const qint64 byteLimit;
    std::mutex mutex;
    std::condition_variable room;
    std::deque<InFrame> items;
    qint64 bytes = 0;
    qint64 peakBytes = 0;
    bool woken = false;
    bool aborted = false;
};

// Owns the QWebSocket, in the channel's thread. Everything it reports goes out through queued signals.
class ChannelWorker : public QObject
{
    Q_OBJECT
public:
    ChannelWorker(std::shared_ptr<ChannelInbox> inbox, qint64 maxMessageBytes, qint64 maxFrameBytes)
        : m_inbox(std::move(inbox)), m_maxMessageBytes(maxMessageBytes), m_maxFrameBytes(maxFrameBytes)
    {
    }

    void open(const QNetworkRequest &request)
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
    void send(const QString &text)
    {
        if (m_ws)
            m_ws->sendTextMessage(text);
    }
    void sendBinary(const QByteArray &data)
    {
        if (m_ws)
            m_ws->sendBinaryMessage(data);
    }
    void ping()
    {
        if (m_ws)
            m_ws->ping();
    }
    void close()
    {
        if (m_ws)
            m_ws->close(QWebSocketProtocol::CloseCodeNormal);
    }
    void shutdown()
    {
        if (m_ws) {
            m_ws->disconnect(this);
            m_ws->abort();
        }
    }

signals:
    void connected();
    void ready();   // the inbox stopped being empty
    void pong(quint64 elapsedMs);
    void socketError(const QString &text);
    void tlsErrors(const QString &text);
    void disconnected(int closeCode, const QString &reason);

private:
    void add(QByteArray message, bool binary)
    {
        m_pendingBytes += message.size();
        m_pending.append(InFrame{std::move(message), binary});
        if (m_pending.size() >= kBatch || m_pendingBytes >= kBatchBytes)
            flush();
        else if (!m_flushTimer->isActive())
            m_flushTimer->start(0);   // what this read brought, handed over at the end of the turn
    }
    void flush()
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

    static constexpr int kBatch = 256;
    static constexpr qint64 kBatchBytes = 1024 * 1024;   // a batch is handed over at 256 messages or 1 MiB
    std::shared_ptr<ChannelInbox> m_inbox;
    qint64 m_maxMessageBytes;
    qint64 m_maxFrameBytes;
    QWebSocket *m_ws = nullptr;
    QTimer *m_flushTimer = nullptr;
    InFrames m_pending;
    qint64 m_pendingBytes = 0;
};

ChannelSocket::ChannelSocket(QObject *parent) : QObject(parent)
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &ChannelSocket::connectSocket);
    m_handshakeTimer.setSingleShot(true);
    connect(&m_handshakeTimer, &QTimer::timeout, this, &ChannelSocket::handshakeTimedOut);
    connect(&m_pingTimer, &QTimer::timeout, this, [this] {
        if (ChannelWorker *w = m_worker; w && m_state == State::Open)
            QMetaObject::invokeMethod(w, handedOver([w] { w->ping(); }), Qt::QueuedConnection);
    });
}

ChannelSocket::~ChannelSocket()
{
    m_userClosed = true;
    dropWorker();
    if (m_thread) {
        // Not quit() from here: it can end the thread's loop before the shutdown that dropWorker() queued (now,
        // or earlier on a close) has run, and that worker and its QWebSocket are never deleted (LeakSanitizer,
        // tst_channelsocket under ASan). The quit goes through the same queue, behind it: to the thread's own
        // event dispatcher, which lives in that thread.
        QThread *t = m_thread;
        if (QAbstractEventDispatcher *d = t->eventDispatcher())
            QMetaObject::invokeMethod(d, handedOver([t] { t->quit(); }), Qt::QueuedConnection);
        else
            t->quit();
        t->wait();   // the worker's last deferred deletion runs as the thread finishes
    }
}

void ChannelSocket::dropWorker()
{
    if (!m_worker)
        return;
    ChannelWorker *w = std::exchange(m_worker, nullptr);
    disconnect(w, nullptr, this, nullptr);
    m_inbox->abort();   // wakes a worker waiting for room; what it held is dropped with the connection
    m_inbox.reset();
    QMetaObject::invokeMethod(w, handedOver([w] {
        w->shutdown();
        w->deleteLater();
    }), Qt::QueuedConnection);
}

int ChannelSocket::backoffMs(int attempt, int initialMs, int maxMs, double jitter01)
{
    const double base = std::min<double>(maxMs, initialMs * std::pow(2.0, std::max(0, attempt - 1)));
    const double jittered = base * (0.75 + 0.5 * std::clamp(jitter01, 0.0, 1.0));
    return int(std::min<double>(maxMs, jittered));
}

bool ChannelSocket::open(const QUrl &url, const Credentials &credentials, const Options &options)
{
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("ws") && scheme != QLatin1String("wss"))) {
        emit failed(tr("Not a ws:// or wss:// URL: %1").arg(url.toString(QUrl::RemoveQuery)));
        return false;
    }
    if (ServerUrl::checkTransport(url, options.allowInsecure).isError()) {
        emit failed(tr("Refusing ws:// to a non-loopback host: the credential would travel unencrypted. Use wss://."));
        return false;
    }
    if (!credentials.bearer.isEmpty() && !credentials.apiKey.isEmpty()) {
        emit failed(tr("A channel is opened as a person (Bearer) or as a machine (API key), never both."));
        return false;
    }
    if (!credentials.mayBeSentTo(url)) {
        emit failed(tr("Your session belongs to %1; it is never sent to %2. Connect there with an API key, "
                       "or sign in to that server.")
                        .arg(ServerUrl::origin(credentials.issuer), ServerUrl::origin(url)));
        return false;
    }
    close();
    m_url = url;
    m_credentials = credentials;
    m_options = options;
    m_attempt = 0;
    m_userClosed = false;
    m_received = m_sent = 0;
    connectSocket();
    return true;
}

void ChannelSocket::connectSocket()
{
    dropWorker();
    if (!m_thread) {
        m_thread = new QThread(this);
        m_thread->setObjectName(QStringLiteral("channel"));
        m_thread->start();
    }
    const int gen = ++m_generation;
    m_inbox = std::make_shared<ChannelInbox>(m_options.maxBacklog, m_options.maxBacklogBytes);
    auto *w = new ChannelWorker(m_inbox, m_options.maxMessageBytes, m_options.maxFrameBytes);
    w->moveToThread(m_thread);
    m_worker = w;
    m_rejectedStatus = 0;
    m_closeCode = 0;
    m_closeReason.clear();
    m_lastError.clear();
    ++m_attempt;
    connect(w, &ChannelWorker::connected, this, receivedFrom(w, [this, gen] {
        if (gen != m_generation)
            return;
        m_handshakeTimer.stop();
        m_attempt = 0;
        setState(State::Open);
        if (m_options.pingIntervalMs > 0) {
            m_pingTimer.start(m_options.pingIntervalMs);
            if (ChannelWorker *worker = m_worker)
                QMetaObject::invokeMethod(worker, handedOver([worker] { worker->ping(); }), Qt::QueuedConnection);
        }
        emit opened();
    }));
    connect(w, &ChannelWorker::ready, this, receivedFrom(w, [this, gen] {
        if (gen == m_generation)
            drain(true);
    }));
    connect(w, &ChannelWorker::pong, this, receivedFrom(w, [this, gen](quint64 elapsed) {
        if (gen != m_generation)
            return;
        m_latencyMs = qint64(elapsed);
        emit latencyMeasured(m_latencyMs);
    }));
    connect(w, &ChannelWorker::socketError, this, receivedFrom(w, [this, gen](const QString &text) {
        if (gen != m_generation || !drain(false))
            return;
        m_lastError = text;
        qCInfo(lcWs) << "socket error" << m_lastError;
        // A refused upgrade comes back as a handshake error that names the HTTP status.
        static const QRegularExpression statusRe(QStringLiteral("(?:status code|HTTP/1\\.[01])[^0-9]*(\\d{3})"));
        const auto match = statusRe.match(m_lastError);
        if (match.hasMatch() && m_state == State::Connecting)
            m_rejectedStatus = match.captured(1).toInt();
        else if (m_state == State::Connecting && m_lastError.contains(QLatin1String("processHandshake")))
            m_rejectedStatus = -1;   // Qt 6.4 drops the status for some codes (400): refused, status unknown
    }));
    connect(w, &ChannelWorker::tlsErrors, this, receivedFrom(w, [this, gen](const QString &text) {
        if (gen == m_generation)
            m_lastError = tr("TLS: %1").arg(text);
    }));
    connect(w, &ChannelWorker::disconnected, this, receivedFrom(w, [this, gen](int code, const QString &reason) {
        if (gen == m_generation && drain(false))   // every message received is delivered before the close
            handleDisconnected(code, reason);
    }));

    QNetworkRequest req(m_url);
    req.setRawHeader("User-Agent", HttpClient::userAgent());
    if (!m_credentials.bearer.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + m_credentials.bearer);
    else if (!m_credentials.apiKey.isEmpty())
        req.setRawHeader("x-api-key", m_credentials.apiKey);
    setState(State::Connecting);
    if (m_options.handshakeTimeoutMs > 0)
        m_handshakeTimer.start(m_options.handshakeTimeoutMs);
    qCInfo(lcWs).noquote() << "opening" << m_url.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo) << "as" << via();
    QMetaObject::invokeMethod(w, handedOver([w, req] { w->open(req); }), Qt::QueuedConnection);
}

bool ChannelSocket::drain(bool budgeted)
{
    const QPointer<ChannelSocket> self(this);
    const int gen = m_generation;
    QElapsedTimer turn;
    turn.start();
    while (m_inbox) {
        const InFrames slice = m_inbox->take(256);
        if (slice.isEmpty()) {
            if (m_inbox->moreAfterEmpty())
                continue;
            return true;
        }
        for (const InFrame &message : slice) {
            ++m_received;
            if (message.binary)
                emit binaryReceived(message.data);
            else
                emit textReceived(message.data);
            if (!self || gen != m_generation)   // a receiver closed, reopened or deleted us
                return false;
        }
        if (budgeted && turn.elapsed() >= kDrainBudgetMs) {
            // Let timers, input and painting in; the rest comes in the next turn.
            QTimer::singleShot(0, this, [this, gen] {
                if (gen == m_generation)
                    drain(true);
            });
            return true;
        }
    }
    return true;
}

void ChannelSocket::handshakeTimedOut()
{
    if (m_state != State::Connecting || !m_worker)
        return;
    // TCP accepted, the upgrade never completed (or trickles): give up on this attempt, say so.
    const int ms = m_options.handshakeTimeoutMs;
    m_lastError = ms % 1000 == 0 ? tr("The server did not complete the WebSocket handshake within %1 s.").arg(ms / 1000)
                                 : tr("The server did not complete the WebSocket handshake within %1 ms.").arg(ms);
    qCInfo(lcWs) << "handshake timeout after" << ms << "ms";
    dropWorker();
    emit failed(m_lastError);
    if (m_options.reconnect && !m_userClosed) {
        scheduleReconnect();
        return;
    }
    setState(State::Closed);
}

qint64 ChannelSocket::backlogPeakBytes() const
{
    return m_inbox ? m_inbox->peak() : 0;
}

void ChannelSocket::handleDisconnected(int closeCode, const QString &reason)
{
    m_pingTimer.stop();
    m_handshakeTimer.stop();
    const bool wasOpen = m_state == State::Open;
    m_closeCode = closeCode;
    m_closeReason = reason;
    dropWorker();
    if (m_userClosed) {
        setState(State::Closed);
        emit closed(m_closeCode, m_closeReason);
        return;
    }
    if (!wasOpen && m_rejectedStatus != 0) {
        setState(State::Rejected);
        emit rejected(m_rejectedStatus, m_lastError);
        // Retrying a refused credential only burns the key's rate limit; except for overload.
        if (m_options.reconnect && (m_rejectedStatus == 429 || m_rejectedStatus >= 500))
            scheduleReconnect();
        return;
    }
    if (!wasOpen) {
        emit failed(m_lastError.isEmpty() ? tr("Could not connect.") : m_lastError);
    } else {
        emit closed(m_closeCode, m_closeReason);
    }
    const bool revoked = m_closeCode >= 4400 && m_closeCode < 4500;
    if (m_options.reconnect && !revoked) {
        scheduleReconnect();
        return;
    }
    setState(State::Closed);
}

void ChannelSocket::scheduleReconnect()
{
    const int delay = backoffMs(m_attempt, m_options.initialBackoffMs, m_options.maxBackoffMs,
                                QRandomGenerator::global()->generateDouble());
    setState(State::Reconnecting);
    emit reconnectScheduled(delay, m_attempt);
    m_reconnectTimer.start(delay);
}

void ChannelSocket::close()
{
    m_reconnectTimer.stop();
    m_handshakeTimer.stop();
    m_pingTimer.stop();
    m_userClosed = true;
    if (ChannelWorker *w = m_worker; w && (m_state == State::Connecting || m_state == State::Open)) {
        QMetaObject::invokeMethod(w, handedOver([w] { w->close(); }), Qt::QueuedConnection);   // closed() follows
    } else if (m_state != State::Idle && m_state != State::Closed) {
        dropWorker();
        setState(State::Closed);
    }
}

bool ChannelSocket::sendText(const QByteArray &utf8)
{
    ChannelWorker *w = m_worker;
    if (!w || m_state != State::Open)
        return false;
    QMetaObject::invokeMethod(w, handedOver([w, text = QString::fromUtf8(utf8)] { w->send(text); }), Qt::QueuedConnection);
    ++m_sent;
    emit textSent(utf8);
    return true;
}

bool ChannelSocket::sendBinary(const QByteArray &data)
{
    ChannelWorker *w = m_worker;
    if (!w || m_state != State::Open || data.size() > m_options.maxMessageBytes)
        return false;
    QMetaObject::invokeMethod(w, handedOver([w, data] { w->sendBinary(data); }), Qt::QueuedConnection);
    ++m_sent;
    emit binarySent(data);
    return true;
}

void ChannelSocket::setState(State s)
{
    if (m_state == s)
        return;
    m_state = s;
    emit stateChanged(s);
}

#include "ChannelSocket.moc"
