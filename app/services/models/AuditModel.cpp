#include "AuditModel.h"

#include "core/Duration.h"

#include <algorithm>

namespace {
// Server text on one line: control characters (a newline in a user agent) shown as spaces.
QString oneLine(const QString &s)
{
    QString t = s;
    for (QChar &c : t)
        if (c.category() == QChar::Other_Control || c == QChar(0x2028) || c == QChar(0x2029))
            c = QLatin1Char(' ');
    return t;
}
QString orDash(const QString &s)
{
    return s.isEmpty() ? QStringLiteral("—") : oneLine(s);
}
} // namespace

AuditModel::AuditModel(QObject *parent) : QAbstractTableModel(parent) {}

int AuditModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AuditModel::outcomeText(const AuditEntry &e)
{
    if (e.success)
        return tr("success");
    return e.errorCode.isEmpty() ? tr("failure (%1)").arg(e.status)
                                 : tr("failure (%1 %2)").arg(e.status).arg(oneLine(e.errorCode));
}

QString AuditModel::credentialText(const AuditEntry &e)
{
    if (e.credentialId.isEmpty())
        return oneLine(e.credentialKind);
    return oneLine(e.credentialKind) + QLatin1Char(' ') + oneLine(e.credentialId);
}

QString AuditModel::cellText(const AuditEntry &e, int column) const
{
    switch (column) {
    case TimeColumn: return formatLocalTime(e.at, true);
    case ActorColumn: return oneLine(e.actorText());
    case ActionColumn: return oneLine(e.action);
    case TargetColumn: return orDash(e.target);
    case OutcomeColumn: return outcomeText(e);
    case AddressColumn: return orDash(e.ipAddress);
    case CredentialColumn: return credentialText(e);
    }
    return {};
}

QVariant AuditModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.parent().isValid() || index.row() >= m_entries.size() || index.column() >= ColumnCount)
        return {};
    const AuditEntry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return cellText(e, index.column());
    case EntryIdRole:
        return e.id;
    case SuccessRole:
        return e.success;
    case SortRole:
        switch (index.column()) {
        case TimeColumn: return e.at;
        case OutcomeColumn: return e.success ? 0 : e.status;
        default: return cellText(e, index.column()).toCaseFolded();
        }
    }
    return {};
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn: return tr("Time");
    case ActorColumn: return tr("Actor");
    case ActionColumn: return tr("Action");
    case TargetColumn: return tr("Target");
    case OutcomeColumn: return tr("Outcome");
    case AddressColumn: return tr("Address");
    case CredentialColumn: return tr("Credential");
    }
    return {};
}

int AuditModel::rowOf(const QString &id) const
{
    if (id.isEmpty() || !m_ids.contains(id))
        return -1;
    for (int i = 0; i < m_entries.size(); ++i)
        if (m_entries.at(i).id == id)
            return i;
    return -1;
}

void AuditModel::dropTail(int keep)
{
    if (m_entries.size() <= keep)
        return;
    beginRemoveRows({}, keep, int(m_entries.size()) - 1);
    for (int i = keep; i < m_entries.size(); ++i)
        m_ids.remove(m_entries.at(i).id);
    m_entries.erase(m_entries.begin() + keep, m_entries.end());
    endRemoveRows();
    m_truncatedTail = true;
}

void AuditModel::setMaxRows(int n)
{
    m_maxRows = std::max(1, n);
    dropTail(m_maxRows);
}

int AuditModel::append(const QList<AuditEntry> &entries)
{
    QList<AuditEntry> fresh;
    QSet<QString> seen;
    for (const AuditEntry &e : entries) {
        if (m_entries.size() + fresh.size() >= m_maxRows)
            break;
        if (e.id.isEmpty() || seen.contains(e.id) || m_ids.contains(e.id))
            continue;
        seen.insert(e.id);
        fresh << e;
    }
    if (fresh.isEmpty())
        return 0;
    const int first = int(m_entries.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    for (const AuditEntry &e : std::as_const(fresh))
        m_ids.insert(e.id);
    m_entries << fresh;
    endInsertRows();
    return int(fresh.size());
}

bool AuditModel::prepend(const AuditEntry &entry)
{
    if (entry.id.isEmpty() || m_ids.contains(entry.id))
        return false;
    if (m_entries.size() >= m_maxRows)
        dropTail(m_maxRows - 1);
    beginInsertRows({}, 0, 0);
    m_entries.prepend(entry);
    m_ids.insert(entry.id);
    endInsertRows();
    return true;
}

void AuditModel::clear()
{
    m_truncatedTail = false;
    if (m_entries.isEmpty())
        return;
    beginResetModel();
    m_entries.clear();
    m_ids.clear();
    endResetModel();
}
