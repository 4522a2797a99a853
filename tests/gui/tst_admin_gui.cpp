// Device approval and the live channel in the GUI, offscreen, against the real dev server.
#include "DevServer.h"
#include "TestEnv.h"
#include "core/Services.h"
#include "gui/AppContext.h"
#include "gui/ChannelInspectorPage.h"
#include "gui/ChannelTab.h"
#include "gui/DeviceApprovalPage.h"
#include "gui/Dialogs.h"
#include "gui/SessionsPage.h"
#include "gui/MessageBanner.h"
#include "models/ChannelLogModel.h"

#include <QCheckBox>
#include <QGroupBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QSignalSpy>
#include <QTest>

class TestAdminGui : public QObject
{
    Q_OBJECT
private:
    DevServer m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<Services> m_services;
    std::unique_ptr<AppContext> m_context;

    void grab(QWidget *w, const QString &name)
    {
        const QString dir = qEnvironmentVariable("PIKKU_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            w->grab().save(dir + QLatin1Char('/') + name);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        m_services = std::make_unique<Services>(std::make_unique<SystemClock>(), new MemorySecretStore,
                                                new QSettings(m_dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat));
        m_context = std::make_unique<AppContext>(m_services.get());
        const ServerEndpoint e = TestEnv::endpointFor(m_server.url());
        const QString token = TestEnv::adminToken(m_services->http(), e);
        QVERIFY(!token.isEmpty());
        const auto r = awaitResult<SignInOutcome>([&](QObject *c, auto cb) { m_services->auth()->completeSignIn(e, token, c, cb); });
        QVERIFY(r && r->ok());
    }

