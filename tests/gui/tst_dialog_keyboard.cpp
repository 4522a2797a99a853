// Every dialog can be driven from the keyboard: Tab and Shift+Tab reach every control and come back round
// (no control traps the focus, as the permissions table did), each mnemonic (Alt+letter) is unique in its
// dialog and leads somewhere (a label's mnemonic needs a buddy), and the first field to type in has the focus.
#include "SampleKey.h"
#include "services/Services.h"
#include "gui/AppContext.h"
#include "gui/EditKeyDialog.h"
#include "gui/MintKeyDialog.h"
#include "gui/RotateKeyDialog.h"
#include "gui/ServerDialog.h"
#include "gui/ServiceUsersPage.h"
#include "gui/SignInDialog.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

namespace {

// The widgets Tab must reach: visible, enabled, taking Tab focus; not the internals of composite widgets
// (a spin box's line edit), not an unchecked radio button of an exclusive group (arrows move between those).
QList<QWidget *> tabStops(QWidget *dlg)
{
    QList<QWidget *> out;
    for (QWidget *w : dlg->findChildren<QWidget *>()) {
        if (!w->isVisibleTo(dlg) || !w->isEnabled() || !(w->focusPolicy() & Qt::TabFocus) || w->focusProxy())
            continue;
        bool internal = false;
        for (QWidget *p = w->parentWidget(); p && p != dlg; p = p->parentWidget())
            internal = internal || qobject_cast<QAbstractSpinBox *>(p) || qobject_cast<QComboBox *>(p) ||
                       qobject_cast<QAbstractItemView *>(p);
        if (internal)
            continue;
        if (auto *b = qobject_cast<QAbstractButton *>(w); b && b->autoExclusive() && b->isCheckable() && !b->isChecked())
            continue;
        out << w;
    }
    return out;
}

QString describe(const QWidget *w)
{
    if (!w)
        return QStringLiteral("(nothing)");
    QString text;
    if (auto *b = qobject_cast<const QAbstractButton *>(w))
        text = b->text();
    return QStringLiteral("%1 '%2' %3").arg(QLatin1String(w->metaObject()->className()), w->objectName(), text);
}

QWidget *focused()
{
    QWidget *f = QApplication::focusWidget();
    // A spin box's or an editable combo's line edit stands for its owner.
    for (QWidget *p = f ? f->parentWidget() : nullptr; p; p = p->parentWidget())
        if (qobject_cast<QAbstractSpinBox *>(p) || qobject_cast<QComboBox *>(p))
            return p;
    return f;
}

// Presses Tab (or Shift+Tab) until the focus comes back to where it started; fails on a control never
// reached or a focus that never comes back (a trap).
void checkTabCycle(QWidget *dlg, bool backwards)
{
    const QList<QWidget *> stops = tabStops(dlg);
    QVERIFY2(stops.size() >= 2, qPrintable(dlg->objectName()));
    stops.first()->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(focused() == stops.first());
    QWidget *start = focused();
    QSet<QWidget *> reached{start};
    bool cameBack = false;
    for (int i = 0; i < stops.size() * 3; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab, backwards ? Qt::ShiftModifier : Qt::NoModifier);
        QWidget *now = focused();
        QVERIFY2(now && (now == dlg || dlg->isAncestorOf(now)), qPrintable(QStringLiteral("focus left %1 for %2")
                                                                             .arg(dlg->objectName(), describe(now))));
        if (now == start) {
            cameBack = true;
            break;
        }
        reached.insert(now);
    }
    QStringList missed;
    for (QWidget *w : stops)
        if (!reached.contains(w))
            missed << describe(w);
    QVERIFY2(cameBack, qPrintable(QStringLiteral("%1: %2 never gave the focus back (reached %3 of %4; missed %5)")
                                      .arg(dlg->objectName(), describe(focused())).arg(reached.size()).arg(stops.size())
                                      .arg(missed.join(QStringLiteral(", ")))));
    QVERIFY2(missed.isEmpty(), qPrintable(QStringLiteral("%1: Tab never reaches %2")
                                              .arg(dlg->objectName(), missed.join(QStringLiteral(", ")))));
}

