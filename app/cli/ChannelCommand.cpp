// `pikku-admin channel URL|live [--as-key-env VAR | --as-key-stdin] [--send JSON]... [--count N] [--timeout S]`:
// opens one authenticated channel (Bearer from the keychain, or x-api-key from an environment variable or
// the first line of standard input, never both, never from an argument), sends the given messages, and
// prints every received message on its own line. SIGINT and SIGTERM end it cleanly (lines flushed, a
// normal close, exit 0); a handshake that gets no answer fails after 15 s (or --timeout if sooner).
#include "CliContext.h"
#include "CliHelp.h"
#include "CliSignals.h"

#include "services/Services.h"
#include "net/ChannelSocket.h"

#include <QJsonDocument>
#include <QSocketNotifier>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>

#include <termios.h>
#include <unistd.h>

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

// The first line of standard input, read through a QSocketNotifier (no blocking, no nested loop). On a
// terminal the prompt goes to stderr and echo is off while typing.
void readKeyFromStdin(QObject *owner, std::function<void(const QString &key)> next)
{
    const bool tty = ::isatty(STDIN_FILENO);
    auto restore = std::make_shared<termios>();
    auto echoOff = std::make_shared<bool>(false);
    if (tty) {
        std::fputs("API key: ", stderr);
        std::fflush(stderr);
        if (::tcgetattr(STDIN_FILENO, restore.get()) == 0) {
            termios quiet = *restore;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            *echoOff = ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet) == 0;
        }
    }
    auto buffer = std::make_shared<QByteArray>();
    auto *notifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, owner);
    QObject::connect(notifier, &QSocketNotifier::activated, owner, [notifier, buffer, next, restore, echoOff] {
        char chunk[512];
        const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
        if (n > 0)
            buffer->append(chunk, int(n));
        const qsizetype eol = buffer->indexOf('\n');
        if (n > 0 && eol < 0 && buffer->size() < 64 * 1024)
            return;   // more to come
        notifier->setEnabled(false);
        notifier->deleteLater();
        if (*echoOff) {
            ::tcsetattr(STDIN_FILENO, TCSANOW, restore.get());
            std::fputs("\n", stderr);
        }
        const QByteArray line = eol >= 0 ? buffer->left(eol) : *buffer;
        const QString key = QString::fromUtf8(line).trimmed();
        buffer->fill('\0');   // do not leave the key lying around longer than needed
        next(key);
    });
}

} // namespace

