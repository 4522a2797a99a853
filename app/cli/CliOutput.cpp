#include "CliOutput.h"

#include "core/ApiError.h"

#include <QJsonDocument>

#include <cstdio>

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
bool mayNeedEscape(const QByteArray &bytes)
{
    for (const char ch : bytes) {
        const auto b = static_cast<unsigned char>(ch);
        if (b < 0x20 || b == 0x7f || b == 0xc2 || b == 0xd8 || b == 0xe2)
            return true;
    }
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

void CliOutput::error(const QString &text) const
{
    write(stderr, QStringLiteral("error: ") + text);
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
    error(text);
    return e.kind == ApiError::Kind::Unauthorized ? ExitNotSignedIn : ExitFailure;
}
