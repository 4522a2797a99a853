// `pikku-admin audit`: the server's audit trail (console API v1.1 "audit"), newest first, through the same
// ConsoleApi::listAudit, AuditFilter and AuditService::unsupportedMessage as the Audit page.
#include "CliContext.h"
#include "CliHelp.h"
#include "CliPaging.h"

#include "core/AuditTypes.h"
#include "core/Json.h"
#include "net/ConsoleApi.h"
#include "services/AuditService.h"
#include "services/Services.h"

#include <memory>

namespace CliCommands {

namespace {
QString dashed(const QString &s)
{
    return s.isEmpty() ? QStringLiteral("-") : CliOutput::plain(s);
}
} // namespace

void audit(CliContext &ctx)
{
    if (!ctx.args.isEmpty()) {
        ctx.usage(CliHelp::usageLine(QStringLiteral("audit")));
        return;
    }
    ListQuery query;
    bool all = false;
    if (!CliPaging::readQuery(ctx, 50, &query, &all))
        return;
    AuditFilter filter;
    filter.actor = ctx.value("actor").trimmed();
    filter.action = ctx.value("action").trimmed();
    filter.target = ctx.value("target").trimmed();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const char *option : {"since", "until"}) {
        if (!ctx.isSet(option))
            continue;
        QString why;
        const QDateTime t = parseAuditTime(ctx.value(option), now, &why);
        if (!t.isValid()) {
            ctx.usage(QStringLiteral("--%1: %2").arg(QLatin1String(option), why));
            return;
        }
        (qstrcmp(option, "since") == 0 ? filter.since : filter.until) = t;
    }
    if (const QString why = filter.validate(); !why.isEmpty()) {
        ctx.usage(why);
        return;
    }
    withSession(ctx, [ctx, query, all, filter](const QString &) mutable {
        auto api = std::make_shared<ConsoleApi>(*ctx.services->console());
        api->info(ctx.owner, [ctx, query, all, filter, api](Result<ConsoleInfo> r) mutable {
            if (!r.ok()) {
                ctx.done(ctx.out->fail(r.error(), QStringLiteral("read the server's features")));
                return;
            }
            if (!r.value().supports(QStringLiteral("audit"))) {
                ctx.out->error(AuditService::unsupportedMessage(), QStringLiteral("UNSUPPORTED"));
                ctx.done(ExitFailure);
                return;
            }
            CliPaging::run<AuditEntry>(
                ctx, QStringLiteral("list audit entries"), QStringLiteral("entries"), query, all,
                [filter](ConsoleApi &a, const ListQuery &q, QObject *owner, ConsoleApi::Cb<Page<AuditEntry>> cb) {
                    return a.listAudit(filter, q.limit, q.cursor.value_or(QString()), owner, [cb](Result<AuditEntryPage> page) {
                        if (!page.ok()) {
                            cb(page.error());
                            return;
                        }
                        Page<AuditEntry> p;
                        p.items = page.value().entries;
                        p.total = page.value().total;
                        p.totalExact = page.value().totalExact;
                        p.nextCursor = page.value().nextCursor;
                        p.body = page.value().body;
                        cb(p);
                    });
                },
                [ctx](const Page<AuditEntry> &page) {
                    // Every field is the server's (an actor's email, a user agent): escaped for the terminal.
                    for (const AuditEntry &e : page.items)
                        ctx.out->result(QStringLiteral("%1  %2  %3  %4  %5  %6  %7")
                                            .arg(toIsoString(e.at), dashed(e.actorText()), dashed(e.action), dashed(e.target),
                                                 e.success ? QStringLiteral("success")
                                                           : QStringLiteral("failure(%1%2)").arg(e.status).arg(
                                                                 e.errorCode.isEmpty() ? QString() : QLatin1Char(' ') + CliOutput::plain(e.errorCode)),
                                                 dashed(e.ipAddress), dashed(e.credentialKind)));
                },
                [ctx](int total, int rows) {
                    ctx.out->info(rows == total ? QStringLiteral("%1 audit entries").arg(rows)
                                                : QStringLiteral("%1 audit entries shown (of at least %2)").arg(rows).arg(total));
                });
        });
    });
}

} // namespace CliCommands
