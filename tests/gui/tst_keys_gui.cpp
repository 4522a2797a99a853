// Service users and API keys in the GUI, offscreen, against the real dev server: mint through the
// dialog, reveal once with a guarded close and a clipboard copy, revoke with confirmation, validation,
// and a create whose reply is dropped after the server created the key (a proxy that eats the answer).
#include "DevServer.h"
#include "DroppingProxy.h"
#include "TestEnv.h"
#include "core/Json.h"
#include "core/PermissionTemplates.h"
#include "services/Services.h"
#include "gui/ApiKeysPage.h"
#include "gui/AppContext.h"
#include "gui/Clipboard.h"
#include "gui/Dialogs.h"
#include "gui/EditKeyDialog.h"
#include "gui/MessageBanner.h"
#include "gui/MintKeyDialog.h"
#include "gui/RevealKeyDialog.h"
#include "gui/RotateKeyDialog.h"
#include "gui/ServiceUsersPage.h"
#include "services/models/ServiceUsersModel.h"
#include "services/models/ApiKeysModel.h"
#include "net/ConsoleApi.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCheckBox>
#include <QComboBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <QTest>
#include <QToolButton>


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

    QString keyOwner(const QString &key) { return TestEnv::keyOwner(m_services->http(), TestEnv::endpointFor(m_server.url()), key); }

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
        if (dir.isEmpty())
            return;
        QTest::qWait(50);   // let a dismissed banner's space collapse
        w->grab().save(dir + QLatin1Char('/') + name);
    }

    ConsoleApi api() { return ConsoleApi(m_services->http(), m_services->session()); }

    std::optional<MintedKey> mintDirect(const KeyFields &f)
    {
        const auto r = awaitResult<MintedKey>([&](QObject *c, auto cb) { api().createApiKey(f, c, cb); });
        if (!r || !r->ok())
            return std::nullopt;
        return r->value();
    }

    // The key as the server has it now (listed by owner, picked by id).
    std::optional<ApiKey> serverKey(const QString &userId, const QString &keyId)
    {
        const auto r = awaitResult<Page<ApiKey>>([&](QObject *c, auto cb) { api().listApiKeys(userId, 1000, 0, c, cb); });
        if (!r || !r->ok())
            return std::nullopt;
        for (const ApiKey &k : r->value().items)
            if (k.id == keyId)
                return k;
        return std::nullopt;
    }

    // Selects the row of keyId in the page's view; false when it is not loaded.
    bool selectKey(ApiKeysPage &page, const QString &keyId)
    {
        QAbstractItemModel *m = page.view()->model();
        for (int r = 0; r < m->rowCount(); ++r) {
            if (m->index(r, 0).data(ApiKeysModel::KeyIdRole).toString() == keyId) {
                page.view()->setCurrentIndex(m->index(r, 0));
                page.view()->selectRow(r);
                return true;
            }
        }
        return false;
    }

    // Presses the banner's visible action button whose text (mnemonic aside) contains `text`.
    bool pressBannerAction(MessageBanner *banner, const QString &text)
    {
        for (QPushButton *b : banner->findChildren<QPushButton *>(QStringLiteral("messageBannerAction"))) {
            if (b->isVisible() && b->text().remove(QLatin1Char('&')).contains(text)) {
                QTest::mouseClick(b, Qt::LeftButton);
                return true;
            }
        }
        return false;
    }

    QList<ApiKey> keysNamed(const QString &userId, const QString &name)
    {
        QList<ApiKey> out;
        const auto r = awaitResult<Page<ApiKey>>([&](QObject *c, auto cb) { api().listApiKeys(userId, 1000, 0, c, cb); });
        if (r && r->ok())
            for (const ApiKey &k : r->value().items)
                if (k.name == name)
                    out << k;
        return out;
    }

    void closeRevealDialogs()
    {
        for (QWidget *w : QApplication::topLevelWidgets())
            if (auto *reveal = qobject_cast<RevealKeyDialog *>(w); reveal && reveal->isVisible())
                reveal->reject();
        m_context->clipboard()->clearSecret();
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
        page.resize(1100, 600);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.reload();
        // Through the dialog: roomy, Create off until there is a name, the name field focused.
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("newServiceUserButton")), Qt::LeftButton);
        auto *dlg = waitForChild<QDialog>(&page, "createServiceUserDialog");
        QVERIFY(dlg);
        QVERIFY(QTest::qWaitForWindowExposed(dlg));
        QVERIFY2(dlg->width() >= 440, qPrintable(QString::number(dlg->width())));
        auto *create = dlg->findChild<QPushButton *>(QStringLiteral("createServiceUserButton"));
        QVERIFY(!create->isEnabled());
        auto *name = dlg->findChild<QLineEdit *>(QStringLiteral("serviceUserName"));
        QTRY_COMPARE(QApplication::focusWidget(), name);
        QTest::keyClicks(name, QStringLiteral("svc-gui"));
        QTest::keyClicks(dlg->findChild<QLineEdit *>(QStringLiteral("serviceUserEmail")), QStringLiteral("svc-gui@service.local"));
        QVERIFY(create->isEnabled());
        QSignalSpy mintAsked(&page, &ServiceUsersPage::mintKeyRequested);
        QTest::mouseClick(create, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(page.table()->model()->rowCount() == 1, 10000);
        QCOMPARE(page.table()->model()->index(0, 0).data().toString(), QStringLiteral("svc-gui"));
        QVERIFY(page.banner()->text().contains(QStringLiteral("Created")));
        // The success offers the next step: a key for that user, preselected in the mint dialog.
        auto *next = page.banner()->floatingStrip()->findChild<QPushButton *>(QStringLiteral("messageBannerAction"));
        QVERIFY(next && next->isVisible());
        QCOMPARE(next->text(), QStringLiteral("Mint a key…"));
        QTest::mouseClick(next, Qt::LeftButton);
        QCOMPARE(mintAsked.size(), 1);
        const QString id = mintAsked.first().first().toString();
        QCOMPARE(id, page.table()->model()->index(0, 0).data(ServiceUsersModel::UserIdRole).toString());
        ApiKeysPage keys(m_context.get());
        keys.show();
        keys.openMintDialogFor(id);   // owners not loaded yet: opens once they are
        auto *mint = waitForChild<MintKeyDialog>(&keys, "mintKeyDialog");
        QVERIFY(mint);
        QCOMPARE(mint->findChild<QComboBox *>(QStringLiteral("ownerBox"))->currentData().toString(), id);
        mint->reject();
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
        QVERIFY2(dlg->findChild<QLabel *>(QStringLiteral("mintWarnings"))->text().contains(QStringLiteral("10 requests per day")),
                 qPrintable(dlg->findChild<QLabel *>(QStringLiteral("mintWarnings"))->text()));
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
        const QString secret = reveal->findChild<QLabel *>(QStringLiteral("secretField"))->text();
        QVERIFY(secret.size() >= 64);
        QCOMPARE(reveal->findChild<QLabel *>(QStringLiteral("secretField"))->textInteractionFlags(), Qt::NoTextInteraction);
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

    // h-perms (issue 13 item 6): the dev server's permission catalogue as a grid of checkboxes; ticks merged
    // with a free-text row outside it; a template saved for this server and applied; the minted key has
    // exactly those permissions. A server without the catalogue: the free-text rows and a line saying why.
    void mintWithPermissionGrid()
    {
        ApiKeysPage page(m_context.get());
        page.resize(1200, 600);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.reload();
        QTRY_VERIFY_WITH_TIMEOUT(!page.owners().isEmpty(), 10000);
        const QString ownerId = page.owners().first().id;
        page.openMintDialog();
        auto *dlg = waitForChild<MintKeyDialog>(&page, "mintKeyDialog");
        QVERIFY(dlg);
        const auto check = [dlg](const char *name) { return dlg->findChild<QCheckBox *>(QLatin1String("permissionCheck:") + QLatin1String(name)); };
        // The catalogue of server/src/dev-server.ts, in its order, descriptions as tooltips.
        QVERIFY(dlg->findChild<QWidget *>(QStringLiteral("permissionGrid")));
        QVERIFY(!dlg->findChild<QLabel *>(QStringLiteral("permissionCatalogueNote")));
        QStringList names;
        for (const QCheckBox *c : dlg->findChildren<QCheckBox *>())
            if (c->objectName().startsWith(QLatin1String("permissionCheck:")))
                names << c->objectName().mid(16);
        QCOMPARE(names, (QStringList{"files:read", "files:write", "ws:connect", "events:write"}));
        QCOMPARE(check("files:write")->toolTip(), QStringLiteral("upload and delete"));
        QCOMPARE(check("files:write")->accessibleDescription(), QStringLiteral("upload and delete"));
        QCOMPARE(check("files:write")->accessibleName(), QStringLiteral("files: write"));

        QTest::keyClicks(dlg->findChild<QLineEdit *>(QStringLiteral("nameEdit")), QStringLiteral("grid-key"));
        dlg->findChild<QComboBox *>(QStringLiteral("rateModeBox"))->setCurrentIndex(1);   // off
        QTest::mouseClick(check("files:read"), Qt::LeftButton);
        QTest::mouseClick(check("events:write"), Qt::LeftButton);
        QVERIFY(check("files:read")->isChecked() && check("events:write")->isChecked());
        QTest::mouseClick(dlg->findChild<QToolButton *>(QStringLiteral("addPermissionButton")), Qt::LeftButton);
        auto *extras = dlg->findChild<QTableWidget *>(QStringLiteral("permissionsTable"));
        extras->closePersistentEditor(extras->item(0, 0));
        extras->item(0, 0)->setText(QStringLiteral("reports"));
        extras->item(0, 1)->setText(QStringLiteral("export"));
        const Permissions want{{QStringLiteral("files"), {QStringLiteral("read")}},
                               {QStringLiteral("events"), {QStringLiteral("write")}},
                               {QStringLiteral("reports"), {QStringLiteral("export")}}};

        // Saved as a template for this server, cleared, applied again.
        auto *templates = dlg->findChild<QComboBox *>(QStringLiteral("permissionTemplateBox"));
        QVERIFY(templates);
        QCOMPARE(templates->count(), 0);
        QTest::keyClicks(dlg->findChild<QLineEdit *>(QStringLiteral("templateNameEdit")), QStringLiteral("ingest worker"));
        QTest::mouseClick(dlg->findChild<QPushButton *>(QStringLiteral("saveTemplateButton")), Qt::LeftButton);
        QCOMPARE(templates->count(), 1);
        QCOMPARE(templates->currentText(), QStringLiteral("ingest worker"));
        PermissionTemplates stored(m_services->settings());
        QCOMPARE(stored.find(m_server.url().toString(), QStringLiteral("ingest worker"))->permissions, want);
        QVERIFY(stored.all(QStringLiteral("https://other.example.com")).isEmpty());
        QTest::mouseClick(check("files:read"), Qt::LeftButton);
        QTest::mouseClick(check("ws:connect"), Qt::LeftButton);
        extras->setRowCount(0);
        QTest::mouseClick(dlg->findChild<QPushButton *>(QStringLiteral("applyTemplateButton")), Qt::LeftButton);
        QVERIFY(check("files:read")->isChecked() && check("events:write")->isChecked());
        QVERIFY(!check("ws:connect")->isChecked() && !check("files:write")->isChecked());
        QCOMPARE(extras->rowCount(), 1);
        QCOMPARE(extras->item(0, 0)->text(), QStringLiteral("reports"));
        dlg->banner()->dismiss();
        grab(dlg, QStringLiteral("mint-dialog-grid.png"));

        std::optional<MintedKey> got;
        connect(dlg, &MintKeyDialog::minted, this, [&](const MintedKey &m, const QString &) { got = m; });
        QTest::mouseClick(dlg->findChild<QPushButton *>(QStringLiteral("mintButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(got.has_value(), 10000);
        closeRevealDialogs();
        const auto k = serverKey(ownerId, got->apiKey.id);
        QVERIFY(k);
        QCOMPARE(k->permissions, want);
        // The template can go again.
        page.openMintDialog();
        dlg = waitForChild<MintKeyDialog>(&page, "mintKeyDialog");
        QVERIFY(dlg);
        QCOMPARE(dlg->findChild<QComboBox *>(QStringLiteral("permissionTemplateBox"))->currentText(), QStringLiteral("ingest worker"));
        QTest::mouseClick(dlg->findChild<QPushButton *>(QStringLiteral("deleteTemplateButton")), Qt::LeftButton);
        QVERIFY(!stored.find(m_server.url().toString(), QStringLiteral("ingest worker")));
        QCOMPARE(dlg->findChild<QComboBox *>(QStringLiteral("permissionTemplateBox"))->count(), 0);
        dlg->reject();

        // Without the feature (an older server): no grid, the free-text rows, one line saying why.
        const auto info = awaitResult<ConsoleInfo>([&](QObject *c, auto cb) { api().info(c, cb); });
        QVERIFY(info && info->ok());
        std::optional<ConsoleInfo> old = info->value();
        QVERIFY(old->supportsPermissionCatalogue());
        old->features.removeAll(QStringLiteral("permissions.catalogue"));
        MintKeyDialog plain(m_context.get(), page.owners(), ownerId, old);
        QVERIFY(!plain.findChild<QWidget *>(QStringLiteral("permissionGrid")));
        QVERIFY(!plain.findChild<QCheckBox *>(QStringLiteral("permissionCheck:files:read")));
        QVERIFY(plain.findChild<QTableWidget *>(QStringLiteral("permissionsTable")));
        QVERIFY(plain.findChild<QLabel *>(QStringLiteral("permissionCatalogueNote"))->text().contains(QStringLiteral("no permission catalogue")));
    }

    void editKeyThroughDialog()
    {
        ApiKeysPage page(m_context.get());
        page.resize(1200, 600);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.reload();
        QTRY_VERIFY_WITH_TIMEOUT(!page.owners().isEmpty(), 10000);
        const QString ownerId = page.owners().first().id;
        KeyFields f;
        f.userId = ownerId;
        f.name = QStringLiteral("edit-me");
        f.expiresIn = 30 * 86400;
        // files:read is in the dev server's catalogue (a checkbox), files:purge is not (a free-text row).
        f.permissions = Permissions{{QStringLiteral("files"), {QStringLiteral("purge"), QStringLiteral("read")}}};
        f.metadata = QJsonObject{{QStringLiteral("host"), QStringLiteral("backup-1")}, {QStringLiteral("slot"), 3}};
        f.rateLimitEnabled = false;
        const auto minted = mintDirect(f);
        QVERIFY(minted);
        const QString id = minted->apiKey.id;
        page.reload();
        QTRY_VERIFY_WITH_TIMEOUT(selectKey(page, id), 10000);
        const int rowsBefore = page.model()->rowCount();
        QVERIFY(page.findChild<QAction *>(QStringLiteral("editAction"))->isEnabled());

        // Enter on the row opens the dialog, prefilled from the key.
        QTest::keyClick(page.view(), Qt::Key_Return);
        auto *dlg = waitForChild<EditKeyDialog>(&page, "editKeyDialog");
        QVERIFY(dlg);
        auto *name = dlg->findChild<QLineEdit *>(QStringLiteral("nameEdit"));
        auto *perms = dlg->findChild<QTableWidget *>(QStringLiteral("permissionsTable"));
        auto *meta = dlg->findChild<QTableWidget *>(QStringLiteral("metadataTable"));
        QCOMPARE(name->text(), QStringLiteral("edit-me"));
        QCOMPARE(perms->rowCount(), 1);
        QCOMPARE(perms->item(0, 0)->text(), QStringLiteral("files"));
        QCOMPARE(perms->item(0, 1)->text(), QStringLiteral("purge"));
        QVERIFY(dlg->findChild<QCheckBox *>(QStringLiteral("permissionCheck:files:read"))->isChecked());
        QVERIFY(!dlg->findChild<QCheckBox *>(QStringLiteral("permissionCheck:files:write"))->isChecked());
        QCOMPARE(meta->rowCount(), 2);
        QVERIFY(dlg->findChild<QLabel *>(QStringLiteral("expiryHint"))->text().contains(QStringLiteral("1d to 365d")));
        QVERIFY(!dlg->findChild<QCheckBox *>(QStringLiteral("rateLimitCheck"))->isChecked());

        // Untouched: nothing to send. One change: only that field (the number in metadata keeps its type).
        QString error;
        (void)dlg->changes(&error);
        QCOMPARE(error, QStringLiteral("Nothing changed."));
        name->setText(QStringLiteral("edited-key"));
        QJsonObject sent = dlg->changes(&error).toJson();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(sent.keys(), QStringList{QStringLiteral("name")});

        // An invalid permission keeps the dialog open with the reason, and nothing reaches the server.
        perms->item(0, 0)->setText(QStringLiteral("bad resource"));
        QTest::mouseClick(dlg->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
        QVERIFY(dlg->banner()->text().contains(QStringLiteral("Permissions")));
        QVERIFY(dlg->isVisible());
        QTest::qWait(200);
        QCOMPARE(serverKey(ownerId, id)->name, QStringLiteral("edit-me"));
        // An expiry under the server's minimum is refused locally, naming the limits.
        auto *expiry = dlg->findChild<QComboBox *>(QStringLiteral("expiryBox"));
        expiry->setCurrentIndex(expiry->findData(qint64(-1)));
        auto *custom = dlg->findChild<QLineEdit *>(QStringLiteral("customExpiryEdit"));
        QVERIFY(custom->isVisible());
        custom->setText(QStringLiteral("2h"));
        perms->item(0, 0)->setText(QStringLiteral("files"));
        QTest::mouseClick(dlg->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
        QVERIFY2(dlg->banner()->text().contains(QStringLiteral("1d to 365d")), qPrintable(dlg->banner()->text()));
        QVERIFY(dlg->isVisible());

        custom->setText(QStringLiteral("10d"));
        perms->item(0, 1)->setText(QStringLiteral("read, write"));
        QTest::mouseClick(dlg->findChild<QToolButton *>(QStringLiteral("addPermissionButton")), Qt::LeftButton);
        perms->item(1, 0)->setText(QStringLiteral("ws"));
        perms->item(1, 1)->setText(QStringLiteral("connect"));
        sent = dlg->changes(&error).toJson();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QStringList sentKeys = sent.keys();
        QCOMPARE(QSet<QString>(sentKeys.cbegin(), sentKeys.cend()),
                 (QSet<QString>{QStringLiteral("name"), QStringLiteral("expiresIn"), QStringLiteral("permissions")}));
        dlg->banner()->dismiss();
        grab(dlg, QStringLiteral("edit-key-dialog.png"));
        QTest::mouseClick(dlg->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(page.findChild<EditKeyDialog *>(QStringLiteral("editKeyDialog")) == nullptr, 10000);

        // The server has the new values; the metadata was not touched; the row changed in place.
        const auto k = serverKey(ownerId, id);
        QVERIFY(k);
        QCOMPARE(k->name, QStringLiteral("edited-key"));
        const Permissions want{{QStringLiteral("files"), {QStringLiteral("read"), QStringLiteral("write")}},
                               {QStringLiteral("ws"), {QStringLiteral("connect")}}};
        QCOMPARE(k->permissions, want);
        QCOMPARE(k->metadata, minted->apiKey.metadata);
        QVERIFY2(qAbs(QDateTime::currentDateTimeUtc().addDays(10).secsTo(k->expiresAt)) < 60, qPrintable(k->expiresAt.toString(Qt::ISODate)));
        QCOMPARE(page.model()->rowCount(), rowsBefore);
        QVERIFY(selectKey(page, id));
        QCOMPARE(page.view()->currentIndex().siblingAtColumn(ApiKeysModel::NameColumn).data().toString(), QStringLiteral("edited-key"));
        QVERIFY(page.banner()->text().contains(QStringLiteral("Saved")));

        // A server-side refusal keeps the dialog and its contents: the key is deleted meanwhile.
        page.openEditDialog();
        dlg = waitForChild<EditKeyDialog>(&page, "editKeyDialog");
        QVERIFY(dlg);
        const auto gone = awaitResult<Done>([&](QObject *c, auto cb) { api().deleteApiKey(id, c, cb); });
        QVERIFY(gone && gone->ok());
        dlg->findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("too-late"));
        dlg->save();
        QTRY_VERIFY_WITH_TIMEOUT(dlg->banner()->text().startsWith(QStringLiteral("Not saved")), 10000);
        QVERIFY(dlg->isVisible());
        QCOMPARE(dlg->findChild<QLineEdit *>(QStringLiteral("nameEdit"))->text(), QStringLiteral("too-late"));
        dlg->reject();
    }

    void rotateWizardFollowsPreviousKey()
    {
        ApiKeysPage page(m_context.get());
        page.resize(1200, 600);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.reload();
        QTRY_VERIFY_WITH_TIMEOUT(!page.owners().isEmpty(), 10000);
        const QString ownerId = page.owners().first().id;
        KeyFields f;
        f.userId = ownerId;
        f.name = QStringLiteral("rotate-me");
        f.expiresIn = 30 * 86400;
        f.rateLimitEnabled = true;   // requestCount is only counted under a rate limit
        f.rateLimitMax = 1000;
        f.rateLimitTimeWindow = 3600;
        const auto minted = mintDirect(f);
        QVERIFY(minted);
        const QString oldId = minted->apiKey.id, oldSecret = minted->secret;
        page.reload();
        QTRY_VERIFY_WITH_TIMEOUT(selectKey(page, oldId), 10000);

        page.findChild<QAction *>(QStringLiteral("rotateAction"))->trigger();
        auto *wizard = waitForChild<RotateKeyDialog>(&page, "rotateKeyDialog");
        QVERIFY(wizard);
        auto *summary = wizard->findChild<QLabel *>(QStringLiteral("overlapSummary"));
        QVERIFY(summary->text().contains(QStringLiteral("keeps working until")));   // 1 hour preselected
        wizard->findChild<QRadioButton *>(QStringLiteral("overlapNone"))->setChecked(true);
        QVERIFY(summary->text().contains(QStringLiteral("as soon as")));
        auto *custom = wizard->findChild<QLineEdit *>(QStringLiteral("customOverlapEdit"));
        QTest::keyClicks(custom, QStringLiteral("soon"));
        QVERIFY(wizard->findChild<QRadioButton *>(QStringLiteral("overlapCustom"))->isChecked());
        QVERIFY(!wizard->findChild<QPushButton *>(QStringLiteral("rotateButton"))->isEnabled());   // unreadable
        custom->clear();
        QTest::keyClicks(custom, QStringLiteral("90s"));
        QCOMPARE(wizard->overlapSeconds(), std::optional<qint64>(90));
        const QString until = QDateTime::currentDateTime().addSecs(90).toString(QStringLiteral("HH:mm"));
        QVERIFY2(summary->text().contains(until), qPrintable(summary->text()));
        grab(wizard, QStringLiteral("rotate-wizard-overlap.png"));
        const QDateTime t0 = QDateTime::currentDateTimeUtc();
        QTest::mouseClick(wizard->findChild<QPushButton *>(QStringLiteral("rotateButton")), Qt::LeftButton);

        // The new secret, once, while the wizard waits hidden.
        auto *reveal = waitForChild<RevealKeyDialog>(&page, "revealKeyDialog");
        QVERIFY(reveal);
        QVERIFY(!wizard->isVisible());
        const QString newSecret = reveal->findChild<QLabel *>(QStringLiteral("secretField"))->text();
        QVERIFY(newSecret != oldSecret);
        QCOMPARE(keyOwner(newSecret), ownerId);
        const auto prevOnServer = serverKey(ownerId, oldId);
        QVERIFY(prevOnServer);
        const qint64 drift = t0.addSecs(90).secsTo(prevOnServer->expiresAt);
        QVERIFY2(drift >= -2 && drift <= 5, qPrintable(QString::number(drift)));
        QTest::mouseClick(reveal->findChild<QPushButton *>(QStringLiteral("copySecretButton")), Qt::LeftButton);
        reveal->reject();
        m_context->clipboard()->clearSecret();

        // The follow-up: non-modal, the previous key's expiry and traffic, refreshed every 10 s.
        QTRY_VERIFY_WITH_TIMEOUT(wizard->isFollowingUp(), 10000);
        QCOMPARE(wizard->windowModality(), Qt::NonModal);
        QVERIFY(wizard->refreshTimer()->isActive());
        QCOMPARE(wizard->refreshTimer()->interval(), 10000);
        auto *lastUsed = wizard->findChild<QLabel *>(QStringLiteral("previousLastUsed"));
        auto *requests = wizard->findChild<QLabel *>(QStringLiteral("previousRequests"));
        QTRY_VERIFY_WITH_TIMEOUT(wizard->findChild<QLabel *>(QStringLiteral("refreshStatus"))->text().startsWith(QStringLiteral("Checked")), 10000);
        QCOMPARE(lastUsed->text(), QStringLiteral("never"));
        QVERIFY(requests->text().startsWith(QStringLiteral("0 ")));
        QVERIFY(wizard->findChild<QLabel *>(QStringLiteral("previousExpires"))->text().contains(
            prevOnServer->expiresAt.toLocalTime().toString(QStringLiteral("HH:mm:ss"))));

        // A client still on the old key: the next timed refresh shows it.
        QCOMPARE(keyOwner(oldSecret), ownerId);
        QTRY_VERIFY_WITH_TIMEOUT(requests->text().startsWith(QStringLiteral("1 ")), 15000);
        QVERIFY(lastUsed->text() != QLatin1String("never"));
        QVERIFY(wizard->previous() && wizard->previous()->lastRequest.isValid());
        grab(wizard, QStringLiteral("rotate-wizard.png"));

        // Retire it early: asks first, then the old key is refused and the new one keeps working.
        Dialogs::setNextAnswer(false);
        QTest::mouseClick(wizard->findChild<QPushButton *>(QStringLiteral("retireButton")), Qt::LeftButton);
        QTest::qWait(300);
        QVERIFY(serverKey(ownerId, oldId));
        Dialogs::setNextAnswer(true);
        QTest::mouseClick(wizard->findChild<QPushButton *>(QStringLiteral("retireButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(wizard->banner()->text().contains(QStringLiteral("Retired")), 10000);
        QVERIFY(!wizard->refreshTimer()->isActive());
        QCOMPARE(keyOwner(oldSecret), QString());
        QCOMPARE(keyOwner(newSecret), ownerId);
        // The retired key was the one picked: nothing else (the new key) is selected in its place, and the
        // destructive actions are off.
        QTRY_VERIFY_WITH_TIMEOUT(!page.view()->selectionModel()->hasSelection(), 10000);
        QVERIFY(!page.view()->selectionModel()->currentIndex().isValid());
        QVERIFY(!page.findChild<QAction *>(QStringLiteral("revokeAction"))->isEnabled());
        QVERIFY(!page.findChild<QAction *>(QStringLiteral("rotateAction"))->isEnabled());
        QVERIFY(!selectKey(page, oldId));   // gone from the table too
        QTest::mouseClick(wizard->findChild<QPushButton *>(QStringLiteral("closeButton")), Qt::LeftButton);
        QTRY_VERIFY(page.findChild<RotateKeyDialog *>(QStringLiteral("rotateKeyDialog")) == nullptr);
    }

    void editKeepsFormWhenSessionEnds()
    {
        ApiKeysPage page(m_context.get());
        page.show();
        page.reload();
        QTRY_VERIFY_WITH_TIMEOUT(!page.owners().isEmpty(), 10000);
        KeyFields f;
        f.userId = page.owners().first().id;
        f.name = QStringLiteral("edit-401");
        const auto minted = mintDirect(f);
        QVERIFY(minted);
        page.reload();
        QTRY_VERIFY_WITH_TIMEOUT(selectKey(page, minted->apiKey.id), 10000);
        page.openEditDialog();
        auto *dlg = waitForChild<EditKeyDialog>(&page, "editKeyDialog");
        QVERIFY(dlg);
        dlg->findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("edit-401b"));
        // The server no longer knows the session: a real 401.
        m_services->session()->set(TestEnv::endpointFor(m_server.url()), QStringLiteral("not-a-session-token"), m_info, false);
        dlg->save();
        QTRY_VERIFY_WITH_TIMEOUT(dlg->banner()->text().contains(QStringLiteral("session ended")), 10000);
        QVERIFY(dlg->isVisible());
        QCOMPARE(dlg->findChild<QLineEdit *>(QStringLiteral("nameEdit"))->text(), QStringLiteral("edit-401b"));
        bool offered = false;
        for (QPushButton *b : dlg->banner()->findChildren<QPushButton *>())
            offered |= b->isVisible() && b->text().contains(QStringLiteral("Sign in again"));
        QVERIFY(offered);
        // Back with a valid session, the same form saves.
        m_services->session()->set(TestEnv::endpointFor(m_server.url()), m_token, m_info, false);
        dlg->save();
        QTRY_VERIFY_WITH_TIMEOUT(page.findChild<EditKeyDialog *>(QStringLiteral("editKeyDialog")) == nullptr, 10000);
        QCOMPARE(serverKey(f.userId, minted->apiKey.id)->name, QStringLiteral("edit-401b"));
    }

    // The create's reply is lost after the server minted (issue 10 item 6): the dialog says so, finds the key,
    // and offers the same request again (same requestId), which the server answers with the first reply:
    // the same key and its secret, and nothing minted twice.
    // A test that routed the session through a proxy and failed half-way leaves it there: the next starts direct.
    void cleanup()
    {
        if (m_services && !m_token.isEmpty())
            m_services->session()->set(TestEnv::endpointFor(m_server.url()), m_token, m_info, false);
    }

    void lostCreateReplyIsReported()
    {
        DroppingProxy proxy(quint16(m_server.url().port()), "/console/api-keys/create", 1);
        QVERIFY(proxy.listenLocal());
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
        const QString ownerId = dlg->findChild<QComboBox *>(QStringLiteral("ownerBox"))->currentData().toString();
        QList<MintedKey> got;
        connect(dlg, &MintKeyDialog::minted, this, [&](const MintedKey &m, const QString &) { got << m; });
        dlg->mint();
        QTRY_VERIFY_WITH_TIMEOUT(dlg->banner()->text().contains(QStringLiteral("ask for it again")), 20000);
        QCOMPARE(proxy.dropped, 1);
        QVERIFY(dlg->isVisible());   // nothing silently lost: the dialog stays with the report
        QVERIFY(dlg->findChild<QLineEdit *>(QStringLiteral("nameEdit"))->text() == QLatin1String("lost-key"));
        const QList<ApiKey> orphans = keysNamed(ownerId, QStringLiteral("lost-key"));
        QCOMPARE(orphans.size(), 1);
        QVERIFY(dlg->banner()->text().contains(orphans.first().id));
        QCOMPARE(proxy.forwarded, 1);   // the network layer did not re-send it

        QVERIFY(pressBannerAction(dlg->banner(), QStringLiteral("Get the secret")));
        QTRY_COMPARE_WITH_TIMEOUT(got.size(), 1, 10000);
        QCOMPARE(proxy.forwarded, 2);
        QCOMPARE(got.first().apiKey.id, orphans.first().id);
        QCOMPARE(keyOwner(got.first().secret), ownerId);
        QCOMPARE(keysNamed(ownerId, QStringLiteral("lost-key")).size(), 1);
        closeRevealDialogs();
        m_services->session()->set(TestEnv::endpointFor(m_server.url()), m_token, m_info, false);
    }

    // Issue 10 item 5: a rotate whose reply is lost never reads "Not rotated". The dialog reads back what the
    // server holds (the old key now retiring, the new key without its secret), does not offer Rotate again
    // (it would mint another key), and gets the new secret back under the same request id.
    void lostRotateReplyIsReconciledAndRecovered()
    {
        ApiKeysPage page(m_context.get());
        page.reload();
        QTRY_VERIFY_WITH_TIMEOUT(!page.owners().isEmpty(), 10000);
        const QString ownerId = page.owners().first().id;
        KeyFields f;
        f.userId = ownerId;
        f.name = QStringLiteral("rot-lost");
        f.rateLimitEnabled = false;
        const auto minted = mintDirect(f);
        QVERIFY(minted);

        DroppingProxy proxy(quint16(m_server.url().port()), "/console/api-keys/rotate", 1);
        QVERIFY(proxy.listenLocal());
        m_services->session()->set(TestEnv::endpointFor(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(proxy.serverPort()))),
                                   m_token, m_info, false);
        RotateKeyDialog dlg(m_context.get(), minted->apiKey, QStringLiteral("svc-gui"));
        dlg.show();
        dlg.setOverlapSeconds(300);
        QList<MintedKey> got;
        connect(&dlg, &RotateKeyDialog::rotated, this, [&](const MintedKey &m) { got << m; });
        const QDateTime t0 = QDateTime::currentDateTimeUtc();
        dlg.rotate();
        QTRY_VERIFY_WITH_TIMEOUT(dlg.lostReply().has_value(), 20000);
        QCOMPARE(proxy.dropped, 1);
        QCOMPARE(proxy.forwarded, 1);
        QCOMPARE(dlg.lostReply()->outcome, RotationState::Outcome::Rotated);
        const QString text = dlg.banner()->text();
        QVERIFY2(!text.contains(QStringLiteral("Not rotated")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("The rotation reached the server")), qPrintable(text));
        const auto oldNow = serverKey(ownerId, minted->apiKey.id);
        QVERIFY(oldNow && oldNow->expiresAt.isValid());
        QVERIFY(qAbs(t0.addSecs(300).secsTo(oldNow->expiresAt)) <= 5);
        QVERIFY2(text.contains(QStringLiteral("now stops working at ") + toIsoString(oldNow->expiresAt)), qPrintable(text));
        QCOMPARE(dlg.lostReply()->newKeys.size(), 1);
        const QString newId = dlg.lostReply()->newKeys.first().id;
        QVERIFY(text.contains(newId));
        QCOMPARE(keysNamed(ownerId, QStringLiteral("rot-lost")).size(), 2);
        QVERIFY(!dlg.findChild<QPushButton *>(QStringLiteral("rotateButton"))->isEnabled());

        QVERIFY(pressBannerAction(dlg.banner(), QStringLiteral("Get the new secret")));
        QTRY_COMPARE_WITH_TIMEOUT(got.size(), 1, 10000);
        QCOMPARE(proxy.forwarded, 2);
        QCOMPARE(got.first().apiKey.id, newId);
        QCOMPARE(keyOwner(got.first().secret), ownerId);
        QCOMPARE(keysNamed(ownerId, QStringLiteral("rot-lost")).size(), 2);   // old + one new, never two new
        closeRevealDialogs();
        m_services->session()->set(TestEnv::endpointFor(m_server.url()), m_token, m_info, false);
    }

    // The server's refusals, in its words: an overlap above its cap.
    void rotateOverlapTooLongIsShown()
    {
        ApiKeysPage page(m_context.get());
        page.reload();
        QTRY_VERIFY_WITH_TIMEOUT(!page.owners().isEmpty(), 10000);
        KeyFields f;
        f.userId = page.owners().first().id;
        f.name = QStringLiteral("rot-cap");
        f.rateLimitEnabled = false;
        const auto minted = mintDirect(f);
        QVERIFY(minted);
        RotateKeyDialog dlg(m_context.get(), minted->apiKey, QStringLiteral("svc-gui"));
        dlg.show();
        dlg.setOverlapSeconds(31 * 86400);
        dlg.rotate();
        QTRY_VERIFY_WITH_TIMEOUT(dlg.banner()->text().startsWith(QStringLiteral("Not rotated")), 10000);
        QVERIFY2(dlg.banner()->text().contains(QStringLiteral("at most 2592000")), qPrintable(dlg.banner()->text()));
        QVERIFY(!dlg.lostReply());
        QCOMPARE(keysNamed(f.userId, QStringLiteral("rot-cap")).size(), 1);
    }
};

QTEST_MAIN(TestKeysGui)
#include "tst_keys_gui.moc"