QChar mnemonic(const QString &text)
{
    for (int i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

void checkMnemonics(QWidget *dlg)
{
    QMap<QChar, QString> seen;
    QStringList problems;
    const auto note = [&](const QString &text, const QWidget *w) {
        const QChar m = mnemonic(text);
        if (m.isNull())
            return;
        if (seen.contains(m))
            problems << QStringLiteral("Alt+%1 is both '%2' and '%3'").arg(m.toUpper(), seen.value(m), text);
        seen.insert(m, text);
        if (auto *l = qobject_cast<const QLabel *>(w); l && !l->buddy())
            problems << QStringLiteral("'%1' has a mnemonic but no buddy: Alt+%2 does nothing").arg(text, m.toUpper());
    };
    for (QWidget *w : dlg->findChildren<QWidget *>()) {
        if (!w->isVisibleTo(dlg))
            continue;
        if (auto *l = qobject_cast<QLabel *>(w); l && l->textFormat() != Qt::RichText)
            note(l->text(), l);
        else if (auto *b = qobject_cast<QAbstractButton *>(w))
            note(b->text(), b);
        else if (auto *g = qobject_cast<QGroupBox *>(w))
            note(g->title(), g);
    }
    QVERIFY2(problems.isEmpty(), qPrintable(dlg->objectName() + QStringLiteral(": ") + problems.join(QStringLiteral("; "))));
}


} // namespace

class TestDialogKeyboard : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Services> m_services;
    std::unique_ptr<AppContext> m_context;
    std::optional<ConsoleInfo> m_info;

    void checkDialog(QDialog *dlg)
    {
        dlg->show();
        QVERIFY(QTest::qWaitForWindowExposed(dlg));
        dlg->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(dlg));
        checkMnemonics(dlg);
        if (QTest::currentTestFailed())
            return;
        checkTabCycle(dlg, false);
        if (QTest::currentTestFailed())
            return;
        checkTabCycle(dlg, true);
    }

private slots:
    void initTestCase()
    {
        m_services = std::make_unique<Services>(std::make_unique<SystemClock>(), new MemorySecretStore,
                                                new QSettings(m_dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat));
        m_context = std::make_unique<AppContext>(m_services.get());
        m_info = ConsoleInfo{};
        m_info->metadataEnabled = true;
        // h-perms: a permission catalogue, so Tab and the mnemonics are checked across the grid and the
        // template row (the server is known: the templates row is shown).
        m_info->features << QStringLiteral("permissions.catalogue");
        PermissionCatalogue catalogue;
        catalogue.resources << PermissionResource{QStringLiteral("files"), QStringLiteral("Backup storage"),
                                                  {{QStringLiteral("read"), {}}, {QStringLiteral("write"), QStringLiteral("upload")}}}
                            << PermissionResource{QStringLiteral("ws"), {}, {{QStringLiteral("connect"), {}}}};
        m_info->permissionCatalogue = catalogue;
        ServerEndpoint e;
        e.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:3999"));
        SessionInfo session;
        session.expiresAt = QDateTime::currentDateTimeUtc().addDays(1);
        m_services->session()->set(e, QStringLiteral("token"), session, false);
    }

    void mintDialog()
    {
        ServiceUser u;
        u.id = QStringLiteral("user-1");
        u.name = QStringLiteral("svc-backup");
        u.email = QStringLiteral("svc-backup@service.local");
        MintKeyDialog dlg(m_context.get(), {u}, u.id, m_info);
        dlg.show();
        QVERIFY(QTest::qWaitForWindowActive(&dlg));
        // The owner is preselected: the name is where typing starts.
        QTRY_COMPARE(QApplication::focusWidget(), dlg.findChild<QLineEdit *>(QStringLiteral("nameEdit")));
        // With a row in each table: the permissions table used to keep Tab cycling its cells.
        QTest::mouseClick(dlg.findChild<QToolButton *>(QStringLiteral("addPermissionButton")), Qt::LeftButton);
        QTest::mouseClick(dlg.findChild<QToolButton *>(QStringLiteral("addMetadataButton")), Qt::LeftButton);
        auto *perms = dlg.findChild<QTableWidget *>(QStringLiteral("permissionsTable"));
        perms->closePersistentEditor(perms->item(0, 0));
        checkDialog(&dlg);
    }

    void editDialog()
    {
        EditKeyDialog dlg(m_context.get(), sampleKey(), QStringLiteral("svc-backup"), m_info);
        checkDialog(&dlg);
    }

    void rotateDialog()
    {
        RotateKeyDialog dlg(m_context.get(), sampleKey(), QStringLiteral("svc-backup"));
        checkDialog(&dlg);
    }

    void serverDialog()
    {
        ServerProfile p;
        p.url = QStringLiteral("https://auth.example.com");
        p.authPath = QStringLiteral("/api/auth");
        ServerDialog dlg(m_services->http(), p);
        checkDialog(&dlg);
    }

    void signInDialog()
    {
        // A server that is not there: the dialog shows the failure with Try again, Cancel.
        ServerEndpoint e;
        e.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
        e.authPath = QStringLiteral("/api/auth");
        SignInDialog dlg(m_context.get(), e);
        dlg.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dlg));
        QTRY_VERIFY_WITH_TIMEOUT(tabStops(&dlg).size() >= 2, 10000);
        checkDialog(&dlg);
    }

    void newServiceUserDialog()
    {
        ServiceUsersPage page(m_context.get());
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("newServiceUserButton")), Qt::LeftButton);
        auto *dlg = page.findChild<QDialog *>(QStringLiteral("createServiceUserDialog"));
        QVERIFY(dlg);
        // Typing a name enables Create, which must then be reachable too.
        QTest::keyClicks(dlg->findChild<QLineEdit *>(QStringLiteral("serviceUserName")), QStringLiteral("svc-x"));
        checkDialog(dlg);
    }
};

QTEST_MAIN(TestDialogKeyboard)
#include "tst_dialog_keyboard.moc"
