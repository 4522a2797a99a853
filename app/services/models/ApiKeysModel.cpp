#include "ApiKeysModel.h"

#include "core/Duration.h"
#include "core/Session.h"
#include "net/ConsoleApi.h"


ApiKeysModel::ApiKeysModel(ConsoleApi *api, QObject *parent)
    : QAbstractTableModel(parent), m_api(api), m_session(api->session())
{
}

int ApiKeysModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_keys.size());
}

int ApiKeysModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ApiKeysModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_keys.size())
        return {};
    const ApiKey &k = m_keys.at(index.row());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const bool expired = k.isExpired(now);
    const bool soon = !expired && k.expiresAt.isValid() && now.secsTo(k.expiresAt) < 3 * 86400;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn: return k.name;
        case OwnerColumn: return m_ownerNames.value(k.userId, k.userId);
        case StartColumn: return k.start + QStringLiteral("…");
        case EnabledColumn: return k.enabled ? tr("enabled") : tr("disabled");
        case CreatedColumn: return formatLocalTime(k.createdAt);
        case ExpiresColumn: return k.expiresAt.isValid() ? (expired ? tr("expired ") : QString()) + formatLocalTimeAndRelative(k.expiresAt, now) : tr("never");
        case LastUsedColumn: return formatLocalTimeAndRelative(k.lastRequest, now);
        // better-auth counts requests only while a rate limit is on, and per window: without one the count
        // stays 0 however much the key is used, so 0 would mislead.
        case RequestsColumn: return k.rateLimitEnabled ? QVariant(k.requestCount) : QVariant(QStringLiteral("—"));
        case RemainingColumn: return k.remaining ? QVariant(*k.remaining) : QVariant(tr("unlimited"));
        case RateLimitColumn: return k.rateLimitText();
        case UsageColumn: {
            if (!k.usage7d)
                return QStringLiteral("—");
            qint64 all = 0;
            for (const UsageDay &d : *k.usage7d)
                all += d.counts.all();
            return all;
        }
        default: return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == ExpiresColumn && k.expiresAt.isValid())
            return k.expiresAt.toString(Qt::ISODateWithMs);
        if (index.column() == NameColumn)
            return tr("id %1").arg(k.id);
        if (index.column() == UsageColumn)
            return k.usage7d ? usageText(*k.usage7d) : tr("Usage not counted by this server");
        if (index.column() == RequestsColumn)
            return k.rateLimitEnabled
                ? tr("Requests in the current rate-limit window (counted by the server; it restarts every %1)")
                      .arg(k.rateLimitTimeWindow ? formatRateWindow(*k.rateLimitTimeWindow) : tr("window"))
                : tr("Not counted: the server counts requests only while the key has a rate limit. See Last used.");
        return {};
    case Qt::AccessibleTextRole:
        if (index.column() == UsageColumn)
            return k.usage7d ? usageText(*k.usage7d) : tr("Usage not counted by this server");
        return {};
    case Usage7dRole: {
        if (!k.usage7d)
            return {};
        QVariantList days;
        for (const UsageDay &d : *k.usage7d)
            days << QVariantMap{{QStringLiteral("day"), d.day}, {QStringLiteral("success"), d.counts.success},
                                {QStringLiteral("failure"), d.counts.failure}, {QStringLiteral("rateLimited"), d.counts.rateLimited}};
        return days;
    }
    case KeyIdRole: return k.id;
    case OwnerIdRole: return k.userId;
    case ExpiredRole: return expired;
    case EnabledRole: return k.enabled;
    case StateRole:
        return int(expired ? Expired : !k.enabled ? Disabled : soon ? ExpiringSoon : Active);
    case SortRole:
        switch (index.column()) {
        case CreatedColumn: return k.createdAt;
        case ExpiresColumn: return k.expiresAt.isValid() ? k.expiresAt : QDateTime(QDate(9999, 1, 1), QTime(0, 0));
        case LastUsedColumn: return k.lastRequest;
        case RequestsColumn: return k.requestCount;
        case UsageColumn: return k.usage7d ? data(index, Qt::DisplayRole) : QVariant(qint64(-1));
        default: return data(index, Qt::DisplayRole);
        }
    default:
        return {};
    }
}

