#include "ApiKeysPage.h"

#include "services/models/ApiKeysFilterModel.h"
#include "ViewSelection.h"
#include "BulkResultDialog.h"

#include "AppContext.h"
#include "Dialogs.h"
#include "EditKeyDialog.h"
#include "MessageBanner.h"
#include "MintKeyDialog.h"
#include "RevealKeyDialog.h"
#include "RotateKeyDialog.h"
#include "TableColumns.h"
#include "Tones.h"
#include "UsageChart.h"
#include "services/UsageService.h"
#include "core/Duration.h"
#include "services/Services.h"
#include "services/models/ApiKeysModel.h"
#include "net/ConsoleApi.h"
#include "ui_ApiKeysPage.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>

#include <algorithm>

ApiKeysPage::ApiKeysPage(AppContext *context, QWidget *parent)
    : QWidget(parent),
      m_ui(std::make_unique<Ui::ApiKeysPage>()),
      m_context(context),
      m_model(new ApiKeysModel(context->services()->console(), this)),
      m_proxy(new ApiKeysFilterModel(this))
{
    m_ui->setupUi(this);
    m_banner = m_ui->banner;
    m_ownerFilter = m_ui->ownerFilter;
    m_ownerFilter->addItem(tr("All service users"), QString());
    m_textFilter = m_ui->keyTextFilter;
    m_count = m_ui->keyCount;
    m_mint = new QAction(tr("Mint key…"), this);
    m_mint->setObjectName(QStringLiteral("mintAction"));
    m_mint->setShortcut(QKeySequence::New);
    m_edit = new QAction(tr("Edit…"), this);
    m_edit->setObjectName(QStringLiteral("editAction"));
    m_edit->setShortcut(QKeySequence(Qt::Key_F2));
    m_edit->setToolTip(tr("Edit the selected key (F2, Enter or double-click)"));
    m_toggle = new QAction(tr("Disable"), this);
    m_toggle->setObjectName(QStringLiteral("toggleAction"));
    m_toggle->setShortcut(QKeySequence(QStringLiteral("Ctrl+E")));
    m_rotate = new QAction(tr("Rotate…"), this);
    m_rotate->setObjectName(QStringLiteral("rotateAction"));
    m_rotate->setShortcut(QKeySequence(QStringLiteral("Ctrl+R")));
    m_revoke = new QAction(tr("Revoke…"), this);
    m_revoke->setObjectName(QStringLiteral("revokeAction"));
    m_revoke->setShortcut(QKeySequence::Delete);
    m_usage = new QAction(tr("Usage…"), this);
    m_usage->setObjectName(QStringLiteral("usageAction"));
    m_usage->setShortcut(QKeySequence(QStringLiteral("Ctrl+U")));
    m_refresh = new QAction(tr("Refresh"), this);
    m_refresh->setObjectName(QStringLiteral("refreshAction"));
    m_refresh->setShortcut(QKeySequence::Refresh);
    for (QAction *a : {m_mint, m_edit, m_toggle, m_rotate, m_usage, m_revoke, m_refresh}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
    }
    m_ui->mintKeyButton->setDefaultAction(m_mint);
    m_ui->editKeyButton->setDefaultAction(m_edit);
    m_ui->toggleKeyButton->setDefaultAction(m_toggle);
    m_ui->rotateKeyButton->setDefaultAction(m_rotate);
    m_ui->revokeKeyButton->setDefaultAction(m_revoke);
    m_ui->usageKeyButton->setDefaultAction(m_usage);
    m_ui->refreshKeysButton->setDefaultAction(m_refresh);
    m_textFilter->setMinimumWidth(m_textFilter->fontMetrics().horizontalAdvance(m_textFilter->placeholderText()) + 40);

    m_proxy->setKeys(m_model);
    m_proxy->setSortRole(ApiKeysModel::SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_view = m_ui->keysView;
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(Tones::apiKeysDelegate(m_view));   // state colours from the model's StateRole
    m_view->setItemDelegateForColumn(ApiKeysModel::UsageColumn, new UsageSparklineDelegate(m_view));
    m_view->setColumnHidden(ApiKeysModel::UsageColumn, true);   // until the server says it counts
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ApiKeysModel::CreatedColumn, Qt::DescendingOrder);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    // What tells keys apart and whether they are in use stays in view; the counters and limits are one
    // right-click on the header away. The name gives way (elided, full text in its tooltip).
    TableColumns::Options columns;
    columns.hiddenByDefault = {ApiKeysModel::CreatedColumn, ApiKeysModel::RequestsColumn, ApiKeysModel::RemainingColumn,
                               ApiKeysModel::RateLimitColumn};
    columns.elastic = ApiKeysModel::NameColumn;
    new TableColumns(m_view, context->services()->settings(), QStringLiteral("apiKeys"), columns);
    auto updateCount = [this] { m_count->setText(tr("%1 of %2 loaded").arg(m_model->rowCount()).arg(m_model->total())); };
    connect(m_model, &QAbstractItemModel::rowsInserted, this, updateCount);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, updateCount);

    connect(m_view, &QTableView::customContextMenuRequested, this, [this](const QPoint &p) {
        QMenu menu(this);
        menu.addActions({m_mint, m_edit, m_toggle, m_rotate, m_usage, m_revoke});
        menu.addSeparator();
        menu.addAction(m_refresh);
        menu.exec(m_view->viewport()->mapToGlobal(p));   // a context menu is the one accepted exec()
    });
    connect(m_textFilter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_ownerFilter, qOverload<int>(&QComboBox::activated), this, [this] {
        m_model->setOwnerFilter(m_ownerFilter->currentData().toString());
    });
    connect(m_mint, &QAction::triggered, this, &ApiKeysPage::openMintDialog);
    connect(m_edit, &QAction::triggered, this, &ApiKeysPage::openEditDialog);
    connect(m_view, &QAbstractItemView::activated, this, &ApiKeysPage::openEditDialog);   // Enter, double-click
    connect(m_toggle, &QAction::triggered, this, &ApiKeysPage::toggleSelected);
    connect(m_rotate, &QAction::triggered, this, [this] { rotateSelected(-1); });
    connect(m_revoke, &QAction::triggered, this, &ApiKeysPage::revokeSelected);
    connect(m_usage, &QAction::triggered, this, &ApiKeysPage::openUsageDialog);
    connect(m_refresh, &QAction::triggered, this, &ApiKeysPage::reload);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ApiKeysPage::updateActions);
    installBulkActions(m_ui->actionsLayout);   // after updateActions: it may turn the one-key actions off again
    connect(m_model, &ApiKeysModel::pageLoaded, this, [this](int loaded, int total) {
        m_count->setText(tr("%1 of %2 loaded").arg(loaded).arg(total));
        updateActions();
    });
    connect(m_model, &ApiKeysModel::loadFailed, this, [this](const ApiError &e) {
        if (e.kind == ApiError::Kind::RateLimited) {
            m_banner->showError(e, tr("Retry"), [this] { reload(); }, {m_view});   // counts down, retry held
            return;
        }
        m_banner->showMessage(e.displayText(), MessageBanner::Type::Error);
        m_banner->setAction(tr("Retry"), [this] { reload(); });
    });
    connect(context->services()->session(), &Session::changed, this, [this] {
        if (m_context->services()->session()->isSignedIn() && isVisible())
            reload();
    });
    updateActions();
}

