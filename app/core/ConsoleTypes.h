#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QStringList>

#include <optional>

// The console API's types (console-api.md v1), parsed strictly: a missing or wrongly typed field is an
// error that names the field.
using Permissions = QMap<QString, QStringList>;

struct ServiceUser
{
    QString id, name, email, role;
    bool banned = false;
    QDateTime createdAt;
    int apiKeyCount = 0;
    static std::optional<ServiceUser> fromJson(const QJsonObject &o, QString *error = nullptr);
};

// ---- Key usage (issue 13 item 5, h-usage): console API v1.1 "api-keys.usage" ----
// Verification counts of one key in one bucket (an hour or a day), or summed: whole numbers, each at most
// kMaxUsageCount (a count above it, negative, fractional or not a number is a parse error).
struct UsageCounts
{
    static constexpr qint64 kMaxUsageCount = 1'000'000'000'000;   // 10^12 per bucket: ~11.6 M a second for a day
    qint64 success = 0, failure = 0, rateLimited = 0;
    qint64 all() const { return success + failure + rateLimited; }
    bool operator==(const UsageCounts &o) const
    {
        return success == o.success && failure == o.failure && rateLimited == o.rateLimited;
    }
    // {success, failure, rateLimited}; what names the object in an error ("usage.buckets[3]").
    static std::optional<UsageCounts> fromJson(const QJsonObject &o, const QString &what, QString *error = nullptr);
};

struct UsageBucket
{
    QDateTime start;   // UTC: the hour's or the day's start
    UsageCounts counts;
};

// GET /console/api-keys/:id/usage: buckets oldest first, zeros included. Bounded: days 1..kMaxDays, at
// most days + 1 day buckets or days * 24 + 1 hour buckets, each after the one before, and total the sum.
struct KeyUsage
{
    static constexpr int kMaxDays = 90;
    static constexpr int kMaxHourDays = 31;   // hour buckets cover at most 31 days
    enum class Bucket { Day, Hour };
    QString keyId;
    Bucket bucket = Bucket::Day;
    int days = 0;
    qint64 flushSeconds = 0;   // how far behind the stored counts may be (what is in memory is included)
    QList<UsageBucket> buckets;
    UsageCounts total;
    static std::optional<KeyUsage> fromJson(const QJsonObject &o, QString *error = nullptr);
    static QString bucketName(Bucket b) { return b == Bucket::Hour ? QStringLiteral("hour") : QStringLiteral("day"); }
};

// One day of a keys-list row's usage7d (GET /console/api-keys?usage=7d): 7 days, today last.
struct UsageDay
{
    static constexpr int kDays = 7;
    QDate day;   // UTC
    UsageCounts counts;
};

// What /console/info's keyUsage announces (null or absent: the server does not count).
struct KeyUsageInfo
{
    qint64 flushSeconds = 10;
    int maxDays = KeyUsage::kMaxDays;
};
// ---- end key usage ----

// ---- Permission catalogue (issue 13 item 6, h-perms): console API v1.1 "permissions.catalogue" ----
// The resources and actions a deployment's keys use, as the server's plugin option announces them. Parsed
// with the server's own bounds (checkPermissionCatalogue): at most kMaxResources resources of 1..kMaxActions
// actions, names 1..kMaxName of [A-Za-z0-9_.:-], no name twice, descriptions null or at most kMaxDescription.
// Informational: a key may carry permissions outside it.
struct PermissionAction
{
    QString name, description;   // description: empty when null
};

struct PermissionResource
{
    QString resource, description;
    QList<PermissionAction> actions;
};

struct PermissionCatalogue
{
    static constexpr int kMaxResources = 200;
    static constexpr int kMaxActions = 100;
    static constexpr int kMaxName = 64;
    static constexpr int kMaxDescription = 200;
    QList<PermissionResource> resources;   // in the server's order
    const PermissionResource *find(const QString &resource) const;
    bool contains(const QString &resource, const QString &action) const;
    // The list under info.permissions.catalogue; what names it in an error.
    static std::optional<PermissionCatalogue> fromJson(const QJsonValue &list, QString *error = nullptr);
};
// ---- end permission catalogue ----

