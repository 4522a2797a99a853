#include "KeychainSecretStore.h"

#include "core/Logging.h"

#include <QPointer>
#include <QTimer>

#include <memory>
#include <qt6keychain/keychain.h>

KeychainSecretStore::KeychainSecretStore(QString service, int timeoutMs, QObject *parent)
    : SecretStore(parent), m_service(std::move(service)), m_timeoutMs(timeoutMs)
{
}

void KeychainSecretStore::read(const QString &key, QObject *context, Callback cb)
{
    start(Op::Read, key, {}, context, std::move(cb));
}

void KeychainSecretStore::write(const QString &key, const QByteArray &data, QObject *context, Callback cb)
{
    start(Op::Write, key, data, context, std::move(cb));
}

void KeychainSecretStore::remove(const QString &key, QObject *context, Callback cb)
{
    start(Op::Remove, key, {}, context, std::move(cb));
}

void KeychainSecretStore::start(Op op, const QString &key, const QByteArray &data, QObject *context, Callback cb)
{
    // One shared "answered" flag: the job and the timeout race, exactly one callback runs.
    struct Pending {
        bool answered = false;
        bool timedOut = false;
        QPointer<QObject> context;
        Callback cb;
    };
    auto pending = std::make_shared<Pending>();
    pending->context = context;
    pending->cb = std::move(cb);
    auto answer = [pending](SecretResult r) {
        if (pending->answered)
            return;
        pending->answered = true;
        if (pending->context)
            pending->cb(r);
    };

    // Never start a keychain job from inside another job's finished(): hop through the event loop.
    QTimer::singleShot(0, this, [this, op, key, data, answer, pending] {
        QKeychain::Job *job = nullptr;
        if (op == Op::Read) {
            job = new QKeychain::ReadPasswordJob(m_service, this);
        } else if (op == Op::Write) {
            auto *w = new QKeychain::WritePasswordJob(m_service, this);
            w->setBinaryData(data);
            job = w;
        } else {
            job = new QKeychain::DeletePasswordJob(m_service, this);
        }
        job->setKey(key);
        job->setAutoDelete(true);
        job->setInsecureFallback(false);
        const int timeoutMs = m_timeoutMs;
        QTimer::singleShot(timeoutMs, this, [answer, pending, timeoutMs, op] {
            if (pending->answered)
                return;   // the job answered in time: nothing to say
            pending->timedOut = true;
            qCWarning(lcKeychain) << "keychain job" << int(op) << "did not answer within" << timeoutMs << "ms";
            SecretResult r;
            r.status = SecretResult::Status::Unavailable;
            r.error = tr("the keychain did not answer within %1 s").arg(double(timeoutMs) / 1000.0, 0, 'g', 2);
            answer(r);
        });
        connect(job, &QKeychain::Job::finished, this, [this, answer, pending, op, key](QKeychain::Job *j) {
            if (pending->timedOut) {
                // The caller was told the keychain did not answer. A write that lands after that would leave a
                // secret stored that the user was told is not remembered: take it out again.
                if (op == Op::Write && j->error() == QKeychain::NoError) {
                    qCWarning(lcKeychain) << "a keychain write answered after its deadline; removing it again";
                    auto *undo = new QKeychain::DeletePasswordJob(m_service, this);
                    undo->setKey(key);
                    undo->setAutoDelete(true);
                    undo->setInsecureFallback(false);
                    undo->start();
                }
                return;
            }
            SecretResult r;
            switch (j->error()) {
            case QKeychain::NoError:
                if (op == Op::Read)
                    r.data = static_cast<QKeychain::ReadPasswordJob *>(j)->binaryData();
                break;
            case QKeychain::EntryNotFound:
                r.status = op == Op::Remove ? SecretResult::Status::Ok : SecretResult::Status::NotFound;
                break;
            default:
                // Anything else (no backend, locked, access denied, D-Bus failure) means unavailable.
                r.status = SecretResult::Status::Unavailable;
                r.error = j->errorString();
                qCWarning(lcKeychain) << "keychain error" << int(j->error()) << j->errorString();
                break;
            }
            answer(r);
        });
        job->start();
    });
}
