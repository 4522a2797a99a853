#include "ServiceUserOperations.h"

#include "net/ApiCall.h"

#include <QCoreApplication>
#include <QPointer>

#include <memory>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ServiceUserOperations", text);
}

BulkOutcome ok(const QString &message)
{
    BulkOutcome o;
    o.state = BulkOutcome::State::Ok;
    o.message = message;
    return o;
}

BulkOutcome failed(const ApiError &e)
{
    BulkOutcome o;
    o.state = BulkOutcome::State::Failed;
    o.error = e;
    o.message = ServiceUserOperations::rowError(e);
    return o;
}

// A v1 server has no lifecycle routes: its bare 404 (which ConsoleApi reads as "no console API") becomes
// the one line that says why, rather than "not found" about a user who exists or "install the plugin".
template<typename T>
std::function<void(Result<T>)> explainMissingRoute(std::function<void(Result<T>)> cb)
{
    return [cb = std::move(cb)](Result<T> r) {
        const ApiError *e0 = r.ok() ? nullptr : &r.error();
        if (e0 && e0->kind == ApiError::Kind::NotFound
            && (e0->serverCode.isEmpty() || e0->serverCode == QLatin1String("CONSOLE_API_MISSING"))) {
            ApiError e = r.error();
            e.serverCode = QStringLiteral("FEATURE_MISSING");
            e.serverMessage = ServiceUserOperations::lifecycleUnsupportedMessage();
            return cb(e);
        }
        cb(std::move(r));
    };
}

BulkOutcome notSent(const QString &why)
{
    BulkOutcome o;
    o.state = BulkOutcome::State::NotSent;
    o.message = QCoreApplication::translate("ServiceUserOperations", "not sent: %1").arg(why);
    return o;
}

// "1 key", "2 keys" (English plurals written out: "%n key(s)" would show its "(s)" without a translation).
// Callers mark both texts with QT_TRANSLATE_NOOP("ServiceUserOperations", …) so lupdate collects them.
QString count(int n, const char *one, const char *many)
{
    return (n == 1 ? tr(one) : tr(many)).arg(n);
}

QString keysText(int n)
{
    return count(n, QT_TRANSLATE_NOOP("ServiceUserOperations", "%1 key"), QT_TRANSLATE_NOOP("ServiceUserOperations", "%1 keys"));
}
} // namespace

QString ServiceUserOperations::lifecycleUnsupportedMessage()
{
    return tr("Rename, disable, enable and delete need the console plugin's service-user lifecycle (console API v1.1): "
              "update @pikku-admin/better-auth-console on the server.");
}

QString ServiceUserOperations::nameProblem(const QString &name)
{
    const QString t = name.trimmed();
    if (t.isEmpty())
        return tr("a name is needed");
    if (t.size() > kMaxNameLength)
        return tr("a name has at most %1 characters (this one has %2)").arg(kMaxNameLength).arg(t.size());
    for (const QChar c : t)
        if (c.category() == QChar::Other_Control)
            return tr("a name cannot hold control characters");
    return {};
}

ApiCall *ServiceUserOperations::rename(const QString &userId, const QString &name, QObject *context, Cb<ServiceUser> cb)
{
    if (const QString why = nameProblem(name); !why.isEmpty()) {
        ApiError e = ApiError::make(ApiError::Kind::BadResponse, why);
        e.serverCode = QStringLiteral("VALIDATION_ERROR");
        e.serverMessage = why;
        QPointer<QObject> ctx(context);
        QMetaObject::invokeMethod(context, [cb, e, ctx] { if (ctx) cb(e); }, Qt::QueuedConnection);
        return nullptr;
    }
    return m_api->renameServiceUser(userId, name.trimmed(), context, explainMissingRoute(std::move(cb)));
}

void ServiceUserOperations::disable(const QString &userId, QObject *context, Cb<ServiceUserChange> cb)
{
    m_api->disableServiceUser(userId, context, explainMissingRoute(std::move(cb)));
}

void ServiceUserOperations::enable(const QString &userId, QObject *context, Cb<ServiceUserChange> cb)
{
    m_api->enableServiceUser(userId, context, explainMissingRoute(std::move(cb)));
}

void ServiceUserOperations::remove(const QString &userId, QObject *context, Cb<int> cb)
{
    m_api->deleteServiceUser(userId, context, explainMissingRoute(std::move(cb)));
}

