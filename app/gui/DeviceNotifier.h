#pragma once

#include "core/ConsoleTypes.h"

#include <QObject>
#include <QPointer>

class AppContext;
class QAction;
class QSystemTrayIcon;

// The GUI side of DeviceRequestWatcher: a tray icon with the count of waiting device codes (when the desktop
// has a tray), a notification per new code whose click asks to open its approval (openRequested: the code
// pre-filled, the match confirmation still needed), and the View menu's switch. Works with the window hidden:
// the watcher and the tray do not depend on it. Client ids and scopes are anyone's: the notification is
// plain text (QSystemTrayIcon::showMessage does not render markup) and cut short.
class DeviceNotifier : public QObject
{
    Q_OBJECT
public:
    explicit DeviceNotifier(AppContext *context, QObject *parent = nullptr);
    QAction *toggleAction() const { return m_toggle; }
    QAction *expiryToggleAction() const { return m_expiryToggle; }   // the daily "keys about to expire" notice
    QSystemTrayIcon *tray() const { return m_tray; }     // null where there is no system tray
    QString lastCode() const { return m_lastCode; }
    static QString badgeText(const QString &title, int count);   // "Device approvals (2)"

signals:
    void countChanged(int count);
    void openRequested(const QString &userCode);
    void expiryNoticed(const QString &text);   // the daily notice's text (also shown where there is no tray)
    void openExpiringRequested();              // the notice was clicked: the keys that expire within 7 days

private:
    template <typename Switchable>
    QAction *makeSwitch(const QString &text, const char *objectName, Switchable *service);
    void onRequested(const PendingDeviceCode &code);
    void updateTray(int count);
    void onExpiring(int count);

    AppContext *m_context;
    QAction *m_toggle;
    QAction *m_expiryToggle;
    enum class Last { None, Device, Expiry } m_last = Last::None;   // what the tray's last message was about
    QSystemTrayIcon *m_tray = nullptr;
    QString m_lastCode;
};