struct ApiKey
{
    QString id, userId, name, start, prefix;
    bool enabled = true;
    QDateTime createdAt, updatedAt, expiresAt, lastRequest;   // invalid: null
    qint64 requestCount = 0;
    std::optional<qint64> remaining;
    bool rateLimitEnabled = false;
    std::optional<qint64> rateLimitMax;
    std::optional<qint64> rateLimitTimeWindow;   // seconds
    Permissions permissions;
    QJsonObject metadata;
    std::optional<QList<UsageDay>> usage7d;   // h-usage: only when the list was asked with usage=7d
    static std::optional<ApiKey> fromJson(const QJsonObject &o, QString *error = nullptr);
    bool isExpired(const QDateTime &now) const { return expiresAt.isValid() && expiresAt <= now; }
    QString rateLimitText() const;
};

struct ConsoleInfo
{
    int apiVersion = 0;
    QString serverVersion;
    bool metadataEnabled = false;
    qint64 minExpiresIn = 86400, maxExpiresIn = 365 * 86400;
    bool defaultRateLimitEnabled = true;
    qint64 defaultRateLimitWindow = 86400, defaultRateLimitMax = 10;
    QString liveChannelUrl;
    QStringList features;                     // beyond v1, e.g. "api-keys.requestId" (absent on a v1 server)
    std::optional<qint64> maxOverlapSeconds;  // rotate's cap, when the server announces one
    bool supports(const QString &feature) const { return features.contains(feature); }
    bool takesRequestId() const { return supports(QStringLiteral("api-keys.requestId")); }
    static std::optional<ConsoleInfo> fromJson(const QJsonObject &o, QString *error = nullptr);
    // ---- h-usage: key usage ("api-keys.usage" in features and a keyUsage object) ----
    std::optional<KeyUsageInfo> keyUsage;
    bool supportsKeyUsage() const { return keyUsage.has_value() && supports(QStringLiteral("api-keys.usage")); }
    // ---- end key usage ----
    // ---- h-perms: the permission catalogue ("permissions.catalogue" in features and a catalogue list) ----
    std::optional<PermissionCatalogue> permissionCatalogue;
    bool supportsPermissionCatalogue() const
    {
        return permissionCatalogue.has_value() && supports(QStringLiteral("permissions.catalogue"));
    }
    // ---- end permission catalogue ----
};

// One row of GET /console/sessions (console-api.md Session): an unexpired sign-in of some user. Never
// the session token (the server does not send it).
struct UserSession
{
    QString id, userId, userEmail, userName, ipAddress, userAgent, impersonatedBy;
    QDateTime createdAt, updatedAt, expiresAt;   // invalid: null
    static std::optional<UserSession> fromJson(const QJsonObject &o, QString *error = nullptr);
};

// One row of GET /console/device-codes (console-api.md DeviceCode). Never the device_code itself: that
// is the polling client's secret and the server does not send it.
struct PendingDeviceCode
{
    QString userCode;    // as stored: "ABCDEFGH"
    QString clientId;
    QString scope;
    QDateTime createdAt;
    QDateTime expiresAt;
    static std::optional<PendingDeviceCode> fromJson(const QJsonObject &o, QString *error = nullptr);
    // {deviceCodes: [...]}; nullopt with *error when the body is not that shape.
    static std::optional<QList<PendingDeviceCode>> listFromJson(const QJsonObject &o, QString *error = nullptr);
};

// Newly minted or rotated: the only time the secret exists outside the server.
struct MintedKey
{
    ApiKey apiKey;
    QString secret;
    std::optional<ApiKey> previous;   // rotate only
};

// Permissions editor rules: names of [A-Za-z0-9_.:-], at least one action per resource, no duplicates.
QString validatePermissions(const Permissions &p);   // empty when valid
Permissions parsePermissionArgs(const QStringList &args, QString *error);   // "files=read,write"
QJsonObject permissionsToJson(const Permissions &p);
