#pragma once

#include "ConsoleApi.h"
#include "HttpClient.h"
#include "core/AdminTypes.h"
#include "core/ConsoleTypes.h"
#include "core/Result.h"

#include <QHash>
#include <QJsonObject>
#include <QList>

#include <functional>
#include <optional>

class Session;

// One page of GET /admin/list-users.
struct UserQuery
{
    int limit = 50;        // 1..1000
    int offset = 0;        // >= 0
    QString search;        // searchValue (contains), in searchField
    QString searchField = QStringLiteral("email");   // "email" or "name"
};

// A user's sessions from POST /admin/list-user-sessions. better-auth hands out each session's raw token
// (revoke-user-session takes nothing else): the tokens stay in `tokens`, never in the rows or the body.
struct AdminSessionList
{
    QList<UserSession> sessions;       // newest first; userId set, no token
    QHash<QString, QString> tokens;    // session id -> raw session token (a secret: never shown, logged or printed)
    QJsonObject body;                  // {sessions: [...], total}: the reply without any token, for --json
};

// better-auth's own admin plugin endpoints (better-auth-contract.md §6) as the signed-in admin, for a
// server without the console plugin (and for what the console plugin does not offer: ban, unban, set
// role, revoke all of a user's sessions). Every call carries the Session's bearer; a 401 is reported to
// the Session and returned. Replies go through strict typed readers; a reply that does not pass is
// BadResponse.
class BetterAuthAdminApi
{
public:
    BetterAuthAdminApi(HttpClient *http, Session *session);

    template<typename T>
    using Cb = std::function<void(Result<T>)>;

    ApiCall *listUsers(const UserQuery &query, QObject *context, Cb<Page<AdminUser>> cb);
    ApiCall *listUserSessions(const QString &userId, QObject *context, Cb<AdminSessionList> cb);
    // sessionToken: from AdminSessionList::tokens. better-auth answers {success:true} even for a token it
    // does not know, so the caller checks the list afterwards when it matters.
    ApiCall *revokeSessionByToken(const QString &sessionToken, QObject *context, Cb<Done> cb);
    ApiCall *revokeUserSessions(const QString &userId, QObject *context, Cb<Done> cb);
    // expiresInSeconds: nullopt = until unbanned.
    ApiCall *banUser(const QString &userId, const QString &reason, std::optional<qint64> expiresInSeconds,
                     QObject *context, Cb<AdminUser> cb);
    ApiCall *unbanUser(const QString &userId, QObject *context, Cb<AdminUser> cb);
    ApiCall *setRole(const QString &userId, const QStringList &roles, QObject *context, Cb<AdminUser> cb);

    // The {user} envelope of ban/unban/set-role; the list envelope of list-users.
    static Result<AdminUser> parseUserEnvelope(const QJsonObject &o);
    static Result<Page<AdminUser>> parseUserPage(const QJsonObject &o);
    static Result<AdminSessionList> parseSessionList(const QString &userId, const QJsonObject &o);

private:
    template<typename T>
    ApiCall *call(const QByteArray &method, const QString &path, const QJsonObject &body, QObject *context, Cb<T> cb,
                  std::function<Result<T>(const QJsonObject &)> parse);

    HttpClient *m_http;
    Session *m_session;
};
