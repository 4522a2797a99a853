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
