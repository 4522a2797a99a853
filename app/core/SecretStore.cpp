#include "SecretStore.h"

#include <QPointer>
#include <QTimer>

namespace {
void answerLater(QObject *context, SecretStore::Callback cb, SecretResult r)
{
    QTimer::singleShot(0, context, [cb = std::move(cb), r = std::move(r)] { cb(r); });
}
} // namespace

void MemorySecretStore::read(const QString &key, QObject *context, Callback cb)
{
    SecretResult r;
    const auto it = m_items.constFind(key);
    if (it == m_items.constEnd())
        r.status = SecretResult::Status::NotFound;
    else
        r.data = *it;
    answerLater(context, std::move(cb), r);
}

void MemorySecretStore::write(const QString &key, const QByteArray &data, QObject *context, Callback cb)
{
    m_items.insert(key, data);
    answerLater(context, std::move(cb), {});
}

void MemorySecretStore::remove(const QString &key, QObject *context, Callback cb)
{
    m_items.remove(key);
    answerLater(context, std::move(cb), {});
}
