#pragma once

#include "HttpClient.h"
#include "core/AuditTypes.h"
#include "core/ConsoleTypes.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>

#include <functional>
#include <memory>

class Session;

template<typename T>
struct Page
{
    QList<T> items;
    int total = 0;
    QJsonObject body;   // the reply as the server sent it (for --json)
    // Cursor mode (v1.1 "cursor"): the next page's cursor, nullopt on the last page (and in offset mode);
    // totalExact false when total was carried from the first page.
    std::optional<QString> nextCursor;
    bool totalExact = true;
};

// One page request of a list (v1: limit + offset; v1.1: cursor, search). The CLI's --limit, --offset,
// --cursor, --all; the GUI's models may use it too.
struct ListQuery
{
    int limit = 50;                  // 1..1000
    int offset = 0;                  // offset mode
    std::optional<QString> cursor;   // set (even empty: the first page): cursor mode, offset ignored
    QString userId;                  // api-keys, sessions
    QString search;                  // service users (v1); the others only on a v1.1 server with "search"
    bool usage7d = false;            // api-keys: usage=7d (only to a server that announces "api-keys.usage")
};

// A service-user lifecycle reply (v1.1 "service-users.lifecycle"): the user as it is now and how many of
// its keys the call turned off (disable) or on again (enable).
struct ServiceUserChange
{
    ServiceUser user;
    int keys = 0;
};

struct KeyFields   // what create/update send; unset optionals are left out
{
    QString userId, name, prefix;
    std::optional<qint64> expiresIn;        // seconds
    bool clearExpiry = false;               // update: expiresIn null
    std::optional<bool> enabled;
    std::optional<Permissions> permissions;
    std::optional<QJsonObject> metadata;
    std::optional<bool> rateLimitEnabled;
    std::optional<qint64> rateLimitMax, rateLimitTimeWindow, remaining;
    QString requestId;                      // create only, when the server takes one (ConsoleInfo::takesRequestId)
    QJsonObject toJson() const;
};

// The console API (console-api.md v1) as the signed-in admin. Every call carries the Session's bearer;
// a 401 is reported to the Session (which offers re-sign-in) and returned, so pages keep their state.
class ConsoleApi
{
    Q_DECLARE_TR_FUNCTIONS(ConsoleApi)

public:
    ConsoleApi(HttpClient *http, Session *session);
    Session *session() const { return m_session; }

    template<typename T>
    using Cb = std::function<void(Result<T>)>;

    ApiCall *info(QObject *context, Cb<ConsoleInfo> cb);
    ApiCall *listServiceUsers(int limit, int offset, const QString &search, QObject *context, Cb<Page<ServiceUser>> cb);
    ApiCall *createServiceUser(const QString &name, const QString &email, QObject *context, Cb<ServiceUser> cb);
    // v1.1 "service-users.lifecycle": rename (1-100 characters), disable (every key off, banned, channels
    // closed), enable (only the keys the disable turned off), delete (its keys, then the user; the reply's
    // deletedKeys). The caller's own account and admins are refused with 409 LOCKOUT.
    ApiCall *renameServiceUser(const QString &userId, const QString &name, QObject *context, Cb<ServiceUser> cb);
    ApiCall *disableServiceUser(const QString &userId, QObject *context, Cb<ServiceUserChange> cb);
    ApiCall *enableServiceUser(const QString &userId, QObject *context, Cb<ServiceUserChange> cb);
    ApiCall *deleteServiceUser(const QString &userId, QObject *context, Cb<int> cb);
    ApiCall *listApiKeys(const QString &userId, int limit, int offset, QObject *context, Cb<Page<ApiKey>> cb);
    ApiCall *createApiKey(const KeyFields &fields, QObject *context, Cb<MintedKey> cb);
    ApiCall *updateApiKey(const QString &keyId, const KeyFields &fields, QObject *context, Cb<ApiKey> cb);
    ApiCall *deleteApiKey(const QString &keyId, QObject *context, Cb<Done> cb);
    // requestId: sent when not empty (only to a server that announces api-keys.requestId); the same id
    // again within the server's window replays the first reply, secret included.
    ApiCall *rotateApiKey(const QString &keyId, qint64 overlapSeconds, QObject *context, Cb<MintedKey> cb,
                          const QString &requestId = {});
    // GET /console/sessions (userId empty: everyone's), newest first.
    ApiCall *listSessions(const QString &userId, int limit, int offset, QObject *context, Cb<Page<UserSession>> cb);
    // POST /console/sessions/revoke: the reply body ({success: true}).
    ApiCall *revokeSession(const QString &sessionId, QObject *context, Cb<QJsonObject> cb);
    // The same three lists by ListQuery (cursor paging when query.cursor is set; a server that does not
    // announce "cursor" in /console/info answers in offset mode, which the page tells by nextCursor).
    ApiCall *listServiceUsers(const ListQuery &query, QObject *context, Cb<Page<ServiceUser>> cb);
    ApiCall *listApiKeys(const ListQuery &query, QObject *context, Cb<Page<ApiKey>> cb);
    ApiCall *listSessions(const ListQuery &query, QObject *context, Cb<Page<UserSession>> cb);
    // GET /console/device-codes: the pending, unexpired codes (total: how many).
    ApiCall *listDeviceCodes(QObject *context, Cb<Page<PendingDeviceCode>> cb);
    // GET /console/audit (v1.1 "audit"): newest first, always cursor mode (an empty cursor: the first page);
    // limit 1..1000. A server without the feature answers 404 (ask /console/info first).
    ApiCall *listAudit(const AuditFilter &filter, int limit, const QString &cursor, QObject *context, Cb<AuditEntryPage> cb);
    // GET /console/api-keys/:id/usage?days=N&bucket=day|hour (v1.1 "api-keys.usage"): days is clamped to
    // 1..KeyUsage::kMaxDays (1..kMaxHourDays for hour buckets); the reply is parsed strictly (KeyUsage).
    ApiCall *keyUsage(const QString &keyId, int days, KeyUsage::Bucket bucket, QObject *context, Cb<KeyUsage> cb);
    // GET /console/overview (v1.1 "overview").
    ApiCall *overview(QObject *context, Cb<OverviewCounts> cb);
    // The raw body, for `--json` output.
    ApiCall *raw(const QByteArray &method, const QString &path, const QJsonObject &body, QObject *context,
                 Cb<QJsonObject> cb);

    static QString pluginMissingMessage();

private:
    ApiCall *send(const QByteArray &method, const QString &path, const QJsonObject &body);
    template<typename T>
    ApiCall *call(const QByteArray &method, const QString &path, const QJsonObject &body, QObject *context, Cb<T> cb,
                  std::function<Result<T>(const QJsonObject &)> parse);

    HttpClient *m_http;
    Session *m_session;
    // What /console/info last said per server (normalized URL): a server without the plugin answers every
    // console route with 404, and a 404 that carries a body (a Pikku or proxy "no route" page) is told
    // apart from the plugin's own NOT_FOUND only on /console/info. Later 404s on that server repeat the
    // same evidence. Shared by copies of this gateway (the one Services owns), never process-global.
    std::shared_ptr<QHash<QString, ApiError>> m_missingPlugin;
};
