#include "AuditTypes.h"

#include "Duration.h"
#include "Json.h"

#include <QJsonArray>

#include <climits>

namespace {
bool fail(QString *error, const QString &why)
{
    if (error)
        *error = why;
    return false;
}
} // namespace

QString AuditEntry::actorText() const
{
    if (!actorEmail.isEmpty())
        return actorEmail;
    return actorId.isEmpty() ? QStringLiteral("—") : actorId;
}

std::optional<AuditEntry> AuditEntry::fromJson(const QJsonObject &o, QString *error)
{
    JsonReader r(o, QStringLiteral("entry"));
    AuditEntry e;
    e.id = r.string("id");
    e.at = r.dateTime("at");
    e.actorId = r.optString("actorId");
    e.actorEmail = r.optString("actorEmail");
    const QJsonObject credential = r.object("credential");
    e.action = r.string("action");
    e.target = r.optString("target");
    e.ipAddress = r.optString("ipAddress");
    e.userAgent = r.optString("userAgent");
    const QString outcome = r.string("outcome");
    e.status = int(r.integer("status", 100, 599));
    e.errorCode = r.optString("errorCode");
    if (!r.ok()) {
        fail(error, r.error());
        return std::nullopt;
    }
    JsonReader c(credential, QStringLiteral("entry.credential"));
    e.credentialKind = c.string("kind");
    e.credentialId = c.optString("id");
    if (!c.ok()) {
        fail(error, c.error());
        return std::nullopt;
    }
    if (e.id.isEmpty() || e.id.size() > 256) {
        fail(error, QStringLiteral("entry.id is empty or longer than 256 characters"));
        return std::nullopt;
    }
    if (outcome != QLatin1String("success") && outcome != QLatin1String("failure")) {
        fail(error, QStringLiteral("entry.outcome is neither \"success\" nor \"failure\""));
        return std::nullopt;
    }
    e.success = outcome == QLatin1String("success");
    return e;
}

bool AuditFilter::isEmpty() const
{
    return actor.isEmpty() && action.isEmpty() && target.isEmpty() && !since.isValid() && !until.isValid();
}

QString AuditFilter::validate() const
{
    if (actor.size() > kMaxActor)
        return QStringLiteral("actor: at most %1 characters").arg(kMaxActor);
    if (action.size() > kMaxAction)
        return QStringLiteral("action: at most %1 characters").arg(kMaxAction);
    if (target.size() > kMaxTarget)
        return QStringLiteral("target: at most %1 characters").arg(kMaxTarget);
    if (since.isValid() && until.isValid() && since >= until)
        return QStringLiteral("since must be before until");
    return {};
}

bool AuditFilter::matches(const AuditEntry &e) const
{
    if (!actor.isEmpty()) {
        const bool byEmail = actor.contains(QLatin1Char('@'));
        const QString &value = byEmail ? e.actorEmail : e.actorId;
        if (value.compare(actor, Qt::CaseInsensitive) != 0)
            return false;
    }
    if (!action.isEmpty()) {
        if (action.endsWith(QLatin1Char('*'))) {
            if (!e.action.startsWith(action.chopped(1)))
                return false;
        } else if (e.action != action) {
            return false;
        }
    }
    if (!target.isEmpty() && e.target != target)
        return false;
    if (since.isValid() && e.at < since)
        return false;
    if (until.isValid() && e.at >= until)
        return false;
    return true;
}

bool AuditFilter::operator==(const AuditFilter &o) const
{
    return actor == o.actor && action == o.action && target == o.target && since == o.since && until == o.until;
}

QDateTime parseAuditTime(const QString &text, const QDateTime &now, QString *error)
{
    const QString t = text.trimmed();
    if (t.isEmpty()) {
        fail(error, QStringLiteral("a time is empty"));
        return {};
    }
    if (const auto seconds = parseDurationSeconds(t)) {
        if (*seconds > 3650LL * 86400) {
            fail(error, QStringLiteral("\"%1\" reaches back more than ten years").arg(t));
            return {};
        }
        return now.addSecs(-*seconds).toUTC();
    }
    const QDateTime at = parseIsoDateTime(t);
    if (!at.isValid()) {
        fail(error, QStringLiteral("\"%1\" is neither a duration back from now (1h, 30m, 7d) nor an ISO 8601 time").arg(t));
        return {};
    }
    return at.toUTC();
}

