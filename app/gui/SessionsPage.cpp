#include "SessionsPage.h"
#include "ui_SessionsPage.h"

#include "AppContext.h"
#include "BulkResultDialog.h"
#include "Dialogs.h"
#include "LiveConnectionsPanel.h"
#include "MessageBanner.h"
#include "TableColumns.h"
#include "Tones.h"
#include "ViewSelection.h"
#include "net/ConsoleApi.h"
#include "services/Services.h"
#include "services/models/UserSessionsModel.h"

#include <QHeaderView>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableWidget>

#include <algorithm>

SessionsPage::SessionsPage(AppContext *context, QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::SessionsPage>()), m_context(context),
      m_model(new UserSessionsModel(this)), m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("sessionsPage"));
    m_ui->setupUi(this);
    m_liveConnections = new LiveConnectionsPanel(context, m_ui->sessionsSplitter);
    m_ui->sessionsSplitter->addWidget(m_liveConnections);
    m_ui->revokeSessionButton->setShortcut(QKeySequence::Delete);
    m_ui->refreshSessionsButton->setShortcut(QKeySequence::Refresh);
    m_ui->loadMoreSessionsButton->setVisible(false);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(UserSessionsModel::SortRole);
    QTableView *table = m_ui->sessionsTable;
    table->setModel(m_proxy);
    table->setItemDelegate(Tones::sessionsDelegate(table));
    table->horizontalHeader()->setSortIndicatorShown(true);
    table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);   // the server's order until a header is clicked
    table->horizontalHeader()->setToolTip(tr("Sorts the sessions loaded so far"));
    // The user agent is what tells one person's sessions apart: it stays in view and gives way (elided).
    TableColumns::Options sessionColumns;
    sessionColumns.hiddenByDefault = {UserSessionsModel::NameColumn, UserSessionsModel::ImpersonatedByColumn};
    sessionColumns.elastic = UserSessionsModel::UserAgentColumn;
    new TableColumns(table, context->services()->settings(), QStringLiteral("sessions"), sessionColumns);

    connect(m_ui->refreshSessionsButton, &QPushButton::clicked, this, &SessionsPage::reload);
    connect(m_ui->revokeSessionButton, &QPushButton::clicked, this, &SessionsPage::revokeSelected);
    connect(m_ui->loadMoreSessionsButton, &QPushButton::clicked, this, &SessionsPage::loadMoreSessions);
    connect(table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this, table] { m_ui->revokeSessionButton->setEnabled(table->selectionModel()->hasSelection()); });
    connect(m_liveConnections, &LiveConnectionsPanel::sessionCreated, this, &SessionsPage::onSessionCreated);
    connect(m_liveConnections, &LiveConnectionsPanel::sessionRevoked, this, &SessionsPage::onSessionRevoked);
    connect(context->services()->session(), &Session::changed, this, [this] {
        const Session *s = m_context->services()->session();
        if (!s->isSignedIn()) {
            m_liveConnections->stop();
            clearAll();
            return;
        }
        m_model->setOwnSessionId(s->sessionId());
        // A new sign-in (or another server): the old token is gone, so the channel is reopened with the
        // new one, and the list is fetched again ("this console" is another session now).
        if (m_loaded && !m_liveConnections->openedForCurrentSignIn()) {
            m_liveConnections->restart();
            reload();
        }
    });
}

SessionsPage::~SessionsPage() = default;

QTableView *SessionsPage::sessionsTable() const
{
    return m_ui->sessionsTable;
}

QTableWidget *SessionsPage::connectionsTable() const
{
    return m_liveConnections->connectionsTable();
}

MessageBanner *SessionsPage::banner() const
{
    return m_ui->banner;
}

bool SessionsPage::isLive() const
{
    return m_liveConnections->isLive();
}

int SessionsPage::connectionRow(const QString &connectionId) const
{
    return m_liveConnections->connectionRow(connectionId);
}

int SessionsPage::listIntervalMs() const
{
    return m_liveConnections->listIntervalMs();
}

void SessionsPage::setListIntervalMs(int ms)
{
    m_liveConnections->setListIntervalMs(ms);
}

void SessionsPage::clearAll()
{
    ++m_generation;
    m_model->clear();
    m_sessionsTotal = 0;
    m_ui->sessionCount->clear();
    m_ui->loadMoreSessionsButton->setVisible(false);
}

void SessionsPage::reload()
{
    if (!m_context->services()->session()->isSignedIn()) {
        banner()->showMessage(tr("Sign in to see sessions."), MessageBanner::Type::Info);
        return;
    }
    m_loaded = true;
    clearAll();
    m_model->setOwnSessionId(m_context->services()->session()->sessionId());
    loadMoreSessions();
    m_liveConnections->refresh();
}

void SessionsPage::loadMoreSessions()
{
    Session *s = m_context->services()->session();
    if (!s->isSignedIn())
        return;
    const int gen = m_generation;
    m_ui->loadMoreSessionsButton->setEnabled(false);
    ConsoleApi &api = *m_context->services()->console();
    api.listSessions(QString(), m_pageSize, m_model->rowCount(), this, [this, gen](Result<Page<UserSession>> r) {
        if (gen != m_generation)
            return;
        m_ui->loadMoreSessionsButton->setEnabled(true);
        if (!r.ok()) {
            banner()->showMessage(r.error().displayText(), MessageBanner::Type::Error);
            return;
        }
        m_sessionsTotal = r.value().total;
        // Pushed sign-ins shift the server's offsets; a session already listed is not listed twice.
        m_model->append(r.value().items);
        updateSessionCount();
    });
}

