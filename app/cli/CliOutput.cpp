#include "CliOutput.h"

#include "core/ApiError.h"

#include <QJsonDocument>

#include <cstdio>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace {
void write(FILE *f, const QString &text, bool newline = true)
{
    const QByteArray utf8 = CliOutput::escapeControls(text, CliOutput::Newlines::Keep).toUtf8();
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), f);
    if (newline && !utf8.endsWith('\n'))
        std::fputc('\n', f);
    std::fflush(f);
}

// A byte that may start something escapeControls() changes: C0, DEL, or the UTF-8 lead byte of C1
// (0xC2), U+061C (0xD8) and U+200E-206F (0xE2). Anything else is passed through untouched.
bool mayNeedEscapeByte(unsigned char b)
{
    return b < 0x20 || b == 0x7f || b == 0xc2 || b == 0xd8 || b == 0xe2;
}

// The channel's hot path (a million frames a second, ~5,800 instructions each): sixteen bytes at a time
// (SSE2; eight with the portable fallback) while they are plain printable ASCII (0x20-0x7E), the last
// block read overlapping the end; from the first block that is not, byte by byte. A byte-by-byte scan
// of a 200-byte frame cost ~2,400 instructions, this ~200 (callgrind).
bool mayNeedEscape(const QByteArray &bytes)
{
    const char *p = bytes.constData();
    const qsizetype n = bytes.size();
#if defined(__SSE2__)
    constexpr qsizetype block = 16;
    const __m128i space = _mm_set1_epi8(0x20), del = _mm_set1_epi8(0x7f);
    // Signed compare: 0x80-0xFF are negative, so "< 0x20" also catches every non-ASCII byte.
    const auto printable = [&](qsizetype at) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + at));
        return _mm_movemask_epi8(_mm_or_si128(_mm_cmplt_epi8(v, space), _mm_cmpeq_epi8(v, del))) == 0;
    };
#else
    constexpr qsizetype block = 8;
    constexpr quint64 ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    const auto printable = [&](qsizetype at) {
        quint64 x;
        std::memcpy(&x, p + at, 8);
        // a byte below 0x20, or one at or above 0x7F (0x7F + 1 sets the high bit); a carry can only flag
        // too much, which the byte-by-byte check then clears
        return ((((x - ones * 0x20) & ~x) | (x + ones) | x) & highs) == 0;
    };
#endif
    qsizetype i = 0;
    for (; i + block <= n; i += block)
        if (!printable(i))
            break;
    if (i < n && n >= block && i + block > n) {   // the tail, as one block overlapping the last one
        if (printable(n - block))
            return false;
        i = n - block;
    }
    for (; i < n; ++i)
        if (mayNeedEscapeByte(static_cast<unsigned char>(p[i])))
            return true;
    return false;
}
} // namespace

bool CliOutput::isControl(char32_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x061c || c == 0x200e || c == 0x200f || c == 0x2028
        || c == 0x2029 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

QString CliOutput::escapeControls(const QString &text, Newlines newlines, Style style)
{
    qsizetype first = 0;
    for (; first < text.size(); ++first) {
        const char16_t c = text.at(first).unicode();
        if (isControl(c) && !(c == u'\n' && newlines == Newlines::Keep))
            break;
    }
    if (first == text.size())
        return text;
    QString out = text.left(first);
    out.reserve(text.size() + 16);
    for (qsizetype i = first; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (!isControl(c) || (c == u'\n' && newlines == Newlines::Keep)) {
            out += QChar(c);
            continue;
        }
        if (style == Style::Json) {
            out += QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0'));
        } else if (c == u'\n') {
            out += QLatin1String("\\n");
        } else if (c == u'\r') {
            out += QLatin1String("\\r");
        } else if (c == u'\t') {
            out += QLatin1String("\\t");
        } else if (c < 0x100) {
            out += QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0'));
        } else {
            out += QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0'));
        }
    }
    return out;
}

QByteArray CliOutput::frameLine(const QByteArray &frame, bool json)
{
    if (!mayNeedEscape(frame))
        return frame;
    if (json) {
        QJsonParseError pe{};
        const QJsonDocument d = QJsonDocument::fromJson(frame, &pe);
        if (pe.error == QJsonParseError::NoError)
            return escapeControls(QString::fromUtf8(d.toJson(QJsonDocument::Compact)), Newlines::Escape, Style::Json).toUtf8();
        return escapeControls(QString::fromUtf8(frame), Newlines::Escape, Style::Json).toUtf8();
    }
    return escapeControls(QString::fromUtf8(frame)).toUtf8();
}

void CliOutput::printJson(const QJsonObject &o) const
{
    // QJsonDocument escapes C0 itself; DEL, C1, U+2028/2029 and the bidi controls it leaves raw (valid
    // JSON, but a terminal or a `jq -r` shows them): they are escaped as \uNNNN too, which decodes to the
    // same document.
    const QString doc = QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    const QByteArray utf8 = escapeControls(doc, Newlines::Escape, Style::Json).toUtf8();
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void CliOutput::printJsonArray(const QJsonArray &a) const
{
    const QString doc = QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
    const QByteArray utf8 = escapeControls(doc, Newlines::Escape, Style::Json).toUtf8();
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void CliOutput::result(const QString &text) const
{
    write(stdout, text);
}

void CliOutput::info(const QString &text) const
{
    write(stderr, text);
}

void CliOutput::warn(const QString &text) const
{
    write(stderr, QStringLiteral("warning: ") + text);
}

QJsonObject CliOutput::errorJson(const QString &code, const QString &message, int httpStatus)
{
    return {{QStringLiteral("error"),
             QJsonObject{{QStringLiteral("code"), code},
                         {QStringLiteral("message"), message},
                         {QStringLiteral("status"), httpStatus > 0 ? QJsonValue(httpStatus) : QJsonValue(QJsonValue::Null)}}}};
}

void CliOutput::error(const QString &text, const QString &code, int httpStatus) const
{
    if (!m_json) {
        write(stderr, QStringLiteral("error: ") + text);
        return;
    }
    const QString doc = QString::fromUtf8(QJsonDocument(errorJson(code, text, httpStatus)).toJson(QJsonDocument::Compact));
    const QByteArray utf8 = escapeControls(doc, Newlines::Escape, Style::Json).toUtf8();
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), stderr);
    std::fputc('\n', stderr);
    std::fflush(stderr);
}

void CliOutput::hint(const QString &text) const
{
    if (!m_json)
        write(stderr, text);
}

void CliOutput::prompt(const QString &text) const
{
    write(stderr, text, false);
}

int CliOutput::fail(const ApiError &e, const QString &what) const
{
    QString text = what.isEmpty() ? e.userMessage() : what + QStringLiteral(": ") + e.userMessage();
    if (!e.serverCode.isEmpty() && !text.contains(e.serverCode))
        text += QStringLiteral(" [%1]").arg(e.serverCode);
    error(text, e.serverCode.isEmpty() ? e.kindName().toUpper().replace(QLatin1Char('-'), QLatin1Char('_')) : e.serverCode, e.httpStatus);
    return e.kind == ApiError::Kind::Unauthorized ? ExitNotSignedIn : ExitFailure;
}
