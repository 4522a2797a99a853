// `pikku-admin users ...` and `pikku-admin keys ...`: service users and their scoped API keys through the
// console API. With --json each prints the console API's response body; without, `keys mint` and
// `keys rotate` print the secret alone on stdout (so KEY=$(...) works) and everything else on stderr.
#include "CliContext.h"

#include "core/Duration.h"
#include "core/Json.h"
#include "core/Services.h"
#include "net/ConsoleApi.h"

#include <algorithm>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrlQuery>

#include <algorithm>
#include <memory>

namespace CliCommands {

namespace {

std::shared_ptr<ConsoleApi> consoleApi(const CliContext &ctx)
{
    return std::make_shared<ConsoleApi>(ctx.services->http(), ctx.services->session());
}

int failConsole(const CliContext &ctx, const ApiError &e, const QString &what)
{
    return ctx.out->fail(e, what);
}

// Runs one raw console call and prints its body (--json) or a human form.
void rawCall(CliContext &ctx, const QByteArray &method, const QString &path, const QJsonObject &body, const QString &what,
             std::function<void(const QJsonObject &)> human)
{
    withSession(ctx, [ctx, method, path, body, what, human](const QString &) mutable {
        auto api = consoleApi(ctx);
        api->raw(method, path, body, ctx.owner, [ctx, what, human, api](Result<QJsonObject> r) {
            if (!r.ok()) {
                ctx.done(failConsole(ctx, r.error(), what));
                return;
            }
            if (ctx.out->json())
                ctx.out->printJson(r.value());
            else
                human(r.value());
            ctx.done(ExitOk);
        });
    });
}

QString keyLine(const QJsonObject &k)
{
    const QString expires = k.value(QStringLiteral("expiresAt")).toString();
    return QStringLiteral("%1  %2  %3…  %4  owner=%5  expires=%6  used=%7")
        .arg(k.value(QStringLiteral("id")).toString(), k.value(QStringLiteral("name")).toString(),
             k.value(QStringLiteral("start")).toString(),
             k.value(QStringLiteral("enabled")).toBool() ? QStringLiteral("enabled") : QStringLiteral("DISABLED"),
             k.value(QStringLiteral("userId")).toString(), expires.isEmpty() ? QStringLiteral("never") : expires)
        .arg(k.value(QStringLiteral("requestCount")).toInt());
}

// After a create whose reply was lost: the key may exist. List that owner's keys with that name from
// the last ten minutes so an orphan can be revoked; nothing is silently lost.
void reportLostCreate(const CliContext &ctx, const QString &userId, const QString &name, const ApiError &e)
{
    ctx.out->error(QStringLiteral("the server's reply was lost (%1): the key may have been created, but its secret "
                                  "was not received").arg(e.userMessage()));
    auto api = consoleApi(ctx);
    api->listApiKeys(userId, 100, 0, ctx.owner, [ctx, name, api](Result<Page<ApiKey>> r) {
        if (r.ok()) {
            const QDateTime cutoff = QDateTime::currentDateTimeUtc().addSecs(-600);
            int n = 0;
            for (const ApiKey &k : r.value().items) {
                if (k.name == name && k.createdAt >= cutoff) {
                    ctx.out->info(QStringLiteral("possible orphan: %1 (%2…, created %3): revoke it with `pikku-admin keys revoke %1`")
                                      .arg(k.id, k.start, k.createdAt.toString(Qt::ISODate)));
                    ++n;
                }
            }
            if (n == 0)
                ctx.out->info(QStringLiteral("no key named %1 was created in the last 10 minutes: nothing to clean up").arg(name));
        }
        ctx.done(ExitFailure);
    });
}

bool parseRateLimit(const QString &text, KeyFields &f, QString *error)
{
    if (text == QLatin1String("off")) {
        f.rateLimitEnabled = false;
        return true;
    }
    static const QRegularExpression re(QStringLiteral("^(\\d+)/(\\w+)$"));
    const auto m = re.match(text);
    const qint64 window = m.hasMatch() ? parseDurationSeconds(m.captured(2)).value_or(-1) : -1;
    if (window <= 0 || m.captured(1).toLongLong() <= 0) {
        *error = QStringLiteral("--rate-limit takes off or MAX/WINDOW (100/1h): %1").arg(text);
        return false;
    }
    f.rateLimitEnabled = true;
    f.rateLimitMax = m.captured(1).toLongLong();
    f.rateLimitTimeWindow = window;
    return true;
}

void printSecret(const CliContext &ctx, const QJsonObject &body, const QString &what)
{
    if (ctx.out->json()) {
        ctx.out->printJson(body);
        return;
    }
    const QJsonObject k = body.value(QStringLiteral("apiKey")).toObject();
    ctx.out->result(body.value(QStringLiteral("key")).toString());   // the secret alone on stdout
    ctx.out->info(QStringLiteral("%1 %2 (%3) for %4. This is the only time the secret is shown.")
                      .arg(what, k.value(QStringLiteral("name")).toString(), k.value(QStringLiteral("id")).toString(),
                           k.value(QStringLiteral("userId")).toString()));
    if (body.contains(QStringLiteral("previous"))) {
        const QJsonObject p = body.value(QStringLiteral("previous")).toObject();
        ctx.out->info(QStringLiteral("The previous key %1 now expires at %2.").arg(p.value(QStringLiteral("id")).toString(),
                                                                                   p.value(QStringLiteral("expiresAt")).toString()));
    }
}

} // namespace

void users(CliContext &ctx)
{
    const QString sub = ctx.args.value(0);
    if (sub == QLatin1String("list") && ctx.args.size() == 1) {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("limit"), ctx.isSet("limit") ? ctx.value("limit") : QStringLiteral("50"));
        q.addQueryItem(QStringLiteral("offset"), ctx.isSet("offset") ? ctx.value("offset") : QStringLiteral("0"));
        if (ctx.isSet("search"))
            q.addQueryItem(QStringLiteral("search"), ctx.value("search"));
        rawCall(ctx, "GET", QStringLiteral("/console/service-users?") + q.toString(QUrl::FullyEncoded), {},
                QStringLiteral("list service users"), [ctx](const QJsonObject &o) {
                    for (const QJsonValue &v : o.value(QStringLiteral("users")).toArray()) {
                        const QJsonObject u = v.toObject();
                        ctx.out->result(QStringLiteral("%1  %2  %3  keys=%4%5")
                                            .arg(u.value(QStringLiteral("id")).toString(), u.value(QStringLiteral("name")).toString(),
                                                 u.value(QStringLiteral("email")).toString())
                                            .arg(u.value(QStringLiteral("apiKeyCount")).toInt())
                                            .arg(u.value(QStringLiteral("banned")).toBool() ? QStringLiteral("  BANNED") : QString()));
                    }
                    ctx.out->info(QStringLiteral("%1 service users").arg(o.value(QStringLiteral("total")).toInt()));
                });
        return;
    }
    if (sub == QLatin1String("create") && ctx.args.size() == 2) {
        QJsonObject body{{QStringLiteral("name"), ctx.args.at(1)}};
        if (ctx.isSet("email"))
            body.insert(QStringLiteral("email"), ctx.value("email"));
        rawCall(ctx, "POST", QStringLiteral("/console/service-users/create"), body, QStringLiteral("create service user"),
                [ctx](const QJsonObject &o) {
                    const QJsonObject u = o.value(QStringLiteral("user")).toObject();
                    ctx.out->result(u.value(QStringLiteral("id")).toString());
                    ctx.out->info(QStringLiteral("Created service user %1 <%2>.").arg(u.value(QStringLiteral("name")).toString(),
                                                                                       u.value(QStringLiteral("email")).toString()));
                });
        return;
    }
    ctx.usage(QStringLiteral("usage: users list [--search S] [--limit N] [--offset N] | users create NAME [--email E]"));
}

