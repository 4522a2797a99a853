#pragma once

#include <QByteArray>
#include <QJsonArray>
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
// Everything printed goes through escapeControls(): a server-supplied string (a client id, a scope, a
// user agent, a frame, an error message) cannot move the cursor, recolour or rewrite a line, or reorder
// text with bidi overrides.
class CliOutput
{
public:
    enum class Style {
        Terminal,   // \n \r \t, \xNN below U+0100, \uNNNN above: readable, visibly not the character
        Json,       // \uNNNN only: valid inside a JSON string and decoding to the same character
    };
    enum class Newlines { Escape, Keep };

    explicit CliOutput(bool json) : m_json(json) {}
    bool json() const { return m_json; }

    // C0 (U+0000-001F), DEL, C1 (U+0080-009F), U+2028/2029 and the bidi controls (U+061C, U+200E/200F,
    // U+202A-202E, U+2066-2069) replaced by a visible escape. With Newlines::Keep a line feed stays (for
    // our own multi-line messages); a field inside a line escapes it too.
    static QString escapeControls(const QString &text, Newlines newlines = Newlines::Escape, Style style = Style::Terminal);
    static bool isControl(char32_t c);
    // A server-supplied value inside a line of human output: every control character escaped, newlines too.
    static QString plain(const QString &text) { return escapeControls(text); }
    // One received channel frame as one output line (UTF-8, no newline): unchanged when it holds nothing
    // to escape (the common case, checked on the bytes), else escaped. With json, a frame that is JSON
    // is re-serialized compactly so its raw whitespace does not become an invalid escape.
    static QByteArray frameLine(const QByteArray &frame, bool json);

    void printJson(const QJsonObject &o) const;      // one compact line on stdout
    void printJsonArray(const QJsonArray &a) const;     // the same for an array (a bulk command's rows)
    void result(const QString &text) const;          // stdout, human form
    void info(const QString &text) const;            // stderr
    void warn(const QString &text) const;            // stderr, "warning: "
    // stderr, "error: "; with --json one line {"error":{"code","message","status"}} instead (code: the
    // server's code, else the error's kind, "USAGE" for a usage error; status: the HTTP status or null).
    void error(const QString &text, const QString &code = QStringLiteral("FAILED"), int httpStatus = 0) const;
    void prompt(const QString &text) const;          // stderr, no newline (a question waiting for its answer)
    // Prints the error and returns the exit code it maps to (3 for any 401 / no session, else 1).
    int fail(const ApiError &e, const QString &what) const;
    // The --json error object (also for tests): {"error":{"code","message","status"}}.
    static QJsonObject errorJson(const QString &code, const QString &message, int httpStatus);
    // Lines on stderr without "error: " (hints after an error): dropped with --json, where stderr holds
    // the one error object and nothing else a script would have to skip.
    void hint(const QString &text) const;

private:
    bool m_json;
};
