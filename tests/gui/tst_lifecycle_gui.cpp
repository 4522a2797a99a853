// Issue 13 items 1 and 2 in the GUI (h-lifecycle), offscreen, against the real dev server: the service-user
// actions (rename, delete with a confirmation that counts the keys, disable/enable), multi-selection with one
// confirmation and a result row per item in the users, keys and sessions tables, partial failures visible
// (a user deleted behind the page's back, a key already revoked, this console's own session not sent).
#include "DevServer.h"
#include "TestEnv.h"
#include "gui/ApiKeysPage.h"
#include "gui/AppContext.h"
#include "gui/BulkResultDialog.h"
#include "gui/Dialogs.h"
#include "gui/MessageBanner.h"
#include "gui/ServiceUsersPage.h"
#include "gui/SessionsPage.h"
#include "net/ConsoleApi.h"
#include "services/BulkRun.h"
#include "services/Services.h"
#include "services/models/ApiKeysModel.h"
#include "services/models/ServiceUsersModel.h"
#include "services/models/UserSessionsModel.h"

#include <QAction>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

class TestLifecycleGui : public QObject
{
    Q_OBJECT
private:
    DevServer m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<Services> m_services;
    std::unique_ptr<AppContext> m_context;

    static QString S(const char *s) { return QString::fromUtf8(s); }
    ConsoleApi &api() { return *m_services->console(); }

    void grab(QWidget *w, const QString &name)
    {
        const QString dir = qEnvironmentVariable("PIKKU_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            w->grab().save(dir + QLatin1Char('/') + name);
    }

    QString createUser(const QString &name)
    {
        const auto r = awaitResult<ServiceUser>([&](QObject *c, auto cb) { api().createServiceUser(name, {}, c, cb); });
        return r && r->ok() ? r->value().id : QString();
    }

    QString mint(const QString &userId, const QString &name)
    {
        KeyFields f;
        f.userId = userId;
        f.name = name;
        f.rateLimitEnabled = false;
        const auto r = awaitResult<MintedKey>([&](QObject *c, auto cb) { api().createApiKey(f, c, cb); });
        return r && r->ok() ? r->value().apiKey.id : QString();
    }

    // Selects the rows whose `role` is one of ids (in a view over a proxy).
    static int selectRows(QTableView *view, int role, const QStringList &ids)
    {
        view->clearSelection();
        int n = 0;
        for (int r = 0; r < view->model()->rowCount(); ++r) {
            const QModelIndex i = view->model()->index(r, 0);
            if (ids.contains(i.data(role).toString())) {
                view->selectionModel()->select(i, QItemSelectionModel::Select | QItemSelectionModel::Rows);
                view->selectionModel()->setCurrentIndex(i, QItemSelectionModel::NoUpdate);
                ++n;
            }
        }
        return n;
    }

    static int rowOf(QAbstractItemModel *m, int role, const QString &id)
    {
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->index(r, 0).data(role).toString() == id)
                return r;
        return -1;
    }

    // The result dialog's row for an item (its text contains the id): {state, result}.
    static QPair<QString, QString> resultFor(BulkResultDialog *d, const QString &id)
    {
        QTableWidget *t = d->table();
        for (int r = 0; r < t->rowCount(); ++r)
            if (t->item(r, BulkResultDialog::ItemColumn)->text().contains(id))
                return {t->item(r, BulkResultDialog::StateColumn)->text(), t->item(r, BulkResultDialog::ResultColumn)->text()};
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        m_services = std::make_unique<Services>(std::make_unique<SystemClock>(), new MemorySecretStore,
                                                new QSettings(m_dir.filePath(S("s.ini")), QSettings::IniFormat));
        m_context = std::make_unique<AppContext>(m_services.get());
        const ServerEndpoint e = TestEnv::endpointFor(m_server.url());
        const QString token = TestEnv::adminToken(m_services->http(), e);
        QVERIFY(!token.isEmpty());
        const auto r = awaitResult<SignInOutcome>([&](QObject *c, auto cb) { m_services->auth()->completeSignIn(e, token, c, cb); });
        QVERIFY(r && r->ok());
    }