void keys(CliContext &ctx)
{
    const QString sub = ctx.args.value(0);
    if (sub == QLatin1String("list") && ctx.args.size() == 1) {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("limit"), ctx.isSet("limit") ? ctx.value("limit") : QStringLiteral("100"));
        if (ctx.isSet("user"))
            q.addQueryItem(QStringLiteral("userId"), ctx.value("user"));
        rawCall(ctx, "GET", QStringLiteral("/console/api-keys?") + q.toString(QUrl::FullyEncoded), {}, QStringLiteral("list keys"),
                [ctx](const QJsonObject &o) {
                    for (const QJsonValue &v : o.value(QStringLiteral("apiKeys")).toArray())
                        ctx.out->result(keyLine(v.toObject()));
                    ctx.out->info(QStringLiteral("%1 keys").arg(o.value(QStringLiteral("total")).toInt()));
                });
        return;
    }
    if (sub == QLatin1String("mint") && ctx.args.size() == 1) {
        if (!ctx.isSet("user") || !ctx.isSet("name")) {
            ctx.usage(QStringLiteral("keys mint needs --user ID and --name N"));
            return;
        }
        KeyFields f;
        f.userId = ctx.value("user");
        f.name = ctx.value("name");
        f.prefix = ctx.value("prefix");
        QString error;
        if (ctx.isSet("expires")) {
            f.expiresIn = parseDurationSeconds(ctx.value("expires"));
            if (!f.expiresIn) {
                ctx.usage(QStringLiteral("--expires takes a duration (30d, 12h, 3600)"));
                return;
            }
        }
        if (!ctx.values("permission").isEmpty()) {
            f.permissions = parsePermissionArgs(ctx.values("permission"), &error);
            if (!error.isEmpty()) {
                ctx.usage(error);
                return;
            }
        }
        if (!ctx.values("metadata").isEmpty()) {
            QJsonObject meta;
            for (const QString &kv : ctx.values("metadata")) {
                const int eq = kv.indexOf(QLatin1Char('='));
                const QString key = kv.left(std::max(0, eq)).trimmed();
                if (eq <= 0 || key.isEmpty()) {
                    ctx.usage(QStringLiteral("--metadata takes KEY=VALUE: %1").arg(kv));
                    return;
                }
                if (meta.contains(key)) {
                    ctx.usage(QStringLiteral("--metadata %1 given twice").arg(key));
                    return;
                }
                meta.insert(key, kv.mid(eq + 1));
            }
            f.metadata = meta;
        }
        if (ctx.isSet("rate-limit") && !parseRateLimit(ctx.value("rate-limit"), f, &error)) {
            ctx.usage(error);
            return;
        }
        if (!ctx.isSet("rate-limit"))
            ctx.out->warn(QStringLiteral("no --rate-limit: the server's default applies (better-auth's is 10 requests per day, "
                                         "after which a machine key is blocked); pass --rate-limit off or MAX/WINDOW"));
        if (ctx.isSet("remaining")) {
            bool ok = false;
            f.remaining = ctx.value("remaining").toLongLong(&ok);
            if (!ok || *f.remaining < 0) {
                ctx.usage(QStringLiteral("--remaining takes a whole number"));
                return;
            }
        }
        withSession(ctx, [ctx, f](const QString &) mutable {
            auto api = consoleApi(ctx);
            api->raw("POST", QStringLiteral("/console/api-keys/create"), f.toJson(), ctx.owner, [ctx, f, api](Result<QJsonObject> r) mutable {
                if (!r.ok()) {
                    if (r.error().replyMayBeLost())   // timeout, dropped connection, garbled reply, gateway 5xx
                        reportLostCreate(ctx, f.userId, f.name, r.error());
                    else
                        ctx.done(failConsole(ctx, r.error(), QStringLiteral("mint a key")));
                    return;
                }
                printSecret(ctx, r.value(), QStringLiteral("Minted"));
                ctx.done(ExitOk);
            });
        });
        return;
    }
    if (sub == QLatin1String("update") && ctx.args.size() == 2) {
        QJsonObject body{{QStringLiteral("keyId"), ctx.args.at(1)}};
        if (ctx.isSet("enable") && ctx.isSet("disable")) {
            ctx.usage(QStringLiteral("--enable or --disable, not both"));
            return;
        }
        if (ctx.isSet("enable") || ctx.isSet("disable"))
            body.insert(QStringLiteral("enabled"), ctx.isSet("enable"));
        if (ctx.isSet("name"))
            body.insert(QStringLiteral("name"), ctx.value("name"));
        if (ctx.isSet("expires")) {
            const auto s = parseDurationSeconds(ctx.value("expires"));
            if (!s) {
                ctx.usage(QStringLiteral("--expires takes a duration (30d, 12h, 3600)"));
                return;
            }
            body.insert(QStringLiteral("expiresIn"), double(*s));
        }
        if (body.size() == 1) {
            ctx.usage(QStringLiteral("keys update needs --enable, --disable, --name or --expires"));
            return;
        }
        rawCall(ctx, "POST", QStringLiteral("/console/api-keys/update"), body, QStringLiteral("update key"),
                [ctx](const QJsonObject &o) { ctx.out->result(keyLine(o.value(QStringLiteral("apiKey")).toObject())); });
        return;
    }
    if (sub == QLatin1String("revoke") && ctx.args.size() == 2) {
        const QString id = ctx.args.at(1);
        rawCall(ctx, "POST", QStringLiteral("/console/api-keys/delete"), {{QStringLiteral("keyId"), id}}, QStringLiteral("revoke key %1").arg(id),
                [ctx, id](const QJsonObject &) { ctx.out->info(QStringLiteral("Revoked key %1.").arg(id)); });
        return;
    }
    if (sub == QLatin1String("rotate") && ctx.args.size() == 2) {
        const auto overlap = parseDurationSeconds(ctx.isSet("overlap") ? ctx.value("overlap") : QStringLiteral("1h"));
        if (!overlap) {
            ctx.usage(QStringLiteral("--overlap takes a duration (1h, 15m, 0)"));
            return;
        }
        const QJsonObject body{{QStringLiteral("keyId"), ctx.args.at(1)}, {QStringLiteral("overlapSeconds"), double(*overlap)}};
        withSession(ctx, [ctx, body](const QString &) mutable {
            auto api = consoleApi(ctx);
            api->raw("POST", QStringLiteral("/console/api-keys/rotate"), body, ctx.owner, [ctx, api](Result<QJsonObject> r) {
                if (!r.ok()) {
                    ctx.done(failConsole(ctx, r.error(), QStringLiteral("rotate key")));
                    return;
                }
                printSecret(ctx, r.value(), QStringLiteral("Rotated: new key"));
                ctx.done(ExitOk);
            });
        });
        return;
    }
    ctx.usage(QStringLiteral("usage: keys list [--user ID] | keys mint --user ID --name N [--expires 30d] "
                             "[--permission R=A[,A]]... [--metadata K=V]... [--prefix P] [--rate-limit off|MAX/WINDOW] "
                             "[--remaining N] | keys update ID [--enable|--disable] [--name N] [--expires D] | "
                             "keys revoke ID | keys rotate ID [--overlap 1h]"));
}

} // namespace CliCommands
