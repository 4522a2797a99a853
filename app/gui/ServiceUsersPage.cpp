#include "ServiceUsersPage.h"
#include "ui_CreateServiceUserDialog.h"
#include "ui_ServiceUsersPage.h"

#include "AppContext.h"
#include "BulkResultDialog.h"
#include "Clipboard.h"
#include "MessageBanner.h"
#include "TableColumns.h"
#include "Tones.h"
#include "ViewSelection.h"
#include "net/ConsoleApi.h"
#include "services/Services.h"
#include "services/models/ServiceUsersModel.h"

#include <QAction>
#include <QDialog>
#include <QFontDatabase>
#include <QInputDialog>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTimer>

#include <algorithm>
#include <utility>

static_assert(int(ServiceUsersPage::IdColumn) == int(ServiceUsersModel::IdColumn)
              && int(ServiceUsersPage::CreatedColumn) == int(ServiceUsersModel::CreatedColumn));

namespace {
// Double-click on an id opens it in a read-only field, so part of it can be selected and copied.
class ReadOnlyTextDelegate : public ToneDelegate
{
public:
    ReadOnlyTextDelegate(Styler styler, QObject *parent) : ToneDelegate(std::move(styler), parent) {}
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        auto *edit = new QLineEdit(parent);
        edit->setReadOnly(true);
        edit->setFrame(false);
        edit->setFont(fontFor(index, option.font));
        edit->setAccessibleName(ServiceUsersPage::tr("Service user id"));
        return edit;
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        auto *edit = static_cast<QLineEdit *>(editor);
        edit->setText(index.data(Qt::DisplayRole).toString());
        edit->selectAll();
    }
    void setModelData(QWidget *, QAbstractItemModel *, const QModelIndex &) const override {}
};
} // namespace

ServiceUsersPage::ServiceUsersPage(AppContext *context, QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::ServiceUsersPage>()), m_context(context),
      m_model(new ServiceUsersModel(this)), m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("serviceUsersPage"));
    m_ui->setupUi(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ServiceUsersModel::SortRole);
    QTableView *table = m_ui->usersTable;
    table->setModel(m_proxy);
    table->horizontalHeader()->setSortIndicatorShown(true);
    table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);   // the server's order until a header is clicked
    table->horizontalHeader()->setToolTip(tr("Sorts the users loaded so far; the search runs on the server"));
    // The id (MonospaceRole) in the fixed font, elided in the middle: its start and end tell ids apart.
    auto *delegate = new ReadOnlyTextDelegate(Tones::serviceUsersStyler(QFontDatabase::systemFont(QFontDatabase::FixedFont)), table);
    table->setItemDelegate(delegate);
    // The id gives way (elided in the middle; Copy id copies it whole); State and Created stay in view.
    TableColumns::Options columns;
    columns.elastic = IdColumn;
    columns.elasticShare = 20;
    new TableColumns(table, context->services()->settings(), QStringLiteral("serviceUsers"), columns);

    auto *copyAction = new QAction(tr("Copy id"), table);
    copyAction->setObjectName(QStringLiteral("copyUserIdAction"));
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetShortcut);
    table->addAction(copyAction);
    connect(copyAction, &QAction::triggered, this, &ServiceUsersPage::copySelectedId);
    connect(m_ui->copyUserIdButton, &QPushButton::clicked, this, &ServiceUsersPage::copySelectedId);
    connect(table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ServiceUsersPage::updateActions);
    connect(m_ui->renameUserButton, &QPushButton::clicked, this, &ServiceUsersPage::renameSelected);
    connect(m_ui->disableUserButton, &QPushButton::clicked, this, &ServiceUsersPage::disableSelected);
    connect(m_ui->enableUserButton, &QPushButton::clicked, this, &ServiceUsersPage::enableSelected);
    connect(m_ui->deleteUserButton, &QPushButton::clicked, this, &ServiceUsersPage::deleteSelected);
    connect(table, &QWidget::customContextMenuRequested, this, [this, table, copyAction](const QPoint &pos) {
        const QModelIndex at = table->indexAt(pos);
        if (!at.isValid())
            return;
        if (!table->selectionModel()->isRowSelected(at.row(), at.parent()))
            table->selectRow(at.row());   // a click inside the selection keeps it (the actions apply to all of it)
        auto *menu = new QMenu(table);
        menu->setObjectName(QStringLiteral("usersContextMenu"));
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->addAction(copyAction);
        menu->popup(table->viewport()->mapToGlobal(pos));
    });
    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(250);
    connect(m_ui->userSearch, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, &ServiceUsersPage::reload);
    connect(m_ui->loadMoreButton, &QPushButton::clicked, this, &ServiceUsersPage::loadMore);
    connect(m_ui->newServiceUserButton, &QPushButton::clicked, this, &ServiceUsersPage::openCreateDialog);
}

