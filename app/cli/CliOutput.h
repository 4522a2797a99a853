#pragma once

#include <QJsonObject>
#include <QString>

// Exit codes of the CLI contract (cli.md).
enum ExitCode : int {
    ExitOk = 0,
    ExitFailure = 1,
    ExitUsage = 2,
    ExitNotSignedIn = 3,
    ExitDeviceDenied = 4,
};

struct ApiError;

// stdout carries results (one JSON document with --json, or human text); stderr carries messages.
class CliOutput
{
public:
    explicit CliOutput(bool json) : m_json(json) {}
    bool json() const { return m_json; }

    void printJson(const QJsonObject &o) const;      // one compact line on stdout
    void result(const QString &text) const;          // stdout, human form
    void info(const QString &text) const;            // stderr
    void warn(const QString &text) const;            // stderr, "warning: "
    void error(const QString &text) const;           // stderr, "error: "
    // Prints the error and returns the exit code it maps to (3 for any 401 / no session, else 1).
    int fail(const ApiError &e, const QString &what) const;

private:
    bool m_json;
};
