#include "AdminUsersModel.h"

#include "core/Duration.h"

#include <QSet>

AdminUsersModel::AdminUsersModel(QObject *parent) : QAbstractTableModel(parent) {}

int AdminUsersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

int AdminUsersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AdminUsersModel::cellText(const AdminUser &u, int column) const
{
    switch (column) {
    case EmailColumn: return u.email;
    case NameColumn: return u.name;
    case RoleColumn: return u.roles().join(QStringLiteral(", "));
    case StateColumn:
        if (!u.banned)
            return tr("active");
        return u.banExpires.isValid() ? tr("banned until %1").arg(formatLocalTime(u.banExpires)) : tr("banned");
    case CreatedColumn: return formatLocalTime(u.createdAt);
    case IdColumn: return u.id;
    }
    return {};
}

QVariant AdminUsersModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.parent().isValid() || index.row() >= m_users.size() || index.column() >= ColumnCount)
        return {};
    const AdminUser &u = m_users.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return cellText(u, index.column());
    case Qt::ToolTipRole:
        // The server's text, shown as plain text by the view (a tooltip would render markup).
        if (index.column() == StateColumn && u.banned && !u.banReason.isEmpty())
            return tr("Reason: %1").arg(u.banReason.toHtmlEscaped());
        return {};
    case UserIdRole:
        return u.id;
    case BannedRole:
        return u.banned;
    }
    return {};
}

QVariant AdminUsersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case EmailColumn: return tr("Email");
    case NameColumn: return tr("Name");
    case RoleColumn: return tr("Roles");
    case StateColumn: return tr("State");
    case CreatedColumn: return tr("Created");
    case IdColumn: return tr("Id");
    }
    return {};
}

int AdminUsersModel::rowOf(const QString &userId) const
{
    for (int i = 0; i < m_users.size(); ++i)
        if (m_users.at(i).id == userId)
            return i;
    return -1;
}

int AdminUsersModel::append(const QList<AdminUser> &users)
{
    QList<AdminUser> fresh;
    QSet<QString> seen;
    for (const AdminUser &u : users) {
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

bool AdminUsersModel::replace(const AdminUser &user)
{
    const int row = rowOf(user.id);
    if (row < 0)
        return false;
    m_users[row] = user;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    return true;
}

void AdminUsersModel::clear()
{
    if (m_users.isEmpty())
        return;
    beginResetModel();
    m_users.clear();
    endResetModel();
}
