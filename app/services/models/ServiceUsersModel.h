#pragma once

#include "core/ConsoleTypes.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

// The service users the Service users page lists (GET /console/service-users), as loaded so far: pages
// are appended in the server's order (the search is the server's); a user is listed once.
class ServiceUsersModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, EmailColumn, IdColumn, KeysColumn, StateColumn, CreatedColumn, ColumnCount };
    // SortRole: what a column sorts by (key count as a number, created as QDateTime, text case-folded).
    // MonospaceRole: the cell is an identifier (the GUI draws it in the fixed font).
    enum Role { UserIdRole = Qt::UserRole + 1, BannedRole, SortRole, MonospaceRole };

    explicit ServiceUsersModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    int append(const QList<ServiceUser> &users);   // rows added (already listed ones are skipped)
    void clear();

    const ServiceUser &user(int row) const { return m_users.at(row); }
    int rowOf(const QString &userId) const;          // -1 if absent

private:
    QString cellText(const ServiceUser &u, int column) const;

    QList<ServiceUser> m_users;
};
