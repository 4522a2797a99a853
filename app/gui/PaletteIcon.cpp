#include "PaletteIcon.h"

#include <QGuiApplication>
#include <QIconEngine>
#include <QImage>
#include <QPainter>
#include <QPalette>
#include <QPixmap>

namespace {
class PaletteIconEngine : public QIconEngine
{
public:
    explicit PaletteIconEngine(const QString &path) : m_path(path), m_shape(path) {}

    QIconEngine *clone() const override { return new PaletteIconEngine(m_path); }
    QString key() const override { return QStringLiteral("PaletteIconEngine"); }
    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State state) override
    {
        return m_shape.actualSize(size, QIcon::Normal, state);
    }
    QList<QSize> availableSizes(QIcon::Mode, QIcon::State) override { return m_shape.availableSizes(); }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        QImage img = m_shape.pixmap(size, QIcon::Normal, state).toImage().convertToFormat(QImage::Format_ARGB32_Premultiplied);
        if (img.isNull())
            return {};
        QPainter p(&img);
        p.setCompositionMode(QPainter::CompositionMode_SourceIn);   // keep the stroke's coverage, take the ink
        p.fillRect(img.rect(), ink(mode));
        p.end();
        return QPixmap::fromImage(std::move(img));
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        QPixmap pm = pixmap((QSizeF(rect.size()) * dpr).toSize(), mode, state);
        pm.setDevicePixelRatio(dpr);
        painter->drawPixmap(rect, pm);
    }

private:
    static QColor ink(QIcon::Mode mode)
    {
        const QPalette p = QGuiApplication::palette();
        switch (mode) {
        case QIcon::Disabled: return p.color(QPalette::Disabled, QPalette::WindowText);
        case QIcon::Selected: return p.color(QPalette::Active, QPalette::HighlightedText);
        case QIcon::Normal:
        case QIcon::Active: break;
        }
        return p.color(QPalette::Active, QPalette::WindowText);
    }

    QString m_path;
    QIcon m_shape;   // the SVG as drawn: only its coverage is used
};
} // namespace

QIcon paletteIcon(const QString &svgPath)
{
    return QIcon(new PaletteIconEngine(svgPath));
}
