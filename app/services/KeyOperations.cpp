#include "KeyOperations.h"

#include "core/Json.h"
#include "core/Session.h"

#include <QPointer>
#include <QUuid>

#include <memory>

namespace {
// Clocks differ a little between here and the server; a key created this long before the request left
// still counts as its result.
constexpr qint64 kClockSlackSeconds = 120;

QString when(const QDateTime &t)
{
    return t.isValid() ? toIsoString(t) : QStringLiteral("never");
}

// Plain text for a server string in a sentence: control characters out, cut to a sane length.
QString plain(const QString &s)
{
    QString out = s.left(200);
    for (QChar &c : out)
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            c = QLatin1Char('?');
    return out;
}
// The call reports while it is alive (it is deleted after its finished() returns).
KeyAttempt withReply(KeyAttempt a, const QPointer<ApiCall> &call)
{
    if (call && call->isFinished()) {
        a.replyBody = call->response().json.object();
        a.replayed = call->response().header("Idempotent-Replayed").trimmed().toLower() == "true";
    }
    return a;
}
} // namespace

KeyOperations::KeyOperations(ConsoleApi *api) : m_api(api) {}

QString KeyOperations::newRequestId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

void KeyOperations::withRequestId(const QString &retryId, QObject *context, std::function<void(QString)> cb)
{
    m_api->info(context, [retryId, cb](Result<ConsoleInfo> r) {
        // Without a readable /console/info (a v1 server behind a proxy that hides it, a hiccup), the request goes
        // out as v1: without an id. What goes wrong with the request itself is reported by the request.
        if (!r.ok() || !r.value().takesRequestId())
            cb(QString());   // a v1 server: every request is a new one, and it is never re-sent for us
        else
            cb(retryId.isEmpty() ? newRequestId() : retryId);
    });
}

void KeyOperations::mint(KeyFields fields, const QString &retryId, QObject *context, Cb<MintedKey> cb)
{
    ConsoleApi api = *m_api;   // a copy of the gateway (shares its state) for the step after /console/info
    withRequestId(retryId, context, [=](const QString &id) mutable {
        fields.requestId = id;
        const KeyAttempt attempt{id, QDateTime::currentDateTimeUtc(), 0, {}, false};
        auto call = std::make_shared<QPointer<ApiCall>>();
        *call = api.createApiKey(fields, context, [cb, attempt, call](Result<MintedKey> r) {
            cb(std::move(r), withReply(attempt, *call));
        });
    });
}

void KeyOperations::rotate(const QString &keyId, qint64 overlapSeconds, const QString &retryId, QObject *context, Cb<MintedKey> cb)
{
    ConsoleApi api = *m_api;   // a copy of the gateway (shares its state) for the step after /console/info
    withRequestId(retryId, context, [=](const QString &id) mutable {
        const KeyAttempt attempt{id, QDateTime::currentDateTimeUtc(), overlapSeconds, {}, false};
        auto call = std::make_shared<QPointer<ApiCall>>();
        *call = api.rotateApiKey(
            keyId, overlapSeconds, context,
            [cb, attempt, call](Result<MintedKey> r) { cb(std::move(r), withReply(attempt, *call)); }, id);
    });
}

void KeyOperations::findMinted(const QString &userId, const QString &name, const KeyAttempt &attempt, QObject *context,
                               std::function<void(Result<QList<ApiKey>>)> cb)
{
    const QDateTime since = (attempt.sentAt.isValid() ? attempt.sentAt : QDateTime::currentDateTimeUtc()).addSecs(-kClockSlackSeconds);
    m_api->listApiKeys(userId, 1000, 0, context, [name, since, cb](Result<Page<ApiKey>> r) {
        if (!r.ok()) {
            cb(r.error());
            return;
        }
        QList<ApiKey> found;
        for (const ApiKey &k : r.value().items)
            if (k.name == name && k.createdAt >= since)
                found << k;
        cb(found);
    });
}

