#include "AppContext.h"

#include "Clipboard.h"
#include "SignInDialog.h"
#include "services/Services.h"

#include <QWidget>

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
    // The session's own server when there is one (a dead session still knows where it came from),
    // else the current profile.
    const Session *session = m_services->session();
    const ServerEndpoint endpoint = session->isSignedIn() || !session->endpoint().baseUrl.isEmpty()
        ? session->endpoint()
        : m_services->profiles().current().endpoint();
    requestSignIn(parent, endpoint, std::move(done));
}

void AppContext::requestSignIn(QWidget *parent, const ServerEndpoint &endpoint, std::function<void(bool)> done)
{
    if (done)
        m_waiters << std::move(done);
    if (m_signIn && m_signIn->parentWidget() == parent) {
        m_signIn->raise();
        m_signIn->activateWindow();
        return;
    }
    if (m_signIn) {
        // Open over another window (for example the main window, now blocked by a modal dialog): close it
        // without telling its waiters; they wait for the new one.
        SignInDialog *old = m_signIn;
        m_signIn = nullptr;
        old->disconnect(this);
        old->reject();
    }
    auto *dlg = new SignInDialog(this, endpoint, parent);
    dlg->setObjectName(QStringLiteral("signInDialog"));
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    m_signIn = dlg;
    connect(dlg, &SignInDialog::signedIn, this, [this](const SignInOutcome &o) {
        m_services->profiles().setCurrent(m_services->session()->endpoint().key());
        emit signedIn(o);
        const auto waiters = std::exchange(m_waiters, {});
        for (const auto &fn : waiters)
            fn(true);
    });
    connect(dlg, &QDialog::rejected, this, [this, dlg] {
        if (m_signIn != dlg)
            return;
        const auto waiters = std::exchange(m_waiters, {});
        for (const auto &fn : waiters)
            fn(false);
    });
    dlg->open();
}