void channel(CliContext &ctx)
{
    if (ctx.args.size() != 1) {
        ctx.usage(CliHelp::usageLine(QStringLiteral("channel")));
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

    if (ctx.isSet("as-key-env") && ctx.isSet("as-key-stdin")) {
        ctx.usage(QStringLiteral("--as-key-env and --as-key-stdin: one key source only"));
        return;
    }

    auto run = [ctx, url, toSend, count, timeout](const Credentials &creds) mutable {
        auto *socket = new ChannelSocket(ctx.owner);
        auto *sink = new LineSink(ctx.owner);
        const bool asKey = !creds.apiKey.isEmpty();
        auto received = std::make_shared<qint64>(0);
        auto opened = std::make_shared<bool>(false);
        auto finished = std::make_shared<bool>(false);
        auto *handshake = new QTimer(ctx.owner);
        handshake->setSingleShot(true);
        // No answer to the upgrade: 15 s, or --timeout when that is sooner.
        const int handshakeMs = timeout > 0 ? std::min(15000, int(timeout * 1000)) : 15000;
        handshake->setInterval(handshakeMs);
        auto finish = [ctx, sink, socket, finished, handshake](int code) {
            if (std::exchange(*finished, true))
                return;
            handshake->stop();
            sink->flush();
            QObject::disconnect(socket, nullptr, nullptr, nullptr);
            const ChannelSocket::State st = socket->state();
            if (st != ChannelSocket::State::Open && st != ChannelSocket::State::Connecting) {
                socket->close();
                ctx.done(code);
                return;
            }
            // A normal close (1000) that gets the chance to reach the server: done once the socket
            // reports it closed, or after a second at most.
            QObject::connect(socket, &ChannelSocket::stateChanged, ctx.owner, [ctx, code](ChannelSocket::State s) {
                if (s != ChannelSocket::State::Open && s != ChannelSocket::State::Connecting)
                    ctx.done(code);
            });
            QTimer::singleShot(1000, ctx.owner, [ctx, code] { ctx.done(code); });
            socket->close();
        };
        auto handshakeTimedOut = [ctx, finish, url, handshakeMs] {
            ctx.out->error(QStringLiteral("timed out: %1 did not complete the WebSocket handshake within %2 s")
                               .arg(url.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo))
                               .arg(handshakeMs / 1000.0));
            finish(ExitFailure);
        };
        QObject::connect(handshake, &QTimer::timeout, ctx.owner, handshakeTimedOut);
        QObject::connect(socket, &ChannelSocket::opened, ctx.owner, [socket, toSend, ctx, url, asKey, opened, handshake] {
            *opened = true;
            handshake->stop();
            ctx.out->info(QStringLiteral("connected to %1 as %2").arg(url.toString(QUrl::RemoveQuery), asKey ? QStringLiteral("an API key") : QStringLiteral("you")));
            for (const QByteArray &m : toSend)
                socket->sendText(m);
        });
        QObject::connect(socket, &ChannelSocket::textReceived, ctx.owner, [ctx, sink, received, count, finish](const QByteArray &t) {
            // A frame is server-supplied text: its control characters are escaped (cheap byte check first).
            sink->add(CliOutput::frameLine(t, ctx.out->json()));
            if (++*received >= count && count > 0)
                finish(ExitOk);
        });
        QObject::connect(socket, &ChannelSocket::binaryReceived, ctx.owner, [ctx, sink, received, count, finish](const QByteArray &b) {
            // A binary frame: with --json one {"binary":"<base64>"} line (base64 needs no escaping), else its
            // bytes as text with the control characters escaped, as before.
            sink->add(ctx.out->json() ? QByteArray("{\"binary\":\"") + b.toBase64() + "\"}" : CliOutput::frameLine(b, false));
            if (++*received >= count && count > 0)
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
            QTimer::singleShot(int(timeout * 1000), ctx.owner, [ctx, finish, received, count, opened, handshakeTimedOut] {
                if (!*opened) {
                    handshakeTimedOut();
                } else if (count > 0 && *received < count) {
                    ctx.out->error(QStringLiteral("timed out after %1 of %2 messages").arg(*received).arg(count));
                    finish(ExitFailure);
                } else {
                    finish(ExitOk);
                }
            });
        }
        // Ctrl-C / SIGTERM: what arrived so far is printed, the channel closes normally, exit 0.
        if (!CliSignals::watchStopSignals(ctx.owner, [ctx, finish, received](int) {
                ctx.out->info(QStringLiteral("interrupted after %1 messages; closing").arg(*received));
                finish(ExitOk);
            }))
            ctx.out->info(QStringLiteral("could not install the Ctrl-C handler"));
        ChannelSocket::Options o;
        o.pingIntervalMs = 0;
        o.allowInsecure = ctx.endpoint.allowInsecureHttp && ServerUrl::sameOrigin(url, ctx.endpoint.baseUrl);
        handshake->start();
        socket->open(url, creds, o);
    };

    if (ctx.isSet("as-key-stdin")) {
        // Never from an argument (it would show in ps): the first line of standard input.
        readKeyFromStdin(ctx.owner, [ctx, run](const QString &key) mutable {
            if (key.isEmpty()) {
                ctx.usage(QStringLiteral("--as-key-stdin: standard input had no key on its first line"));
                return;
            }
            run(Credentials::machine(key));
        });
        return;
    }
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
    // The session belongs to its server: for a channel on another origin it is not even read from the keychain.
    if (!ServerUrl::sameOrigin(url, ctx.endpoint.baseUrl)) {
        ctx.out->error(QStringLiteral("your session belongs to %1 and is never sent to %2: connect with a key "
                                      "(--as-key-env VAR or --as-key-stdin), or sign in to that server (--server)")
                           .arg(ServerUrl::origin(ctx.endpoint.baseUrl), ServerUrl::origin(url)));
        ctx.done(ExitFailure);
        return;
    }
    withSession(ctx, [ctx, run](const QString &token) mutable { run(Credentials::person(token, ctx.endpoint.baseUrl)); });
}

} // namespace CliCommands
