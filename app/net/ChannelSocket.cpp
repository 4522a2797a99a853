#include "ChannelSocket.h"

#include "core/Logging.h"
#include "core/ServerUrl.h"

#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QWebSocket>

#include <algorithm>
#include <cmath>

ChannelSocket::ChannelSocket(QObject *parent) : QObject(parent)
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &ChannelSocket::connectSocket);
    connect(&m_pingTimer, &QTimer::timeout, this, [this] {
        if (m_socket && m_state == State::Open)
            m_socket->ping();
    });
}

ChannelSocket::~ChannelSocket()
{
    m_userClosed = true;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
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
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->deleteLater();
    }
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setMaxAllowedIncomingMessageSize(quint64(m_options.maxMessageBytes));
    // Bounded reads: QWebSocket otherwise parses everything the kernel has queued in one go, which under a
    // flood stalls the event loop for hundreds of milliseconds. A bounded buffer caps the work per turn.
    // A frame must fit in the buffer or it can never complete, so frames are capped below it (Pikku's own
    // server caps payloads at 1 MiB); longer messages still arrive as several frames.
    m_socket->setReadBufferSize(m_options.readBufferBytes);
    if (m_options.readBufferBytes > 0)
        m_socket->setMaxAllowedIncomingFrameSize(quint64(m_options.readBufferBytes - 64));
    m_rejectedStatus = 0;
    m_closeCode = 0;
    m_closeReason.clear();
    m_lastError.clear();
    ++m_attempt;
    connect(m_socket, &QWebSocket::connected, this, [this] {
        m_attempt = 0;
        setState(State::Open);
        if (m_options.pingIntervalMs > 0) {
            m_pingTimer.start(m_options.pingIntervalMs);
            m_socket->ping();
        }
        emit opened();
    });
    connect(m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        ++m_received;
        emit textReceived(text.toUtf8());
    });
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &data) {
        ++m_received;
        emit textReceived(data);
    });
    connect(m_socket, &QWebSocket::pong, this, [this](quint64 elapsed, const QByteArray &) {
        m_latencyMs = qint64(elapsed);
        emit latencyMeasured(m_latencyMs);
    });
    // Qt 6.4 has no errorOccurred; the overloaded error signal needs qOverload.
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [this](QAbstractSocket::SocketError) {
        m_lastError = m_socket->errorString();
        qCInfo(lcWs) << "socket error" << m_lastError;
        // A refused upgrade comes back as a handshake error that names the HTTP status.
        static const QRegularExpression statusRe(QStringLiteral("(?:status code|HTTP/1\\.[01])[^0-9]*(\\d{3})"));
        const auto match = statusRe.match(m_lastError);
        if (match.hasMatch() && m_state == State::Connecting)
            m_rejectedStatus = match.captured(1).toInt();
        else if (m_state == State::Connecting && m_lastError.contains(QLatin1String("processHandshake")))
            m_rejectedStatus = -1;   // Qt 6.4 drops the status for some codes (400): refused, status unknown
    });
    connect(m_socket, &QWebSocket::disconnected, this, &ChannelSocket::handleDisconnected);
    connect(m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        QStringList texts;
        for (const QSslError &e : errors)
            texts << e.errorString();
        m_lastError = tr("TLS: %1").arg(texts.join(QStringLiteral("; ")));   // never ignored
    });

    QNetworkRequest req(m_url);
    req.setRawHeader("User-Agent", HttpClient::userAgent());
    if (!m_credentials.bearer.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + m_credentials.bearer);
    else if (!m_credentials.apiKey.isEmpty())
        req.setRawHeader("x-api-key", m_credentials.apiKey);
    setState(State::Connecting);
    qCInfo(lcWs).noquote() << "opening" << m_url.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo) << "as" << via();
    m_socket->open(req);
}

void ChannelSocket::handleDisconnected()
{
    m_pingTimer.stop();
    const bool wasOpen = m_state == State::Open;
    if (m_socket) {
        m_closeCode = int(m_socket->closeCode());
        m_closeReason = m_socket->closeReason();
    }
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
    m_pingTimer.stop();
    m_userClosed = true;
    if (m_socket && m_socket->state() != QAbstractSocket::UnconnectedState) {
        m_socket->close(QWebSocketProtocol::CloseCodeNormal);
    } else if (m_state != State::Idle && m_state != State::Closed) {
        setState(State::Closed);
    }
}

bool ChannelSocket::sendText(const QByteArray &utf8)
{
    if (!m_socket || m_state != State::Open)
        return false;
    m_socket->sendTextMessage(QString::fromUtf8(utf8));
    ++m_sent;
    emit textSent(utf8);
    return true;
}

void ChannelSocket::setState(State s)
{
    if (m_state == s)
        return;
    m_state = s;
    emit stateChanged(s);
}
