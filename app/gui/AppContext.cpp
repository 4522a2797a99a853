#include "AppContext.h"

#include "Clipboard.h"
#include "SignInDialog.h"
#include "services/Services.h"

#include <QWidget>

#include <algorithm>
#include <utility>

AppContext::AppContext(Services *services, QObject *parent)
    : QObject(parent), m_services(services), m_clipboard(new Clipboard(this))
{
}

SignInDialog *AppContext::signInDialog() const
{
    return m_signIn.data();
}

void AppContext::requestSignIn(QWidget *parent, std::function<void(bool)> done)
{
    requestSignIn(parent, parent, std::move(done));
}

void AppContext::requestSignIn(QWidget *parent, const ServerEndpoint &endpoint, std::function<void(bool)> done)
{
    requestSignIn(parent, endpoint, parent, std::move(done));
}

int AppContext::pendingSignInWaiters() const
{
    return int(std::count_if(m_waiters.cbegin(), m_waiters.cend(), [](const Waiter &w) { return !w.context.isNull(); }));
}

void AppContext::finishWaiters(bool signedIn)
{
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &w : waiters)
        if (w.context)   // a window closed meanwhile is not called back
            w.done(signedIn);
}

void AppContext::requestSignIn(QWidget *parent, QObject *context, std::function<void(bool)> done)
{
    // The session's own server when there is one (a dead session still knows where it came from),
    // else the current profile.
    const Session *session = m_services->session();
    const ServerEndpoint endpoint = session->isSignedIn() || !session->endpoint().baseUrl.isEmpty()
        ? session->endpoint()
        : m_services->profiles().current().endpoint();
    requestSignIn(parent, endpoint, context, std::move(done));
}

void AppContext::requestSignIn(QWidget *parent, const ServerEndpoint &endpoint, QObject *context,
                               std::function<void(bool)> done)
{
    if (m_signIn && m_signIn->parentWidget() != parent) {
        // Open over another window (for example the main window, now blocked by a modal dialog): close it
        // and drop its waiters (they are not called); the new request's caller waits for the new one.
        SignInDialog *old = m_signIn;
        m_signIn = nullptr;
        m_waiters.clear();
        old->disconnect(this);
        old->reject();
    }
    if (done && context)
        m_waiters << Waiter{context, std::move(done)};
    if (m_signIn) {
        m_signIn->raise();
        m_signIn->activateWindow();
        return;
    }
    auto *dlg = new SignInDialog(this, endpoint, parent);
    dlg->setObjectName(QStringLiteral("signInDialog"));
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    m_signIn = dlg;
    connect(dlg, &SignInDialog::signedIn, this, [this](const SignInOutcome &o) {
        m_services->profiles().setCurrent(m_services->session()->endpoint().key());
        emit signedIn(o);
        finishWaiters(true);
    });
    connect(dlg, &QDialog::rejected, this, [this, dlg] {
        if (m_signIn != dlg)
            return;
        finishWaiters(false);
    });
    dlg->open();
}
