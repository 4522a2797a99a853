#include "AuditService.h"

#include "core/Logging.h"
#include "core/Session.h"
#include "models/AuditModel.h"
#include "net/ChannelSocket.h"
#include "net/ConsoleApi.h"

#include <QJsonDocument>

#include <algorithm>

AuditService::AuditService(ConsoleApi *api, QObject *parent)
    : QObject(parent), m_api(api), m_model(new AuditModel(this))
{
    connect(api->session(), &Session::changed, this, [this] {
        const Session *s = m_api->session();
        const QString identity = s->isSignedIn() ? s->endpoint().key() + QLatin1Char(' ') + s->sessionId() : QString();
        if (!s->isSignedIn()) {
            clear();
            return;
        }
        if (identity != m_identity) {
            // Another sign-in or server: the feature is asked again, the channel reopened with the new token.
            m_identity = identity;
            m_checked = false;
            if (m_live && identity != m_liveFor && m_liveWanted)
                openLive();
        }
    });
}

AuditService::~AuditService() = default;

QString AuditService::unsupportedMessage()
{
    return tr("This server keeps no audit trail (its console plugin does not announce \"audit\": console API v1.1 needed).");
}

void AuditService::setState(State s)
{
    if (s == m_state)
        return;
    m_state = s;
    emit stateChanged(s);
}

void AuditService::setPageSize(int n)
{
    m_pageSize = std::clamp(n, 1, 1000);
}

bool AuditService::canFetchMore() const
{
    return m_state == State::Ready && m_nextCursor.has_value() && !m_model->isFull() && !m_model->truncatedTail();
}

void AuditService::setFilter(const AuditFilter &filter)
{
    if (filter == m_filter && m_state != State::Idle && m_state != State::Failed)
        return;
    m_filter = filter;
    reload();
}

void AuditService::clear()
{
    ++m_generation;
    if (m_running)
        m_running->abort();
    m_model->clear();
    m_nextCursor.reset();
    m_total = 0;
    m_checked = false;
    m_supported = false;
    if (m_live)
        m_live->close();
    m_liveFor.clear();
    setLiveStatus({});
    setState(State::Idle);
}

void AuditService::reload()
{
    ++m_generation;
    if (m_running)
        m_running->abort();
    m_model->clear();
    m_nextCursor.reset();
    m_total = 0;
    m_totalExact = false;
    m_firstRowsMs = -1;
    m_sinceReload.start();
    if (const QString why = m_filter.validate(); !why.isEmpty()) {
        m_error = ApiError::make(ApiError::Kind::BadResponse, why);
        setState(State::Failed);
        return;
    }
    if (!m_api->session()->isSignedIn()) {
        m_error = ApiError::make(ApiError::Kind::Unauthorized, tr("not signed in"));
        setState(State::Failed);
        return;
    }
    if (m_checked) {
        if (!m_supported) {
            setState(State::Unsupported);
            return;
        }
        fetchPage(true);
        return;
    }
    setState(State::Checking);
    const int gen = m_generation;
    m_running = m_api->info(this, [this, gen](Result<ConsoleInfo> r) {
        if (gen != m_generation)
            return;
        if (!r.ok()) {
            m_error = r.error();
            setState(State::Failed);
            return;
        }
        m_checked = true;
        m_supported = r.value().supports(QStringLiteral("audit"));
        if (!m_supported) {
            setState(State::Unsupported);
            if (m_live)
                m_live->close();
            return;
        }
        fetchPage(true);
        if (m_liveWanted && !isLive())
            openLive();
    });
}

void AuditService::fetchMore()
{
    if (canFetchMore())
        fetchPage(false);
}

