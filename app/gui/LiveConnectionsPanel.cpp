#include "LiveConnectionsPanel.h"
#include "ui_LiveConnectionsPanel.h"

#include "AppContext.h"
#include "TableColumns.h"
#include "ViewSelection.h"
#include "core/ConsoleTypes.h"
#include "core/Duration.h"
#include "core/Json.h"
#include "net/ChannelSocket.h"
#include "net/ConsoleApi.h"
#include "services/Services.h"

#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTableWidget>
#include <QTimer>

#include <utility>

namespace {
constexpr int kKeyPage = 1000;   // console-api.md: limit 1–1000
} // namespace

LiveConnectionsPanel::LiveConnectionsPanel(AppContext *context, QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::LiveConnectionsPanel>()), m_context(context),
      m_live(new ChannelSocket(this)), m_listTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("liveConnectionsPanel"));
    m_ui->setupUi(this);
    QTableWidget *t = m_ui->connectionsTable;
    t->setColumnCount(ConnectionIdColumn + 1);
    t->setHorizontalHeaderLabels({tr("Who"), tr("Via"), tr("Key"), tr("Since"), tr("In"), tr("Out"), tr("Connection")});
    TableColumns::Options connectionColumns;
    connectionColumns.elastic = ConnectionIdColumn;
    connectionColumns.elideMiddle = {ConnectionIdColumn};
    new TableColumns(t, context->services()->settings(), QStringLiteral("connections"), connectionColumns);

    // Counts come from the server; a re-sent list only replaces numbers, so the admin keeps the selection.
    m_listTimer->setInterval(5000);
    connect(m_listTimer, &QTimer::timeout, this, &LiveConnectionsPanel::sendList);

    connect(m_live, &ChannelSocket::opened, this, [this] {
        m_ui->liveState->setText(tr("<b>Live channel connections</b> — updated by pushed events"));
        m_live->sendText(R"({"action":"subscribe","topic":"sessions"})");
        m_live->sendText(R"({"action":"list"})");
        updateListTimer();
    });
    connect(m_live, &ChannelSocket::textReceived, this, [this](const QByteArray &text) {
        const QJsonObject o = QJsonDocument::fromJson(text).object();
        if (o.value(QStringLiteral("action")).toString() == QLatin1String("list")) {
            if (!o.contains(QStringLiteral("error")))
                applyList(o.value(QStringLiteral("connections")).toArray());
        } else if (o.contains(QStringLiteral("topic")) && !o.contains(QStringLiteral("action"))) {
            handleEvent(o);
        }
    });
    connect(m_live, &ChannelSocket::rejected, this, [this](int status, const QString &) {
        updateListTimer();
        m_ui->liveState->setText(tr("Live channel refused (HTTP %1): connections are not shown.").arg(status));
    });
    connect(m_live, &ChannelSocket::failed, this, [this](const QString &msg) {
        updateListTimer();
        m_ui->liveState->setText(tr("Live channel unavailable: %1").arg(msg));
    });
    connect(m_live, &ChannelSocket::closed, this, [this](int code, const QString &) {
        updateListTimer();
        if (code >= 4400 && code < 4500)
            m_ui->liveState->setText(tr("Live channel closed: the server ended this console's session (%1). Sign in again "
                                        "to see connections.").arg(code));
        else if (m_context->services()->session()->isSignedIn())
            m_ui->liveState->setText(tr("Live channel closed (%1).").arg(code));
    });
    connect(m_live, &ChannelSocket::reconnectScheduled, this, [this](int delayMs, int) {
        updateListTimer();
        m_ui->liveState->setText(tr("Live channel lost; reconnecting in %1 s…").arg((delayMs + 999) / 1000));
    });
}

LiveConnectionsPanel::~LiveConnectionsPanel() = default;

QTableWidget *LiveConnectionsPanel::connectionsTable() const
{
    return m_ui->connectionsTable;
}

bool LiveConnectionsPanel::isLive() const
{
    return m_live->state() == ChannelSocket::State::Open;
}

int LiveConnectionsPanel::listIntervalMs() const
{
    return m_listTimer->interval();
}

void LiveConnectionsPanel::setListIntervalMs(int ms)
{
    m_listTimer->setInterval(ms);
}

void LiveConnectionsPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (isLive())
        sendList();   // counts as of now, not as of when the page was last looked at
    updateListTimer();
}

void LiveConnectionsPanel::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    updateListTimer();
}

void LiveConnectionsPanel::updateListTimer()
{
    if (isLive() && isVisible()) {
        if (!m_listTimer->isActive())
            m_listTimer->start();
    } else {
        m_listTimer->stop();
    }
}

void LiveConnectionsPanel::sendList()
{
    if (isLive())
        m_live->sendText(R"({"action":"list"})");
}

QString LiveConnectionsPanel::liveIdentity() const
{
    const Session *s = m_context->services()->session();
    return s->isSignedIn() ? s->endpoint().key() + QLatin1Char(' ') + s->sessionId() : QString();
}

bool LiveConnectionsPanel::openedForCurrentSignIn() const
{
    return liveIdentity() == m_liveFor;
}

void LiveConnectionsPanel::refresh()
{
    // Names of keys seen since are looked up again.
    m_keysMissing.clear();
    refreshKeyCells();
    if (m_live->state() == ChannelSocket::State::Open || m_live->state() == ChannelSocket::State::Connecting)
        sendList();
    else
        connectLive();
}

void LiveConnectionsPanel::restart()
{
    m_keyNames.clear();
    m_keysMissing.clear();
    connectLive();
}

void LiveConnectionsPanel::stop()
{
    m_live->close();
    m_liveFor.clear();
    m_ui->connectionsTable->setRowCount(0);
    m_ui->liveState->setText(tr("Not signed in."));
}

