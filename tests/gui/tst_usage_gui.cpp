// h-usage2 (issue 13 item 5): key usage in the GUI, offscreen, against the real dev server (usage flushed every
// second): a key's live-channel upgrades as x-api-key are counted; the keys table's "Last 7 days" column
// carries them (Usage7dRole, its total, the numbers in words in the tooltip and accessible text); Usage… opens
// the 30-day chart with the same numbers. Against a server started with --no-key-usage the column is hidden
// and Usage… is off with the one-line reason.
#include "DevServer.h"
#include "TestEnv.h"
#include "gui/ApiKeysPage.h"
#include "gui/AppContext.h"
#include "gui/Clipboard.h"
#include "gui/RevealKeyDialog.h"
#include "gui/RotateKeyDialog.h"
#include "gui/UsageChart.h"
#include "net/ConsoleApi.h"
#include "services/Services.h"
#include "services/UsageService.h"
#include "services/models/ApiKeysModel.h"

#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <QApplication>
#include <QNetworkRequest>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QWebSocket>

class TestUsageGui : public QObject
{
    Q_OBJECT
private:
    DevServer m_server{[] {
        DevServer::Options o;
        o.extraArgs = {QStringLiteral("--key-usage-flush"), QStringLiteral("1s")};
        return o;
    }()};
    DevServer m_bare{[] {
        DevServer::Options o;
        o.extraArgs = {QStringLiteral("--no-key-usage")};
        return o;
    }()};
    QTemporaryDir m_dir;
    std::unique_ptr<Services> m_services;
    std::unique_ptr<AppContext> m_context;
    QString m_keyId;
    ApiKey m_key;

    static QString S(const char *s) { return QString::fromUtf8(s); }
    ConsoleApi api() { return ConsoleApi(m_services->http(), m_services->session()); }

    bool signIn(const DevServer &server)
    {
        const ServerEndpoint e = TestEnv::endpointFor(server.url());
        const QString token = TestEnv::adminToken(m_services->http(), e);
        const auto r = awaitResult<SignInOutcome>([&](QObject *c, auto cb) { m_services->auth()->completeSignIn(e, token, c, cb); });
        return r && r->ok();
    }

    // A service user's key (rate limit off): {id, secret}.
    std::optional<MintedKey> mintKey(const QString &name)
    {
        const auto u = awaitResult<ServiceUser>([&](QObject *c, auto cb) { api().createServiceUser(name, {}, c, cb); });
        if (!u || !u->ok())
            return std::nullopt;
        KeyFields f;
        f.userId = u->value().id;
        f.name = name;
        f.rateLimitEnabled = false;
        const auto k = awaitResult<MintedKey>([&](QObject *c, auto cb) { api().createApiKey(f, c, cb); });
        if (!k || !k->ok())
            return std::nullopt;
        return k->value();
    }

    // One upgrade of the live channel as the key: one verifyApiKey on the server.
    bool verifyOnce(const QString &liveUrl, const QString &secret)
    {
        QWebSocket ws;
        QNetworkRequest req{QUrl(liveUrl)};
        req.setRawHeader("x-api-key", secret.toUtf8());
        bool open = false;
        connect(&ws, &QWebSocket::connected, this, [&] { open = true; });
        ws.open(req);
        const bool ok = QTest::qWaitFor([&] { return open; }, 10000);
        ws.close();
        return ok;
    }

