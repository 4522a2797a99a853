#include "DeviceRequestWatcher.h"

#include "core/AuthTypes.h"
#include "core/Json.h"
#include "core/Logging.h"
#include "core/Session.h"
#include "net/ChannelSocket.h"
#include "net/ConsoleApi.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSettings>

DeviceRequestWatcher::DeviceRequestWatcher(ConsoleApi *api, QSettings *settings, QObject *parent)
    : QObject(parent), m_api(api), m_settings(settings)
{
    m_recount.setInterval(60000);
    connect(&m_recount, &QTimer::timeout, this, &DeviceRequestWatcher::recount);
}

DeviceRequestWatcher::~DeviceRequestWatcher() = default;

bool DeviceRequestWatcher::isEnabled() const
{
    return m_settings->value(settingKey(), true).toBool();
}

void DeviceRequestWatcher::setEnabled(bool on)
{
    m_settings->setValue(settingKey(), on);
    if (on)
        start();
    else
        stop();
}

bool DeviceRequestWatcher::isLive() const
{
    return m_live && m_live->state() == ChannelSocket::State::Open;
}

void DeviceRequestWatcher::stop()
{
    ++m_generation;
    m_recount.stop();
    if (m_live)
        m_live->close();
    m_supported = false;
    setPending(0);
}

void DeviceRequestWatcher::setPending(int n)
{
    if (n == m_pending)
        return;
    m_pending = n;
    emit pendingCountChanged(n);
}

void DeviceRequestWatcher::start()
{
    stop();
    const Session *s = m_api->session();
    if (!isEnabled() || !s->isSignedIn())
        return;
    const int gen = m_generation;
    m_api->info(this, [this, gen](Result<ConsoleInfo> r) {
        if (gen != m_generation || !r.ok())
            return;
        m_supported = r.value().supports(QStringLiteral("device.requested"));
        if (!m_supported)
            return;
        const Session *s = m_api->session();
        if (!m_live) {
            m_live = new ChannelSocket(this);
            connect(m_live, &ChannelSocket::opened, this,
                    [this] { m_live->sendText(R"({"action":"subscribe","topic":"sessions"})"); });
            connect(m_live, &ChannelSocket::textReceived, this, [this](const QByteArray &text) {
                const QJsonObject o = QJsonDocument::fromJson(text).object();
                if (o.contains(QStringLiteral("topic")) && !o.contains(QStringLiteral("action")))
                    handleLiveFrame(o);
            });
        }
        QUrl url = s->endpoint().authUrl(QStringLiteral("/console/live"));
        url.setScheme(url.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
        ChannelSocket::Options o;
        o.reconnect = true;
        o.allowInsecure = s->endpoint().allowInsecureHttp;
        o.maxMessageBytes = 1024 * 1024;
        o.maxFrameBytes = 1024 * 1024;
        m_live->open(url, Credentials::person(s->token(), s->endpoint().baseUrl), o);
        m_recount.start();
        recount();
    });
}

void DeviceRequestWatcher::recount()
{
    const int gen = m_generation;
    m_api->listDeviceCodes(this, [this, gen](Result<Page<PendingDeviceCode>> r) {
        if (gen == m_generation && r.ok())
            setPending(r.value().total);
    });
}

bool DeviceRequestWatcher::handleLiveFrame(const QJsonObject &frame)
{
    if (frame.value(QStringLiteral("event")).toString() != QLatin1String("device.requested"))
        return false;
    const QJsonObject d = frame.value(QStringLiteral("data")).toObject();
    JsonReader r(d, QStringLiteral("device.requested"));
    PendingDeviceCode code;
    code.userCode = r.string("userCode");
    code.clientId = r.optString("clientId");
    code.scope = r.optString("scope");
    code.expiresAt = r.optDateTime("expiresAt");
    code.userCode = normalizeUserCode(code.userCode);
    static const QRegularExpression shape(QStringLiteral("^[A-Z0-9]{4,16}$"));
    if (!r.ok() || !shape.match(code.userCode).hasMatch()) {
        qCWarning(lcWs) << "device.requested ignored:" << (r.ok() ? QStringLiteral("userCode is not a code") : r.error());
        return false;
    }
    // Bounded like the server's own (client id 256, scope 1024 characters).
    code.clientId = code.clientId.left(256);
    code.scope = code.scope.left(1024);
    setPending(m_pending + 1);   // at once; the recount below corrects it
    emit requested(code);
    recount();
    return true;
}
