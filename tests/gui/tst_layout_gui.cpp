// The main window's layout at the default size (1100×700) and at 1024×700, offscreen, against the real dev
// server with data that is hard to fit (long names, emails and user agents, many keys, sessions, a pending
// device code): on every page and in every dialog reachable without side effects, no visible label may be
// cut off, and no main table may need a horizontal scroll bar. Plus the shared column behaviour
// (TableColumns): the header's menu, the remembered choice, plain-text tooltips, the scroll position.
#include "DevServer.h"
#include "TestEnv.h"
#include "services/Services.h"
#include "gui/ApiKeysPage.h"
#include "gui/AppContext.h"
#include "gui/DeviceApprovalPage.h"
#include "gui/MainWindow.h"
#include "gui/Appearance.h"
#include "gui/ServiceUsersPage.h"
#include "services/models/UserSessionsModel.h"
#include "gui/SessionsPage.h"
#include "gui/TableColumns.h"
#include "services/models/ApiKeysModel.h"
#include "services/models/DeviceCodesModel.h"
#include "net/ConsoleApi.h"
#include "net/HttpClient.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QGroupBox>
#include <QHeaderView>
#include <QHelpEvent>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>

namespace {
// Real browsers' user agents: long, and all alike at the start (what the sessions table must tell apart).
const QStringList kUserAgents{
    QStringLiteral("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36"),
    QStringLiteral("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15"),
    QStringLiteral("Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0"),
    QStringLiteral("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148"),
    QStringLiteral("<b>markup</b> & a user agent that is not what it says"),
};
enum Page { Overview, Users, Keys, Sessions, Devices, Channels, PageCount };
const char *const kPageNames[] = {"overview", "users", "keys", "sessions", "devices", "channels"};
const char *const kMainTables[] = {"usersTable", "keysView", "sessionsTable", "connectionsTable", "pendingCodesView", "logView"};

QString describe(const QWidget *w)
{
    QStringList path;
    for (const QWidget *p = w; p; p = p->parentWidget())
        if (!p->objectName().isEmpty() && !p->objectName().startsWith(QLatin1String("qt_")))
            path.prepend(p->objectName());
    return QStringLiteral("%1 %2").arg(QLatin1String(w->metaObject()->className()), path.join(QLatin1Char('/')));
}

// A visible label whose text does not fit its geometry (word-wrapped: the height its width needs;
// otherwise the width and height its text needs, margins and style-sheet padding included).
QStringList labelProblems(QWidget *root)
{
    QStringList out;
    for (QLabel *l : root->findChildren<QLabel *>()) {
        if (!l->isVisible() || l->text().isEmpty() || l->window() != root->window())
            continue;
        const QString text = l->text().left(60).replace(QLatin1Char('\n'), QLatin1Char(' '));
        if (l->wordWrap()) {
            const int need = l->heightForWidth(l->width());
            if (need > l->height())
                out << QStringLiteral("label %1 \"%2\": needs %3 px of height at width %4, has %5")
                           .arg(describe(l), text).arg(need).arg(l->width()).arg(l->height());
        } else {
            // For plain text this is fontMetrics().horizontalAdvance(text) plus the label's margins.
            const QSize need = l->sizeHint();
            if (need.width() > l->width() || need.height() > l->height())
                out << QStringLiteral("label %1 \"%2\": needs %3×%4 px, has %5×%6")
                           .arg(describe(l), text).arg(need.width()).arg(need.height()).arg(l->width()).arg(l->height());
        }
    }
    return out;
}

// A visible main table that needs a horizontal scroll bar.
QStringList tableProblems(QWidget *root)
{
    QStringList out;
    for (const char *name : kMainTables) {
        for (QTableView *v : root->findChildren<QTableView *>(QLatin1String(name))) {
            if (!v->isVisible())
                continue;
            const int length = v->horizontalHeader()->length();
            if (length > v->viewport()->width() || v->horizontalScrollBar()->isVisible())
                out << QStringLiteral("table %1 (%2 rows): columns need %3 px, the viewport has %4 (scroll bar %5)")
                           .arg(describe(v)).arg(v->model()->rowCount()).arg(length).arg(v->viewport()->width())
                           .arg(v->horizontalScrollBar()->isVisible() ? QStringLiteral("shown") : QStringLiteral("hidden"));
        }
    }
    return out;
}

// A scrolled page wider than its view (its right side cut off: the pages scroll only vertically).
QStringList scrollAreaProblems(QWidget *root)
{
    QStringList out;
    for (QScrollArea *a : root->findChildren<QScrollArea *>())
        if (a->isVisible() && a->widget() && a->widget()->width() > a->viewport()->width())
            out << QStringLiteral("scroll area %1: its page is %2 px wide, the view %3")
                       .arg(describe(a)).arg(a->widget()->width()).arg(a->viewport()->width());
    return out;
}

// A column that must be in view: shown, inside the viewport, and wide enough to read.
QString columnProblem(QTableView *v, int column, int minWidth)
{
    const QString title = v->model()->headerData(column, Qt::Horizontal).toString();
    if (v->isColumnHidden(column))
        return QStringLiteral("%1: column %2 is hidden").arg(v->objectName(), title);
    const int right = v->columnViewportPosition(column) + v->columnWidth(column);
    if (v->columnViewportPosition(column) < 0 || right > v->viewport()->width())
        return QStringLiteral("%1: column %2 is off-screen (%3..%4 of %5)")
            .arg(v->objectName(), title).arg(v->columnViewportPosition(column)).arg(right).arg(v->viewport()->width());
    if (v->columnWidth(column) < minWidth)
        return QStringLiteral("%1: column %2 is %3 px wide (less than %4)").arg(v->objectName(), title).arg(v->columnWidth(column)).arg(minWidth);
    return {};
}
} // namespace