ServiceUsersPage::~ServiceUsersPage() = default;

MessageBanner *ServiceUsersPage::banner() const
{
    return m_ui->banner;
}

QTableView *ServiceUsersPage::table() const
{
    return m_ui->usersTable;
}

void ServiceUsersPage::openCreateDialog()
{
    auto *dlg = new QDialog(this);
    auto form = std::make_shared<Ui::CreateServiceUserDialog>();
    form->setupUi(dlg);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *ok = form->buttonBox->addButton(tr("&Create"), QDialogButtonBox::AcceptRole);
    ok->setObjectName(QStringLiteral("createServiceUserButton"));
    ok->setDefault(true);
    ok->setEnabled(false);
    connect(form->serviceUserName, &QLineEdit::textChanged, ok, [ok](const QString &t) { ok->setEnabled(!t.trimmed().isEmpty()); });
    form->serviceUserName->setFocus();
    connect(form->buttonBox, &QDialogButtonBox::accepted, dlg, &QDialog::accept);
    connect(form->buttonBox, &QDialogButtonBox::rejected, dlg, &QDialog::reject);
    connect(dlg, &QDialog::accepted, this, [this, form] {
        create(form->serviceUserName->text().trimmed(), form->serviceUserEmail->text().trimmed());
    });
    dlg->open();
}

void ServiceUsersPage::reload()
{
    if (m_context->services()->session()->isSignedIn()) {
        // A v1 server lists and creates, but has no rename/disable/enable/delete: hidden, with the reason.
        m_context->services()->console()->info(this, [this](Result<ConsoleInfo> r) {
            m_lifecycle = !r.ok() || ServiceUserOperations::supportsLifecycle(r.value());
            updateActions();
        });
    }
    ++m_generation;
    m_model->clear();
    m_total = 0;
    loadMore();
}

void ServiceUsersPage::updateCount()
{
    m_total = std::max(m_total, m_model->rowCount());
    m_ui->userCount->setText(tr("%1 of %2").arg(m_model->rowCount()).arg(m_total));
    m_ui->loadMoreButton->setVisible(m_model->rowCount() < m_total);
}

void ServiceUsersPage::loadMore()
{
    if (!m_context->services()->session()->isSignedIn()) {
        banner()->showMessage(tr("Sign in to manage service users."), MessageBanner::Type::Info);
        return;
    }
    const int gen = m_generation;
    ConsoleApi &api = *m_context->services()->console();
    api.listServiceUsers(100, m_model->rowCount(), m_ui->userSearch->text().trimmed(), this, [this, gen](Result<Page<ServiceUser>> r) {
        if (gen != m_generation)
            return;
        if (!r.ok()) {
            banner()->showMessage(r.error().displayText(), MessageBanner::Type::Error);
            return;
        }
        m_total = r.value().total;
        m_model->append(r.value().items);
        updateCount();
    });
}

void ServiceUsersPage::create(const QString &name, const QString &email)
{
    ConsoleApi &api = *m_context->services()->console();
    api.createServiceUser(name, email, this, [this](Result<ServiceUser> r) {
        if (!r.ok()) {
            banner()->showMessage(r.error().userMessage(), MessageBanner::Type::Error);
            return;
        }
        const ServiceUser u = r.value();
        banner()->showMessage(tr("Created %1 <%2>.").arg(u.name, u.email), MessageBanner::Type::Positive, 12000);
        banner()->setAction(tr("Mint a key…"), [this, id = u.id] { emit mintKeyRequested(id); });
        reload();
        emit usersChanged();
    });
}

QString ServiceUsersPage::selectedUserId() const
{
    QTableView *t = table();
    const QModelIndex current = t->currentIndex();
    if (!current.isValid() || t->selectionModel()->selectedRows().isEmpty())
        return {};
    return current.siblingAtColumn(NameColumn).data(ServiceUsersModel::UserIdRole).toString();
}

void ServiceUsersPage::copySelectedId()
{
    const QString id = selectedUserId();
    if (id.isEmpty())
        return;
    m_context->clipboard()->copyText(id);
    const QString name = table()->currentIndex().siblingAtColumn(NameColumn).data().toString();
    banner()->showMessage(tr("Copied the id of %1: %2").arg(name, id), MessageBanner::Type::Positive, 4000);
}

QStringList ServiceUsersPage::selectedUserIds() const
{
    QStringList out;
    for (const LifecycleTarget &t : selectedTargets())
        out << t.id;
    return out;
}

