// The sign-in dialog and main window under the offscreen platform, against the real dev server and
// the real keychain: code shown and copyable, browser URL, approval, identity shown, sign-out.
#include "DevServer.h"
#include "TestEnv.h"
#include "services/Services.h"
#include "gui/AppContext.h"
#include "gui/Dialogs.h"
#include "gui/MainWindow.h"
#include "gui/MessageBanner.h"
#include "gui/SignInDialog.h"
#include "net/KeychainSecretStore.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

class TestSignInGui : public QObject
{
    Q_OBJECT
private:
    DevServer m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<Services> m_services;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<MainWindow> m_window;

    void grab(QWidget *w, const QString &name)
    {
        const QString dir = qEnvironmentVariable("PIKKU_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            w->grab().save(dir + QLatin1Char('/') + name);
    }

    SignInDialog *openSignIn()
    {
        // The toolbar action's shortcut (Ctrl+L) is a window shortcut: the window must be active.
        m_window->activateWindow();
        if (!QTest::qWaitForWindowActive(m_window.get()))
            qWarning("main window did not become active");
        QTest::keyClick(m_window.get(), Qt::Key_L, Qt::ControlModifier);
        SignInDialog *dlg = nullptr;
        (void)QTest::qWaitFor([&] { return (dlg = m_window->findChild<SignInDialog *>(QStringLiteral("signInDialog"))) != nullptr; }, 10000);
        return dlg;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"), "needs with-keyring.sh");
        // The x11 variant must really run on the X server, not fall back to offscreen.
        if (qEnvironmentVariableIsSet("PIKKU_EXPECT_PLATFORM"))
            QCOMPARE(QGuiApplication::platformName(), qEnvironmentVariable("PIKKU_EXPECT_PLATFORM"));
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        m_services = std::make_unique<Services>(std::make_unique<SystemClock>(),
                                                new KeychainSecretStore(TestEnv::uniqueKeychainService()),
                                                new QSettings(m_dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat));
        ServerProfile p;
        p.url = m_server.url().toString();
        p.label = QStringLiteral("Dev");
        m_services->profiles().save(p);   // auth path left empty: the window detects it
        m_services->profiles().setCurrent(p.url);
        m_context = std::make_unique<AppContext>(m_services.get());
        m_window = std::make_unique<MainWindow>(m_context.get());
        m_window->resize(1100, 700);   // the default window size (MainWindow.ui), as the README shows it
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->start();
        auto *title = m_window->findChild<QLabel *>(QStringLiteral("overviewTitle"));
        QTRY_COMPARE_WITH_TIMEOUT(title->text(), QStringLiteral("Not signed in"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_services->profiles().current().authPath, QStringLiteral("/api/auth"), 10000);
    }

    void denyShowsReasonAndRetry()
    {
        SignInDialog *dlg = openSignIn();
        QVERIFY(dlg);
        dlg->setBrowserEnabled(false);
        auto *code = dlg->findChild<QLabel *>(QStringLiteral("userCodeLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(code->text().contains(QLatin1Char('-')) && !code->text().contains(QChar(0x00B7)), 10000);
        QCOMPARE(TestEnv::decideDeviceCode(m_services->http(), TestEnv::endpointFor(m_server.url()), code->text(), false), QString());
        auto *status = dlg->findChild<QLabel *>(QStringLiteral("statusLabel"));
        auto *retry = dlg->findChild<QPushButton *>(QStringLiteral("retryButton"));
        QTRY_VERIFY_WITH_TIMEOUT(retry->isVisible(), 15000);
        QVERIFY2(status->text().contains(QStringLiteral("denied")), qPrintable(status->text()));
        QVERIFY(!m_services->session()->isSignedIn());
        grab(dlg, QStringLiteral("signin-denied.png"));
        // Retry gives a fresh code; then close the dialog.
        const QString old = code->text();
        QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(code->text() != old && code->text().contains(QLatin1Char('-')), 10000);
        QVERIFY(!retry->isVisible());
        QTest::mouseClick(dlg->findChild<QPushButton *>(QStringLiteral("cancelButton")), Qt::LeftButton);
        QTRY_VERIFY(m_window->findChild<SignInDialog *>(QStringLiteral("signInDialog")) == nullptr);
    }

    void approveSignsIn()
    {
        SignInDialog *dlg = openSignIn();
        QVERIFY(dlg);
        dlg->setBrowserEnabled(false);
        auto *code = dlg->findChild<QLabel *>(QStringLiteral("userCodeLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(code->text().contains(QLatin1Char('-')) && !code->text().contains(QChar(0x00B7)), 10000);
        QVERIFY(code->textInteractionFlags() & Qt::TextSelectableByMouse);

        // Copy puts the code on the clipboard; Open browser opens the complete URL.
        QTest::mouseClick(dlg->findChild<QPushButton *>(QStringLiteral("copyCodeButton")), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), code->text());
        QTest::mouseClick(dlg->findChild<QPushButton *>(QStringLiteral("openBrowserButton")), Qt::LeftButton);
        QVERIFY2(dlg->lastOpenedUrl().contains(QStringLiteral("user_code=") + normalizeUserCode(code->text())),
                 qPrintable(dlg->lastOpenedUrl()));
        auto *bar = dlg->findChild<QProgressBar *>(QStringLiteral("expiryBar"));
        QVERIFY(bar->format().startsWith(QStringLiteral("Code expires in")));
        QVERIFY(bar->value() > 0 && bar->value() <= 120);
        grab(dlg, QStringLiteral("signin-dialog.png"));

        QCOMPARE(TestEnv::decideDeviceCode(m_services->http(), TestEnv::endpointFor(m_server.url()), code->text(), true), QString());
        QTRY_VERIFY_WITH_TIMEOUT(m_services->session()->isSignedIn(), 15000);
        QTRY_VERIFY(m_window->findChild<SignInDialog *>(QStringLiteral("signInDialog")) == nullptr);
        QVERIFY(m_services->session()->isPersisted());

        auto *user = m_window->findChild<QLabel *>(QStringLiteral("userValue"));
        QCOMPARE(user->text(), DevServer::adminEmail());
        QCOMPARE(m_window->findChild<QLabel *>(QStringLiteral("roleValue"))->text(), QStringLiteral("admin"));
        QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("storageValue"))->text().contains(QStringLiteral("keychain")));
        QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("statusLabel"))->text().contains(DevServer::adminEmail()));
        QTest::qWait(100);
        grab(m_window.get(), QStringLiteral("main-signed-in.png"));
    }

    void restartRestoresFromKeychain()
    {
        // A second window on the same services (as after a restart) finds the session in the keychain.
        const QString token = m_services->session()->token();
        m_services->session()->clear();
        m_window->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_services->session()->isSignedIn(), 10000);
        QCOMPARE(m_services->session()->token(), token);
    }

    void signOutRevokes()
    {
        const QString token = m_services->session()->token();
        Dialogs::setNextAnswer(true);
        QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("signOutButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_services->session()->isSignedIn(), 10000);
        auto *banner = m_window->globalBanner();
        QTRY_VERIFY(banner->text().contains(QStringLiteral("revoked")));
        AuthApi api(m_services->http(), TestEnv::endpointFor(m_server.url()));
        const auto dead = awaitResult<SessionInfo>([&](QObject *c, auto cb) { api.getSession(token, c, cb); });
        QCOMPARE(dead->error().kind, ApiError::Kind::Unauthorized);
        QCOMPARE(m_window->findChild<QLabel *>(QStringLiteral("overviewTitle"))->text(), QStringLiteral("Not signed in"));
    }
};

QTEST_MAIN(TestSignInGui)
#include "tst_signin_gui.moc"
