#include "UserSessionsModel.h"

#include "core/Duration.h"

#include <QSet>

UserSessionsModel::UserSessionsModel(QObject *parent) : QAbstractTableModel(parent) {}

int UserSessionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_sessions.size());
}

int UserSessionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString UserSessionsModel::orDash(const QString &s)
{
    return s.isEmpty() ? QStringLiteral("—") : s;
}

QString UserSessionsModel::cellText(const UserSession &s, int column) const
{
    switch (column) {
    case UserColumn:
        return s.userEmail + (!m_own.isEmpty() && s.id == m_own ? tr("  (this console)") : QString());
    case NameColumn: return s.userName;
    case CreatedColumn: return formatLocalTime(s.createdAt);
    case ExpiresColumn: return formatLocalTime(s.expiresAt);
    case IpColumn: return orDash(s.ipAddress);
    case ImpersonatedByColumn: return orDash(s.impersonatedBy);
    case UserAgentColumn: return orDash(s.userAgent);
    }
    return {};
}

QVariant UserSessionsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.parent().isValid() || index.row() >= m_sessions.size() || index.column() >= ColumnCount)
        return {};
    const UserSession &s = m_sessions.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return cellText(s, index.column());
    case SessionIdRole:
        return s.id;
    case OwnSessionRole:
        return !m_own.isEmpty() && s.id == m_own;
    case SortRole:
        switch (index.column()) {
        case CreatedColumn: return s.createdAt;
        case ExpiresColumn: return s.expiresAt;
        default: return cellText(s, index.column()).toCaseFolded();
        }
    }
    return {};
}

QVariant UserSessionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case UserColumn: return tr("User");
    case NameColumn: return tr("Name");
    case CreatedColumn: return tr("Created");
    case ExpiresColumn: return tr("Expires");
    case IpColumn: return tr("IP");
    case ImpersonatedByColumn: return tr("Impersonated by");
    case UserAgentColumn: return tr("User agent");
    }
    return {};
}

void UserSessionsModel::setOwnSessionId(const QString &id)
{
    if (id == m_own)
        return;
    const int before = rowOf(m_own);
    m_own = id;
    const int after = rowOf(m_own);
    for (const int row : {before, after})
        if (row >= 0)
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int UserSessionsModel::rowOf(const QString &sessionId) const
{
    if (sessionId.isEmpty())
        return -1;
    for (int i = 0; i < m_sessions.size(); ++i)
        if (m_sessions.at(i).id == sessionId)
            return i;
    return -1;
}

int UserSessionsModel::append(const QList<UserSession> &sessions)
{
    QList<UserSession> fresh;
    QSet<QString> seen;
    for (const UserSession &s : sessions) {
        if (s.id.isEmpty() || seen.contains(s.id) || rowOf(s.id) >= 0)
            continue;
        seen.insert(s.id);
        fresh << s;
    }
    if (fresh.isEmpty())
        return 0;
    const int first = int(m_sessions.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    m_sessions << fresh;
    endInsertRows();
    return int(fresh.size());
}

bool UserSessionsModel::prepend(const UserSession &session)
{
    if (session.id.isEmpty() || rowOf(session.id) >= 0)
        return false;
    beginInsertRows({}, 0, 0);
    m_sessions.prepend(session);
    endInsertRows();
    return true;
}

bool UserSessionsModel::remove(const QString &sessionId)
{
    const int row = rowOf(sessionId);
    if (row < 0)
        return false;
    beginRemoveRows({}, row, row);
    m_sessions.removeAt(row);
    endRemoveRows();
    return true;
}

void UserSessionsModel::clear()
{
    if (m_sessions.isEmpty())
        return;
    beginResetModel();
    m_sessions.clear();
    endResetModel();
}
