#include "ChannelLogModel.h"

#include <QDateTime>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QLocale>

#include <algorithm>

namespace {

QString directionText(ChannelMessage::Direction d)
{
    switch (d) {
    case ChannelMessage::Direction::Received: return QStringLiteral("↓ in");
    case ChannelMessage::Direction::Sent: return QStringLiteral("↑ out");
    case ChannelMessage::Direction::Event: return QStringLiteral("• event");
    }
    return {};
}

} // namespace

ChannelLogModel::ChannelLogModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent), m_capacity(std::max(1, capacity))
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(16);
    connect(&m_flushTimer, &QTimer::timeout, this, &ChannelLogModel::flush);
}

int ChannelLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_count;
}

int ChannelLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const ChannelMessage &ChannelLogModel::at(int row) const
{
    return m_ring[size_t(physical(row))];
}

QVariant ChannelLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_count)
        return {};
    const ChannelMessage &m = at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn: return QDateTime::fromMSecsSinceEpoch(m.timestampMs).toString(QStringLiteral("HH:mm:ss.zzz"));
        case DirectionColumn: return directionText(m.direction);
        case ActionColumn:
            if (!m.rpcId.isEmpty())
                return m.rpcPending && m.pairedSeq < 0 ? tr("%1 #%2 (pending)").arg(m.action, m.rpcId)
                                                       : QStringLiteral("%1 #%2").arg(m.action, m.rpcId);
            return m.action.isEmpty() && !m.event.isEmpty() ? tr("event %1").arg(m.event) : m.action;
        case SizeColumn: return m.direction == ChannelMessage::Direction::Event ? QVariant() : QVariant(m.size());
        case MessageColumn: return m.summary();
        default: return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == MessageColumn && m.pairedSeq > 0)
            return m.action == QLatin1String(PikkuRpc::Pending) ? tr("Pending answer to message #%1").arg(m.pairedSeq)
                                                                : tr("Paired with message #%1").arg(m.pairedSeq);
        if (index.column() == MessageColumn && m.rpcPending)
            return tr("The other side said this request is pending; no response yet");
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == SizeColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case SeqRole: return m.seq;
    case DirectionRole: return int(m.direction);
    case PayloadRole: return m.payload;
    case ActionRole: return m.action;
    case KindRole: return int(m.kind);
    case PairedSeqRole: return m.pairedSeq;
    case ErrorRole: return m.isError();
    case TimestampRole: return m.timestampMs;
    case AuthFailureRole: return m.isAuthFailure();
    case RpcPendingRole: return m.rpcPending;
    default: return {};
    }
}

QVariant ChannelLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn: return tr("Time");
    case DirectionColumn: return tr("Dir");
    case ActionColumn: return tr("Action");
    case SizeColumn: return tr("Bytes");
    case MessageColumn: return tr("Message");
    default: return {};
    }
}

qint64 ChannelLogModel::appendText(const QByteArray &utf8, ChannelMessage::Direction direction)
{
    return append(ChannelMessage::fromText(utf8, direction, QDateTime::currentMSecsSinceEpoch()));
}

qint64 ChannelLogModel::appendBinary(const QByteArray &bytes, ChannelMessage::Direction direction)
{
    return append(ChannelMessage::fromBinary(bytes, direction, QDateTime::currentMSecsSinceEpoch()));
}

