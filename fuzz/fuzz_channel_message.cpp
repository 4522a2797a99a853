// Channel frames (any WebSocket server): ChannelMessage::fromText routing keys ("action", pikku-rpc "id"),
// isError/summary, and request/reply pairing plus the ring buffer and byte cap of ChannelLogModel.
// Input: frames separated by 0xFF, each starting with a direction byte (odd: sent, even: received;
// bit 1: binary; bit 2: flush; bit 3: also decode it as the composer's hex (bit 4: base64) input).
// Oracle: when a frame is valid JSON whose key occurs once, the cheap scanner agrees with QJsonDocument.
#include "FuzzSupport.h"

#include "core/ChannelMessage.h"
#include "services/models/ChannelLogModel.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

void checkScanner(const QByteArray &frame, const char *key)
{
    const QString scanned = scanJsonStringField(frame, key);
    if (scanned.isEmpty())
        return;
    const QByteArray quoted = QByteArray("\"") + key + "\"";
    if (frame.count(quoted) != 1)
        return;   // duplicate keys: the scanner takes the first, Qt the last; both are fine
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(frame, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return;
    FUZZ_CHECK(doc.object().value(QLatin1String(key)).toString() == scanned);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzzInitApp(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzInput in(data, size);
    const int capacity = 1 + in.byte() % 16;
    // One model per process, emptied and re-capped per input: a QObject with its timer, built and torn down
    // for every input, was a good part of each run (the seqs simply go on from the last input).
    static ChannelLogModel *model = new ChannelLogModel(16);
    ChannelLogModel &log = *model;
    log.clear();
    log.setCapacity(capacity);
    // 16..1036 bytes: inputs are at most 1 KiB (fuzz/options), so the byte cap still bites.
    log.setMaxBytes(16 + in.byte() * 4);
    qint64 lastSeq = log.totalCaptured();
    while (!in.atEnd()) {
        const uint8_t dir = in.byte();
        const QByteArray frame = in.until(char(0xff));
        ChannelMessage m = ChannelMessage::fromText(frame, (dir & 1) ? ChannelMessage::Direction::Sent
                                                                     : ChannelMessage::Direction::Received,
                                                    1764600000000);
        if (dir & 2)
            m = ChannelMessage::fromBinary(frame, m.direction, m.timestampMs);
        if (m.kind == ChannelMessage::Kind::Binary)
            FUZZ_CHECK(m.action.isEmpty() && m.rpcId.isEmpty() && !m.isError());
        (void)m.isAuthFailure();
        (void)unauthorizedRoute(frame);
        if (dir & 8) {
            // The composer's binary input: whatever it accepts is bounded and decodes again to the same bytes.
            QByteArray bytes;
            QString error;
            const QString text = QString::fromUtf8(frame);
            if (decodeBinaryInput(text, (dir & 16) ? BinaryEncoding::Base64 : BinaryEncoding::Hex, 256, &bytes, &error)) {
                FUZZ_CHECK(!bytes.isEmpty() && bytes.size() <= 256);
                QByteArray again;
                FUZZ_CHECK(decodeBinaryInput(QString::fromLatin1(bytes.toHex()), BinaryEncoding::Hex, 256, &again, nullptr) && again == bytes);
            } else {
                FUZZ_CHECK(!error.isEmpty());
            }
        }
        FUZZ_CHECK(m.payload == frame);
        (void)m.isError();
        (void)m.summary();
        checkScanner(frame, "action");
        checkScanner(frame, "id");
        checkScanner(frame, "error");
        const qint64 seq = log.append(std::move(m));
        FUZZ_CHECK(seq == lastSeq + 1);
        lastSeq = seq;
        if (dir & 4)
            log.flush();
    }
    log.flush();
    FUZZ_CHECK(log.rowCount() <= capacity);
    for (int row = 0; row < log.rowCount(); ++row) {
        const ChannelMessage &m = log.at(row);
        if (m.pairedSeq > 0) {
            FUZZ_CHECK(m.pairedSeq != m.seq);
            // Pairs point both ways, except a pikku-rpc-pending, which points at its request only.
            if (const auto p = log.rowForSeq(m.pairedSeq)) {
                const ChannelMessage &other = log.at(*p);
                FUZZ_CHECK(other.direction != m.direction);
                if (m.action == QLatin1String(PikkuRpc::Pending) && !m.rpcId.isEmpty())
                    FUZZ_CHECK(other.rpcId == m.rpcId && other.pairedSeq != m.seq);
                else if (!(other.action == QLatin1String(PikkuRpc::Pending) && !other.rpcId.isEmpty()))
                    FUZZ_CHECK(other.pairedSeq == m.seq);
            }
        }
        if (const auto r = log.rowForSeq(m.seq))
            FUZZ_CHECK(*r == row);
        for (int col = 0; col < ChannelLogModel::ColumnCount; ++col)
            (void)log.data(log.index(row, col));
        // Every exported line is one valid JSON document.
        const QByteArray line = ChannelLogModel::toNdjsonLine(m);
        FUZZ_CHECK(!line.trimmed().contains('\n'));
        FUZZ_CHECK(QJsonDocument::fromJson(line).isObject());
    }
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    FUZZ_CHECK(log.exportNdjson(&out) == log.rowCount());
    return 0;
}