void ServiceUserOperations::countKeys(QList<LifecycleTarget> targets, QObject *context,
                                      std::function<void(QList<LifecycleTarget>)> cb)
{
    QStringList ids;
    for (const LifecycleTarget &t : targets)
        ids << t.id;
    ConsoleApi *api = m_api;
    auto *run = new BulkRun(ids, [api](const QString &id, QObject *ctx, std::function<void(BulkOutcome)> done) {
        api->listApiKeys(id, 1, 0, ctx, [done](Result<Page<ApiKey>> r) {
            if (!r.ok()) {
                done(failed(r.error()));
                return;
            }
            done(ok(QString::number(r.value().total)));
        });
    }, context);
    QObject::connect(run, &BulkRun::finished, run, [run, targets, cb]() mutable {
        for (int i = 0; i < targets.size() && i < run->rows().size(); ++i) {
            const BulkOutcome &o = run->rows().at(i);
            if (o.ok())
                targets[i].keys = o.message.toInt();
            else
                targets[i].problem = o.message;
        }
        run->deleteLater();
        cb(targets);
    });
    run->start();
}

QString ServiceUserOperations::rowError(const ApiError &e)
{
    if (e.replyMayBeLost())
        return tr("no answer (%1): it may have been carried out; not re-sent, check before trying again").arg(e.userMessage());
    const QString text = e.displayText();
    if (!e.serverCode.isEmpty() && !text.contains(e.serverCode))
        return e.serverCode + QStringLiteral(": ") + text;
    return text;
}

namespace {
// Sends through start(cb) and reports the row: ok(okText(value)) with the reply's body, or the error.
template<typename T>
void track(const std::function<ApiCall *(std::function<void(Result<T>)>)> &start, std::function<void(BulkOutcome)> done,
           std::function<QString(const T &)> okText)
{
    auto call = std::make_shared<QPointer<ApiCall>>();
    *call = start([done, call, okText](Result<T> r) {
        if (!r.ok()) {
            done(failed(r.error()));
            return;
        }
        BulkOutcome o = ok(okText(r.value()));
        if (*call)
            o.body = (*call)->response().json.object();
        done(o);
    });
}
} // namespace

BulkRun::Operation ServiceUserOperations::operation(LifecycleAction action, std::function<QString(const QString &)> refuse) const
{
    ConsoleApi *api = m_api;
    return [api, action, refuse](const QString &id, QObject *ctx, std::function<void(BulkOutcome)> done) {
        if (refuse) {
            if (const QString why = refuse(id); !why.isEmpty()) {
                done(notSent(why));
                return;
            }
        }
        using Change = ServiceUserChange;
        switch (action) {
        case LifecycleAction::DisableUser:
            track<Change>([&](auto cb) { return api->disableServiceUser(id, ctx, explainMissingRoute<Change>(cb)); }, done,
                          [](const Change &c) { return tr("disabled, with %1").arg(keysText(c.keys)); });
            return;
        case LifecycleAction::EnableUser:
            track<Change>([&](auto cb) { return api->enableServiceUser(id, ctx, explainMissingRoute<Change>(cb)); }, done,
                          [](const Change &c) { return tr("enabled; %1 on again").arg(keysText(c.keys)); });
            return;
        case LifecycleAction::DeleteUser:
            track<int>([&](auto cb) { return api->deleteServiceUser(id, ctx, explainMissingRoute<int>(cb)); }, done,
                       [](const int &n) { return tr("deleted, with %1").arg(keysText(n)); });
            return;
        case LifecycleAction::DisableKey:
        case LifecycleAction::EnableKey: {
            KeyFields f;
            f.enabled = action == LifecycleAction::EnableKey;
            track<ApiKey>([&](auto cb) { return api->updateApiKey(id, f, ctx, cb); }, done,
                          [](const ApiKey &k) { return k.enabled ? tr("enabled") : tr("disabled"); });
            return;
        }
        case LifecycleAction::RevokeKey:
            track<Done>([&](auto cb) { return api->deleteApiKey(id, ctx, cb); }, done, [](const Done &) { return tr("revoked"); });
            return;
        case LifecycleAction::RevokeSession:
            track<QJsonObject>([&](auto cb) { return api->revokeSession(id, ctx, cb); }, done,
                               [](const QJsonObject &) { return tr("revoked"); });
            return;
        }
    };
}