qint64 ChannelLogModel::append(ChannelMessage message)
{
    message.seq = m_nextSeq++;
    if (message.timestampMs == 0)
        message.timestampMs = QDateTime::currentMSecsSinceEpoch();
    if (message.direction == ChannelMessage::Direction::Received)
        ++m_received;
    else if (message.direction == ChannelMessage::Direction::Sent)
        ++m_sent;
    m_bytes += message.size();
    pair(message);
    m_pendingBytes += message.size();
    m_pending.push_back(std::move(message));
    // Paused (or between flushes) under a flood of large messages: bound the pending bytes too.
    if (m_pendingBytes > 2 * m_maxBytes && m_pending.size() > 1) {
        size_t drop = 0;
        while (drop + 1 < m_pending.size() && m_pendingBytes > m_maxBytes)
            m_pendingBytes -= m_pending[drop++].size();
        m_pending.erase(m_pending.begin(), m_pending.begin() + qsizetype(drop));
        m_dropped += qint64(drop);
    }
    // Even while paused (or before a flush), never hold more than the cap.
    if (m_pending.size() > size_t(m_capacity) * 2) {
        const size_t excess = m_pending.size() - size_t(m_capacity);
        for (size_t i = 0; i < excess; ++i)
            m_pendingBytes -= m_pending[i].size();
        m_pending.erase(m_pending.begin(), m_pending.begin() + qsizetype(excess));
        m_dropped += qint64(excess);
    }
    if (!m_paused && !m_flushTimer.isActive())
        m_flushTimer.start();
    return m_nextSeq - 1;
}

std::optional<int> ChannelLogModel::rowForSeq(qint64 seq) const
{
    if (m_count == 0 || seq < at(0).seq || seq > at(m_count - 1).seq)
        return std::nullopt;
    // Usually the rows hold consecutive seqs; but messages the caps dropped before they became rows (a batch
    // over the byte cap, pending messages trimmed while paused) leave gaps, so the guess is checked and, when
    // wrong, the increasing seqs are searched (fuzz_channel_message found replies paired with the wrong row).
    const qint64 guess = seq - at(0).seq;
    if (guess < m_count && at(int(guess)).seq == seq)
        return int(guess);
    int lo = 0, hi = m_count - 1;
    while (lo <= hi) {
        const int mid = lo + (hi - lo) / 2;
        const qint64 s = at(mid).seq;
        if (s == seq)
            return mid;
        if (s < seq)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return std::nullopt;
}

void ChannelLogModel::flush()
{
    m_flushTimer.stop();
    if (m_paused || m_pending.empty())
        return;
    std::vector<ChannelMessage> batch;
    batch.swap(m_pending);
    m_pendingBytes = 0;
    // The byte cap: a batch that alone exceeds it keeps only its newest messages (at least one).
    qint64 batchBytes = 0;
    for (const ChannelMessage &m : batch)
        batchBytes += m.size();
    size_t skip = batch.size() > size_t(m_capacity) ? batch.size() - size_t(m_capacity) : 0;
    for (size_t i = 0; i < skip; ++i)
        batchBytes -= batch[i].size();
    while (skip + 1 < batch.size() && batchBytes > m_maxBytes)
        batchBytes -= batch[skip++].size();
    int removed = 0;
    if (skip > 0 || batch.size() >= size_t(m_capacity)) {
        // The batch alone fills the log: replace everything.
        m_dropped += qint64(skip) + m_count;
        removed = m_count;
        beginResetModel();
        m_ring.clear();
        m_ring.reserve(std::min<size_t>(size_t(m_capacity), batch.size() - skip));
        for (size_t i = skip; i < batch.size(); ++i)
            m_ring.push_back(std::move(batch[i]));
        m_head = 0;
        m_count = int(m_ring.size());
        m_heldBytes = batchBytes;
        endResetModel();
        emit flushed(m_count, removed);
        return;
    }
    const int n = int(batch.size());
    // Evict the oldest rows: first for the count cap, then for the byte cap.
    int overflow = std::max(0, m_count + n - m_capacity);
    qint64 held = m_heldBytes;
    for (int i = 0; i < overflow; ++i)
        held -= at(i).size();
    while (overflow < m_count && held + batchBytes > m_maxBytes)
        held -= at(overflow++).size();
    if (overflow > 0) {
        beginRemoveRows({}, 0, overflow - 1);
        for (int i = 0; i < overflow; ++i)
            m_ring[size_t(physical(i))] = ChannelMessage();   // release the payload now, not when overwritten
        m_head = (m_head + overflow) % m_capacity;
        m_count -= overflow;
        m_dropped += overflow;
        removed = overflow;
        endRemoveRows();
    }
    m_heldBytes = held + batchBytes;
    beginInsertRows({}, m_count, m_count + n - 1);
    for (ChannelMessage &m : batch) {
        const int p = physical(m_count);
        if (size_t(p) >= m_ring.size())
            m_ring.push_back(std::move(m));
        else
            m_ring[size_t(p)] = std::move(m);
        ++m_count;
    }
    endInsertRows();
    emit flushed(n, removed);
}

void ChannelLogModel::setMaxBytes(qint64 bytes)
{
    m_maxBytes = std::max<qint64>(1, bytes);
}

void ChannelLogModel::setCapacity(int capacity)
{
    capacity = std::max(1, capacity);
    if (capacity == m_capacity)
        return;
    // Re-pack the newest min(count, capacity) rows into a fresh ring.
    beginResetModel();
    std::vector<ChannelMessage> ring;
    ring.reserve(size_t(std::min(capacity, m_count)));
    const int keep = std::min(capacity, m_count);
    for (int row = m_count - keep; row < m_count; ++row)
        ring.push_back(std::move(m_ring[size_t(physical(row))]));
    m_dropped += m_count - keep;
    m_ring = std::move(ring);
    m_heldBytes = 0;
    for (const ChannelMessage &m : m_ring)
        m_heldBytes += m.size();
    m_capacity = capacity;
    m_head = 0;
    m_count = keep;
    endResetModel();
}

void ChannelLogModel::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    if (!paused)
        flush();
}

