#include "Services.h"

#include "AuditService.h"
#include "DeviceRequestWatcher.h"
#include "ExpiryReminder.h"
#include "OverviewService.h"
#include "UserAdmin.h"
#include "net/BetterAuthAdminApi.h"

#include "net/ConsoleApi.h"
#include "net/HttpClient.h"
#include "net/KeychainSecretStore.h"

namespace {
int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok ? v : fallback;
}
QString keychainService()
{
    const QString s = qEnvironmentVariable("PIKKU_ADMIN_KEYCHAIN_SERVICE");
    return s.isEmpty() ? AuthService::keychainService() : s;
}
} // namespace

Services::Services(QObject *parent)
    : Services(std::make_unique<SystemClock>(),
               new KeychainSecretStore(keychainService(), envInt("PIKKU_ADMIN_KEYCHAIN_TIMEOUT_MS", 8000)),
               new QSettings(QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("pikku-admin"),
                             QStringLiteral("pikku-admin")),
               parent)
{
}

Services::Services(std::unique_ptr<Clock> clock, SecretStore *secrets, QSettings *settings, QObject *parent)
    : QObject(parent),
      m_clock(std::move(clock)),
      m_http(new HttpClient(this)),
      m_secrets(secrets),
      m_settings(settings),
      m_session(new Session(m_clock.get(), this)),
      m_auth(new AuthService(m_http, m_secrets, m_session, this)),
      m_console(std::make_unique<ConsoleApi>(m_http, m_session)),
      m_admin(std::make_unique<BetterAuthAdminApi>(m_http, m_session)),
      m_users(std::make_unique<UserAdmin>(m_console.get(), m_admin.get(), m_session)),
      m_profiles(settings)
{
    m_secrets->setParent(this);
    m_settings->setParent(this);
    m_http->setDefaultTimeoutMs(envInt("PIKKU_ADMIN_HTTP_TIMEOUT_MS", 15000));
    m_http->setDefaultDeadlineMs(envInt("PIKKU_ADMIN_HTTP_DEADLINE_MS", 30000));
    m_handshakeTimeoutMs = envInt("PIKKU_ADMIN_WS_HANDSHAKE_TIMEOUT_MS", 10000);
    m_audit = std::make_unique<AuditService>(m_console.get());
    m_deviceRequests = std::make_unique<DeviceRequestWatcher>(m_console.get(), m_settings);
    m_overview = std::make_unique<OverviewService>(m_console.get(), m_clock.get());
    m_expiryReminder = std::make_unique<ExpiryReminder>(m_overview.get(), m_session, m_settings, m_clock.get());
}

Services::~Services() = default;
