#pragma once

#include "AuthService.h"
#include "core/Clock.h"
#include "core/ServerProfiles.h"
#include "core/Session.h"

#include <QObject>
#include <QSettings>

#include <memory>

class AuditService;
class DeviceRequestWatcher;
class ExpiryReminder;
class OverviewService;
class BetterAuthAdminApi;
class ConsoleApi;
class UserAdmin;
class HttpClient;
class SecretStore;

// The composition root shared by the GUI and the CLI: one HttpClient (one QNAM), one secret store,
// one in-memory Session, the settings. Tests build it with fakes through the second constructor.
class Services : public QObject
{
    Q_OBJECT
public:
    // Real parts: OS keychain (service from $PIKKU_ADMIN_KEYCHAIN_SERVICE or "pikku-admin"), system clock,
    // QSettings in the user's config folder.
    explicit Services(QObject *parent = nullptr);
    Services(std::unique_ptr<Clock> clock, SecretStore *secrets, QSettings *settings, QObject *parent = nullptr);
    ~Services() override;

    Clock *clock() const { return m_clock.get(); }
    HttpClient *http() const { return m_http; }
    SecretStore *secrets() const { return m_secrets; }
    Session *session() const { return m_session; }
    AuthService *auth() const { return m_auth; }
    ConsoleApi *console() const { return m_console.get(); }   // the one typed gateway to the console API
    BetterAuthAdminApi *betterAuthAdmin() const { return m_admin.get(); }   // better-auth's own admin endpoints
    UserAdmin *users() const { return m_users.get(); }   // users and sessions, with or without the plugin
    QSettings *settings() const { return m_settings; }
    AuditService *audit() const { return m_audit.get(); }   // the audit trail (its model and live merge)
    // New device codes pushed live (the GUI starts it; the CLI never does).
    DeviceRequestWatcher *deviceRequests() const { return m_deviceRequests.get(); }
    // The daily "keys about to expire" notice (the GUI starts it; the CLI never does).
    ExpiryReminder *expiryReminder() const { return m_expiryReminder.get(); }
    // The dashboard's counts; the expiry reminder reads the same snapshot, so one request serves both.
    OverviewService *overview() const { return m_overview.get(); }
    ServerProfiles &profiles() { return m_profiles; }
    // How long a WebSocket upgrade may take before the attempt fails ($PIKKU_ADMIN_WS_HANDSHAKE_TIMEOUT_MS,
    // default 10 s). The HTTP limits live in HttpClient ($PIKKU_ADMIN_HTTP_TIMEOUT_MS: silence, default
    // 15 s; $PIKKU_ADMIN_HTTP_DEADLINE_MS: a whole request, default 30 s).
    int channelHandshakeTimeoutMs() const { return m_handshakeTimeoutMs; }
    void setChannelHandshakeTimeoutMs(int ms) { m_handshakeTimeoutMs = ms; }

private:
    std::unique_ptr<Clock> m_clock;
    HttpClient *m_http;
    SecretStore *m_secrets;
    QSettings *m_settings;
    Session *m_session;
    AuthService *m_auth;
    std::unique_ptr<ConsoleApi> m_console;
    std::unique_ptr<AuditService> m_audit;   // after m_console: destroyed before it
    std::unique_ptr<DeviceRequestWatcher> m_deviceRequests;
    std::unique_ptr<OverviewService> m_overview;
    std::unique_ptr<ExpiryReminder> m_expiryReminder;   // after m_overview: destroyed before it
    std::unique_ptr<BetterAuthAdminApi> m_admin;
    std::unique_ptr<UserAdmin> m_users;
    ServerProfiles m_profiles;
    int m_handshakeTimeoutMs = 10000;
};
