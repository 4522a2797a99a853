#pragma once

// Paging for every console list of the CLI (`users list`, `keys list`, `sessions list`): --limit, --offset,
// --cursor and --all, written once.
//   (none)        one page by offset (v1), the reply body as the server sent it with --json
//   --cursor C    one page by keyset (v1.1; empty C: the first page); the next cursor on stderr
//   --all         every page: cursor mode, or offset mode when the server answers without a cursor (a v1
//                 server ignores the parameter); human rows are printed as each page lands, with a
//                 progress line on stderr once it takes more than one page; --json prints one document
//                 {<list>: [every row], total} at the end (at most kMaxAllRows rows)
#include "CliContext.h"

#include "net/ConsoleApi.h"
#include "services/Services.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include <cstdio>
#include <functional>
#include <memory>

#include <unistd.h>

namespace CliPaging {

constexpr int kMaxAllRows = 100000;   // --all --json keeps every row in memory: bounded
constexpr int kMaxPages = 100000;     // --all: a server that never ends its pages is stopped

// Reads --limit, --offset, --cursor, --all into query; a usage error (and false) when out of range.
bool readQuery(CliContext &ctx, int defaultLimit, ListQuery *query, bool *all);

// Progress of --all on stderr: one line per page after the first, overwritten in place on a terminal.
void progress(int fetched, int total, bool done);

template<typename T>
using Fetch = std::function<ApiCall *(ConsoleApi &, const ListQuery &, QObject *, ConsoleApi::Cb<Page<T>>)>;

// Runs the list; human(page) prints a page's rows (called once per page), summary(total, rows) the last
// stderr line. Needs the session (withSession) already restored.
// onFirstPageError, when given, may take over a failure of the first page (returns true: handled, nothing
// printed here) — `users list` goes on without the console plugin that way.
template<typename T>
void run(CliContext &ctx, const QString &what, const QString &listName, ListQuery query, bool all, Fetch<T> fetch,
         std::function<void(const Page<T> &)> human, std::function<void(int total, int rows)> summary,
         std::function<bool(const ApiError &)> onFirstPageError = {})
{
    auto api = std::make_shared<ConsoleApi>(*ctx.services->console());
    if (!all) {
        fetch(*api, query, ctx.owner, [ctx, what, human, summary, api, query, onFirstPageError](Result<Page<T>> r) {
            if (!r.ok()) {
                if (onFirstPageError && onFirstPageError(r.error()))
                    return;
                ctx.done(ctx.out->fail(r.error(), what));
                return;
            }
            const Page<T> &p = r.value();
            if (ctx.out->json()) {
                ctx.out->printJson(p.body);
            } else {
                human(p);
                summary(p.total, int(p.items.size()));
                if (p.nextCursor)
                    ctx.out->info(QStringLiteral("next page: --cursor %1").arg(CliOutput::plain(*p.nextCursor)));
                else if (!query.cursor && query.offset + p.items.size() < p.total)
                    ctx.out->info(QStringLiteral("next page: --offset %1").arg(query.offset + p.items.size()));
            }
            ctx.done(ExitOk);
        });
        return;
    }
    struct Walk
    {
        ListQuery query;
        QJsonArray rows;   // --json only
        int fetched = 0, pages = 0, total = 0;
        QSet<QString> cursors;
    };
    auto walk = std::make_shared<Walk>();
    walk->query = query;
    if (!walk->query.cursor)
        walk->query.cursor = QString();   // the first page in cursor mode; a v1 server answers by offset
    auto step = std::make_shared<std::function<void()>>();
    *step = [ctx, what, listName, human, summary, api, walk, fetch, step, onFirstPageError] {
        fetch(*api, walk->query, ctx.owner, [ctx, what, listName, human, summary, api, walk, step, onFirstPageError](Result<Page<T>> r) {
            if (!r.ok()) {
                if (walk->pages == 0 && onFirstPageError && onFirstPageError(r.error())) {
                    *step = nullptr;
                    return;
                }
                progress(walk->fetched, walk->total, true);
                *step = nullptr;
                ctx.done(ctx.out->fail(r.error(), QStringLiteral("%1 (after %2 rows)").arg(what).arg(walk->fetched)));
                return;
            }
            const Page<T> &p = r.value();
            ++walk->pages;
            if (walk->pages == 1 || p.totalExact)
                walk->total = p.total;
            walk->fetched += int(p.items.size());
            if (ctx.out->json()) {
                if (walk->fetched > kMaxAllRows) {
                    *step = nullptr;
                    ctx.out->error(QStringLiteral("%1: more than %2 rows; page with --cursor instead of --all --json")
                                       .arg(what).arg(kMaxAllRows), QStringLiteral("TOO_MANY_ROWS"));
                    ctx.done(ExitFailure);
                    return;
                }
                for (const QJsonValue &v : p.body.value(listName).toArray())
                    walk->rows.append(v);
            } else {
                human(p);
            }
            bool more = false;
            if (p.body.contains(QStringLiteral("nextCursor"))) {   // cursor mode
                more = p.nextCursor.has_value() && !p.items.isEmpty();
                if (more && walk->cursors.contains(*p.nextCursor)) {
                    *step = nullptr;
                    ctx.out->error(QStringLiteral("%1: the server sent the same cursor twice; stopped after %2 rows")
                                       .arg(what).arg(walk->fetched), QStringLiteral("BAD_RESPONSE"));
                    ctx.done(ExitFailure);
                    return;
                }
                if (more) {
                    walk->cursors.insert(*p.nextCursor);
                    walk->query.cursor = p.nextCursor;
                }
            } else {   // offset mode (a server without "cursor")
                walk->query.cursor.reset();
                walk->query.offset += int(p.items.size());
                more = !p.items.isEmpty() && walk->query.offset < p.total;
            }
            if (more && walk->pages >= kMaxPages) {
                *step = nullptr;
                ctx.out->error(QStringLiteral("%1: stopped after %2 pages").arg(what).arg(kMaxPages), QStringLiteral("TOO_MANY_PAGES"));
                ctx.done(ExitFailure);
                return;
            }
            if (more) {
                progress(walk->fetched, walk->total, false);
                (*step)();
                return;
            }
            if (walk->pages > 1)
                progress(walk->fetched, walk->total, true);
            *step = nullptr;   // the walk ends: drop the self-reference
            if (ctx.out->json())
                ctx.out->printJson({{listName, walk->rows}, {QStringLiteral("total"), walk->total}});
            else
                summary(walk->total, walk->fetched);
            ctx.done(ExitOk);
        });
    };
    (*step)();
}

} // namespace CliPaging