void SessionsPage::updateSessionCount()
{
    const int rows = m_model->rowCount();
    m_sessionsTotal = std::max(m_sessionsTotal, rows);
    m_ui->sessionCount->setText(tr("%1 of %2").arg(rows).arg(m_sessionsTotal));
    m_ui->loadMoreSessionsButton->setVisible(rows < m_sessionsTotal);
    m_ui->loadMoreSessionsButton->setText(tr("Load more (%1 left)").arg(m_sessionsTotal - rows));
}

void SessionsPage::onSessionCreated(const UserSession &s)
{
    if (m_model->prepend(s)) {
        ++m_sessionsTotal;
        updateSessionCount();
    }
}

void SessionsPage::onSessionRevoked(const QString &id)
{
    // If it was the picked row, nothing else becomes selected (ViewSelection).
    if (m_model->remove(id)) {
        m_sessionsTotal = std::max(0, m_sessionsTotal - 1);
        updateSessionCount();
    }
}

void SessionsPage::revokeSelected()
{
    QTableView *table = m_ui->sessionsTable;
    if (table->selectionModel()->selectedRows().size() > 1) {
        revokeSelectedTogether();
        return;
    }
    const QModelIndex current = table->currentIndex();
    if (!current.isValid() || !table->selectionModel()->hasSelection())
        return;
    const int row = m_proxy->mapToSource(current).row();
    const UserSession &s = m_model->session(row);
    const QString id = s.id;
    const bool own = id == m_context->services()->session()->sessionId();
    // Every row may belong to the same user: name the session by what tells it apart.
    const auto orUnknown = [](const QString &t) {
        return t.isEmpty() || t == QStringLiteral("—") ? SessionsPage::tr("unknown") : t;
    };
    const QString text =
        own ? tr("<p><b>This is the session this console is using; you will be signed out.</b></p>"
                 "<p>Revoking it ends this console's sign-in on the server at once, closes its live channel, and "
                 "forgets the saved sign-in here. You will need to sign in again to continue.</p>")
            : tr("<p>Revoke this session of <b>%1</b>?</p><p>Client: %2<br>From: %3<br>Signed in: %4</p>"
                 "<p>That client is signed out at once and its open channels close.</p>")
                  .arg(s.userEmail.toHtmlEscaped(), orUnknown(s.userAgent).toHtmlEscaped(),
                       orUnknown(s.ipAddress).toHtmlEscaped(),
                       orUnknown(m_model->index(row, UserSessionsModel::CreatedColumn).data().toString()).toHtmlEscaped());
    Dialogs::confirm(this, own ? tr("Revoke this console's session") : tr("Revoke session"), text,
                     own ? tr("Revoke and sign out") : tr("Revoke"), [this, id, own](bool yes) {
                         if (yes)
                             revoke(id, own);
                     }, QMessageBox::Warning);
}

void SessionsPage::revoke(const QString &id, bool own)
{
    Session *session = m_context->services()->session();
    const ServerEndpoint endpoint = session->endpoint();
    ConsoleApi &api = *m_context->services()->console();
    api.revokeSession(id, this, [this, id, own, endpoint](Result<QJsonObject> r) {
        if (!r.ok()) {
            banner()->showMessage(r.error().userMessage(), MessageBanner::Type::Error);
            return;
        }
        onSessionRevoked(id);
        if (!own) {
            banner()->showMessage(tr("Session revoked."), MessageBanner::Type::Positive, 4000);
            return;
        }
        // The token is dead on the server: forget it here too (memory and keychain), as sign-out does.
        m_context->services()->auth()->logout(endpoint, this, [this](const LogoutOutcome &o) {
            if (!o.keychainCleared && !o.keychainError.isEmpty())
                banner()->showMessage(tr("This console's session is revoked and you are signed out, but the "
                                         "keychain entry could not be removed: %1").arg(o.keychainError),
                                      MessageBanner::Type::Warning);
            else
                banner()->showMessage(tr("This console's session is revoked; you are signed out."),
                                      MessageBanner::Type::Info);
        });
    });
}

// Several sessions (issue 13 item 2): one confirmation naming each, then a result row per session. This
// console's own session is not sent in a bulk revoke (it would sign this console out halfway through the
// run); its row says so, and revoking it alone asks the question that explains the sign-out.
void SessionsPage::revokeSelectedTogether()
{
    QModelIndexList rows = m_ui->sessionsTable->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<LifecycleTarget> targets;
    for (const QModelIndex &i : rows) {
        const UserSession &s = m_model->session(m_proxy->mapToSource(i).row());
        targets << LifecycleTarget{s.id, QStringLiteral("%1, %2").arg(s.userEmail, s.userAgent.isEmpty() ? tr("unknown client") : s.userAgent), -1, {}};
    }
    const QString own = m_context->services()->session()->sessionId();
    ServiceUserOperations ops(m_context->services()->console());
    const auto refuse = [own](const QString &id) {
        return id == own ? tr("this console's own session (revoke it alone: that signs this console out)") : QString();
    };
    BulkResultDialog::confirmAndRun(this, LifecycleAction::RevokeSession, targets, ops.operation(LifecycleAction::RevokeSession, refuse),
                                    [this](const BulkRun &run) {
                                        for (const BulkOutcome &o : run.rows())
                                            if (o.ok())
                                                onSessionRevoked(o.id);
                                        banner()->showMessage(ServiceUserOperations::outcomeLine(LifecycleAction::RevokeSession, run), run.failedCount() ? MessageBanner::Type::Warning
                                                                                               : MessageBanner::Type::Positive, 6000);
                                    });
}
