// Issue 13 items 1 and 2 in the CLI: the service-user lifecycle (rename, disable, enable, delete with its keys)
// and the bulk forms of disable/enable/revoke for service users, keys and sessions. Every id goes through
// ServiceUserOperations and BulkRun, the GUI's: sent once, at most four at a time, never re-sent. One id
// keeps the single-command contract (--json: the server's reply); several ids (or --user) print a result
// line per id (--json: one array of {id, ok, error}); exit 1 if any failed (3 if the session is gone).
#include "CliContext.h"
#include "CliHelp.h"

#include "net/ApiCall.h"
#include "net/ConsoleApi.h"
#include "services/BulkRun.h"
#include "services/ServiceUserOperations.h"
#include "services/Services.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>

#include <unistd.h>

#include <memory>

namespace CliCommands {

namespace {

struct Bulk
{
    LifecycleAction action;
    QString what;          // "disable service user": for a single id's error line
    bool askFirst = false; // confirmation needed (terminal or --yes)
};

// Prints the rows and ends the command.
void report(const CliContext &ctx, const Bulk &b, const BulkRun &run, bool single)
{
    const QList<BulkOutcome> &rows = run.rows();
    bool gone = false;
    for (const BulkOutcome &o : rows)
        gone = gone || o.error.kind == ApiError::Kind::Unauthorized;
    if (single && rows.size() == 1) {
        const BulkOutcome &o = rows.first();
        if (o.state == BulkOutcome::State::Failed) {
            ctx.done(ctx.out->fail(o.error, QStringLiteral("%1 %2").arg(b.what, o.id)));
            return;
        }
        if (!o.ok()) {
            ctx.out->error(QStringLiteral("%1 %2: %3").arg(b.what, CliOutput::plain(o.id), o.message));
            ctx.done(ExitFailure);
            return;
        }
        if (ctx.out->json())
            ctx.out->printJson(o.body);
        else
            ctx.out->info(QStringLiteral("%1: %2").arg(CliOutput::plain(o.id), o.message));
        ctx.done(ExitOk);
        return;
    }
    if (ctx.out->json()) {
        QJsonArray out;
        for (const BulkOutcome &o : rows)
            out.append(QJsonObject{{QStringLiteral("id"), o.id},
                                   {QStringLiteral("ok"), o.ok()},
                                   {QStringLiteral("error"), o.ok() ? QJsonValue() : QJsonValue(o.message)}});
        ctx.out->printJsonArray(out);
    } else {
        for (const BulkOutcome &o : rows)
            ctx.out->result(QStringLiteral("%1  %2  %3")
                                .arg(CliOutput::plain(o.id), o.ok() ? QStringLiteral("ok") : QStringLiteral("FAILED"),
                                     CliOutput::plain(o.message)));
        ctx.out->info(ServiceUserOperations::outcomeLine(b.action, run));
    }
    ctx.done(run.failedCount() == 0 ? ExitOk : gone ? ExitNotSignedIn : ExitFailure);
}

void runBulk(CliContext &ctx, const Bulk &b, const QStringList &ids, BulkRun::Operation op, bool single)
{
    auto *run = new BulkRun(ids, std::move(op), ctx.owner);
    QObject::connect(run, &BulkRun::finished, ctx.owner, [ctx, b, run, single] { report(ctx, b, *run, single); });
    run->start();
}

// --user ID: every key of that service user (pages of 1000 in offset mode, at most BulkRun::kMaxIds).
void keysOfUser(CliContext ctx, const QString &userId, std::shared_ptr<QStringList> ids, std::function<void(QStringList)> next)
{
    ctx.services->console()->listApiKeys(userId, 1000, int(ids->size()), ctx.owner, [ctx, userId, ids, next](Result<Page<ApiKey>> r) {
        if (!r.ok()) {
            ctx.done(ctx.out->fail(r.error(), QStringLiteral("list the keys of %1").arg(CliOutput::plain(userId))));
            return;
        }
        for (const ApiKey &k : r.value().items)
            if (ids->size() < BulkRun::kMaxIds)
                *ids << k.id;
        if (!r.value().items.isEmpty() && ids->size() < r.value().total && ids->size() < BulkRun::kMaxIds) {
            keysOfUser(ctx, userId, ids, next);
            return;
        }
        if (r.value().total > BulkRun::kMaxIds)
            ctx.out->warn(QStringLiteral("the user has %1 keys; acting on the first %2 only").arg(r.value().total).arg(BulkRun::kMaxIds));
        next(*ids);
    });
}

// Confirmation (unless --yes): on a terminal, else exit 2.
void confirmThen(CliContext &ctx, const QString &question, std::function<void()> go)
{
    if (ctx.isSet("yes")) {
        go();
        return;
    }
    ctx.out->info(question);
    askYesNo(ctx, QStringLiteral("Go ahead?"), [ctx, go](bool yes) {
        if (!yes) {
            ctx.out->info(QStringLiteral("Nothing was sent."));
            ctx.done(ExitFailure);
            return;
        }
        go();
    });
}

QList<LifecycleTarget> targetsOf(const QStringList &ids)
{
    QList<LifecycleTarget> out;
    for (const QString &id : ids)
        out << LifecycleTarget{id, {}, -1, {}};
    return out;
}

} // namespace

bool lifecycle(CliContext &ctx)
{
    const QString group = ctx.parser->positionalArguments().value(0);
    const QString sub = ctx.args.value(0);
    const QStringList ids = ctx.args.mid(1);
    ServiceUserOperations ops(ctx.services->console());

    if (group == QLatin1String("users") && sub == QLatin1String("rename")) {
        const QString id = ids.value(0), name = ids.value(1);
        if (const QString why = ServiceUserOperations::nameProblem(name); !why.isEmpty()) {
            ctx.usage(QStringLiteral("users rename: %1").arg(why));
            return true;
        }
        withSession(ctx, [ctx, id, name](const QString &) mutable {
            ServiceUserOperations ops(ctx.services->console());
            auto call = std::make_shared<QPointer<ApiCall>>();
            *call = ops.rename(id, name, ctx.owner, [ctx, id, call](Result<ServiceUser> r) {
                if (!r.ok()) {
                    ctx.done(ctx.out->fail(r.error(), QStringLiteral("rename service user %1").arg(id)));
                    return;
                }
                const ServiceUser &u = r.value();
                if (ctx.out->json())
                    ctx.out->printJson(*call ? (*call)->response().json.object() : QJsonObject{});
                else
                    ctx.out->info(QStringLiteral("Renamed %1 to %2.").arg(CliOutput::plain(u.id), CliOutput::plain(u.name)));
                ctx.done(ExitOk);
            });
        });
        return true;
    }

    std::optional<Bulk> bulk;
    if (group == QLatin1String("users")) {
        if (sub == QLatin1String("disable")) bulk = Bulk{LifecycleAction::DisableUser, QStringLiteral("disable service user")};
        else if (sub == QLatin1String("enable")) bulk = Bulk{LifecycleAction::EnableUser, QStringLiteral("enable service user")};
        else if (sub == QLatin1String("delete")) bulk = Bulk{LifecycleAction::DeleteUser, QStringLiteral("delete service user"), true};
    } else if (group == QLatin1String("keys")) {
        if (sub == QLatin1String("disable")) bulk = Bulk{LifecycleAction::DisableKey, QStringLiteral("disable key")};
        else if (sub == QLatin1String("enable")) bulk = Bulk{LifecycleAction::EnableKey, QStringLiteral("enable key")};
        else if (sub == QLatin1String("revoke")) bulk = Bulk{LifecycleAction::RevokeKey, QStringLiteral("revoke key")};
    } else if (group == QLatin1String("sessions") && sub == QLatin1String("revoke") && ids.size() > 1) {
        // One id: sessionsRevoke (UserCommands), which also revokes on a server without the console plugin.
        bulk = Bulk{LifecycleAction::RevokeSession, QStringLiteral("revoke session")};
    }
    if (!bulk)
        return false;
    const Bulk b = *bulk;
    const QString path = group + QLatin1Char(' ') + sub;
    if (ids.size() > BulkRun::kMaxIds) {
        ctx.usage(QStringLiteral("%1: at most %2 ids at once").arg(path).arg(BulkRun::kMaxIds));
        return true;
    }

    if (group == QLatin1String("keys")) {
        const QString user = ctx.value("user");
        if (ctx.isSet("user") == !ids.isEmpty()) {
            ctx.out->error(ids.isEmpty() ? QStringLiteral("%1 needs key ids or --user ID").arg(path)
                                         : QStringLiteral("%1 takes key ids or --user ID, not both").arg(path),
                           QStringLiteral("USAGE"));
            ctx.out->hint(CliHelp::usageLine(path) + QStringLiteral("\n(see '%1 help %2')").arg(CliHelp::programName(), path));
            ctx.done(ExitUsage);
            return true;
        }
        if (ctx.isSet("yes") && ids.size() > 0) {
            ctx.usage(QStringLiteral("%1: --yes goes with --user (ids are revoked without asking)").arg(path));
            return true;
        }
        if (ctx.isSet("user")) {
            if (user.trimmed().isEmpty()) {
                ctx.usage(QStringLiteral("--user needs a service user id"));
                return true;
            }
            // A filter may take more than the admin thinks: revoke asks first (before anything is read
            // when there is nobody to ask).
            if (b.action == LifecycleAction::RevokeKey && !ctx.isSet("yes") && !isatty(STDIN_FILENO)) {
                askYesNo(ctx, {}, {});   // reports the usage error and exits 2
                return true;
            }
            withSession(ctx, [ctx, b, ops, user](const QString &) mutable {
            keysOfUser(ctx, user, std::make_shared<QStringList>(), [ctx, b, ops](QStringList found) mutable {
                if (found.isEmpty()) {
                    if (ctx.out->json())
                        ctx.out->printJsonArray(QJsonArray{});
                    ctx.out->info(QStringLiteral("That user has no keys; nothing was sent."));
                    ctx.done(ExitOk);
                    return;
                }
                auto go = [ctx, b, ops, found]() mutable { runBulk(ctx, b, found, ops.operation(b.action), false); };
                if (b.action == LifecycleAction::RevokeKey)
                    confirmThen(ctx, ServiceUserOperations::question(b.action, targetsOf(found)), go);
                else
                    go();
            });
            });
            return true;
        }
    }

    const bool single = ids.size() == 1;
    if (b.action == LifecycleAction::DeleteUser) {
        if (!ctx.isSet("yes") && !isatty(STDIN_FILENO)) {
            askYesNo(ctx, {}, {});   // exit 2: a confirmation is needed and there is nobody to ask
            return true;
        }
        if (ctx.isSet("yes")) {
            withSession(ctx, [ctx, b, ids, ops, single](const QString &) mutable {
                runBulk(ctx, b, ids, ops.operation(b.action), single);
            });
            return true;
        }
        withSession(ctx, [ctx, b, ids, single](const QString &) mutable {
            auto ops = std::make_shared<ServiceUserOperations>(ctx.services->console());
            ops->countKeys(targetsOf(ids), ctx.owner, [ctx, b, ids, ops, single](QList<LifecycleTarget> counted) mutable {
                confirmThen(ctx, ServiceUserOperations::question(b.action, counted),
                            [ctx, b, ids, ops, counted, single]() mutable {
                                runBulk(ctx, b, ids, ops->deleteOperation(counted), single);
                            });
            });
        });
        return true;
    }
    withSession(ctx, [ctx, b, ids, ops, single](const QString &) mutable { runBulk(ctx, b, ids, ops.operation(b.action), single); });
    return true;
}

} // namespace CliCommands