void AuditService::fetchPage(bool first)
{
    setState(State::Loading);
    const int gen = m_generation;
    const int limit = std::min(m_pageSize, std::max(1, m_model->maxRows() - m_model->rowCount()));
    m_running = m_api->listAudit(m_filter, limit, first ? QString() : m_nextCursor.value_or(QString()), this,
                                 [this, gen, first](Result<AuditEntryPage> r) {
        if (gen != m_generation)
            return;
        if (!r.ok()) {
            m_error = r.error();
            setState(State::Failed);
            return;
        }
        const AuditEntryPage &p = r.value();
        // A cursor the server repeats would page forever: the walk ends there.
        m_nextCursor = (p.nextCursor && p.nextCursor != m_nextCursor && !p.entries.isEmpty()) ? p.nextCursor : std::nullopt;
        if (first || p.totalExact)
            m_total = p.total;
        m_totalExact = p.totalExact;
        const int added = m_model->append(p.entries);
        m_total = std::max(m_total, m_model->rowCount());
        if (first)
            m_firstRowsMs = m_sinceReload.elapsed();
        setState(State::Ready);
        emit pageLoaded(added);
    });
}

bool AuditService::isLive() const
{
    return m_live && m_live->state() == ChannelSocket::State::Open;
}

void AuditService::setLiveStatus(const QString &s)
{
    if (s == m_liveStatus)
        return;
    m_liveStatus = s;
    emit liveStatusChanged(s);
}

void AuditService::setLive(bool on)
{
    m_liveWanted = on;
    if (!on) {
        if (m_live)
            m_live->close();
        m_liveFor.clear();
        setLiveStatus(tr("Live updates off."));
        return;
    }
    if (m_checked && m_supported && !isLive())
        openLive();
}

void AuditService::openLive()
{
    const Session *s = m_api->session();
    if (!s->isSignedIn())
        return;
    if (!m_live) {
        m_live = new ChannelSocket(this);
        connect(m_live, &ChannelSocket::opened, this, [this] {
            m_live->sendText(R"({"action":"subscribe","topic":"sessions"})");
            setLiveStatus(tr("Live: new entries appear at the top."));
        });
        connect(m_live, &ChannelSocket::textReceived, this, [this](const QByteArray &text) {
            const QJsonObject o = QJsonDocument::fromJson(text).object();
            if (o.contains(QStringLiteral("topic")) && !o.contains(QStringLiteral("action")))
                handleLiveFrame(o);
        });
        connect(m_live, &ChannelSocket::rejected, this,
                [this](int status, const QString &) { setLiveStatus(tr("Live channel refused (HTTP %1): not updating live.").arg(status)); });
        connect(m_live, &ChannelSocket::failed, this,
                [this](const QString &msg) { setLiveStatus(tr("Live channel unavailable: %1").arg(msg)); });
        connect(m_live, &ChannelSocket::reconnectScheduled, this, [this](int delayMs, int) {
            setLiveStatus(tr("Live channel lost; reconnecting in %1 s… (entries meanwhile: Refresh)").arg((delayMs + 999) / 1000));
        });
        connect(m_live, &ChannelSocket::closed, this, [this](int code, const QString &) {
            if (m_liveWanted)
                setLiveStatus(tr("Live channel closed (%1).").arg(code));
        });
    }
    QUrl url = s->endpoint().authUrl(QStringLiteral("/console/live"));
    url.setScheme(url.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    ChannelSocket::Options o;
    o.reconnect = true;
    o.allowInsecure = s->endpoint().allowInsecureHttp;
    o.maxMessageBytes = 1024 * 1024;   // an audit event is a few hundred bytes
    o.maxFrameBytes = 1024 * 1024;
    m_liveFor = s->endpoint().key() + QLatin1Char(' ') + s->sessionId();
    setLiveStatus(tr("Connecting to the live channel…"));
    m_live->open(url, Credentials::person(s->token(), s->endpoint().baseUrl), o);
}

bool AuditService::handleLiveFrame(const QJsonObject &frame)
{
    if (frame.value(QStringLiteral("event")).toString() != QLatin1String("audit"))
        return false;
    QString why;
    const auto entry = AuditEntry::fromJson(frame.value(QStringLiteral("data")).toObject(), &why);
    if (!entry) {
        qCWarning(lcWs) << "audit event ignored:" << why;
        return false;
    }
    if (m_state != State::Ready && m_state != State::Loading)
        return false;
    if (!m_filter.matches(*entry) || !m_model->prepend(*entry))
        return false;
    ++m_total;
    emit liveEntryAdded(*entry);
    return true;
}
