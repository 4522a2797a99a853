#include "ConsoleTypes.h"

#include "AuthTypes.h"
#include "Duration.h"
#include "Json.h"

#include <QJsonArray>
#include <QSet>

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

// ---- Key usage (issue 13 item 5, h-usage) ----
namespace {
bool usageFail(QString *error, const QString &why)
{
    if (error)
        *error = why;
    return false;
}

// usage7d of a keys-list row: absent or null (not asked, or a server that does not count), else at most
// UsageDay::kDays days, each a valid date after the one before.
bool readUsage7d(const QJsonObject &o, std::optional<QList<UsageDay>> *out, QString *error)
{
    const QJsonValue v = o.value(QStringLiteral("usage7d"));
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isArray())
        return usageFail(error, QStringLiteral("field 'apiKey.usage7d' is not a list"));
    const QJsonArray days = v.toArray();
    if (days.size() > UsageDay::kDays)
        return usageFail(error, QStringLiteral("field 'apiKey.usage7d' has %1 days (at most %2)").arg(days.size()).arg(UsageDay::kDays));
    QList<UsageDay> list;
    for (qsizetype i = 0; i < days.size(); ++i) {
        const QString what = QStringLiteral("apiKey.usage7d[%1]").arg(i);
        if (!days.at(i).isObject())
            return usageFail(error, QStringLiteral("field '%1' is not an object").arg(what));
        const QJsonObject d = days.at(i).toObject();
        UsageDay day;
        const QJsonValue date = d.value(QStringLiteral("day"));
        day.day = date.isString() && date.toString().size() == 10 ? QDate::fromString(date.toString(), Qt::ISODate) : QDate();
        if (!day.day.isValid())
            return usageFail(error, QStringLiteral("field '%1.day' is not a date (YYYY-MM-DD)").arg(what));
        if (!list.isEmpty() && day.day <= list.last().day)
            return usageFail(error, QStringLiteral("field '%1.day' is not after the day before it").arg(what));
        const auto counts = UsageCounts::fromJson(d, what, error);
        if (!counts)
            return false;
        day.counts = *counts;
        list << day;
    }
    *out = list;
    return true;
}

// keyUsage of /console/info: null or absent (not counted), else {flushSeconds, maxDays}.
bool readKeyUsageInfo(const QJsonObject &o, std::optional<KeyUsageInfo> *out, QString *error)
{
    const QJsonValue v = o.value(QStringLiteral("keyUsage"));
    if (v.isUndefined() || v.isNull() || v == QJsonValue(false))
        return true;
    if (!v.isObject())
        return usageFail(error, QStringLiteral("field 'info.keyUsage' is not an object"));
    JsonReader r(v.toObject(), QStringLiteral("info.keyUsage"));
    KeyUsageInfo info;
    info.flushSeconds = r.optIntegerUpTo("flushSeconds", 0, 86400).value_or(10);
    info.maxDays = int(r.optInteger("maxDays", 1, KeyUsage::kMaxDays).value_or(KeyUsage::kMaxDays));
    if (!r.ok())
        return usageFail(error, r.error());
    *out = info;
    return true;
}
} // namespace

std::optional<UsageCounts> UsageCounts::fromJson(const QJsonObject &o, const QString &what, QString *error)
{
    JsonReader r(o, what);
    UsageCounts c;
    c.success = r.integer("success", 0, kMaxUsageCount);
    c.failure = r.integer("failure", 0, kMaxUsageCount);
    c.rateLimited = r.integer("rateLimited", 0, kMaxUsageCount);
    if (!r.ok())
        return failWith<UsageCounts>(r, error);
    return c;
}