QList<LifecycleTarget> ServiceUsersPage::selectedTargets() const
{
    QModelIndexList rows = table()->selectionModel()->selectedRows(NameColumn);
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<LifecycleTarget> out;
    for (const QModelIndex &i : rows)
        out << LifecycleTarget{i.data(ServiceUsersModel::UserIdRole).toString(), i.data(Qt::DisplayRole).toString(),
                               i.siblingAtColumn(KeysColumn).data(Qt::DisplayRole).toInt(), {}};
    return out;
}

void ServiceUsersPage::updateActions()
{
    const int n = int(table()->selectionModel()->selectedRows().size());
    const bool signedIn = m_context->services()->session()->isSignedIn();
    m_ui->copyUserIdButton->setEnabled(!selectedUserId().isEmpty());
    m_ui->renameUserButton->setEnabled(signedIn && n == 1);
    for (QPushButton *b : {m_ui->disableUserButton, m_ui->enableUserButton, m_ui->deleteUserButton})
        b->setEnabled(signedIn && n > 0);
    for (QPushButton *b : {m_ui->renameUserButton, m_ui->disableUserButton, m_ui->enableUserButton, m_ui->deleteUserButton})
        b->setVisible(m_lifecycle);
    m_ui->lifecycleUnsupportedLabel->setText(m_lifecycle ? QString() : ServiceUserOperations::lifecycleUnsupportedMessage());
    m_ui->lifecycleUnsupportedLabel->setVisible(!m_lifecycle);
}

void ServiceUsersPage::renameSelected()
{
    const QList<LifecycleTarget> targets = selectedTargets();
    if (targets.size() != 1)
        return;
    const LifecycleTarget t = targets.first();
    auto *dlg = new QInputDialog(this);
    dlg->setObjectName(QStringLiteral("renameUserDialog"));
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->setWindowTitle(tr("Rename service user"));
    // The name and id are the server's text: escaped into the label's rich text, never read as markup.
    dlg->setLabelText(QStringLiteral("<p>%1</p>").arg(tr("New name for %1 (id %2), 1 to %3 characters:")
                                                         .arg(t.label, t.id).arg(ServiceUserOperations::kMaxNameLength)
                                                         .toHtmlEscaped()));
    dlg->setTextValue(t.label);
    dlg->setOkButtonText(tr("&Rename"));
    connect(dlg, &QInputDialog::textValueSelected, this, [this, id = t.id](const QString &name) {
        if (const QString why = ServiceUserOperations::nameProblem(name); !why.isEmpty()) {
            banner()->showMessage(tr("Not renamed: %1.").arg(why), MessageBanner::Type::Error);
            return;
        }
        ServiceUserOperations ops(m_context->services()->console());
        ops.rename(id, name, this, [this](Result<ServiceUser> r) {
            if (!r.ok()) {
                banner()->showMessage(ServiceUserOperations::rowError(r.error()), MessageBanner::Type::Error);
                return;
            }
            banner()->showMessage(tr("Renamed to %1.").arg(r.value().name), MessageBanner::Type::Positive, 6000);
            reload();
            emit usersChanged();
        });
    });
    dlg->open();
}

void ServiceUsersPage::runOnSelected(LifecycleAction action)
{
    const QList<LifecycleTarget> targets = selectedTargets();
    ServiceUserOperations ops(m_context->services()->console());
    BulkResultDialog::confirmAndRun(this, action, targets, ops.operation(action), [this, action](const BulkRun &run) { afterBulk(action, run); });
}

void ServiceUsersPage::disableSelected()
{
    runOnSelected(LifecycleAction::DisableUser);
}

void ServiceUsersPage::enableSelected()
{
    runOnSelected(LifecycleAction::EnableUser);
}

void ServiceUsersPage::deleteSelected()
{
    QList<LifecycleTarget> targets = selectedTargets();
    if (targets.isEmpty())
        return;
    for (LifecycleTarget &t : targets)
        t.keys = -1;   // counted on the server now, not taken from a list that may be old
    auto ops = std::make_shared<ServiceUserOperations>(m_context->services()->console());
    m_ui->deleteUserButton->setEnabled(false);
    ops->countKeys(targets, this, [this, ops](QList<LifecycleTarget> counted) {
        updateActions();
        BulkResultDialog::confirmAndRun(this, LifecycleAction::DeleteUser, counted, ops->deleteOperation(counted),
                                        [this](const BulkRun &run) { afterBulk(LifecycleAction::DeleteUser, run); });
    });
}

void ServiceUsersPage::afterBulk(LifecycleAction action, const BulkRun &run)
{
    banner()->showMessage(ServiceUserOperations::outcomeLine(action, run), run.failedCount() ? MessageBanner::Type::Warning : MessageBanner::Type::Positive, 6000);
    reload();
    emit usersChanged();
}
