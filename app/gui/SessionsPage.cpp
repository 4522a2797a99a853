#include "SessionsPage.h"
#include "ViewSelection.h"

#include "AppContext.h"
#include "Dialogs.h"
#include "MessageBanner.h"
#include "TableColumns.h"
#include "core/Duration.h"
#include "core/Json.h"
#include "services/Services.h"
#include "net/ChannelSocket.h"
#include "net/ConsoleApi.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QUrlQuery>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace {
QString shortTime(const QString &iso)
{
    return formatLocalTime(parseIsoDateTime(iso));
}

QString orDash(const QString &s)
{
    return s.isEmpty() ? QStringLiteral("—") : s;
}

QTableWidget *makeTable(QWidget *parent, const char *name, const QStringList &headers)
{
    QTableWidget *t = new HonestTableWidget(0, int(headers.size()), parent);
    t->setObjectName(QLatin1String(name));
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->setVisible(false);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setAlternatingRowColors(true);
    t->setWordWrap(false);
    return t;
}

// Columns of the sessions table (the order of its headers).
enum SessionColumn { SessionUser = 0, SessionCreated = 2, SessionIp = 4, SessionUserAgent = 6 };

constexpr int kKeyPage = 1000;   // console-api.md: limit 1–1000
} // namespace

SessionsPage::SessionsPage(AppContext *context, QWidget *parent)
    : QWidget(parent), m_context(context), m_banner(new MessageBanner(this)), m_live(new ChannelSocket(this)),
      m_listTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("sessionsPage"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(12, 10, 12, 10);
    outer->addWidget(m_banner);
    auto *bar = new QHBoxLayout;
    auto *title = new QLabel(tr("<b>Sessions</b> (people signed in; tokens are never shown)"), this);
    m_sessionCount = new QLabel(this);
    m_sessionCount->setObjectName(QStringLiteral("sessionCount"));
    m_revoke = new QPushButton(tr("Revoke…"), this);
    m_revoke->setObjectName(QStringLiteral("revokeSessionButton"));
    m_revoke->setShortcut(QKeySequence::Delete);
    m_revoke->setEnabled(false);
    auto *refresh = new QPushButton(tr("Refresh"), this);
    refresh->setShortcut(QKeySequence::Refresh);
    bar->addWidget(title, 1);
    bar->addWidget(m_sessionCount);
    bar->addSpacing(8);
    bar->addWidget(m_revoke);
    bar->addWidget(refresh);
    outer->addLayout(bar);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setChildrenCollapsible(false);
    auto *sessionsBox = new QWidget(split);
    auto *sessionsLayout = new QVBoxLayout(sessionsBox);
    sessionsLayout->setContentsMargins(0, 0, 0, 0);
    m_sessions = makeTable(sessionsBox, "sessionsTable", {tr("User"), tr("Name"), tr("Created"), tr("Expires"), tr("IP"), tr("Impersonated by"), tr("User agent")});
    // The user agent is what tells one person's sessions apart: it stays in view and gives way (elided).
    TableColumns::Options sessionColumns;
    sessionColumns.hiddenByDefault = {1, 5};   // Name (the email says who), Impersonated by
    sessionColumns.elastic = 6;
    new TableColumns(m_sessions, context->services()->settings(), QStringLiteral("sessions"), sessionColumns);
    sessionsLayout->addWidget(m_sessions, 1);
    m_moreSessions = new QPushButton(tr("Load more"), sessionsBox);
    m_moreSessions->setObjectName(QStringLiteral("loadMoreSessionsButton"));
    m_moreSessions->setVisible(false);
    sessionsLayout->addWidget(m_moreSessions, 0, Qt::AlignLeft);
    auto *liveBox = new QWidget(split);
    auto *liveLayout = new QVBoxLayout(liveBox);
    liveLayout->setContentsMargins(0, 6, 0, 0);
    m_liveState = new QLabel(liveBox);
    m_liveState->setObjectName(QStringLiteral("liveState"));
    liveLayout->addWidget(m_liveState);
    m_connections = makeTable(liveBox, "connectionsTable", {tr("Who"), tr("Via"), tr("Key"), tr("Since"), tr("In"), tr("Out"), tr("Connection")});
    TableColumns::Options connectionColumns;
    connectionColumns.elastic = ConnectionIdColumn;
    connectionColumns.elideMiddle = {ConnectionIdColumn};
    new TableColumns(m_connections, context->services()->settings(), QStringLiteral("connections"), connectionColumns);
    liveLayout->addWidget(m_connections, 1);
    outer->addWidget(split, 1);

    // Counts come from the server; a re-sent list only replaces numbers, so the admin keeps the selection.
    m_listTimer->setInterval(5000);
    connect(m_listTimer, &QTimer::timeout, this, &SessionsPage::sendList);

    connect(refresh, &QPushButton::clicked, this, &SessionsPage::reload);
    connect(m_revoke, &QPushButton::clicked, this, &SessionsPage::revokeSelected);
    connect(m_moreSessions, &QPushButton::clicked, this, &SessionsPage::loadMoreSessions);
    connect(m_sessions, &QTableWidget::itemSelectionChanged, this,
            [this] { m_revoke->setEnabled(!m_sessions->selectedItems().isEmpty()); });
    connect(m_live, &ChannelSocket::opened, this, [this] {
        m_liveState->setText(tr("<b>Live channel connections</b> — updated by pushed events"));
        m_live->sendText(R"({"action":"subscribe","topic":"sessions"})");
        m_live->sendText(R"({"action":"list"})");
        updateListTimer();
    });
    connect(m_live, &ChannelSocket::textReceived, this, [this](const QByteArray &t) {
        const QJsonObject o = QJsonDocument::fromJson(t).object();
        if (o.value(QStringLiteral("action")).toString() == QLatin1String("list")) {
            if (!o.contains(QStringLiteral("error")))
                applyList(o.value(QStringLiteral("connections")).toArray());
        } else if (o.contains(QStringLiteral("topic")) && !o.contains(QStringLiteral("action"))) {
            onEvent(o);
        }
    });
    connect(m_live, &ChannelSocket::rejected, this, [this](int status, const QString &) {
        updateListTimer();
        m_liveState->setText(tr("Live channel refused (HTTP %1): connections are not shown.").arg(status));
    });
    connect(m_live, &ChannelSocket::failed, this, [this](const QString &msg) {
        updateListTimer();
        m_liveState->setText(tr("Live channel unavailable: %1").arg(msg));
    });
    connect(m_live, &ChannelSocket::closed, this, [this](int code, const QString &) {
        updateListTimer();
        if (code >= 4400 && code < 4500)
            m_liveState->setText(tr("Live channel closed: the server ended this console's session (%1). Sign in again "
                                    "to see connections.").arg(code));
        else if (m_context->services()->session()->isSignedIn())
            m_liveState->setText(tr("Live channel closed (%1).").arg(code));
    });
    connect(m_live, &ChannelSocket::reconnectScheduled, this, [this](int delayMs, int) {
        updateListTimer();
        m_liveState->setText(tr("Live channel lost; reconnecting in %1 s…").arg((delayMs + 999) / 1000));
    });
    connect(context->services()->session(), &Session::changed, this, [this] {
        const Session *s = m_context->services()->session();
        if (!s->isSignedIn()) {
            m_live->close();
            m_liveFor.clear();
            clearAll();
            m_liveState->setText(tr("Not signed in."));
            return;
        }
        // A new sign-in (or another server): the old token is gone, so the channel is reopened with the
        // new one, and the list is fetched again ("this console" is another session now).
        if (m_loaded && liveIdentity() != m_liveFor) {
            m_keyNames.clear();
            m_keysMissing.clear();
            connectLive();
            reload();
        }
    });
}

