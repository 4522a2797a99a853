#include "ServiceUsersModel.h"

#include "core/Duration.h"

#include <QSet>

ServiceUsersModel::ServiceUsersModel(QObject *parent) : QAbstractTableModel(parent) {}

int ServiceUsersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

int ServiceUsersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ServiceUsersModel::cellText(const ServiceUser &u, int column) const
{
    switch (column) {
    case NameColumn: return u.name;
    case EmailColumn: return u.email;
    case IdColumn: return u.id;
    case KeysColumn: return QString::number(u.apiKeyCount);
    case StateColumn: return u.banned ? tr("banned") : tr("active");
    case CreatedColumn: return formatLocalTime(u.createdAt);
    }
    return {};
}

QVariant ServiceUsersModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.parent().isValid() || index.row() >= m_users.size() || index.column() >= ColumnCount)
        return {};
    const ServiceUser &u = m_users.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return cellText(u, index.column());
    case Qt::ToolTipRole:
        if (index.column() == IdColumn)
            return tr("Double-click to select; Ctrl+C or \"Copy id\" copies it");
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == KeysColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case UserIdRole:
        return u.id;
    case BannedRole:
        return u.banned;
    case MonospaceRole:
        return index.column() == IdColumn;
    case SortRole:
        switch (index.column()) {
        case KeysColumn: return u.apiKeyCount;
        case CreatedColumn: return u.createdAt;
        default: return cellText(u, index.column()).toCaseFolded();
        }
    }
    return {};
}

Qt::ItemFlags ServiceUsersModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    // The id opens in a read-only editor on double-click (to select part of it); nothing is ever written back.
    if (index.isValid() && index.column() == IdColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant ServiceUsersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn: return tr("Name");
    case EmailColumn: return tr("Email");
    case IdColumn: return tr("Id");
    case KeysColumn: return tr("Keys");
    case StateColumn: return tr("State");
    case CreatedColumn: return tr("Created");
    }
    return {};
}

int ServiceUsersModel::rowOf(const QString &userId) const
{
    if (userId.isEmpty())
        return -1;
    for (int i = 0; i < m_users.size(); ++i)
        if (m_users.at(i).id == userId)
            return i;
    return -1;
}

int ServiceUsersModel::append(const QList<ServiceUser> &users)
{
    QList<ServiceUser> fresh;
    QSet<QString> seen;
    for (const ServiceUser &u : users) {
        if (u.id.isEmpty() || seen.contains(u.id) || rowOf(u.id) >= 0)
            continue;
        seen.insert(u.id);
        fresh << u;
    }
    if (fresh.isEmpty())
        return 0;
    const int first = int(m_users.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    m_users << fresh;
    endInsertRows();
    return int(fresh.size());
}

void ServiceUsersModel::clear()
{
    if (m_users.isEmpty())
        return;
    beginResetModel();
    m_users.clear();
    endResetModel();
}
