// AppContext::requestSignIn's lifetime guard: a waiter is called only while its context lives, and the
// waiters of a sign-in dialog replaced by one over another window are dropped, never called.
#include "services/Services.h"
#include "gui/AppContext.h"
#include "gui/SignInDialog.h"

#include <QDialog>
#include <QPointer>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

#include <memory>

class TestAppContext : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Services> m_services;
    std::unique_ptr<AppContext> m_context;

    ServerEndpoint nowhere() const
    {
        ServerEndpoint e;
        e.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));   // nothing listens: the dialog shows a failure
        e.authPath = QStringLiteral("/api/auth");
        return e;
    }

private slots:
    void init()
    {
        m_services = std::make_unique<Services>(std::make_unique<SystemClock>(), new MemorySecretStore,
                                                new QSettings(m_dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat));
        m_context = std::make_unique<AppContext>(m_services.get());
    }

    void cleanup()
    {
        m_context.reset();
        m_services.reset();
    }

    void waiterCalledWhileItsContextLives()
    {
        QWidget window;
        window.show();
        int calls = 0;
        bool answer = true;
        m_context->requestSignIn(&window, nowhere(), &window, [&](bool signedIn) {
            ++calls;
            answer = signedIn;
        });
        QVERIFY(m_context->signInDialog());
        QCOMPARE(m_context->pendingSignInWaiters(), 1);
        m_context->signInDialog()->reject();
        QCOMPARE(calls, 1);
        QCOMPARE(answer, false);
        QCOMPARE(m_context->pendingSignInWaiters(), 0);
    }

    void waiterDroppedWhenItsContextDies()
    {
        QWidget window;
        window.show();
        auto *context = new QObject;
        int calls = 0;
        m_context->requestSignIn(&window, nowhere(), context, [&](bool) { ++calls; });
        m_context->requestSignIn(&window, nowhere(), &window, {});   // the same dialog, raised
        QCOMPARE(m_context->pendingSignInWaiters(), 1);
        delete context;
        QCOMPARE(m_context->pendingSignInWaiters(), 0);
        QPointer<SignInDialog> dlg = m_context->signInDialog();
        QVERIFY(dlg);
        dlg->reject();
        QCOMPARE(calls, 0);
    }

    void waitersOfAReplacedDialogDropped()
    {
        QWidget first, second;
        first.show();
        second.show();
        int firstCalls = 0, secondCalls = 0;
        m_context->requestSignIn(&first, nowhere(), &first, [&](bool) { ++firstCalls; });
        QPointer<SignInDialog> old = m_context->signInDialog();
        QVERIFY(old);
        m_context->requestSignIn(&second, nowhere(), &second, [&](bool) { ++secondCalls; });
        QVERIFY(m_context->signInDialog() && m_context->signInDialog() != old);
        QCOMPARE(m_context->signInDialog()->parentWidget(), &second);
        QCOMPARE(firstCalls, 0);   // the replaced dialog's rejection tells nobody
        QCOMPARE(m_context->pendingSignInWaiters(), 1);
        m_context->signInDialog()->reject();
        QCOMPARE(firstCalls, 0);
        QCOMPARE(secondCalls, 1);
    }
};

QTEST_MAIN(TestAppContext)
#include "tst_appcontext.moc"
