#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

struct SecretResult
{
    enum class Status { Ok, NotFound, Unavailable };
    Status status = Status::Ok;
    QByteArray data;     // only for a successful read
    QString error;       // why it is unavailable (backend text, or "did not answer within N ms")
    bool ok() const { return status == Status::Ok; }
};

// Asynchronous secret storage. Every call answers exactly once, through the callback, and only
// while context lives. Implementations must never block and must always answer (timeouts included).
class SecretStore : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const SecretResult &)>;
    explicit SecretStore(QObject *parent = nullptr) : QObject(parent) {}

    virtual void read(const QString &key, QObject *context, Callback cb) = 0;
    virtual void write(const QString &key, const QByteArray &data, QObject *context, Callback cb) = 0;
    virtual void remove(const QString &key, QObject *context, Callback cb) = 0;
    virtual QString backendName() const = 0;
};

// Keeps secrets in this process only. Used when the admin chooses not to remember the sign-in and by
// tests; never a fallback that writes anything to disk.
class MemorySecretStore : public SecretStore
{
    Q_OBJECT
public:
    using SecretStore::SecretStore;
    void read(const QString &key, QObject *context, Callback cb) override;
    void write(const QString &key, const QByteArray &data, QObject *context, Callback cb) override;
    void remove(const QString &key, QObject *context, Callback cb) override;
    QString backendName() const override { return QStringLiteral("memory"); }

private:
    QHash<QString, QByteArray> m_items;
};