SessionsPage::~SessionsPage() = default;

bool SessionsPage::isLive() const
{
    return m_live->state() == ChannelSocket::State::Open;
}

int SessionsPage::listIntervalMs() const
{
    return m_listTimer->interval();
}

void SessionsPage::setListIntervalMs(int ms)
{
    m_listTimer->setInterval(ms);
}

void SessionsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (isLive())
        sendList();   // counts as of now, not as of when the page was last looked at
    updateListTimer();
}

void SessionsPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    updateListTimer();
}

void SessionsPage::updateListTimer()
{
    if (isLive() && isVisible()) {
        if (!m_listTimer->isActive())
            m_listTimer->start();
    } else {
        m_listTimer->stop();
    }
}

void SessionsPage::sendList()
{
    if (isLive())
        m_live->sendText(R"({"action":"list"})");
}

QString SessionsPage::liveIdentity() const
{
    const Session *s = m_context->services()->session();
    return s->isSignedIn() ? s->endpoint().key() + QLatin1Char(' ') + s->sessionId() : QString();
}

void SessionsPage::clearAll()
{
    ++m_generation;
    m_sessions->setRowCount(0);
    m_connections->setRowCount(0);
    m_sessionsTotal = 0;
    m_sessionCount->clear();
    m_moreSessions->setVisible(false);
}

