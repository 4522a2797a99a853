#include "UsageChart.h"

#include "AppContext.h"
#include "Tones.h"
#include "services/Services.h"
#include "services/UsageService.h"
#include "services/models/ApiKeysModel.h"
#include "ui_KeyUsageDialog.h"

#include <QAccessible>
#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>

#include <algorithm>
#include <array>
#include <numeric>

namespace {

struct Tone
{
    QBrush brush;
    QColor line;
};

// Solid, hatched, dotted: the three counts differ by pattern as well as by colour.
Tone successTone(const QPalette &p) { return {QBrush(p.color(QPalette::Highlight)), p.color(QPalette::Highlight)}; }
Tone failureTone(const QPalette &p) { return {QBrush(Tones::negative(p), Qt::BDiagPattern), Tones::negative(p)}; }
Tone limitedTone(const QPalette &p) { return {QBrush(Tones::warning(p), Qt::Dense5Pattern), Tones::warning(p)}; }

// One stacked bar from the bottom of rect: success, then failure, then rate-limited; scale counts per pixel.
void paintBar(QPainter *painter, const QRectF &rect, const UsageCounts &c, double perPixel, const QPalette &palette)
{
    double y = rect.bottom();
    const std::array<std::pair<qint64, Tone>, 3> parts{{{c.success, successTone(palette)},
                                                         {c.failure, failureTone(palette)},
                                                         {c.rateLimited, limitedTone(palette)}}};
    for (const auto &[n, tone] : parts) {
        if (n <= 0)
            continue;
        const double h = std::max(1.0, double(n) / perPixel);
        const QRectF r(rect.left(), y - h, rect.width(), h);
        painter->fillRect(r, tone.brush);
        painter->setPen(QPen(tone.line, 1));
        painter->drawRect(r.adjusted(0.5, 0.5, -0.5, -0.5));
        y -= h;
    }
}

} // namespace

void UsageSparklineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QVariantList days = index.data(ApiKeysModel::Usage7dRole).toList();
    const QString total = opt.text;
    opt.text.clear();
    const QWidget *w = option.widget;
    QStyle *style = w ? w->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, w);
    if (days.isEmpty()) {
        painter->save();
        painter->setPen(Tones::muted(opt.palette));
        painter->drawText(opt.rect.adjusted(4, 0, -4, 0), Qt::AlignVCenter | Qt::AlignLeft, total);
        painter->restore();
        return;
    }
    painter->save();
    const QRect area = opt.rect.adjusted(4, 3, -4, -3);
    const int textWidth = opt.fontMetrics.horizontalAdvance(QStringLiteral("000000"));
    const QRect bars(area.left(), area.top(), std::max(7, area.width() - textWidth - 4), area.height());
    qint64 peak = 1;
    for (const QVariant &d : days) {
        const QVariantMap m = d.toMap();
        peak = std::max(peak, m.value(QStringLiteral("success")).toLongLong() + m.value(QStringLiteral("failure")).toLongLong()
                                  + m.value(QStringLiteral("rateLimited")).toLongLong());
    }
    const double slot = double(bars.width()) / double(days.size());
    const double perPixel = double(peak) / std::max(1, bars.height());
    // A base line, so a silent week still shows seven empty days.
    painter->setPen(QPen(Tones::muted(opt.palette), 1));
    painter->drawLine(QPointF(bars.left(), bars.bottom() + 0.5), QPointF(bars.right(), bars.bottom() + 0.5));
    for (int i = 0; i < days.size(); ++i) {
        const QVariantMap m = days.at(i).toMap();
        UsageCounts c;
        c.success = m.value(QStringLiteral("success")).toLongLong();
        c.failure = m.value(QStringLiteral("failure")).toLongLong();
        c.rateLimited = m.value(QStringLiteral("rateLimited")).toLongLong();
        paintBar(painter, QRectF(bars.left() + i * slot + 1, bars.top(), std::max(1.0, slot - 2), bars.height()), c, perPixel, opt.palette);
    }
    painter->setPen(opt.palette.color((opt.state & QStyle::State_Selected) ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(QRect(bars.right() + 4, area.top(), textWidth, area.height()), Qt::AlignVCenter | Qt::AlignRight, total);
    painter->restore();
}

QSize UsageSparklineDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    s.setWidth(std::max(s.width(), option.fontMetrics.horizontalAdvance(QStringLiteral("000000")) + 7 * 8 + 12));
    return s;
}

