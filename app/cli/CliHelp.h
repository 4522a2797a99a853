#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QStringList>

// The CLI's commands and options as one table: the parser's options, the per-command help, the global
// help, the short subcommand lists and the argument checks are all read from it.
namespace CliHelp {

struct OptionSpec
{
    QString name;        // without the dashes
    QString valueName;   // empty: a flag
    QString help;        // for a global option; a command's option gives its own text
};

struct CommandOption
{
    QString name;
    QString help;
};

struct CommandSpec
{
    QString path;                  // "keys mint", or "keys" for a group
    QString arguments;             // after the path in the usage line: "--user ID --name NAME [options]"
    int positionals = 0;           // positional arguments after the path (CODE, ID, NAME, URL)
    QString group;                 // the heading it is listed under in the global help
    QString summary;               // one line
    QString description;           // a few more lines in its own help (optional)
    QList<CommandOption> options;  // its own options, in the order shown
    QStringList examples;          // without the program name: "keys mint --user ID --name backup"
};

struct ExitCodeSpec
{
    int code;
    QString brief;     // "usage"
    QString meaning;   // one line
};

QString programName();
// The command takes several of its last positional ("ID..." in its arguments): positionals is then the
// least number.
bool takesMany(const CommandSpec &c);
const QList<ExitCodeSpec> &exitCodes();         // cli.md's table, for --help, each command's help and the man page                          // QCoreApplication::applicationName(), else "pikku-admin"
const QList<OptionSpec> &globalOptions();       // before or after the command: --server, --json, ...
const QList<OptionSpec> &commandOptions();      // every command's options, once each
const QList<CommandSpec> &commands();           // groups and leaves; a group has "sub" entries after it
QStringList topLevelCommands();                 // login, whoami, ..., keys
QStringList subcommandsOf(const QString &group);
bool isGroup(const QString &path);
const CommandSpec *find(const QString &path);
// The longest command path at the start of words ("keys mint" for {keys, mint, ID}); empty when the
// first word is no command. *used tells how many words it took.
QString resolve(const QStringList &words, int *used = nullptr);

QList<QCommandLineOption> parserOptions();      // global + command options, for QCommandLineParser
QStringList valuedOptionNames();                // "--server", ... (so a value is not read as a command)
bool takesOption(const QString &path, const QString &option);   // its own, or a global one

QString globalHelp();
QString commandHelp(const QString &path);       // a leaf's usage and options, or a group's subcommands
QString usageLine(const QString &path);         // "usage: pikku-admin keys revoke ID"
QString subcommandList(const QString &group);   // the short list for a bare `keys`

} // namespace CliHelp
