#pragma once

#include "services/AuthService.h"
#include "core/ServerUrl.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

class Services;
class Clipboard;
class SignInDialog;
class QWidget;

// What the widgets get: the shared core services plus GUI-only helpers. Built once in main.cpp (or by
// a test with fakes) and passed by reference; no globals.
class AppContext : public QObject
{
    Q_OBJECT
public:
    explicit AppContext(Services *services, QObject *parent = nullptr);

    Services *services() const { return m_services; }
    Clipboard *clipboard() const { return m_clipboard; }

    // The one way back in after a 401, from any window: opens the device-flow SignInDialog parented to
    // `parent` (so it is usable over a window-modal dialog, which blocks the main window) and calls
    // done(true) once the session is valid again, done(false) if the admin closes it. The caller keeps
    // its own state (what the admin typed) and decides what to do next; nothing is re-sent for it.
    // One dialog at a time: a second request moves the open dialog's waiters to a dialog on the new parent.
    void requestSignIn(QWidget *parent, std::function<void(bool signedIn)> done = {});
    // The same, for an explicit server (the main window's sign-in after it detected the auth path).
    void requestSignIn(QWidget *parent, const ServerEndpoint &endpoint, std::function<void(bool signedIn)> done = {});
    SignInDialog *signInDialog() const;   // the open one, if any

signals:
    // Any sign-in through requestSignIn succeeded (the session is already set).
    void signedIn(const SignInOutcome &outcome);

private:
    Services *m_services;
    Clipboard *m_clipboard;
    QPointer<SignInDialog> m_signIn;
    QList<std::function<void(bool)>> m_waiters;
};
