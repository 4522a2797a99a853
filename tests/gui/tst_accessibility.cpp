// Every input and every button without words has an accessible name (what a screen reader says), on
// every page of the main window and in every dialog: the name set on it, or its buddy label's text, as
// Qt's accessibility interface reports it. Walks the widgets; names the ones that say nothing.
// The Channels page is asserted too (its QEXPECT_FAIL is gone), and its Tab order follows its layout.
#include "SampleKey.h"
#include "services/Services.h"
#include "gui/AppContext.h"
#include "gui/ChannelInspectorPage.h"
#include "gui/EditKeyDialog.h"
#include "gui/MainWindow.h"
#include "gui/MintKeyDialog.h"
#include "gui/RevealKeyDialog.h"
#include "gui/RotateKeyDialog.h"
#include "gui/ServerDialog.h"
#include "gui/ServiceUsersPage.h"
#include "gui/SignInDialog.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>
#include <QTextEdit>

#include <memory>

namespace {
bool isInternal(const QWidget *w, const QWidget *root)
{
    if (w->testAttribute(Qt::WA_WState_ExplicitShowHide) && w->testAttribute(Qt::WA_WState_Hidden))
        return true;   // hidden on purpose (a banner's action button before it has words): not announced
    if (qobject_cast<const QScrollBar *>(w))
        return true;
    if (w->objectName().startsWith(QLatin1String("qt_")) || qobject_cast<const QTabBar *>(w->parentWidget()))
        return true;   // Qt's own parts (a spin box's line edit, a tab's close button)
    for (const QWidget *p = w->parentWidget(); p && p != root; p = p->parentWidget())
        if (qobject_cast<const QAbstractSpinBox *>(p) || qobject_cast<const QComboBox *>(p) ||
            qobject_cast<const QAbstractItemView *>(p) || qobject_cast<const QLineEdit *>(p))
            return true;   // the internals of a composite control (a clear button), or an item editor (named by its cell)
    return false;
}

bool needsName(const QWidget *w)
{
    if (qobject_cast<const QLineEdit *>(w) || qobject_cast<const QComboBox *>(w) || qobject_cast<const QAbstractSpinBox *>(w) ||
        qobject_cast<const QPlainTextEdit *>(w) || qobject_cast<const QTextEdit *>(w) || qobject_cast<const QAbstractItemView *>(w) ||
        qobject_cast<const QAbstractSlider *>(w))
        return true;
    // A button with words has its text as its name; an icon-only one needs one set.
    return qobject_cast<const QAbstractButton *>(w) != nullptr;
}

// The widgets under `root` a screen reader would announce without a name.
QStringList unnamed(QWidget *root, const QWidget *except = nullptr)
{
    QStringList out;
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (isInternal(w, root) || !needsName(w) || (except && except->isAncestorOf(w)))
            continue;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
        const QString name = iface ? iface->text(QAccessible::Name).trimmed() : QString();
        if (name.isEmpty() || name == QLatin1String("&"))
            out << QStringLiteral("%1 '%2' in %3").arg(QLatin1String(w->metaObject()->className()), w->objectName(),
                                                      w->parentWidget() ? w->parentWidget()->objectName() : QString());
    }
    return out;
}

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Services> m_services;
    std::unique_ptr<AppContext> m_context;

    void check(QWidget *root)
    {
        const QStringList missing = unnamed(root);
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("%1: no accessible name: %2")
                                                   .arg(root->objectName(), missing.join(QStringLiteral("; ")))));
    }

