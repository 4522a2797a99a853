#include "UsersAdminPage.h"

#include "AppContext.h"
#include "Dialogs.h"
#include "MessageBanner.h"
#include "core/Duration.h"
#include "core/Session.h"
#include "services/Services.h"
#include "services/UserAdmin.h"
#include "services/models/AdminUsersModel.h"
#include "services/models/UserSessionsModel.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace {
QPushButton *button(const QString &text, const char *name, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(QLatin1String(name));
    return b;
}
QTableView *table(const char *name, QWidget *parent)
{
    auto *t = new QTableView(parent);
    t->setObjectName(QLatin1String(name));
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    t->setWordWrap(false);
    return t;
}
} // namespace

UsersAdminPage::UsersAdminPage(AppContext *context, QWidget *parent)
    : QWidget(parent), m_context(context), m_users(new AdminUsersModel(this)), m_sessions(new UserSessionsModel(this))
{
    setObjectName(QStringLiteral("usersAdminPage"));
    auto *layout = new QVBoxLayout(this);
    m_banner = new MessageBanner(this);
    m_banner->setObjectName(QStringLiteral("usersAdminBanner"));
    layout->addWidget(m_banner);

    auto *searchRow = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("userSearchEdit"));
    m_search->setPlaceholderText(tr("Email contains…"));
    m_search->setAccessibleName(tr("Search users by email"));
    m_search->setClearButtonEnabled(true);
    auto *refresh = button(tr("&Refresh"), "refreshUsersButton", this);
    refresh->setShortcut(QKeySequence::Refresh);
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(refresh);
    layout->addLayout(searchRow);

    m_usersTable = table("adminUsersTable", this);
    m_usersTable->setModel(m_users);
    m_usersTable->setAccessibleName(tr("Users"));
    m_usersTable->setColumnHidden(AdminUsersModel::IdColumn, true);
    layout->addWidget(m_usersTable, 3);

    auto *userRow = new QHBoxLayout;
    m_ban = button(tr("&Ban…"), "banUserButton", this);
    m_unban = button(tr("U&nban"), "unbanUserButton", this);
    m_roles = button(tr("Set r&oles…"), "setRolesButton", this);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("userCount"));
    m_loadMore = button(tr("Load more"), "loadMoreUsersButton", this);
    m_loadMore->setVisible(false);
    userRow->addWidget(m_ban);
    userRow->addWidget(m_unban);
    userRow->addWidget(m_roles);
    userRow->addStretch(1);
    userRow->addWidget(m_count);
    userRow->addWidget(m_loadMore);
    layout->addLayout(userRow);

    m_sessionsTitle = new QLabel(tr("Pick a user to see their sessions."), this);
    m_sessionsTitle->setObjectName(QStringLiteral("userSessionsTitle"));
    m_sessionsTitle->setTextFormat(Qt::PlainText);   // the user's email is the server's
    layout->addWidget(m_sessionsTitle);
    m_sessionsTable = table("userSessionsTable", this);
    m_sessionsTable->setModel(m_sessions);
    m_sessionsTable->setAccessibleName(tr("Sessions of the selected user"));
    m_sessionsTable->setColumnHidden(UserSessionsModel::UserColumn, true);
    m_sessionsTable->setColumnHidden(UserSessionsModel::NameColumn, true);
    layout->addWidget(m_sessionsTable, 2);
    auto *sessionRow = new QHBoxLayout;
    m_revoke = button(tr("Re&voke session"), "revokeUserSessionButton", this);
    m_revokeAll = button(tr("Revoke &all sessions"), "revokeAllUserSessionsButton", this);
    sessionRow->addWidget(m_revoke);
    sessionRow->addWidget(m_revokeAll);
    sessionRow->addStretch(1);
    layout->addLayout(sessionRow);

    connect(refresh, &QPushButton::clicked, this, &UsersAdminPage::reload);
    connect(m_search, &QLineEdit::returnPressed, this, &UsersAdminPage::reload);
    connect(m_loadMore, &QPushButton::clicked, this, &UsersAdminPage::loadMore);
    connect(m_ban, &QPushButton::clicked, this, &UsersAdminPage::banSelected);
    connect(m_unban, &QPushButton::clicked, this, &UsersAdminPage::unbanSelected);
    connect(m_roles, &QPushButton::clicked, this, &UsersAdminPage::setRolesOfSelected);
    connect(m_revoke, &QPushButton::clicked, this, &UsersAdminPage::revokeSelectedSession);
    connect(m_revokeAll, &QPushButton::clicked, this, &UsersAdminPage::revokeAllSessions);
    connect(m_usersTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        loadSessions();
        updateButtons();
    });
    connect(m_sessionsTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, &UsersAdminPage::updateButtons);
    connect(context->services()->session(), &Session::changed, this, [this] {
        ++m_generation;
        ++m_sessionsGeneration;
        m_users->clear();
        m_sessions->clear();
        updateButtons();
    });
    updateButtons();
}

const AdminUser *UsersAdminPage::selectedUser() const
{
    const QModelIndexList rows = m_usersTable->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return nullptr;
    return &m_users->user(rows.first().row());
}

