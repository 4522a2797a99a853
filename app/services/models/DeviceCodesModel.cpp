#include "DeviceCodesModel.h"

#include "core/AuthTypes.h"
#include "core/Clock.h"
#include "core/Duration.h"
#include "core/Json.h"

#include <QJsonArray>
#include <QSet>

DeviceCodesModel::DeviceCodesModel(const Clock *clock, QObject *parent) : QAbstractTableModel(parent), m_clock(clock) {}

int DeviceCodesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_codes.size());
}

int DeviceCodesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

qint64 DeviceCodesModel::secondsLeft(const PendingDeviceCode &c) const
{
    return m_clock->now().secsTo(c.expiresAt);
}

QString DeviceCodesModel::formatTimeLeft(qint64 seconds)
{
    if (seconds <= 0)
        return tr("expired");
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

QString DeviceCodesModel::formatAge(qint64 seconds)
{
    if (seconds < 60)
        return tr("just now");
    return formatRelative(-seconds);
}

QVariant DeviceCodesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_codes.size())
        return {};
    const PendingDeviceCode &c = m_codes.at(index.row());
    const qint64 left = secondsLeft(c);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case CodeColumn: return formatUserCode(c.userCode);
        case ClientColumn: return c.clientId.isEmpty() ? tr("(unknown)") : c.clientId;
        case ScopeColumn: return c.scope.isEmpty() ? tr("(none)") : c.scope;
        case RequestedColumn:
            return c.createdAt.isValid() ? formatAge(c.createdAt.secsTo(m_clock->now())) : QStringLiteral("–");
        case TimeLeftColumn: return formatTimeLeft(left);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == RequestedColumn && c.createdAt.isValid())
            return c.createdAt.toLocalTime().toString(Qt::ISODate);
        if (index.column() == TimeLeftColumn)
            return tr("Expires at %1").arg(c.expiresAt.toLocalTime().toString(Qt::ISODate));
        if (index.column() == CodeColumn)
            return tr("Compare this code with the one the requesting device shows");
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == TimeLeftColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case UserCodeRole:
        return c.userCode;
    case SecondsLeftRole:
        return left;
    }
    return {};
}

QVariant DeviceCodesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CodeColumn: return tr("Code");
    case ClientColumn: return tr("Client");
    case ScopeColumn: return tr("Scope");
    case RequestedColumn: return tr("Requested");
    case TimeLeftColumn: return tr("Time left");
    }
    return {};
}

int DeviceCodesModel::rowOf(const QString &userCode) const
{
    const QString want = normalizeUserCode(userCode);
    for (int i = 0; i < m_codes.size(); ++i)
        if (m_codes.at(i).userCode == want)
            return i;
    return -1;
}

void DeviceCodesModel::setCodes(const QList<PendingDeviceCode> &codes)
{
    QList<PendingDeviceCode> fresh;
    QSet<QString> keep;
    for (const PendingDeviceCode &c : codes) {
        if (secondsLeft(c) > 0 && !keep.contains(c.userCode)) {
            fresh << c;
            keep.insert(c.userCode);
        }
    }
    for (int i = int(m_codes.size()) - 1; i >= 0; --i) {
        if (!keep.contains(m_codes.at(i).userCode)) {
            beginRemoveRows({}, i, i);
            m_codes.removeAt(i);
            endRemoveRows();
        }
    }
    // Now every row we hold is in `fresh`; walk it, moving or inserting so the order is the server's.
    for (int i = 0; i < fresh.size(); ++i) {
        const int at = rowOf(fresh.at(i).userCode);
        if (at == i) {
            m_codes[i] = fresh.at(i);
            emit dataChanged(index(i, 0), index(i, ColumnCount - 1));
        } else if (at > i) {
            beginMoveRows({}, at, at, {}, i);
            m_codes.move(at, i);
            endMoveRows();
            m_codes[i] = fresh.at(i);
            emit dataChanged(index(i, 0), index(i, ColumnCount - 1));
        } else {
            beginInsertRows({}, i, i);
            m_codes.insert(i, fresh.at(i));
            endInsertRows();
        }
    }
}

void DeviceCodesModel::remove(const QString &userCode)
{
    const int row = rowOf(userCode);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_codes.removeAt(row);
    endRemoveRows();
}

void DeviceCodesModel::clear()
{
    if (m_codes.isEmpty())
        return;
    beginResetModel();
    m_codes.clear();
    endResetModel();
}

void DeviceCodesModel::tick()
{
    for (int i = int(m_codes.size()) - 1; i >= 0; --i) {
        if (secondsLeft(m_codes.at(i)) <= 0) {
            beginRemoveRows({}, i, i);
            m_codes.removeAt(i);
            endRemoveRows();
        }
    }
    if (!m_codes.isEmpty())
        emit dataChanged(index(0, RequestedColumn), index(int(m_codes.size()) - 1, TimeLeftColumn),
                         {Qt::DisplayRole, Qt::ForegroundRole, Qt::ToolTipRole, SecondsLeftRole});
}
