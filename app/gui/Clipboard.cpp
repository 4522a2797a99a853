#include "Clipboard.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QMimeData>

Clipboard::Clipboard(QObject *parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);   // a coarse timer may run 5 % long: the countdown shows the real time
    connect(&m_timer, &QTimer::timeout, this, &Clipboard::clearSecret);
    connect(qApp, &QCoreApplication::aboutToQuit, this, &Clipboard::clearSecret);
}

Clipboard::~Clipboard()
{
    clearSecret();
}

void Clipboard::copyText(const QString &text)
{
    QGuiApplication::clipboard()->setText(text);
}

void Clipboard::copySecret(const QString &secret, int clearAfterMs)
{
    auto *mime = new QMimeData;
    mime->setText(secret);
    // KDE Klipper, Windows clipboard history and macOS pasteboard managers honour these.
    mime->setData(QStringLiteral("x-kde-passwordManagerHint"), QByteArrayLiteral("secret"));
    mime->setData(QStringLiteral("ExcludeClipboardContentFromMonitorProcessing"), QByteArrayLiteral("1"));
    mime->setData(QStringLiteral("application/x-nspasteboard-concealed-type"), secret.toUtf8());
    // Clipboard only: the X11 PRIMARY selection pastes on a middle click, far too easy to do by accident.
    QGuiApplication::clipboard()->setMimeData(mime, QClipboard::Clipboard);
    m_secret = secret;
    m_timer.start(clearAfterMs);
}

bool Clipboard::holdsOurSecret() const
{
    return !m_secret.isEmpty() && QGuiApplication::clipboard()->text() == m_secret;
}

void Clipboard::clearSecret()
{
    m_timer.stop();
    if (m_secret.isEmpty())
        return;
    QClipboard *cb = QGuiApplication::clipboard();
    // Only clear what is still ours: the admin may have copied something else since.
    if (cb->text(QClipboard::Clipboard) == m_secret)
        cb->clear(QClipboard::Clipboard);
    if (cb->supportsSelection() && cb->text(QClipboard::Selection) == m_secret)
        cb->clear(QClipboard::Selection);
    m_secret.clear();
    emit secretCleared();
}
