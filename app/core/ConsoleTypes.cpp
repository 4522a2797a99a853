#include "ConsoleTypes.h"

#include "AuthTypes.h"
#include "Duration.h"
#include "Json.h"

#include <QJsonArray>

#include <climits>
#include <QRegularExpression>

namespace {
template<typename T>
std::optional<T> failWith(const JsonReader &r, QString *error)
{
    if (error)
        *error = r.error();
    return std::nullopt;
}
} // namespace

std::optional<ServiceUser> ServiceUser::fromJson(const QJsonObject &o, QString *error)
{
    JsonReader r(o, QStringLiteral("user"));
    ServiceUser u;
    u.id = r.string("id");
    u.name = r.optString("name");
    u.email = r.optString("email");
    u.role = r.optString("role");
    u.banned = r.boolean("banned");   // a missing flag must not read as "not banned"
    u.createdAt = r.optDateTime("createdAt");
    u.apiKeyCount = int(r.integer("apiKeyCount", 0, INT_MAX));
    if (!r.ok())
        return failWith<ServiceUser>(r, error);
    return u;
}

std::optional<UserSession> UserSession::fromJson(const QJsonObject &o, QString *error)
{
    JsonReader r(o, QStringLiteral("session"));
    UserSession u;
    u.id = r.string("id");
    u.userId = r.optString("userId");
    u.userEmail = r.optString("userEmail");
    u.userName = r.optString("userName");
    u.ipAddress = r.optString("ipAddress");
    u.userAgent = r.optString("userAgent");
    u.impersonatedBy = r.optString("impersonatedBy");
    u.createdAt = r.optDateTime("createdAt");
    u.updatedAt = r.optDateTime("updatedAt");
    u.expiresAt = r.optDateTime("expiresAt");
    if (!r.ok())
        return failWith<UserSession>(r, error);
    if (u.id.isEmpty()) {
        if (error)
            *error = QStringLiteral("session.id is empty");
        return std::nullopt;
    }
    return u;
}

std::optional<PendingDeviceCode> PendingDeviceCode::fromJson(const QJsonObject &o, QString *error)
{
    JsonReader r(o, QStringLiteral("deviceCode"));
    PendingDeviceCode c;
    c.userCode = normalizeUserCode(r.string("userCode"));
    c.clientId = r.optString("clientId");
    c.scope = r.optString("scope");
    c.createdAt = r.optDateTime("createdAt");
    c.expiresAt = r.dateTime("expiresAt");
    if (!r.ok() || c.userCode.isEmpty()) {
        if (error)
            *error = r.ok() ? QStringLiteral("deviceCode.userCode is empty") : r.error();
        return std::nullopt;
    }
    return c;
}

std::optional<QList<PendingDeviceCode>> PendingDeviceCode::listFromJson(const QJsonObject &o, QString *error)
{
    const QJsonValue list = o.value(QStringLiteral("deviceCodes"));
    if (!list.isArray()) {
        if (error)
            *error = QStringLiteral("the response has no deviceCodes array");
        return std::nullopt;
    }
    QList<PendingDeviceCode> out;
    for (const QJsonValue &v : list.toArray()) {
        const auto c = fromJson(v.toObject(), error);
        if (!c)
            return std::nullopt;
        out << *c;
    }
    return out;
}

std::optional<ApiKey> ApiKey::fromJson(const QJsonObject &o, QString *error)
{
    JsonReader r(o, QStringLiteral("apiKey"));
    ApiKey k;
    k.id = r.string("id");
    k.userId = r.string("userId");
    k.name = r.optString("name");
    k.start = r.optString("start");
    k.prefix = r.optString("prefix");
    k.enabled = r.boolean("enabled");
    k.createdAt = r.dateTime("createdAt");
    k.updatedAt = r.optDateTime("updatedAt");
    k.expiresAt = r.optDateTime("expiresAt");
    k.lastRequest = r.optDateTime("lastRequest");
    k.requestCount = r.integer("requestCount", 0);
    k.remaining = r.optInteger("remaining", 0);
    k.rateLimitEnabled = r.boolean("rateLimitEnabled");   // a missing flag must not read as "off"
    k.rateLimitMax = r.optInteger("rateLimitMax", 0);
    k.rateLimitTimeWindow = r.optInteger("rateLimitTimeWindow", 0);
    const QJsonObject perms = r.optObject("permissions");
    k.metadata = r.optObject("metadata");
    if (!r.ok())
        return failWith<ApiKey>(r, error);
    for (auto it = perms.begin(); it != perms.end(); ++it) {
        if (!it.value().isArray()) {
            if (error)
                *error = QStringLiteral("field 'apiKey.permissions.%1' is not a list").arg(it.key());
            return std::nullopt;
        }
        QStringList actions;
        for (const QJsonValue &a : it.value().toArray()) {
            if (!a.isString()) {
                if (error)
                    *error = QStringLiteral("field 'apiKey.permissions.%1' is not a list of strings").arg(it.key());
                return std::nullopt;
            }
            actions << a.toString();
        }
        k.permissions.insert(it.key(), actions);
    }
    return k;
}

