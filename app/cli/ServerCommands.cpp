// `pikku-admin servers list|add|remove|use` over the GUI's ServerProfiles (the same QSettings), and
// `pikku-admin status`: every saved server's session and keychain, like `gh auth status`.
#include "CliContext.h"
#include "CliHelp.h"

#include "core/Duration.h"
#include "core/Json.h"
#include "core/ServerProfiles.h"
#include "net/AuthApi.h"
#include "services/AuthService.h"
#include "services/Services.h"

#include <QJsonArray>
#include <QJsonObject>

#include <memory>

namespace CliCommands {

namespace {

QJsonObject profileJson(const ServerProfile &p, bool current)
{
    return {{QStringLiteral("url"), p.key()},
            {QStringLiteral("label"), p.label},
            {QStringLiteral("authPath"), p.authPath.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(p.authPath)},
            {QStringLiteral("allowInsecureHttp"), p.allowInsecureHttp},
            {QStringLiteral("current"), current}};
}

// A URL argument: parsed and normalized, else a usage error (false).
bool readUrl(CliContext &ctx, QString *key)
{
    QString why;
    const QUrl url = ServerUrl::parse(ctx.args.at(1), &why);
    if (!url.isValid()) {
        ctx.usage(why);
        return false;
    }
    *key = ServerUrl::normalize(ctx.args.at(1));
    return true;
}

bool isCurrent(Services *s, const ServerProfile &p)
{
    return s->settings()->value(QStringLiteral("currentServer")).toString() == p.key();
}

// One server's health for `status`.
struct Health
{
    ServerProfile profile;
    bool current = false;
    QString keychain = QStringLiteral("ok");    // ok | unavailable
    QString session = QStringLiteral("unknown"); // valid | not-signed-in | ended | unreachable | unknown
    SessionInfo info;
    ApiError error;
    bool healthy() const { return keychain == QLatin1String("ok") && session == QLatin1String("valid"); }
};

QJsonObject healthJson(const Health &h)
{
    QJsonObject o{{QStringLiteral("server"), h.profile.key()},
                  {QStringLiteral("label"), h.profile.label},
                  {QStringLiteral("current"), h.current},
                  {QStringLiteral("healthy"), h.healthy()},
                  {QStringLiteral("keychain"), h.keychain},
                  {QStringLiteral("session"), h.session}};
    if (h.session == QLatin1String("valid")) {
        o.insert(QStringLiteral("user"), h.info.user.toJson());
        o.insert(QStringLiteral("expiresAt"), toIsoString(h.info.expiresAt));
    }
    if (h.error.isError())
        o.insert(QStringLiteral("error"),
                 CliOutput::errorJson(h.error.serverCode.isEmpty() ? h.error.kindName().toUpper().replace(QLatin1Char('-'), QLatin1Char('_'))
                                                                   : h.error.serverCode,
                                      h.error.userMessage(), h.error.httpStatus)
                     .value(QStringLiteral("error")));
    return o;
}

void checkOne(CliContext &ctx, ServerProfile profile, std::function<void(Health)> next)
{
    auto restore = [ctx, next](const ServerProfile &p) {
        ctx.services->auth()->restore(p.endpoint(), ctx.owner, [ctx, p, next](Result<SessionInfo> r) {
            Health h;
            h.profile = p;
            h.current = isCurrent(ctx.services, p);
            if (r.ok()) {
                h.session = QStringLiteral("valid");
                h.info = r.value();
            } else {
                h.error = r.error();
                const ApiError &e = r.error();
                if (e.kind == ApiError::Kind::KeychainUnavailable) {
                    h.keychain = QStringLiteral("unavailable");
                } else if (e.serverCode == QLatin1String("NOT_SIGNED_IN")) {
                    h.session = QStringLiteral("not-signed-in");
                } else if (e.kind == ApiError::Kind::Unauthorized) {
                    h.session = QStringLiteral("ended");
                } else {
                    h.session = QStringLiteral("unreachable");
                }
            }
            next(h);
        });
    };
    if (!profile.authPath.isEmpty()) {
        restore(profile);
        return;
    }
    AuthApi::detectAuthPath(ctx.services->http(), QUrl(profile.key()), profile.allowInsecureHttp, ctx.owner,
                            [ctx, profile, restore, next](Result<QString> r) mutable {
                                if (!r.ok()) {
                                    Health h;
                                    h.profile = profile;
                                    h.current = isCurrent(ctx.services, profile);
                                    h.session = QStringLiteral("unreachable");
                                    h.error = r.error();
                                    next(h);
                                    return;
                                }
                                profile.authPath = r.value();
                                restore(profile);
                            });
}

QString healthLine(const Health &h, const Clock *clock)
{
    QString line = QStringLiteral("%1 %2%3\n").arg(h.healthy() ? QStringLiteral("✓") : QStringLiteral("✗"), h.profile.key(),
                                                  h.current ? QStringLiteral(" (in use)") : QString());
    if (h.session == QLatin1String("valid"))
        line += QStringLiteral("  signed in as %1, session expires %2 (%3)\n")
                    .arg(CliOutput::plain(h.info.user.displayName()), toIsoString(h.info.expiresAt),
                         formatRelative(clock->now().secsTo(h.info.expiresAt)));
    else if (h.session == QLatin1String("not-signed-in"))
        line += QStringLiteral("  not signed in\n");
    else if (h.session == QLatin1String("ended"))
        line += QStringLiteral("  the saved session has ended on the server: sign in again\n");
    else if (h.keychain == QLatin1String("ok"))
        line += QStringLiteral("  cannot check the session: %1\n").arg(CliOutput::plain(h.error.userMessage()));
    line += h.keychain == QLatin1String("ok") ? QStringLiteral("  keychain: ok")
                                              : QStringLiteral("  keychain: unavailable (%1)").arg(CliOutput::plain(h.error.userMessage()));
    return line;
}

} // namespace

void servers(CliContext &ctx)
{
    ServerProfiles &profiles = ctx.services->profiles();
    const QString sub = ctx.args.value(0);
    if (sub == QLatin1String("list")) {
        const QList<ServerProfile> all = profiles.all();
        if (ctx.out->json()) {
            QJsonArray list;
            for (const ServerProfile &p : all)
                list.append(profileJson(p, isCurrent(ctx.services, p)));
            ctx.out->printJson({{QStringLiteral("servers"), list}});
        } else {
            for (const ServerProfile &p : all)
                ctx.out->result(QStringLiteral("%1 %2%3%4")
                                    .arg(isCurrent(ctx.services, p) ? QStringLiteral("*") : QStringLiteral(" "), p.key(),
                                         p.label.isEmpty() ? QString() : QStringLiteral("  ") + CliOutput::plain(p.label),
                                         p.authPath.isEmpty() ? QString() : QStringLiteral("  auth=") + CliOutput::plain(p.authPath)));
            if (all.isEmpty())
                ctx.out->info(QStringLiteral("No saved servers: add one with `%1 servers add URL` or `%1 login --server URL`.")
                                  .arg(CliHelp::programName()));
        }
        ctx.done(ExitOk);
        return;
    }
    QString key;
    if (!readUrl(ctx, &key))
        return;
    if (sub == QLatin1String("add")) {
        ServerProfile p = profiles.find(key).value_or(ServerProfile{});
        p.url = key;
        if (ctx.isSet("label"))
            p.label = ctx.value("label").trimmed().left(200);
        if (ctx.isSet("auth-path"))
            p.authPath = ServerUrl::normalizeAuthPath(ctx.value("auth-path"));
        if (ctx.isSet("allow-insecure-http"))
            p.allowInsecureHttp = true;
        const ApiError policy = ServerUrl::checkTransport(QUrl(key), p.allowInsecureHttp);
        if (policy.isError()) {
            ctx.usage(policy.userMessage());
            return;
        }
        const bool first = profiles.all().isEmpty();
        profiles.save(p);
        if (first)
            profiles.setCurrent(key);
        if (ctx.out->json())
            ctx.out->printJson({{QStringLiteral("server"), profileJson(p, isCurrent(ctx.services, p))}});
        else
            ctx.out->info(QStringLiteral("Saved %1.%2").arg(key, first ? QStringLiteral(" It is the server in use.") : QString()));
        ctx.done(ExitOk);
        return;
    }
    const std::optional<ServerProfile> found = profiles.find(key);
    if (!found) {
        ctx.out->error(QStringLiteral("no saved server %1 (see `%2 servers list`)").arg(key, CliHelp::programName()), QStringLiteral("NOT_FOUND"));
        ctx.done(ExitFailure);
        return;
    }
    if (sub == QLatin1String("use")) {
        profiles.setCurrent(key);
        if (ctx.out->json())
            ctx.out->printJson({{QStringLiteral("server"), profileJson(*found, true)}});
        else
            ctx.out->info(QStringLiteral("Using %1.").arg(key));
        ctx.done(ExitOk);
        return;
    }
    if (sub == QLatin1String("remove")) {
        const bool wasCurrent = isCurrent(ctx.services, *found);
        profiles.remove(key);
        if (wasCurrent)
            ctx.services->settings()->remove(QStringLiteral("currentServer"));
        // Its saved session goes too (the keychain entry only: the server is not asked; `logout` does that).
        ctx.services->secrets()->remove(key, ctx.owner, [ctx, key](const SecretResult &r) {
            const bool kept = r.status == SecretResult::Status::Unavailable;
            if (ctx.out->json())
                ctx.out->printJson({{QStringLiteral("removed"), key}, {QStringLiteral("keychainCleared"), !kept}});
            else
                ctx.out->info(QStringLiteral("Removed %1.").arg(key));
            if (kept)
                ctx.out->warn(QStringLiteral("its keychain entry could not be deleted: %1").arg(r.error));
            ctx.done(kept ? ExitFailure : ExitOk);
        });
        return;
    }
    ctx.usage(CliHelp::usageLine(QStringLiteral("servers")));
}

void status(CliContext &ctx)
{
    const QList<ServerProfile> all = ctx.services->profiles().all();
    if (all.isEmpty()) {
        if (ctx.out->json())
            ctx.out->printJson({{QStringLiteral("servers"), QJsonArray{}}, {QStringLiteral("healthy"), false}});
        ctx.out->error(QStringLiteral("no saved servers: sign in with `%1 login --server URL`").arg(CliHelp::programName()),
                       QStringLiteral("NO_SERVERS"));
        ctx.done(ExitFailure);
        return;
    }
    // One server after the other (each restore uses the one in-memory Session), in the saved order.
    auto results = std::make_shared<QList<Health>>();
    auto next = std::make_shared<std::function<void(int)>>();
    std::weak_ptr<std::function<void(int)>> weak = next;   // the pending callback holds it, not itself
    *next = [ctx, all, results, weak](int i) mutable {
        if (i == all.size()) {
            bool healthy = true;
            QJsonArray list;
            for (const Health &h : *results) {
                healthy &= h.healthy();
                list.append(healthJson(h));
                if (!ctx.out->json())
                    ctx.out->result(healthLine(h, ctx.services->clock()));
            }
            if (ctx.out->json())
                ctx.out->printJson({{QStringLiteral("servers"), list}, {QStringLiteral("healthy"), healthy}});
            ctx.done(healthy ? ExitOk : ExitFailure);
            return;
        }
        checkOne(ctx, all.at(i), [results, self = weak.lock(), i](Health h) {
            results->append(h);
            (*self)(i + 1);
        });
    };
    (*next)(0);
}

} // namespace CliCommands