void SessionsPage::reload()
{
    Session *s = m_context->services()->session();
    if (!s->isSignedIn()) {
        m_banner->showMessage(tr("Sign in to see sessions."), MessageBanner::Type::Info);
        return;
    }
    m_loaded = true;
    ++m_generation;
    m_sessions->setRowCount(0);
    m_sessionsTotal = 0;
    loadMoreSessions();
    // Names of keys seen since are looked up again.
    m_keysMissing.clear();
    refreshKeyCells();
    if (m_live->state() == ChannelSocket::State::Open || m_live->state() == ChannelSocket::State::Connecting)
        sendList();
    else
        connectLive();
}

void SessionsPage::loadMoreSessions()
{
    Session *s = m_context->services()->session();
    if (!s->isSignedIn())
        return;
    const int gen = m_generation;
    m_moreSessions->setEnabled(false);
    ConsoleApi &api = *m_context->services()->console();
    api.listSessions(QString(), m_pageSize, m_sessions->rowCount(), this,
            [this, gen](Result<Page<UserSession>> r) {
                if (gen != m_generation)
                    return;
                m_moreSessions->setEnabled(true);
                if (!r.ok()) {
                    m_banner->showMessage(r.error().displayText(),
                                          MessageBanner::Type::Error);
                    return;
                }
                m_sessionsTotal = r.value().total;
                // Pushed sign-ins shift the server's offsets; a session already listed is not listed twice.
                for (const UserSession &u : r.value().items)
                    if (sessionRow(u.id) < 0)
                        addSessionRow(u, false);
                updateSessionCount();
            });
}

void SessionsPage::updateSessionCount()
{
    m_sessionsTotal = std::max(m_sessionsTotal, m_sessions->rowCount());
    m_sessionCount->setText(tr("%1 of %2").arg(m_sessions->rowCount()).arg(m_sessionsTotal));
    m_moreSessions->setVisible(m_sessions->rowCount() < m_sessionsTotal);
    m_moreSessions->setText(tr("Load more (%1 left)").arg(m_sessionsTotal - m_sessions->rowCount()));
}

