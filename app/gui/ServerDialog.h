#pragma once

#include "core/ServerProfiles.h"

#include <QDialog>

#include <memory>

namespace Ui { class ServerDialog; }
class HttpClient;

// Add or edit a server profile: URL, auth base path (or detect it), and the explicit opt-in for plain
// HTTP to a non-loopback host.
class ServerDialog : public QDialog
{
    Q_OBJECT
public:
    ServerDialog(HttpClient *http, const ServerProfile &profile, QWidget *parent = nullptr);
    ~ServerDialog() override;

    ServerProfile profile() const;

private:
    void validate();
    void detect();

    std::unique_ptr<Ui::ServerDialog> m_ui;
    HttpClient *m_http;
};
