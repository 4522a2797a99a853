#pragma once

#include "core/ChannelMessage.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimer>

#include <deque>
#include <optional>
#include <vector>

class QIODevice;

// The channel inspector's log: a bounded ring buffer (default 100,000 messages). Appends are O(1) and
// batched: rows reach the view at most once per frame (16 ms), so a flood costs one insert per frame,
// not one per message. When full, the oldest rows are removed first (beginRemoveRows), then the new
// ones inserted. Pausing freezes the rows the view sees while capture continues (still bounded).
class ChannelLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, DirectionColumn, ActionColumn, SizeColumn, MessageColumn, ColumnCount };
    enum Role { SeqRole = Qt::UserRole + 1, DirectionRole, PayloadRole, ActionRole, KindRole, PairedSeqRole, ErrorRole,
                TimestampRole, AuthFailureRole, RpcPendingRole };

    explicit ChannelLogModel(int capacity = 100000, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Capture. Assigns the sequence number and pairs replies with requests; returns the seq.
    qint64 append(ChannelMessage message);
    qint64 appendText(const QByteArray &utf8, ChannelMessage::Direction direction);
    qint64 appendBinary(const QByteArray &bytes, ChannelMessage::Direction direction);
    void flush();                         // apply pending messages now (the timer does it per frame)

    void setCapacity(int capacity);
    // A second cap, on the payload bytes held (default 256 MiB): 100,000 messages of 100 KB would be 10 GB.
    void setMaxBytes(qint64 bytes);
    qint64 maxBytes() const { return m_maxBytes; }
    qint64 heldBytes() const { return m_heldBytes; }
    int capacity() const { return m_capacity; }
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    void clear();

    const ChannelMessage &at(int row) const;
    std::optional<int> rowForSeq(qint64 seq) const;
    int pendingCount() const { return int(m_pending.size()); }
    qint64 totalCaptured() const { return m_nextSeq - 1; }
    qint64 dropped() const { return m_dropped; }          // evicted by the cap
    qint64 receivedCount() const { return m_received; }
    qint64 sentCount() const { return m_sent; }
    qint64 bytesCaptured() const { return m_bytes; }

    // Pairing (at most kMaxOpen unanswered requests are remembered; past that the oldest are forgotten):
    // - Pikku reverse RPC by envelope id: a pikku-rpc-request pairs with the pikku-rpc-response of the same
    //   id from the other side; a pikku-rpc-pending in between points at its request (and marks it pending)
    //   without answering it. Other pikku-rpc-* frames pair the first two of an id in opposite directions.
    // - Routing key: a received frame with an action pairs with the oldest unanswered request sent with
    //   that action (FIFO per action: two requests in flight get their replies in order); so does Pikku's
    //   bare "Unauthorized for route 'action:<value>'" for <value>.
    static constexpr int kMaxOpen = 4096;
    int openRequests() const { return m_openCount + int(m_openByRpcId.size()); }

    // NDJSON, one message per line: {"seq","time","dir","size","action","data"} (data: the JSON itself,
    // or a string; a binary frame has "binary":"<base64>" instead of data). rows empty: every row.
    // Returns the number of lines written.
    qint64 exportNdjson(QIODevice *out, const QList<int> &rows = {}) const;
    static QByteArray toNdjsonLine(const ChannelMessage &m);

signals:
    void flushed(int inserted, int removed);

private:
    int physical(int row) const { return int((m_head + row) % m_capacity); }
    ChannelMessage *findBySeq(qint64 seq);
    void pair(ChannelMessage &m);

    int m_capacity;
    std::vector<ChannelMessage> m_ring;
    qint64 m_head = 0;          // physical index of row 0
    int m_count = 0;
    std::vector<ChannelMessage> m_pending;
    QTimer m_flushTimer;
    bool m_paused = false;
    qint64 m_nextSeq = 1;
    qint64 m_dropped = 0;
    qint64 m_received = 0;
    qint64 m_sent = 0;
    qint64 m_bytes = 0;
    qint64 m_maxBytes = 256LL * 1024 * 1024;
    qint64 m_heldBytes = 0;
    qint64 m_pendingBytes = 0;
    void pairByAction(ChannelMessage &m, const QString &action);
    void changed(qint64 seq);
    QHash<QString, std::deque<qint64>> m_openByAction;   // unanswered requests per routing key, oldest first
    int m_openCount = 0;                                   // their total
    QHash<QString, qint64> m_openByRpcId;                  // unanswered pikku-rpc-* by envelope id
};
