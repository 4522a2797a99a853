#pragma once

#include <QObject>
#include <QTimer>

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
    void clearSecret();

signals:
    void secretCleared();

private:
    QTimer m_timer;
    QString m_secret;
};