class TestLayoutGui : public QObject
{
    Q_OBJECT
private:
    DevServer m_server;
    QTemporaryDir m_dir;
    QString m_shotPrefix;   // "fi-" when the locale is Finnish (tst_layout_gui_fi)
    std::unique_ptr<Services> m_services;
    std::unique_ptr<AppContext> m_context;
    QString m_pendingCode;

    ConsoleApi api() { return ConsoleApi(m_services->http(), m_services->session()); }

    void grab(QWidget *w, const QString &name)
    {
        const QString dir = qEnvironmentVariable("PIKKU_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            w->grab().save(dir + QLatin1Char('/') + m_shotPrefix + name);
    }

    // A sign-in as a browser would make it (its own User-Agent; no cookie jar is kept between them).
    bool signInWithUserAgent(const QString &userAgent)
    {
        QNetworkAccessManager nam;
        QNetworkRequest req(TestEnv::endpointFor(m_server.url()).authUrl(QStringLiteral("/sign-in/email")));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        req.setRawHeader("User-Agent", userAgent.toUtf8());
        const QJsonObject body{{QStringLiteral("email"), DevServer::adminEmail()}, {QStringLiteral("password"), DevServer::adminPassword()}};
        QNetworkReply *reply = nam.post(req, QJsonDocument(body).toJson(QJsonDocument::Compact));
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!done.wait(20000))
            return false;
        reply->deleteLater();
        return reply->error() == QNetworkReply::NoError;
    }

    QString requestDeviceCode()
    {
        const ServerEndpoint e = TestEnv::endpointFor(m_server.url());
        const auto r = TestEnv::awaitCall(m_services->http()->post(
            e.authUrl(QStringLiteral("/device/code")),
            {{QStringLiteral("client_id"), QStringLiteral("pikku-cli")}, {QStringLiteral("scope"), QStringLiteral("openid profile email offline_access")}}));
        return r ? r->json.object().value(QStringLiteral("user_code")).toString() : QString();
    }

    // The window at one size, signed in (restored from the memory keychain), on one page with its data.
    std::unique_ptr<MainWindow> openWindow(int width, int height)
    {
        auto w = std::make_unique<MainWindow>(m_context.get());
        w->resize(width, height);
        w->show();
        if (!QTest::qWaitForWindowExposed(w.get()))
            return nullptr;
        return w;
    }

