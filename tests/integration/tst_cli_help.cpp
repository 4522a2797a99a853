// The CLI's help, run through the real binary for every command and subcommand of the command table:
// each help names its own options and no other command's, shows the program name (never the build
// path), and exits 0; a bare group (`keys`) prints its short subcommand list and exits 2.
#include "cli/CliHelp.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTest>

namespace {

struct Run
{
    int code = -1;
    QString out, err;
};

Run run(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(PIKKU_ADMIN_BINARY), args);
    if (!p.waitForFinished(15000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    Run r;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

bool namesOption(const QString &text, const QString &option)
{
    return text.contains(QRegularExpression(QStringLiteral("(?<![\\w-])--%1(?![\\w-])").arg(QRegularExpression::escape(option))));
}

QStringList ownOptions(const CliHelp::CommandSpec &c)
{
    QStringList out;
    for (const CliHelp::CommandOption &o : c.options)
        out << o.name;
    return out;
}

} // namespace

class TestCliHelp : public QObject
{
    Q_OBJECT
private slots:
    void everyCommand_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("helpWord");
        for (const CliHelp::CommandSpec &c : CliHelp::commands()) {
            QTest::newRow(qPrintable(c.path + QStringLiteral(" --help"))) << c.path << false;
            QTest::newRow(qPrintable(QStringLiteral("help ") + c.path)) << c.path << true;
        }
    }

    void everyCommand()
    {
        QFETCH(QString, path);
        QFETCH(bool, helpWord);
        const CliHelp::CommandSpec *spec = CliHelp::find(path);
        QVERIFY(spec);
        QStringList args = path.split(QLatin1Char(' '));
        if (helpWord)
            args.prepend(QStringLiteral("help"));
        else
            args << QStringLiteral("--help");
        const Run r = run(args);
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("usage: pikku-admin ") + path), qPrintable(r.out.left(200)));
        QVERIFY2(!r.out.contains(QStringLiteral(PIKKU_ADMIN_BINARY)) && !r.out.contains(QStringLiteral("/build/")), qPrintable(r.out));
        QVERIFY2(r.out.contains(spec->summary, Qt::CaseInsensitive), qPrintable(r.out));
        QVERIFY2(!r.out.contains(QStringLiteral("Exit codes:\n")), "a command's help is not the global help");
        if (CliHelp::isGroup(path)) {
            for (const QString &sub : CliHelp::subcommandsOf(path))
                QVERIFY2(r.out.contains(QStringLiteral("\n  ") + sub), qPrintable(sub + QStringLiteral(" in:\n") + r.out));
            return;
        }
        // a command's help names the exit codes in one line (the global help has the table)
        QVERIFY2(r.out.contains(QStringLiteral("Exit codes: 0 done, 1 failed, 2 usage, 3 not signed in, 4 code denied.")), qPrintable(r.out));
        const QStringList own = ownOptions(*spec);
        for (const QString &o : own)
            QVERIFY2(namesOption(r.out, o), qPrintable(QStringLiteral("--%1 missing from:\n%2").arg(o, r.out)));
        for (const CliHelp::OptionSpec &o : CliHelp::commandOptions())
            if (!own.contains(o.name))
                QVERIFY2(!namesOption(r.out, o.name), qPrintable(QStringLiteral("another command's --%1 in:\n%2").arg(o.name, r.out)));
        if (!own.isEmpty())
            QVERIFY(r.out.contains(QStringLiteral("\nOptions:\n")));
        QVERIFY(r.err.isEmpty());
    }

    void spotChecks()
    {
        // Independent of the table: what an admin expects to find where.
        const Run mint = run({QStringLiteral("keys"), QStringLiteral("mint"), QStringLiteral("--help")});
        QCOMPARE(mint.code, 0);
        QVERIFY(namesOption(mint.out, QStringLiteral("permission")) && namesOption(mint.out, QStringLiteral("rate-limit")));
        QVERIFY(!namesOption(mint.out, QStringLiteral("overlap")) && !namesOption(mint.out, QStringLiteral("as-key-env")));
        QVERIFY(mint.out.contains(QStringLiteral("KEY=$(pikku-admin keys mint")));
        const Run rotate = run({QStringLiteral("help"), QStringLiteral("keys"), QStringLiteral("rotate")});
        QVERIFY(namesOption(rotate.out, QStringLiteral("overlap")) && !namesOption(rotate.out, QStringLiteral("permission")));
        const Run channel = run({QStringLiteral("channel"), QStringLiteral("--help")});
        QVERIFY(namesOption(channel.out, QStringLiteral("as-key-env")) && !namesOption(channel.out, QStringLiteral("user")));
        // Help for a command given with its arguments and other options is still that command's.
        const Run withArgs = run({QStringLiteral("keys"), QStringLiteral("revoke"), QStringLiteral("k_1"), QStringLiteral("--json"), QStringLiteral("--help")});
        QCOMPARE(withArgs.code, 0);
        QVERIFY(withArgs.out.startsWith(QStringLiteral("usage: pikku-admin keys revoke ID")));
    }

    void globalHelp_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("--help") << QStringList{QStringLiteral("--help")};
        QTest::newRow("-h") << QStringList{QStringLiteral("-h")};
        QTest::newRow("help") << QStringList{QStringLiteral("help")};
    }

    void globalHelp()
    {
        QFETCH(QStringList, args);
        const Run r = run(args);
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("usage: pikku-admin ")), qPrintable(r.out.left(200)));
        QVERIFY(!r.out.contains(QStringLiteral(PIKKU_ADMIN_BINARY)));
        for (const CliHelp::CommandSpec &c : CliHelp::commands()) {
            if (CliHelp::isGroup(c.path))
                continue;
            QVERIFY2(r.out.contains(QStringLiteral("\n  ") + c.path), qPrintable(c.path));   // one line each
            QVERIFY2(r.out.contains(c.summary), qPrintable(c.summary));
            QVERIFY(r.out.contains(c.group + QStringLiteral(":\n")));                       // grouped
        }
        for (const CliHelp::OptionSpec &o : CliHelp::globalOptions())
            QVERIFY2(namesOption(r.out, o.name), qPrintable(o.name));
        for (const CliHelp::OptionSpec &o : CliHelp::commandOptions())
            QVERIFY2(!namesOption(r.out, o.name), qPrintable(QStringLiteral("command option --%1 in the global help").arg(o.name)));
        QVERIFY(r.out.contains(QStringLiteral("Exit codes:")));
        for (int code = 0; code <= 4; ++code)
            QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("\\n  %1 +\\S").arg(code))), qPrintable(QString::number(code)));
    }

    void bareGroupListsSubcommands_data()
    {
        QTest::addColumn<QString>("group");
        for (const QString &c : CliHelp::topLevelCommands())
            if (CliHelp::isGroup(c))
                QTest::newRow(qPrintable(c)) << c;
    }

    void bareGroupListsSubcommands()
    {
        QFETCH(QString, group);
        const Run r = run({group});
        QCOMPARE(r.code, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(QStringLiteral("usage: pikku-admin ") + group), qPrintable(r.err));
        for (const QString &sub : CliHelp::subcommandsOf(group))
            QVERIFY2(r.err.contains(QStringLiteral("\n  ") + sub), qPrintable(r.err));
        for (const QString &line : r.err.split(QLatin1Char('\n')))
            QVERIFY2(line.size() <= 100, qPrintable(line));   // a list, not one 300-character usage line
        const Run unknown = run({group, QStringLiteral("frobnicate")});
        QCOMPARE(unknown.code, 2);
        QVERIFY(unknown.err.contains(QStringLiteral("no subcommand 'frobnicate'")));
    }

    void usageErrors()
    {
        const Run noCommand = run({QStringLiteral("help"), QStringLiteral("frobnicate")});
        QCOMPARE(noCommand.code, 2);
        QVERIFY(noCommand.err.contains(QStringLiteral("no command 'frobnicate'")));
        const Run missingId = run({QStringLiteral("keys"), QStringLiteral("revoke")});
        QCOMPARE(missingId.code, 2);
        QVERIFY2(missingId.err.contains(QStringLiteral("usage: pikku-admin keys revoke ID")), qPrintable(missingId.err));
        const Run extra = run({QStringLiteral("whoami"), QStringLiteral("extra")});
        QCOMPARE(extra.code, 2);
        const Run foreign = run({QStringLiteral("keys"), QStringLiteral("list"), QStringLiteral("--overlap"), QStringLiteral("1h")});
        QCOMPARE(foreign.code, 2);
        QVERIFY2(foreign.err.contains(QStringLiteral("does not take --overlap")), qPrintable(foreign.err));
        const Run version = run({QStringLiteral("--version")});
        QCOMPARE(version.code, 0);
        QVERIFY(version.out.startsWith(QStringLiteral("pikku-admin ")));
    }
};

QTEST_GUILESS_MAIN(TestCliHelp)
#include "tst_cli_help.moc"
