#pragma once

#include "services/ServiceUserOperations.h"

#include <QWidget>

#include <memory>

class AppContext;
class MessageBanner;
class QSortFilterProxyModel;
class QTableView;
class ServiceUsersModel;
namespace Ui { class ServiceUsersPage; }

// Service users (role "service": no password, they own API keys): paged list with search (the server's),
// sortable by column over the rows loaded so far, and create. Layout: ui/ServiceUsersPage.ui.
class ServiceUsersPage : public QWidget
{
    Q_OBJECT
public:
    explicit ServiceUsersPage(AppContext *context, QWidget *parent = nullptr);
    ~ServiceUsersPage() override;
    void reload();
    void loadMore();
    void create(const QString &name, const QString &email);
    MessageBanner *banner() const;
    QTableView *table() const;
    ServiceUsersModel *model() const { return m_model; }
    // Columns as the view shows them (the model's).
    enum Column { NameColumn, EmailColumn, IdColumn, KeysColumn, StateColumn, CreatedColumn };
    QString selectedUserId() const;
    QStringList selectedUserIds() const;
    bool lifecycleAvailable() const { return m_lifecycle; }   // false on a server without service-users.lifecycle   // every selected row, in the view's order
    // Issue 13 item 1: the lifecycle of the selected users (through ServiceUserOperations and BulkRun; one
    // confirmation, then a result row per user). Rename takes one user.
    void renameSelected();
    void disableSelected();
    void enableSelected();
    void deleteSelected();   // counts each user's keys first: "This deletes N keys"
    // The id the CLI's `--user ID` wants: to the clipboard (plainly; an id is not a secret).
    void copySelectedId();

signals:
    void usersChanged();
    // "Mint a key…" after creating a user: open the mint dialog for that owner.
    void mintKeyRequested(const QString &ownerId);

private:
    void openCreateDialog();
    void updateActions();
    QList<LifecycleTarget> selectedTargets() const;
    void runOnSelected(LifecycleAction action);
    void afterBulk(LifecycleAction action, const BulkRun &run);
    void updateCount();

    std::unique_ptr<Ui::ServiceUsersPage> m_ui;
    AppContext *m_context;
    ServiceUsersModel *m_model;
    QSortFilterProxyModel *m_proxy;
    int m_total = 0;
    bool m_lifecycle = true;   // until /console/info tells otherwise (an error keeps the actions: the server says)
    int m_generation = 0;
};