std::optional<AuditEntryPage> AuditEntryPage::fromJson(const QJsonObject &o, QString *error)
{
    AuditEntryPage p;
    p.body = o;
    if (!o.value(QStringLiteral("entries")).isArray()) {
        fail(error, QStringLiteral("the reply has no \"entries\" list"));
        return std::nullopt;
    }
    const auto total = jsonInteger(o.value(QStringLiteral("total")), 0, INT_MAX);
    if (!total) {
        fail(error, QStringLiteral("the reply's \"total\" is not a count"));
        return std::nullopt;
    }
    p.total = int(*total);
    const QJsonValue exact = o.value(QStringLiteral("totalExact"));
    if (!exact.isUndefined() && !exact.isBool()) {
        fail(error, QStringLiteral("the reply's \"totalExact\" is not true or false"));
        return std::nullopt;
    }
    p.totalExact = exact.toBool(false);
    const QJsonValue c = o.value(QStringLiteral("nextCursor"));
    if (c.isString() && !c.toString().isEmpty() && c.toString().size() <= 1024)
        p.nextCursor = c.toString();
    else if (!c.isNull() && !c.isUndefined()) {
        fail(error, QStringLiteral("the reply's \"nextCursor\" is not a cursor (a string of 1 to 1024 characters, or null)"));
        return std::nullopt;
    }
    const QJsonArray entries = o.value(QStringLiteral("entries")).toArray();
    if (entries.size() > 1000) {
        fail(error, QStringLiteral("the reply has more than 1000 entries in one page"));
        return std::nullopt;
    }
    for (const QJsonValue &v : entries) {
        QString why;
        const auto e = AuditEntry::fromJson(v.toObject(), &why);
        if (!e) {
            fail(error, why);
            return std::nullopt;
        }
        p.entries << *e;
    }
    return p;
}

std::optional<OverviewCounts> OverviewCounts::fromJson(const QJsonObject &o, QString *error)
{
    JsonReader r(o, QStringLiteral("overview"));
    OverviewCounts c;
    c.at = r.optDateTime("at");
    const QJsonObject counts = r.object("counts");
    const QJsonValue complete = o.value(QStringLiteral("liveConnectionsComplete"));
    c.liveConnectionsComplete = !complete.isBool() || complete.toBool();
    if (!r.ok()) {
        fail(error, r.error());
        return std::nullopt;
    }
    JsonReader n(counts, QStringLiteral("overview.counts"));
    const qint64 max = JsonReader::kMaxSafeInteger;
    c.keysExpiringWithin7Days = n.optInteger("keysExpiringWithin7Days", 0, max);
    c.disabledKeys = n.optInteger("disabledKeys", 0, max);
    c.keysNeverUsed = n.optInteger("keysNeverUsed", 0, max);
    c.serviceUsers = n.optInteger("serviceUsers", 0, max);
    c.serviceUsersWithoutKeys = n.optInteger("serviceUsersWithoutKeys", 0, max);
    c.sessions = n.optInteger("sessions", 0, max);
    c.liveConnections = n.optInteger("liveConnections", 0, max);
    c.pendingDeviceCodes = n.optInteger("pendingDeviceCodes", 0, max);
    if (!n.ok()) {
        fail(error, n.error());
        return std::nullopt;
    }
    const QJsonArray recent = o.value(QStringLiteral("recentAudit")).toArray();
    for (int i = 0; i < recent.size() && i < 50; ++i) {
        QString why;
        const auto e = AuditEntry::fromJson(recent.at(i).toObject(), &why);
        if (!e) {
            fail(error, QStringLiteral("overview.recentAudit: ") + why);
            return std::nullopt;
        }
        c.recentAudit << *e;
    }
    return c;
}
