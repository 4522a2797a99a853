#pragma once

#include "core/SecretStore.h"

// The OS keychain through QtKeychain (libsecret / gnome-keyring on Linux). QtKeychain has no timeout
// of its own and a locked keyring with a display can prompt forever, so every job is raced against a
// timer: whichever answers first wins, the other is ignored. No insecure fallback, ever.
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT
public:
    explicit KeychainSecretStore(QString service, int timeoutMs = 8000, QObject *parent = nullptr);

    void read(const QString &key, QObject *context, Callback cb) override;
    void write(const QString &key, const QByteArray &data, QObject *context, Callback cb) override;
    void remove(const QString &key, QObject *context, Callback cb) override;
    QString backendName() const override { return QStringLiteral("keychain"); }

    QString service() const { return m_service; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

private:
    enum class Op { Read, Write, Remove };
    void start(Op op, const QString &key, const QByteArray &data, QObject *context, Callback cb);

    QString m_service;
    int m_timeoutMs;
};
