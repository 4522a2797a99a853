// `pikku-admin device ...` and `pikku-admin sessions ...`: approving other clients' sign-ins with
// better-auth's own claim/approve endpoints, and the console API's session list.
#include "CliContext.h"

#include "core/AuthService.h"
#include "core/Json.h"
#include "core/Services.h"
#include "net/AuthApi.h"
#include "net/HttpClient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QUrlQuery>

#include <memory>
#include <unistd.h>

namespace CliCommands {

void withSession(CliContext &ctx, std::function<void(const QString &)> next)
{
    ctx.services->auth()->restore(ctx.endpoint, ctx.owner, [ctx, next](Result<SessionInfo> r) {
        if (!r.ok()) {
            const ApiError &e = r.error();
            if (e.kind == ApiError::Kind::Unauthorized) {
                ctx.out->error(e.serverMessage.isEmpty() ? e.userMessage() : e.serverMessage);
                ctx.out->info(QStringLiteral("Run `pikku-admin login --server %1` first.").arg(ctx.endpoint.key()));
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

RequestOptions bearer(const CliContext &ctx, const QString &token)
{
    RequestOptions o;
    o.credentials = Credentials::person(token, ctx.endpoint.baseUrl);
    o.allowInsecureHttp = ctx.endpoint.allowInsecureHttp;
    return o;
}

// The console API's answer printed as is with --json (cli.md), or through human() otherwise.
void printConsole(CliContext &ctx, ApiCall *call, const QString &what, std::function<void(const QJsonObject &)> human)
{
    call->onFinished(ctx.owner, [ctx, what, human](const HttpResponse &r) {
        if (!r.ok()) {
            if (r.error.kind == ApiError::Kind::NotFound && r.error.serverCode.isEmpty())
                ctx.out->error(QStringLiteral("the server has no console API (HTTP 404 for %1): install the "
                                              "@pikku-admin/better-auth-console plugin").arg(what));
            ctx.done(ctx.out->fail(r.error, what));
            return;
        }
        if (ctx.out->json())
            ctx.out->printJson(r.json.object());
        else
            human(r.json.object());
        ctx.done(ExitOk);
    });
}

void askYesNo(CliContext &ctx, const QString &question, std::function<void(bool)> answer)
{
    if (!isatty(STDIN_FILENO)) {
        ctx.out->error(QStringLiteral("confirmation needed and stdin is not a terminal: pass --yes"));
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

void device(CliContext &ctx)
{
    const QString sub = ctx.args.value(0);
    if (sub == QLatin1String("pending") && ctx.args.size() == 1) {
        withSession(ctx, [ctx](const QString &token) mutable {
            ApiCall *call = ctx.services->http()->get(ctx.endpoint.authUrl(QStringLiteral("/console/device-codes")), bearer(ctx, token));
            printConsole(ctx, call, QStringLiteral("list pending device codes"), [ctx](const QJsonObject &o) {
                const QJsonArray codes = o.value(QStringLiteral("deviceCodes")).toArray();
                if (codes.isEmpty()) {
                    ctx.out->info(QStringLiteral("No pending device codes."));
                    return;
                }
                const QDateTime now = QDateTime::currentDateTimeUtc();
                for (const QJsonValue &v : codes) {
                    const QJsonObject d = v.toObject();
                    const qint64 left = now.secsTo(parseIsoDateTime(d.value(QStringLiteral("expiresAt")).toString()));
                    ctx.out->result(QStringLiteral("%1  %2  scope=%3  %4 s left")
                                        .arg(formatUserCode(d.value(QStringLiteral("userCode")).toString()),
                                             CliOutput::plain(d.value(QStringLiteral("clientId")).toString(QStringLiteral("-"))),
                                             CliOutput::plain(d.value(QStringLiteral("scope")).toString(QStringLiteral("-"))))
                                        .arg(left));
                }
            });
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
    ctx.usage(QStringLiteral("usage: device pending | device approve CODE [--yes] | device deny CODE"));
}

void sessions(CliContext &ctx)
{
    const QString sub = ctx.args.value(0);
    if (sub == QLatin1String("list") && ctx.args.size() == 1) {
        withSession(ctx, [ctx](const QString &token) mutable {
            QUrl url = ctx.endpoint.authUrl(QStringLiteral("/console/sessions"));
            QUrlQuery q;
            q.addQueryItem(QStringLiteral("limit"), ctx.isSet("limit") ? ctx.value("limit") : QStringLiteral("100"));
            if (ctx.isSet("user"))
                q.addQueryItem(QStringLiteral("userId"), ctx.value("user"));
            url.setQuery(q);
            printConsole(ctx, ctx.services->http()->get(url, bearer(ctx, token)), QStringLiteral("list sessions"),
                         [ctx](const QJsonObject &o) {
                             for (const QJsonValue &v : o.value(QStringLiteral("sessions")).toArray()) {
                                 const QJsonObject s = v.toObject();
                                 ctx.out->result(QStringLiteral("%1  %2  created %3  expires %4  %5")
                                                     .arg(CliOutput::plain(s.value(QStringLiteral("id")).toString()),
                                                          CliOutput::plain(s.value(QStringLiteral("userEmail")).toString()),
                                                          CliOutput::plain(s.value(QStringLiteral("createdAt")).toString()),
                                                          CliOutput::plain(s.value(QStringLiteral("expiresAt")).toString()),
                                                          CliOutput::plain(s.value(QStringLiteral("userAgent")).toString())));
                             }
                             ctx.out->info(QStringLiteral("%1 active sessions").arg(o.value(QStringLiteral("total")).toInt()));
                         });
        });
        return;
    }
    if (sub == QLatin1String("revoke") && ctx.args.size() == 2) {
        const QString id = ctx.args.at(1);
        withSession(ctx, [ctx, id](const QString &token) mutable {
            ApiCall *call = ctx.services->http()->post(ctx.endpoint.authUrl(QStringLiteral("/console/sessions/revoke")),
                                                       {{QStringLiteral("sessionId"), id}}, bearer(ctx, token));
            printConsole(ctx, call, QStringLiteral("revoke session %1").arg(id), [ctx, id](const QJsonObject &) {
                ctx.out->info(QStringLiteral("Revoked session %1.").arg(id));
            });
        });
        return;
    }
    ctx.usage(QStringLiteral("usage: sessions list [--user ID] | sessions revoke ID"));
}

} // namespace CliCommands