    bool visit(MainWindow *w, int page)
    {
        w->findChild<QListWidget *>(QStringLiteral("navList"))->setCurrentRow(page);
        switch (page) {
        case Users:
            return QTest::qWaitFor([&] { return w->serviceUsers()->table()->model()->rowCount() >= 8; }, 10000);
        case Keys:
            return QTest::qWaitFor([&] { return w->apiKeys()->view()->model()->rowCount() >= 12; }, 10000);
        case Sessions:
            return QTest::qWaitFor([&] {
                auto *s = w->findChild<SessionsPage *>();
                return s && s->sessionsTable()->model()->rowCount() >= kUserAgents.size() + 1 && s->connectionsTable()->rowCount() >= 1;
            }, 15000);
        case Devices: {
            DeviceApprovalPage *d = w->deviceApprovals();
            if (!QTest::qWaitFor([&] { return d->queueView()->model()->rowCount() >= 1; }, 10000))
                return false;
            // Picked from the queue, as an admin would (the comparison hint shows), then looked up.
            QTableView *queue = d->queueView();
            int row = -1;
            if (!QTest::qWaitFor([&] { return (row = static_cast<DeviceCodesModel *>(queue->model())->rowOf(m_pendingCode)) >= 0; }, 10000))
                return false;
            QTest::mouseClick(queue->viewport(), Qt::LeftButton, {}, queue->visualRect(queue->model()->index(row, 0)).center());
            if (!QTest::qWaitFor([&] { return d->findChild<QLabel *>(QStringLiteral("compareHint"))->isVisible(); }, 5000))
                return false;
            d->lookUp();   // a claim (the code is the admin's to decide): shows who asks, and the warning
            return QTest::qWaitFor([&] { return d->findChild<QGroupBox *>(QStringLiteral("claimBox"))->isVisible(); }, 10000);
        }
        default:
            return true;
        }
    }

    QStringList problems(QWidget *root)
    {
        QStringList all = labelProblems(root);
        all << tableProblems(root) << scrollAreaProblems(root);
        return all;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        m_services = std::make_unique<Services>(std::make_unique<SystemClock>(), new MemorySecretStore,
                                                new QSettings(m_dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat));
        const ServerEndpoint e = TestEnv::endpointFor(m_server.url());
        ServerProfile p;
        p.url = e.key();
        p.authPath = e.authPath;
        p.label = QStringLiteral("Dev");
        m_services->profiles().save(p);
        m_services->profiles().setCurrent(p.key());
        m_context = std::make_unique<AppContext>(m_services.get());
        // tst_layout_gui_fi (h-fi): the same pages in Finnish, whose words are longer, chosen by the
        // system locale as a user's would be; its screenshots are named fi-….
        if (QLocale::system().language() == QLocale::Finnish) {
            QCOMPARE(Appearance::installTranslations(qApp, m_services->settings()), QStringLiteral("fi"));
            m_shotPrefix = QStringLiteral("fi-");
        }
        const QString token = TestEnv::adminToken(m_services->http(), e);
        QVERIFY(!token.isEmpty());
        const auto r = awaitResult<SignInOutcome>([&](QObject *c, auto cb) { m_services->auth()->completeSignIn(e, token, c, cb); });
        QVERIFY(r && r->ok());

        // Service users with long names and emails, keys with long names, limits, expiries.
        QStringList owners;
        for (int i = 0; i < 8; ++i) {
            const QString name = i == 0 ? QStringLiteral("nightly-billing-reconciliation-exporter-for-the-finance-warehouse")
                                        : QStringLiteral("service-%1-integration").arg(i);
            const QString email = QStringLiteral("%1@automation.long-subdomain.example.com").arg(name);
            const auto u = awaitResult<ServiceUser>([&](QObject *c, auto cb) { api().createServiceUser(name, email, c, cb); });
            QVERIFY2(u && u->ok(), u ? qPrintable(u->error().userMessage()) : "timeout");
            owners << u->value().id;
        }
        for (int i = 0; i < 14; ++i) {
            KeyFields f;
            f.userId = owners.at(i % owners.size());
            f.name = i == 0 ? QStringLiteral("deploy pipeline eu-west-1 (prod)")
                            : QStringLiteral("key %1 for the reporting job").arg(i);
            f.prefix = QStringLiteral("pk_live_");
            if (i % 2)
                f.expiresIn = 86400 * (i + 2);
            if (i % 3 == 0) {
                f.rateLimitEnabled = true;
                f.rateLimitMax = 1000;
                f.rateLimitTimeWindow = 3600 * 1000;
            }
            if (i % 4 == 0)
                f.remaining = 5000;
            const auto k = awaitResult<MintedKey>([&](QObject *c, auto cb) { api().createApiKey(f, c, cb); });
            QVERIFY2(k && k->ok(), k ? qPrintable(k->error().userMessage()) : "timeout");
        }
        for (const QString &ua : kUserAgents)
            QVERIFY(signInWithUserAgent(ua));
        m_pendingCode = requestDeviceCode();
        QVERIFY(!m_pendingCode.isEmpty());
    }

