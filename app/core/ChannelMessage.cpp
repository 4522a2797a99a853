#include "ChannelMessage.h"

#include <cstring>

namespace {
const char *skipSpace(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
        ++p;
    return p;
}
// The closing quote of the string whose first character is at s (escaped quotes skipped), or nullptr.
const char *stringEnd(const char *s, const char *end)
{
    for (const char *q = s;;) {
        q = static_cast<const char *>(std::memchr(q, '"', size_t(end - q)));
        if (!q)
            return nullptr;
        const char *b = q;
        while (b > s && b[-1] == '\\')
            --b;
        if (((q - b) & 1) == 0)   // an even number of backslashes: the quote is not escaped
            return q;
        ++q;
    }
}
} // namespace

QString scanJsonStringField(const QByteArray &json, const char *key)
{
    // This runs for every message of a flood: no allocation, strings skipped with memchr, and no walk at
    // all when the key's text does not occur (most messages of most floods).
    const size_t keyLen = std::strlen(key);
    char quoted[64];
    if (keyLen + 2 > sizeof quoted)
        return {};
    quoted[0] = '"';
    std::memcpy(quoted + 1, key, keyLen);
    quoted[keyLen + 1] = '"';
    if (json.indexOf(QByteArrayView(quoted, qsizetype(keyLen + 2))) < 0)
        return {};
    const char *p = json.constData();
    const char *const end = p + json.size();
    int depth = 0;
    // Walk once, tracking nesting so only top-level keys match.
    while (p < end) {
        const char c = *p;
        if (c == '"') {
            const char *s = p + 1;
            const char *q = stringEnd(s, end);
            if (!q)
                return {};   // unterminated
            p = q + 1;
            if (depth != 1 || size_t(q - s) != keyLen || std::memcmp(s, key, keyLen) != 0)
                continue;
            const char *j = skipSpace(p, end);
            if (j >= end || *j != ':')
                continue;   // the same text as a value, not a key
            j = skipSpace(j + 1, end);
            if (j >= end || *j != '"')
                return {};   // not a plain string
            const char *vs = j + 1;
            const char *ve = static_cast<const char *>(std::memchr(vs, '"', size_t(end - vs)));
            if (!ve || std::memchr(vs, '\\', size_t(ve - vs)))
                return {};   // unterminated, or escaped (unusual for routing keys: left to the full parse)
            return QString::fromUtf8(vs, ve - vs);
        }
        if (c == '{' || c == '[')
            ++depth;
        else if (c == '}' || c == ']')
            --depth;
        ++p;
    }
    return {};
}

ChannelMessage ChannelMessage::fromText(const QByteArray &utf8, Direction dir, qint64 timestampMs)
{
    ChannelMessage m;
    m.timestampMs = timestampMs;
    m.direction = dir;
    m.payload = utf8;
    int i = 0;
    while (i < utf8.size() && (utf8.at(i) == ' ' || utf8.at(i) == '\n' || utf8.at(i) == '\r' || utf8.at(i) == '\t'))
        ++i;
    if (i < utf8.size() && utf8.at(i) == '{') {
        m.kind = Kind::Json;
        m.action = scanJsonStringField(utf8, "action");
        if (m.action.startsWith(QLatin1String("pikku-rpc-")))
            m.rpcId = scanJsonStringField(utf8, "id");
        else if (m.action.isEmpty())
            m.event = scanJsonStringField(utf8, "event");   // {"topic":…,"event":"session.created","data":…}
    } else if (i < utf8.size() && utf8.at(i) == '[') {
        m.kind = Kind::Json;
    } else {
        m.kind = Kind::Text;
    }
    return m;
}

bool ChannelMessage::isError() const
{
    if (kind == Kind::Text)
        return payload.startsWith("\"Unauthorized") || payload.startsWith("Unauthorized");
    if (kind == Kind::Json)
        return !scanJsonStringField(payload, "error").isEmpty();
    return false;
}

QString ChannelMessage::summary() const
{
    QString text = QString::fromUtf8(payload.left(240));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    if (kind == Kind::Text && (text.startsWith(QLatin1String("\"Unauthorized")) || text.startsWith(QLatin1String("Unauthorized"))))
        return QStringLiteral("⚠ Not authorized for this route: ") + text;   // Pikku's bare-string reply
    if (kind == Kind::Binary)
        return QStringLiteral("<binary, %1 bytes>").arg(payload.size());
    return text;
}