void ChannelLogModel::clear()
{
    beginResetModel();
    m_ring.clear();
    m_ring.shrink_to_fit();
    m_pending.clear();
    m_pendingBytes = 0;
    m_heldBytes = 0;
    m_head = 0;
    m_count = 0;
    m_openByAction.clear();
    m_openCount = 0;
    m_openByRpcId.clear();
    endResetModel();
}

QByteArray ChannelLogModel::toNdjsonLine(const ChannelMessage &m)
{
    QByteArray line;
    line.reserve(m.payload.size() + 128);
    line += "{\"seq\":" + QByteArray::number(m.seq);
    line += ",\"time\":\"" + QDateTime::fromMSecsSinceEpoch(m.timestampMs, Qt::UTC).toString(Qt::ISODateWithMs).toUtf8() + '"';
    line += m.direction == ChannelMessage::Direction::Received ? ",\"dir\":\"in\""
          : m.direction == ChannelMessage::Direction::Sent     ? ",\"dir\":\"out\""
                                                               : ",\"dir\":\"event\"";
    line += ",\"size\":" + QByteArray::number(m.size());
    if (!m.action.isEmpty()) {
        const QByteArray a = QJsonDocument(QJsonArray{m.action}).toJson(QJsonDocument::Compact);
        line += ",\"action\":" + a.mid(1, a.size() - 2);
    }
    if (m.kind == ChannelMessage::Kind::Binary) {
        line += ",\"binary\":\"" + m.payload.toBase64() + "\"}\n";
        return line;
    }
    line += ",\"data\":";
    QJsonParseError pe{};
    const QJsonDocument doc = m.kind == ChannelMessage::Kind::Json ? QJsonDocument::fromJson(m.payload, &pe) : QJsonDocument();
    if (!doc.isNull() && pe.error == QJsonParseError::NoError) {
        line += doc.toJson(QJsonDocument::Compact);
    } else {
        // A string: let QJsonDocument do the escaping.
        const QByteArray wrapped = QJsonDocument(QJsonArray{QString::fromUtf8(m.payload)}).toJson(QJsonDocument::Compact);
        line += wrapped.mid(1, wrapped.size() - 2);
    }
    line += "}\n";
    return line;
}

qint64 ChannelLogModel::exportNdjson(QIODevice *out, const QList<int> &rows) const
{
    qint64 lines = 0;
    if (rows.isEmpty()) {
        for (int r = 0; r < m_count; ++r, ++lines)
            out->write(toNdjsonLine(at(r)));
    } else {
        for (int r : rows) {
            if (r < 0 || r >= m_count)
                continue;
            out->write(toNdjsonLine(at(r)));
            ++lines;
        }
    }
    return lines;
}
