#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// The audit trail (console API v1.1 "audit") and the overview counts ("overview"), parsed strictly like the
// v1 types: a missing or wrongly typed field is an error that names it. Every string here is the server's:
// shown as plain text (widgets) or escaped (terminal).

struct AuditEntry
{
    QString id;
    QDateTime at;
    QString actorId, actorEmail;            // empty: null
    QString credentialKind;                 // "session" | "api-key" | "none"
    QString credentialId;                   // a session id or an API key id, never a secret; empty: null
    QString action, target, ipAddress, userAgent;
    bool success = true;                    // outcome "success" | "failure"
    int status = 200;                       // the HTTP status (200 for any success)
    QString errorCode;
    QString actorText() const;              // email, else id, else "—"
    static std::optional<AuditEntry> fromJson(const QJsonObject &o, QString *error = nullptr);
};

// What GET /console/audit filters by; the live `audit` events are matched against the same filter so a
// filtered view stays filtered (matches() follows the server's rules).
struct AuditFilter
{
    QString actor;       // a user id, or (contains '@') an email, case-insensitive; <= 256
    QString action;      // exact, or a prefix with a trailing '*'; <= 128
    QString target;      // exact; <= 256
    QDateTime since;     // at >= since (invalid: no bound)
    QDateTime until;     // at < until
    static constexpr int kMaxActor = 256, kMaxAction = 128, kMaxTarget = 256;
    bool isEmpty() const;
    QString validate() const;   // empty when the server would take it; else one line naming the field
    bool matches(const AuditEntry &e) const;
    bool operator==(const AuditFilter &o) const;
    bool operator!=(const AuditFilter &o) const { return !(*this == o); }
};

// "1h", "30m", "7d" (back from now) or an ISO 8601 time; invalid with *error on anything else.
QDateTime parseAuditTime(const QString &text, const QDateTime &now, QString *error);

struct AuditEntryPage
{
    QList<AuditEntry> entries;
    int total = 0;
    bool totalExact = false;
    std::optional<QString> nextCursor;
    QJsonObject body;
    static std::optional<AuditEntryPage> fromJson(const QJsonObject &o, QString *error = nullptr);
};

// GET /console/overview. A count the server does not give (null) is nullopt.
struct OverviewCounts
{
    QDateTime at;
    std::optional<qint64> keysExpiringWithin7Days, disabledKeys, keysNeverUsed, serviceUsers,
        serviceUsersWithoutKeys, sessions, liveConnections, pendingDeviceCodes;
    bool liveConnectionsComplete = true;
    QList<AuditEntry> recentAudit;
    static std::optional<OverviewCounts> fromJson(const QJsonObject &o, QString *error = nullptr);
};
