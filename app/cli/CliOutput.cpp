#include "CliOutput.h"

#include "core/ApiError.h"

#include <QJsonDocument>

#include <cstdio>

namespace {
void write(FILE *f, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), f);
    if (!text.endsWith(QLatin1Char('\n')))
        std::fputc('\n', f);
    std::fflush(f);
}
} // namespace

void CliOutput::printJson(const QJsonObject &o) const
{
    write(stdout, QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
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

int CliOutput::fail(const ApiError &e, const QString &what) const
{
    QString text = what.isEmpty() ? e.userMessage() : what + QStringLiteral(": ") + e.userMessage();
    if (!e.serverCode.isEmpty() && !text.contains(e.serverCode))
        text += QStringLiteral(" [%1]").arg(e.serverCode);
    error(text);
    return e.kind == ApiError::Kind::Unauthorized ? ExitNotSignedIn : ExitFailure;
}