QVariant ApiKeysModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == RequestsColumn)
        return tr("Requests in the current rate-limit window; keys without a rate limit are not counted");
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn: return tr("Name");
    case OwnerColumn: return tr("Owner");
    case StartColumn: return tr("Starts with");
    case EnabledColumn: return tr("State");
    case CreatedColumn: return tr("Created");
    case ExpiresColumn: return tr("Expires");
    case LastUsedColumn: return tr("Last used");
    case RequestsColumn: return tr("Requests");
    case RemainingColumn: return tr("Remaining");
    case RateLimitColumn: return tr("Rate limit");
    case UsageColumn: return tr("Last 7 days");
    default: return {};
    }
}

bool ApiKeysModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_loading && m_hasMore && !m_error.isError() && m_session->isSignedIn();
}

void ApiKeysModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_loading = true;
    const int gen = m_generation;
    ConsoleApi &api = *m_api;
    ListQuery query;
    query.userId = m_owner;
    query.limit = m_pageSize;
    query.offset = int(m_keys.size()) + m_inserting;
    query.usage7d = m_usage7d;
    m_inFlight = api.listApiKeys(query, this, [this, gen](Result<Page<ApiKey>> r) {
        if (gen != m_generation)
            return;
        m_loading = false;
        if (!r.ok()) {
            m_error = r.error();
            emit loadFailed(m_error);
            return;
        }
        const Page<ApiKey> &page = r.value();
        m_total = page.total;
        m_hasMore = !page.items.isEmpty() && m_keys.size() + page.items.size() < m_total;
        if (!page.items.isEmpty()) {
            // A view or proxy may call fetchMore() from rowsAboutToBeInserted: it must ask for the page after
            // this one, not this one again (it did, and a page was appended twice).
            m_inserting = int(page.items.size());
            beginInsertRows({}, int(m_keys.size()), int(m_keys.size() + page.items.size()) - 1);
            m_keys.append(page.items);
            m_inserting = 0;
            endInsertRows();
        }
        emit pageLoaded(int(m_keys.size()), m_total);
    });
}

void ApiKeysModel::refresh()
{
    ++m_generation;
    if (m_inFlight)
        m_inFlight->abort();
    beginResetModel();
    m_keys.clear();
    m_total = 0;
    m_hasMore = true;
    m_loading = false;
    m_error = {};
    endResetModel();
    fetchMore({});
}

void ApiKeysModel::setOwnerFilter(const QString &userId)
{
    m_owner = userId;
    refresh();
}

void ApiKeysModel::setOwnerNames(const QHash<QString, QString> &names)
{
    m_ownerNames = names;
    if (!m_keys.isEmpty())
        emit dataChanged(index(0, OwnerColumn), index(int(m_keys.size()) - 1, OwnerColumn));
}

void ApiKeysModel::upsert(const ApiKey &key)
{
    for (int i = 0; i < m_keys.size(); ++i) {
        if (m_keys[i].id == key.id) {
            const auto usage = m_keys[i].usage7d;   // an update's reply carries no usage: the row keeps its own
            m_keys[i] = key;
            if (!m_keys[i].usage7d)
                m_keys[i].usage7d = usage;
            emit dataChanged(index(i, 0), index(i, ColumnCount - 1));
            return;
        }
    }
    if (!m_owner.isEmpty() && key.userId != m_owner)
        return;
    beginInsertRows({}, 0, 0);   // newest first, as the server lists them
    m_keys.prepend(key);
    ++m_total;
    endInsertRows();
}

void ApiKeysModel::remove(const QString &keyId)
{
    for (int i = 0; i < m_keys.size(); ++i) {
        if (m_keys[i].id == keyId) {
            beginRemoveRows({}, i, i);
            m_keys.removeAt(i);
            --m_total;
            endRemoveRows();
            return;
        }
    }
}

QString ApiKeysModel::usageText(const QList<UsageDay> &days)
{
    UsageCounts sum;
    QStringList lines;
    for (const UsageDay &d : days) {
        sum.success += d.counts.success;
        sum.failure += d.counts.failure;
        sum.rateLimited += d.counts.rateLimited;
        lines << tr("%1: %2 succeeded, %3 failed, %4 rate-limited")
                     .arg(d.day.toString(Qt::ISODate)).arg(d.counts.success).arg(d.counts.failure).arg(d.counts.rateLimited);
    }
    return tr("Last %n days: %1 succeeded, %2 failed, %3 rate-limited", nullptr, int(days.size()))
               .arg(sum.success).arg(sum.failure).arg(sum.rateLimited)
        + QLatin1Char('\n') + lines.join(QLatin1Char('\n'));
}
