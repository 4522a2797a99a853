#pragma once

#include "services/AuthService.h"
#include "core/DeviceFlow.h"
#include "core/ServerUrl.h"

#include <QDialog>
#include <QTimer>

#include <memory>

namespace Ui { class SignInDialog; }
class AppContext;
class AuthApi;

// Device-flow sign-in (RFC 8628): shows the code large and selectable with a copy button, the
// verification URL with an "open browser" button and a live countdown; polls in the background;
// says clearly what happened (denied, expired, server trouble) and offers a retry. Never modal-blocking:
// open it with open() or show().
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    SignInDialog(AppContext *context, const ServerEndpoint &endpoint, QWidget *parent = nullptr);
    ~SignInDialog() override;

    DeviceFlow *flow() const { return m_flow; }
    // Test seam: when false, "Open browser" only records the URL.
    void setBrowserEnabled(bool enabled) { m_browserEnabled = enabled; }
    QString lastOpenedUrl() const { return m_lastOpenedUrl; }

public slots:
    void restart();
    void reject() override;

signals:
    void signedIn(const SignInOutcome &outcome);

private:
    void onCodeReady(const DeviceCode &code);
    void onEnded(DeviceFlow::State state, const QString &message);
    void tick();
    void setStatus(const QString &text, bool error = false);

    std::unique_ptr<Ui::SignInDialog> m_ui;
    AppContext *m_context;
    ServerEndpoint m_endpoint;
    std::unique_ptr<AuthApi> m_api;
    DeviceFlow *m_flow;
    QTimer m_tick;
    bool m_browserEnabled = true;
    QString m_lastOpenedUrl;
    ServerUrl::BrowserUrl m_browserUrl;
};
