// `pikku-admin users ...` and `pikku-admin keys ...`: service users and their scoped API keys through the
// console API. With --json each prints the console API's response body; without, `keys mint` and
// `keys rotate` print the secret alone on stdout (so KEY=$(...) works) and everything else on stderr.
#include "CliContext.h"
#include "CliHelp.h"
#include "CliPaging.h"

#include "core/Duration.h"
#include "core/Json.h"
#include "services/Services.h"
#include "net/ConsoleApi.h"
#include "services/KeyOperations.h"
#include "services/UsageService.h"
#include "services/UserAdmin.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QPointer>

#include <algorithm>
#include <memory>

namespace CliCommands {

namespace {

std::shared_ptr<ConsoleApi> consoleApi(const CliContext &ctx)
{
    return std::make_shared<ConsoleApi>(*ctx.services->console());   // a copy of the one gateway (shares its state)
}

int failConsole(const CliContext &ctx, const ApiError &e, const QString &what)
{
    return ctx.out->fail(e, what);
}

// One typed console call (ConsoleApi's strict parsers, the GUI's): a reply that does not pass them is an
// error with exit 1, never printed half. With --json the body is printed as the server sent it (it
// passed the parser); without, human(value). onError, when given, handles a failure itself.
template<typename T>
using Start = std::function<ApiCall *(ConsoleApi &, std::function<void(Result<T>)>)>;

template<typename T>
void typedCall(CliContext &ctx, const QString &what, Start<T> start, std::function<void(const T &)> human,
               std::function<void(const ApiError &)> onError = {})
{
    withSession(ctx, [ctx, what, start, human, onError](const QString &) mutable {
        auto api = consoleApi(ctx);
        auto call = std::make_shared<QPointer<ApiCall>>();
        *call = start(*api, [ctx, what, human, onError, api, call](Result<T> r) {
            if (!r.ok()) {
                if (onError)
                    onError(r.error());
                else
                    ctx.done(failConsole(ctx, r.error(), what));
                return;
            }
            if (ctx.out->json() && !*call) {   // cannot happen: a reply comes from a call still reporting
                ctx.out->error(QStringLiteral("%1: the reply's body is gone").arg(what));
                ctx.done(ExitFailure);
                return;
            }
            if (ctx.out->json())
                ctx.out->printJson((*call)->response().json.object());   // the call is alive while it reports
            else
                human(r.value());
            ctx.done(ExitOk);
        });
    });
}

QString keyLine(const ApiKey &k)
{
    // requests: the key's request count; last: its last use (what a rotation is watched by).
    return QStringLiteral("%1  %2  %3…  %4  owner=%5  expires=%6  requests=%7  last=%8")
        .arg(CliOutput::plain(k.id), CliOutput::plain(k.name), CliOutput::plain(k.start),
             k.enabled ? QStringLiteral("enabled") : QStringLiteral("DISABLED"), CliOutput::plain(k.userId),
             k.expiresAt.isValid() ? toIsoString(k.expiresAt) : QStringLiteral("never"))
        .arg(k.requestCount)
        .arg(k.lastRequest.isValid() ? toIsoString(k.lastRequest) : QStringLiteral("never"));
}

// The warnings /console/info gives reason for, before a mint or an update is sent (the server decides;
// these only say what it will do): lifetime outside the server's range, metadata on a server that has it
// off, and the default rate limit a mint without --rate-limit gets.
void infoWarnings(const CliContext &ctx, const ConsoleInfo &info, const KeyFields &f, bool mint, bool rateGiven)
{
    if (f.expiresIn && (*f.expiresIn < info.minExpiresIn || *f.expiresIn > info.maxExpiresIn))
        ctx.out->warn(QStringLiteral("--expires %1 is outside what the server allows (%2 to %3); it may refuse it")
                          .arg(formatDuration(*f.expiresIn), formatDuration(info.minExpiresIn), formatDuration(info.maxExpiresIn)));
    if (f.metadata && !info.metadataEnabled)
        ctx.out->warn(QStringLiteral("the server has API key metadata turned off (apiKey.metadataEnabled false); --metadata "
                                     "will be refused or dropped"));
    if (mint && !rateGiven) {
        if (info.defaultRateLimitEnabled)
            ctx.out->warn(QStringLiteral("no --rate-limit: the server's default applies (%1 requests per %2, after which a "
                                         "machine key is blocked); pass --rate-limit off or MAX/WINDOW")
                              .arg(info.defaultRateLimitMax).arg(formatRateWindow(info.defaultRateLimitWindow)));
        else
            ctx.out->info(QStringLiteral("no --rate-limit: the server's default applies (no rate limit)"));
    }
}

// /console/info, then next(info or nullopt): a server that cannot answer it gets no warnings, and the
// call itself reports what is wrong.
void withInfo(const CliContext &ctx, std::function<void(std::optional<ConsoleInfo>)> next)
{
    auto api = std::make_shared<ConsoleApi>(*ctx.services->console());
    api->info(ctx.owner, [next, api](Result<ConsoleInfo> r) { next(r.ok() ? std::optional<ConsoleInfo>(r.value()) : std::nullopt); });
}

// The key fields both `keys mint` and `keys update` take: --expires, --permission, --metadata,
// --rate-limit, --remaining (and for update --no-expiry, --no-permissions, --no-metadata).
bool readKeyFields(CliContext &ctx, KeyFields &f);

// After a create whose reply was lost or could not be read: the key may exist. The owner's keys of that
// name created since the request left (KeyOperations::findMinted, the GUI's too), so an orphan can be
// revoked; nothing is silently lost.
void reportLostCreate(const CliContext &ctx, const QString &userId, const QString &name, const ApiError &e, const KeyAttempt &attempt)
{
    const QString what = e.kind == ApiError::Kind::BadResponse
        ? QStringLiteral("the server's reply could not be read (%1)").arg(e.userMessage())
        : QStringLiteral("the server's reply was lost (%1)").arg(e.userMessage());
    ctx.out->error(QStringLiteral("%1: the key may have been created, but its secret was not received; "
                                  "check with `%2 keys list --user %3`")
                       .arg(what, CliHelp::programName(), CliOutput::plain(userId)));
    auto ops = std::make_shared<KeyOperations>(ctx.services->console());
    ops->findMinted(userId, name, attempt, ctx.owner, [ctx, name, ops](Result<QList<ApiKey>> r) {
        if (r.ok()) {
            for (const ApiKey &k : r.value())
                ctx.out->info(QStringLiteral("possible orphan: %1 (%2…, created %3): revoke it with `%4 keys revoke %1`")
                                  .arg(CliOutput::plain(k.id), CliOutput::plain(k.start), k.createdAt.toString(Qt::ISODate),
                                       CliHelp::programName()));
            if (r.value().isEmpty())
                ctx.out->info(QStringLiteral("no key named %1 was created since the request left: nothing to clean up")
                                  .arg(CliOutput::plain(name)));
        } else {
            ctx.out->warn(QStringLiteral("could not list the keys to look for it: %1").arg(r.error().userMessage()));
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

void printSecret(const CliContext &ctx, const MintedKey &m, const QString &what)
{
    ctx.out->result(m.secret);   // the secret alone on stdout
    ctx.out->info(QStringLiteral("%1 %2 (%3) for %4. This is the only time the secret is shown.")
                      .arg(what, CliOutput::plain(m.apiKey.name), CliOutput::plain(m.apiKey.id), CliOutput::plain(m.apiKey.userId)));
    if (m.previous)
        ctx.out->info(QStringLiteral("The previous key %1 now expires at %2.")
                          .arg(CliOutput::plain(m.previous->id),
                               m.previous->expiresAt.isValid() ? toIsoString(m.previous->expiresAt) : QStringLiteral("never")));
}

// The printed body of a mint or rotate: the secret alone on stdout (or the server's body with --json).
void printMinted(const CliContext &ctx, const MintedKey &m, const KeyAttempt &a, const QString &what)
{
    if (ctx.out->json())
        ctx.out->printJson(a.replyBody);
    else
        printSecret(ctx, m, what);
    if (a.replayed)
        ctx.out->info(QStringLiteral("(the server's first reply to request %1, sent again: nothing new was minted)").arg(a.requestId));
}

// A request id given with --request-id: what the server takes (1-128 printable ASCII, no spaces).
bool readRequestId(CliContext &ctx, QString *out)
{
    out->clear();
    if (!ctx.isSet("request-id"))
        return true;
    const QString id = ctx.value("request-id");
    static const QRegularExpression re(QStringLiteral("^[\\x21-\\x7e]{1,128}$"));
    if (!re.match(id).hasMatch()) {
        ctx.usage(QStringLiteral("--request-id takes the id an earlier attempt printed (1 to 128 printable characters)"));
        return false;
    }
    *out = id;
    return true;
}

// After a rotate whose reply was lost: what the server now holds (KeyOperations::reconcileRotation, the
// GUI's too), and how to get the new secret back when the server kept its reply.
void reportLostRotate(const CliContext &ctx, const QString &keyId, const ApiError &e, const KeyAttempt &attempt)
{
    ctx.out->error(QStringLiteral("rotate key: %1").arg(e.userMessage()));
    ctx.out->info(QStringLiteral("checking what the server did..."));
    auto ops = std::make_shared<KeyOperations>(ctx.services->console());
    ops->reconcileRotation(keyId, std::nullopt, attempt, ctx.owner, [ctx, keyId, attempt, ops](const RotationState &s) {
        ctx.out->info(CliOutput::plain(s.summary()));
        if (s.recoverable())
            ctx.out->info(QStringLiteral("The server kept its reply for %1 s: get the new secret with `%2 keys rotate %3 "
                                         "--overlap %4 --request-id %5`.")
                              .arg(600).arg(CliHelp::programName(), CliOutput::plain(keyId))
                              .arg(attempt.overlapSeconds).arg(attempt.requestId));
        else if (s.outcome == RotationState::Outcome::Rotated)
            ctx.out->info(QStringLiteral("Revoke the new key with `%1 keys revoke ID`, or rotate it with `--overlap 0` to "
                                         "get a secret for it.").arg(CliHelp::programName()));
        else if (s.outcome == RotationState::Outcome::Unknown)
            ctx.out->info(QStringLiteral("The key may have been rotated on the server all the same: check with `%1 keys list` "
                                         "whether %2 now expires soon and a new key of the same name exists.")
                              .arg(CliHelp::programName(), CliOutput::plain(keyId)));
        ctx.done(ExitFailure);
    });
}

bool readKeyFields(CliContext &ctx, KeyFields &f)
{
    QString error;
    if (ctx.isSet("expires") && ctx.isSet("no-expiry"))
        return ctx.usage(QStringLiteral("--expires or --no-expiry, not both")), false;
    if (ctx.isSet("expires")) {
        f.expiresIn = parseDurationSeconds(ctx.value("expires"));
        if (!f.expiresIn || *f.expiresIn <= 0 || *f.expiresIn > 100LL * 365 * 86400)
            return ctx.usage(QStringLiteral("--expires takes a duration (30d, 12h, 3600)")), false;
    }
    if (ctx.isSet("no-expiry"))
        f.clearExpiry = true;
    if (ctx.isSet("permission") && ctx.isSet("no-permissions"))
        return ctx.usage(QStringLiteral("--permission or --no-permissions, not both")), false;
    if (!ctx.values("permission").isEmpty()) {
        f.permissions = parsePermissionArgs(ctx.values("permission"), &error);
        if (!error.isEmpty())
            return ctx.usage(error), false;
    }
    if (ctx.isSet("no-permissions"))
        f.permissions = Permissions{};
    if (ctx.isSet("metadata") && ctx.isSet("no-metadata"))
        return ctx.usage(QStringLiteral("--metadata or --no-metadata, not both")), false;
    if (!ctx.values("metadata").isEmpty()) {
        QJsonObject meta;
        for (const QString &kv : ctx.values("metadata")) {
            const int eq = kv.indexOf(QLatin1Char('='));
            const QString key = kv.left(std::max(0, eq)).trimmed();
            if (eq <= 0 || key.isEmpty())
                return ctx.usage(QStringLiteral("--metadata takes KEY=VALUE: %1").arg(kv)), false;
            if (meta.contains(key))
                return ctx.usage(QStringLiteral("--metadata %1 given twice").arg(key)), false;
            meta.insert(key, kv.mid(eq + 1));
        }
        f.metadata = meta;
    }
    if (ctx.isSet("no-metadata"))
        f.metadata = QJsonObject{};
    if (ctx.isSet("rate-limit") && !parseRateLimit(ctx.value("rate-limit"), f, &error))
        return ctx.usage(error), false;
    if (ctx.isSet("remaining")) {
        bool ok = false;
        f.remaining = ctx.value("remaining").toLongLong(&ok);
        if (!ok || *f.remaining < 0 || *f.remaining > 1000000000000LL)
            return ctx.usage(QStringLiteral("--remaining takes a whole number from 0 to 10^12")), false;
    }
    return true;
}

} // namespace

void users(CliContext &ctx)
{
    if (lifecycle(ctx))
        return;
    const QString sub = ctx.args.value(0);
    if (sub == QLatin1String("list") && ctx.args.size() == 1) {
        ListQuery query;
        bool all = false;
        if (!CliPaging::readQuery(ctx, 50, &query, &all))
            return;
        query.search = ctx.value("search");
        withSession(ctx, [ctx, query, all](const QString &) mutable {
            if (ctx.services->users()->knownMode() == ConsoleMode::NoPlugin) {
                listAllUsers(ctx, query, all);
                return;
            }
            CliPaging::run<ServiceUser>(
                ctx, QStringLiteral("list service users"), QStringLiteral("users"), query, all,
                [](ConsoleApi &api, const ListQuery &q, QObject *owner, ConsoleApi::Cb<Page<ServiceUser>> cb) {
                    return api.listServiceUsers(q, owner, cb);
                },
                [ctx](const Page<ServiceUser> &p) {
                    for (const ServiceUser &u : p.items)
                        ctx.out->result(QStringLiteral("%1  %2  %3  keys=%4%5")
                                            .arg(CliOutput::plain(u.id), CliOutput::plain(u.name), CliOutput::plain(u.email))
                                            .arg(u.apiKeyCount)
                                            .arg(u.banned ? QStringLiteral("  BANNED") : QString()));
                },
                [ctx](int total, int) { ctx.out->info(QStringLiteral("%1 service users").arg(total)); },
                // No console plugin (UserAdmin decides from the console API's 404): every user, through
                // better-auth's admin list.
                [ctx, query, all](const ApiError &e) {
                    if (!ctx.services->users()->pluginMissing(e))
                        return false;
                    CliContext c = ctx;
                    listAllUsers(c, query, all);
                    return true;
                });
        });
        return;
    }
    if (userAdminCommand(ctx))
        return;
    if (sub == QLatin1String("create") && ctx.args.size() == 2) {
        const QString name = ctx.args.at(1), email = ctx.value("email");
        typedCall<ServiceUser>(
            ctx, QStringLiteral("create service user"),
            [=](ConsoleApi &api, auto cb) { return api.createServiceUser(name, email, ctx.owner, cb); },
            [ctx](const ServiceUser &u) {
                ctx.out->result(CliOutput::plain(u.id));
                ctx.out->info(QStringLiteral("Created service user %1 <%2>.").arg(CliOutput::plain(u.name), CliOutput::plain(u.email)));
            });
        return;
    }
    ctx.usage(CliHelp::usageLine(QStringLiteral("users")));
}

// `keys usage ID [--days N] [--bucket day|hour]`: UsageService::keyUsage, the key's detail chart's call.
void keysUsage(CliContext &ctx, const QString &id)
{
    bool ok = true;
    const int days = ctx.isSet("days") ? ctx.value("days").toInt(&ok) : UsageService::kChartDays;
    const QString bucketText = ctx.isSet("bucket") ? ctx.value("bucket") : QStringLiteral("day");
    if (!ok) {
        ctx.usage(QStringLiteral("--days takes a whole number of days (1 to %1)").arg(KeyUsage::kMaxDays));
        return;
    }
    if (bucketText != QLatin1String("day") && bucketText != QLatin1String("hour")) {
        ctx.usage(QStringLiteral("--bucket takes day or hour"));
        return;
    }
    const KeyUsage::Bucket bucket = bucketText == QLatin1String("hour") ? KeyUsage::Bucket::Hour : KeyUsage::Bucket::Day;
    if (const QString why = UsageService::validate(days, bucket); !why.isEmpty()) {
        ctx.usage(QStringLiteral("--days: %1").arg(why));
        return;
    }
    withSession(ctx, [ctx, id, days, bucket](const QString &) {
        auto usage = std::make_shared<UsageService>(ctx.services->console());
        usage->keyUsage(id, days, bucket, ctx.owner, [ctx, usage](Result<KeyUsageReply> r) {
            if (!r.ok()) {
                if (UsageService::isUnsupported(r.error())) {
                    ctx.out->error(UsageService::unsupportedMessage(), QStringLiteral("UNSUPPORTED"));
                    ctx.done(ExitFailure);
                } else {
                    ctx.done(failConsole(ctx, r.error(), QStringLiteral("read key usage")));
                }
                return;
            }
            if (ctx.out->json()) {
                ctx.out->printJson(r.value().body);
                ctx.done(ExitOk);
                return;
            }
            const KeyUsage &u = r.value().usage;
            const bool hour = u.bucket == KeyUsage::Bucket::Hour;
            ctx.out->result(QStringLiteral("%1  %2  %3  %4")
                                .arg(hour ? QStringLiteral("hour (UTC)").leftJustified(17) : QStringLiteral("day (UTC)").leftJustified(10),
                                     QStringLiteral("success").rightJustified(12), QStringLiteral("failure").rightJustified(12),
                                     QStringLiteral("rate-limited").rightJustified(12)));
            auto row = [hour](const QString &label, const UsageCounts &c) {
                return QStringLiteral("%1  %2  %3  %4")
                    .arg(label.leftJustified(hour ? 17 : 10), QString::number(c.success).rightJustified(12),
                         QString::number(c.failure).rightJustified(12), QString::number(c.rateLimited).rightJustified(12));
            };
            for (const UsageBucket &b : u.buckets)
                ctx.out->result(row(hour ? b.start.toString(QStringLiteral("yyyy-MM-dd HH:mm")) : b.start.date().toString(Qt::ISODate), b.counts));
            ctx.out->result(row(QStringLiteral("total"), u.total));
            ctx.out->info(QStringLiteral("Key %1: %2 verifications in %3 days (counts may be up to %4 s behind).")
                              .arg(CliOutput::plain(u.keyId)).arg(u.total.all()).arg(u.days).arg(u.flushSeconds));
            ctx.done(ExitOk);
        });
    });
}

void keys(CliContext &ctx)
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
            CliPaging::run<ApiKey>(
                ctx, QStringLiteral("list keys"), QStringLiteral("apiKeys"), query, all,
                [](ConsoleApi &api, const ListQuery &q, QObject *owner, ConsoleApi::Cb<Page<ApiKey>> cb) { return api.listApiKeys(q, owner, cb); },
                [ctx](const Page<ApiKey> &p) {
                    for (const ApiKey &k : p.items)
                        ctx.out->result(keyLine(k));
                },
                [ctx](int total, int) { ctx.out->info(QStringLiteral("%1 keys").arg(total)); });
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
        if (ctx.isSet("no-expiry") || ctx.isSet("no-permissions") || ctx.isSet("no-metadata")) {
            ctx.usage(QStringLiteral("keys mint: --no-expiry, --no-permissions and --no-metadata are for keys update"));
            return;
        }
        if (!readKeyFields(ctx, f))
            return;
        const bool rateGiven = ctx.isSet("rate-limit");
        QString retryId;
        if (!readRequestId(ctx, &retryId))
            return;
        withSession(ctx, [ctx, f, retryId, rateGiven](const QString &) mutable {
          withInfo(ctx, [ctx, f, retryId, rateGiven](std::optional<ConsoleInfo> info) mutable {
            if (info)
                infoWarnings(ctx, *info, f, true, rateGiven);
            auto ops = std::make_shared<KeyOperations>(ctx.services->console());
            ops->mint(f, retryId, ctx.owner, [ctx, f, ops](Result<MintedKey> r, const KeyAttempt &a) {
                if (r.ok()) {
                    printMinted(ctx, r.value(), a, QStringLiteral("Minted"));
                    ctx.done(ExitOk);
                } else if (r.error().replyMayBeLost() && a.sentAt.isValid()) {
                    // timeout, dropped connection, unreadable reply (no key), gateway 5xx
                    if (!a.requestId.isEmpty())
                        ctx.out->info(QStringLiteral("The server keeps its reply for 10 minutes: get the key and its secret "
                                                     "with the same command plus `--request-id %1`.").arg(a.requestId));
                    reportLostCreate(ctx, f.userId, f.name, r.error(), a);
                } else {
                    ctx.done(failConsole(ctx, r.error(), QStringLiteral("mint a key")));
                }
            });
          });
        });
        return;
    }
    if (sub == QLatin1String("update") && ctx.args.size() == 2) {
        const QString id = ctx.args.at(1);
        KeyFields f;
        if (ctx.isSet("enable") && ctx.isSet("disable")) {
            ctx.usage(QStringLiteral("--enable or --disable, not both"));
            return;
        }
        if (ctx.isSet("enable") || ctx.isSet("disable"))
            f.enabled = ctx.isSet("enable");
        if (ctx.isSet("name")) {
            f.name = ctx.value("name");
            if (f.name.trimmed().isEmpty()) {
                ctx.usage(QStringLiteral("--name takes a non-empty name"));
                return;
            }
        }
        if (!readKeyFields(ctx, f))
            return;
        const bool nothing = f.name.isEmpty() && !f.enabled && !f.expiresIn && !f.clearExpiry && !f.permissions && !f.metadata
            && !f.rateLimitEnabled && !f.rateLimitMax && !f.rateLimitTimeWindow && !f.remaining;
        if (nothing) {
            ctx.usage(QStringLiteral("keys update needs at least one change: --name, --enable, --disable, --expires, --no-expiry, "
                                     "--permission, --no-permissions, --metadata, --no-metadata, --rate-limit or --remaining"));
            return;
        }
        // The edit dialog's call (ConsoleApi::updateApiKey with the changed KeyFields), after /console/info's warnings.
        withSession(ctx, [ctx, id, f](const QString &) {
            withInfo(ctx, [ctx, id, f](std::optional<ConsoleInfo> info) {
                if (info)
                    infoWarnings(ctx, *info, f, false, true);
                auto api = consoleApi(ctx);
                auto call = std::make_shared<QPointer<ApiCall>>();
                *call = api->updateApiKey(id, f, ctx.owner, [ctx, api, call](Result<ApiKey> r) {
                    if (!r.ok()) {
                        ctx.done(failConsole(ctx, r.error(), QStringLiteral("update key")));
                        return;
                    }
                    if (ctx.out->json() && !*call) {   // cannot happen: a reply comes from a call still reporting
                        ctx.out->error(QStringLiteral("update key: the reply's body is gone"));
                        ctx.done(ExitFailure);
                        return;
                    }
                    if (ctx.out->json())
                        ctx.out->printJson((*call)->response().json.object());   // the server's body, as it passed the parser
                    else
                        ctx.out->result(keyLine(r.value()));
                    ctx.done(ExitOk);
                });
            });
        });
        return;
    }
    if (sub == QLatin1String("revoke") && ctx.args.size() == 2) {
        const QString id = ctx.args.at(1);
        typedCall<Done>(
            ctx, QStringLiteral("revoke key %1").arg(id),
            [=](ConsoleApi &api, auto cb) { return api.deleteApiKey(id, ctx.owner, cb); },
            [ctx, id](const Done &) { ctx.out->info(QStringLiteral("Revoked key %1.").arg(id)); });
        return;
    }
    if (sub == QLatin1String("rotate") && ctx.args.size() == 2) {
        const QString id = ctx.args.at(1);
        const auto overlap = parseDurationSeconds(ctx.isSet("overlap") ? ctx.value("overlap") : QStringLiteral("1h"));
        if (!overlap) {
            ctx.usage(QStringLiteral("--overlap takes a duration (1h, 15m, 0)"));
            return;
        }
        QString retryId;
        if (!readRequestId(ctx, &retryId))
            return;
        const qint64 seconds = *overlap;
        withSession(ctx, [ctx, id, seconds, retryId](const QString &) mutable {
            auto ops = std::make_shared<KeyOperations>(ctx.services->console());
            ops->rotate(id, seconds, retryId, ctx.owner, [ctx, id, ops](Result<MintedKey> r, const KeyAttempt &a) {
                if (r.ok()) {
                    printMinted(ctx, r.value(), a, QStringLiteral("Rotated: new key"));
                    ctx.done(ExitOk);
                } else if (r.error().replyMayBeLost() && a.sentAt.isValid()) {
                    reportLostRotate(ctx, id, r.error(), a);   // never "not rotated" on a lost reply
                } else {
                    ctx.done(failConsole(ctx, r.error(), QStringLiteral("rotate key")));
                }
            });
        });
        return;
    }
    if (sub == QLatin1String("usage") && ctx.args.size() == 2) {
        keysUsage(ctx, ctx.args.at(1));
        return;
    }
    ctx.usage(CliHelp::usageLine(QStringLiteral("keys")));
}

} // namespace CliCommands
