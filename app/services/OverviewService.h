#pragma once

#include "core/ApiError.h"
#include "core/AuditTypes.h"
#include "core/ConsoleTypes.h"
#include "net/ConsoleApi.h"

#include <QObject>

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
    explicit OverviewService(ConsoleApi *api, QObject *parent = nullptr);
    void refresh();
    const OverviewSnapshot &snapshot() const { return m_snapshot; }
    bool isLoading() const { return m_loading; }

signals:
    void refreshed();
    void failed(const ApiError &error);

private:
    void refreshV1(bool auditAvailable, int generation);
    ConsoleApi *m_api;
    OverviewSnapshot m_snapshot;
    bool m_loading = false;
    int m_generation = 0;
};