    void approvalNeedsConfirmation()
    {
        QProcess client;
        client.setWorkingDirectory(QStringLiteral(PIKKU_SERVER_DIR));
        client.start(QStringLiteral("node"), {QStringLiteral("scripts/device-client.mjs"), m_server.url().toString(), QStringLiteral("pikku-cli")});
        QTRY_VERIFY_WITH_TIMEOUT(client.canReadLine(), 20000);
        const QString userCode = QJsonDocument::fromJson(client.readLine()).object().value(QStringLiteral("userCode")).toString();

        DeviceApprovalPage page(m_context.get());
        page.resize(760, 560);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *edit = page.findChild<QLineEdit *>(QStringLiteral("userCodeEdit"));
        QTest::keyClicks(edit, userCode.toLower().insert(4, QLatin1Char('-')));
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("lookUpButton")), Qt::LeftButton);
        auto *box = page.findChild<QGroupBox *>(QStringLiteral("claimBox"));
        QTRY_VERIFY_WITH_TIMEOUT(box->isVisible(), 10000);
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("clientIdValue"))->text().contains(QStringLiteral("pikku-cli")));
        QCOMPARE(page.findChild<QLabel *>(QStringLiteral("scopeValue"))->text(), QStringLiteral("openid profile"));
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("approvalWarning"))->text().contains(QStringLiteral("signs that device in as you")));
        auto *approve = page.findChild<QPushButton *>(QStringLiteral("approveButton"));
        QVERIFY(!approve->isEnabled());             // not before the admin confirms the code matches
        page.decide(true);                          // even a direct call does nothing unconfirmed
        QTest::qWait(300);
        QVERIFY(box->isVisible());
        grab(&page, QStringLiteral("device-approval.png"));
        page.findChild<QCheckBox *>(QStringLiteral("codeMatchesCheck"))->setChecked(true);
        QVERIFY(approve->isEnabled());
        QTest::mouseClick(approve, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(page.banner()->text().contains(QStringLiteral("Approved")), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(client.canReadLine(), 20000);
        const QJsonObject token = QJsonDocument::fromJson(client.readLine()).object();
        QCOMPARE(token.value(QStringLiteral("event")).toString(), QStringLiteral("token"));
        QCOMPARE(token.value(QStringLiteral("email")).toString(), DevServer::adminEmail());

        // The same code again: already processed, said plainly.
        edit->setText(userCode);
        page.lookUp();
        QTRY_VERIFY_WITH_TIMEOUT(page.banner()->isVisible() || box->isVisible(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!page.findChild<QPushButton *>(QStringLiteral("denyButton"))->isEnabled() || page.banner()->isVisible(), 5000);
        client.waitForFinished(5000);
    }

    void unknownCodeIsExplained()
    {
        DeviceApprovalPage page(m_context.get());
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.findChild<QLineEdit *>(QStringLiteral("userCodeEdit"))->setText(QStringLiteral("ZZZZ-ZZZZ"));
        page.lookUp();
        QTRY_VERIFY_WITH_TIMEOUT(page.banner()->text().contains(QStringLiteral("No such code")), 10000);
    }

    void sessionsPageIsLiveAndRevokes()
    {
        SessionsPage page(m_context.get());
        page.resize(1100, 640);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.reload();
        QTRY_VERIFY_WITH_TIMEOUT(page.isLive(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(page.sessionsTable()->rowCount() >= 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(page.connectionsTable()->rowCount() >= 1, 10000);   // our own live connection
        const int before = page.sessionsTable()->rowCount();

        // A new sign-in appears by itself (pushed session.created), at the top.
        const ServerEndpoint e = TestEnv::endpointFor(m_server.url());
        const QString other = TestEnv::adminToken(m_services->http(), e);
        QTRY_COMPARE_WITH_TIMEOUT(page.sessionsTable()->rowCount(), before + 1, 10000);
        // A new channel connection too (connection.opened).
        const int conns = page.connectionsTable()->rowCount();
        ChannelSocket extra;
        QUrl live = e.authUrl(QStringLiteral("/console/live"));
        live.setScheme(QStringLiteral("ws"));
        QVERIFY(extra.open(live, Credentials::person(other)));
        QTRY_COMPARE_WITH_TIMEOUT(page.connectionsTable()->rowCount(), conns + 1, 10000);
        QTest::qWait(200);
        grab(&page, QStringLiteral("sessions.png"));

        // Revoke the new session: confirmation, then it is gone on the server and its channel closes.
        QSignalSpy closed(&extra, &ChannelSocket::closed);
        page.sessionsTable()->setCurrentCell(0, 0);
        Dialogs::setNextAnswer(true);
        page.revokeSelected();
        QTRY_COMPARE_WITH_TIMEOUT(page.sessionsTable()->rowCount(), before, 10000);
        AuthApi api(m_services->http(), e);
        const auto dead = awaitResult<SessionInfo>([&](QObject *c, auto cb) { api.getSession(other, c, cb); });
        QCOMPARE(dead->error().kind, ApiError::Kind::Unauthorized);
        QTRY_VERIFY_WITH_TIMEOUT(closed.count() == 1, 10000);
        QCOMPARE(closed.first().first().toInt(), 4401);
        QTRY_COMPARE_WITH_TIMEOUT(page.connectionsTable()->rowCount(), conns, 10000);
    }

    void inspectorOnTheLiveChannelAsMe()
    {
        ChannelInspectorPage page(m_context.get());
        page.resize(1100, 640);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        ChannelTab *tab = page.currentChannel();
        QVERIFY(tab->findChild<QLineEdit *>(QStringLiteral("channelUrl"))->text().endsWith(QStringLiteral("/api/auth/console/live")));
        tab->connectChannel();
        QTRY_COMPARE_WITH_TIMEOUT(tab->socket()->state(), ChannelSocket::State::Open, 10000);
        // whoami is sent on connect; the server says who we are.
        QTRY_VERIFY_WITH_TIMEOUT(tab->log()->receivedCount() >= 1, 10000);
        tab->log()->flush();
        bool bearer = false;
        for (int r = 0; r < tab->log()->rowCount(); ++r)
            bearer |= tab->log()->at(r).payload.contains("\"via\":\"bearer\"");
        QVERIFY(bearer);
        QTest::mouseClick(tab->findChild<QWidget *>(QStringLiteral("quick_subscribe")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(tab->log()->receivedCount() >= 2, 10000);
        // Another connection shows up as a pushed event.
        ChannelTab *second = page.addChannel();
        second->connectChannel();
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            tab->log()->flush();
            for (int r = 0; r < tab->log()->rowCount(); ++r)
                if (tab->log()->at(r).payload.contains("connection.opened"))
                    return true;
            return false;
        }(), 10000);
        page.findChild<QTabWidget *>(QStringLiteral("channelTabs"))->setCurrentIndex(0);
        QTest::qWait(300);
        grab(&page, QStringLiteral("inspector-live.png"));
    }
};

QTEST_MAIN(TestAdminGui)
#include "tst_admin_gui.moc"
