// ApiKeysModel paging against the real dev server with 250 seeded keys (+2 of a second owner), pages of
// 100: fetchMore step by step (100 → 200 → 252, then no more), newest first with no duplicates, the same
// under QAbstractItemModelTester (which pages by itself), the owner filter resetting and refetching, and a
// refresh while a page is in flight not mixing generations.
#include "DevServer.h"
#include "TestEnv.h"
#include "services/Services.h"
#include "core/Session.h"
#include "services/models/ApiKeysModel.h"
#include "net/ConsoleApi.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestApiKeysModel : public QObject
{
    Q_OBJECT
private:
    DevServer m_server{DevServer::Options{QStringLiteral("1s"), QStringLiteral("2min"), {QStringLiteral("--seed-keys"), QStringLiteral("250")}}};
    QTemporaryDir m_dir;
    std::unique_ptr<Services> m_services;
    QString m_otherOwner;   // a second service user with two keys of its own

    std::unique_ptr<ApiKeysModel> newModel()
    {
        auto m = std::make_unique<ApiKeysModel>(m_services->console());
        m->setPageSize(100);
        return m;
    }

    static QStringList ids(const ApiKeysModel &m)
    {
        QStringList out;
        for (int r = 0; r < m.rowCount(); ++r)
            out << m.key(r).id;
        return out;
    }

    static bool newestFirst(const ApiKeysModel &m, QString *why)
    {
        for (int r = 1; r < m.rowCount(); ++r) {
            if (m.key(r - 1).createdAt < m.key(r).createdAt) {
                *why = QStringLiteral("row %1 (%2) is older than row %3 (%4)")
                           .arg(r - 1).arg(m.key(r - 1).createdAt.toString(Qt::ISODateWithMs))
                           .arg(r).arg(m.key(r).createdAt.toString(Qt::ISODateWithMs));
                return false;
            }
        }
        return true;
    }

    // Waits until nothing is loading and nothing more can be fetched, then a little longer for stragglers.
    static bool settle(ApiKeysModel &m)
    {
        const bool ok = QTest::qWaitFor([&] { return !m.isLoading() && !m.canFetchMore({}); }, 30000);
        QTest::qWait(300);
        return ok && !m.isLoading();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        m_services = std::make_unique<Services>(std::make_unique<SystemClock>(), new MemorySecretStore,
                                                new QSettings(m_dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat));
        const ServerEndpoint e = TestEnv::endpointFor(m_server.url());
        const QString token = TestEnv::adminToken(m_services->http(), e);
        QVERIFY(!token.isEmpty());
        const auto r = awaitResult<SignInOutcome>([&](QObject *c, auto cb) { m_services->auth()->completeSignIn(e, token, c, cb); });
        QVERIFY(r && r->ok());

        ConsoleApi api(m_services->http(), m_services->session());
        const auto u = awaitResult<ServiceUser>([&](QObject *c, auto cb) {
            api.createServiceUser(QStringLiteral("svc-other"), QString(), c, cb);
        });
        QVERIFY(u && u->ok());
        m_otherOwner = u->value().id;
        for (const char *name : {"other-a", "other-b"}) {
            KeyFields f;
            f.userId = m_otherOwner;
            f.name = QLatin1String(name);
            f.rateLimitEnabled = false;
            const auto k = awaitResult<MintedKey>([&](QObject *c, auto cb) { api.createApiKey(f, c, cb); });
            QVERIFY2(k && k->ok(), k ? qPrintable(k->error().userMessage()) : "no answer");
        }
    }

    // Page by page, as a view scrolling to the end would ask. No tester here: it calls fetchMore() itself
    // on every rowsInserted (see underModelTester), which would hide the steps.
    void pagesStepByStep()
    {
        auto model = newModel();
        QSignalSpy pages(model.get(), &ApiKeysModel::pageLoaded);
        model->setOwnerFilter({});   // all keys of all service users: 250 seeded + 2
        QTRY_COMPARE_WITH_TIMEOUT(pages.count(), 1, 15000);
        QCOMPARE(model->rowCount(), 100);
        QCOMPARE(model->total(), 252);
        QVERIFY(model->canFetchMore({}));

        model->fetchMore({});
        QVERIFY(model->isLoading());
        QVERIFY(!model->canFetchMore({}));   // one page at a time
        QTRY_COMPARE_WITH_TIMEOUT(pages.count(), 2, 15000);
        QCOMPARE(model->rowCount(), 200);
        QVERIFY(model->canFetchMore({}));

        model->fetchMore({});
        QTRY_COMPARE_WITH_TIMEOUT(pages.count(), 3, 15000);
        QCOMPARE(model->rowCount(), 252);
        QCOMPARE(pages.last().at(0).toInt(), 252);
        QCOMPARE(pages.last().at(1).toInt(), 252);
        QVERIFY(!model->canFetchMore({}));
        model->fetchMore({});                // a no-op now
        QTest::qWait(200);
        QCOMPARE(pages.count(), 3);
        QVERIFY(!model->isLoading());

        const QStringList all = ids(*model);
        QCOMPARE(QSet<QString>(all.begin(), all.end()).size(), 252);   // no duplicates across pages
        QString why;
        QVERIFY2(newestFirst(*model, &why), qPrintable(why));
        // The two keys minted in initTestCase are the newest; the seeded ones follow in creation order.
        QVERIFY(model->key(0).name.startsWith(QStringLiteral("other-")));
        QVERIFY(model->key(1).name.startsWith(QStringLiteral("other-")));
        QCOMPARE(model->key(2).name, QStringLiteral("bulk-000000"));
        QCOMPARE(model->key(251).name, QStringLiteral("bulk-000249"));
        QCOMPARE(model->index(2, ApiKeysModel::NameColumn).data().toString(), QStringLiteral("bulk-000000"));
        QCOMPARE(model->index(2, 0).data(ApiKeysModel::KeyIdRole).toString(), model->key(2).id);
    }

    // QAbstractItemModelTester checks every signal and calls canFetchMore()/fetchMore() after each change,
    // so it pages through everything by itself: fetchMore() re-entered from inside endInsertRows().
    void underModelTester()
    {
        auto model = newModel();
        QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy pages(model.get(), &ApiKeysModel::pageLoaded);
        model->setOwnerFilter({});
        QVERIFY(settle(*model));
        // The tester calls fetchMore() from rowsAboutToBeInserted: the model must not ask for the same
        // offset again while a page's rows go in (it did, and appended a page twice: 352 rows).
        QCOMPARE(model->rowCount(), 252);
        QCOMPARE(pages.count(), 3);          // 100 + 100 + 52, nothing fetched twice
        QVERIFY(!model->canFetchMore({}));
        const QStringList all = ids(*model);
        QCOMPARE(QSet<QString>(all.begin(), all.end()).size(), 252);
        QString why;
        QVERIFY2(newestFirst(*model, &why), qPrintable(why));
    }

    // better-auth counts requests only under a rate limit: without one the column says so instead of "0".
    void requestsAreShownOnlyWhereTheServerCountsThem()
    {
        auto model = newModel();
        ApiKey counted;
        counted.id = QStringLiteral("counted");
        counted.rateLimitEnabled = true;
        counted.rateLimitMax = 100;
        counted.rateLimitTimeWindow = 3600;
        counted.requestCount = 7;
        ApiKey uncounted;
        uncounted.id = QStringLiteral("uncounted");
        uncounted.rateLimitEnabled = false;
        uncounted.lastRequest = QDateTime::currentDateTimeUtc();
        model->upsert(counted);
        model->upsert(uncounted);
        const auto cell = [&](const QString &id, int role) {
            for (int r = 0; r < model->rowCount(); ++r)
                if (model->key(r).id == id)
                    return model->index(r, ApiKeysModel::RequestsColumn).data(role);
            return QVariant();
        };
        QCOMPARE(cell(QStringLiteral("counted"), Qt::DisplayRole).toLongLong(), 7);
        QVERIFY(cell(QStringLiteral("counted"), Qt::ToolTipRole).toString().contains(QStringLiteral("every hour")));
        QCOMPARE(cell(QStringLiteral("uncounted"), Qt::DisplayRole).toString(), QStringLiteral("—"));
        QVERIFY(cell(QStringLiteral("uncounted"), Qt::ToolTipRole).toString().contains(QStringLiteral("Not counted")));
    }

    void ownerFilterResetsAndRefetches()
    {
        auto model = newModel();   // no tester: see underModelTester
        QSignalSpy resets(model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy pages(model.get(), &ApiKeysModel::pageLoaded);
        model->setOwnerFilter({});
        QTRY_COMPARE_WITH_TIMEOUT(pages.count(), 1, 15000);
        QCOMPARE(model->rowCount(), 100);
        model->fetchMore({});                // a second page in flight when the filter changes

        const int before = int(resets.count());
        model->setOwnerFilter(m_otherOwner);
        QCOMPARE(model->ownerFilter(), m_otherOwner);
        QCOMPARE(resets.count(), before + 1);
        QCOMPARE(model->rowCount(), 0);      // reset at once, not after the answer
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, 15000);
        QCOMPARE(model->total(), 2);
        QVERIFY(!model->canFetchMore({}));
        for (int r = 0; r < model->rowCount(); ++r)
            QCOMPARE(model->key(r).userId, m_otherOwner);
        QTest::qWait(300);
        QCOMPARE(model->rowCount(), 2);      // no late page of the unfiltered list lands here

        model->setOwnerFilter({});           // back to everyone: the first page again
        QCOMPARE(model->rowCount(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 100, 15000);
        QCOMPARE(model->total(), 252);
        QCOMPARE(model->key(0).userId, m_otherOwner);   // the newest keys are the other owner's
        QVERIFY(model->canFetchMore({}));
    }

    void refreshWhileAPageIsInFlight()
    {
        auto model = newModel();
        QSignalSpy pages(model.get(), &ApiKeysModel::pageLoaded);
        QSignalSpy failed(model.get(), &ApiKeysModel::loadFailed);
        model->setOwnerFilter({});
        QTRY_COMPARE_WITH_TIMEOUT(pages.count(), 1, 15000);
        const QString first = model->key(0).id;

        model->fetchMore({});                // page 2 (offset 100) in flight...
        QVERIFY(model->isLoading());
        model->refresh();                    // ...and a new generation starts from offset 0
        QCOMPARE(model->rowCount(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(pages.count(), 2, 15000);
        QTest::qWait(500);                   // let a stale page 2 land, if it was going to
        QCOMPARE(pages.count(), 2);
        QCOMPARE(failed.count(), 0);         // the aborted call is not reported as a failure
        QCOMPARE(model->rowCount(), 100);
        QCOMPARE(model->key(0).id, first);   // the first page, not offset 100 appended to nothing
        const QStringList got = ids(*model);
        QCOMPARE(QSet<QString>(got.begin(), got.end()).size(), 100);

        // Paging continues from the new generation's own offset.
        model->fetchMore({});
        QTRY_COMPARE_WITH_TIMEOUT(pages.count(), 3, 15000);
        QCOMPARE(model->rowCount(), 200);
        const QStringList two = ids(*model);
        QCOMPARE(QSet<QString>(two.begin(), two.end()).size(), 200);
        QString why;
        QVERIFY2(newestFirst(*model, &why), qPrintable(why));
    }

    void refreshesDuringTheTestersPaging()
    {
        // The same under the tester: refresh() while its own fetchMore() chain is mid-way, twice.
        auto model = newModel();
        QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        model->setOwnerFilter({});
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() >= 100, 15000);
        model->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() >= 100, 15000);
        model->refresh();
        QVERIFY(settle(*model));
        // The tester calls fetchMore() from rowsAboutToBeInserted: the model must not ask for the same
        // offset again while a page's rows go in (it did, and appended a page twice: 352 rows).
        QCOMPARE(model->rowCount(), 252);
        const QStringList all = ids(*model);
        QCOMPARE(QSet<QString>(all.begin(), all.end()).size(), 252);
        QString why;
        QVERIFY2(newestFirst(*model, &why), qPrintable(why));
    }

    void twoRefreshesInARow()
    {
        auto model = newModel();
        QSignalSpy pages(model.get(), &ApiKeysModel::pageLoaded);
        model->refresh();
        model->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(pages.count(), 1, 15000);
        QTest::qWait(500);
        QCOMPARE(pages.count(), 1);
        QCOMPARE(model->rowCount(), 100);
    }
};

QTEST_GUILESS_MAIN(TestApiKeysModel)
#include "tst_apikeysmodel.moc"
