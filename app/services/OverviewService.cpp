#include "OverviewService.h"

#include "AuditService.h"
#include "core/Clock.h"
#include "core/Session.h"
#include "net/ConsoleApi.h"

#include <memory>

namespace {
QString needsOverview()
{
    return OverviewService::tr("needs a server with the console API v1.1 overview");
}
} // namespace

OverviewSnapshot OverviewSnapshot::fromOverviewCounts(const OverviewCounts &c, bool auditAvailable)
{
    OverviewSnapshot s;
    s.fromOverview = true;
    s.at = c.at;
    s.counts[KeysExpiring] = c.keysExpiringWithin7Days;
    s.counts[DisabledKeys] = c.disabledKeys;
    s.counts[KeysNeverUsed] = c.keysNeverUsed;
    s.counts[ServiceUsers] = c.serviceUsers;
    s.counts[ServiceUsersWithoutKeys] = c.serviceUsersWithoutKeys;
    s.counts[Sessions] = c.sessions;
    s.counts[LiveConnections] = c.liveConnections;
    s.counts[PendingDeviceCodes] = c.pendingDeviceCodes;
    for (int i = 0; i < ItemCount; ++i)
        if (!s.counts[i])
            s.reasons[i] = (i == ServiceUsers || i == ServiceUsersWithoutKeys)
                ? OverviewService::tr("not counted by the server above 2,000 service users")
                : OverviewService::tr("not given by the server");
    s.liveConnectionsComplete = c.liveConnectionsComplete;
    s.recentAudit = c.recentAudit;
    s.auditAvailable = auditAvailable;
    if (!auditAvailable)
        s.auditReason = AuditService::unsupportedMessage();
    return s;
}

OverviewSnapshot OverviewSnapshot::fromV1(const Page<ServiceUser> &users, const Page<ApiKey> &keys, int sessions,
                                          int pendingDeviceCodes, const QDateTime &now)
{
    OverviewSnapshot s;
    s.at = now;
    s.counts[ServiceUsers] = users.total;
    s.counts[Sessions] = sessions;
    s.counts[PendingDeviceCodes] = pendingDeviceCodes;
    s.reasons[LiveConnections] = needsOverview();
    // Whole lists only: a count over part of a list would look like the total.
    if (users.total <= users.items.size()) {
        qint64 without = 0;
        for (const ServiceUser &u : users.items)
            without += u.apiKeyCount == 0 ? 1 : 0;
        s.counts[ServiceUsersWithoutKeys] = without;
    } else {
        s.reasons[ServiceUsersWithoutKeys] = OverviewService::tr("more than %1 service users: %2").arg(kV1Page).arg(needsOverview());
    }
    if (keys.total <= keys.items.size()) {
        qint64 expiring = 0, disabled = 0, neverUsed = 0;
        const QDateTime soon = now.addDays(7);
        for (const ApiKey &k : keys.items) {
            expiring += (k.expiresAt.isValid() && k.expiresAt > now && k.expiresAt <= soon) ? 1 : 0;
            disabled += k.enabled ? 0 : 1;
            neverUsed += k.lastRequest.isValid() ? 0 : 1;
        }
        s.counts[KeysExpiring] = expiring;
        s.counts[DisabledKeys] = disabled;
        s.counts[KeysNeverUsed] = neverUsed;
    } else {
        const QString why = OverviewService::tr("more than %1 keys: %2").arg(kV1Page).arg(needsOverview());
        s.reasons[KeysExpiring] = s.reasons[DisabledKeys] = s.reasons[KeysNeverUsed] = why;
    }
    return s;
}

OverviewService::OverviewService(ConsoleApi *api, Clock *clock, QObject *parent)
    : QObject(parent), m_api(api), m_clock(clock)
{
}

QString OverviewService::currentOrigin() const
{
    return m_api->session()->endpoint().key();
}

bool OverviewService::isLoading() const
{
    return m_loading && m_loadingOrigin == currentOrigin();
}

bool OverviewService::isFresh(qint64 maxAgeMs) const
{
    if (m_loading || !m_fetchedAt.isValid() || m_snapshotOrigin != currentOrigin())
        return false;
    const qint64 age = m_fetchedAt.msecsTo(m_clock->now());
    return age >= 0 && age <= maxAgeMs;
}

void OverviewService::refresh()
{
    const int gen = ++m_generation;
    m_loading = true;
    m_loadingOrigin = currentOrigin();
    m_api->info(this, [this, gen](Result<ConsoleInfo> r) {
        if (gen != m_generation)
            return;
        if (!r.ok()) {
            m_loading = false;
            emit failed(r.error());
            return;
        }
        const bool audit = r.value().supports(QStringLiteral("audit"));
        if (!r.value().supports(QStringLiteral("overview"))) {
            refreshV1(audit, gen);
            return;
        }
        m_api->overview(this, [this, gen, audit](Result<OverviewCounts> o) {
            if (gen != m_generation)
                return;
            m_loading = false;
            if (!o.ok()) {
                emit failed(o.error());
                return;
            }
            m_snapshot = OverviewSnapshot::fromOverviewCounts(o.value(), audit);
            m_snapshotOrigin = m_loadingOrigin;
            m_fetchedAt = m_clock->now();
            emit refreshed();
        });
    });
}

void OverviewService::refreshV1(bool auditAvailable, int gen)
{
    // Four v1 lists one after another (a v1 server is small or it would have been upgraded; each is one page).
    struct Acc
    {
        Page<ServiceUser> users;
        Page<ApiKey> keys;
        int sessions = 0;
    };
    auto acc = std::make_shared<Acc>();
    const auto fail = [this, gen](const ApiError &e) {
        if (gen != m_generation)
            return;
        m_loading = false;
        emit failed(e);
    };
    ListQuery users;
    users.limit = OverviewSnapshot::kV1Page;
    m_api->listServiceUsers(users, this, [this, gen, acc, fail, auditAvailable](Result<Page<ServiceUser>> u) {
        if (gen != m_generation)
            return;
        if (!u.ok())
            return fail(u.error());
        acc->users = u.value();
        ListQuery keys;
        keys.limit = OverviewSnapshot::kV1Page;
        m_api->listApiKeys(keys, this, [this, gen, acc, fail, auditAvailable](Result<Page<ApiKey>> k) {
            if (gen != m_generation)
                return;
            if (!k.ok())
                return fail(k.error());
            acc->keys = k.value();
            ListQuery sessions;
            sessions.limit = 1;
            m_api->listSessions(sessions, this, [this, gen, acc, fail, auditAvailable](Result<Page<UserSession>> s) {
                if (gen != m_generation)
                    return;
                if (!s.ok())
                    return fail(s.error());
                acc->sessions = s.value().total;
                m_api->listDeviceCodes(this, [this, gen, acc, fail, auditAvailable](Result<Page<PendingDeviceCode>> d) {
                    if (gen != m_generation)
                        return;
                    if (!d.ok())
                        return fail(d.error());
                    m_loading = false;
                    m_snapshot = OverviewSnapshot::fromV1(acc->users, acc->keys, acc->sessions, d.value().total,
                                                          m_clock->now().toUTC());
                    m_snapshotOrigin = m_loadingOrigin;
                    m_fetchedAt = m_clock->now();
                    m_snapshot.auditAvailable = false;
                    m_snapshot.auditReason = auditAvailable ? tr("The last audit entries: %1").arg(needsOverview())
                                                            : AuditService::unsupportedMessage();
                    emit refreshed();
                });
            });
        });
    });
}
