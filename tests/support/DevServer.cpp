#include "DevServer.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTest>

DevServer::DevServer() : DevServer(Options{}) {}

DevServer::DevServer(Options options) : m_options(std::move(options)) {}

DevServer::~DevServer()
{
    stop();
}

bool DevServer::start(int timeoutMs)
{
    // PIKKU_DEV_SERVER_SCRIPT: the same dev server in another app, e.g. the fresh app of
    // server/scripts/pack-install-test.sh whose console plugin is the installed npm tarball.
    const QString other = qEnvironmentVariable("PIKKU_DEV_SERVER_SCRIPT");
    const QString script = other.isEmpty() ? QStringLiteral(PIKKU_SERVER_DIR "/dist/src/dev-server.js") : other;
    if (!other.isEmpty())
        qInfo("dev server script: %s", qPrintable(QDir::toNativeSeparators(script)));
    if (!QFileInfo::exists(script)) {
        m_error = QStringLiteral("%1 is missing: build the dev server first (cd server && npm ci && npm run build)").arg(script);
        return false;
    }
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (node.isEmpty()) {
        m_error = QStringLiteral("node is not on PATH");
        return false;
    }
    m_proc = std::make_unique<QProcess>();
    m_proc->setWorkingDirectory(other.isEmpty() ? QStringLiteral(PIKKU_SERVER_DIR) : QFileInfo(script).absolutePath());
    QStringList args{script,
                     QStringLiteral("--port"), QStringLiteral("0"),
                     QStringLiteral("--db"), m_dir.filePath(QStringLiteral("dev.db")),
                     QStringLiteral("--device-interval"), m_options.deviceInterval,
                     QStringLiteral("--device-expires"), m_options.deviceExpires,
                     QStringLiteral("--exit-on-stdin-close")};
    args << m_options.extraArgs;
    if (!m_options.consolePlugin)
        args << QStringLiteral("--no-console-plugin");
    QObject::connect(m_proc.get(), &QProcess::readyReadStandardError, [this] {
        m_log += QString::fromUtf8(m_proc->readAllStandardError());
    });
    m_proc->start(node, args);
    QString out;
    const bool ready = QTest::qWaitFor([&] {
        out += QString::fromUtf8(m_proc->readAllStandardOutput());
        return out.contains(QLatin1Char('\n')) || m_proc->state() == QProcess::NotRunning;
    }, timeoutMs);
    const QString line = out.section(QLatin1Char('\n'), 0, 0).trimmed();
    const QString prefix = QStringLiteral("pikku-dev-server ready ");
    if (!ready || !line.startsWith(prefix)) {
        m_error = QStringLiteral("dev server did not become ready (got '%1'); log:\n%2").arg(line, m_log);
        stop();
        return false;
    }
    m_url = QUrl(line.mid(prefix.size()));
    return true;
}

void DevServer::stop()
{
    if (!m_proc)
        return;
    if (m_proc->state() != QProcess::NotRunning) {
        m_proc->closeWriteChannel();
        m_proc->terminate();
        if (!m_proc->waitForFinished(5000)) {
            m_proc->kill();
            m_proc->waitForFinished(2000);
        }
    }
    m_proc.reset();
}
