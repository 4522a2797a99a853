#include "ChannelMessage.h"

#include <QCoreApplication>

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

ChannelMessage ChannelMessage::fromBinary(const QByteArray &bytes, Direction dir, qint64 timestampMs)
{
    ChannelMessage m;
    m.timestampMs = timestampMs;
    m.direction = dir;
    m.kind = Kind::Binary;
    m.payload = bytes;
    return m;
}

namespace {
// The text of a plain-string frame without leading white space and one leading quote (Pikku sends the
// string JSON-encoded: "\"Unauthorized for route 'action:list'\"").
QByteArrayView plainText(const QByteArray &payload)
{
    QByteArrayView v(payload);
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t' || v.front() == '\n' || v.front() == '\r'))
        v = v.sliced(1);
    if (!v.isEmpty() && v.front() == '"')
        v = v.sliced(1);
    return v;
}
bool startsWithNoCase(QByteArrayView v, const char *lower)
{
    const size_t n = std::strlen(lower);
    if (size_t(v.size()) < n)
        return false;
    for (size_t i = 0; i < n; ++i) {
        char c = v[qsizetype(i)];
        if (c >= 'A' && c <= 'Z')
            c = char(c + 32);
        if (c != lower[i])
            return false;
    }
    return true;
}
constexpr qsizetype kShortText = 1024;   // a longer plain string is a payload, not an auth reply
} // namespace

bool ChannelMessage::isAuthFailure() const
{
    if (kind != Kind::Text || direction != Direction::Received)
        return false;
    const QByteArrayView v = plainText(payload);
    if (startsWithNoCase(v, "unauthorized"))
        return true;
    if (v.size() > kShortText)
        return false;
    for (qsizetype i = 0; i + 12 <= v.size(); ++i) {
        if ((v[i] == 'u' || v[i] == 'U') && startsWithNoCase(v.sliced(i), "unauthorized"))
            return true;
    }
    return false;
}

QString unauthorizedRoute(const QByteArray &payload)
{
    const QByteArrayView v = plainText(payload);
    if (v.size() > kShortText)
        return {};
    const qsizetype at = v.indexOf(QByteArrayView("route "));
    if (at < 0)
        return {};
    QByteArrayView rest = v.sliced(at + 6);
    if (rest.isEmpty() || (rest.front() != '\'' && rest.front() != '`'))
        return {};
    const char quote = rest.front();
    rest = rest.sliced(1);
    const qsizetype close = rest.indexOf(quote);
    if (close <= 0)
        return {};
    const QByteArrayView route = rest.first(close);   // "action:list": routing property, then its value
    const qsizetype colon = route.indexOf(':');
    return QString::fromUtf8(colon >= 0 ? route.sliced(colon + 1) : route);
}

bool ChannelMessage::isError() const
{
    if (kind == Kind::Text)
        return isAuthFailure();
    if (kind == Kind::Json)
        return !scanJsonStringField(payload, "error").isEmpty();
    return false;
}

QString hexPreview(const QByteArray &bytes, int maxBytes)
{
    const int n = int(std::min<qsizetype>(bytes.size(), std::max(0, maxBytes)));
    QString out = QString::fromLatin1(bytes.first(n).toHex(' '));
    if (bytes.size() > n)
        out += QStringLiteral(" …");
    return out;
}

QString hexDump(const QByteArray &bytes, int maxBytes)
{
    const qsizetype n = std::min<qsizetype>(bytes.size(), std::max(0, maxBytes));
    QString out;
    out.reserve(int(n / 16 + 1) * 80);
    for (qsizetype off = 0; off < n; off += 16) {
        const QByteArray line = bytes.mid(off, std::min<qsizetype>(16, n - off));
        QString ascii;
        for (char c : line)
            ascii += (c >= 0x20 && c < 0x7f) ? QChar::fromLatin1(c) : QLatin1Char('.');
        out += QStringLiteral("%1  %2  %3\n")
                   .arg(off, 8, 16, QLatin1Char('0'))
                   .arg(QString::fromLatin1(line.toHex(' ')), -47)
                   .arg(ascii);
    }
    if (bytes.size() > n)
        out += QCoreApplication::translate("ChannelMessage", "… %1 more bytes not shown\n").arg(bytes.size() - n);
    return out;
}

QString ChannelMessage::summary() const
{
    if (kind == Kind::Binary)
        return QCoreApplication::translate("ChannelMessage", "<binary, %n bytes> ", nullptr, int(payload.size()))
            + hexPreview(payload, 32);
    QString text = QString::fromUtf8(payload.left(240));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    if (isAuthFailure())   // Pikku's bare-string reply to a route that needs a session
        return QCoreApplication::translate("ChannelMessage", "⚠ Not authorized (auth failure): ") + text;
    return text;
}

bool decodeBinaryInput(const QString &text, BinaryEncoding encoding, qint64 maxBytes, QByteArray *out, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    // Bounded before any work: a hex digit pair or four base64 characters per 1-3 bytes.
    if (qint64(text.size()) > 3 * maxBytes + 4096)
        return fail(QCoreApplication::translate("ChannelMessage", "too large: at most %1 bytes").arg(maxBytes));
    QByteArray compact;
    compact.reserve(text.size());
    if (encoding == BinaryEncoding::Hex) {
        QString t = text;
        t.replace(QLatin1String("0x"), QString(), Qt::CaseInsensitive);
        for (const QChar c : std::as_const(t)) {
            if (c.isSpace() || c == QLatin1Char(':') || c == QLatin1Char(','))
                continue;
            const char l = c.toLatin1();
            if (!((l >= '0' && l <= '9') || (l >= 'a' && l <= 'f') || (l >= 'A' && l <= 'F')))
                return fail(QCoreApplication::translate("ChannelMessage", "not hex: unexpected character '%1'").arg(c));
            compact += l;
        }
        if (compact.size() % 2)
            return fail(QCoreApplication::translate("ChannelMessage", "not hex: an odd number of digits"));
        compact = QByteArray::fromHex(compact);
    } else {
        for (const QChar c : text) {
            if (c.isSpace())
                continue;
            const char l = c.toLatin1();
            if (!((l >= '0' && l <= '9') || (l >= 'a' && l <= 'z') || (l >= 'A' && l <= 'Z') || l == '+' || l == '/'
                  || l == '-' || l == '_' || l == '='))
                return fail(QCoreApplication::translate("ChannelMessage", "not base64: unexpected character '%1'").arg(c));
            compact += l;
        }
        const bool url = compact.contains('-') || compact.contains('_');
        const auto decoded = QByteArray::fromBase64Encoding(
            compact, (url ? QByteArray::Base64UrlEncoding : QByteArray::Base64Encoding) | QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return fail(QCoreApplication::translate("ChannelMessage", "not base64"));
        compact = *decoded;
    }
    if (compact.isEmpty())
        return fail(QCoreApplication::translate("ChannelMessage", "empty"));
    if (compact.size() > maxBytes)
        return fail(QCoreApplication::translate("ChannelMessage", "too large: %1 bytes, at most %2").arg(compact.size()).arg(maxBytes));
    *out = compact;
    return true;
}
