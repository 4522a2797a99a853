// Theme and language: View > Theme switches the palette at once (and is remembered); the dark palette
// gives the notice boxes and tones readable colours; System goes back to the platform's palette. The
// Finnish translation is compiled into the binary and turns the main window, its navigation and the
// sign-in dialog Finnish when chosen (ui/language) or when the system locale is Finnish.
#include "services/Services.h"
#include "gui/AppContext.h"
#include "gui/Appearance.h"
#include "gui/MainWindow.h"
#include "gui/MessageBanner.h"
#include "gui/PaletteIcon.h"
#include "gui/SignInDialog.h"
#include "gui/Tones.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QListWidget>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <memory>

namespace {
double lightness(const QColor &c)
{
    return c.lightnessF();
}
// The colour of an icon's ink: its most opaque pixel.
QColor inkOf(const QIcon &icon, QIcon::Mode mode = QIcon::Normal)
{
    const QImage img = icon.pixmap(QSize(24, 24), mode).toImage().convertToFormat(QImage::Format_ARGB32);
    QColor best(Qt::transparent);
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x)
            if (const QColor c = img.pixelColor(x, y); c.alpha() > best.alpha())
                best = c;
    return best;
}
void removeTranslators()
{
    for (QTranslator *t : qApp->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
}
} // namespace

class TestAppearance : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Services> m_services;
    std::unique_ptr<AppContext> m_context;
    QPalette m_platform;

