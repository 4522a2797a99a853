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
    qint64 pairedSeq = -1;     // the request/reply this one pairs with

    int size() const { return int(payload.size()); }
    bool isError() const;      // {"error": ...} replies and Pikku's bare "Unauthorized for route" strings
    QString summary() const;   // a one-line readable form for the table
    static ChannelMessage fromText(const QByteArray &utf8, Direction dir, qint64 timestampMs);
};

// Cheap extraction of a top-level string field ("action", "id") without a full JSON parse; the detail
// view parses fully on demand. Returns an empty string if absent or not a plain string.
QString scanJsonStringField(const QByteArray &json, const char *key);
