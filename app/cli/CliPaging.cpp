#include "CliPaging.h"

#include <QRegularExpression>

namespace CliPaging {

namespace {
bool readCount(CliContext &ctx, const char *option, int fallback, int min, int max, int *out)
{
    if (!ctx.isSet(option)) {
        *out = fallback;
        return true;
    }
    bool ok = false;
    const int n = ctx.value(option).toInt(&ok);
    if (!ok || n < min || n > max) {
        ctx.usage(QStringLiteral("--%1 takes a whole number from %2 to %3").arg(QLatin1String(option)).arg(min).arg(max));
        return false;
    }
    *out = n;
    return true;
}
} // namespace

bool readQuery(CliContext &ctx, int defaultLimit, ListQuery *query, bool *all)
{
    *all = ctx.isSet("all");
    // --all walks in pages of --limit rows (default: the largest page the server serves).
    if (!readCount(ctx, "limit", *all ? 1000 : defaultLimit, 1, 1000, &query->limit)
        || !readCount(ctx, "offset", 0, 0, 1000000000, &query->offset))
        return false;
    if (ctx.isSet("offset") && ctx.isSet("cursor")) {
        ctx.usage(QStringLiteral("--offset or --cursor, not both"));
        return false;
    }
    if (ctx.isSet("cursor")) {
        const QString c = ctx.value("cursor");
        static const QRegularExpression printable(QStringLiteral("^[\\x21-\\x7e]{0,1024}$"));
        if (!printable.match(c).hasMatch()) {
            ctx.usage(QStringLiteral("--cursor takes a previous page's cursor (at most 1024 printable characters), or '' for the first page"));
            return false;
        }
        query->cursor = c;
    }
    if (*all && ctx.isSet("offset")) {
        ctx.usage(QStringLiteral("--all starts at the first page (or at --cursor), not at --offset"));
        return false;
    }
    return true;
}

void progress(int fetched, int total, bool done)
{
    // Our own text (numbers only), straight to stderr: on a terminal one line rewritten in place.
    static const bool tty = ::isatty(STDERR_FILENO);
    const QByteArray line = QStringLiteral("fetched %1 of %2 rows%3").arg(fetched).arg(total).arg(done ? QString() : QStringLiteral("…")).toUtf8();
    if (tty) {
        std::fprintf(stderr, "\r%s\x1b[K%s", line.constData(), done ? "\n" : "");
    } else if (!done) {
        std::fprintf(stderr, "%s\n", line.constData());
    }
    std::fflush(stderr);
}

} // namespace CliPaging
