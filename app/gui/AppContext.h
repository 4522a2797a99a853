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
    // Lifetime: done is called only while `context` (by default `parent`) lives; it is dropped, never
    // called, when the context is destroyed first. One dialog at a time: a request over another parent
    // replaces the open dialog, and the replaced dialog's waiters are dropped (their windows keep their
    // own state and may ask again).
    void requestSignIn(QWidget *parent, std::function<void(bool signedIn)> done = {});
    void requestSignIn(QWidget *parent, QObject *context, std::function<void(bool signedIn)> done);
    // The same, for an explicit server (the main window's sign-in after it detected the auth path).
    void requestSignIn(QWidget *parent, const ServerEndpoint &endpoint, std::function<void(bool signedIn)> done = {});
    void requestSignIn(QWidget *parent, const ServerEndpoint &endpoint, QObject *context,
                       std::function<void(bool signedIn)> done);
    int pendingSignInWaiters() const;   // callbacks still to be called (their context alive)
    SignInDialog *signInDialog() const;   // the open one, if any

signals:
    // Any sign-in through requestSignIn succeeded (the session is already set).
    void signedIn(const SignInOutcome &outcome);

private:
    Services *m_services;
    Clipboard *m_clipboard;
    QPointer<SignInDialog> m_signIn;
    struct Waiter
    {
        QPointer<QObject> context;
        std::function<void(bool)> done;
    };
    void finishWaiters(bool signedIn);
    QList<Waiter> m_waiters;
};
