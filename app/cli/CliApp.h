#pragma once

#include "CliOutput.h"
#include "core/Result.h"
#include "core/ServerUrl.h"

#include <QCommandLineParser>
#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>

class Services;
class DeviceFlow;
class AuthApi;
struct CliContext;

// The scriptable face of the console: `pikku-admin <command> [--json]`. Same core as the GUI; every
// command is asynchronous and ends by emitting finished(exitCode).
class CliApp : public QObject
{
    Q_OBJECT
public:
    CliApp(Services *services, QStringList arguments, QObject *parent = nullptr);
    ~CliApp() override;

    // True when argv names a command (or --help/--version), i.e. no GUI should be created.
    static bool isCliInvocation(const QStringList &arguments);
    static QStringList commands();

    void start();

signals:
    void finished(int exitCode);

private:
    void done(int code);
    int parse();
    // Resolves --server / $PIKKU_ADMIN_SERVER / last used, and the auth path (flag, saved, or detected).
    void resolveEndpoint(std::function<void(ServerEndpoint)> next);

    void cmdLogin(const ServerEndpoint &endpoint);
    void cmdWhoami(const ServerEndpoint &endpoint);
    void cmdLogout(const ServerEndpoint &endpoint);
    void openBrowser(const QString &url);
    void runCommand(const ServerEndpoint &endpoint);

    Services *m_services;
    QStringList m_arguments;
    QCommandLineParser m_parser;
    std::unique_ptr<CliOutput> m_out;
    QString m_command;
    QStringList m_rest;
    std::unique_ptr<AuthApi> m_api;
    DeviceFlow *m_flow = nullptr;
    std::unique_ptr<CliContext> m_context;
    bool m_finished = false;
};
