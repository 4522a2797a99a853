#pragma once

#include "core/ConsoleTypes.h"
#include "core/Result.h"
#include "net/ConsoleApi.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

// One mint or rotate as sent: the request id (empty when the server does not take one) and when it left,
// so a lost reply can be retried under the same id or reconciled against what the server now holds.
struct KeyAttempt
{
    QString requestId;
    QDateTime sentAt;          // UTC
    qint64 overlapSeconds = 0; // rotate
    // After a reply: its body as the server sent it (for --json), and whether the server replayed the
    // first reply to this request id (Idempotent-Replayed: true) instead of doing it again.
    QJsonObject replyBody;
    bool replayed = false;
};

// What a rotate whose reply was lost did, read back from the server.
struct RotationState
{
    enum class Outcome {
        NotRotated,       // the old key is as it was and there is no new key: nothing happened
        Rotated,          // a new key of the same owner and name exists; its secret did not reach us
        OldChangedOnly,   // the old key's expiry moved (or it is gone) but no new key was found
        Unknown,          // the keys could not be read
    };
    Outcome outcome = Outcome::Unknown;
    QString oldKeyId;
    std::optional<ApiKey> old;   // as the server has it now; nullopt when gone (or unknown)
    QList<ApiKey> newKeys;       // same owner and name, created since the rotate was sent
    ApiError readError;          // Unknown: why the keys could not be read
    KeyAttempt attempt;
    // A retry under the same request id gets the first reply again, new secret included.
    bool recoverable() const { return !attempt.requestId.isEmpty() && outcome != Outcome::NotRotated; }
    // Plain text: what the keys' state is now, for both faces (each adds how to act on it).
    QString summary() const;

    Q_DECLARE_TR_FUNCTIONS(RotationState)
};

// Mint and rotate for the GUI and the CLI alike: a fresh request id per user action when the server
// announces api-keys.requestId (none for a v1 server, which keeps working), the same id on a deliberate
// retry, and the reconciliation of a rotate whose reply was lost.
class KeyOperations
{
    Q_DECLARE_TR_FUNCTIONS(KeyOperations)

public:
    explicit KeyOperations(ConsoleApi *api);

    template<typename T>
    using Cb = std::function<void(Result<T>, const KeyAttempt &)>;

    static QString newRequestId();

    // retryId: the request id of an earlier attempt to repeat (empty: a new request).
    void mint(KeyFields fields, const QString &retryId, QObject *context, Cb<MintedKey> cb);
    void rotate(const QString &keyId, qint64 overlapSeconds, const QString &retryId, QObject *context, Cb<MintedKey> cb);

    // After a mint whose reply was lost: the keys of that owner and name created since attempt.sentAt (the
    // key it may have made, without its secret).
    void findMinted(const QString &userId, const QString &name, const KeyAttempt &attempt, QObject *context,
                    std::function<void(Result<QList<ApiKey>>)> cb);

    // After a rotate of keyId whose reply was lost: re-reads the old key (before: as it was known, when
    // it was) and looks for a new key of the same owner and name created since attempt.sentAt.
    void reconcileRotation(const QString &keyId, const std::optional<ApiKey> &before, const KeyAttempt &attempt,
                           QObject *context, std::function<void(RotationState)> cb);

private:
    // /console/info first: the request id goes only to a server that takes it.
    void withRequestId(const QString &retryId, QObject *context, std::function<void(QString)> cb);

    ConsoleApi *m_api;
};
