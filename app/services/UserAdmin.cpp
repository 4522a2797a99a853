#include "UserAdmin.h"

#include "core/Session.h"

#include <QJsonArray>
#include <QTimer>

#include <algorithm>

namespace {
constexpr int kMaxBanReason = 500;
constexpr qint64 kMaxBanSeconds = 10LL * 366 * 86400;

template<typename T>
void failSoon(QObject *context, std::function<void(Result<T>)> cb, const ApiError &e)
{
    // Asynchronous like every other answer (a caller never gets its callback inside its own call).
    QTimer::singleShot(0, context, [cb, e] { cb(e); });
}

ApiError refused(const QString &code, const QString &message)
{
    ApiError e = ApiError::make(ApiError::Kind::Conflict, message);
    e.serverCode = code;
    e.serverMessage = message;
    return e;
}
} // namespace

UserAdmin::UserAdmin(ConsoleApi *console, BetterAuthAdminApi *admin, Session *session)
    : m_console(console), m_admin(admin), m_session(session),
      m_modes(std::make_shared<QHash<QString, ConsoleMode>>()), m_tokens(std::make_shared<QHash<QString, QString>>())
{
}

QString UserAdmin::pluginHint()
{
    return QStringLiteral("Needs the console plugin: install @pikku-admin/better-auth-console on the server "
                          "(see server/console-plugin/README.md).");
}

ApiError UserAdmin::needsPlugin(const QString &what)
{
    ApiError e = ApiError::make(ApiError::Kind::NotFound, what);
    e.httpStatus = 404;
    e.serverCode = QStringLiteral("CONSOLE_API_MISSING");
    e.serverMessage = what + QStringLiteral(": this server has no console API. ") + pluginHint();
    return e;
}

std::optional<ConsoleMode> UserAdmin::knownMode() const
{
    const auto it = m_modes->constFind(m_session->endpoint().key());
    if (it == m_modes->cend())
        return std::nullopt;
    return *it;
}

void UserAdmin::probe(QObject *context, Cb<ConsoleMode> cb)
{
    const QString server = m_session->endpoint().key();
    auto modes = m_modes;
    m_console->info(context, [cb, server, modes](Result<ConsoleInfo> r) {
        if (r.ok()) {
            modes->insert(server, ConsoleMode::Plugin);
            cb(ConsoleMode::Plugin);
        } else if (r.error().serverCode == QLatin1String("CONSOLE_API_MISSING")) {
            modes->insert(server, ConsoleMode::NoPlugin);
            cb(ConsoleMode::NoPlugin);
        } else {
            cb(r.error());
        }
    });
}

void UserAdmin::listUsers(const UserQuery &query, QObject *context, Cb<Page<AdminUser>> cb)
{
    if (query.limit < 1 || query.limit > 1000 || query.offset < 0) {
        failSoon<Page<AdminUser>>(context, cb, ApiError::make(ApiError::Kind::BadResponse, QStringLiteral("limit is 1 to 1000, offset at least 0")));
        return;
    }
    m_admin->listUsers(query, context, cb);
}

void UserAdmin::listSessions(const ListQuery &query, QObject *context, Cb<Page<UserSession>> cb)
{
    auto tokens = m_tokens;
    BetterAuthAdminApi *admin = m_admin;
    auto withoutPlugin = [query, context, cb, tokens, admin] {
        if (query.userId.isEmpty()) {
            cb(needsPlugin(QStringLiteral("listing every user's sessions (without it, name one user)")));
            return;
        }
        if (query.cursor && !query.cursor->isEmpty()) {
            cb(needsPlugin(QStringLiteral("cursor paging")));
            return;
        }
        const int limit = std::clamp(query.limit, 1, 1000), offset = std::max(0, query.offset);
        admin->listUserSessions(query.userId, context, [cb, tokens, limit, offset](Result<AdminSessionList> r) {
            if (!r.ok()) {
                cb(r.error());
                return;
            }
            for (auto it = r.value().tokens.cbegin(); it != r.value().tokens.cend(); ++it)
                tokens->insert(it.key(), it.value());
            const QList<UserSession> &all = r.value().sessions;
            Page<UserSession> p;
            p.total = int(all.size());
            p.items = all.mid(offset, limit);
            // The body as --json prints it: the same rows (no token), the same cut, {sessions, total}.
            QHash<QString, QJsonObject> byId;
            for (const QJsonValue &v : r.value().body.value(QStringLiteral("sessions")).toArray())
                byId.insert(v.toObject().value(QStringLiteral("id")).toString(), v.toObject());
            QJsonArray rows;
            for (const UserSession &s : p.items)
                rows.append(byId.value(s.id));
            p.body.insert(QStringLiteral("sessions"), rows);
            p.body.insert(QStringLiteral("total"), p.total);
            cb(p);
        });
    };
    if (knownMode() == ConsoleMode::NoPlugin) {
        withoutPlugin();
        return;
    }
    m_console->listSessions(query, context, [this, cb, withoutPlugin](Result<Page<UserSession>> r) {
        if (!r.ok() && pluginMissing(r.error())) {
            withoutPlugin();
            return;
        }
        cb(r);
    });
}

