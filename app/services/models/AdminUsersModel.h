#pragma once

#include "core/AdminTypes.h"

#include <QAbstractTableModel>
#include <QList>

// Every user as better-auth's admin plugin lists them (GET /admin/list-users), as loaded so far: pages in
// the server's order (newest first; the search is the server's); a user is listed once. The Users page
// binds to it; the GUI side turns BannedRole into a colour.
class AdminUsersModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { EmailColumn, NameColumn, RoleColumn, StateColumn, CreatedColumn, IdColumn, ColumnCount };
    enum Role { UserIdRole = Qt::UserRole + 1, BannedRole };

    explicit AdminUsersModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int append(const QList<AdminUser> &users);   // rows added (already listed ones are skipped)
    bool replace(const AdminUser &user);          // the row of user.id, updated (after ban, unban, set role)
    void clear();

    const AdminUser &user(int row) const { return m_users.at(row); }
    int rowOf(const QString &userId) const;       // -1 if absent

private:
    QString cellText(const AdminUser &u, int column) const;

    QList<AdminUser> m_users;
};