void KeyOperations::reconcileRotation(const QString &keyId, const std::optional<ApiKey> &before, const KeyAttempt &attempt,
                                      QObject *context, std::function<void(RotationState)> cb)
{
    // By owner when the old key is known (the CLI knows only its id: then all keys, newest first).
    const QString owner = before ? before->userId : QString();
    m_api->listApiKeys(owner, 1000, 0, context, [keyId, before, attempt, cb](Result<Page<ApiKey>> r) {
        RotationState s;
        s.oldKeyId = keyId;
        s.attempt = attempt;
        if (!r.ok()) {
            s.readError = r.error();
            cb(s);
            return;
        }
        const QList<ApiKey> &keys = r.value().items;
        for (const ApiKey &k : keys)
            if (k.id == keyId)
                s.old = k;
        const std::optional<ApiKey> known = s.old ? s.old : before;
        if (!known) {
            // Neither listed nor known: which owner and name to look for cannot be told.
            s.readError = ApiError::make(ApiError::Kind::NotFound);
            s.readError.serverMessage = tr("key %1 is not among the %2 keys listed").arg(keyId).arg(keys.size());
            cb(s);
            return;
        }
        const QDateTime since = attempt.sentAt.addSecs(-kClockSlackSeconds);
        for (const ApiKey &k : keys)
            if (k.id != keyId && k.userId == known->userId && k.name == known->name && k.createdAt >= since)
                s.newKeys << k;
        // The rotate sets the old key's expiry to at most sentAt + overlap; before it, it was later or none.
        const QDateTime retireBy = attempt.sentAt.addSecs(attempt.overlapSeconds + kClockSlackSeconds);
        const bool oldChanged = !s.old
            || (s.old->expiresAt.isValid() && s.old->expiresAt <= retireBy
                && (!before || !before->expiresAt.isValid() || before->expiresAt > s.old->expiresAt));
        if (!s.newKeys.isEmpty())
            s.outcome = RotationState::Outcome::Rotated;
        else if (oldChanged)
            s.outcome = RotationState::Outcome::OldChangedOnly;
        else
            s.outcome = RotationState::Outcome::NotRotated;
        if (!s.old && r.value().total > keys.size())
            s.outcome = RotationState::Outcome::Unknown;   // it may just be beyond the first page
        cb(s);
    });
}

QString RotationState::summary() const
{
    const QString oldText = old ? (old->isExpired(QDateTime::currentDateTimeUtc())
                                       ? tr("the old key %1 (%2…) stopped working at %3").arg(old->id, plain(old->start), when(old->expiresAt))
                                       : tr("the old key %1 (%2…) now stops working at %3").arg(old->id, plain(old->start), when(old->expiresAt)))
                                : tr("the old key %1 is gone").arg(oldKeyId);
    switch (outcome) {
    case Outcome::NotRotated:
        return tr("The reply was lost, but nothing changed on the server: the old key %1 (%2…) works as "
                              "before (expires %3) and no new key was minted. Rotating again is safe.")
            .arg(oldKeyId, old ? plain(old->start) : QString(), old ? when(old->expiresAt) : QStringLiteral("?"));
    case Outcome::Rotated: {
        QStringList news;
        for (const ApiKey &k : newKeys)
            news << tr("%1 (%2…, created %3)").arg(k.id, plain(k.start), when(k.createdAt));
        return tr("The rotation reached the server: %1; the new key %2 exists, but its secret did not reach "
                              "you.").arg(oldText, news.join(QStringLiteral(", ")));
    }
    case Outcome::OldChangedOnly:
        return tr("The reply was lost: %1, but no new key of the same name was found.").arg(oldText);
    case Outcome::Unknown:
        break;
    }
    return tr("The reply was lost, and what the server did could not be checked (%1): the old key %2 may "
                          "now be retiring and a new key of the same name may exist without its secret.")
        .arg(readError.isError() ? readError.userMessage() : tr("the old key is beyond the first 1000 listed"), oldKeyId);
}
