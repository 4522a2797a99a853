#pragma once

#include <QObject>
#include <QTimer>

#include <algorithm>

// Copies text to the system clipboard. Secrets get concealment hints (so clipboard managers skip
// them), are cleared after a timeout only if the clipboard still holds our value, and on quit.
class Clipboard : public QObject
{
    Q_OBJECT
public:
    explicit Clipboard(QObject *parent = nullptr);
    ~Clipboard() override;

    void copyText(const QString &text);
    void copySecret(const QString &secret, int clearAfterMs = 30000);
    bool holdsOurSecret() const;
    // Time left until the secret is cleared; 0 when none is pending.
    int secretRemainingMs() const { return m_timer.isActive() ? std::max(0, m_timer.remainingTime()) : 0; }
    void clearSecret();

signals:
    void secretCleared();

private:
    QTimer m_timer;
    QString m_secret;
};