void UsersAdminPage::updateButtons()
{
    const AdminUser *u = selectedUser();
    m_ban->setEnabled(u && !u->banned);
    m_unban->setEnabled(u && u->banned);
    m_roles->setEnabled(u);
    m_revokeAll->setEnabled(u && m_sessions->rowCount() > 0);
    m_revoke->setEnabled(u && m_sessionsTable->selectionModel()->hasSelection());
}

void UsersAdminPage::showError(const QString &text)
{
    m_banner->showMessage(text, MessageBanner::Type::Error);
}

void UsersAdminPage::reload()
{
    if (!m_context->services()->session()->isSignedIn()) {
        m_banner->showMessage(tr("Sign in to see users."), MessageBanner::Type::Info);
        return;
    }
    ++m_generation;
    m_users->clear();
    m_sessions->clear();
    m_total = 0;
    loadMore();
}

void UsersAdminPage::loadMore()
{
    UserQuery q;
    q.limit = m_pageSize;
    q.offset = m_users->rowCount();
    q.search = m_search->text().trimmed().left(200);
    const int gen = m_generation;
    m_loadMore->setEnabled(false);
    m_context->services()->users()->listUsers(q, this, [this, gen](Result<Page<AdminUser>> r) {
        if (gen != m_generation)
            return;
        m_loadMore->setEnabled(true);
        if (!r.ok()) {
            showError(r.error().displayText());
            return;
        }
        m_total = r.value().total;
        m_users->append(r.value().items);
        const int rows = m_users->rowCount();
        m_total = std::max(m_total, rows);
        m_count->setText(tr("%1 of %2").arg(rows).arg(m_total));
        m_loadMore->setVisible(rows < m_total);
        updateButtons();
    });
}

void UsersAdminPage::loadSessions()
{
    const int gen = ++m_sessionsGeneration;
    m_sessions->clear();
    const AdminUser *u = selectedUser();
    if (!u) {
        m_sessionsTitle->setText(tr("Pick a user to see their sessions."));
        return;
    }
    m_sessionsTitle->setText(tr("Sessions of %1").arg(u->email.isEmpty() ? u->id : u->email));
    m_sessions->setOwnSessionId(m_context->services()->session()->sessionId());
    ListQuery q;
    q.userId = u->id;
    q.limit = 1000;
    m_context->services()->users()->listSessions(q, this, [this, gen](Result<Page<UserSession>> r) {
        if (gen != m_sessionsGeneration)
            return;
        if (!r.ok()) {
            showError(r.error().displayText());
            return;
        }
        m_sessions->append(r.value().items);
        updateButtons();
    });
}

void UsersAdminPage::userChanged(const AdminUser &u, const QString &message)
{
    m_users->replace(u);
    m_banner->showMessage(message, MessageBanner::Type::Positive, 5000);
    loadSessions();
    updateButtons();
}

void UsersAdminPage::banSelected()
{
    const AdminUser *u = selectedUser();
    if (!u || m_dialog)
        return;
    const QString userId = u->id, who = u->email.isEmpty() ? u->id : u->email;
    auto *d = new QDialog(this);
    d->setObjectName(QStringLiteral("banDialog"));
    d->setWindowTitle(tr("Ban %1").arg(who));
    d->setAttribute(Qt::WA_DeleteOnClose);
    auto *form = new QFormLayout(d);
    auto *note = new QLabel(tr("%1 is signed out everywhere and cannot sign in while banned. Their API keys keep "
                               "working until you revoke them.").arg(who), d);
    note->setTextFormat(Qt::PlainText);
    note->setWordWrap(true);
    form->addRow(note);
    auto *reason = new QLineEdit(d);
    reason->setObjectName(QStringLiteral("banReasonEdit"));
    reason->setMaxLength(500);
    reason->setAccessibleName(tr("Ban reason"));
    auto *expires = new QLineEdit(d);
    expires->setObjectName(QStringLiteral("banExpiresEdit"));
    expires->setPlaceholderText(tr("never (or 7d, 12h, 90m)"));
    expires->setAccessibleName(tr("Ban ends after"));
    auto *reasonLabel = new QLabel(tr("&Reason:"), d);
    reasonLabel->setBuddy(reason);
    auto *expiresLabel = new QLabel(tr("&Ends after:"), d);
    expiresLabel->setBuddy(expires);
    form->addRow(reasonLabel, reason);
    form->addRow(expiresLabel, expires);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, d);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Ban"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("banOkButton"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::rejected, d, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, d, [this, d, reason, expires, userId, who] {
        std::optional<qint64> secs;
        if (!expires->text().trimmed().isEmpty()) {
            secs = parseDurationSeconds(expires->text().trimmed());
            if (!secs || *secs < 1) {
                expires->setFocus();
                expires->selectAll();
                m_banner->showMessage(tr("\"Ends after\" takes a duration such as 7d, 12h or 90m, or nothing for never."),
                                      MessageBanner::Type::Warning);
                return;
            }
        }
        const QString why = reason->text().trimmed();
        d->accept();
        m_context->services()->users()->ban(userId, why, secs, this, [this, who](Result<AdminUser> r) {
            if (!r.ok()) {
                showError(r.error().displayText());
                return;
            }
            userChanged(r.value(), tr("%1 is banned.").arg(who));
        });
    });
    connect(d, &QObject::destroyed, this, [this] { m_dialog = nullptr; });
    m_dialog = d;
    d->open();
}

