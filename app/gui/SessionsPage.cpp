#include "SessionsPage.h"

#include "AppContext.h"
#include "Dialogs.h"
#include "MessageBanner.h"
#include "core/Json.h"
#include "core/Services.h"
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
#include <QVBoxLayout>

namespace {
QString shortTime(const QString &iso)
{
    const QDateTime t = parseIsoDateTime(iso);
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QStringLiteral("—");
}

QTableWidget *makeTable(QWidget *parent, const char *name, const QStringList &headers)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(QLatin1String(name));
    t->setHorizontalHeaderLabels(headers);
    t->horizontalHeader()->setStretchLastSection(true);
    t->verticalHeader()->setVisible(false);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setAlternatingRowColors(true);
    t->setWordWrap(false);
    return t;
}
} // namespace

SessionsPage::SessionsPage(AppContext *context, QWidget *parent)
    : QWidget(parent), m_context(context), m_banner(new MessageBanner(this)), m_live(new ChannelSocket(this))
{
    setObjectName(QStringLiteral("sessionsPage"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(12, 10, 12, 10);
    outer->addWidget(m_banner);
    auto *bar = new QHBoxLayout;
    auto *title = new QLabel(tr("<b>Sessions</b> (people signed in; tokens are never shown)"), this);
    m_revoke = new QPushButton(tr("Revoke…"), this);
    m_revoke->setObjectName(QStringLiteral("revokeSessionButton"));
    m_revoke->setShortcut(QKeySequence::Delete);
    auto *refresh = new QPushButton(tr("Refresh"), this);
    refresh->setShortcut(QKeySequence::Refresh);
    bar->addWidget(title, 1);
    bar->addWidget(m_revoke);
    bar->addWidget(refresh);
    outer->addLayout(bar);
    auto *split = new QSplitter(Qt::Vertical, this);
    m_sessions = makeTable(split, "sessionsTable", {tr("User"), tr("Name"), tr("Created"), tr("Expires"), tr("IP"), tr("Impersonated by"), tr("User agent")});
    m_sessions->setColumnWidth(0, 260);
    m_sessions->setColumnWidth(2, 130);
    m_sessions->setColumnWidth(3, 130);
    m_sessions->setColumnWidth(5, 130);
    auto *liveBox = new QWidget(split);
    auto *liveLayout = new QVBoxLayout(liveBox);
    liveLayout->setContentsMargins(0, 6, 0, 0);
    m_liveState = new QLabel(liveBox);
    m_liveState->setObjectName(QStringLiteral("liveState"));
    liveLayout->addWidget(m_liveState);
    m_connections = makeTable(liveBox, "connectionsTable", {tr("Who"), tr("Via"), tr("Key"), tr("Since"), tr("In"), tr("Out"), tr("Connection")});
    m_connections->setColumnWidth(0, 260);
    m_connections->setColumnWidth(3, 130);
    liveLayout->addWidget(m_connections);
    outer->addWidget(split, 1);

    connect(refresh, &QPushButton::clicked, this, &SessionsPage::reload);
    connect(m_revoke, &QPushButton::clicked, this, &SessionsPage::revokeSelected);
    connect(m_live, &ChannelSocket::opened, this, [this] {
        m_liveState->setText(tr("<b>Live channel connections</b> — updated by pushed events"));
        m_live->sendText(R"({"action":"subscribe","topic":"sessions"})");
        m_live->sendText(R"({"action":"list"})");
    });
    connect(m_live, &ChannelSocket::textReceived, this, [this](const QByteArray &t) {
        const QJsonObject o = QJsonDocument::fromJson(t).object();
        if (o.value(QStringLiteral("action")).toString() == QLatin1String("list")) {
            m_connections->setRowCount(0);
            for (const QJsonValue &c : o.value(QStringLiteral("connections")).toArray())
                upsertConnection(c.toObject());
        } else if (o.contains(QStringLiteral("topic"))) {
            onEvent(o);
        }
    });
    connect(m_live, &ChannelSocket::rejected, this, [this](int status, const QString &) {
        m_liveState->setText(tr("Live channel refused (HTTP %1): connections are not shown.").arg(status));
    });
    connect(m_live, &ChannelSocket::failed, this, [this](const QString &msg) {
        m_liveState->setText(tr("Live channel unavailable: %1").arg(msg));
    });
    connect(context->services()->session(), &Session::changed, this, [this] {
        if (!m_context->services()->session()->isSignedIn())
            m_live->close();
    });
}

SessionsPage::~SessionsPage() = default;

bool SessionsPage::isLive() const
{
    return m_live->state() == ChannelSocket::State::Open;
}

void SessionsPage::reload()
{
    Session *s = m_context->services()->session();
    if (!s->isSignedIn()) {
        m_banner->showMessage(tr("Sign in to see sessions."), MessageBanner::Type::Info);
        return;
    }
    const int gen = ++m_generation;
    ConsoleApi api(m_context->services()->http(), s);
    api.raw("GET", QStringLiteral("/console/sessions?limit=500"), {}, this, [this, gen](Result<QJsonObject> r) {
        if (gen != m_generation)
            return;
        if (!r.ok()) {
            m_banner->showMessage(r.error().serverMessage.isEmpty() ? r.error().userMessage() : r.error().serverMessage,
                                  MessageBanner::Type::Error);
            return;
        }
        m_sessions->setRowCount(0);
        for (const QJsonValue &v : r.value().value(QStringLiteral("sessions")).toArray())
            addSessionRow(v.toObject(), false);
    });
    if (m_live->state() != ChannelSocket::State::Open && m_live->state() != ChannelSocket::State::Connecting)
        connectLive();
}

void SessionsPage::connectLive()
{
    const Session *s = m_context->services()->session();
    QUrl url = s->endpoint().authUrl(QStringLiteral("/console/live"));
    url.setScheme(url.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    ChannelSocket::Options o;
    o.reconnect = true;
    o.allowInsecure = s->endpoint().allowInsecureHttp;
    m_liveState->setText(tr("Connecting to the live channel…"));
    m_live->open(url, Credentials::person(s->token()), o);
}

void SessionsPage::addSessionRow(const QJsonObject &s, bool atTop)
{
    const int row = atTop ? 0 : m_sessions->rowCount();
    m_sessions->insertRow(row);
    const QStringList cells{s.value(QStringLiteral("userEmail")).toString(), s.value(QStringLiteral("userName")).toString(),
                            shortTime(s.value(QStringLiteral("createdAt")).toString()),
                            shortTime(s.value(QStringLiteral("expiresAt")).toString()),
                            s.value(QStringLiteral("ipAddress")).toString(QStringLiteral("—")),
                            s.value(QStringLiteral("impersonatedBy")).toString(), s.value(QStringLiteral("userAgent")).toString()};
    for (int c = 0; c < cells.size(); ++c)
        m_sessions->setItem(row, c, new QTableWidgetItem(cells.at(c)));
    m_sessions->item(row, 0)->setData(Qt::UserRole, s.value(QStringLiteral("id")).toString());
    if (s.value(QStringLiteral("id")).toString() == m_context->services()->session()->sessionId())
        m_sessions->item(row, 0)->setText(cells.at(0) + tr("  (this console)"));
}

void SessionsPage::upsertConnection(const QJsonObject &c)
{
    const QString id = c.value(QStringLiteral("connectionId")).toString();
    int row = -1;
    for (int r = 0; r < m_connections->rowCount(); ++r)
        if (m_connections->item(r, 6)->text() == id)
            row = r;
    if (row < 0) {
        row = m_connections->rowCount();
        m_connections->insertRow(row);
    }
    const QStringList cells{c.value(QStringLiteral("email")).toString(), c.value(QStringLiteral("via")).toString(),
                            c.value(QStringLiteral("keyId")).toString(), shortTime(c.value(QStringLiteral("openedAt")).toString()),
                            QString::number(c.value(QStringLiteral("messagesIn")).toInt()),
                            QString::number(c.value(QStringLiteral("messagesOut")).toInt()), id};
    for (int col = 0; col < cells.size(); ++col)
        m_connections->setItem(row, col, new QTableWidgetItem(cells.at(col)));
}

void SessionsPage::removeConnection(const QString &id)
{
    for (int r = 0; r < m_connections->rowCount(); ++r)
        if (m_connections->item(r, 6)->text() == id) {
            m_connections->removeRow(r);
            return;
        }
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
        addSessionRow(data, true);
    } else if (event == QLatin1String("session.revoked")) {
        for (int r = 0; r < m_sessions->rowCount(); ++r)
            if (m_sessions->item(r, 0)->data(Qt::UserRole).toString() == data.value(QStringLiteral("id")).toString()) {
                m_sessions->removeRow(r);
                break;
            }
    }
}

void SessionsPage::revokeSelected()
{
    const int row = m_sessions->currentRow();
    if (row < 0)
        return;
    const QString id = m_sessions->item(row, 0)->data(Qt::UserRole).toString();
    const QString who = m_sessions->item(row, 0)->text();
    Dialogs::confirm(this, tr("Revoke session"),
                     tr("Revoke the session of <b>%1</b>? That client is signed out at once and its open channels close.")
                         .arg(who.toHtmlEscaped()),
                     tr("Revoke"), [this, id](bool yes) {
                         if (!yes)
                             return;
                         ConsoleApi api(m_context->services()->http(), m_context->services()->session());
                         api.raw("POST", QStringLiteral("/console/sessions/revoke"), {{QStringLiteral("sessionId"), id}}, this,
                                 [this, id](Result<QJsonObject> r) {
                                     if (!r.ok()) {
                                         m_banner->showMessage(r.error().userMessage(), MessageBanner::Type::Error);
                                         return;
                                     }
                                     m_banner->showMessage(tr("Session revoked."), MessageBanner::Type::Positive, 4000);
                                     onEvent({{QStringLiteral("event"), QStringLiteral("session.revoked")},
                                              {QStringLiteral("data"), QJsonObject{{QStringLiteral("id"), id}}}});
                                 });
                     }, QMessageBox::Warning);
}