void LiveConnectionsPanel::connectLive()
{
    const Session *s = m_context->services()->session();
    if (!s->isSignedIn())
        return;
    QUrl url = s->endpoint().authUrl(QStringLiteral("/console/live"));
    url.setScheme(url.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    ChannelSocket::Options o;
    o.reconnect = true;
    o.allowInsecure = s->endpoint().allowInsecureHttp;
    m_ui->liveState->setText(tr("Connecting to the live channel…"));
    m_ui->connectionsTable->setRowCount(0);
    m_liveFor = liveIdentity();
    m_live->open(url, Credentials::person(s->token(), s->endpoint().baseUrl), o);
}

void LiveConnectionsPanel::setCell(int row, int col, const QString &text)
{
    QTableWidget *t = m_ui->connectionsTable;
    QTableWidgetItem *item = t->item(row, col);
    if (!item)
        t->setItem(row, col, new QTableWidgetItem(text));
    else if (item->text() != text)
        item->setText(text);   // in place: selection and scroll position stay
}

int LiveConnectionsPanel::connectionRow(const QString &connectionId) const
{
    const QTableWidget *t = m_ui->connectionsTable;
    for (int r = 0; r < t->rowCount(); ++r)
        if (t->item(r, ConnectionIdColumn) && t->item(r, ConnectionIdColumn)->text() == connectionId)
            return r;
    return -1;
}

void LiveConnectionsPanel::upsertConnection(const QJsonObject &c)
{
    QTableWidget *t = m_ui->connectionsTable;
    const QString id = c.value(QStringLiteral("connectionId")).toString();
    if (id.isEmpty())
        return;
    int row = connectionRow(id);
    if (row < 0) {
        row = t->rowCount();
        t->insertRow(row);
    }
    const QString via = c.value(QStringLiteral("via")).toString();
    const QString keyId = c.value(QStringLiteral("keyId")).toString();
    setCell(row, WhoColumn, c.value(QStringLiteral("email")).toString());
    setCell(row, ViaColumn, via);
    setCell(row, SinceColumn, formatLocalTime(parseIsoDateTime(c.value(QStringLiteral("openedAt")).toString())));
    setCell(row, InColumn, QString::number(c.value(QStringLiteral("messagesIn")).toInteger()));
    setCell(row, OutColumn, QString::number(c.value(QStringLiteral("messagesOut")).toInteger()));
    setCell(row, ConnectionIdColumn, id);
    if (!t->item(row, KeyColumn))
        t->setItem(row, KeyColumn, new QTableWidgetItem);
    QTableWidgetItem *key = t->item(row, KeyColumn);
    key->setData(Qt::UserRole, keyId);
    // Servers with this console's plugin name the key on the connection; others need the lookup.
    if (const QString name = c.value(QStringLiteral("keyName")).toString(); !keyId.isEmpty() && !name.isEmpty())
        m_keyNames.insert(keyId, name);
    key->setToolTip(keyId.isEmpty() ? QString() : TableColumns::plainToolTip(tr("Key id: %1").arg(keyId)));
    setCell(row, KeyColumn, keyId.isEmpty() ? QStringLiteral("—") : keyLabel(keyId));
    const QString remote = c.value(QStringLiteral("remoteAddress")).toString();
    t->item(row, WhoColumn)->setToolTip(remote.isEmpty() ? QString() : TableColumns::plainToolTip(tr("From %1").arg(remote)));
}

void LiveConnectionsPanel::applyList(const QJsonArray &connections)
{
    QSet<QString> listed;
    for (const QJsonValue &v : connections) {
        upsertConnection(v.toObject());
        listed.insert(v.toObject().value(QStringLiteral("connectionId")).toString());
    }
    QTableWidget *t = m_ui->connectionsTable;
    for (int r = t->rowCount() - 1; r >= 0; --r)
        if (!listed.contains(t->item(r, ConnectionIdColumn)->text()))
            t->removeRow(r);
}

void LiveConnectionsPanel::removeConnection(const QString &id)
{
    const int r = connectionRow(id);
    if (r >= 0)
        m_ui->connectionsTable->removeRow(r);
}

QString LiveConnectionsPanel::keyLabel(const QString &keyId)
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

void LiveConnectionsPanel::fetchKeyNames(int offset)
{
    Session *s = m_context->services()->session();
    if (!s->isSignedIn())
        return;
    QTableWidget *t = m_ui->connectionsTable;
    if (offset == 0) {
        m_keysLoading = true;
        ++m_keysGeneration;
        m_keysCovered.clear();
        for (int r = 0; r < t->rowCount(); ++r)
            if (QTableWidgetItem *k = t->item(r, KeyColumn))
                if (const QString id = k->data(Qt::UserRole).toString(); !id.isEmpty() && !m_keyNames.contains(id))
                    m_keysCovered.insert(id);
    }
    const int gen = m_keysGeneration;
    ConsoleApi &api = *m_context->services()->console();
    api.listApiKeys(QString(), kKeyPage, offset, this, [this, t, gen, offset](Result<Page<ApiKey>> r) {
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
            for (int row = 0; row < t->rowCount(); ++row)
                if (QTableWidgetItem *k = t->item(row, KeyColumn))
                    if (const QString id = k->data(Qt::UserRole).toString(); !id.isEmpty() && !m_keyNames.contains(id))
                        m_keysMissing.insert(id);   // no retry loop on a refused list; Refresh asks again
        m_keysCovered.clear();
        refreshKeyCells();
    });
}

void LiveConnectionsPanel::refreshKeyCells()
{
    QTableWidget *t = m_ui->connectionsTable;
    for (int r = 0; r < t->rowCount(); ++r)
        if (QTableWidgetItem *k = t->item(r, KeyColumn))
            if (const QString id = k->data(Qt::UserRole).toString(); !id.isEmpty())
                if (const QString label = keyLabel(id); k->text() != label)
                    k->setText(label);
}

void LiveConnectionsPanel::handleEvent(const QJsonObject &frame)
{
    const QString event = frame.value(QStringLiteral("event")).toString();
    const QJsonObject data = frame.value(QStringLiteral("data")).toObject();
    if (event == QLatin1String("connection.opened")) {
        upsertConnection(data);
    } else if (event == QLatin1String("connection.closed")) {
        removeConnection(data.value(QStringLiteral("connectionId")).toString());
    } else if (event == QLatin1String("session.created")) {
        // Read as strictly as a listed row (a pushed row without an id is not shown).
        if (const std::optional<UserSession> created = UserSession::fromJson(data))
            emit sessionCreated(*created);
    } else if (event == QLatin1String("session.revoked")) {
        if (const QString id = data.value(QStringLiteral("id")).toString(); !id.isEmpty())
            emit sessionRevoked(id);
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