bool UserAdmin::pluginMissing(const ApiError &e)
{
    if (e.serverCode != QLatin1String("CONSOLE_API_MISSING"))
        return false;
    m_modes->insert(m_session->endpoint().key(), ConsoleMode::NoPlugin);
    return true;
}

void UserAdmin::revokeSession(const QString &sessionId, const QString &userId, QObject *context, Cb<Done> cb)
{
    auto tokens = m_tokens;
    auto withoutPlugin = [this, sessionId, userId, context, cb, tokens] {
        if (userId.isEmpty()) {
            cb(needsPlugin(QStringLiteral("revoking a session by its id alone (give the user's id)")));
            return;
        }
        BetterAuthAdminApi *admin = m_admin;
        QPointer<QObject> ctx(context);
        // Always the fresh list: a cached token may belong to a session that is gone, and better-auth
        // "succeeds" for any token.
        admin->listUserSessions(userId, context, [admin, sessionId, userId, ctx, cb, tokens](Result<AdminSessionList> r) {
            if (!r.ok()) {
                cb(r.error());
                return;
            }
            const QString token = r.value().tokens.value(sessionId);
            if (token.isEmpty()) {
                ApiError e = ApiError::make(ApiError::Kind::NotFound, sessionId);
                e.httpStatus = 404;
                e.serverCode = QStringLiteral("NOT_FOUND");
                e.serverMessage = QStringLiteral("no session %1 among the sessions of user %2").arg(sessionId, userId);
                cb(e);
                return;
            }
            if (!ctx)
                return;
            admin->revokeSessionByToken(token, ctx, [cb, tokens, sessionId](Result<Done> d) {
                if (d.ok())
                    tokens->remove(sessionId);
                cb(d);
            });
        });
    };
    if (knownMode() == ConsoleMode::NoPlugin) {
        withoutPlugin();
        return;
    }
    m_console->revokeSession(sessionId, context, [this, cb, withoutPlugin](Result<QJsonObject> r) {
        if (!r.ok() && pluginMissing(r.error())) {
            withoutPlugin();
            return;
        }
        if (r.ok())
            cb(Done{});
        else
            cb(r.error());
    });
}

void UserAdmin::revokeAllSessions(const QString &userId, QObject *context, Cb<Done> cb)
{
    m_admin->revokeUserSessions(userId, context, cb);
}

QString UserAdmin::lockoutReasonForBan(const QString &userId) const
{
    if (!userId.isEmpty() && userId == m_session->user().id)
        return QStringLiteral("You cannot ban yourself: it would end your own session and lock you out of the console.");
    return {};
}

QString UserAdmin::lockoutReasonForRoles(const QString &userId, const QStringList &roles) const
{
    if (!userId.isEmpty() && userId == m_session->user().id && m_session->user().isAdmin()
        && !roles.contains(QStringLiteral("admin")))
        return QStringLiteral("You cannot remove your own admin role: you would lock yourself out of the console. "
                              "Ask another admin to do it.");
    return {};
}

void UserAdmin::ban(const QString &userId, const QString &reason, std::optional<qint64> expiresInSeconds, QObject *context,
                    Cb<AdminUser> cb)
{
    if (const QString why = lockoutReasonForBan(userId); !why.isEmpty()) {
        failSoon<AdminUser>(context, cb, refused(QStringLiteral("LOCKOUT"), why));
        return;
    }
    if (reason.size() > kMaxBanReason || (expiresInSeconds && (*expiresInSeconds < 1 || *expiresInSeconds > kMaxBanSeconds))) {
        failSoon<AdminUser>(context, cb, refused(QStringLiteral("VALIDATION_ERROR"),
                                                 QStringLiteral("a ban reason is at most 500 characters and a ban lasts 1 second to 10 years")));
        return;
    }
    m_admin->banUser(userId, reason, expiresInSeconds, context, cb);
}

void UserAdmin::unban(const QString &userId, QObject *context, Cb<AdminUser> cb)
{
    m_admin->unbanUser(userId, context, cb);
}

void UserAdmin::setRole(const QString &userId, const QStringList &roles, QObject *context, Cb<AdminUser> cb)
{
    if (const QString why = lockoutReasonForRoles(userId, roles); !why.isEmpty()) {
        failSoon<AdminUser>(context, cb, refused(QStringLiteral("LOCKOUT"), why));
        return;
    }
    if (roles.isEmpty() || roles.size() > 16) {
        failSoon<AdminUser>(context, cb, refused(QStringLiteral("VALIDATION_ERROR"), QStringLiteral("give 1 to 16 roles")));
        return;
    }
    m_admin->setRole(userId, roles, context, cb);
}