UsageChart::UsageChart(QWidget *parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
}

void UsageChart::clear()
{
    m_series.clear();
    setAccessibleDescription({});
    setToolTip({});
    update();
}

void UsageChart::setUsage(const KeyUsage &usage, const QString &label)
{
    m_series = {{usage, label}};
    setAccessibleDescription(describe());
    setToolTip(describe());
    update();
}

void UsageChart::setComparison(const KeyUsage &second, const QString &label)
{
    if (m_series.isEmpty())
        return;
    m_series.resize(1);
    m_series << Series{second, label};
    setAccessibleDescription(describe());
    setToolTip(describe());
    update();
}

qint64 UsageChart::peak() const
{
    qint64 most = 0;
    for (const Series &s : m_series)
        for (const UsageBucket &b : s.usage.buckets)
            most = std::max(most, b.counts.all());
    return most;
}

QString UsageChart::describe() const
{
    QStringList parts;
    for (const Series &s : m_series) {
        const UsageCounts &t = s.usage.total;
        const QString what = s.label.isEmpty() ? QString() : s.label + QStringLiteral(": ");
        parts << what + tr("%1 succeeded, %2 failed, %3 rate-limited in %n days; busiest bucket %4", nullptr, s.usage.days)
                            .arg(t.success).arg(t.failure).arg(t.rateLimited).arg(
                                std::accumulate(s.usage.buckets.cbegin(), s.usage.buckets.cend(), qint64(0),
                                                [](qint64 m, const UsageBucket &b) { return std::max(m, b.counts.all()); }));
    }
    return parts.join(QStringLiteral("; "));
}

void UsageChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, false);
    const QPalette pal = palette();
    painter.fillRect(rect(), pal.color(QPalette::Base));
    const QFontMetrics fm = fontMetrics();
    const int legendHeight = fm.height() + 6;
    const int axisWidth = fm.horizontalAdvance(QString::number(std::max<qint64>(peak(), 10))) + 8;
    const QRect plot = rect().adjusted(axisWidth, fm.height() / 2 + 4, -8, -(legendHeight + fm.height() + 6));
    painter.setPen(pal.color(QPalette::Text));
    if (m_series.isEmpty()) {
        painter.drawText(rect(), Qt::AlignCenter, tr("No usage loaded"));
        return;
    }
    const qint64 top = std::max<qint64>(1, peak());
    // Axis: 0 and the peak, with a light line at the top.
    painter.drawText(QRect(0, plot.top() - fm.height() / 2, axisWidth - 4, fm.height()), Qt::AlignRight | Qt::AlignVCenter, QString::number(top));
    painter.drawText(QRect(0, plot.bottom() - fm.height() / 2, axisWidth - 4, fm.height()), Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("0"));
    painter.setPen(QPen(Tones::muted(pal), 1, Qt::DotLine));
    painter.drawLine(plot.topLeft(), plot.topRight());
    painter.setPen(QPen(Tones::muted(pal), 1));
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());

    const int buckets = int(std::max_element(m_series.cbegin(), m_series.cend(), [](const Series &a, const Series &b) {
                                return a.usage.buckets.size() < b.usage.buckets.size();
                            })->usage.buckets.size());
    if (buckets > 0) {
        const double slot = double(plot.width()) / buckets;
        const double perPixel = double(top) / std::max(1, plot.height());
        const int n = int(m_series.size());
        for (int s = 0; s < n; ++s) {
            const QList<UsageBucket> &list = m_series.at(s).usage.buckets;
            const int offset = buckets - int(list.size());   // aligned on the most recent bucket
            for (int i = 0; i < list.size(); ++i) {
                const double x = plot.left() + (offset + i) * slot + 1 + s * (slot - 2) / n;
                const QRectF bar(x, plot.top(), std::max(1.0, (slot - 2) / n - (n > 1 ? 1 : 0)), plot.height());
                paintBar(&painter, bar, list.at(i).counts, perPixel, pal);
                if (n > 1 && s == 1 && list.at(i).counts.all() > 0) {   // the second key: outlined, so pairs read apart
                    painter.setPen(QPen(pal.color(QPalette::Text), 1, Qt::DashLine));
                    painter.drawRect(bar.adjusted(0, plot.height() - std::max(1.0, double(list.at(i).counts.all()) / perPixel), 0, 0));
                }
            }
        }
        // First and last bucket's dates under the plot.
        const KeyUsage &u = m_series.first().usage;
        if (!u.buckets.isEmpty()) {
            const bool hour = u.bucket == KeyUsage::Bucket::Hour;
            const QString fmt = hour ? QStringLiteral("MM-dd HH:00") : QStringLiteral("yyyy-MM-dd");
            painter.setPen(pal.color(QPalette::Text));
            const QRect dates(plot.left(), plot.bottom() + 3, plot.width(), fm.height());
            painter.drawText(dates, Qt::AlignLeft | Qt::AlignTop, u.buckets.first().start.toString(fmt));
            painter.drawText(dates, Qt::AlignRight | Qt::AlignTop, u.buckets.last().start.toString(fmt));
        }
    }
    // Legend: a swatch with its pattern and a word for each count (and the keys, when two).
    int x = plot.left();
    const int y = height() - legendHeight;
    auto legend = [&](const Tone &tone, const QString &text, bool dashed = false) {
        const QRect sw(x, y + 3, fm.height(), fm.height() - 2);
        if (dashed) {
            painter.setPen(QPen(pal.color(QPalette::Text), 1, Qt::DashLine));
            painter.drawRect(sw);
        } else {
            painter.fillRect(sw, tone.brush);
            painter.setPen(tone.line);
            painter.drawRect(sw);
        }
        painter.setPen(pal.color(QPalette::Text));
        painter.drawText(QPoint(sw.right() + 4, y + fm.ascent() + 2), text);
        x = sw.right() + 4 + fm.horizontalAdvance(text) + 14;
    };
    legend(successTone(pal), tr("succeeded"));
    legend(failureTone(pal), tr("failed"));
    legend(limitedTone(pal), tr("rate-limited"));
    if (m_series.size() > 1)
        legend({}, tr("right bar: %1").arg(m_series.at(1).label), true);
}

KeyUsageDialog::KeyUsageDialog(AppContext *context, const ApiKey &key, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::KeyUsageDialog>())
{
    m_ui->setupUi(this);
    setWindowTitle(tr("Usage of %1").arg(key.name));
    m_ui->usageSummary->setText(tr("Loading the last %n days…", nullptr, UsageService::kChartDays));
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    UsageService usage(context->services()->console());
    usage.keyUsage(key.id, UsageService::kChartDays, KeyUsage::Bucket::Day, this, [this](Result<KeyUsageReply> r) {
        m_loaded = true;
        if (!r.ok()) {
            // The server's words as plain text (the label's format), or the one-line reason it lacks usage.
            m_ui->usageSummary->setText(UsageService::isUnsupported(r.error()) ? UsageService::unsupportedMessage()
                                                                                 : r.error().displayText());
            m_ui->usageChart->clear();
            return;
        }
        const KeyUsage &u = r.value().usage;
        m_ui->usageChart->setUsage(u);
        m_ui->usageSummary->setText(tr("%1 verifications in the last %n days: %2 succeeded, %3 failed, %4 rate-limited "
                                       "(counts may be up to %5 s behind).", nullptr, u.days)
                                        .arg(u.total.all()).arg(u.total.success).arg(u.total.failure).arg(u.total.rateLimited)
                                        .arg(u.flushSeconds));
    });
}

KeyUsageDialog::~KeyUsageDialog() = default;

UsageChart *KeyUsageDialog::chart() const
{
    return m_ui->usageChart;
}

QString KeyUsageDialog::summary() const
{
    return m_ui->usageSummary->text();
}
