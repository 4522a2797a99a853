// `pikku-admin sessions watch [--count N] [--timeout S]`: the live channel's "sessions" topic as JSON
// lines. As the signed-in admin (Bearer, only to the server's own origin, like `channel live`); each
// pushed event ({topic, event, at, data}) is printed on its own line, re-serialized compactly with its
// control characters escaped. Replies to our own subscribe are not printed. SIGINT and SIGTERM end it
// cleanly (events flushed, a normal close, exit 0), as in `channel`.
#include "CliContext.h"
#include "CliHelp.h"
#include "CliSignals.h"

#include "net/ChannelSocket.h"
#include "services/Services.h"
#include "services/UserAdmin.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace CliCommands {

void sessionsWatch(CliContext &ctx)
{
    bool ok = true;
    const qint64 count = ctx.isSet("count") ? ctx.value("count").toLongLong(&ok) : 0;
    if (!ok || count < 0 || count > 1000000000) {
        ctx.usage(QStringLiteral("--count takes a whole number"));
        return;
    }
    const double timeout = ctx.isSet("timeout") ? ctx.value("timeout").toDouble(&ok) : 0;
    if (!ok || timeout < 0 || timeout > 365.0 * 86400) {
        ctx.usage(QStringLiteral("--timeout takes seconds"));
        return;
    }
    QUrl url = ctx.endpoint.authUrl(QStringLiteral("/console/live"));
    url.setScheme(url.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));

    withSession(ctx, [ctx, url, count, timeout](const QString &token) {
        auto *socket = new ChannelSocket(ctx.owner);
        auto received = std::make_shared<qint64>(0);
        auto subscribed = std::make_shared<bool>(false);
        auto finished = std::make_shared<bool>(false);
        auto finish = [ctx, socket, finished](int code) {
            if (std::exchange(*finished, true))
                return;
            QObject::disconnect(socket, nullptr, nullptr, nullptr);
            const ChannelSocket::State st = socket->state();
            if (st != ChannelSocket::State::Open && st != ChannelSocket::State::Connecting) {
                ctx.done(code);
                return;
            }
            QObject::connect(socket, &ChannelSocket::stateChanged, ctx.owner, [ctx, code](ChannelSocket::State s) {
                if (s != ChannelSocket::State::Open && s != ChannelSocket::State::Connecting)
                    ctx.done(code);
            });
            QTimer::singleShot(1000, ctx.owner, [ctx, code] { ctx.done(code); });   // a normal close, a second at most
            socket->close();
        };
        QObject::connect(socket, &ChannelSocket::opened, ctx.owner, [socket] {
            socket->sendText(QByteArrayLiteral(R"({"action":"subscribe","topic":"sessions"})"));
        });
        QObject::connect(socket, &ChannelSocket::textReceived, ctx.owner, [ctx, received, subscribed, count, finish, url](const QByteArray &t) {
            QJsonParseError pe{};
            const QJsonDocument d = QJsonDocument::fromJson(t, &pe);
            if (pe.error != QJsonParseError::NoError || !d.isObject())
                return;   // not an event (the topic only pushes JSON objects)
            const QJsonObject o = d.object();
            const QString action = o.value(QStringLiteral("action")).toString();
            if (action == QLatin1String("subscribe")) {
                if (o.contains(QStringLiteral("error"))) {
                    ctx.out->error(QStringLiteral("the server refused the subscription: %1")
                                       .arg(CliOutput::plain(o.value(QStringLiteral("error")).toString())),
                                   o.value(QStringLiteral("code")).toString(QStringLiteral("REFUSED")));
                    finish(ExitFailure);
                    return;
                }
                *subscribed = true;
                ctx.out->info(QStringLiteral("watching session and key events on %1 (Ctrl-C to stop)").arg(url.toString(QUrl::RemoveQuery)));
                return;
            }
            if (!action.isEmpty() || o.value(QStringLiteral("topic")).toString() != QLatin1String("sessions"))
                return;
            ctx.out->printJson(o);   // one line, flushed, control characters escaped
            if (++*received >= count && count > 0)
                finish(ExitOk);
        });
        QObject::connect(socket, &ChannelSocket::rejected, ctx.owner, [ctx, finish](int status, const QString &msg) {
            ctx.out->error(status > 0 ? QStringLiteral("the server refused the channel: HTTP %1").arg(status)
                                      : QStringLiteral("the server refused the channel (%1)").arg(msg),
                           status == 401 ? QStringLiteral("UNAUTHORIZED") : status == 404 ? QStringLiteral("CONSOLE_API_MISSING")
                                                                            : QStringLiteral("CHANNEL_REFUSED"), status);
            if (status == 404)   // no live channel: a server without the console plugin
                ctx.out->hint(UserAdmin::pluginHint());
            finish(status == 401 ? ExitNotSignedIn : ExitFailure);
        });
        QObject::connect(socket, &ChannelSocket::failed, ctx.owner, [ctx, finish](const QString &msg) {
            ctx.out->error(msg, QStringLiteral("NETWORK"));
            finish(ExitFailure);
        });
        QObject::connect(socket, &ChannelSocket::closed, ctx.owner, [ctx, finish, received, count](int code, const QString &reason) {
            if (code >= 4400 && code < 4500) {
                ctx.out->error(QStringLiteral("the server closed the channel: %1 (%2)").arg(CliOutput::plain(reason)).arg(code),
                               QStringLiteral("SESSION_GONE"));
                finish(ExitNotSignedIn);
                return;
            }
            ctx.out->info(QStringLiteral("closed by the server (%1) after %2 events").arg(code).arg(*received));
            finish(count > 0 && *received < count ? ExitFailure : ExitOk);
        });
        const int handshakeMs = timeout > 0 ? int(std::min(15000.0, timeout * 1000)) : 15000;
        QTimer::singleShot(handshakeMs, ctx.owner, [ctx, subscribed, finish, url] {
            if (*subscribed)
                return;
            ctx.out->error(QStringLiteral("timed out: %1 did not open and confirm the subscription").arg(url.toString(QUrl::RemoveQuery)),
                           QStringLiteral("TIMEOUT"));
            finish(ExitFailure);
        });
        if (timeout > 0) {
            QTimer::singleShot(int(timeout * 1000), ctx.owner, [ctx, finish, received, count] {
                if (count > 0 && *received < count) {
                    ctx.out->error(QStringLiteral("timed out after %1 of %2 events").arg(*received).arg(count), QStringLiteral("TIMEOUT"));
                    finish(ExitFailure);
                } else {
                    finish(ExitOk);
                }
            });
        }
        // Ctrl-C / SIGTERM: the events so far are printed, the channel closes normally, exit 0 (like `channel`).
        if (!CliSignals::watchStopSignals(ctx.owner, [ctx, finish, received](int) {
                ctx.out->info(QStringLiteral("interrupted after %1 events; closing").arg(*received));
                finish(ExitOk);
            }))
            ctx.out->info(QStringLiteral("could not install the Ctrl-C handler"));
        ChannelSocket::Options o;
        o.pingIntervalMs = 0;
        o.allowInsecure = ctx.endpoint.allowInsecureHttp;
        socket->open(url, Credentials::person(token, ctx.endpoint.baseUrl), o);
    });
}

} // namespace CliCommands