    int usageRow(ApiKeysPage &page)
    {
        QAbstractItemModel *m = page.view()->model();
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->index(r, 0).data(ApiKeysModel::KeyIdRole).toString() == m_keyId)
                return r;
        return -1;
    }

    void grab(QWidget *w, const QString &name)
    {
        const QString dir = qEnvironmentVariable("PIKKU_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        QTest::qWait(100);
        w->grab().save(dir + QLatin1Char('/') + name);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        QVERIFY2(m_bare.start(), qPrintable(m_bare.errorString()));
        m_services = std::make_unique<Services>(std::make_unique<SystemClock>(), new MemorySecretStore,
                                                new QSettings(m_dir.filePath(S("s.ini")), QSettings::IniFormat));
        m_context = std::make_unique<AppContext>(m_services.get());
        QVERIFY(signIn(m_server));
        const auto info = awaitResult<ConsoleInfo>([&](QObject *c, auto cb) { api().info(c, cb); });
        QVERIFY(info && info->ok());
        QVERIFY(info->value().supportsKeyUsage());
        const auto key = mintKey(S("usage-gui"));
        QVERIFY(key);
        m_keyId = key->apiKey.id;
        m_key = key->apiKey;
        QVERIFY(mintKey(S("idle-gui")));
        for (int i = 0; i < 2; ++i)
            QVERIFY(verifyOnce(info->value().liveChannelUrl, key->secret));
    }

    void sparklineColumnAndChart()
    {
        ApiKeysPage page(m_context.get());
        page.resize(1200, 500);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.reload();
        QTRY_VERIFY_WITH_TIMEOUT(usageRow(page) >= 0, 10000);
        QVERIFY(page.usageSupported());
        QVERIFY(!page.view()->isColumnHidden(ApiKeysModel::UsageColumn));
        const int row = usageRow(page);
        const QModelIndex cell = page.view()->model()->index(row, ApiKeysModel::UsageColumn);
        const QVariantList days = cell.data(ApiKeysModel::Usage7dRole).toList();
        QCOMPARE(days.size(), 7);
        QCOMPARE(days.last().toMap().value(S("success")).toLongLong(), 2);
        QCOMPARE(days.last().toMap().value(S("day")).toDate(), QDateTime::currentDateTimeUtc().date());
        QCOMPARE(cell.data(Qt::DisplayRole).toLongLong(), 2);
        // The numbers in words: the tooltip and what a screen reader reads.
        QVERIFY2(cell.data(Qt::ToolTipRole).toString().startsWith(S("Last 7 days: 2 succeeded, 0 failed, 0 rate-limited")),
                 qPrintable(cell.data(Qt::ToolTipRole).toString()));
        QCOMPARE(cell.data(Qt::AccessibleTextRole).toString(), cell.data(Qt::ToolTipRole).toString());
        QVERIFY(qobject_cast<UsageSparklineDelegate *>(page.view()->itemDelegateForColumn(ApiKeysModel::UsageColumn)));
        page.view()->scrollTo(cell);
        grab(&page, S("keys-usage-sparkline.png"));

        // Usage…: off without a selection, then the 30-day chart of the selected key.
        auto *usage = page.findChild<QAction *>(S("usageAction"));
        QVERIFY(usage);
        page.view()->clearSelection();
        QVERIFY(!usage->isEnabled());
        page.view()->selectRow(row);
        QVERIFY(usage->isEnabled());
        usage->trigger();
        KeyUsageDialog *dlg = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dlg = page.findChild<KeyUsageDialog *>(S("keyUsageDialog"))) && dlg->isLoaded(), 10000);
        QVERIFY(QTest::qWaitForWindowExposed(dlg));
        QCOMPARE(dlg->chart()->seriesCount(), 1);
        QCOMPARE(dlg->chart()->peak(), 2);
        QVERIFY2(dlg->summary().startsWith(S("2 verifications in the last 30 days: 2 succeeded, 0 failed, 0 rate-limited")),
                 qPrintable(dlg->summary()));
        QVERIFY2(dlg->chart()->accessibleDescription().contains(S("2 succeeded")), qPrintable(dlg->chart()->accessibleDescription()));
        grab(dlg, S("key-usage-chart.png"));
        dlg->reject();
    }

    // Rotates key through the wizard (1 h overlap), closes the new secret, and returns the wizard on its follow-up.
    std::unique_ptr<RotateKeyDialog> rotate(const ApiKey &key)
    {
        auto wizard = std::make_unique<RotateKeyDialog>(m_context.get(), key, key.userId);
        wizard->show();
        wizard->setOverlapSeconds(3600);
        wizard->rotate();
        RevealKeyDialog *reveal = nullptr;
        (void)QTest::qWaitFor([&] {
            for (QWidget *w : QApplication::topLevelWidgets())
                if (auto *r = qobject_cast<RevealKeyDialog *>(w); r && r->isVisible())
                    reveal = r;
            return reveal != nullptr;
        }, 10000);
        if (!reveal)
            return nullptr;
        QTest::mouseClick(reveal->findChild<QPushButton *>(S("copySecretButton")), Qt::LeftButton);   // the guarded close
        reveal->reject();
        m_context->clipboard()->clearSecret();
        return wizard;
    }

    void rotateFollowUpShowsBothKeys()
    {
        auto wizard = rotate(m_key);
        QVERIFY(wizard);
        QTRY_VERIFY_WITH_TIMEOUT(wizard->isFollowingUp() && wizard->usageChart()->seriesCount() == 2, 10000);
        QVERIFY(wizard->usageChart()->isVisible());
        QCOMPARE(wizard->usageChart()->peak(), 2);   // the old key's hour
        const QString text = wizard->usageText()->text();
        QVERIFY2(text.contains(S("old key 2 succeeded, 0 failed; new key 0 succeeded, 0 failed")), qPrintable(text));
        grab(wizard.get(), S("rotate-usage-side-by-side.png"));
    }

    void hiddenWithAReasonOnAServerWithoutIt()
    {
        QVERIFY(signIn(m_bare));
        QVERIFY(mintKey(S("bare-gui")));
        ApiKeysPage page(m_context.get());
        page.resize(1200, 500);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.reload();
        QTRY_VERIFY_WITH_TIMEOUT(page.model()->rowCount() == 1, 10000);
        QVERIFY(!page.usageSupported());
        QVERIFY(page.view()->isColumnHidden(ApiKeysModel::UsageColumn));
        QVERIFY(!page.model()->key(0).usage7d.has_value());   // the list was not asked for usage
        page.view()->selectRow(0);
        auto *usage = page.findChild<QAction *>(S("usageAction"));
        QVERIFY(!usage->isEnabled());
        QCOMPARE(usage->toolTip(), UsageService::unsupportedMessage());
        QVERIFY(!usage->toolTip().contains(QLatin1Char('\n')));

        // The rotate follow-up: no chart, the one-line reason instead.
        auto wizard = rotate(page.model()->key(0));
        QVERIFY(wizard);
        QTRY_COMPARE_WITH_TIMEOUT(wizard->usageText()->text(), UsageService::unsupportedMessage(), 10000);
        QVERIFY(!wizard->usageChart()->isVisible());
    }
};

QTEST_MAIN(TestUsageGui)
#include "tst_usage_gui.moc"