    // Item 1: rename one user; delete asks once, counting the keys it takes ("deletes 2 keys"), and the
    // result row says how many went.
    void renameAndDeleteCountingKeys()
    {
        const QString a = createUser(S("gui-doomed"));
        QVERIFY(!mint(a, S("k1")).isEmpty() && !mint(a, S("k2")).isEmpty());
        ServiceUsersPage page(m_context.get());
        page.resize(1100, 700);
        page.show();
        page.reload();
        QTRY_VERIFY(rowOf(page.table()->model(), ServiceUsersModel::UserIdRole, a) >= 0);
        auto *rename = page.findChild<QPushButton *>(S("renameUserButton"));
        auto *del = page.findChild<QPushButton *>(S("deleteUserButton"));
        QVERIFY(rename && del);
        QVERIFY(!rename->isEnabled() && !del->isEnabled());
        QCOMPARE(selectRows(page.table(), ServiceUsersModel::UserIdRole, {a}), 1);
        QVERIFY(rename->isEnabled() && del->isEnabled());

        rename->click();
        QInputDialog *dlg = nullptr;
        QTRY_VERIFY((dlg = page.findChild<QInputDialog *>(S("renameUserDialog"))) != nullptr);
        QCOMPARE(dlg->textValue(), S("gui-doomed"));
        grab(dlg, S("service-user-rename.png"));
        dlg->setTextValue(S("gui-doomed-<b>2</b>"));
        dlg->accept();
        QTRY_COMPARE(page.table()->model()->index(rowOf(page.table()->model(), ServiceUsersModel::UserIdRole, a), 0).data().toString(),
                     S("gui-doomed-<b>2</b>"));

        QCOMPARE(selectRows(page.table(), ServiceUsersModel::UserIdRole, {a}), 1);
        Dialogs::setNextAnswer(true);
        del->click();
        BulkResultDialog *result = nullptr;
        QTRY_VERIFY((result = page.findChild<BulkResultDialog *>()) != nullptr);
        const QString q = Dialogs::lastQuestion();
        QVERIFY2(q.contains(S("This deletes 2 keys with them")), qPrintable(q));
        QVERIFY2(q.contains(S("gui-doomed-&lt;b&gt;2&lt;/b&gt;")), qPrintable(q));   // a name is text, not markup
        QTRY_VERIFY(result->run()->isFinished());
        QCOMPARE(resultFor(result, a).first, S("done"));
        QCOMPARE(resultFor(result, a).second, S("deleted, with 2 keys"));
        QTRY_COMPARE(rowOf(page.table()->model(), ServiceUsersModel::UserIdRole, a), -1);
        result->close();
    }

    // Item 2 on service users: three selected, one deleted behind the page's back; one confirmation
    // naming all three, then two done and one FAILED (NOT_FOUND), visible in the result dialog.
    void bulkDisableShowsPartialFailure()
    {
        const QString b = createUser(S("bulk-b")), c = createUser(S("bulk-c")), d = createUser(S("bulk-d"));
        mint(b, S("b1"));
        mint(b, S("b2"));
        mint(c, S("c1"));
        ServiceUsersPage page(m_context.get());
        page.resize(1100, 700);
        page.show();
        page.reload();
        QTRY_VERIFY(rowOf(page.table()->model(), ServiceUsersModel::UserIdRole, d) >= 0);
        QCOMPARE(selectRows(page.table(), ServiceUsersModel::UserIdRole, {b, c, d}), 3);
        QVERIFY(!page.findChild<QPushButton *>(S("renameUserButton"))->isEnabled());   // rename takes one
        const auto gone = awaitResult<int>([&](QObject *ctx, auto cb) { api().deleteServiceUser(d, ctx, cb); });
        QVERIFY(gone && gone->ok());

        Dialogs::setNextAnswer(true);
        page.findChild<QPushButton *>(S("disableUserButton"))->click();
        BulkResultDialog *result = nullptr;
        QTRY_VERIFY((result = page.findChild<BulkResultDialog *>()) != nullptr);
        const QString q = Dialogs::lastQuestion();
        QVERIFY2(q.startsWith(S("<p>Disable 3 service users?")), qPrintable(q));
        for (const QString &id : {b, c, d})
            QVERIFY2(q.contains(id), qPrintable(q));
        QTRY_VERIFY(result->run()->isFinished());
        QCOMPARE(result->table()->rowCount(), 3);
        QCOMPARE(resultFor(result, b), qMakePair(S("done"), S("disabled, with 2 keys")));
        QCOMPARE(resultFor(result, c), qMakePair(S("done"), S("disabled, with 1 key")));
        QCOMPARE(resultFor(result, d).first, S("FAILED"));
        QVERIFY2(resultFor(result, d).second.startsWith(S("NOT_FOUND")), qPrintable(resultFor(result, d).second));
        QVERIFY2(result->summaryText().contains(S("2 done, 1 failed")), qPrintable(result->summaryText()));
        QVERIFY(result->findChild<QPushButton *>(S("bulkCloseButton"))->isEnabled());
        result->resize(760, 300);
        grab(result, S("bulk-result.png"));
        QTRY_COMPARE(page.banner()->text(), S("Disable 3 service users: 2 done, 1 failed."));
        QTRY_VERIFY(rowOf(page.table()->model(), ServiceUsersModel::UserIdRole, b) >= 0);   // reloaded
        const int rb = rowOf(page.table()->model(), ServiceUsersModel::UserIdRole, b);
        QTRY_COMPARE(page.table()->model()->index(rb, 0).data(ServiceUsersModel::BannedRole).toBool(), true);
        grab(&page, S("service-users-actions.png"));
        QPointer<BulkResultDialog> first(result);
        result->close();
        QTRY_VERIFY(!first);

        // and back: enable both
        QCOMPARE(selectRows(page.table(), ServiceUsersModel::UserIdRole, {b, c}), 2);
        Dialogs::setNextAnswer(true);
        page.findChild<QPushButton *>(S("enableUserButton"))->click();
        QTRY_VERIFY((result = page.findChild<BulkResultDialog *>()) != nullptr);
        QTRY_VERIFY(result->run()->isFinished());
        QCOMPARE(resultFor(result, b), qMakePair(S("done"), S("enabled; 2 keys on again")));
        result->close();
    }

