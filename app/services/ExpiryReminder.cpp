#include "ExpiryReminder.h"

#include "OverviewService.h"
#include "core/Clock.h"
#include "core/Session.h"

#include <QCryptographicHash>
#include <QSettings>

ExpiryReminder::ExpiryReminder(OverviewService *overview, Session *session, QSettings *settings, Clock *clock, QObject *parent)
    : QObject(parent), m_overview(overview), m_session(session), m_settings(settings), m_clock(clock)
{
    connect(m_overview, &OverviewService::refreshed, this, [this] {
        if (m_checking)   // else a refresh nobody asked this check for
            onSnapshot();
    });
    connect(m_overview, &OverviewService::failed, this, [this] {
        if (!m_checking)
            return;
        m_checking = false;   // tried again at the next hour
        ++m_checks;
        emit checked();
    });
}

ExpiryReminder::~ExpiryReminder() = default;

bool ExpiryReminder::isEnabled() const
{
    return m_settings->value(settingKey(), true).toBool();
}

void ExpiryReminder::setEnabled(bool on)
{
    m_settings->setValue(settingKey(), on);
    if (!on)
        stop();
    else if (m_session->isSignedIn())
        start();
}

void ExpiryReminder::start()
{
    stop();
    if (!isEnabled() || !m_session->isSignedIn())
        return;
    m_running = true;
    checkNow();
    scheduleNext();
}

void ExpiryReminder::stop()
{
    ++m_generation;   // drops the scheduled check
    m_running = false;
    m_checking = false;
}

void ExpiryReminder::scheduleNext()
{
    const int gen = m_generation;
    m_clock->schedule(kCheckEveryMs, this, [this, gen] {
        if (gen != m_generation || !m_running)
            return;
        checkNow();
        scheduleNext();
    });
}

void ExpiryReminder::checkNow()
{
    if (!m_running || m_checking || !m_session->isSignedIn())
        return;
    if (lastNoticeDay() == m_clock->now().toLocalTime().date()) {
        ++m_checks;   // already told today: no request
        emit checked();
        return;
    }
    m_checking = true;
    if (m_overview->isLoading())
        return;   // the dashboard's refresh on its way answers this check too
    if (m_overview->isFresh(kReuseSnapshotMs))
        return onSnapshot();
    m_overview->refresh();
}

void ExpiryReminder::onSnapshot()
{
    m_checking = false;
    const std::optional<qint64> n = m_overview->snapshot().counts[OverviewSnapshot::KeysExpiring];
    const QDate today = m_clock->now().toLocalTime().date();
    ++m_checks;
    if (m_running && n && *n > 0 && lastNoticeDay() != today) {
        m_settings->setValue(dayKey(), today.toString(Qt::ISODate));
        emit expiringSoon(int(std::min<qint64>(*n, 1000000)));
    }
    emit checked();
}

QString ExpiryReminder::dayKey() const
{
    // One entry per server; the origin hashed, since QSettings keys cannot hold every URL character.
    const QByteArray h = QCryptographicHash::hash(m_session->endpoint().key().toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    return QStringLiteral("notifications/keyExpiryNoticed/") + QString::fromLatin1(h);
}

QDate ExpiryReminder::lastNoticeDay() const
{
    return QDate::fromString(m_settings->value(dayKey()).toString(), Qt::ISODate);
}
