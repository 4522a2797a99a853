// `pikku-admin users ban|unban|set-role` (better-auth's admin plugin, with or without the console plugin)
// and `users list` on a server without the console plugin (every user, through /admin/list-users). All of
// it goes through UserAdmin (services), which holds the lock-out rules; this file only reads arguments and
// prints.
#include "CliContext.h"
#include "CliHelp.h"
#include "CliPaging.h"

#include "core/Duration.h"
#include "core/Json.h"
#include "services/Services.h"
#include "services/UserAdmin.h"

#include <QJsonObject>

namespace CliCommands {

namespace {

QString describe(const AdminUser &u)
{
    QString line = QStringLiteral("%1  %2  %3  role=%4").arg(CliOutput::plain(u.id), CliOutput::plain(u.email),
                                                            CliOutput::plain(u.name), CliOutput::plain(u.role));
    if (u.banned)
        line += QStringLiteral("  BANNED%1%2")
                    .arg(u.banExpires.isValid() ? QStringLiteral(" until ") + toIsoString(u.banExpires) : QString(),
                         u.banReason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(CliOutput::plain(u.banReason)));
    return line;
}

// One user-changing call; --json prints better-auth's {user} body, else the user's line on stdout.
void userCall(CliContext &ctx, const QString &what, std::function<void(UserAdmin *, UserAdmin::Cb<AdminUser>)> start,
              const QString &done)
{
    withSession(ctx, [ctx, what, start, done](const QString &) {
        start(ctx.services->users(), [ctx, what, done](Result<AdminUser> r) {
            if (!r.ok()) {
                ctx.done(ctx.out->fail(r.error(), what));
                return;
            }
            if (ctx.out->json()) {
                ctx.out->printJson(QJsonObject{{QStringLiteral("user"), r.value().json}});
            } else {
                ctx.out->result(describe(r.value()));
                ctx.out->info(done);
            }
            ctx.done(ExitOk);
        });
    });
}

} // namespace

void listAllUsers(CliContext &ctx, const ListQuery &query, bool all)
{
    if (query.cursor && !query.cursor->isEmpty()) {
        ctx.done(ctx.out->fail(UserAdmin::needsPlugin(QStringLiteral("--cursor")), QStringLiteral("list users")));
        return;
    }
    ctx.out->info(QStringLiteral("No console plugin on this server: listing every user (better-auth's admin plugin), "
                                 "not only service users."));
    CliPaging::run<AdminUser>(
        ctx, QStringLiteral("list users"), QStringLiteral("users"), query, all,
        [ctx](ConsoleApi &, const ListQuery &q, QObject *owner, ConsoleApi::Cb<Page<AdminUser>> cb) -> ApiCall * {
            UserQuery u;
            u.limit = q.limit;
            u.offset = q.offset;
            u.search = q.search;
            ctx.services->users()->listUsers(u, owner, cb);
            return nullptr;
        },
        [ctx](const Page<AdminUser> &p) {
            for (const AdminUser &u : p.items)
                ctx.out->result(describe(u));
        },
        [ctx](int total, int) { ctx.out->info(QStringLiteral("%1 users").arg(total)); });
}

bool userAdminCommand(CliContext &ctx)
{
    const QString sub = ctx.args.value(0);
    if (sub == QLatin1String("ban") && ctx.args.size() == 2) {
        const QString id = ctx.args.at(1), reason = ctx.value("reason");
        std::optional<qint64> expires;
        if (ctx.isSet("expires")) {
            expires = parseDurationSeconds(ctx.value("expires"));
            if (!expires || *expires < 1) {
                ctx.usage(QStringLiteral("--expires takes a duration: 30d, 12h, 90m or seconds"));
                return true;
            }
        }
        if (reason.size() > 500) {
            ctx.usage(QStringLiteral("--reason is at most 500 characters"));
            return true;
        }
        userCall(ctx, QStringLiteral("ban user %1").arg(id),
                 [ctx, id, reason, expires](UserAdmin *users, UserAdmin::Cb<AdminUser> cb) { users->ban(id, reason, expires, ctx.owner, cb); },
                 QStringLiteral("Banned; their sessions are revoked (their API keys keep working until revoked)."));
        return true;
    }
    if (sub == QLatin1String("unban") && ctx.args.size() == 2) {
        const QString id = ctx.args.at(1);
        userCall(ctx, QStringLiteral("unban user %1").arg(id),
                 [ctx, id](UserAdmin *users, UserAdmin::Cb<AdminUser> cb) { users->unban(id, ctx.owner, cb); }, QStringLiteral("Unbanned."));
        return true;
    }
    if (sub == QLatin1String("set-role") && ctx.args.size() == 3) {
        const QString id = ctx.args.at(1);
        QString why;
        const auto roles = parseRoleList(ctx.args.at(2), &why);
        if (!roles) {
            ctx.usage(QStringLiteral("ROLES: %1").arg(why));
            return true;
        }
        userCall(ctx, QStringLiteral("set the roles of user %1").arg(id),
                 [ctx, id, roles](UserAdmin *users, UserAdmin::Cb<AdminUser> cb) { users->setRole(id, *roles, ctx.owner, cb); },
                 QStringLiteral("Roles set."));
        return true;
    }
    return false;
}

void sessionsRevoke(CliContext &ctx, const QString &sessionId)
{
    const QString userId = ctx.value("user");
    withSession(ctx, [ctx, sessionId, userId](const QString &) {
        ctx.services->users()->revokeSession(sessionId, userId, ctx.owner, [ctx, sessionId](Result<Done> r) {
            if (!r.ok()) {
                ctx.done(ctx.out->fail(r.error(), QStringLiteral("revoke session %1").arg(sessionId)));
                return;
            }
            if (ctx.out->json())
                ctx.out->printJson(QJsonObject{{QStringLiteral("success"), true}});
            else
                ctx.out->info(QStringLiteral("Revoked session %1.").arg(CliOutput::plain(sessionId)));
            ctx.done(ExitOk);
        });
    });
}

void sessionsRevokeAll(CliContext &ctx, const QString &userId)
{
    withSession(ctx, [ctx, userId](const QString &) {
        ctx.services->users()->revokeAllSessions(userId, ctx.owner, [ctx, userId](Result<Done> r) {
            if (!r.ok()) {
                ctx.done(ctx.out->fail(r.error(), QStringLiteral("revoke the sessions of user %1").arg(userId)));
                return;
            }
            if (ctx.out->json())
                ctx.out->printJson(QJsonObject{{QStringLiteral("success"), true}});
            else
                ctx.out->info(QStringLiteral("Revoked every session of user %1.").arg(CliOutput::plain(userId)));
            ctx.done(ExitOk);
        });
    });
}

} // namespace CliCommands
