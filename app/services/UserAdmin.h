#pragma once

#include "core/AdminTypes.h"
#include "core/ConsoleTypes.h"
#include "core/Result.h"
#include "net/BetterAuthAdminApi.h"
#include "net/ConsoleApi.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

// What the server offers the console: decided in ONE place, from GET /console/info.
enum class ConsoleMode
{
    Plugin,     // /console/info answered: the console API is there
    NoPlugin,   // /console/info is 404: better-auth's own admin, device and API-key endpoints only
};

// Users and their sessions for both faces, with or without the console plugin: the capability decision,
// the choice of endpoint, the session-token bookkeeping better-auth's admin plugin needs to revoke one
// session, and the lock-out refusals (no banning yourself, no removing your own admin role). The GUI's
// Users page and the CLI's `users`/`sessions` commands call these; neither knows which endpoint answers.
class UserAdmin
{
public:
    UserAdmin(ConsoleApi *console, BetterAuthAdminApi *admin, Session *session);

    template<typename T>
    using Cb = std::function<void(Result<T>)>;

    // GET /console/info: Plugin when it answers, NoPlugin when the plugin is missing (404), the error
    // otherwise (network, 401, a garbled reply). Remembered per server; probe() asks again.
    void probe(QObject *context, Cb<ConsoleMode> cb);
    std::optional<ConsoleMode> knownMode() const;   // for the current server, once probed (or seen)
    // The same decision from a console API call's failure: true (and NoPlugin remembered for the current
    // server) when it says the plugin is missing (CONSOLE_API_MISSING, which ConsoleApi derives from
    // /console/info's 404). Lets a command try the console API first and go on without it, with no extra
    // request when the plugin is there.
    bool pluginMissing(const ApiError &e);
    // One line for what needs the plugin: "Needs the console plugin: install @pikku-admin/better-auth-console ...".
    static QString pluginHint();
    // An error with code CONSOLE_API_MISSING and the hint, for a command or page that needs the plugin.
    static ApiError needsPlugin(const QString &what);

    // Every user (better-auth's admin list; both modes).
    void listUsers(const UserQuery &query, QObject *context, Cb<Page<AdminUser>> cb);
    // Sessions, newest first, never their tokens. Plugin (or not known yet): /console/sessions as queried
    // (every user's when query.userId is empty); its CONSOLE_API_MISSING switches to no plugin. No plugin: query.userId is required (else CONSOLE_API_MISSING), the user's
    // whole list comes from /admin/list-user-sessions and is cut to query.offset/limit here (the tokens it
    // hands out stay in this object, for revokeSession); a non-empty cursor needs the plugin.
    void listSessions(const ListQuery &query, QObject *context, Cb<Page<UserSession>> cb);
    // Revoke one session. Plugin: by id. No plugin: better-auth takes only the raw token, so userId is
    // needed (the token is looked up in that user's sessions; NotFound when the id is not among them).
    void revokeSession(const QString &sessionId, const QString &userId, QObject *context, Cb<Done> cb);
    void revokeAllSessions(const QString &userId, QObject *context, Cb<Done> cb);
    // reason: at most 500 characters; expiresIn: 1 s .. 10 years, nullopt = until unbanned.
    void ban(const QString &userId, const QString &reason, std::optional<qint64> expiresInSeconds, QObject *context, Cb<AdminUser> cb);
    void unban(const QString &userId, QObject *context, Cb<AdminUser> cb);
    // roles replace the user's whole role list.
    void setRole(const QString &userId, const QStringList &roles, QObject *context, Cb<AdminUser> cb);

    // The lock-out rules, before anything is sent (empty: allowed).
    QString lockoutReasonForBan(const QString &userId) const;
    QString lockoutReasonForRoles(const QString &userId, const QStringList &roles) const;

private:
    ConsoleApi *m_console;
    BetterAuthAdminApi *m_admin;
    Session *m_session;
    std::shared_ptr<QHash<QString, ConsoleMode>> m_modes;                  // server key -> mode
    std::shared_ptr<QHash<QString, QString>> m_tokens;                     // session id -> raw token (no plugin)
};
