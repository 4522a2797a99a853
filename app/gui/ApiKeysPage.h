#pragma once

#include "services/models/ApiKeysFilterModel.h"

#include "core/ConsoleTypes.h"

#include <QWidget>

#include <memory>
#include <optional>

namespace Ui { class ApiKeysPage; }

class AppContext;
class ApiKeysModel;
class MessageBanner;
class QComboBox;
class QLineEdit;
class QLabel;
class QTableView;
class QSortFilterProxyModel;
class QAction;
class QBoxLayout;

// Scoped API keys of service users: paged from the server, filtered by owner on the server and by text
// over the loaded rows, with mint, edit, enable/disable, rotate (a wizard that follows the previous key) and
// revoke.
class ApiKeysPage : public QWidget
{
    Q_OBJECT
public:
    explicit ApiKeysPage(AppContext *context, QWidget *parent = nullptr);
    ~ApiKeysPage() override;

    ApiKeysModel *model() const { return m_model; }
    MessageBanner *banner() const { return m_banner; }
    QTableView *view() const { return m_view; }
    void reload();
    void openMintDialog();
    // The mint dialog for that owner, once the owners are loaded (at once if they are).
    void openMintDialogFor(const QString &ownerId);
    void openEditDialog();   // the selected key
    void revokeSelected();
    void toggleSelected();
    // Opens the rotate wizard for the selected key; with overlapSeconds >= 0 that overlap is preselected
    // and the rotate starts at once.
    void rotateSelected(qint64 overlapSeconds = -1);
    // h-usage2: the selected key's last 30 days in a chart (a server that counts usage only).
    void openUsageDialog();
    bool usageSupported() const { return m_usageSupported; }
    const QList<ServiceUser> &owners() const { return m_owners; }
    // Issue 13 item 2 (h-lifecycle): several keys at once; one confirmation, a result row per key.
    void bulkSelected(int action);   // a LifecycleAction: DisableKey, EnableKey or RevokeKey
    // Only keys in one state (the dashboard's counts); All shows every key again.
    void showOnly(ApiKeysFilterModel::Only only);
    ApiKeysFilterModel *filterModel() const { return m_proxy; }

signals:
    void ownersLoaded();

private:
    void installBulkActions(QBoxLayout *actionsRow);
    void openMintDialogWithOwner(const QString &ownerId);
    int selectedRow() const;
    void updateActions();
    QString ownerName(const QString &userId) const;

    std::unique_ptr<Ui::ApiKeysPage> m_ui;
    AppContext *m_context;
    ApiKeysModel *m_model;
    ApiKeysFilterModel *m_proxy;
    MessageBanner *m_banner;
    QComboBox *m_ownerFilter;
    QLineEdit *m_textFilter;
    QLabel *m_count;
    QTableView *m_view;
    QAction *m_mint;
    QAction *m_edit;
    QAction *m_toggle;
    QAction *m_rotate;
    QAction *m_revoke;
    QAction *m_usage = nullptr;
    bool m_usageSupported = false;
    QAction *m_refresh;
    QList<ServiceUser> m_owners;
    std::optional<ConsoleInfo> m_info;
    bool m_available = true;
};
