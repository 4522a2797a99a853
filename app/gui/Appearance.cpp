#include "Appearance.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>
#include <QTranslator>

#include <memory>

namespace {
const QString kThemeKey = QStringLiteral("ui/theme");
const QString kLanguageKey = QStringLiteral("ui/language");

QPalette fusionPalette()
{
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    return fusion ? fusion->standardPalette() : QPalette();
}

// Dark: the light palette's hues kept, lightness turned over (greys from HSL, no fixed colour table).
QPalette darkPalette()
{
    const auto grey = [](float l) { return QColor::fromHslF(0.6f, 0.06f, l); };
    QPalette p;
    for (const QPalette::ColorGroup g : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        const bool off = g == QPalette::Disabled;
        p.setColor(g, QPalette::Window, grey(0.17f));
        p.setColor(g, QPalette::WindowText, off ? grey(0.5f) : grey(0.92f));
        p.setColor(g, QPalette::Base, grey(0.12f));
        p.setColor(g, QPalette::AlternateBase, grey(0.155f));
        p.setColor(g, QPalette::ToolTipBase, grey(0.22f));
        p.setColor(g, QPalette::ToolTipText, grey(0.92f));
        p.setColor(g, QPalette::PlaceholderText, grey(0.58f));
        p.setColor(g, QPalette::Text, off ? grey(0.5f) : grey(0.92f));
        p.setColor(g, QPalette::Button, grey(0.22f));
        p.setColor(g, QPalette::ButtonText, off ? grey(0.5f) : grey(0.92f));
        p.setColor(g, QPalette::BrightText, QColor::fromHslF(0.0f, 0.8f, 0.65f));
        p.setColor(g, QPalette::Light, grey(0.3f));
        p.setColor(g, QPalette::Midlight, grey(0.25f));
        p.setColor(g, QPalette::Mid, grey(0.3f));
        p.setColor(g, QPalette::Dark, grey(0.08f));
        p.setColor(g, QPalette::Shadow, grey(0.02f));
        p.setColor(g, QPalette::Highlight, off ? grey(0.3f) : QColor::fromHslF(0.58f, 0.55f, 0.42f));
        p.setColor(g, QPalette::HighlightedText, grey(0.97f));
        p.setColor(g, QPalette::Link, QColor::fromHslF(0.58f, 0.75f, 0.7f));
        p.setColor(g, QPalette::LinkVisited, QColor::fromHslF(0.75f, 0.5f, 0.72f));
    }
    return p;
}
} // namespace

namespace Appearance {

Theme themeFromSetting(const QString &value)
{
    if (value == QLatin1String("light"))
        return Theme::Light;
    if (value == QLatin1String("dark"))
        return Theme::Dark;
    return Theme::System;
}

QString settingForTheme(Theme theme)
{
    switch (theme) {
    case Theme::Light: return QStringLiteral("light");
    case Theme::Dark: return QStringLiteral("dark");
    case Theme::System: break;
    }
    return QStringLiteral("system");
}

Theme savedTheme(const QSettings *settings)
{
    return settings ? themeFromSetting(settings->value(kThemeKey).toString()) : Theme::System;
}

void saveTheme(QSettings *settings, Theme theme)
{
    if (settings)
        settings->setValue(kThemeKey, settingForTheme(theme));
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

QPalette paletteFor(Theme theme)
{
    switch (theme) {
    case Theme::Light: return fusionPalette();
    case Theme::Dark: return darkPalette();
    case Theme::System: break;
    }
    return QPalette();   // nothing resolved: the application falls back to the platform's palette
}

void applyTheme(Theme theme)
{
    // A chosen theme is drawn with Fusion, which honours every palette role; System keeps the platform style.
    static const QString platformStyle = QApplication::style() ? QApplication::style()->name() : QString();
    if (theme == Theme::System) {
        if (!platformStyle.isEmpty() && QApplication::style()->name() != platformStyle)
            QApplication::setStyle(platformStyle);
    } else if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0) {
        QApplication::setStyle(QStringLiteral("Fusion"));
    }
    QApplication::setPalette(paletteFor(theme));
}

QString savedLanguage(const QSettings *settings)
{
    const QString v = settings ? settings->value(kLanguageKey).toString() : QString();
    return v == QLatin1String("en") || v == QLatin1String("fi") ? v : QString();
}

void saveLanguage(QSettings *settings, const QString &language)
{
    if (!settings)
        return;
    if (language.isEmpty())
        settings->remove(kLanguageKey);
    else
        settings->setValue(kLanguageKey, language);
}

QString installTranslations(QApplication *app, const QSettings *settings)
{
    const QString saved = savedLanguage(settings);
    const QLocale locale = saved.isEmpty() ? QLocale::system() : QLocale(saved);
    if (saved == QLatin1String("en"))
        return QStringLiteral("en");
    auto *own = new QTranslator(app);
    if (!own->load(locale, QStringLiteral("pikku_admin"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete own;
        return QStringLiteral("en");
    }
    QApplication::installTranslator(own);
    // Qt's own strings (standard buttons, context menus), when the system has them.
    auto *qt = new QTranslator(app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
    else
        delete qt;
    return locale.name().section(QLatin1Char('_'), 0, 0);
}

void bindThemeActions(QSettings *settings, const QList<QAction *> &systemLightDark)
{
    if (systemLightDark.size() != 3)
        return;
    auto *group = new QActionGroup(systemLightDark.first());
    const Theme themes[] = {Theme::System, Theme::Light, Theme::Dark};
    const Theme current = savedTheme(settings);
    for (int i = 0; i < 3; ++i) {
        QAction *action = systemLightDark.at(i);
        const Theme theme = themes[i];
        group->addAction(action);
        action->setChecked(theme == current);
        QObject::connect(action, &QAction::triggered, action, [settings, theme] {
            saveTheme(settings, theme);
            applyTheme(theme);
        });
    }
}

void bindLanguageActions(QSettings *settings, const QList<QAction *> &systemEnglishFinnish, QObject *context,
                         std::function<void()> changed)
{
    if (systemEnglishFinnish.size() != 3)
        return;
    auto *group = new QActionGroup(systemEnglishFinnish.first());
    const QString codes[] = {QString(), QStringLiteral("en"), QStringLiteral("fi")};
    const QString current = savedLanguage(settings);
    for (int i = 0; i < 3; ++i) {
        QAction *action = systemEnglishFinnish.at(i);
        const QString code = codes[i];
        group->addAction(action);
        action->setChecked(code == current);
        QObject::connect(action, &QAction::triggered, context, [settings, code, changed] {
            if (code == savedLanguage(settings))
                return;
            saveLanguage(settings, code);
            if (changed)
                changed();
        });
    }
}

} // namespace Appearance
