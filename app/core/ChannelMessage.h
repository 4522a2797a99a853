#pragma once

#include <QByteArray>
#include <QString>

// One frame seen on a channel. Kept compact: the inspector holds up to ~100k of these.
struct ChannelMessage
{
    enum class Direction : quint8 { Received, Sent, Event };   // Event: open/close/error notes from the socket
    enum class Kind : quint8 { Json, Text, Binary, Note };

    qint64 seq = 0;            // monotonically increasing per log, never reused
    qint64 timestampMs = 0;    // ms since epoch
    Direction direction = Direction::Received;
    Kind kind = Kind::Json;
    QByteArray payload;        // UTF-8 text (or raw bytes for binary)
    QString action;            // Pikku routing key ("action"), if any
    QString rpcId;             // pikku-rpc-* envelope id, if any
    QString event;             // a pushed event's name ("event"), when there is no action
    qint64 pairedSeq = -1;     // the request/reply this one pairs with (a pikku-rpc-pending: its request)
    bool rpcPending = false;   // a pikku-rpc-request the other side answered "pending" and not yet answered

    int size() const { return int(payload.size()); }
    bool isError() const;      // {"error": ...} replies and auth failures (below)
    // A plain-string frame (not JSON) that says "Unauthorized", e.g. Pikku's bare
    // "Unauthorized for route 'action:list'" reply to a route that needs a session.
    bool isAuthFailure() const;
    QString summary() const;   // a one-line readable form for the table (binary: byte count and hex)
    static ChannelMessage fromText(const QByteArray &utf8, Direction dir, qint64 timestampMs);
    static ChannelMessage fromBinary(const QByteArray &bytes, Direction dir, qint64 timestampMs);
};

// Pikku's reverse-RPC envelope actions ({"action":"pikku-rpc-request","id":…} and its answers).
namespace PikkuRpc {
inline constexpr char Request[] = "pikku-rpc-request";
inline constexpr char Response[] = "pikku-rpc-response";
inline constexpr char Pending[] = "pikku-rpc-pending";
} // namespace PikkuRpc

// The routing value named by Pikku's "Unauthorized for route 'action:list'" ("list"), or empty.
QString unauthorizedRoute(const QByteArray &payload);

// "0a 1b ff …": the first maxBytes bytes as space-separated hex, with "…" when there are more.
QString hexPreview(const QByteArray &bytes, int maxBytes);
// A hex dump of at most maxBytes bytes: 16 per line, offset, hex and printable ASCII ('.' otherwise),
// then a line saying how many more bytes were not shown.
QString hexDump(const QByteArray &bytes, int maxBytes);

// Cheap extraction of a top-level string field ("action", "id") without a full JSON parse; the detail
// view parses fully on demand. Returns an empty string if absent or not a plain string.
QString scanJsonStringField(const QByteArray &json, const char *key);

// What the composer (or a script) typed for a binary frame: hex ("0a1b ff", "0x0a 0x1b", white space and
// ':' ignored) or base64 (standard or URL alphabet, padding optional). At most maxBytes decoded bytes.
// Returns false with a one-line reason in *error (not hex, odd digit count, not base64, too large, empty).
enum class BinaryEncoding { Hex, Base64 };
bool decodeBinaryInput(const QString &text, BinaryEncoding encoding, qint64 maxBytes, QByteArray *out, QString *error);
