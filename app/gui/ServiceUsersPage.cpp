#include "ServiceUsersPage.h"
#include "ViewSelection.h"

#include "AppContext.h"
#include "Clipboard.h"
#include "MessageBanner.h"
#include "TableColumns.h"
#include "core/Duration.h"
#include "services/Services.h"
#include "net/ConsoleApi.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace {
// Double-click on an id opens it in a read-only field, so part of it can be selected and copied.
class ReadOnlyTextDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        auto *edit = new QLineEdit(parent);
        edit->setReadOnly(true);
        edit->setFrame(false);
        edit->setFont(index.data(Qt::FontRole).value<QFont>());
        Q_UNUSED(option)
        return edit;
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        auto *edit = static_cast<QLineEdit *>(editor);
        edit->setText(index.data(Qt::DisplayRole).toString());
        edit->selectAll();
    }
    void setModelData(QWidget *, QAbstractItemModel *, const QModelIndex &) const override {}

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->textElideMode = Qt::ElideMiddle;   // an id: its start and end tell ids apart
    }
};
} // namespace

ServiceUsersPage::ServiceUsersPage(AppContext *context, QWidget *parent)
    : QWidget(parent), m_context(context), m_banner(new MessageBanner(this))
{
    setObjectName(QStringLiteral("serviceUsersPage"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(12, 10, 12, 10);
    outer->addWidget(m_banner);
    auto *bar = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("userSearch"));
    m_search->setPlaceholderText(tr("Search by name or email (on the server)"));
    m_search->setClearButtonEnabled(true);
    auto *create = new QPushButton(tr("New service user…"), this);
    create->setObjectName(QStringLiteral("newServiceUserButton"));
    m_count = new QLabel(this);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_count);
    bar->addWidget(create);
    outer->addLayout(bar);
    m_table = new HonestTableWidget(0, 6, this);
    m_table->setObjectName(QStringLiteral("usersTable"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Email"), tr("Id"), tr("Keys"), tr("State"), tr("Created")});
    m_table->verticalHeader()->setVisible(false);
    // Only the id column opens (read-only) on double-click, for selecting part of it.
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked);
    m_table->setItemDelegateForColumn(IdColumn, new ReadOnlyTextDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    // The id gives way (elided in the middle; Copy id copies it whole); State and Created stay in view.
    TableColumns::Options columns;
    columns.elastic = IdColumn;
    columns.elasticShare = 20;
    new TableColumns(m_table, context->services()->settings(), QStringLiteral("serviceUsers"), columns);
    outer->addWidget(m_table, 1);
    auto *bottom = new QHBoxLayout;
    m_more = new QPushButton(tr("Load more"), this);
    m_more->setObjectName(QStringLiteral("loadMoreButton"));
    m_copyId = new QPushButton(tr("Copy id"), this);
    m_copyId->setObjectName(QStringLiteral("copyUserIdButton"));
    m_copyId->setToolTip(tr("Copy the selected user's id (for the CLI's --user ID)"));
    m_copyId->setEnabled(false);
    bottom->addWidget(m_more);
    bottom->addStretch(1);
    bottom->addWidget(m_copyId);
    outer->addLayout(bottom);
    auto *copyAction = new QAction(tr("Copy id"), m_table);
    copyAction->setObjectName(QStringLiteral("copyUserIdAction"));
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(copyAction);
    connect(copyAction, &QAction::triggered, this, &ServiceUsersPage::copySelectedId);
    connect(m_copyId, &QPushButton::clicked, this, &ServiceUsersPage::copySelectedId);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] { m_copyId->setEnabled(!selectedUserId().isEmpty()); });
    connect(m_table, &QWidget::customContextMenuRequested, this, [this, copyAction](const QPoint &pos) {
        const QModelIndex at = m_table->indexAt(pos);
        if (!at.isValid())
            return;
        m_table->selectRow(at.row());
        auto *menu = new QMenu(m_table);
        menu->setObjectName(QStringLiteral("usersContextMenu"));
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->addAction(copyAction);
        menu->popup(m_table->viewport()->mapToGlobal(pos));
    });
    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, &ServiceUsersPage::reload);
    connect(m_more, &QPushButton::clicked, this, &ServiceUsersPage::loadMore);
    connect(create, &QPushButton::clicked, this, [this] {
        auto *dlg = new QDialog(this);
        dlg->setObjectName(QStringLiteral("createServiceUserDialog"));
        dlg->setWindowTitle(tr("New service user"));
        dlg->setAttribute(Qt::WA_DeleteOnClose);
        auto *form = new QFormLayout(dlg);
        auto *name = new QLineEdit(dlg);
        name->setObjectName(QStringLiteral("serviceUserName"));
        auto *email = new QLineEdit(dlg);
        email->setObjectName(QStringLiteral("serviceUserEmail"));
        email->setPlaceholderText(tr("optional"));
        form->addRow(tr("&Name:"), name);
        form->addRow(tr("&Email:"), email);
        auto *note = new QLabel(tr("Service users have no password and never sign in; they own API keys."), dlg);
        note->setWordWrap(true);
        form->addRow(note);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, dlg);
        QPushButton *ok = buttons->addButton(tr("&Create"), QDialogButtonBox::AcceptRole);
        ok->setObjectName(QStringLiteral("createServiceUserButton"));
        ok->setDefault(true);
        ok->setEnabled(false);
        connect(name, &QLineEdit::textChanged, ok, [ok](const QString &t) { ok->setEnabled(!t.trimmed().isEmpty()); });
        form->addRow(buttons);
        name->setFocus();
        dlg->setMinimumWidth(440);
        connect(buttons, &QDialogButtonBox::accepted, dlg, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, dlg, &QDialog::reject);
        connect(dlg, &QDialog::accepted, this, [this, name, email] { this->create(name->text().trimmed(), email->text().trimmed()); });
        dlg->open();
    });
}

