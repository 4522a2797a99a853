#pragma once

#include "core/AuditTypes.h"

#include <QAbstractTableModel>
#include <QSet>
#include <QList>

// The audit entries the Audit page lists (GET /console/audit, newest first), as loaded so far: pages are
// appended, a live `audit` event goes on top. An entry is listed once however it arrives (by id). Memory is
// bounded: at most maxRows() rows; a live entry arriving when full drops the oldest row (and the model
// says so: truncatedTail(), after which a later page would no longer continue the rows shown).
class AuditModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, ActorColumn, ActionColumn, TargetColumn, OutcomeColumn, AddressColumn,
                  CredentialColumn, ColumnCount };
    // SortRole: timestamps as QDateTime, status as a number, text case-folded. SuccessRole: the GUI
    // draws failures in its negative tone (the Outcome column says it in words too).
    enum Role { EntryIdRole = Qt::UserRole + 1, SuccessRole, SortRole };

    static constexpr int kDefaultMaxRows = 20000;
    explicit AuditModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int maxRows() const { return m_maxRows; }
    void setMaxRows(int n);                            // >= 1; rows above it are dropped from the end
    int append(const QList<AuditEntry> &entries);      // rows added (listed ones skipped; stops at maxRows)
    bool prepend(const AuditEntry &entry);             // false when already listed (or without an id)
    void clear();
    bool isFull() const { return m_entries.size() >= m_maxRows; }
    bool truncatedTail() const { return m_truncatedTail; }

    const AuditEntry &entry(int row) const { return m_entries.at(row); }
    int rowOf(const QString &id) const;                // -1 if absent

    static QString outcomeText(const AuditEntry &e);   // "success", "failure (403 FORBIDDEN)"
    static QString credentialText(const AuditEntry &e);   // "session 5f…", "api-key k_1", "none"

private:
    QString cellText(const AuditEntry &e, int column) const;
    void dropTail(int keep);

    QList<AuditEntry> m_entries;
    QSet<QString> m_ids;     // the ids listed (rows are found by a scan, only on lookups)
    int m_maxRows = kDefaultMaxRows;
    bool m_truncatedTail = false;
};