std::optional<KeyUsage> KeyUsage::fromJson(const QJsonObject &o, QString *error)
{
    JsonReader r(o, QStringLiteral("usage"));
    KeyUsage u;
    u.keyId = r.string("keyId");
    const QString bucket = r.string("bucket");
    u.days = int(r.integer("days", 1, kMaxDays));
    u.flushSeconds = r.integerUpTo("flushSeconds", 0, 86400);
    const QJsonObject total = r.object("total");
    if (!r.ok())
        return failWith<KeyUsage>(r, error);
    if (bucket != QLatin1String("day") && bucket != QLatin1String("hour")) {
        usageFail(error, QStringLiteral("field 'usage.bucket' is not \"day\" or \"hour\""));
        return std::nullopt;
    }
    u.bucket = bucket == QLatin1String("hour") ? Bucket::Hour : Bucket::Day;
    if (u.bucket == Bucket::Hour && u.days > kMaxHourDays) {
        usageFail(error, QStringLiteral("field 'usage.days' is above %1 for hour buckets").arg(kMaxHourDays));
        return std::nullopt;
    }
    const auto sum = UsageCounts::fromJson(total, QStringLiteral("usage.total"), error);
    if (!sum)
        return std::nullopt;
    u.total = *sum;
    const QJsonValue list = o.value(QStringLiteral("buckets"));
    if (!list.isArray()) {
        usageFail(error, QStringLiteral("field 'usage.buckets' is not a list"));
        return std::nullopt;
    }
    const QJsonArray buckets = list.toArray();
    const qsizetype most = u.bucket == Bucket::Hour ? qsizetype(u.days) * 24 + 1 : qsizetype(u.days) + 1;
    if (buckets.size() > most) {
        usageFail(error, QStringLiteral("field 'usage.buckets' has %1 buckets (at most %2 for %3 days)").arg(buckets.size()).arg(most).arg(u.days));
        return std::nullopt;
    }
    const qint64 step = u.bucket == Bucket::Hour ? 3600 : 86400;
    UsageCounts summed;
    for (qsizetype i = 0; i < buckets.size(); ++i) {
        const QString what = QStringLiteral("usage.buckets[%1]").arg(i);
        if (!buckets.at(i).isObject()) {
            usageFail(error, QStringLiteral("field '%1' is not an object").arg(what));
            return std::nullopt;
        }
        const QJsonObject b = buckets.at(i).toObject();
        JsonReader br(b, what);
        UsageBucket ub;
        ub.start = br.dateTime("start");
        if (!br.ok())
            return failWith<KeyUsage>(br, error);
        if (!u.buckets.isEmpty() && u.buckets.last().start.secsTo(ub.start) < step) {
            usageFail(error, QStringLiteral("field '%1.start' is not a %2 after the bucket before it").arg(what, bucketName(u.bucket)));
            return std::nullopt;
        }
        const auto counts = UsageCounts::fromJson(b, what, error);
        if (!counts)
            return std::nullopt;
        ub.counts = *counts;
        summed.success += ub.counts.success;   // <= 2,161 * 10^12: far below 2^63
        summed.failure += ub.counts.failure;
        summed.rateLimited += ub.counts.rateLimited;
        u.buckets << ub;
    }
    if (!(summed == u.total)) {
        usageFail(error, QStringLiteral("field 'usage.total' is not the sum of the buckets"));
        return std::nullopt;
    }
    return u;
}
// ---- end key usage ----

// ---- Permission catalogue (issue 13 item 6, h-perms) ----
namespace {
bool catalogueName(const QJsonValue &v)
{
    // anchoredPattern, not ^...$: "$" also matches before a final newline.
    static const QRegularExpression name(QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z0-9_.:-]{1,64}")));
    return v.isString() && name.match(v.toString()).hasMatch();
}

// A description: absent or null (none), else a string of at most kMaxDescription characters.
bool catalogueDescription(const QJsonObject &o, const QString &what, QString *out, QString *error)
{
    const QJsonValue v = o.value(QStringLiteral("description"));
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isString() || v.toString().size() > PermissionCatalogue::kMaxDescription)
        return usageFail(error, QStringLiteral("field '%1.description' is not a string of at most %2 characters")
                                    .arg(what).arg(PermissionCatalogue::kMaxDescription));
    *out = v.toString();
    return true;
}

// permissions of /console/info: null or absent, or {catalogue: null} (no catalogue), else {catalogue: [...]}.
bool readPermissionCatalogue(const QJsonObject &o, std::optional<PermissionCatalogue> *out, QString *error)
{
    const QJsonValue v = o.value(QStringLiteral("permissions"));
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isObject())
        return usageFail(error, QStringLiteral("field 'info.permissions' is not an object"));
    const QJsonValue list = v.toObject().value(QStringLiteral("catalogue"));
    if (list.isUndefined() || list.isNull())
        return true;
    const auto catalogue = PermissionCatalogue::fromJson(list, error);
    if (!catalogue)
        return false;
    *out = *catalogue;
    return true;
}
} // namespace