ApiKeysPage::~ApiKeysPage() = default;

QString ApiKeysPage::ownerName(const QString &userId) const
{
    for (const ServiceUser &u : m_owners)
        if (u.id == userId)
            return u.name;
    return userId;
}

void ApiKeysPage::reload()
{
    if (!m_context->services()->session()->isSignedIn()) {
        m_banner->showMessage(tr("Sign in to manage API keys."), MessageBanner::Type::Info);
        return;
    }
    m_banner->dismiss();
    ConsoleApi &api = *m_context->services()->console();
    // The list waits for /console/info: its pages ask for usage=7d only on a server that counts.
    api.info(this, [this](Result<ConsoleInfo> r) {
        m_available = r.ok() || r.error().serverCode != QLatin1String("CONSOLE_API_MISSING");
        if (r.ok())
            m_info = r.value();
        else if (!m_available)
            m_banner->showMessage(r.error().serverMessage, MessageBanner::Type::Warning);
        m_usageSupported = r.ok() && r.value().supportsKeyUsage();
        m_model->setUsage7d(m_usageSupported);
        if (TableColumns *columns = TableColumns::of(m_view); columns && m_usageSupported)
            m_view->setColumnHidden(ApiKeysModel::UsageColumn, !columns->isColumnVisible(ApiKeysModel::UsageColumn));
        else
            m_view->setColumnHidden(ApiKeysModel::UsageColumn, !m_usageSupported);
        // Hidden with its reason: the action says why it is off (its tooltip and the status tip).
        const QString why = m_usageSupported ? tr("The selected key's verifications over the last 30 days (Ctrl+U)")
                                             : UsageService::unsupportedMessage();
        m_usage->setToolTip(why);
        m_usage->setStatusTip(why);
        m_ui->usageKeyButton->setAccessibleDescription(why);
        m_model->refresh();
        updateActions();
    });
    api.listServiceUsers(1000, 0, {}, this, [this](Result<Page<ServiceUser>> r) {
        if (!r.ok())
            return;
        m_owners = r.value().items;
        const QString current = m_ownerFilter->currentData().toString();
        m_ownerFilter->clear();
        m_ownerFilter->addItem(tr("All service users"), QString());
        QHash<QString, QString> names;
        for (const ServiceUser &u : m_owners) {
            m_ownerFilter->addItem(u.name, u.id);
            names.insert(u.id, u.name);
        }
        m_ownerFilter->setCurrentIndex(std::max(0, m_ownerFilter->findData(current)));
        m_model->setOwnerNames(names);
        emit ownersLoaded();
    });
}

