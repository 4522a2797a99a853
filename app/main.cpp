// Pikku Admin: one binary. With a command it is the CLI (no display needed); without, the GUI.
#include "cli/CliApp.h"
#include "services/Services.h"
#include "gui/AppContext.h"
#include "gui/Appearance.h"
#include "gui/MainWindow.h"
#include "gui/SignInDialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace {

QElapsedTimer g_sinceMain;

// For bench/run (JSON on stdout) and `--quit-after-first-paint` (.ci/run's check of .ci/dev, a line on
// stderr): reports ms from main() to the main window's first paint, and the RSS then, and quits.
void installStartupProbe(QWidget *window, bool json)
{
    class Probe : public QObject
    {
    public:
        Probe(QObject *parent, bool json) : QObject(parent), m_json(json) {}
        bool eventFilter(QObject *, QEvent *e) override
        {
            if (e->type() == QEvent::Paint && !m_done) {
                m_done = true;
                QTimer::singleShot(0, this, [json = m_json] {
                    QFile status(QStringLiteral("/proc/self/status"));
                    QByteArray rss = "-1";
                    if (status.open(QIODevice::ReadOnly))
                        for (const QByteArray &line : status.readAll().split('\n'))
                            if (line.startsWith("VmRSS:"))
                                rss = line.mid(6).trimmed().split(' ').first();
                    const double ms = double(g_sinceMain.nsecsElapsed()) / 1e6;
                    if (json) {
                        std::printf("{\"bench\":\"startup\",\"ms\":%.3f,\"rssKb\":%s}\n", ms, rss.constData());
                        std::fflush(stdout);
                    } else {
                        std::fprintf(stderr, "pikku-admin: first window painted after %.0f ms (RSS %s kB); quitting as asked\n",
                                     ms, rss.constData());
                    }
                    QCoreApplication::exit(0);
                });
            }
            return false;
        }

    private:
        bool m_json;
        bool m_done = false;
    };
    window->installEventFilter(new Probe(window, json));
}

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
                       {QStringLiteral("quit-after-first-paint"),
                        QStringLiteral("Quit once the main window has painted (a start-up check).")},
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
    Appearance::installTranslations(&app, services.settings());
    Appearance::applyTheme(Appearance::savedTheme(services.settings()));
    AppContext context(&services);
    MainWindow window(&context);
    if (qEnvironmentVariableIsSet("PIKKU_ADMIN_BENCH_STARTUP"))
        installStartupProbe(&window, true);   // bench/run: time to first painted window, then quit
    else if (parser.isSet(QStringLiteral("quit-after-first-paint")))
        installStartupProbe(&window, false);
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
    g_sinceMain.start();
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    if (CliApp::isCliInvocation(args))
        return runCli(argc, argv);
    return runGui(argc, argv);
}