    void pages_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("page");
        for (const QSize size : {QSize(1100, 700), QSize(1024, 700)})
            for (int page = 0; page < PageCount; ++page)
                QTest::addRow("%dx%d %s", size.width(), size.height(), kPageNames[page]) << size.width() << size.height() << page;
    }

    // Every page fits: no label cut off, no main table scrolling sideways, the informative columns in view.
    void pages()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, page);
        auto w = openWindow(width, height);
        QVERIFY(w);
        QVERIFY2(visit(w.get(), page), kPageNames[page]);
        QStringList found;
        const bool fits = QTest::qWaitFor([&] { return (found = problems(w.get())).isEmpty(); }, 3000);
        grab(w.get(), QStringLiteral("layout-%1-%2x%3.png").arg(QLatin1String(kPageNames[page])).arg(width).arg(height));
        if (!qEnvironmentVariableIsEmpty("PIKKU_SCREENSHOT_DIR")) {
            // The same page in the dark theme (View > Theme > Dark), for docs/screenshots/.
            Appearance::applyTheme(Appearance::Theme::Dark);
            QTRY_VERIFY(Appearance::isDark(w->palette()) && Appearance::isDark(w->findChild<QListWidget *>(QStringLiteral("navList"))->palette()));
            grab(w.get(), QStringLiteral("layout-%1-%2x%3-dark.png").arg(QLatin1String(kPageNames[page])).arg(width).arg(height));
            Appearance::applyTheme(Appearance::Theme::System);
            QTRY_VERIFY(!Appearance::isDark(w->palette()));
        }
        QVERIFY2(fits, qPrintable(QStringLiteral("\n  ") + found.join(QStringLiteral("\n  "))));
        // No page forces the window wider or taller than asked (a minimum size beyond it would).
        QVERIFY2(w->size() == QSize(width, height) && w->minimumSizeHint().width() <= width,
                 qPrintable(QStringLiteral("the window is %1×%2 (minimum %3×%4)").arg(w->width()).arg(w->height())
                                .arg(w->minimumSizeHint().width()).arg(w->minimumSizeHint().height())));
        QStringList columns;
        if (page == Users) {
            QTableView *t = w->serviceUsers()->table();
            columns << columnProblem(t, ServiceUsersPage::NameColumn, 80) << columnProblem(t, ServiceUsersPage::StateColumn, 40)
                    << columnProblem(t, ServiceUsersPage::CreatedColumn, 80);
        } else if (page == Keys) {
            QTableView *t = w->apiKeys()->view();
            columns << columnProblem(t, ApiKeysModel::NameColumn, 80) << columnProblem(t, ApiKeysModel::LastUsedColumn, 60)
                    << columnProblem(t, ApiKeysModel::ExpiresColumn, 60);
            // The filter box keeps room for what its placeholder says (it shrank to "Filt…").
            auto *filter = w->findChild<QLineEdit *>(QStringLiteral("keyTextFilter"));
            if (filter->width() < filter->fontMetrics().horizontalAdvance(filter->placeholderText()) + 16)
                columns << QStringLiteral("keyTextFilter is %1 px wide").arg(filter->width());
        } else if (page == Sessions) {
            columns << columnProblem(w->findChild<SessionsPage *>()->sessionsTable(), 6, 150);   // User agent
        } else if (page == Devices) {
            auto *warning = w->findChild<QLabel *>(QStringLiteral("approvalWarning"));
            const QString says = m_shotPrefix.isEmpty() ? QStringLiteral("signs that device in as you")
                                                        : QStringLiteral("kirjaa laitteen sisään sinun nimissäsi");
            if (!warning->isVisible() || !warning->text().contains(says))
                columns << QStringLiteral("the approval warning is not shown");
            else if (warning->visibleRegion().boundingRect() != warning->rect())   // not scrolled or clipped away
                columns << QStringLiteral("the approval warning is only partly in view (%1 px of %2)")
                               .arg(warning->visibleRegion().boundingRect().height()).arg(warning->height());
        }
        columns.removeAll(QString());
        QVERIFY2(columns.isEmpty(), qPrintable(columns.join(QStringLiteral("; "))));
        // The navigation sits right against the content: no splitter handle or gutter between them.
        auto *nav = w->findChild<QListWidget *>(QStringLiteral("navList"));
        auto *content = w->findChild<QWidget *>(QStringLiteral("pageStack"));
        const int gap = content->mapTo(w.get(), QPoint(0, 0)).x() - nav->mapTo(w.get(), QPoint(nav->width(), 0)).x();
        QVERIFY2(gap == 0, qPrintable(QStringLiteral("%1 px between the navigation and the page").arg(gap)));
        QVERIFY(!nav->parentWidget()->inherits("QSplitter"));
    }

    void dialogs_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<QString>("dialog");
        for (int width : {1100, 1024})
            for (const char *d : {"mintKeyDialog", "editKeyDialog", "rotateKeyDialog", "createServiceUserDialog",
                                  "serverDialog-add", "serverDialog-edit", "signInDialog"})
                QTest::addRow("%dx700 %s", width, d) << width << QString::fromLatin1(d);
    }

    // Every dialog reachable without side effects, opened from the window as the admin would.
    void dialogs()
    {
        QFETCH(int, width);
        QFETCH(QString, dialog);
        auto w = openWindow(width, 700);
        QVERIFY(w);
        auto trigger = [&](const char *action) {
            auto *a = w->findChild<QAction *>(QLatin1String(action));
            QVERIFY2(a && a->isEnabled(), action);
            a->trigger();
        };
        QString name = dialog.section(QLatin1Char('-'), 0, 0);
        if (dialog.startsWith(QLatin1String("mint")) || dialog.startsWith(QLatin1String("edit")) || dialog.startsWith(QLatin1String("rotate"))) {
            QVERIFY(visit(w.get(), Keys));
            QVERIFY(QTest::qWaitFor([&] { return w->apiKeys()->findChild<QAction *>(QStringLiteral("mintAction"))->isEnabled(); }, 10000));
            w->apiKeys()->view()->selectRow(0);
            trigger(dialog.startsWith(QLatin1String("mint")) ? "mintAction" : dialog.startsWith(QLatin1String("edit")) ? "editAction" : "rotateAction");
        } else if (name == QLatin1String("createServiceUserDialog")) {
            QVERIFY(visit(w.get(), Users));
            QTest::mouseClick(w->findChild<QPushButton *>(QStringLiteral("newServiceUserButton")), Qt::LeftButton);
        } else if (name == QLatin1String("serverDialog")) {
            trigger(dialog.endsWith(QLatin1String("add")) ? "addServerAction" : "editServerAction");
        } else {
            w->signIn();   // what "Sign in…" (Ctrl+L) does; the action is hidden while signed in
        }
        QDialog *dlg = nullptr;
        QVERIFY2(QTest::qWaitFor([&] {
            for (QDialog *d : w->findChildren<QDialog *>())
                if (d->isVisible() && (d->objectName() == name || (name == QLatin1String("editKeyDialog") && d->inherits("EditKeyDialog"))
                                       || (name == QLatin1String("rotateKeyDialog") && d->inherits("RotateKeyDialog"))))
                    dlg = d;
            return dlg != nullptr;
        }, 10000), qPrintable(name));
        QVERIFY(QTest::qWaitForWindowExposed(dlg));
        QStringList found;
        const bool fits = QTest::qWaitFor([&] { return (found = labelProblems(dlg)).isEmpty(); }, 2000);
        dlg->reject();
        QVERIFY2(fits, qPrintable(QStringLiteral("\n  ") + found.join(QStringLiteral("\n  "))));
    }

    // Right-click on a header: a checkable list of the columns; the choice is remembered for that table.
    void headerMenuChoosesColumnsAndRemembers()
    {
        QSettings *settings = m_services->settings();
        settings->remove(QStringLiteral("tables"));
        {
            ApiKeysPage page(m_context.get());
            page.resize(1024, 600);
            page.show();
            QVERIFY(QTest::qWaitForWindowExposed(&page));
            page.reload();
            QTableView *v = page.view();
            QTRY_VERIFY_WITH_TIMEOUT(v->model()->rowCount() >= 12, 10000);
            TableColumns *columns = TableColumns::of(v);
            QVERIFY(columns);
            QVERIFY(v->isColumnHidden(ApiKeysModel::RequestsColumn));   // by default
            QVERIFY(!v->isColumnHidden(ApiKeysModel::LastUsedColumn));
            emit v->horizontalHeader()->customContextMenuRequested(QPoint(10, 5));
            QMenu *menu = nullptr;
            QTRY_VERIFY((menu = v->horizontalHeader()->findChild<QMenu *>(QStringLiteral("columnsMenu"))) && menu->isVisible());
            QCOMPARE(menu->actions().size(), int(ApiKeysModel::ColumnCount));
            QAction *requests = menu->actions().at(ApiKeysModel::RequestsColumn);
            QCOMPARE(requests->text(), ApiKeysModel::tr("Requests"));   // "Pyynnöt" in tst_layout_gui_fi
            QVERIFY(requests->isCheckable() && !requests->isChecked());
            QAction *lastUsed = menu->actions().at(ApiKeysModel::LastUsedColumn);
            QVERIFY(lastUsed->isChecked());
            requests->trigger();
            lastUsed->trigger();
            menu->close();
            QVERIFY(!v->isColumnHidden(ApiKeysModel::RequestsColumn));
            QVERIFY(v->isColumnHidden(ApiKeysModel::LastUsedColumn));
            // Still no sideways scrolling with the new choice.
            QTRY_VERIFY2(tableProblems(&page).isEmpty(), qPrintable(tableProblems(&page).join(QLatin1Char('\n'))));
        }
        QCOMPARE(settings->value(QStringLiteral("tables/apiKeys/hiddenColumns")).toStringList().contains(
                     QString::number(ApiKeysModel::LastUsedColumn)), true);
        {
            ApiKeysPage again(m_context.get());   // a new page (as after a restart) reads the choice back
            QVERIFY(!again.view()->isColumnHidden(ApiKeysModel::RequestsColumn));
            QVERIFY(again.view()->isColumnHidden(ApiKeysModel::LastUsedColumn));
            SessionsPage other(m_context.get());  // per table: another table keeps its own defaults
            QVERIFY(!other.sessionsTable()->isColumnHidden(6));
            QVERIFY(other.sessionsTable()->isColumnHidden(1));
        }
        // The last visible column cannot be unchecked.
        ApiKeysPage page(m_context.get());
        TableColumns *columns = TableColumns::of(page.view());
        for (int c = 1; c < ApiKeysModel::ColumnCount; ++c)
            columns->setColumnVisible(c, false);
        std::unique_ptr<QMenu> menu(columns->createHeaderMenu(nullptr));
        QVERIFY(menu->actions().at(0)->isChecked());
        QVERIFY(!menu->actions().at(0)->isEnabled());
        settings->remove(QStringLiteral("tables"));
    }

    // An elided cell shows its whole text in a tooltip, as plain text: markup from the server is shown, not rendered.
    void elidedCellsShowPlainTooltips()
    {
        SessionsPage page(m_context.get());
        page.resize(1024, 600);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.reload();
        QTableView *t = page.sessionsTable();
        QAbstractItemModel *m = t->model();
        QTRY_VERIFY_WITH_TIMEOUT(m->rowCount() >= kUserAgents.size() + 1, 10000);
        auto rowOf = [&](const QString &ua) {
            for (int r = 0; r < m->rowCount(); ++r)
                if (m->index(r, 6).data().toString() == ua)
                    return r;
            return -1;
        };
        const int chrome = rowOf(kUserAgents.at(0));
        QVERIFY(chrome >= 0);
        QTRY_VERIFY(t->columnWidth(6) < t->fontMetrics().horizontalAdvance(kUserAgents.at(0)));   // elided
        t->scrollTo(m->index(chrome, 6));
        auto tipAt = [&](int row) {
            const QRect cell = t->visualRect(m->index(row, 6));
            QHelpEvent help(QEvent::ToolTip, cell.center(), t->viewport()->mapToGlobal(cell.center()));
            QCoreApplication::sendEvent(t->viewport(), &help);
            return QToolTip::isVisible() ? QToolTip::text() : QString();
        };
        QString tip = tipAt(chrome);
        QVERIFY2(tip.contains(kUserAgents.at(0)), qPrintable(tip));
        const int markup = rowOf(kUserAgents.at(4));
        QVERIFY(markup >= 0);
        t->scrollTo(m->index(markup, 6));
        tip = tipAt(markup);
        QVERIFY2(tip.contains(QStringLiteral("&lt;b&gt;markup&lt;/b&gt; &amp;")), qPrintable(tip));
        QVERIFY(!tip.contains(QStringLiteral("<b>")));
        QToolTip::hideText();
    }

    // What a device asks for is the device's text: markup in its scope is shown literally, and a long
    // scope wraps inside the page instead of widening the window.
    void deviceScopeIsPlainTextAndWraps()
    {
        QStringList many;
        for (int i = 0; i < 12; ++i)
            many << QStringLiteral("reports:read:region-%1").arg(i);
        const QString scope = QStringLiteral("openid <b>admin</b> <img src=x> ") + many.join(QLatin1Char(' '));
        const ServerEndpoint e = TestEnv::endpointFor(m_server.url());
        const auto r = TestEnv::awaitCall(m_services->http()->post(
            e.authUrl(QStringLiteral("/device/code")), {{QStringLiteral("client_id"), QStringLiteral("pikku-cli")}, {QStringLiteral("scope"), scope}}));
        QVERIFY(r);
        const QString code = r->json.object().value(QStringLiteral("user_code")).toString();
        QVERIFY2(!code.isEmpty(), r->body.constData());
        auto w = openWindow(1024, 700);
        QVERIFY(w);
        w->findChild<QListWidget *>(QStringLiteral("navList"))->setCurrentRow(Devices);
        DeviceApprovalPage *d = w->deviceApprovals();
        d->findChild<QLineEdit *>(QStringLiteral("userCodeEdit"))->setText(code);
        d->lookUp();
        auto *value = d->findChild<QLabel *>(QStringLiteral("scopeValue"));
        QTRY_VERIFY_WITH_TIMEOUT(value->isVisible() && value->text() == scope, 10000);
        QCOMPARE(value->textFormat(), Qt::PlainText);   // "<b>admin</b>" is shown as typed, not in bold
        QStringList found;
        QVERIFY2(QTest::qWaitFor([&] { return (found = problems(w.get())).isEmpty(); }, 3000), qPrintable(found.join(QLatin1Char('\n'))));
        QVERIFY2(w->size() == QSize(1024, 700) && w->minimumSizeHint().width() <= 1024,
                 qPrintable(QStringLiteral("the window is %1 px wide (minimum %2)").arg(w->width()).arg(w->minimumSizeHint().width())));
    }

    // A refilled table starts at its left edge: the scroll position does not stick.
    void scrollPositionDoesNotStick()
    {
        SessionsPage page(m_context.get());
        page.resize(1024, 600);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.reload();
        QTableView *t = page.sessionsTable();
        UserSessionsModel *m = page.sessionsModel();
        QTRY_VERIFY_WITH_TIMEOUT(m->rowCount() >= kUserAgents.size() + 1, 10000);
        t->horizontalHeader()->resizeSection(0, 2000);   // the admin widens a column by hand and scrolls
        QTRY_VERIFY(t->horizontalScrollBar()->maximum() > 0);
        // A cell changing (as live counts do) does not undo the admin's width.
        const QString own = m->ownSessionId();   // a row's cells change (dataChanged), as a re-sign-in does
        m->setOwnSessionId(m->session(0).id == own ? QStringLiteral("another") : m->session(0).id);
        m->setOwnSessionId(own);
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        QCOMPARE(t->columnWidth(0), 2000);
        t->horizontalScrollBar()->setValue(t->horizontalScrollBar()->maximum());
        QVERIFY(t->horizontalScrollBar()->value() > 0);
        const int rows = m->rowCount();
        page.reload();
        QTRY_COMPARE_WITH_TIMEOUT(m->rowCount(), rows, 10000);
        QTRY_COMPARE(t->horizontalScrollBar()->value(), 0);
        QTRY_VERIFY(tableProblems(&page).isEmpty());
    }
};

QTEST_MAIN(TestLayoutGui)
#include "tst_layout_gui.moc"