void ApiKeysPage::openUsageDialog()
{
    const int row = selectedRow();
    if (row < 0 || !m_usageSupported)
        return;
    auto *dlg = new KeyUsageDialog(m_context, m_model->key(row), this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->setObjectName(QStringLiteral("keyUsageDialog"));
    dlg->open();
}

int ApiKeysPage::selectedRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : m_proxy->mapToSource(rows.first()).row();
}

void ApiKeysPage::updateActions()
{
    const int row = selectedRow();
    const bool signedIn = m_context->services()->session()->isSignedIn();
    m_mint->setEnabled(signedIn && m_available);
    m_refresh->setEnabled(signedIn);
    for (QAction *a : {m_edit, m_toggle, m_rotate, m_revoke})
        a->setEnabled(signedIn && m_available && row >= 0);
    m_usage->setEnabled(signedIn && m_usageSupported && row >= 0);
    if (row >= 0)
        m_toggle->setText(m_model->key(row).enabled ? tr("Disable") : tr("Enable"));
}

void ApiKeysPage::openMintDialogFor(const QString &ownerId)
{
    const auto known = [this, ownerId] {
        return std::any_of(m_owners.cbegin(), m_owners.cend(), [&](const ServiceUser &u) { return u.id == ownerId; });
    };
    if (known()) {
        openMintDialogWithOwner(ownerId);
        return;
    }
    // Not loaded yet (a user created a moment ago): once, when the owners arrive.
    auto *once = new QObject(this);
    connect(this, &ApiKeysPage::ownersLoaded, once, [this, once, ownerId, known] {
        once->deleteLater();
        if (known())
            openMintDialogWithOwner(ownerId);
    });
    reload();
}

void ApiKeysPage::openMintDialog()
{
    openMintDialogWithOwner(m_ownerFilter->currentData().toString());
}

void ApiKeysPage::openMintDialogWithOwner(const QString &ownerId)
{
    if (!m_mint->isEnabled())
        return;
    auto *dlg = new MintKeyDialog(m_context, m_owners, ownerId, m_info, this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &MintKeyDialog::minted, this, [this](const MintedKey &m, const QString &owner) {
        m_model->upsert(m.apiKey);
        auto *reveal = new RevealKeyDialog(m_context, m, owner, this);
        reveal->setAttribute(Qt::WA_DeleteOnClose);
        reveal->open();
    });
    dlg->open();
}

void ApiKeysPage::toggleSelected()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    const ApiKey k = m_model->key(row);
    KeyFields f;
    f.enabled = !k.enabled;
    ConsoleApi &api = *m_context->services()->console();
    api.updateApiKey(k.id, f, this, [this](Result<ApiKey> r) {
        if (!r.ok()) {
            m_banner->showError(r.error());   // a 429 counts down its Retry-After
            return;
        }
        m_model->upsert(r.value());
        m_banner->showMessage(r.value().enabled ? tr("Enabled %1.").arg(r.value().name) : tr("Disabled %1: it is refused until enabled again.").arg(r.value().name),
                              MessageBanner::Type::Positive, 4000);
        updateActions();
    });
}

void ApiKeysPage::revokeSelected()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    const ApiKey k = m_model->key(row);
    Dialogs::confirm(this, tr("Revoke key"),
                     tr("Revoke the key <b>%1</b> (%2…) of <b>%3</b>? Every client using it is refused from now on; this "
                        "cannot be undone.").arg(k.name.toHtmlEscaped(), k.start.toHtmlEscaped(), ownerName(k.userId).toHtmlEscaped()),
                     tr("Revoke"), [this, k](bool yes) {
                         if (!yes)
                             return;
                         ConsoleApi &api = *m_context->services()->console();
                         api.deleteApiKey(k.id, this, [this, k](Result<Done> r) {
                             if (!r.ok()) {
                                 m_banner->showError(r.error());   // a 429 counts down its Retry-After
                                 return;
                             }
                             m_model->remove(k.id);
                             m_banner->showMessage(tr("Revoked %1.").arg(k.name), MessageBanner::Type::Positive, 4000);
                         });
                     }, QMessageBox::Warning);
}

