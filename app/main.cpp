// Pikku Admin: one binary. With a command it is the CLI (no display needed); without, the GUI.
#include "cli/CliApp.h"
#include "core/Services.h"
#include "gui/AppContext.h"
#include "gui/MainWindow.h"
#include "gui/SignInDialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLoggingCategory>
#include <QTimer>

#include <memory>

namespace {

int runCli(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("pikku-admin"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PIKKU_ADMIN_VERSION));
    Services services;
    CliApp cli(&services, QCoreApplication::arguments());
    QObject::connect(&cli, &CliApp::finished, &app, [](int code) { QCoreApplication::exit(code); });
    cli.start();
    return app.exec();
}

int runGui(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("pikku-admin"));
    QApplication::setApplicationDisplayName(QStringLiteral("Pikku Admin"));
    QApplication::setApplicationVersion(QStringLiteral(PIKKU_ADMIN_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("dev.pikku.Admin"));

    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("server"), QStringLiteral("Open this server."), QStringLiteral("url")},
                       {QStringLiteral("auth-path"), QStringLiteral("better-auth base path."), QStringLiteral("path")},
                       {QStringLiteral("sign-in"), QStringLiteral("Open the sign-in dialog at start.")},
                       {QStringLiteral("screenshot"), QStringLiteral("Save a screenshot of the window and quit."),
                        QStringLiteral("file")}});
    parser.process(app);
    QLoggingCategory::setFilterRules(QStringLiteral("console.net.info=false"));

    Services services;
    if (parser.isSet(QStringLiteral("server"))) {
        ServerProfile p = services.profiles().find(parser.value(QStringLiteral("server"))).value_or(ServerProfile{});
        if (p.url.isEmpty())
            p.url = ServerUrl::normalize(parser.value(QStringLiteral("server")));
        if (parser.isSet(QStringLiteral("auth-path")))
            p.authPath = ServerUrl::normalizeAuthPath(parser.value(QStringLiteral("auth-path")));
        services.profiles().save(p);
        services.profiles().setCurrent(p.key());
    }
    AppContext context(&services);
    MainWindow window(&context);
    window.show();
    window.start();
    if (parser.isSet(QStringLiteral("sign-in")))
        QTimer::singleShot(300, &window, &MainWindow::signIn);
    if (parser.isSet(QStringLiteral("screenshot"))) {
        const QString file = parser.value(QStringLiteral("screenshot"));
        QTimer::singleShot(2500, &window, [&window, file] {
            QWidget *target = window.signInDialog() ? static_cast<QWidget *>(window.signInDialog()) : &window;
            target->grab().save(file);
            QCoreApplication::exit(0);
        });
    }
    return app.exec();
}

} // namespace

int main(int argc, char **argv)
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    if (CliApp::isCliInvocation(args))
        return runCli(argc, argv);
    return runGui(argc, argv);
}