BulkRun::Operation ServiceUserOperations::deleteOperation(const QList<LifecycleTarget> &counted) const
{
    QHash<QString, QString> problems;
    for (const LifecycleTarget &t : counted)
        if (t.keys < 0)
            problems.insert(t.id, t.problem.isEmpty() ? tr("its keys could not be counted") : t.problem);
    return operation(LifecycleAction::DeleteUser, [problems](const QString &id) {
        const auto p = problems.constFind(id);
        return p == problems.cend() ? QString() : tr("its keys could not be counted (%1)").arg(*p);
    });
}

QString ServiceUserOperations::outcomeLine(LifecycleAction action, const BulkRun &run)
{
    return tr("%1 %2: %3.").arg(verb(action), noun(action, int(run.rows().size())), run.summary());
}

QString ServiceUserOperations::verb(LifecycleAction action)
{
    switch (action) {
    case LifecycleAction::DisableUser:
    case LifecycleAction::DisableKey: return tr("Disable");
    case LifecycleAction::EnableUser:
    case LifecycleAction::EnableKey: return tr("Enable");
    case LifecycleAction::DeleteUser: return tr("Delete");
    case LifecycleAction::RevokeKey:
    case LifecycleAction::RevokeSession: return tr("Revoke");
    }
    return {};
}

QString ServiceUserOperations::noun(LifecycleAction action, int n)
{
    switch (action) {
    case LifecycleAction::DisableUser:
    case LifecycleAction::EnableUser:
    case LifecycleAction::DeleteUser: return count(n, QT_TRANSLATE_NOOP("ServiceUserOperations", "%1 service user"), QT_TRANSLATE_NOOP("ServiceUserOperations", "%1 service users"));
    case LifecycleAction::DisableKey:
    case LifecycleAction::EnableKey:
    case LifecycleAction::RevokeKey: return count(n, QT_TRANSLATE_NOOP("ServiceUserOperations", "%1 key"), QT_TRANSLATE_NOOP("ServiceUserOperations", "%1 keys"));
    case LifecycleAction::RevokeSession: return count(n, QT_TRANSLATE_NOOP("ServiceUserOperations", "%1 session"), QT_TRANSLATE_NOOP("ServiceUserOperations", "%1 sessions"));
    }
    return {};
}

QString ServiceUserOperations::question(LifecycleAction action, const QList<LifecycleTarget> &targets)
{
    const int n = int(targets.size());
    QString what;
    switch (action) {
    case LifecycleAction::DisableUser:
        what = tr("Every key of each is disabled, each is banned, and their live channels close. Enable brings back "
                  "only the keys this turns off.");
        break;
    case LifecycleAction::EnableUser:
        what = tr("Each is unbanned; only the keys its disable turned off work again.");
        break;
    case LifecycleAction::DeleteUser: {
        int keys = 0, uncounted = 0;
        for (const LifecycleTarget &t : targets) {
            if (t.keys >= 0)
                keys += t.keys;
            else
                ++uncounted;
        }
        what = tr("This deletes %1 with them; they stop working at once and cannot be restored.").arg(keysText(keys));
        if (uncounted)
            what += QLatin1Char(' ') + tr("%1 whose keys could not be counted will not be sent.").arg(count(uncounted, QT_TRANSLATE_NOOP("ServiceUserOperations", "%1 user"), QT_TRANSLATE_NOOP("ServiceUserOperations", "%1 users")));
        break;
    }
    case LifecycleAction::DisableKey:
        what = tr("They stop working at once; their live channels close.");
        break;
    case LifecycleAction::EnableKey:
        what = tr("They work again (within their expiry and limits).");
        break;
    case LifecycleAction::RevokeKey:
        what = tr("They are deleted and stop working at once; this cannot be undone.");
        break;
    case LifecycleAction::RevokeSession:
        what = tr("Those clients are signed out at once and their open channels close.");
        break;
    }
    QString text = tr("%1 %2?").arg(verb(action), noun(action, n)) + QLatin1Char('\n') + what + QLatin1Char('\n');
    constexpr int kNamed = 20;
    for (int i = 0; i < n && i < kNamed; ++i) {
        const LifecycleTarget &t = targets.at(i);
        QString line = t.label.isEmpty() ? t.id : QStringLiteral("%1 (%2)").arg(t.label, t.id);
        if (action == LifecycleAction::DeleteUser)
            line += t.keys >= 0 ? QStringLiteral(": ") + tr("deletes %1").arg(keysText(t.keys))
                                : QStringLiteral(": ") + tr("keys not counted, not sent");
        text += QStringLiteral("\n  \u2022 ") + line;
    }
    if (n > kNamed)
        text += QStringLiteral("\n  ") + tr("and %1 more").arg(n - kNamed);
    return text;
}
