// `pikku-admin device ...` and `pikku-admin sessions ...`: approving other clients' sign-ins with
// better-auth's own claim/approve endpoints, and the console API's session list.
#include "CliContext.h"
#include "CliHelp.h"
#include "CliPaging.h"

#include "services/AuthService.h"
#include "core/Json.h"
#include "services/Services.h"
#include "services/UserAdmin.h"
#include "net/AuthApi.h"
#include "services/models/DeviceCodesModel.h"
#include "net/ConsoleApi.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSocketNotifier>

#include <algorithm>
#include <memory>
#include <unistd.h>

namespace CliCommands {

void withSession(CliContext &ctx, std::function<void(const QString &)> next)
{
    ctx.services->auth()->restore(ctx.endpoint, ctx.owner, [ctx, next](Result<SessionInfo> r) {
        if (!r.ok()) {
            const ApiError &e = r.error();
            if (e.kind == ApiError::Kind::Unauthorized) {
                ctx.out->error(e.displayText(), e.serverCode.isEmpty() ? QStringLiteral("UNAUTHORIZED") : e.serverCode, e.httpStatus);
                ctx.out->hint(QStringLiteral("Run `pikku-admin login --server %1` first.").arg(ctx.endpoint.key()));
                ctx.done(ExitNotSignedIn);
            } else {
                ctx.done(ctx.out->fail(e, QStringLiteral("cannot read the saved session")));
            }
            return;
        }
        next(ctx.services->session()->token());
    });
}

namespace {

// A console API call through the one typed gateway (the session's own bearer, its own origin; the 404 of a
// server without the plugin explained; the reply read strictly, or exit 1 with nothing printed). With
// --json the reply body is printed as the server sent it (cli.md), else through human().
template<typename T>
void consoleCall(CliContext &ctx, const QString &what,
                 std::function<ApiCall *(ConsoleApi &, QObject *, ConsoleApi::Cb<T>)> start,
                 std::function<QJsonObject(const T &)> body, std::function<void(const T &)> human)
{
    withSession(ctx, [ctx, what, start, body, human](const QString &) mutable {
        auto api = std::make_shared<ConsoleApi>(*ctx.services->console());
        start(*api, ctx.owner, [ctx, what, body, human, api](Result<T> r) {
            if (!r.ok()) {
                ctx.done(ctx.out->fail(r.error(), what));
                return;
            }
            if (ctx.out->json())
                ctx.out->printJson(body(r.value()));
            else
                human(r.value());
            ctx.done(ExitOk);
        });
    });
}

template<typename T>
QJsonObject pageBody(const Page<T> &p)
{
    return p.body;
}


QString claimProblem(const DeviceClaim &c)
{
    if (!c.claimedByCaller())
        return QStringLiteral("this code was claimed by another account; only that account can decide");
    if (c.status != QLatin1String("pending"))
        return QStringLiteral("this code was already %1").arg(c.status);
    return {};
}

void decide(CliContext &ctx, const QString &token, const QString &code, bool approve)
{
    auto api = std::make_shared<AuthApi>(ctx.services->http(), ctx.endpoint);
    api->approveDevice(token, code, approve, ctx.owner, [ctx, code, approve, api](Result<Done> r) {
        if (!r.ok()) {
            ctx.done(ctx.out->fail(r.error(), approve ? QStringLiteral("approve %1").arg(formatUserCode(code))
                                                      : QStringLiteral("deny %1").arg(formatUserCode(code))));
            return;
        }
        if (ctx.out->json())
            ctx.out->printJson({{QStringLiteral("success"), true}});
        ctx.out->info(approve ? QStringLiteral("Approved %1: that device is now signed in as you.").arg(formatUserCode(code))
                              : QStringLiteral("Denied %1.").arg(formatUserCode(code)));
        ctx.done(ExitOk);
    });
}

} // namespace

void askYesNo(CliContext &ctx, const QString &question, std::function<void(bool)> answer)
{
    if (!isatty(STDIN_FILENO)) {
        ctx.out->error(QStringLiteral("confirmation needed and stdin is not a terminal: pass --yes"), QStringLiteral("USAGE"));
        ctx.done(ExitUsage);
        return;
    }
    ctx.out->prompt(question + QStringLiteral(" [y/N] "));
    auto *notifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, ctx.owner);
    QObject::connect(notifier, &QSocketNotifier::activated, ctx.owner, [notifier, answer] {
        char buf[64] = {};
        const ssize_t n = ::read(STDIN_FILENO, buf, sizeof(buf) - 1);
        notifier->setEnabled(false);
        notifier->deleteLater();
        const QString reply = n > 0 ? QString::fromLocal8Bit(buf, int(n)).trimmed().toLower() : QString();
        answer(reply == QLatin1String("y") || reply == QLatin1String("yes"));
    });
}

