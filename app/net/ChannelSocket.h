#pragma once

#include "HttpClient.h"

#include <QObject>
#include <QTimer>
#include <QUrl>

#include <memory>

class QThread;
class ChannelWorker;
struct ChannelInbox;

// One authenticated WebSocket channel: `Authorization: Bearer` for a person or `x-api-key` for a
// machine, never both (refused before anything is sent). Reports the HTTP status of a rejected upgrade,
// close codes (44xx: the credential was revoked), latency from ping/pong, and reconnects with
// exponential backoff and jitter when asked to.
//
// The QWebSocket lives in a worker thread of its own: parsing frames never runs on the caller's (GUI)
// thread, so a flood cannot stall it. Received messages come back in batches (at most 1,024 per event)
// through a bounded queue and are emitted one by one as textReceived, in order, before closed/failed,
// in slices of at most ~6 ms per event-loop turn (binary frames as binaryReceived, in the same order). When the caller falls behind and the queue is full
// (16k messages or 64 MiB), the worker stops reading and TCP flow control slows the sender: memory stays
// bounded and nothing is dropped. A frame or message above its limit closes the connection with 1009;
// an upgrade that does not complete within the handshake timeout fails the attempt.
class ChannelSocket : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Connecting, Open, Reconnecting, Closed, Rejected };
    Q_ENUM(State)

    struct Options {
        bool reconnect = false;
        int pingIntervalMs = 10000;     // 0: no pings
        int initialBackoffMs = 500;
        int maxBackoffMs = 30000;
        bool allowInsecure = false;     // ws:// to a non-loopback host
        qint64 maxMessageBytes = 16 * 1024 * 1024;   // larger: closed with 1009 (message too big)
        qint64 maxFrameBytes = 16 * 1024 * 1024;     // one frame; never above maxMessageBytes
        int maxBacklog = 16384;         // received messages handed over but not yet delivered
        qint64 maxBacklogBytes = 64 * 1024 * 1024;   // ... and their bytes (one larger message passes alone)
        int handshakeTimeoutMs = 10000; // TCP accepted but no upgrade: failed() after this (0: none)
    };

    explicit ChannelSocket(QObject *parent = nullptr);
    ~ChannelSocket() override;

    // Returns false (and emits failed) when the URL or the credentials are refused locally.
    bool open(const QUrl &url, const Credentials &credentials, const Options &options);
    bool open(const QUrl &url, const Credentials &credentials) { return open(url, credentials, Options{}); }
    void close();
    bool sendText(const QByteArray &utf8);
    // A binary frame; false when not open or larger than Options::maxMessageBytes.
    bool sendBinary(const QByteArray &data);

    State state() const { return m_state; }
    QUrl url() const { return m_url; }
    QString via() const { return m_credentials.apiKey.isEmpty() ? QStringLiteral("bearer") : QStringLiteral("api-key"); }
    int rejectedStatus() const { return m_rejectedStatus; }
    int closeCode() const { return m_closeCode; }
    QString closeReason() const { return m_closeReason; }
    qint64 lastLatencyMs() const { return m_latencyMs; }
    qint64 received() const { return m_received; }
    qint64 sent() const { return m_sent; }
    int attempt() const { return m_attempt; }
    void setReconnect(bool on) { m_options.reconnect = on; }
    // The most bytes the hand-over queue has held for the current connection (diagnostics and tests).
    qint64 backlogPeakBytes() const;
    // The delay before reconnect attempt n (1-based), with ±25 % jitter; exposed for tests.
    static int backoffMs(int attempt, int initialMs, int maxMs, double jitter01);

signals:
    void stateChanged(ChannelSocket::State state);
    void opened();
    void textReceived(const QByteArray &utf8);
    void textSent(const QByteArray &utf8);
    // Binary frames, in the same order with the text ones and under the same caps (maxMessageBytes,
    // maxFrameBytes, the backlog's count and bytes).
    void binaryReceived(const QByteArray &data);
    void binarySent(const QByteArray &data);
    void rejected(int httpStatus, const QString &message);
    void closed(int code, const QString &reason);
    void failed(const QString &message);
    void latencyMeasured(qint64 ms);
    void reconnectScheduled(int delayMs, int attempt);

private:
    void connectSocket();
    void dropWorker();
    // Delivers what the worker handed over, oldest first; with a budget, at most ~kDrainBudgetMs per turn.
    // Returns false if a receiver closed, reopened or deleted this socket meanwhile.
    bool drain(bool budgeted);
    static constexpr int kDrainBudgetMs = 6;
    void setState(State s);
    void handleDisconnected(int closeCode, const QString &reason);
    void scheduleReconnect();
    void handshakeTimedOut();

    QThread *m_thread = nullptr;
    ChannelWorker *m_worker = nullptr;      // lives in m_thread; only reached through queued calls
    std::shared_ptr<ChannelInbox> m_inbox;
    int m_generation = 0;                   // events of an older connection attempt are ignored
    QUrl m_url;
    Credentials m_credentials;
    Options m_options;
    State m_state = State::Idle;
    QTimer m_pingTimer;
    QTimer m_reconnectTimer;
    QTimer m_handshakeTimer;
    int m_attempt = 0;
    int m_rejectedStatus = 0;
    int m_closeCode = 0;
    QString m_closeReason;
    QString m_lastError;
    qint64 m_latencyMs = -1;
    qint64 m_received = 0;
    qint64 m_sent = 0;
    bool m_userClosed = false;
};
