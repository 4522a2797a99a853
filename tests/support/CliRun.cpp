#include "CliRun.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

CliRun runCli(const QString &keychainService, const QUrl &server, const QStringList &args,
              const QHash<QString, QString> &extraEnv, int timeoutMs)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PIKKU_ADMIN_KEYCHAIN_SERVICE"), keychainService);
    env.insert(QStringLiteral("PIKKU_ADMIN_SERVER"), server.toString());
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    for (auto it = extraEnv.begin(); it != extraEnv.end(); ++it)
        env.insert(it.key(), it.value());
    p.setProcessEnvironment(env);
    QElapsedTimer t;
    t.start();
    p.start(QStringLiteral(PIKKU_ADMIN_BINARY), args + QStringList{QStringLiteral("--auth-path"), QStringLiteral("/api/auth")});
    // The fixture answers from this event loop: wait for the state, never block in waitForFinished.
    if (!QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, timeoutMs)) {
        p.kill();
        p.waitForFinished();
        CliRun hung;
        hung.ms = t.elapsed();
        hung.err = "the CLI did not finish within " + QByteArray::number(timeoutMs) + " ms";
        return hung;
    }
    CliRun r;
    r.ms = t.elapsed();
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

bool hasRawControl(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'\n')
            continue;
        if (u < 0x20 || (u >= 0x7f && u <= 0x9f) || u == 0x2028 || u == 0x2029 || (u >= 0x202a && u <= 0x202e)
            || (u >= 0x2066 && u <= 0x2069))
            return true;
    }
    return false;
}

QByteArray consoleKeyJson(const QString &id, const QString &name, const QString &userId)
{
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const QJsonObject k{{QStringLiteral("id"), id},
                        {QStringLiteral("userId"), userId},
                        {QStringLiteral("name"), name},
                        {QStringLiteral("start"), QStringLiteral("pk_ab")},
                        {QStringLiteral("prefix"), QStringLiteral("pk_")},
                        {QStringLiteral("enabled"), true},
                        {QStringLiteral("createdAt"), now},
                        {QStringLiteral("updatedAt"), now},
                        {QStringLiteral("expiresAt"), QJsonValue::Null},
                        {QStringLiteral("lastRequest"), QJsonValue::Null},
                        {QStringLiteral("requestCount"), 0},
                        {QStringLiteral("remaining"), QJsonValue::Null},
                        {QStringLiteral("rateLimitEnabled"), false},
                        {QStringLiteral("rateLimitMax"), QJsonValue::Null},
                        {QStringLiteral("rateLimitTimeWindow"), QJsonValue::Null},
                        {QStringLiteral("permissions"), QJsonValue::Null},
                        {QStringLiteral("metadata"), QJsonValue::Null}};
    return QJsonDocument(k).toJson(QJsonDocument::Compact);
}
