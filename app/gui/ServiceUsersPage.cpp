#include "ServiceUsersPage.h"

#include "AppContext.h"
#include "MessageBanner.h"
#include "core/Services.h"
#include "net/ConsoleApi.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

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
    m_table = new QTableWidget(0, 5, this);
    m_table->setObjectName(QStringLiteral("usersTable"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Email"), tr("Keys"), tr("State"), tr("Created")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setColumnWidth(0, 200);
    m_table->setColumnWidth(1, 280);
    outer->addWidget(m_table, 1);
    m_more = new QPushButton(tr("Load more"), this);
    m_more->setObjectName(QStringLiteral("loadMoreButton"));
    outer->addWidget(m_more, 0, Qt::AlignLeft);
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
        buttons->addButton(tr("Create"), QDialogButtonBox::AcceptRole);
        form->addRow(buttons);
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
    ConsoleApi api(m_context->services()->http(), m_context->services()->session());
    api.listServiceUsers(100, m_table->rowCount(), m_search->text().trimmed(), this, [this, gen](Result<Page<ServiceUser>> r) {
        if (gen != m_generation)
            return;
        if (!r.ok()) {
            m_banner->showMessage(r.error().serverMessage.isEmpty() ? r.error().userMessage() : r.error().serverMessage,
                                  MessageBanner::Type::Error);
            return;
        }
        m_total = r.value().total;
        for (const ServiceUser &u : r.value().items) {
            const int row = m_table->rowCount();
            m_table->insertRow(row);
            m_table->setItem(row, 0, new QTableWidgetItem(u.name));
            m_table->setItem(row, 1, new QTableWidgetItem(u.email));
            m_table->setItem(row, 2, new QTableWidgetItem(QString::number(u.apiKeyCount)));
            m_table->setItem(row, 3, new QTableWidgetItem(u.banned ? tr("banned") : tr("active")));
            m_table->setItem(row, 4, new QTableWidgetItem(u.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
            m_table->item(row, 0)->setData(Qt::UserRole, u.id);
        }
        m_count->setText(tr("%1 of %2").arg(m_table->rowCount()).arg(m_total));
        m_more->setVisible(m_table->rowCount() < m_total);
    });
}

void ServiceUsersPage::create(const QString &name, const QString &email)
{
    ConsoleApi api(m_context->services()->http(), m_context->services()->session());
    api.createServiceUser(name, email, this, [this](Result<ServiceUser> r) {
        if (!r.ok()) {
            m_banner->showMessage(r.error().userMessage(), MessageBanner::Type::Error);
            return;
        }
        m_banner->showMessage(tr("Created %1 <%2>. Mint it a key on the API keys page.").arg(r.value().name, r.value().email),
                              MessageBanner::Type::Positive, 6000);
        reload();
        emit usersChanged();
    });
}
