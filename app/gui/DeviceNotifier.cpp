#include "DeviceNotifier.h"

#include "AppContext.h"
#include "core/AuthTypes.h"
#include "core/Session.h"
#include "services/DeviceRequestWatcher.h"
#include "services/ExpiryReminder.h"
#include "services/Services.h"

#include <QAction>
#include <QApplication>
#include <QIcon>
#include <QSystemTrayIcon>

namespace {
QString shortPlain(const QString &s, int n)
{
    QString t = s.left(n);
    for (QChar &c : t)
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            c = QLatin1Char(' ');
    return s.size() > n ? t + QChar(0x2026) : t;
}
} // namespace

// A View menu switch for a notifier service (its setting read and written by the service itself).
template <typename Switchable>
QAction *DeviceNotifier::makeSwitch(const QString &text, const char *objectName, Switchable *service)
{
    auto *a = new QAction(text, this);
    a->setObjectName(QString::fromLatin1(objectName));
    a->setCheckable(true);
    a->setChecked(service->isEnabled());
    connect(a, &QAction::toggled, service, &Switchable::setEnabled);
    return a;
}

DeviceNotifier::DeviceNotifier(AppContext *context, QObject *parent) : QObject(parent), m_context(context)
{
    DeviceRequestWatcher *w = context->services()->deviceRequests();
    m_toggle = makeSwitch(tr("&Notify about device sign-in requests"), "deviceNotificationsAction", w);
    ExpiryReminder *expiry = context->services()->expiryReminder();
    m_expiryToggle = makeSwitch(tr("Remind me &daily of keys about to expire"), "keyExpiryNotificationsAction", expiry);
    connect(expiry, &ExpiryReminder::expiringSoon, this, &DeviceNotifier::onExpiring);
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QIcon(QStringLiteral(":/icons/pikku-admin.svg")), this);
        m_tray->setObjectName(QStringLiteral("deviceTray"));
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            if (m_last == Last::Expiry)
                emit openExpiringRequested();
            else if (!m_lastCode.isEmpty())
                emit openRequested(m_lastCode);
        });
        connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason) {
            emit openRequested(m_lastCode);   // empty: just the page
        });
    }
    connect(w, &DeviceRequestWatcher::requested, this, &DeviceNotifier::onRequested);
    connect(w, &DeviceRequestWatcher::pendingCountChanged, this, [this](int n) {
        updateTray(n);
        emit countChanged(n);
    });
    // Follows the sign-in: another server or token restarts it, signing out stops it.
    connect(context->services()->session(), &Session::changed, this, [w, expiry, this] {
        if (m_context->services()->session()->isSignedIn()) {
            w->start();
            expiry->start();
        } else {
            w->stop();
            expiry->stop();
        }
    });
    if (context->services()->session()->isSignedIn()) {
        w->start();
        expiry->start();
    }
}

QString DeviceNotifier::badgeText(const QString &title, int count)
{
    return count > 0 ? QStringLiteral("%1 (%2)").arg(title).arg(count) : title;
}

void DeviceNotifier::updateTray(int count)
{
    if (!m_tray)
        return;
    m_tray->setToolTip(tr("Pikku Admin: %n device code(s) waiting for approval", nullptr, count));
    m_tray->setVisible(count > 0 && m_toggle->isChecked());
}

void DeviceNotifier::onExpiring(int count)
{
    const QString text = tr("%n API key(s) expire within 7 days", nullptr, count);
    emit expiryNoticed(text);
    if (!m_tray)
        return;
    m_last = Last::Expiry;
    m_tray->setVisible(true);
    m_tray->showMessage(text, tr("Click to see them on the API keys page."), QSystemTrayIcon::Warning, 15000);
}

void DeviceNotifier::onRequested(const PendingDeviceCode &code)
{
    m_lastCode = code.userCode;
    if (!m_tray || !m_toggle->isChecked())
        return;
    m_last = Last::Device;
    m_tray->setVisible(true);
    const QString client = code.clientId.isEmpty() ? tr("A client") : tr("Client \"%1\"").arg(shortPlain(code.clientId, 60));
    m_tray->showMessage(tr("Device sign-in waiting: %1").arg(formatUserCode(code.userCode)),
                        tr("%1 asks to sign in as you. Click to review it; approve only a code you started.").arg(client),
                        QSystemTrayIcon::Information, 15000);
}