void ApiKeysPage::openEditDialog()
{
    const int row = selectedRow();
    if (row < 0 || !m_edit->isEnabled())
        return;
    const ApiKey k = m_model->key(row);
    auto *dlg = new EditKeyDialog(m_context, k, ownerName(k.userId), m_info, this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &EditKeyDialog::updated, this, [this](const ApiKey &key) {
        m_model->upsert(key);
        m_banner->showMessage(tr("Saved %1.").arg(key.name), MessageBanner::Type::Positive, 4000);
        updateActions();
    });
    dlg->open();
}

void ApiKeysPage::rotateSelected(qint64 overlapSeconds)
{
    const int row = selectedRow();
    if (row < 0)
        return;
    const ApiKey k = m_model->key(row);
    auto *wizard = new RotateKeyDialog(m_context, k, ownerName(k.userId), this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &RotateKeyDialog::rotated, this, [this](const MintedKey &m) {
        m_model->upsert(m.apiKey);
        if (m.previous)
            m_model->upsert(*m.previous);
        updateActions();
    });
    connect(wizard, &RotateKeyDialog::previousRefreshed, m_model, &ApiKeysModel::upsert);
    connect(wizard, &RotateKeyDialog::previousRetired, m_model, &ApiKeysModel::remove);
    wizard->open();
    if (overlapSeconds >= 0) {
        wizard->setOverlapSeconds(overlapSeconds);
        wizard->rotate();
    }
}

// h-lifecycle: multi-selection and the bulk actions, kept in this one function (the page's layout is
// h-forms'). With several rows selected the one-key actions are off (they would act on the first row only).
void ApiKeysPage::installBulkActions(QBoxLayout *actionsRow)
{
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    auto *bulk = new QToolButton(this);
    bulk->setObjectName(QStringLiteral("bulkKeysButton"));
    bulk->setText(tr("Selected keys"));
    bulk->setToolTip(tr("Disable, enable or revoke every selected key (one confirmation, a result per key)"));
    bulk->setPopupMode(QToolButton::InstantPopup);
    bulk->setEnabled(false);
    auto *menu = new QMenu(bulk);
    const auto add = [this, menu](const QString &text, const char *name, LifecycleAction a) {
        QAction *act = menu->addAction(text, this, [this, a] { bulkSelected(int(a)); });
        act->setObjectName(QString::fromLatin1(name));
    };
    add(tr("Disable selected…"), "bulkDisableKeysAction", LifecycleAction::DisableKey);
    add(tr("Enable selected…"), "bulkEnableKeysAction", LifecycleAction::EnableKey);
    add(tr("Revoke selected…"), "bulkRevokeKeysAction", LifecycleAction::RevokeKey);
    bulk->setMenu(menu);
    actionsRow->insertWidget(actionsRow->count() - 1, bulk);   // before the row's stretch
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this, bulk] {
        const int n = int(m_view->selectionModel()->selectedRows().size());
        const bool can = m_context->services()->session()->isSignedIn() && m_available;
        bulk->setEnabled(can && n > 0);
        bulk->setText(n > 1 ? tr("Selected keys (%1)").arg(n) : tr("Selected keys"));
        if (n > 1)
            for (QAction *a : {m_edit, m_toggle, m_rotate, m_usage, m_revoke})
                a->setEnabled(false);
    });
}

void ApiKeysPage::bulkSelected(int action)
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<LifecycleTarget> targets;
    for (const QModelIndex &i : rows) {
        const ApiKey &k = m_model->key(m_proxy->mapToSource(i).row());
        targets << LifecycleTarget{k.id, tr("%1 of %2").arg(k.name, ownerName(k.userId)), -1, {}};
    }
    const auto a = LifecycleAction(action);
    ServiceUserOperations ops(m_context->services()->console());
    BulkResultDialog::confirmAndRun(this, a, targets, ops.operation(a), [this, a](const BulkRun &run) {
        m_banner->showMessage(ServiceUserOperations::outcomeLine(a, run), run.failedCount() ? MessageBanner::Type::Warning : MessageBanner::Type::Positive, 6000);
        reload();
    });
}

void ApiKeysPage::showOnly(ApiKeysFilterModel::Only only)
{
    // The dashboard's counts: the state filter loads every page (the server cannot filter by state).
    m_proxy->setOnly(only, QDateTime::currentDateTimeUtc());
    if (only == ApiKeysFilterModel::Only::All) {
        m_banner->dismiss();
        return;
    }
    const QString what = only == ApiKeysFilterModel::Only::ExpiringWithin7Days ? tr("keys expiring within 7 days")
                         : only == ApiKeysFilterModel::Only::Disabled          ? tr("disabled keys")
                                                                               : tr("keys never used");
    m_banner->showMessage(tr("Showing only %1 (every page of keys is loaded for it). Dismiss this to show all keys.").arg(what),
                          MessageBanner::Type::Info);
    connect(m_banner, &MessageBanner::dismissed, this, [this] { m_proxy->setOnly(ApiKeysFilterModel::Only::All, {}); },
            Qt::SingleShotConnection);
}