void ServiceUsersPage::reload()
{
    ++m_generation;
    m_table->setRowCount(0);
    m_total = 0;
    loadMore();
}

void ServiceUsersPage::loadMore()
{
    if (!m_context->services()->session()->isSignedIn()) {
        m_banner->showMessage(tr("Sign in to manage service users."), MessageBanner::Type::Info);
        return;
    }
    const int gen = m_generation;
    ConsoleApi &api = *m_context->services()->console();
    api.listServiceUsers(100, m_table->rowCount(), m_search->text().trimmed(), this, [this, gen](Result<Page<ServiceUser>> r) {
        if (gen != m_generation)
            return;
        if (!r.ok()) {
            m_banner->showMessage(r.error().displayText(),
                                  MessageBanner::Type::Error);
            return;
        }
        m_total = r.value().total;
        for (const ServiceUser &u : r.value().items) {
            const int row = m_table->rowCount();
            m_table->insertRow(row);
            const QStringList cells{u.name, u.email, u.id, QString::number(u.apiKeyCount), u.banned ? tr("banned") : tr("active"),
                                    formatLocalTime(u.createdAt)};
            for (int c = 0; c < cells.size(); ++c) {
                auto *item = new QTableWidgetItem(cells.at(c));
                if (c != IdColumn)
                    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
                m_table->setItem(row, c, item);
            }
            QTableWidgetItem *idItem = m_table->item(row, IdColumn);
            idItem->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
            idItem->setToolTip(tr("Double-click to select; Ctrl+C or \"Copy id\" copies it"));
            m_table->item(row, NameColumn)->setData(Qt::UserRole, u.id);
        }
        m_count->setText(tr("%1 of %2").arg(m_table->rowCount()).arg(m_total));
        m_more->setVisible(m_table->rowCount() < m_total);
    });
}

void ServiceUsersPage::create(const QString &name, const QString &email)
{
    ConsoleApi &api = *m_context->services()->console();
    api.createServiceUser(name, email, this, [this](Result<ServiceUser> r) {
        if (!r.ok()) {
            m_banner->showMessage(r.error().userMessage(), MessageBanner::Type::Error);
            return;
        }
        const ServiceUser u = r.value();
        m_banner->showMessage(tr("Created %1 <%2>.").arg(u.name, u.email), MessageBanner::Type::Positive, 12000);
        m_banner->setAction(tr("Mint a key…"), [this, id = u.id] { emit mintKeyRequested(id); });
        reload();
        emit usersChanged();
    });
}

QString ServiceUsersPage::selectedUserId() const
{
    const int row = m_table->currentRow();
    if (row < 0 || !m_table->item(row, NameColumn) || m_table->selectionModel()->selectedRows().isEmpty())
        return {};
    return m_table->item(row, NameColumn)->data(Qt::UserRole).toString();
}

void ServiceUsersPage::copySelectedId()
{
    const QString id = selectedUserId();
    if (id.isEmpty())
        return;
    m_context->clipboard()->copyText(id);
    m_banner->showMessage(tr("Copied the id of %1: %2").arg(m_table->item(m_table->currentRow(), NameColumn)->text(), id),
                          MessageBanner::Type::Positive, 4000);
}
