#pragma once

#include <QPalette>
#include <QString>

#include <QList>

#include <functional>

class QAction;
class QApplication;
class QObject;
class QSettings;

// The console's look and language, chosen in View > Theme / View > Language and kept in the settings
// ("ui/theme", "ui/language"). Colours never come from here beyond the palette: Tones work the state
// colours out of whatever palette is in force, so a dark palette gets readable tones.
namespace Appearance {
enum class Theme { System, Light, Dark };

Theme themeFromSetting(const QString &value);   // unknown: System
QString settingForTheme(Theme theme);
Theme savedTheme(const QSettings *settings);
void saveTheme(QSettings *settings, Theme theme);
// System: the platform's palette (and it follows the platform's changes); Light / Dark: the Fusion
// style's light palette, or a dark one derived from it.
QPalette paletteFor(Theme theme);
void applyTheme(Theme theme);
bool isDark(const QPalette &palette);

// "" (the system's locale), "en" or "fi". Takes effect at the next start (the window says so).
QString savedLanguage(const QSettings *settings);
void saveLanguage(QSettings *settings, const QString &language);
// Installs the console's translation (and Qt's own, when present) for the saved language or, with none
// saved, the system locale; returns the language in force ("en" when nothing was loaded).
QString installTranslations(QApplication *app, const QSettings *settings);

// View > Theme: {System, Light, Dark} actions made an exclusive group, the saved one checked; picking one
// saves and applies it.
void bindThemeActions(QSettings *settings, const QList<QAction *> &systemLightDark);
// View > Language: {System, English, Finnish}; picking another one saves it and calls changed() (it takes
// effect at the next start).
void bindLanguageActions(QSettings *settings, const QList<QAction *> &systemEnglishFinnish, QObject *context,
                         std::function<void()> changed);
} // namespace Appearance
