// Service users and API keys in the GUI, offscreen, against the real dev server: mint through the
// dialog, reveal once with a guarded close and a clipboard copy, revoke with confirmation, validation,
// and a create whose reply is dropped after the server created the key (a proxy that eats the answer).
#include "DevServer.h"
#include "TestEnv.h"
#include "core/Services.h"
#include "gui/ApiKeysPage.h"
#include "gui/AppContext.h"
#include "gui/Clipboard.h"
#include "gui/Dialogs.h"
#include "gui/MessageBanner.h"
#include "gui/MintKeyDialog.h"
#include "gui/RevealKeyDialog.h"
#include "gui/ServiceUsersPage.h"
#include "models/ApiKeysModel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

namespace {
// Forwards HTTP to the dev server; for POST .../api-keys/create it forwards the request but drops the
// reply: the server creates the key, the client never hears of it.
class DroppingProxy : public QTcpServer
{
public:
    explicit DroppingProxy(quint16 target) : m_target(target)
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = nextPendingConnection()) {
                auto *upstream = new QTcpSocket(client);
                upstream->connectToHost(QHostAddress::LocalHost, m_target);
                auto drop = std::make_shared<bool>(false);
                connect(client, &QTcpSocket::readyRead, client, [client, upstream, drop] {
                    const QByteArray data = client->readAll();
                    if (data.startsWith("POST ") && data.contains("/console/api-keys/create"))
                        *drop = true;
                    upstream->write(data);
                });
                connect(upstream, &QTcpSocket::readyRead, client, [client, upstream, drop, this] {
                    const QByteArray data = upstream->readAll();
                    if (*drop) {
                        ++dropped;
                        client->abort();   // the reply is lost on the way back
                        return;
                    }
                    client->write(data);
                });
                connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
            }
        });
    }
    int dropped = 0;

private:
    quint16 m_target;
};
} // namespace

class TestKeysGui : public QObject
{
    Q_OBJECT
private:
    DevServer m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<Services> m_services;
    std::unique_ptr<AppContext> m_context;
    QString m_token;
    SessionInfo m_info;

    QString keyOwner(const QString &key)
    {
        RequestOptions o;
        o.credentials = Credentials::machine(key);
        ApiCall *call = m_services->http()->get(TestEnv::endpointFor(m_server.url()).authUrl(QStringLiteral("/get-session")), o);
        std::optional<HttpResponse> r;
        QObject ctx;
        call->onFinished(&ctx, [&](const HttpResponse &x) { r = x; });
        (void)QTest::qWaitFor([&] { return r.has_value(); }, 10000);
        return r && r->ok() && r->json.isObject() ? r->json.object().value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString() : QString();
    }