void UsersAdminPage::unbanSelected()
{
    const AdminUser *u = selectedUser();
    if (!u)
        return;
    const QString who = u->email.isEmpty() ? u->id : u->email;
    m_context->services()->users()->unban(u->id, this, [this, who](Result<AdminUser> r) {
        if (!r.ok()) {
            showError(r.error().displayText());
            return;
        }
        userChanged(r.value(), tr("%1 is no longer banned.").arg(who));
    });
}

void UsersAdminPage::setRolesOfSelected()
{
    const AdminUser *u = selectedUser();
    if (!u || m_dialog)
        return;
    const QString userId = u->id, who = u->email.isEmpty() ? u->id : u->email;
    auto *d = new QDialog(this);
    d->setObjectName(QStringLiteral("rolesDialog"));
    d->setWindowTitle(tr("Roles of %1").arg(who));
    d->setAttribute(Qt::WA_DeleteOnClose);
    auto *form = new QFormLayout(d);
    auto *roles = new QLineEdit(u->roles().join(QLatin1Char(',')), d);
    roles->setObjectName(QStringLiteral("rolesEdit"));
    roles->setAccessibleName(tr("Roles, comma-separated"));
    auto *label = new QLabel(tr("&Roles:"), d);
    label->setBuddy(roles);
    form->addRow(label, roles);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, d);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Set roles"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("rolesOkButton"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::rejected, d, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, d, [this, d, roles, userId, who] {
        QString why;
        const auto list = parseRoleList(roles->text(), &why);
        if (!list) {
            m_banner->showMessage(tr("Roles: %1").arg(why), MessageBanner::Type::Warning);
            return;
        }
        d->accept();
        m_context->services()->users()->setRole(userId, *list, this, [this, who](Result<AdminUser> r) {
            if (!r.ok()) {
                showError(r.error().displayText());
                return;
            }
            userChanged(r.value(), tr("The roles of %1 are set.").arg(who));
        });
    });
    connect(d, &QObject::destroyed, this, [this] { m_dialog = nullptr; });
    m_dialog = d;
    d->open();
}

void UsersAdminPage::revokeSelectedSession()
{
    const AdminUser *u = selectedUser();
    const QModelIndexList rows = m_sessionsTable->selectionModel()->selectedRows();
    if (!u || rows.isEmpty())
        return;
    const UserSession s = m_sessions->session(rows.first().row());
    if (s.id == m_context->services()->session()->sessionId()) {
        m_banner->showMessage(tr("This is the session this console is using: use Sign out to end it."), MessageBanner::Type::Warning);
        return;
    }
    const QString userId = u->id, sessionId = s.id;
    Dialogs::confirm(this, tr("Revoke session"),
                     tr("<p>Revoke this session of <b>%1</b>?</p><p>Client: %2</p><p>That client is signed out at once.</p>")
                         .arg((u->email.isEmpty() ? u->id : u->email).toHtmlEscaped(),
                              (s.userAgent.isEmpty() ? tr("unknown") : s.userAgent).toHtmlEscaped()),
                     tr("Revoke"), [this, userId, sessionId](bool yes) {
                         if (!yes)
                             return;
                         m_context->services()->users()->revokeSession(sessionId, userId, this, [this, sessionId](Result<Done> r) {
                             if (!r.ok()) {
                                 showError(r.error().displayText());
                                 return;
                             }
                             m_sessions->remove(sessionId);
                             m_banner->showMessage(tr("Session revoked."), MessageBanner::Type::Positive, 4000);
                             updateButtons();
                         });
                     }, QMessageBox::Warning);
}

void UsersAdminPage::revokeAllSessions()
{
    const AdminUser *u = selectedUser();
    if (!u)
        return;
    const QString userId = u->id, who = u->email.isEmpty() ? u->id : u->email;
    const bool self = userId == m_context->services()->session()->user().id;
    Dialogs::confirm(this, tr("Revoke all sessions"),
                     self ? tr("<p><b>These are your own sessions, this console's included: you will be signed out.</b></p>")
                          : tr("<p>Revoke every session of <b>%1</b>?</p><p>They are signed out everywhere at once.</p>")
                                .arg(who.toHtmlEscaped()),
                     tr("Revoke all"), [this, userId](bool yes) {
                         if (!yes)
                             return;
                         m_context->services()->users()->revokeAllSessions(userId, this, [this](Result<Done> r) {
                             if (!r.ok()) {
                                 showError(r.error().displayText());
                                 return;
                             }
                             m_banner->showMessage(tr("Every session of this user is revoked."), MessageBanner::Type::Positive, 4000);
                             loadSessions();
                         });
                     }, QMessageBox::Warning);
}