private slots:
    void initTestCase()
    {
        m_platform = QApplication::palette();
        m_services = std::make_unique<Services>(std::make_unique<SystemClock>(), new MemorySecretStore,
                                                new QSettings(m_dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat));
        m_context = std::make_unique<AppContext>(m_services.get());
    }

    void cleanup()
    {
        Appearance::applyTheme(Appearance::Theme::System);
        removeTranslators();
    }

    void settingsRoundTrip()
    {
        QCOMPARE(Appearance::themeFromSetting(QStringLiteral("dark")), Appearance::Theme::Dark);
        QCOMPARE(Appearance::themeFromSetting(QStringLiteral("light")), Appearance::Theme::Light);
        QCOMPARE(Appearance::themeFromSetting(QStringLiteral("<b>neon</b>")), Appearance::Theme::System);
        QSettings s(m_dir.filePath(QStringLiteral("rt.ini")), QSettings::IniFormat);
        Appearance::saveTheme(&s, Appearance::Theme::Dark);
        QCOMPARE(Appearance::savedTheme(&s), Appearance::Theme::Dark);
        s.setValue(QStringLiteral("ui/language"), QStringLiteral("../../etc/passwd"));
        QCOMPARE(Appearance::savedLanguage(&s), QString());   // only the languages there are
        Appearance::saveLanguage(&s, QStringLiteral("fi"));
        QCOMPARE(Appearance::savedLanguage(&s), QStringLiteral("fi"));
    }

    void darkThemeFromTheViewMenu()
    {
        MainWindow w(m_context.get());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *dark = w.findChild<QAction *>(QStringLiteral("themeDarkAction"));
        auto *system = w.findChild<QAction *>(QStringLiteral("themeSystemAction"));
        QVERIFY(dark && system);
        QVERIFY(system->isChecked());
        MessageBanner *banner = w.globalBanner();
        banner->showMessage(QStringLiteral("Something to read"), MessageBanner::Type::Warning);
        const QColor lightTone = banner->toneColor();

        dark->trigger();
        QVERIFY(dark->isChecked());
        QVERIFY(Appearance::isDark(QApplication::palette()));
        QTRY_VERIFY(Appearance::isDark(w.palette()));
        // The navigation's style sheet (palette(base)) follows too, not only widgets without one.
        auto *nav = w.findChild<QListWidget *>(QStringLiteral("navList"));
        QTRY_VERIFY(Appearance::isDark(nav->palette()));
        QVERIFY(lightness(nav->palette().color(QPalette::Base)) < 0.5);
        QCOMPARE(m_services->settings()->value(QStringLiteral("ui/theme")).toString(), QStringLiteral("dark"));
        // The banner's tone is worked out again from the dark palette, and its text reads on its background.
        const QColor darkTone = banner->toneColor();
        QVERIFY(darkTone != lightTone);
        const QColor background = Tones::tint(banner->palette(), darkTone);
        const QColor text = banner->palette().color(QPalette::WindowText);
        QVERIFY2(qAbs(lightness(text) - lightness(background)) > 0.5,
                 qPrintable(QStringLiteral("text %1 on %2").arg(text.name(), background.name())));
        // Tones for table states too: red and amber light enough for a dark base.
        const QPalette p = QApplication::palette();
        QVERIFY(lightness(Tones::negative(p)) > lightness(p.color(QPalette::Base)) + 0.4);
        QVERIFY(lightness(Tones::warning(p)) > lightness(p.color(QPalette::Base)) + 0.4);

        // A window opened later (a restart) starts with the saved choice checked.
        {
            MainWindow again(m_context.get());
            QVERIFY(again.findChild<QAction *>(QStringLiteral("themeDarkAction"))->isChecked());
        }
        // Back to the system's palette.
        system->trigger();
        QCOMPARE(QApplication::palette().color(QPalette::Window), m_platform.color(QPalette::Window));
        QCOMPARE(m_services->settings()->value(QStringLiteral("ui/theme")).toString(), QStringLiteral("system"));
    }

    // The toolbar and navigation icons are inked from the palette: dark on light, light on dark (a fixed
    // stroke colour had low contrast in dark mode), and they change when the theme does.
    void iconsFollowThePalette()
    {
        Appearance::applyTheme(Appearance::Theme::Light);
        const QIcon icon = paletteIcon(QStringLiteral(":/icons/ui/overview.svg"));
        const QColor onLight = inkOf(icon);
        QVERIFY(onLight.alpha() > 200);
        QVERIFY2(lightness(onLight) < 0.35, qPrintable(onLight.name()));
        QCOMPARE(onLight.rgb(), QApplication::palette().color(QPalette::WindowText).rgb());

        MainWindow w(m_context.get());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.findChild<QAction *>(QStringLiteral("themeDarkAction"))->trigger();
        QVERIFY(Appearance::isDark(QApplication::palette()));
        const QColor onDark = inkOf(icon);
        QVERIFY2(lightness(onDark) > 0.8, qPrintable(onDark.name()));
        // What the window shows: the navigation's and the toolbar's icons, light on the dark window.
        auto *nav = w.findChild<QListWidget *>(QStringLiteral("navList"));
        for (int i = 0; i < nav->count(); ++i)
            QVERIFY2(lightness(inkOf(nav->item(i)->icon())) > 0.8, qPrintable(nav->item(i)->text()));
        auto *signIn = w.findChild<QAction *>(QStringLiteral("signInAction"));
        QVERIFY(signIn);
        QVERIFY(lightness(inkOf(signIn->icon())) > 0.8);
        // Disabled icons are drawn with the disabled text colour, still distinct from the window.
        const QColor disabled = inkOf(icon, QIcon::Disabled);
        QCOMPARE(disabled.rgb(), QApplication::palette().color(QPalette::Disabled, QPalette::WindowText).rgb());
        w.findChild<QAction *>(QStringLiteral("themeSystemAction"))->trigger();
    }

    void lightThemeIsLight()
    {
        Appearance::applyTheme(Appearance::Theme::Light);
        QVERIFY(!Appearance::isDark(QApplication::palette()));
        QVERIFY(lightness(Tones::negative(QApplication::palette())) < 0.5);
    }

    void finnishWhenChosen()
    {
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/pikku_admin_fi.qm")));
        QSettings s(m_dir.filePath(QStringLiteral("fi.ini")), QSettings::IniFormat);
        Appearance::saveLanguage(&s, QStringLiteral("fi"));
        QCOMPARE(Appearance::installTranslations(qApp, &s), QStringLiteral("fi"));
        MainWindow w(m_context.get());
        auto *nav = w.findChild<QListWidget *>(QStringLiteral("navList"));
        QCOMPARE(nav->item(0)->text(), QStringLiteral("Yleiskatsaus"));
        QCOMPARE(nav->item(1)->text(), QStringLiteral("Palvelukäyttäjät"));
        QCOMPARE(nav->item(2)->text(), QStringLiteral("API-avaimet"));
        QCOMPARE(w.findChild<QAction *>(QStringLiteral("signInAction"))->text(), QStringLiteral("Kirjaudu…"));
        QCOMPARE(w.findChild<QAction *>(QStringLiteral("themeDarkAction"))->text(), QStringLiteral("&Tumma"));
        ServerEndpoint e;
        e.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
        e.authPath = QStringLiteral("/api/auth");
        SignInDialog dlg(m_context.get(), e);
        QCOMPARE(dlg.windowTitle(), QStringLiteral("Kirjaudu"));
    }

    void englishWhenChosen()
    {
        QSettings s(m_dir.filePath(QStringLiteral("en.ini")), QSettings::IniFormat);
        Appearance::saveLanguage(&s, QStringLiteral("en"));
        QCOMPARE(Appearance::installTranslations(qApp, &s), QStringLiteral("en"));
        MainWindow w(m_context.get());
        QCOMPARE(w.findChild<QListWidget *>(QStringLiteral("navList"))->item(1)->text(), QStringLiteral("Service users"));
    }
};

QTEST_MAIN(TestAppearance)
#include "tst_appearance.moc"