    // Item 2 on keys: several selected (one revoked behind the page's back); the one-key actions are
    // off while several are selected; one confirmation; a row per key.
    void keysBulkRevoke()
    {
        const QString owner = createUser(S("keys-owner"));
        const QString k1 = mint(owner, S("r1")), k2 = mint(owner, S("r2")), k3 = mint(owner, S("r3"));
        ApiKeysPage page(m_context.get());
        page.resize(1100, 700);
        page.show();
        page.reload();
        QTRY_VERIFY(rowOf(page.view()->model(), ApiKeysModel::KeyIdRole, k3) >= 0);
        auto *bulk = page.findChild<QToolButton *>(S("bulkKeysButton"));
        QVERIFY(bulk);
        QCOMPARE(selectRows(page.view(), ApiKeysModel::KeyIdRole, {k1, k2, k3}), 3);
        QVERIFY(bulk->isEnabled());
        QCOMPARE(bulk->text(), S("Selected keys (3)"));
        QVERIFY(!page.findChild<QAction *>(S("revokeAction"))->isEnabled());   // would act on one row only
        const auto gone = awaitResult<Done>([&](QObject *ctx, auto cb) { api().deleteApiKey(k2, ctx, cb); });
        QVERIFY(gone && gone->ok());

        Dialogs::setNextAnswer(true);
        page.findChild<QAction *>(S("bulkRevokeKeysAction"))->trigger();
        BulkResultDialog *result = nullptr;
        QTRY_VERIFY((result = page.findChild<BulkResultDialog *>()) != nullptr);
        QVERIFY2(Dialogs::lastQuestion().startsWith(S("<p>Revoke 3 keys?")), qPrintable(Dialogs::lastQuestion()));
        QTRY_VERIFY(result->run()->isFinished());
        QCOMPARE(resultFor(result, k1).first, S("done"));
        QCOMPARE(resultFor(result, k3).first, S("done"));
        QCOMPARE(resultFor(result, k2).first, S("FAILED"));
        QTRY_COMPARE(rowOf(page.view()->model(), ApiKeysModel::KeyIdRole, k1), -1);
        result->close();
    }

    // Item 2 on sessions: two other sessions and this console's own; the own one is not sent (its row
    // says why), the two are revoked; this console stays signed in.
    void sessionsBulkRevokeKeepsOwnSession()
    {
        const ServerEndpoint e = TestEnv::endpointFor(m_server.url());
        const QString t1 = TestEnv::adminToken(m_services->http(), e), t2 = TestEnv::adminToken(m_services->http(), e);
        AuthApi auth(m_services->http(), e);
        const auto idOf = [&](const QString &t) {
            const auto r = awaitResult<SessionInfo>([&](QObject *c, auto cb) { auth.getSession(t, c, cb); });
            return r && r->ok() ? r->value().sessionId : QString();
        };
        const QString s1 = idOf(t1), s2 = idOf(t2), own = m_services->session()->sessionId();
        QVERIFY(!s1.isEmpty() && !s2.isEmpty() && !own.isEmpty());
        SessionsPage page(m_context.get());
        page.resize(1100, 700);
        page.show();
        page.reload();
        QTRY_VERIFY(rowOf(page.sessionsTable()->model(), UserSessionsModel::SessionIdRole, s2) >= 0);
        QCOMPARE(selectRows(page.sessionsTable(), UserSessionsModel::SessionIdRole, {s1, s2, own}), 3);
        Dialogs::setNextAnswer(true);
        page.revokeSelected();
        BulkResultDialog *result = nullptr;
        QTRY_VERIFY((result = page.findChild<BulkResultDialog *>()) != nullptr);
        QTRY_VERIFY(result->run()->isFinished());
        QCOMPARE(resultFor(result, s1).first, S("done"));
        QCOMPARE(resultFor(result, s2).first, S("done"));
        QCOMPARE(resultFor(result, own).first, S("not sent"));
        QVERIFY(resultFor(result, own).second.contains(S("own session")));
        QCOMPARE(idOf(t1), QString());
        QVERIFY(m_services->session()->isSignedIn());
        QTRY_COMPARE(rowOf(page.sessionsTable()->model(), UserSessionsModel::SessionIdRole, s1), -1);
        QVERIFY(rowOf(page.sessionsTable()->model(), UserSessionsModel::SessionIdRole, own) >= 0);
        result->close();
    }
};

QTEST_MAIN(TestLifecycleGui)
#include "tst_lifecycle_gui.moc"
