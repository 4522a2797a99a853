#pragma once

// ChannelSocket's private half: the hand-over queue and the worker that owns the QWebSocket in the
// channel's own thread. Only ChannelSocket.cpp and ChannelWorker.cpp include this.

#include <QList>
#include <QNetworkRequest>
#include <QObject>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <utility>

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

    void open(const QNetworkRequest &request);
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
    void add(QByteArray message, bool binary);
    void flush();

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
