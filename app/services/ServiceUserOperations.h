#pragma once

#include "BulkRun.h"
#include "core/ConsoleTypes.h"
#include "core/Result.h"
#include "net/ConsoleApi.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

// The lifecycle actions the GUI and the CLI offer on many rows at once (issue 13 items 1 and 2). Each runs
// through BulkRun: one request per id, never re-sent.
enum class LifecycleAction {
    DisableUser,     // POST /console/service-users/disable: every key off, banned, channels closed
    EnableUser,      // POST /console/service-users/enable: unbanned, the keys the disable turned off on again
    DeleteUser,      // POST /console/service-users/delete: its keys, then the user
    DisableKey,      // POST /console/api-keys/update {enabled: false}
    EnableKey,       // POST /console/api-keys/update {enabled: true}
    RevokeKey,       // POST /console/api-keys/delete
    RevokeSession,   // POST /console/sessions/revoke
};

// One row of a confirmation: the id and how to name it (empty label: the id alone); keys: for DeleteUser,
// the keys the delete takes with it (-1: could not be counted).
struct LifecycleTarget
{
    QString id;
    QString label;
    int keys = -1;
    QString problem;   // DeleteUser: why the keys could not be counted (the delete is then not sent)
};

// Service-user lifecycle (rename, disable, enable, delete with its keys) and the bulk actions on service
// users, keys and sessions, for both faces. The texts (confirmation, row results) are written once here.
class ServiceUserOperations
{
public:
    explicit ServiceUserOperations(ConsoleApi *api) : m_api(api) {}

    template<typename T>
    using Cb = std::function<void(Result<T>)>;

    static constexpr int kMaxNameLength = 100;   // the server's bound
    // Rename, disable, enable and delete are console API v1.1 ("service-users.lifecycle" in /console/info).
    static bool supportsLifecycle(const ConsoleInfo &info) { return info.supports(QStringLiteral("service-users.lifecycle")); }
    static QString lifecycleUnsupportedMessage();   // the one line both faces show on a server without it
    // Empty when the name can be sent; else why not (plain text).
    static QString nameProblem(const QString &name);

    // The call (nullptr when the name is refused here; cb then gets a VALIDATION_ERROR on the next turn).
    ApiCall *rename(const QString &userId, const QString &name, QObject *context, Cb<ServiceUser> cb);
    void disable(const QString &userId, QObject *context, Cb<ServiceUserChange> cb);
    void enable(const QString &userId, QObject *context, Cb<ServiceUserChange> cb);
    void remove(const QString &userId, QObject *context, Cb<int> cb);   // the number of keys deleted with it

    // How many keys each user owns now (GET /console/api-keys?userId=&limit=1: the exact total), for the
    // delete confirmation; an unknown user gets its problem instead. At most 4 reads at a time.
    void countKeys(QList<LifecycleTarget> targets, QObject *context, std::function<void(QList<LifecycleTarget>)> cb);

    // The per-id operation for BulkRun. refuse(id), when given, may return a reason not to send for that
    // id (the row is then "not sent: <reason>"); DeleteUser rows whose keys could not be counted are not
    // sent either (pass the counted targets to deleteOperation).
    BulkRun::Operation operation(LifecycleAction action, std::function<QString(const QString &)> refuse = {}) const;
    BulkRun::Operation deleteOperation(const QList<LifecycleTarget> &counted) const;

    static QString verb(LifecycleAction action);          // "Disable", "Revoke", ...
    static QString noun(LifecycleAction action, int n);   // "service user(s)", "key(s)", "session(s)"
    // The one confirmation: what will happen, and the rows it happens to (at most 20 named, then "and N
    // more"). DeleteUser counts the keys: "This deletes N keys".
    static QString question(LifecycleAction action, const QList<LifecycleTarget> &targets);
    // A failed row's text: the server's code and words; a lost reply says it may have been carried out.
    static QString rowError(const ApiError &e);
    // After a run: "Disable 3 service users: 2 done, 1 failed." (both faces' last line).
    static QString outcomeLine(LifecycleAction action, const BulkRun &run);

private:
    ConsoleApi *m_api;
};