void SessionsPage::connectLive()
{
    const Session *s = m_context->services()->session();
    if (!s->isSignedIn())
        return;
    QUrl url = s->endpoint().authUrl(QStringLiteral("/console/live"));
    url.setScheme(url.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    ChannelSocket::Options o;
    o.reconnect = true;
    o.allowInsecure = s->endpoint().allowInsecureHttp;
    m_liveState->setText(tr("Connecting to the live channel…"));
    m_connections->setRowCount(0);
    m_liveFor = liveIdentity();
    m_live->open(url, Credentials::person(s->token(), s->endpoint().baseUrl), o);
}

int SessionsPage::sessionRow(const QString &id) const
{
    for (int r = 0; r < m_sessions->rowCount(); ++r)
        if (m_sessions->item(r, 0)->data(Qt::UserRole).toString() == id)
            return r;
    return -1;
}

void SessionsPage::addSessionRow(const UserSession &s, bool atTop)
{
    const int row = atTop ? 0 : m_sessions->rowCount();
    m_sessions->insertRow(row);
    const QString id = s.id;
    const bool own = id == m_context->services()->session()->sessionId();
    const QStringList cells{s.userEmail + (own ? tr("  (this console)") : QString()),
                            s.userName,
                            formatLocalTime(s.createdAt),
                            formatLocalTime(s.expiresAt),
                            orDash(s.ipAddress),
                            orDash(s.impersonatedBy),
                            orDash(s.userAgent)};
    for (int c = 0; c < cells.size(); ++c) {
        auto *item = new QTableWidgetItem(cells.at(c));
        item->setToolTip(cells.at(c));
        m_sessions->setItem(row, c, item);
    }
    m_sessions->item(row, 0)->setData(Qt::UserRole, id);
    m_sessions->item(row, 0)->setData(Qt::UserRole + 1, own);
    if (own) {
        QFont f = m_sessions->item(row, 0)->font();
        f.setBold(true);
        m_sessions->item(row, 0)->setFont(f);
    }
}

void SessionsPage::setCell(QTableWidget *t, int row, int col, const QString &text)
{
    QTableWidgetItem *item = t->item(row, col);
    if (!item)
        t->setItem(row, col, new QTableWidgetItem(text));
    else if (item->text() != text)
        item->setText(text);   // in place: selection and scroll position stay
}

int SessionsPage::connectionRow(const QString &connectionId) const
{
    for (int r = 0; r < m_connections->rowCount(); ++r)
        if (m_connections->item(r, ConnectionIdColumn) && m_connections->item(r, ConnectionIdColumn)->text() == connectionId)
            return r;
    return -1;
}

void SessionsPage::upsertConnection(const QJsonObject &c)
{
    const QString id = c.value(QStringLiteral("connectionId")).toString();
    if (id.isEmpty())
        return;
    int row = connectionRow(id);
    if (row < 0) {
        row = m_connections->rowCount();
        m_connections->insertRow(row);
    }
    const QString via = c.value(QStringLiteral("via")).toString();
    const QString keyId = c.value(QStringLiteral("keyId")).toString();
    setCell(m_connections, row, WhoColumn, c.value(QStringLiteral("email")).toString());
    setCell(m_connections, row, ViaColumn, via);
    setCell(m_connections, row, SinceColumn, shortTime(c.value(QStringLiteral("openedAt")).toString()));
    setCell(m_connections, row, InColumn, QString::number(c.value(QStringLiteral("messagesIn")).toInteger()));
    setCell(m_connections, row, OutColumn, QString::number(c.value(QStringLiteral("messagesOut")).toInteger()));
    setCell(m_connections, row, ConnectionIdColumn, id);
    if (!m_connections->item(row, KeyColumn))
        m_connections->setItem(row, KeyColumn, new QTableWidgetItem);
    QTableWidgetItem *key = m_connections->item(row, KeyColumn);
    key->setData(Qt::UserRole, keyId);
    // Servers with this console's plugin name the key on the connection; others need the lookup.
    if (const QString name = c.value(QStringLiteral("keyName")).toString(); !keyId.isEmpty() && !name.isEmpty())
        m_keyNames.insert(keyId, name);
    key->setToolTip(keyId.isEmpty() ? QString() : TableColumns::plainToolTip(tr("Key id: %1").arg(keyId)));
    setCell(m_connections, row, KeyColumn, keyId.isEmpty() ? QStringLiteral("—") : keyLabel(keyId));
    const QString remote = c.value(QStringLiteral("remoteAddress")).toString();
    m_connections->item(row, WhoColumn)->setToolTip(remote.isEmpty() ? QString() : TableColumns::plainToolTip(tr("From %1").arg(remote)));
}

void SessionsPage::applyList(const QJsonArray &connections)
{
    QSet<QString> listed;
    for (const QJsonValue &v : connections) {
        upsertConnection(v.toObject());
        listed.insert(v.toObject().value(QStringLiteral("connectionId")).toString());
    }
    for (int r = m_connections->rowCount() - 1; r >= 0; --r)
        if (!listed.contains(m_connections->item(r, ConnectionIdColumn)->text()))
            m_connections->removeRow(r);
}

void SessionsPage::removeConnection(const QString &id)
{
    const int r = connectionRow(id);
    if (r >= 0)
        m_connections->removeRow(r);
}

QString SessionsPage::keyLabel(const QString &keyId)
{
    const auto it = m_keyNames.constFind(keyId);
    if (it != m_keyNames.constEnd())
        return it->isEmpty() ? tr("(unnamed)") : *it;
    if (m_keysMissing.contains(keyId))
        return keyId;   // deleted, or not visible to this admin: the id is all there is
    if (!m_keysLoading)
        QTimer::singleShot(0, this, [this] {
            if (!m_keysLoading)
                fetchKeyNames();
        });
    return tr("…");
}

void SessionsPage::fetchKeyNames(int offset)
{
    Session *s = m_context->services()->session();
    if (!s->isSignedIn())
        return;
    if (offset == 0) {
        m_keysLoading = true;
        ++m_keysGeneration;
        m_keysCovered.clear();
        for (int r = 0; r < m_connections->rowCount(); ++r)
            if (QTableWidgetItem *k = m_connections->item(r, KeyColumn))
                if (const QString id = k->data(Qt::UserRole).toString(); !id.isEmpty() && !m_keyNames.contains(id))
                    m_keysCovered.insert(id);
    }
    const int gen = m_keysGeneration;
    ConsoleApi &api = *m_context->services()->console();
    api.listApiKeys(QString(), kKeyPage, offset, this, [this, gen, offset](Result<Page<ApiKey>> r) {
        if (gen != m_keysGeneration)
            return;
        if (r.ok()) {
            for (const ApiKey &k : r.value().items)
                m_keyNames.insert(k.id, k.name);
            const int next = offset + int(r.value().items.size());
            if (!r.value().items.isEmpty() && next < r.value().total) {
                fetchKeyNames(next);
                return;
            }
        }
        m_keysLoading = false;
        // What this fetch was asked about and did not find is shown by its id from now on; an id that
        // showed up during the fetch gets a fetch of its own (refreshKeyCells asks for it).
        for (const QString &id : std::as_const(m_keysCovered))
            if (!m_keyNames.contains(id))
                m_keysMissing.insert(id);
        if (!r.ok())
            for (int row = 0; row < m_connections->rowCount(); ++row)
                if (QTableWidgetItem *k = m_connections->item(row, KeyColumn))
                    if (const QString id = k->data(Qt::UserRole).toString(); !id.isEmpty() && !m_keyNames.contains(id))
                        m_keysMissing.insert(id);   // no retry loop on a refused list; Refresh asks again
        m_keysCovered.clear();
        refreshKeyCells();
    });
}

void SessionsPage::refreshKeyCells()
{
    for (int r = 0; r < m_connections->rowCount(); ++r)
        if (QTableWidgetItem *k = m_connections->item(r, KeyColumn))
            if (const QString id = k->data(Qt::UserRole).toString(); !id.isEmpty())
                if (const QString label = keyLabel(id); k->text() != label)
                    k->setText(label);
}

void SessionsPage::onEvent(const QJsonObject &frame)
{
    const QString event = frame.value(QStringLiteral("event")).toString();
    const QJsonObject data = frame.value(QStringLiteral("data")).toObject();
    if (event == QLatin1String("connection.opened")) {
        upsertConnection(data);
    } else if (event == QLatin1String("connection.closed")) {
        removeConnection(data.value(QStringLiteral("connectionId")).toString());
    } else if (event == QLatin1String("session.created")) {
        // Read as strictly as a listed row (a pushed row without an id is not shown).
        const std::optional<UserSession> created = UserSession::fromJson(data);
        if (created && sessionRow(created->id) < 0) {
            addSessionRow(*created, true);
            ++m_sessionsTotal;
            updateSessionCount();
        }
    } else if (event == QLatin1String("session.revoked")) {
        const int r = sessionRow(data.value(QStringLiteral("id")).toString());
        if (r >= 0) {
            m_sessions->removeRow(r);   // if it was the picked row, nothing else becomes selected (ViewSelection)
            m_sessionsTotal = std::max(0, m_sessionsTotal - 1);
            updateSessionCount();
        }
    } else if (event == QLatin1String("key.created") || event == QLatin1String("key.updated")) {
        // The event carries the key (never its secret): its name refreshes the cache at once.
        const QString id = data.value(QStringLiteral("id")).toString();
        if (!id.isEmpty() && data.contains(QStringLiteral("name"))) {
            m_keyNames.insert(id, data.value(QStringLiteral("name")).toString());
            m_keysMissing.remove(id);
        } else {
            m_keysMissing.clear();
            m_keyNames.clear();
        }
        refreshKeyCells();
    }
}

void SessionsPage::revokeSelected()
{
    const int row = m_sessions->currentRow();
    if (row < 0 || !m_sessions->item(row, 0))
        return;
    const QString id = m_sessions->item(row, 0)->data(Qt::UserRole).toString();
    const bool own = id == m_context->services()->session()->sessionId();
    const QString who = m_sessions->item(row, SessionUser)->text();
    // Every row may belong to the same user: name the session by what tells it apart.
    const auto cell = [this, row](int c) {
        const QTableWidgetItem *i = m_sessions->item(row, c);
        const QString t = i ? i->text() : QString();
        return t.isEmpty() || t == QStringLiteral("—") ? tr("unknown") : t;
    };
    const QString text =
        own ? tr("<p><b>This is the session this console is using; you will be signed out.</b></p>"
                 "<p>Revoking it ends this console's sign-in on the server at once, closes its live channel, and "
                 "forgets the saved sign-in here. You will need to sign in again to continue.</p>")
            : tr("<p>Revoke this session of <b>%1</b>?</p><p>Client: %2<br>From: %3<br>Signed in: %4</p>"
                 "<p>That client is signed out at once and its open channels close.</p>")
                  .arg(who.toHtmlEscaped(), cell(SessionUserAgent).toHtmlEscaped(), cell(SessionIp).toHtmlEscaped(),
                       cell(SessionCreated).toHtmlEscaped());
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
    api.revokeSession(id, this,
            [this, id, own, endpoint](Result<QJsonObject> r) {
                if (!r.ok()) {
                    m_banner->showMessage(r.error().userMessage(), MessageBanner::Type::Error);
                    return;
                }
                onEvent({{QStringLiteral("event"), QStringLiteral("session.revoked")},
                         {QStringLiteral("data"), QJsonObject{{QStringLiteral("id"), id}}}});
                if (!own) {
                    m_banner->showMessage(tr("Session revoked."), MessageBanner::Type::Positive, 4000);
                    return;
                }
                // The token is dead on the server: forget it here too (memory and keychain), as sign-out does.
                m_context->services()->auth()->logout(endpoint, this, [this](const LogoutOutcome &o) {
                    if (!o.keychainCleared && !o.keychainError.isEmpty())
                        m_banner->showMessage(tr("This console's session is revoked and you are signed out, but the "
                                                 "keychain entry could not be removed: %1").arg(o.keychainError),
                                              MessageBanner::Type::Warning);
                    else
                        m_banner->showMessage(tr("This console's session is revoked; you are signed out."),
                                              MessageBanner::Type::Info);
                });
            });
}
