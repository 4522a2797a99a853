#pragma once

#include "core/ApiError.h"
#include "core/AuditTypes.h"
#include "core/ConsoleTypes.h"
#include "net/ConsoleApi.h"

#include <QObject>

class Clock;

#include <optional>


// What the dashboard shows. From GET /console/overview (v1.1 "overview") every count; from a v1 server what
// its lists tell (service users, sessions, pending device codes; key and key-less counts only when the
// whole list fits in one page), and a one-line reason for each count it cannot give.
struct OverviewSnapshot
{
    enum Item { KeysExpiring, DisabledKeys, KeysNeverUsed, ServiceUsers, ServiceUsersWithoutKeys, Sessions,
                LiveConnections, PendingDeviceCodes, ItemCount };
    bool fromOverview = false;                      // the server's own counts
    std::optional<qint64> counts[ItemCount];
    QString reasons[ItemCount];                     // why a count is missing (one line), else empty
    bool liveConnectionsComplete = true;
    bool auditAvailable = false;
    QString auditReason;                            // why there are no recent entries, when not available
    QList<AuditEntry> recentAudit;
    QDateTime at;

    static constexpr int kV1Page = 1000;            // console-api.md: the largest page
    // The v1 fallback's arithmetic over the first (and, when total <= kV1Page, only) page of each list.
    static OverviewSnapshot fromV1(const Page<ServiceUser> &users, const Page<ApiKey> &keys, int sessions,
                                   int pendingDeviceCodes, const QDateTime &now);
    static OverviewSnapshot fromOverviewCounts(const OverviewCounts &c, bool auditAvailable);
};

class OverviewService : public QObject
{
    Q_OBJECT
public:
    // One per Services (overview()): the dashboard and the expiry reminder share its requests and snapshot.
    OverviewService(ConsoleApi *api, Clock *clock, QObject *parent = nullptr);
    void refresh();   // anew (an answer still on its way is dropped)
    const OverviewSnapshot &snapshot() const { return m_snapshot; }
    // A refresh for the server signed in now is on its way (one for a server left since does not count).
    bool isLoading() const;
    // The snapshot is the signed-in server's and no older than maxAgeMs by the clock (none loading).
    bool isFresh(qint64 maxAgeMs) const;
    int refreshesStarted() const { return m_generation; }   // how many refresh() calls went out

signals:
    void refreshed();
    void failed(const ApiError &error);

private:
    void refreshV1(bool auditAvailable, int generation);
    QString currentOrigin() const;
    ConsoleApi *m_api;
    Clock *m_clock;
    OverviewSnapshot m_snapshot;
    QString m_loadingOrigin, m_snapshotOrigin;
    QDateTime m_fetchedAt;   // by the clock, not the server's own time
    bool m_loading = false;
    int m_generation = 0;
};
