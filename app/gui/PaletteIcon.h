#pragma once

#include <QIcon>
#include <QString>

// A monochrome line icon (resources/icons/ui/*.svg) inked with the application palette at paint time:
// WindowText (Disabled: its disabled colour; Selected: HighlightedText). A theme switch (View > Theme)
// repaints the toolbar and the navigation, and the icons follow: dark strokes on light, light on dark.
QIcon paletteIcon(const QString &svgPath);