QString ApiKey::rateLimitText() const
{
    if (!rateLimitEnabled)
        return QStringLiteral("off");
    if (!rateLimitMax || !rateLimitTimeWindow)
        return QStringLiteral("on");
    return QStringLiteral("%1 / %2").arg(*rateLimitMax).arg(formatDuration(*rateLimitTimeWindow));
}

std::optional<ConsoleInfo> ConsoleInfo::fromJson(const QJsonObject &o, QString *error)
{
    JsonReader r(o, QStringLiteral("info"));
    ConsoleInfo i;
    i.apiVersion = int(r.integer("apiVersion", 0, INT_MAX));
    i.serverVersion = r.optString("serverVersion");
    const QJsonObject key = r.optObject("apiKey");
    if (!r.ok())
        return failWith<ConsoleInfo>(r, error);
    JsonReader k(key, QStringLiteral("info.apiKey"));
    i.metadataEnabled = k.optBoolean("metadataEnabled").value_or(false);
    i.minExpiresIn = k.optInteger("minExpiresIn", 0).value_or(86400);
    i.maxExpiresIn = k.optInteger("maxExpiresIn", 0).value_or(365 * 86400);
    i.maxOverlapSeconds = k.optInteger("maxOverlapSeconds", 0);
    const QJsonObject rl = k.optObject("rateLimit");
    if (!k.ok())
        return failWith<ConsoleInfo>(k, error);
    JsonReader l(rl, QStringLiteral("info.apiKey.rateLimit"));
    i.defaultRateLimitEnabled = l.optBoolean("enabled").value_or(true);
    i.defaultRateLimitWindow = l.optInteger("timeWindow", 0).value_or(86400);
    i.defaultRateLimitMax = l.optInteger("maxRequests", 0).value_or(10);
    if (!l.ok())
        return failWith<ConsoleInfo>(l, error);
    const QJsonValue features = o.value(QStringLiteral("features"));
    if (!features.isUndefined() && !features.isNull() && !features.isArray()) {
        if (error)
            *error = QStringLiteral("field 'info.features' is not a list");
        return std::nullopt;
    }
    for (const QJsonValue &f : features.toArray()) {
        if (!f.isString() || f.toString().size() > 100) {
            if (error)
                *error = QStringLiteral("field 'info.features' is not a list of names");
            return std::nullopt;
        }
        i.features << f.toString();
    }
    const QJsonValue channels = o.value(QStringLiteral("channels"));
    if (!channels.isUndefined() && !channels.isNull() && !channels.isArray()) {
        if (error)
            *error = QStringLiteral("field 'info.channels' is not a list");
        return std::nullopt;
    }
    for (const QJsonValue &c : channels.toArray()) {
        if (c.toObject().value(QStringLiteral("name")).toString() != QLatin1String("live"))
            continue;
        const QJsonValue url = c.toObject().value(QStringLiteral("url"));
        if (!url.isString()) {
            if (error)
                *error = QStringLiteral("field 'info.channels.live.url' is not a string");
            return std::nullopt;
        }
        i.liveChannelUrl = url.toString();
    }
    return i;
}

QString validatePermissions(const Permissions &p)
{
    static const QRegularExpression name(QStringLiteral("^[A-Za-z0-9_.:-]+$"));
    for (auto it = p.begin(); it != p.end(); ++it) {
        if (!name.match(it.key()).hasMatch())
            return QStringLiteral("resource \"%1\" may only contain letters, digits and _ . : -").arg(it.key());
        if (it.value().isEmpty())
            return QStringLiteral("resource \"%1\" needs at least one action").arg(it.key());
        QStringList seen;
        for (const QString &a : it.value()) {
            if (!name.match(a).hasMatch())
                return QStringLiteral("action \"%1\" of \"%2\" may only contain letters, digits and _ . : -").arg(a, it.key());
            if (seen.contains(a))
                return QStringLiteral("action \"%1\" is listed twice for \"%2\"").arg(a, it.key());
            seen << a;
        }
    }
    return {};
}

Permissions parsePermissionArgs(const QStringList &args, QString *error)
{
    Permissions p;
    for (const QString &arg : args) {
        const int eq = arg.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            if (error)
                *error = QStringLiteral("--permission takes RESOURCE=ACTION[,ACTION]: %1").arg(arg);
            return {};
        }
        QStringList &actions = p[arg.left(eq).trimmed()];
        for (const QString &a : arg.mid(eq + 1).split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (!actions.contains(a.trimmed()))
                actions << a.trimmed();
    }
    if (error)
        *error = validatePermissions(p);
    return p;
}

QJsonObject permissionsToJson(const Permissions &p)
{
    QJsonObject o;
    for (auto it = p.begin(); it != p.end(); ++it)
        o.insert(it.key(), QJsonArray::fromStringList(it.value()));
    return o;
}