private slots:
    void initTestCase()
    {
        m_services = std::make_unique<Services>(std::make_unique<SystemClock>(), new MemorySecretStore,
                                                new QSettings(m_dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat));
        m_context = std::make_unique<AppContext>(m_services.get());
    }

    // The walk itself tells a named control from an unnamed one (so a pass means something).
    void walkFindsAnUnnamedControl()
    {
        QWidget root;
        root.setObjectName(QStringLiteral("probe"));
        auto *named = new QLineEdit(&root);
        named->setAccessibleName(QStringLiteral("Name"));
        auto *worded = new QPushButton(QStringLiteral("Save"), &root);
        Q_UNUSED(worded)
        QCOMPARE(unnamed(&root), QStringList());
        auto *bare = new QLineEdit(&root);
        bare->setObjectName(QStringLiteral("bare"));
        auto *iconOnly = new QPushButton(&root);
        iconOnly->setObjectName(QStringLiteral("iconOnly"));
        auto *hidden = new QPushButton(&root);   // hidden on purpose: not announced, not counted
        hidden->setObjectName(QStringLiteral("hidden"));
        hidden->hide();
        auto *tabs = new QTabWidget(&root);   // inside Qt's own containers (qt_tabwidget_stackedwidget) too
        auto *tabPage = new QWidget;
        auto *inTab = new QLineEdit(tabPage);
        inTab->setObjectName(QStringLiteral("inTab"));
        tabs->addTab(tabPage, QStringLiteral("Tab"));
        tabs->setTabsClosable(true);
        const QStringList found = unnamed(&root);
        QCOMPARE(found.size(), 3);
        QVERIFY(found.join(QLatin1Char(' ')).contains(QStringLiteral("'inTab'")));
        QVERIFY(found.join(QLatin1Char(' ')).contains(QStringLiteral("'bare'")));
        QVERIFY(found.join(QLatin1Char(' ')).contains(QStringLiteral("'iconOnly'")));
    }

    void everyPageOfTheMainWindow()
    {
        MainWindow w(m_context.get());
        w.resize(1100, 700);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *nav = w.findChild<QListWidget *>(QStringLiteral("navList"));
        QVERIFY(nav);
        QCOMPARE(nav->count(), 8);   // h-audit: + Audit; h-noplugin: + Users (better-auth's admin plugin)
        for (int i = 0; i < nav->count(); ++i)
            nav->setCurrentRow(i);   // builds every page
        QWidget *channels = w.channelInspector();
        QVERIFY(channels);
        const QStringList missing = unnamed(&w);
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("no accessible name: ") + missing.join(QStringLiteral("; "))));
    }

    // Tab walks the Channels page in the order of its layout: the connection bar row by row, the filter
    // row, the log and the detail pane, the composer's quick row, its editor, then Send.
    void channelsPageTabOrder()
    {
        MainWindow w(m_context.get());
        w.resize(1100, 700);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *nav = w.findChild<QListWidget *>(QStringLiteral("navList"));
        nav->setCurrentRow(nav->count() - 1);
        QWidget *tab = w.channelInspector()->findChild<QWidget *>(QStringLiteral("channelTab"));
        QVERIFY(tab);
        auto *identity = tab->findChild<QComboBox *>(QStringLiteral("identityBox"));
        identity->setCurrentIndex(1);   // a pasted key: the key field is in the chain
        QWidget *start = tab->findChild<QWidget *>(QStringLiteral("channelUrl"));
        QVERIFY(start);
        QStringList chain;
        QWidget *f = start;
        do {
            if ((f->focusPolicy() & Qt::TabFocus) && f->isVisibleTo(tab) && f->isEnabled() && tab->isAncestorOf(f)
                && !isInternal(f, tab))
                chain << f->objectName();
            f = f->nextInFocusChain();
        } while (f != start && chain.size() < 100);
        const QStringList expected{
            QStringLiteral("channelUrl"), QStringLiteral("connectButton"), QStringLiteral("identityBox"),
            QStringLiteral("keyEdit"), QStringLiteral("rememberKeyCheck"), QStringLiteral("whoamiCheck"),
            QStringLiteral("reconnectCheck"), QStringLiteral("filterEdit"), QStringLiteral("regexCheck"),
            QStringLiteral("directionBox"), QStringLiteral("errorsOnlyCheck"), QStringLiteral("pauseButton"),
            QStringLiteral("clearButton"), QStringLiteral("exportButton"), QStringLiteral("capacitySpin"),
            QStringLiteral("logView"), QStringLiteral("detailView"), QStringLiteral("jsonTree"),
            QStringLiteral("quick_whoami"), QStringLiteral("quick_list"), QStringLiteral("quick_subscribe"),
            QStringLiteral("composerFormat"), QStringLiteral("saveMessageButton"),   // savedBox: disabled, nothing saved
            QStringLiteral("composer"), QStringLiteral("sendButton"), QStringLiteral("keepHistory")};
        QVERIFY2(chain == expected, qPrintable(chain.join(QLatin1Char(' '))));
    }

    void dialogs()
    {
        ServiceUser u;
        u.id = QStringLiteral("user-1");
        u.name = QStringLiteral("svc-backup");
        u.email = QStringLiteral("svc-backup@service.local");
        std::optional<ConsoleInfo> info = ConsoleInfo{};
        info->metadataEnabled = true;
        {
            MintKeyDialog dlg(m_context.get(), {u}, u.id, info);
            check(&dlg);
        }
        {
            EditKeyDialog dlg(m_context.get(), sampleKey(), u.name, info);
            check(&dlg);
        }
        {
            RotateKeyDialog dlg(m_context.get(), sampleKey(), u.name);
            check(&dlg);
        }
        {
            // The reveal dialog (a Designer form): its buttons, and the secret named without its text.
            MintedKey minted;
            minted.apiKey = sampleKey();
            minted.secret = QStringLiteral("pk_live_secret_for_the_accessibility_walk");
            minted.previous = sampleKey();
            RevealKeyDialog dlg(m_context.get(), minted, u.name);
            check(&dlg);
            auto *secret = dlg.findChild<QWidget *>(QStringLiteral("secretField"));
            QVERIFY(secret);
            QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(secret);
            QVERIFY(iface);
            QCOMPARE(iface->text(QAccessible::Name), QStringLiteral("New secret"));
            QVERIFY(dlg.findChild<QWidget *>(QStringLiteral("previousKeyLabel"))->isVisibleTo(&dlg));
        }
        {
            ServerProfile p;
            p.url = QStringLiteral("https://auth.example.com");
            ServerDialog dlg(m_services->http(), p);
            check(&dlg);
        }
        {
            ServerEndpoint e;
            e.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
            e.authPath = QStringLiteral("/api/auth");
            SignInDialog dlg(m_context.get(), e);
            check(&dlg);
        }
        {
            ServiceUsersPage page(m_context.get());
            page.show();
            QVERIFY(QTest::qWaitForWindowExposed(&page));
            QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("newServiceUserButton")), Qt::LeftButton);
            auto *dlg = page.findChild<QDialog *>(QStringLiteral("createServiceUserDialog"));
            QVERIFY(dlg);
            check(dlg);
        }
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