    template<typename T>
    T *waitForChild(QWidget *parent, const char *name)
    {
        T *w = nullptr;
        (void)QTest::qWaitFor([&] { return (w = parent->findChild<T *>(QLatin1String(name))) != nullptr && w->isVisible(); }, 10000);
        return w;
    }

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
        m_token = TestEnv::adminToken(m_services->http(), e);
        const auto r = awaitResult<SignInOutcome>([&](QObject *c, auto cb) { m_services->auth()->completeSignIn(e, m_token, c, cb); });
        QVERIFY(r && r->ok());
        m_info = r->value().info;
    }

    void createServiceUser()
    {
        ServiceUsersPage page(m_context.get());
        page.show();
        page.reload();
        page.create(QStringLiteral("svc-gui"), QStringLiteral("svc-gui@service.local"));
        QTRY_VERIFY_WITH_TIMEOUT(page.table()->rowCount() == 1, 10000);
        QCOMPARE(page.table()->item(0, 0)->text(), QStringLiteral("svc-gui"));
        QVERIFY(page.banner()->text().contains(QStringLiteral("Created")));
    }

    void mintRevealRevoke()
    {
        ApiKeysPage page(m_context.get());
        page.resize(1200, 600);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.reload();
        QTRY_VERIFY_WITH_TIMEOUT(!page.owners().isEmpty(), 10000);
        const QString ownerId = page.owners().first().id;

        page.openMintDialog();
        auto *dlg = waitForChild<MintKeyDialog>(&page, "mintKeyDialog");
        QVERIFY(dlg);
        QVERIFY(dlg->findChild<QLabel *>(QStringLiteral("mintWarnings"))->text().contains(QStringLiteral("10 requests")));
        QTest::keyClicks(dlg->findChild<QLineEdit *>(QStringLiteral("nameEdit")), QStringLiteral("gui-key"));
        // An invalid permission keeps the dialog open with the reason.
        QTest::mouseClick(dlg->findChild<QToolButton *>(QStringLiteral("addPermissionButton")), Qt::LeftButton);
        auto *perms = dlg->findChild<QTableWidget *>(QStringLiteral("permissionsTable"));
        perms->item(0, 0)->setText(QStringLiteral("bad resource"));
        perms->item(0, 1)->setText(QStringLiteral("read"));
        QTest::mouseClick(dlg->findChild<QPushButton *>(QStringLiteral("mintButton")), Qt::LeftButton);
        QVERIFY(dlg->banner()->text().contains(QStringLiteral("Permissions")));
        QVERIFY(dlg->isVisible());
        perms->item(0, 0)->setText(QStringLiteral("files"));
        perms->item(0, 1)->setText(QStringLiteral("read, write"));
        dlg->findChild<QComboBox *>(QStringLiteral("rateModeBox"))->setCurrentIndex(1);   // off
        QVERIFY(dlg->findChild<QLabel *>(QStringLiteral("mintWarnings"))->text().isEmpty());
        QTest::keyClicks(dlg->findChild<QLineEdit *>(QStringLiteral("prefixEdit")), QStringLiteral("svc_"));
        dlg->banner()->dismiss();
        grab(dlg, QStringLiteral("mint-dialog.png"));
        QTest::mouseClick(dlg->findChild<QPushButton *>(QStringLiteral("mintButton")), Qt::LeftButton);

        auto *reveal = waitForChild<RevealKeyDialog>(&page, "revealKeyDialog");
        QVERIFY(reveal);
        const QString secret = reveal->findChild<QLineEdit *>(QStringLiteral("secretField"))->text();
        QVERIFY(secret.size() >= 64);
        QVERIFY(reveal->findChild<QLineEdit *>(QStringLiteral("secretField"))->isReadOnly());
        QCOMPARE(keyOwner(secret), ownerId);
        // Closing without copying asks; "no" keeps it open.
        Dialogs::setNextAnswer(false);
        reveal->reject();
        QTest::qWait(100);
        QVERIFY(reveal->isVisible());
        QTest::mouseClick(reveal->findChild<QPushButton *>(QStringLiteral("copySecretButton")), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), secret);
        QVERIFY(m_context->clipboard()->holdsOurSecret());
        reveal->reject();   // copied: closes without asking
        QTRY_VERIFY(page.findChild<RevealKeyDialog *>(QStringLiteral("revealKeyDialog")) == nullptr);
        m_context->clipboard()->clearSecret();
        QVERIFY(QGuiApplication::clipboard()->text().isEmpty());

        // The new key is in the table; revoke it with confirmation.
        QTRY_VERIFY_WITH_TIMEOUT(page.model()->rowCount() >= 1, 10000);
        auto *view = page.view();
        int row = -1;
        for (int r = 0; r < view->model()->rowCount(); ++r)
            if (view->model()->index(r, ApiKeysModel::NameColumn).data().toString() == QLatin1String("gui-key"))
                row = r;
        QVERIFY(row >= 0);
        view->selectRow(row);
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("keyCount"))->text().startsWith(QStringLiteral("1 of 1")));
        grab(&page, QStringLiteral("keys-page.png"));
        Dialogs::setNextAnswer(false);
        page.revokeSelected();
        QTest::qWait(300);
        QCOMPARE(keyOwner(secret), ownerId);           // cancelled: still alive
        Dialogs::setNextAnswer(true);
        page.revokeSelected();
        QTRY_VERIFY_WITH_TIMEOUT(page.banner()->text().contains(QStringLiteral("Revoked")), 10000);
        QCOMPARE(keyOwner(secret), QString());
    }

    void lostCreateReplyIsReported()
    {
        DroppingProxy proxy(quint16(m_server.url().port()));
        QVERIFY(proxy.listen(QHostAddress::LocalHost, 0));
        ServerEndpoint viaProxy = TestEnv::endpointFor(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(proxy.serverPort())));
        m_services->session()->set(viaProxy, m_token, m_info, false);

        ApiKeysPage page(m_context.get());
        page.show();
        page.reload();
        QTRY_VERIFY_WITH_TIMEOUT(!page.owners().isEmpty(), 10000);
        page.openMintDialog();
        auto *dlg = waitForChild<MintKeyDialog>(&page, "mintKeyDialog");
        QVERIFY(dlg);
        dlg->findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("lost-key"));
        dlg->mint();
        QTRY_VERIFY_WITH_TIMEOUT(dlg->banner()->text().contains(QStringLiteral("revoke it")), 20000);
        QVERIFY(proxy.dropped >= 1);
        QVERIFY(dlg->isVisible());   // nothing silently lost: the dialog stays with the report
        QVERIFY(dlg->findChild<QLineEdit *>(QStringLiteral("nameEdit"))->text() == QLatin1String("lost-key"));
        m_services->session()->set(TestEnv::endpointFor(m_server.url()), m_token, m_info, false);
    }
};

QTEST_MAIN(TestKeysGui)
#include "tst_keys_gui.moc"
