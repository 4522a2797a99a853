// `pikku-admin channel URL|live [--as-key-env VAR] [--send JSON]... [--count N] [--timeout S]`:
// opens one authenticated channel (Bearer from the keychain, or x-api-key from an environment variable,
// never both), sends the given messages, and prints every received message on its own line.
#include "CliContext.h"

#include "core/Services.h"
#include "net/ChannelSocket.h"

#include <QJsonDocument>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace CliCommands {

namespace {

// Received messages go to stdout in batches: one fwrite per ~64 KiB or 50 ms, not one per message.
class LineSink : public QObject
{
public:
    explicit LineSink(QObject *parent) : QObject(parent)
    {
        m_timer.setInterval(50);
        connect(&m_timer, &QTimer::timeout, this, &LineSink::flush);
        m_timer.start();
        m_buffer.reserve(128 * 1024);
    }
    ~LineSink() override { flush(); }
    void add(const QByteArray &line)
    {
        m_buffer.append(line);
        if (!line.endsWith('\n'))
            m_buffer.append('\n');
        if (m_buffer.size() >= 64 * 1024)
            flush();
    }
    void flush()
    {
        if (m_buffer.isEmpty())
            return;
        std::fwrite(m_buffer.constData(), 1, size_t(m_buffer.size()), stdout);
        std::fflush(stdout);
        m_buffer.clear();
    }

private:
    QTimer m_timer;
    QByteArray m_buffer;
};

} // namespace

void channel(CliContext &ctx)
{
    if (ctx.args.size() != 1) {
        ctx.usage(QStringLiteral("usage: channel URL|live [--as-key-env VAR] [--send JSON]... [--count N] [--timeout S]"));
        return;
    }
    QList<QByteArray> toSend;
    for (const QString &s : ctx.values("send")) {
        QJsonParseError pe{};
        const QJsonDocument d = QJsonDocument::fromJson(s.toUtf8(), &pe);
        if (pe.error != QJsonParseError::NoError) {
            ctx.usage(QStringLiteral("--send is not JSON (%1): %2").arg(pe.errorString(), s));
            return;
        }
        toSend << d.toJson(QJsonDocument::Compact);
    }
    bool ok = true;
    const qint64 count = ctx.isSet("count") ? ctx.value("count").toLongLong(&ok) : 0;
    if (!ok || count < 0) {
        ctx.usage(QStringLiteral("--count takes a whole number"));
        return;
    }
    const double timeout = ctx.isSet("timeout") ? ctx.value("timeout").toDouble(&ok) : 0;
    if (!ok || timeout < 0) {
        ctx.usage(QStringLiteral("--timeout takes seconds"));
        return;
    }
    QUrl url;
    const QString target = ctx.args.at(0);
    if (target == QLatin1String("live")) {
        url = ctx.endpoint.authUrl(QStringLiteral("/console/live"));
        url.setScheme(url.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    } else {
        url = QUrl(target);
    }

    auto run = [ctx, url, toSend, count, timeout](const Credentials &creds) mutable {
        auto *socket = new ChannelSocket(ctx.owner);
        auto *sink = new LineSink(ctx.owner);
        const bool asKey = !creds.apiKey.isEmpty();
        auto received = std::make_shared<qint64>(0);
        auto finish = [ctx, sink, socket](int code) {
            sink->flush();
            QObject::disconnect(socket, nullptr, nullptr, nullptr);
            socket->close();
            ctx.done(code);
        };
        QObject::connect(socket, &ChannelSocket::opened, ctx.owner, [socket, toSend, ctx, url, asKey] {
            ctx.out->info(QStringLiteral("connected to %1 as %2").arg(url.toString(QUrl::RemoveQuery), asKey ? QStringLiteral("an API key") : QStringLiteral("you")));
            for (const QByteArray &m : toSend)
                socket->sendText(m);
        });
        QObject::connect(socket, &ChannelSocket::textReceived, ctx.owner, [sink, received, count, finish](const QByteArray &t) {
            sink->add(t);
            if (count > 0 && ++*received >= count)
                finish(ExitOk);
        });
        QObject::connect(socket, &ChannelSocket::rejected, ctx.owner, [ctx, finish, asKey](int status, const QString &msg) {
            ctx.out->error(status > 0 ? QStringLiteral("the server refused the channel: HTTP %1").arg(status)
                                      : QStringLiteral("the server refused the channel (%1)").arg(msg));
            finish(status == 401 && !asKey ? ExitNotSignedIn : ExitFailure);
        });
        QObject::connect(socket, &ChannelSocket::failed, ctx.owner, [ctx, finish](const QString &msg) {
            ctx.out->error(msg);
            finish(ExitFailure);
        });
        QObject::connect(socket, &ChannelSocket::closed, ctx.owner, [ctx, finish, asKey, received, count](int code, const QString &reason) {
            if (code >= 4400 && code < 4500) {
                ctx.out->error(QStringLiteral("the server closed the channel: %1 (%2)").arg(reason).arg(code));
                finish(asKey ? ExitFailure : ExitNotSignedIn);
                return;
            }
            ctx.out->info(QStringLiteral("closed by the server (%1) after %2 messages").arg(code).arg(*received));
            finish(count > 0 && *received < count ? ExitFailure : ExitOk);
        });
        if (timeout > 0) {
            QTimer::singleShot(int(timeout * 1000), ctx.owner, [ctx, finish, received, count] {
                if (count > 0 && *received < count) {
                    ctx.out->error(QStringLiteral("timed out after %1 of %2 messages").arg(*received).arg(count));
                    finish(ExitFailure);
                } else {
                    finish(ExitOk);
                }
            });
        }
        ChannelSocket::Options o;
        o.pingIntervalMs = 0;
        o.allowInsecure = ctx.endpoint.allowInsecureHttp;
        socket->open(url, creds, o);
    };

    if (ctx.isSet("as-key-env")) {
        // Never from an argument (it would show in ps): from the named environment variable only.
        const QString var = ctx.value("as-key-env");
        const QString key = qEnvironmentVariable(var.toLocal8Bit().constData());
        if (key.isEmpty()) {
            ctx.usage(QStringLiteral("the environment variable %1 is empty or not set").arg(var));
            return;
        }
        run(Credentials::machine(key));
        return;
    }
    withSession(ctx, [run](const QString &token) mutable { run(Credentials::person(token)); });
}

} // namespace CliCommands
