// Issue 14 part 1 (h-noplugin): the GUI, offscreen, against the real dev server WITHOUT the console plugin
// (--no-console-plugin: real better-auth and SQLite, the admin, bearer, API Key and device plugins). The pages
// that need the plugin show one line with the install hint; the Users page works through better-auth's own
// admin plugin: search, a user's sessions, revoke one and all, ban with reason and expiry, unban, set roles,
// and the lock-out refusal.
#include "DevServer.h"
#include "TestEnv.h"
#include "gui/AppContext.h"
#include "gui/DeviceApprovalPage.h"
#include "gui/Dialogs.h"
#include "gui/MainWindow.h"
#include "gui/MessageBanner.h"
#include "gui/UsersAdminPage.h"
#include "services/Services.h"
#include "services/models/AdminUsersModel.h"
#include "services/models/UserSessionsModel.h"

#include <QDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

class TestNoPluginGui : public QObject
{
    Q_OBJECT
private:
    DevServer m_server{[] {
        DevServer::Options o;
        o.consolePlugin = false;
        return o;
    }()};
    QTemporaryDir m_dir;
    std::unique_ptr<Services> m_services;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<MainWindow> m_window;
    static QString S(const char *s) { return QString::fromUtf8(s); }

    ServerEndpoint endpoint() const { return TestEnv::endpointFor(m_server.url()); }
    std::optional<HttpResponse> post(const QString &path, const QJsonObject &body)
    {
        return TestEnv::awaitCall(m_services->http()->post(endpoint().authUrl(path), body));
    }
    bool sessionAlive(const QString &token)
    {
        RequestOptions o;
        o.credentials = Credentials::person(token, m_server.url());
        const auto r = TestEnv::awaitCall(m_services->http()->get(endpoint().authUrl(S("/get-session")), o));
        return r && r->ok() && r->json.isObject();
    }
    void navigate(int row) { m_window->findChild<QListWidget *>(S("navList"))->setCurrentRow(row); }
    void selectRow(QTableView *t, int row)
    {
        t->selectionModel()->select(t->model()->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    void search(UsersAdminPage *page, const QString &text)
    {
        auto *edit = page->findChild<QLineEdit *>(S("userSearchEdit"));
        edit->setText(text);
        QTest::keyClick(edit, Qt::Key_Return);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        m_services = std::make_unique<Services>(std::make_unique<SystemClock>(), new MemorySecretStore,
                                                new QSettings(m_dir.filePath(S("s.ini")), QSettings::IniFormat));
        m_context = std::make_unique<AppContext>(m_services.get());
        const QString token = TestEnv::adminToken(m_services->http(), endpoint());
        QVERIFY(!token.isEmpty());
        const auto r = awaitResult<SignInOutcome>([&](QObject *c, auto cb) { m_services->auth()->completeSignIn(endpoint(), token, c, cb); });
        QVERIFY(r && r->ok());
        m_window = std::make_unique<MainWindow>(m_context.get());
        m_window->resize(1100, 700);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    // Service users, API keys, Sessions and Audit need the plugin: one line with the install hint, nothing else.
    void pluginPagesSayOneLine_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<QString>("title");
        QTest::newRow("service users") << 1 << S("Service users");
        QTest::newRow("api keys") << 2 << S("API keys");
        QTest::newRow("sessions") << 3 << S("Sessions");
        QTest::newRow("audit") << 6 << S("Audit");
    }
    void pluginPagesSayOneLine()
    {
        QFETCH(int, row);
        QFETCH(QString, title);
        navigate(row);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentPage()->objectName(), S("pluginNeededPage"), 10000);
        const QString text = m_window->pluginNeededLabel()->text();
        QVERIFY2(text.startsWith(title) && text.contains(S("@pikku-admin/better-auth-console")), qPrintable(text));
        QCOMPARE(m_window->pluginNeededLabel()->textFormat(), Qt::PlainText);
        // Pages that work without it are shown as themselves.
        navigate(4);
        QTRY_COMPARE(m_window->currentPage(), static_cast<QWidget *>(m_window->deviceApprovals()));
        navigate(7);   // Users (after Audit)
        QTRY_COMPARE(m_window->currentPage(), static_cast<QWidget *>(m_window->usersAdmin()));
    }

    void usersSessionsBanRoles()
    {
        const QString email = QStringLiteral("np-gui-%1@example.com").arg(QDateTime::currentMSecsSinceEpoch());
        const auto up = post(S("/sign-up/email"), {{S("email"), email}, {S("password"), S("person-password-1")}, {S("name"), S("np gui")}});
        QVERIFY(up && up->ok());
        const QString first = up->json.object().value(S("token")).toString();
        const auto in = post(S("/sign-in/email"), {{S("email"), email}, {S("password"), S("person-password-1")}});
        QVERIFY(in && in->ok());
        const QString second = in->json.object().value(S("token")).toString();

        navigate(7);   // Users (after Audit)
        UsersAdminPage *page = m_window->usersAdmin();
        QTRY_VERIFY(page->isVisible());
        search(page, email);
        QTRY_COMPARE_WITH_TIMEOUT(page->usersModel()->rowCount(), 1, 10000);
        QCOMPARE(page->usersModel()->user(0).email, email);
        selectRow(page->usersTable(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(page->sessionsModel()->rowCount(), 2, 10000);

        // Revoke one (the newest, listed first), confirmed.
        selectRow(page->sessionsTable(), 0);
        Dialogs::setNextAnswer(true);
        QTest::mouseClick(page->findChild<QPushButton *>(S("revokeUserSessionButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(page->sessionsModel()->rowCount(), 1, 10000);
        QVERIFY(Dialogs::lastQuestion().contains(email));
        QVERIFY(!sessionAlive(second));
        QVERIFY(sessionAlive(first));

        // Ban with a reason and an expiry.
        QTest::mouseClick(page->findChild<QPushButton *>(S("banUserButton")), Qt::LeftButton);
        QTRY_VERIFY(page->openDialog());
        page->openDialog()->findChild<QLineEdit *>(S("banReasonEdit"))->setText(S("<b>left</b>"));
        page->openDialog()->findChild<QLineEdit *>(S("banExpiresEdit"))->setText(S("1h"));
        QTest::mouseClick(page->openDialog()->findChild<QPushButton *>(S("banOkButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(page->usersModel()->user(0).banned, 10000);
        QCOMPARE(page->usersModel()->user(0).banReason, S("<b>left</b>"));
        const qint64 left = QDateTime::currentDateTimeUtc().secsTo(page->usersModel()->user(0).banExpires);
        QVERIFY2(left > 3500 && left <= 3600, qPrintable(QString::number(left)));
        QVERIFY(!sessionAlive(first));   // a ban ends every session
        QTRY_COMPARE_WITH_TIMEOUT(page->sessionsModel()->rowCount(), 0, 10000);
        QVERIFY(page->usersModel()->index(0, AdminUsersModel::StateColumn).data().toString().startsWith(S("banned until")));

        // Unban, then set roles.
        QTest::mouseClick(page->findChild<QPushButton *>(S("unbanUserButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!page->usersModel()->user(0).banned, 10000);
        QTest::mouseClick(page->findChild<QPushButton *>(S("setRolesButton")), Qt::LeftButton);
        QTRY_VERIFY(page->openDialog());
        page->openDialog()->findChild<QLineEdit *>(S("rolesEdit"))->setText(S("user, ops"));
        QTest::mouseClick(page->openDialog()->findChild<QPushButton *>(S("rolesOkButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(page->usersModel()->user(0).role, S("user,ops"), 10000);
    }

    // The admin cannot lock themself out: the ban and the role change are refused with a clear error.
    void refusesToLockTheAdminOut()
    {
        UsersAdminPage *page = m_window->usersAdmin();
        navigate(7);   // Users (after Audit)
        search(page, DevServer::adminEmail());
        QTRY_COMPARE_WITH_TIMEOUT(page->usersModel()->rowCount(), 1, 10000);
        selectRow(page->usersTable(), 0);
        QTest::mouseClick(page->findChild<QPushButton *>(S("banUserButton")), Qt::LeftButton);
        QTRY_VERIFY(page->openDialog());
        QTest::mouseClick(page->openDialog()->findChild<QPushButton *>(S("banOkButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(page->banner()->text().contains(S("cannot ban yourself")), 10000);
        QTRY_VERIFY(!page->openDialog());
        QTest::mouseClick(page->findChild<QPushButton *>(S("setRolesButton")), Qt::LeftButton);
        QTRY_VERIFY(page->openDialog());
        page->openDialog()->findChild<QLineEdit *>(S("rolesEdit"))->setText(S("user"));
        QTest::mouseClick(page->openDialog()->findChild<QPushButton *>(S("rolesOkButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(page->banner()->text().contains(S("own admin role")), 10000);
        QVERIFY(page->usersModel()->user(0).roles().contains(S("admin")));
        QVERIFY(!page->usersModel()->user(0).banned);
        QVERIFY(m_services->session()->isSignedIn());
    }

    void cleanupTestCase()
    {
        m_window.reset();
    }
};

QTEST_MAIN(TestNoPluginGui)
#include "tst_noplugin_gui.moc"
