// CLI arguments (cli.md). CliApp::parse() is private and its QCommandLineParser feeds straight into the
// commands (keychain, network), so the separable argv parsers are fuzzed: isCliInvocation() (does argv
// name a command, i.e. no GUI), the --permission RESOURCE=ACTION[,ACTION] reader with its validator, and
// the --expires/--overlap/--rate-limit window duration values. Input: arguments separated by NUL.
#include "FuzzSupport.h"

#include "cli/CliApp.h"
#include "core/ConsoleTypes.h"
#include "core/Duration.h"

#include <QJsonArray>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzzInitApp(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzInput in(data, size);
    QStringList args{QStringLiteral("pikku-admin")};
    while (!in.atEnd() && args.size() < 64)
        args << QString::fromUtf8(in.until('\0'));

    const bool cli = CliApp::isCliInvocation(args);
    // Any argument that is a known command, with nothing before it that takes a value, is a CLI run.
    if (args.size() > 1 && CliApp::commands().contains(args.at(1)))
        FUZZ_CHECK(cli);

    QString why;
    const Permissions p = parsePermissionArgs(args.mid(1), &why);
    if (why.isEmpty()) {
        FUZZ_CHECK(validatePermissions(p).isEmpty());
        const QJsonObject o = permissionsToJson(p);
        FUZZ_CHECK(o.size() == p.size());
        for (auto it = p.cbegin(); it != p.cend(); ++it)
            FUZZ_CHECK(o.value(it.key()).toArray().size() == it.value().size());
    }
    for (const QString &a : args)
        if (const auto s = parseDurationSeconds(a))
            FUZZ_CHECK(*s >= 0);
    return 0;
}
