#include "CliHelp.h"

#include <QCoreApplication>

#include <algorithm>

namespace CliHelp {

namespace {

QString S(const char *text)
{
    return QString::fromUtf8(text);
}

// Column width for option and command names in help text.
constexpr int kColumn = 28;

QString row(const QString &left, const QString &right)
{
    QString l = QStringLiteral("  ") + left;
    if (l.size() + 2 > kColumn)
        return l + QStringLiteral("\n") + QString(kColumn, QLatin1Char(' ')) + right + QLatin1Char('\n');
    return l.leftJustified(kColumn, QLatin1Char(' ')) + right + QLatin1Char('\n');
}

const OptionSpec *option(const QString &name)
{
    for (const OptionSpec &o : globalOptions())
        if (o.name == name)
            return &o;
    for (const OptionSpec &o : commandOptions())
        if (o.name == name)
            return &o;
    return nullptr;
}

QString sentence(const QString &text)
{
    return text.isEmpty() ? text : text.at(0).toUpper() + text.mid(1) + QLatin1Char('.');
}

QString optionLabel(const QString &name)
{
    const OptionSpec *o = option(name);
    QString label = QStringLiteral("--") + name;
    if (o && !o->valueName.isEmpty())
        label += QLatin1Char(' ') + o->valueName;
    return label;
}

} // namespace

QString programName()
{
    const QString name = QCoreApplication::applicationName();
    return name.isEmpty() ? QStringLiteral("pikku-admin") : name;
}

const QList<OptionSpec> &globalOptions()
{
    static const QList<OptionSpec> options = {
        {S("server"), S("URL"), S("server URL (else $PIKKU_ADMIN_SERVER, else the last used)")},
        {S("auth-path"), S("PATH"), S("better-auth base path (default: detected, /api/auth then /auth)")},
        {S("json"), {}, S("machine-readable output: one JSON document on stdout")},
        {S("verbose"), {}, S("log requests (never headers or secrets) to stderr")},
        {S("allow-insecure-http"), {}, S("allow plain http:// to a non-loopback host (remembered for that server)")},
        {S("no-http2"), {}, S("do not negotiate HTTP/2")},
        {S("help"), {}, S("this help; COMMAND --help or help COMMAND for a command's")},
        {S("version"), {}, S("the version")},
    };
    return options;
}

const QList<OptionSpec> &commandOptions()
{
    // Value names only; each command says what the option means for it.
    static const QList<OptionSpec> options = {
        {S("no-browser"), {}, {}},
        {S("yes"), {}, {}},
        {S("user"), S("ID"), {}},
        {S("limit"), S("N"), {}},
        {S("offset"), S("N"), {}},
        {S("cursor"), S("CURSOR"), {}},
        {S("all"), {}, {}},
        {S("search"), S("TEXT"), {}},
        {S("reason"), S("TEXT"), {}},
        {S("email"), S("EMAIL"), {}},
        {S("name"), S("NAME"), {}},
        {S("expires"), S("DURATION"), {}},
        {S("no-expiry"), {}, {}},
        {S("no-permissions"), {}, {}},
        {S("no-metadata"), {}, {}},
        {S("label"), S("TEXT"), {}},
        {S("permission"), S("RESOURCE=ACTION[,ACTION]"), {}},
        {S("metadata"), S("KEY=VALUE"), {}},
        {S("prefix"), S("PREFIX"), {}},
        {S("rate-limit"), S("off|MAX/WINDOW"), {}},
        {S("remaining"), S("N"), {}},
        {S("enable"), {}, {}},
        {S("disable"), {}, {}},
        {S("overlap"), S("DURATION"), {}},
        {S("request-id"), S("ID"), {}},
        {S("as-key-env"), S("VAR"), {}},
        {S("as-key-stdin"), {}, {}},
        {S("send"), S("JSON"), {}},
        {S("count"), S("N"), {}},
        {S("timeout"), S("SECONDS"), {}},
        {S("since"), S("1h|ISO"), {}},
        {S("until"), S("ISO"), {}},
        {S("actor"), S("ID|EMAIL"), {}},
        {S("action"), S("ACTION"), {}},
        {S("target"), S("TARGET"), {}},
        {S("days"), S("N"), {}},
        {S("bucket"), S("day|hour"), {}},
    };
    return options;
}

const QList<CommandSpec> &commands()
{
    static const QString session = S("Signing in");
    static const QString devices = S("Approving other devices");
    static const QString admin = S("Service users, keys and sessions");
    static const QString live = S("Live channels");
    static const QString servers = S("Servers");
    static const QString shell = S("Shell integration");
    static const QList<CommandSpec> table = {
        {S("login"), {}, 0, session, S("sign in with the device flow (RFC 8628)"),
         S("Shows a code and a URL; approve the code in a browser where you are signed in as an admin.\n"
           "The session is kept in the system keychain."),
         {{S("no-browser"), S("print the URL, do not open a browser")}},
         {S("login --server https://admin.example.com"), S("login --no-browser --json")}},
        {S("whoami"), {}, 0, session, S("who the saved session belongs to, and until when"), {}, {},
         {S("whoami --json")}},
        {S("logout"), {}, 0, session, S("revoke the session on the server and forget it"), {}, {}, {}},

        {S("device"), S("<pending|approve|deny>"), 0, devices, S("device codes waiting for approval, and deciding them"), {}, {}, {}},
        {S("device pending"), {}, 0, devices, S("list the device codes waiting for approval"), {}, {},
         {S("device pending --json")}},
        {S("device approve"), S("CODE [--yes]"), 1, devices, S("approve another client's sign-in: it signs in AS YOU"),
         S("CODE with or without its dash, any case. Asks for confirmation on a terminal; without one,\n"
           "--yes is needed (exit 2 otherwise)."),
         {{S("yes"), S("do not ask for confirmation")}},
         {S("device approve ABCD-EFGH")}},
        {S("device deny"), S("CODE"), 1, devices, S("deny another client's sign-in"), {}, {}, {S("device deny ABCD-EFGH")}},

        {S("sessions"), S("<list|revoke|revoke-all|watch>"), 0, admin, S("live sessions"), {}, {}, {}},
        {S("sessions list"), S("[options]"), 0, admin, S("list live sessions (never their tokens)"),
         S("Without the console plugin only one user's sessions can be listed (--user), through better-auth's\n"
           "admin plugin."),
         {{S("user"), S("only this user's sessions (required without the console plugin)")},
          {S("limit"), S("at most N per page, 1 to 1000 (default 100; with --all 1000)")},
          {S("offset"), S("skip the first N")},
          {S("cursor"), S("the page after this cursor ('' for the first page; the server's v1.1 keyset paging)")},
          {S("all"), S("every page, printed as it arrives (progress on stderr)")}},
         {S("sessions list --user USER_ID --json"), S("sessions list --all")}},
        {S("sessions revoke"), S("ID... [--user USER_ID]"), 1, admin, S("revoke sessions; with several ids a result line per id"),
         S("Each id is sent once, at most 4 at a time, never re-sent. With one id --json prints the server's\n"
           "reply; with several, one array of {id, ok, error}. Exit 1 if any failed. Without the console plugin\n"
           "better-auth revokes a session only by its token, which the console looks up among the user's\n"
           "sessions: --user is needed there."),
         {{S("user"), S("the session's user (needed without the console plugin)")}},
         {S("sessions revoke SESSION_ID"), S("sessions revoke ID1 ID2 ID3 --json"), S("sessions revoke SESSION_ID --user USER_ID")}},
        {S("sessions revoke-all"), S("USER_ID"), 1, admin, S("revoke every session of one user"), {}, {},
         {S("sessions revoke-all USER_ID")}},
        {S("sessions watch"), S("[--count N] [--timeout SECONDS]"), 0, admin,
         S("print the live channel's session and key events as JSON lines"),
         S("Subscribes to the live channel's \"sessions\" topic as you (Bearer, only to your server's own\n"
           "origin) and prints each pushed event ({topic, event, at, data}) on its own line until --count\n"
           "events arrived, --timeout passed, the server closed the channel, or Ctrl-C."),
         {{S("count"), S("exit after N events")}, {S("timeout"), S("stop after this many seconds")}},
         {S("sessions watch"), S("sessions watch --count 1 --timeout 60")}},

        {S("users"), S("<list|create|rename|disable|enable|delete|ban|unban|set-role>"), 0, admin, S("service users (the owners of API keys), bans and roles"), {}, {}, {}},
        {S("audit"), S("[--since 1h|ISO] [--actor ID|EMAIL] [--action A] [--target T] [options]"), 0, admin,
         S("the server's audit trail: who did what, on which target, when (newest first)"),
         S("Each line: time, actor, action, target, outcome, address, credential kind. Needs a server whose\n"
           "console plugin keeps an audit trail (console API v1.1 \"audit\"); others are said to lack it."),
         {{S("since"), S("entries from this time on: back from now (1h, 30m, 7d) or ISO 8601")},
          {S("until"), S("entries before this time (same forms)")},
          {S("actor"), S("who acted: a user id, or an email (any case)")},
          {S("action"), S("the action, e.g. /admin/ban-user; a trailing * matches a prefix (/console/*)")},
          {S("target"), S("the target id, exact (device:<CODE> for device decisions)")},
          {S("limit"), S("at most N per page, 1 to 1000 (default 50; with --all 1000)")},
          {S("cursor"), S("the page after this cursor ('' for the first page)")},
          {S("all"), S("every page, printed as it arrives (progress on stderr)")}},
         {S("audit --since 1h"), S("audit --actor admin@example.com --action '/console/*' --json"), S("audit --target KEY_ID --all")}},

        {S("users list"), S("[options]"), 0, admin, S("list service users"),
         S("Without the console plugin: every user, through better-auth's admin plugin (no --cursor)."),
         {{S("search"), S("name or email contains TEXT")},
          {S("limit"), S("at most N per page, 1 to 1000 (default 50; with --all 1000)")},
          {S("offset"), S("skip the first N")},
          {S("cursor"), S("the page after this cursor ('' for the first page; the server's v1.1 keyset paging)")},
          {S("all"), S("every page, printed as it arrives (progress on stderr)")}},
         {S("users list --search backup"), S("users list --all --json")}},
        {S("users create"), S("NAME [--email EMAIL]"), 1, admin, S("create a service user; prints its id"), {},
         {{S("email"), S("its email (default: generated)")}},
         {S("users create backup-agent --email backup@service.local")}},
        {S("users rename"), S("ID NAME"), 2, admin, S("rename a service user (1 to 100 characters)"), {}, {},
         {S("users rename USER_ID backup-agent-2")}},
        {S("users disable"), S("ID..."), 1, admin, S("disable service users: every key off, banned, live channels closed"),
         S("Enable brings back only the keys the disable turned off. Your own account and admins are refused\n"
           "(LOCKOUT). With several ids: a result line per id (--json: one array of {id, ok, error}); exit 1\n"
           "if any failed."),
         {}, {S("users disable USER_ID"), S("users disable ID1 ID2 --json")}},
        {S("users enable"), S("ID..."), 1, admin, S("enable service users again (and the keys their disable turned off)"),
         S("With several ids: a result line per id (--json: one array of {id, ok, error}); exit 1 if any failed."),
         {}, {S("users enable USER_ID")}},
        {S("users delete"), S("ID... [--yes]"), 1, admin, S("delete service users and all their keys"),
         S("Counts each user's keys and asks on a terminal (\"... deletes N keys\"); without one, --yes is\n"
           "needed (exit 2 otherwise). With several ids: a result line per id; exit 1 if any failed."),
         {{S("yes"), S("do not ask for confirmation")}},
         {S("users delete USER_ID"), S("users delete ID1 ID2 --yes --json")}},
        {S("users ban"), S("ID [--reason TEXT] [--expires DURATION]"), 1, admin, S("ban a user: their sessions end, they cannot sign in"),
         S("better-auth's admin plugin; works without the console plugin. Their API keys keep working until\n"
           "revoked. You cannot ban yourself."),
         {{S("reason"), S("why (shown to the user on sign-in; at most 500 characters)")},
          {S("expires"), S("lift the ban after 30d, 12h, 90m or seconds (default: never)")}},
         {S("users ban USER_ID --reason 'leaked password' --expires 7d")}},
        {S("users unban"), S("ID"), 1, admin, S("lift a user's ban"), {}, {}, {S("users unban USER_ID")}},
        {S("users set-role"), S("ID ROLE[,ROLE...]"), 2, admin, S("replace a user's roles"),
         S("better-auth's admin plugin; works without the console plugin. You cannot remove your own admin role."),
         {}, {S("users set-role USER_ID user,ops")}},

        {S("keys"), S("<list|mint|update|disable|enable|revoke|rotate|usage>"), 0, admin, S("scoped API keys of service users"), {}, {}, {}},
        {S("keys list"), S("[options]"), 0, admin, S("list API keys (never their secrets)"),
         S("Each line: id, name, start, state, owner, expiry, request count and last use."),
         {{S("user"), S("only the keys of this service user")},
          {S("limit"), S("at most N per page, 1 to 1000 (default 100; with --all 1000)")},
          {S("offset"), S("skip the first N")},
          {S("cursor"), S("the page after this cursor ('' for the first page; the server's v1.1 keyset paging)")},
          {S("all"), S("every page, printed as it arrives (progress on stderr)")}},
         {S("keys list --user USER_ID --json"), S("keys list --all")}},
        {S("keys mint"), S("--user ID --name NAME [options]"), 0, admin, S("mint a key; prints the secret alone on stdout, once"),
         S("Without --json the secret is the only thing on stdout, so KEY=$(...) works; the rest goes to stderr."),
         {{S("user"), S("the service user who will own the key (required)")},
          {S("name"), S("the key's name (required)")},
          {S("expires"), S("lifetime: 30d, 12h, 90m or seconds")},
          {S("permission"), S("what it may do (repeatable)")},
          {S("metadata"), S("a label (repeatable; stable ids only, no secrets)")},
          {S("prefix"), S("the key's prefix")},
          {S("rate-limit"), S("off, or MAX requests per WINDOW (100/1h); default: the server's")},
          {S("remaining"), S("number of uses before it stops working")},
          {S("request-id"), S("repeat an earlier mint whose reply was lost (the id it printed): the server answers "
                              "again with the same key and secret, minting nothing")}},
         {S("KEY=$(keys mint --user USER_ID --name backup --rate-limit off --expires 30d)"),
          S("keys mint --user USER_ID --name sync --permission files=read,write --json")}},
        {S("keys update"), S("ID [options]"), 1, admin,
         S("change a key: name, state, expiry, permissions, metadata, limits"),
         S("Only the fields given are sent. --permission and --metadata replace the key's whole set."),
         {{S("enable"), S("enable the key")},
          {S("disable"), S("disable the key (it stops working at once)")},
          {S("name"), S("rename it")},
          {S("expires"), S("new lifetime from now: 30d, 12h, 90m or seconds")},
          {S("no-expiry"), S("the key never expires")},
          {S("permission"), S("what it may do (repeatable; replaces all)")},
          {S("no-permissions"), S("remove every permission")},
          {S("metadata"), S("a label (repeatable; replaces all; stable ids only, no secrets)")},
          {S("no-metadata"), S("remove every label")},
          {S("rate-limit"), S("off, or MAX requests per WINDOW (100/1h)")},
          {S("remaining"), S("number of uses left")}},
         {S("keys update KEY_ID --disable"), S("keys update KEY_ID --permission files=read --rate-limit 1000/1h --remaining 500")}},
        {S("keys disable"), S("ID... | --user ID"), 0, admin, S("disable keys (they stop working at once)"),
         S("--user instead of ids: every key of that service user (at most 10,000). With several keys: a\n"
           "result line per id (--json: one array of {id, ok, error}); exit 1 if any failed."),
         {{S("user"), S("every key of this service user")}},
         {S("keys disable KEY_ID"), S("keys disable --user USER_ID --json")}},
        {S("keys enable"), S("ID... | --user ID"), 0, admin, S("enable keys again"),
         S("--user instead of ids: every key of that service user. A result line per id with several."),
         {{S("user"), S("every key of this service user")}},
         {S("keys enable KEY_ID1 KEY_ID2")}},
        {S("keys revoke"), S("ID... | --user ID [--yes]"), 0, admin, S("delete keys; they stop working at once"),
         S("--user instead of ids: every key of that service user, after a confirmation on a terminal (or\n"
           "--yes; exit 2 without either). With several keys: a result line per id (--json: one array of\n"
           "{id, ok, error}); exit 1 if any failed."),
         {{S("user"), S("every key of this service user")}, {S("yes"), S("do not ask for confirmation (--user)")}},
         {S("keys revoke KEY_ID"), S("keys revoke --user USER_ID --yes")}},
        {S("keys rotate"), S("ID [--overlap DURATION]"), 1, admin,
         S("replace a key: prints the new secret alone on stdout, once"), {},
         {{S("overlap"), S("how long the old key keeps working (default 1h; 0: stops at once)")},
          {S("request-id"), S("repeat an earlier rotate whose reply was lost (the id it printed): the server answers "
                              "again with the same new key and secret")}},
         {S("NEW=$(keys rotate KEY_ID --overlap 15m)")}},
        {S("keys usage"), S("ID [--days N] [--bucket day|hour]"), 1, admin,
         S("a key's verifications per day or hour: success, failure, rate-limited"),
         S("Each line: the bucket's start (UTC), then its success, failure and rate-limited counts; a total at\n"
           "the end. The server counts each verification of the key (a console API v1.1 server with\n"
           "\"api-keys.usage\"); a server that does not is said to lack it in one line (exit 1). The counts may\n"
           "be up to the server's flush interval behind."),
         {{S("days"), S("how many days back, 1 to 90 (default 30; hour buckets at most 31)")},
          {S("bucket"), S("day (default) or hour")}},
         {S("keys usage KEY_ID"), S("keys usage KEY_ID --days 2 --bucket hour --json")}},

        {S("servers"), S("<list|add|remove|use>"), 0, servers, S("the saved servers (the GUI's server list)"), {}, {}, {}},
        {S("servers list"), {}, 0, servers, S("list the saved servers; * marks the one in use"), {}, {}, {S("servers list --json")}},
        {S("servers add"), S("URL [options]"), 1, servers, S("save a server (and its auth path) without signing in"), {},
         {{S("label"), S("a name to show for it")}},
         {S("servers add https://admin.example.com --label prod")}},
        {S("servers remove"), S("URL"), 1, servers, S("forget a saved server and its saved session"), {}, {}, {}},
        {S("servers use"), S("URL"), 1, servers, S("make a saved server the one used without --server"), {}, {}, {}},
        {S("status"), {}, 0, servers, S("check every saved server: session valid, expiry, keychain health"),
         S("Exit 1 when any saved server is unhealthy (no usable keychain, an expired or refused session,\n"
           "or a server that cannot be reached); a server never signed in to is listed, not unhealthy."),
         {}, {S("status"), S("status --json")}},

        {S("channel"), S("URL|live [options]"), 1, live, S("open a channel and print each received message on its own line"),
         S("live is the server's console channel. Runs until --count messages arrived, --timeout passed,\n"
           "the server closed the channel, or Ctrl-C. As you (Bearer, only to your server's own origin)\n"
           "unless a key is given; a key is never read from an argument."),
         {{S("as-key-env"), S("connect with the API key in environment variable VAR")},
          {S("as-key-stdin"), S("connect with the API key on the first line of standard input")},
          {S("send"), S("send this message once connected (repeatable)")},
          {S("count"), S("exit after N received messages")},
          {S("timeout"), S("give up after this many seconds")}},
         {S("channel live --send '{\"action\":\"whoami\"}' --count 1"),
          S("channel wss://api.example.com/ws --as-key-env SVC_KEY --count 10 --timeout 30")}},

        {S("completion"), S("bash|zsh|fish"), 1, shell, S("print a shell completion script"),
         S("Generated from the same command table as --help. The .deb installs all three."),
         {}, {S("completion bash > ~/.local/share/bash-completion/completions/pikku-admin")}},
        {S("man"), {}, 0, shell, S("print the manual page (roff), generated from the same table as --help"), {}, {},
         {S("man | man -l -")}},
    };
    return table;
}

const QList<ExitCodeSpec> &exitCodes()
{
    static const QList<ExitCodeSpec> codes = {
        {0, S("done"), S("done")},
        {1, S("failed"), S("failed: network, server error, refused by the server, timeout, an unhealthy server in status")},
        {2, S("usage"), S("usage error, or a confirmation needed with no terminal to ask")},
        {3, S("not signed in"), S("not signed in, or the session is gone")},
        {4, S("code denied"), S("this login's device code was denied or expired")},
    };
    return codes;
}

bool takesMany(const CommandSpec &c)
{
    return c.arguments.contains(QStringLiteral("..."));
}

const CommandSpec *find(const QString &path)
{
    for (const CommandSpec &c : commands())
        if (c.path == path)
            return &c;
    return nullptr;
}

QStringList topLevelCommands()
{
    QStringList out;
    for (const CommandSpec &c : commands())
        if (!c.path.contains(QLatin1Char(' ')))
            out << c.path;
    return out;
}

QStringList subcommandsOf(const QString &group)
{
    QStringList out;
    const QString prefix = group + QLatin1Char(' ');
    for (const CommandSpec &c : commands())
        if (c.path.startsWith(prefix))
            out << c.path.mid(prefix.size());
    return out;
}

bool isGroup(const QString &path)
{
    return !subcommandsOf(path).isEmpty();
}

QString resolve(const QStringList &words, int *used)
{
    if (used)
        *used = 0;
    if (words.isEmpty() || !find(words.first()))
        return {};
    QString path = words.first();
    int n = 1;
    if (words.size() > 1 && find(path + QLatin1Char(' ') + words.at(1))) {
        path += QLatin1Char(' ') + words.at(1);
        n = 2;
    }
    if (used)
        *used = n;
    return path;
}

QList<QCommandLineOption> parserOptions()
{
    QList<QCommandLineOption> out;
    for (const QList<OptionSpec> *list : {&globalOptions(), &commandOptions()}) {
        for (const OptionSpec &o : *list) {
            if (o.name == QLatin1String("help") || o.name == QLatin1String("version"))
                continue;   // addHelpOption() / addVersionOption()
            out << QCommandLineOption(o.name, o.help, o.valueName);
        }
    }
    return out;
}

QStringList valuedOptionNames()
{
    QStringList out;
    for (const QList<OptionSpec> *list : {&globalOptions(), &commandOptions()})
        for (const OptionSpec &o : *list)
            if (!o.valueName.isEmpty())
                out << QStringLiteral("--") + o.name;
    return out;
}

bool takesOption(const QString &path, const QString &optionName)
{
    for (const OptionSpec &o : globalOptions())
        if (o.name == optionName)
            return true;
    if (optionName == QLatin1String("h") || optionName == QLatin1String("v") || optionName == QLatin1String("help-all"))
        return true;
    const CommandSpec *c = find(path);
    if (!c)
        return false;
    return std::any_of(c->options.begin(), c->options.end(), [&](const CommandOption &o) { return o.name == optionName; });
}

QString usageLine(const QString &path)
{
    const CommandSpec *c = find(path);
    QString line = QStringLiteral("usage: %1 %2").arg(programName(), path);
    if (c && !c->arguments.isEmpty())
        line += QLatin1Char(' ') + c->arguments;
    return line;
}

namespace {
QString subcommandRows(const QString &group)
{
    QString out;
    for (const QString &sub : subcommandsOf(group)) {
        const CommandSpec *c = find(group + QLatin1Char(' ') + sub);
        out += row(c->arguments.isEmpty() ? sub : sub + QLatin1Char(' ') + c->arguments, c->summary);
    }
    return out;
}
} // namespace

QString subcommandList(const QString &group)
{
    return usageLine(group) + QStringLiteral("\n") + subcommandRows(group)
        + QStringLiteral("Run '%1 help %2 SUBCOMMAND' for its options.").arg(programName(), group);
}

QString commandHelp(const QString &path)
{
    const CommandSpec *c = find(path);
    if (!c)
        return {};
    if (isGroup(path))
        return usageLine(path) + QStringLiteral("\n\n") + sentence(c->summary) + QStringLiteral("\n\nSubcommands:\n") + subcommandRows(path)
            + QStringLiteral("\nRun '%1 help %2 SUBCOMMAND' for its options.\n").arg(programName(), path);
    QString out = usageLine(path) + QStringLiteral("\n\n") + sentence(c->summary) + QStringLiteral("\n");
    if (!c->description.isEmpty())
        out += c->description + QLatin1Char('\n');
    if (!c->options.isEmpty()) {
        out += QStringLiteral("\nOptions:\n");
        for (const CommandOption &o : c->options)
            out += row(optionLabel(o.name), o.help);
    }
    out += QStringLiteral("\nGlobal options (--server, --auth-path, --json, ...): see '%1 --help'.\n").arg(programName());
    out += QStringLiteral("\nExit codes:");
    for (const ExitCodeSpec &e : exitCodes())
        out += QStringLiteral(" %1 %2%3").arg(e.code).arg(e.brief, e.code == exitCodes().last().code ? QStringLiteral(".") : QStringLiteral(","));
    out += QStringLiteral("\nWith --json an error is one line on stderr: {\"error\":{\"code\",\"message\",\"status\"}}.\n");
    if (!c->examples.isEmpty()) {
        out += QStringLiteral("\nExamples:\n");
        for (QString e : c->examples) {
            // "KEY=$(keys mint ...)": the program name goes inside the substitution.
            const int sub = e.indexOf(QStringLiteral("$("));
            if (sub >= 0)
                e.insert(sub + 2, programName() + QLatin1Char(' '));
            else
                e.prepend(programName() + QLatin1Char(' '));
            out += QStringLiteral("  ") + e + QLatin1Char('\n');
        }
    }
    return out;
}

QString globalHelp()
{
    const QString name = programName();
    QString out = QStringLiteral("usage: %1 [COMMAND] [OPTIONS]\n\n"
                                 "Pikku Admin: the admin console for Pikku + better-auth servers.\n"
                                 "With no command it opens the window; with one it does the same work and exits.\n")
                      .arg(name);
    QString group;
    for (const CommandSpec &c : commands()) {
        if (isGroup(c.path))
            continue;   // its subcommands are listed one by one
        if (c.group != group) {
            group = c.group;
            out += QStringLiteral("\n") + group + QStringLiteral(":\n");
        }
        // The path and its positional placeholder (CODE, ID, URL|live); options are in its own help.
        out += row(c.positionals > 0 || takesMany(c) ? c.path + QLatin1Char(' ') + c.arguments.section(QLatin1Char(' '), 0, 0) : c.path, c.summary);
    }
    out += QStringLiteral("\nGlobal options (before or after the command):\n");
    for (const OptionSpec &o : globalOptions())
        out += row(optionLabel(o.name), o.help);
    out += QStringLiteral("\nExit codes:\n");
    for (const ExitCodeSpec &e : exitCodes())
        out += row(QString::number(e.code), e.meaning);
    out += QStringLiteral("\nRun '%1 help COMMAND' or '%1 COMMAND --help' for a command's options.\n").arg(name);
    return out;
}

} // namespace CliHelp
