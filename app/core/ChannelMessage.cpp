#include "ChannelMessage.h"

#include <cstring>

QString scanJsonStringField(const QByteArray &json, const char *key)
{
    const int keyLen = int(std::strlen(key));
    QByteArray needle;
    needle.reserve(keyLen + 2);
    needle.append('"').append(key, keyLen).append('"');
    int depth = 0;
    bool inString = false;
    // Walk once, tracking nesting so only top-level keys match.
    for (int i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            --depth;
        } else if (c == '"') {
            if (depth == 1 && json.mid(i, needle.size()) == needle) {
                int j = i + needle.size();
                while (j < json.size() && (json.at(j) == ' ' || json.at(j) == '\t' || json.at(j) == '\n' || json.at(j) == '\r'))
                    ++j;
                if (j >= json.size() || json.at(j) != ':')
                    return {};
                ++j;
                while (j < json.size() && (json.at(j) == ' ' || json.at(j) == '\t' || json.at(j) == '\n' || json.at(j) == '\r'))
                    ++j;
                if (j >= json.size() || json.at(j) != '"')
                    return {};
                const int start = ++j;
                while (j < json.size() && json.at(j) != '"') {
                    if (json.at(j) == '\\')
                        return {};   // escaped routing keys are unusual; leave them to the full parse
                    ++j;
                }
                if (j >= json.size())
                    return {};   // unterminated
                return QString::fromUtf8(json.constData() + start, j - start);
            }
            inString = true;
        }
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
