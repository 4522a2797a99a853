#include "ChannelSocket.h"
#include "ChannelWorker.h"
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
#include <utility>

using TsanHandOver::acquireFrom;
using TsanHandOver::handedOver;
using TsanHandOver::receivedFrom;
using TsanHandOver::releaseTo;

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
