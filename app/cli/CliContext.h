#pragma once

#include "CliOutput.h"
#include "core/ServerUrl.h"

#include <QCommandLineParser>
#include <QStringList>

#include <functional>

class QObject;
class Services;
struct ListQuery;

// What a command gets: the shared services, the parsed options, its own positional arguments (after
// the command word), the output, and done(exitCode) to finish. Commands are asynchronous.
struct CliContext
{
    Services *services = nullptr;
    const QCommandLineParser *parser = nullptr;
    CliOutput *out = nullptr;
    QObject *owner = nullptr;           // context object for callbacks
    QStringList args;                   // positional arguments after the command word
    ServerEndpoint endpoint;
    std::function<void(int)> done;

    bool isSet(const char *option) const { return parser->isSet(QLatin1String(option)); }
    QString value(const char *option) const { return parser->value(QLatin1String(option)); }
    QStringList values(const char *option) const { return parser->values(QLatin1String(option)); }
    int usage(const QString &message) const { out->error(message, QStringLiteral("USAGE")); done(ExitUsage); return ExitUsage; }
};

namespace CliCommands {

// `device pending | approve CODE [--yes] | deny CODE`
void device(CliContext &ctx);
// `sessions list [--user ID] | revoke ID`
void sessions(CliContext &ctx);
// `users list|create`, `keys list|mint|update|revoke|rotate`
void users(CliContext &ctx);
void keys(CliContext &ctx);
// `sessions watch [--count N] [--timeout S]`: the live channel's session and key events as JSON lines
void sessionsWatch(CliContext &ctx);
// `servers list|add URL|remove URL|use URL`, `status`
void servers(CliContext &ctx);
void status(CliContext &ctx);
// `channel URL|live [--as-key-env VAR] [--send JSON]... [--count N] [--timeout S]`
void channel(CliContext &ctx);

// Issue 13 items 1-2: `users rename ID NAME`, `users disable|enable|delete ID...`, `keys disable|enable|revoke
// ID...|--user ID`, `sessions revoke ID...`, through ServiceUserOperations and BulkRun. True when handled.
bool lifecycle(CliContext &ctx);
// Asks on the terminal ([y/N] on stderr); without a terminal on stdin: a usage error (exit 2).
void askYesNo(CliContext &ctx, const QString &question, std::function<void(bool)> answer);
// `audit [--since 1h|ISO] [--until ISO] [--actor ID|EMAIL] [--action A] [--target T] [paging]`
void audit(CliContext &ctx);
// `users ban ID [--reason T] [--expires D] | unban ID | set-role ID ROLES` (false: not one of these)
bool userAdminCommand(CliContext &ctx);
// `users list` on a server without the console plugin: every user (better-auth's admin list)
void listAllUsers(CliContext &ctx, const ListQuery &query, bool all);
// `sessions revoke ID [--user USER_ID]` and `sessions revoke-all USER_ID`, with or without the plugin
void sessionsRevoke(CliContext &ctx, const QString &sessionId);
void sessionsRevokeAll(CliContext &ctx, const QString &userId);

// Restores the keychain session for the endpoint, then runs next(token); reports and exits otherwise.
void withSession(CliContext &ctx, std::function<void(const QString &token)> next);

} // namespace CliCommands
