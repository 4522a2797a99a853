#pragma once

#include "core/ConsoleTypes.h"

#include <QObject>
#include <QTimer>

class ChannelSocket;
class ConsoleApi;
class QSettings;

// "A console that calls you" (issue 13 item 8): while enabled and signed in to a server that announces
// "device.requested", follows the live channel's "sessions" topic and reports each new pending device code
// (requested) and how many are waiting (pendingCount: GET /console/device-codes, read again on each event
// and once a minute, so approvals made elsewhere lower it). Never the device_code (the server does not send
// it). Runs with no window shown. The switch is the setting notifications/deviceRequests (default on).
class DeviceRequestWatcher : public QObject
{
    Q_OBJECT
public:
    DeviceRequestWatcher(ConsoleApi *api, QSettings *settings, QObject *parent = nullptr);
    ~DeviceRequestWatcher() override;

    static QString settingKey() { return QStringLiteral("notifications/deviceRequests"); }
    bool isEnabled() const;
    void setEnabled(bool on);          // remembered; off closes the channel and clears the count
    void start();                      // (again) for the current sign-in: check the feature, open the channel
    void stop();
    int pendingCount() const { return m_pending; }
    bool isSupported() const { return m_supported; }
    bool isLive() const;
    // A pushed frame {topic, event: "device.requested", data: {userCode, clientId, scope, expiresAt}}.
    bool handleLiveFrame(const QJsonObject &frame);

signals:
    void requested(const PendingDeviceCode &code);
    void pendingCountChanged(int count);

private:
    void recount();
    void setPending(int n);

    ConsoleApi *m_api;
    QSettings *m_settings;
    ChannelSocket *m_live = nullptr;
    QTimer m_recount;
    int m_pending = 0;
    int m_generation = 0;
    bool m_supported = false;
};
