#pragma once

#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

// The bundled dev server (server/dist/dev-server.js): real better-auth, a real SQLite file in a
// temporary folder, a free loopback port. It dies with the test (stdin closes) even on a crash.
class DevServer
{
public:
    struct Options {
        QString deviceInterval = QStringLiteral("1s");
        QString deviceExpires = QStringLiteral("2min");
        QStringList extraArgs;
        // false: --no-console-plugin (better-auth's admin, bearer, API Key and device plugins only; /console/* 404)
        bool consolePlugin = true;
    };
    DevServer();
    explicit DevServer(Options options);
    ~DevServer();

    bool start(int timeoutMs = 60000);   // false with errorString() on failure
    void stop();
    QUrl url() const { return m_url; }
    QString errorString() const { return m_error; }
    QString log() const { return m_log; }

    static QString adminEmail() { return QStringLiteral("admin@example.com"); }
    static QString adminPassword() { return QStringLiteral("admin-password-123"); }

private:
    Options m_options;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_proc;
    QUrl m_url;
    QString m_error;
    QString m_log;
};