void device(CliContext &ctx)
{
    const QString sub = ctx.args.value(0);
    if (sub == QLatin1String("pending") && ctx.args.size() == 1) {
        consoleCall<Page<PendingDeviceCode>>(
            ctx, QStringLiteral("list pending device codes"),
            [](ConsoleApi &api, QObject *owner, ConsoleApi::Cb<Page<PendingDeviceCode>> cb) { return api.listDeviceCodes(owner, cb); },
            pageBody<PendingDeviceCode>,
            [ctx](const Page<PendingDeviceCode> &page) {
                if (page.items.isEmpty())
                    ctx.out->info(QStringLiteral("No pending device codes."));
                const QDateTime now = QDateTime::currentDateTimeUtc();
                for (const PendingDeviceCode &c : page.items)
                    ctx.out->result(QStringLiteral("%1  %2  scope=%3  %4 s left")
                                        .arg(formatUserCode(c.userCode),
                                             c.clientId.isEmpty() ? QStringLiteral("-") : CliOutput::plain(c.clientId),
                                             c.scope.isEmpty() ? QStringLiteral("-") : CliOutput::plain(c.scope))
                                        .arg(std::max<qint64>(0, now.secsTo(c.expiresAt))));
            });
        return;
    }
    if ((sub == QLatin1String("approve") || sub == QLatin1String("deny")) && ctx.args.size() == 2) {
        const bool approve = sub == QLatin1String("approve");
        const QString code = normalizeUserCode(ctx.args.at(1));
        if (code.isEmpty()) {
            ctx.usage(QStringLiteral("no code given"));
            return;
        }
        withSession(ctx, [ctx, code, approve](const QString &token) mutable {
            auto api = std::make_shared<AuthApi>(ctx.services->http(), ctx.endpoint);
            // better-auth needs the claim (GET /device while signed in) before approve or deny.
            api->claimDeviceCode(token, code, ctx.owner, [ctx, code, approve, token, api](Result<DeviceClaim> r) mutable {
                if (!r.ok()) {
                    ctx.done(ctx.out->fail(r.error(), QStringLiteral("look up %1").arg(formatUserCode(code))));
                    return;
                }
                const DeviceClaim claim = r.value();
                if (const QString problem = claimProblem(claim); !problem.isEmpty()) {
                    ctx.out->error(problem);
                    ctx.done(ExitFailure);
                    return;
                }
                const QString me = CliOutput::plain(ctx.services->session()->user().displayName());
                // Anyone can request a code with any client id and scope: both are shown escaped.
                ctx.out->info(QStringLiteral("Code %1 requested by client \"%2\"%3.")
                                  .arg(formatUserCode(code), CliOutput::plain(claim.clientId),
                                       claim.scope.isEmpty() ? QString()
                                                             : QStringLiteral(" for scope \"%1\"").arg(CliOutput::plain(claim.scope))));
                if (!approve) {
                    decide(ctx, token, code, false);
                    return;
                }
                ctx.out->info(QStringLiteral("Approving signs that device in AS YOU (%1). Only approve a code you started yourself.").arg(me));
                if (ctx.isSet("yes")) {
                    decide(ctx, token, code, true);
                    return;
                }
                askYesNo(ctx, QStringLiteral("Does the device show %1, and did you start it?").arg(formatUserCode(code)),
                         [ctx, token, code](bool yes) mutable {
                             if (!yes) {
                                 ctx.out->info(QStringLiteral("Not approved."));
                                 ctx.done(ExitFailure);
                                 return;
                             }
                             decide(ctx, token, code, true);
                         });
            });
        });
        return;
    }
    ctx.usage(CliHelp::usageLine(QStringLiteral("device")));
}

void sessions(CliContext &ctx)
{
    if (lifecycle(ctx))
        return;
    const QString sub = ctx.args.value(0);
    if (sub == QLatin1String("list") && ctx.args.size() == 1) {
        ListQuery query;
        bool all = false;
        if (!CliPaging::readQuery(ctx, 100, &query, &all))
            return;
        query.userId = ctx.value("user");
        withSession(ctx, [ctx, query, all](const QString &) mutable {
            CliPaging::run<UserSession>(
                ctx, QStringLiteral("list sessions"), QStringLiteral("sessions"), query, all,
                // UserAdmin picks the endpoint: /console/sessions, or better-auth's list-user-sessions
                // (--user needed) on a server without the console plugin.
                [ctx](ConsoleApi &, const ListQuery &q, QObject *owner, ConsoleApi::Cb<Page<UserSession>> cb) -> ApiCall * {
                    ctx.services->users()->listSessions(q, owner, cb);
                    return nullptr;
                },
                [ctx](const Page<UserSession> &page) {
                    for (const UserSession &s : page.items)
                        ctx.out->result(QStringLiteral("%1  %2  created %3  expires %4  %5")
                                            .arg(CliOutput::plain(s.id), CliOutput::plain(s.userEmail),
                                                 toIsoString(s.createdAt), toIsoString(s.expiresAt), CliOutput::plain(s.userAgent)));
                },
                [ctx](int total, int) { ctx.out->info(QStringLiteral("%1 active sessions").arg(total)); });
        });
        return;
    }
    if (sub == QLatin1String("revoke") && ctx.args.size() == 2) {
        sessionsRevoke(ctx, ctx.args.at(1));
        return;
    }
    if (sub == QLatin1String("revoke-all") && ctx.args.size() == 2) {
        sessionsRevokeAll(ctx, ctx.args.at(1));
        return;
    }
    if (sub == QLatin1String("watch") && ctx.args.size() == 1) {
        sessionsWatch(ctx);
        return;
    }
    ctx.usage(CliHelp::usageLine(QStringLiteral("sessions")));
}

} // namespace CliCommands