const PermissionResource *PermissionCatalogue::find(const QString &resource) const
{
    for (const PermissionResource &r : resources)
        if (r.resource == resource)
            return &r;
    return nullptr;
}

bool PermissionCatalogue::contains(const QString &resource, const QString &action) const
{
    const PermissionResource *r = find(resource);
    if (!r)
        return false;
    for (const PermissionAction &a : r->actions)
        if (a.name == action)
            return true;
    return false;
}

std::optional<PermissionCatalogue> PermissionCatalogue::fromJson(const QJsonValue &list, QString *error)
{
    const QString where = QStringLiteral("info.permissions.catalogue");
    if (!list.isArray()) {
        usageFail(error, QStringLiteral("field '%1' is not a list").arg(where));
        return std::nullopt;
    }
    const QJsonArray resources = list.toArray();
    if (resources.size() > kMaxResources) {
        usageFail(error, QStringLiteral("field '%1' has %2 resources (at most %3)").arg(where).arg(resources.size()).arg(kMaxResources));
        return std::nullopt;
    }
    PermissionCatalogue c;
    QSet<QString> seen;
    for (qsizetype i = 0; i < resources.size(); ++i) {
        const QString what = QStringLiteral("%1[%2]").arg(where).arg(i);
        if (!resources.at(i).isObject()) {
            usageFail(error, QStringLiteral("field '%1' is not an object").arg(what));
            return std::nullopt;
        }
        const QJsonObject ro = resources.at(i).toObject();
        PermissionResource r;
        if (!catalogueName(ro.value(QStringLiteral("resource")))) {
            usageFail(error, QStringLiteral("field '%1.resource' is not 1 to %2 of A-Z a-z 0-9 _ . : -").arg(what).arg(kMaxName));
            return std::nullopt;
        }
        r.resource = ro.value(QStringLiteral("resource")).toString();
        if (seen.contains(r.resource)) {
            usageFail(error, QStringLiteral("field '%1.resource' lists \"%2\" twice").arg(what, r.resource));
            return std::nullopt;
        }
        seen.insert(r.resource);
        if (!catalogueDescription(ro, what, &r.description, error))
            return std::nullopt;
        const QJsonValue av = ro.value(QStringLiteral("actions"));
        const QJsonArray actions = av.toArray();
        if (!av.isArray() || actions.isEmpty() || actions.size() > kMaxActions) {
            usageFail(error, QStringLiteral("field '%1.actions' is not a list of 1 to %2 actions").arg(what).arg(kMaxActions));
            return std::nullopt;
        }
        QSet<QString> names;
        for (qsizetype j = 0; j < actions.size(); ++j) {
            const QString whatAction = QStringLiteral("%1.actions[%2]").arg(what).arg(j);
            const QJsonObject ao = actions.at(j).toObject();
            if (!actions.at(j).isObject() || !catalogueName(ao.value(QStringLiteral("name")))) {
                usageFail(error, QStringLiteral("field '%1.name' is not 1 to %2 of A-Z a-z 0-9 _ . : -").arg(whatAction).arg(kMaxName));
                return std::nullopt;
            }
            PermissionAction a;
            a.name = ao.value(QStringLiteral("name")).toString();
            if (names.contains(a.name)) {
                usageFail(error, QStringLiteral("field '%1.name' lists \"%2\" twice").arg(whatAction, a.name));
                return std::nullopt;
            }
            names.insert(a.name);
            if (!catalogueDescription(ao, whatAction, &a.description, error))
                return std::nullopt;
            r.actions << a;
        }
        c.resources << r;
    }
    return c;
}
// ---- end permission catalogue ----

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
    if (!readUsage7d(o, &k.usage7d, error))   // h-usage
        return std::nullopt;
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
    if (!readKeyUsageInfo(o, &i.keyUsage, error))   // h-usage
        return std::nullopt;
    if (!readPermissionCatalogue(o, &i.permissionCatalogue, error))   // h-perms
        return std::nullopt;
    return i;
}

QString validatePermissions(const Permissions &p)
{
    static const QRegularExpression name(QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z0-9_.:-]+")));   // not "$": a final newline
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
