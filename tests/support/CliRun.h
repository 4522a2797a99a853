#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QUrl>

// What one run of the real pikku-admin binary did.
struct CliRun
{
    int code = -1;   // -1: killed after the timeout (err says so), -2: crashed
    QByteArray out, err;
    qint64 ms = 0;
};

// Runs the CLI against `server` with its keychain entries under `keychainService`, no display, and
// `extraEnv` on top of this process's environment. Waits for the process's state in this thread's
// event loop (test-only), so an in-process fixture server keeps answering.
CliRun runCli(const QString &keychainService, const QUrl &server, const QStringList &args,
              const QHash<QString, QString> &extraEnv = {}, int timeoutMs = 30000);

// True if `bytes` (UTF-8) holds a control character a terminal would act on (C0 but newline, DEL, C1,
// line/paragraph separators, bidi overrides and isolates): server text must reach the terminal escaped.
bool hasRawControl(const QByteArray &bytes);

// One ApiKey row of the console API (console-api.md) as a hostile fixture would send it.
QByteArray consoleKeyJson(const QString &id, const QString &name, const QString &userId = QStringLiteral("u_svc"));
