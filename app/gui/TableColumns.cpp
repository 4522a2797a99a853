#include "TableColumns.h"

#include "Tones.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QEvent>
#include <QHeaderView>
#include <QHelpEvent>
#include <QMenu>
#include <QResizeEvent>
#include <QScrollBar>
#include <QSettings>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QToolTip>

#include <algorithm>

namespace {
class MiddleElideDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->textElideMode = Qt::ElideMiddle;
    }
};

// Width of a cell's text as the delegate draws it (text plus the item's margins).
int cellTextWidth(const QTableView *view, const QModelIndex &index)
{
    const QString text = index.data(Qt::DisplayRole).toString();
    const QVariant f = index.data(Qt::FontRole);
    QFont font = f.isValid() ? f.value<QFont>() : view->font();
    if (const auto *tones = qobject_cast<const ToneDelegate *>(view->itemDelegateForIndex(index)))
        font = tones->fontFor(index, font);   // a font chosen on the GUI side from the model's roles
    const QFontMetrics fm(font);
    const int margin = view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1;
    return fm.horizontalAdvance(text) + 2 * margin;
}
} // namespace

TableColumns::TableColumns(QTableView *view, QSettings *settings, const QString &name, const Options &options)
    : QObject(view), m_view(view), m_settings(settings), m_name(name), m_options(options), m_fitTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("tableColumns"));
    m_fitTimer->setSingleShot(true);
    m_fitTimer->setInterval(0);
    connect(m_fitTimer, &QTimer::timeout, this, &TableColumns::fit);

    QHeaderView *h = view->horizontalHeader();
    h->setStretchLastSection(false);
    h->setSectionResizeMode(QHeaderView::Interactive);
    h->setMinimumSectionSize(std::min(h->minimumSectionSize(), 36));
    h->setContextMenuPolicy(Qt::CustomContextMenu);
    view->setTextElideMode(Qt::ElideRight);
    view->setWordWrap(false);
    for (int c : std::as_const(m_options.elideMiddle))
        if (!view->itemDelegateForColumn(c))
            view->setItemDelegateForColumn(c, new MiddleElideDelegate(view));
    connect(h, &QWidget::customContextMenuRequested, this, [this, h](const QPoint &pos) {
        QMenu *menu = createHeaderMenu(h);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(h->mapToGlobal(pos));
    });

    // A column the admin resized by hand stays so while rows change (a live table changes every few
    // seconds); emptying or resetting the table, resizing the view or choosing columns fits it again.
    connect(h, &QHeaderView::sectionResized, this, [this] {
        if (!m_fitting)
            m_resizedByHand = true;
    });
    if (QAbstractItemModel *m = view->model()) {
        auto refill = [this] {
            m_resizedByHand = false;
            scheduleFit();
        };
        auto changed = [this] {
            if (!m_resizedByHand)
                scheduleFit();
        };
        connect(m, &QAbstractItemModel::modelReset, this, refill);
        connect(m, &QAbstractItemModel::rowsInserted, this, changed);
        connect(m, &QAbstractItemModel::rowsRemoved, this, [this, m, refill, changed] {
            if (m->rowCount() == 0)
                refill();
            else
                changed();
        });
        connect(m, &QAbstractItemModel::layoutChanged, this, changed);
        connect(m, &QAbstractItemModel::dataChanged, this, changed);
        connect(m, &QAbstractItemModel::headerDataChanged, this, changed);
    }
    view->installEventFilter(this);
    m_viewport = view->viewport();
    m_viewport->installEventFilter(this);
    restore();
    scheduleFit();
}

TableColumns *TableColumns::of(const QTableView *view)
{
    return view ? view->findChild<TableColumns *>(QStringLiteral("tableColumns"), Qt::FindDirectChildrenOnly) : nullptr;
}

QString TableColumns::settingsKey() const
{
    return QStringLiteral("tables/%1/hiddenColumns").arg(m_name);
}

QString TableColumns::plainToolTip(const QString &text)
{
    // QToolTip guesses rich text (Qt::mightBeRichText); escaped inside <p> it is always shown literally.
    return QStringLiteral("<p style='white-space:pre-wrap'>%1</p>").arg(text.toHtmlEscaped());
}

bool TableColumns::isColumnVisible(int column) const
{
    return !m_view->isColumnHidden(column);
}

void TableColumns::setColumnVisible(int column, bool visible)
{
    if (column < 0 || column >= m_view->horizontalHeader()->count() || visible == isColumnVisible(column))
        return;
    m_view->setColumnHidden(column, !visible);
    remember();
    m_resizedByHand = false;
    scheduleFit();
}

void TableColumns::restore()
{
    const int count = m_view->horizontalHeader()->count();
    QList<int> hidden = m_options.hiddenByDefault;
    if (m_settings && m_settings->contains(settingsKey())) {
        hidden.clear();
        for (const QString &s : m_settings->value(settingsKey()).toStringList()) {
            bool ok = false;
            const int c = s.toInt(&ok);
            if (ok && c >= 0 && c < count)
                hidden << c;
        }
    }
    if (int(hidden.size()) >= count)
        hidden.clear();   // never all of them
    for (int c = 0; c < count; ++c)
        m_view->setColumnHidden(c, hidden.contains(c));
}

void TableColumns::remember()
{
    if (!m_settings)
        return;
    QStringList hidden;
    for (int c = 0; c < m_view->horizontalHeader()->count(); ++c)
        if (m_view->isColumnHidden(c))
            hidden << QString::number(c);
    m_settings->setValue(settingsKey(), hidden);
}

QMenu *TableColumns::createHeaderMenu(QWidget *parent)
{
    auto *menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("columnsMenu"));
    menu->setToolTipsVisible(false);
    const int count = m_view->horizontalHeader()->count();
    int visible = 0;
    for (int c = 0; c < count; ++c)
        visible += isColumnVisible(c) ? 1 : 0;
    QAbstractItemModel *model = m_view->model();
    for (int c = 0; c < count; ++c) {
        QString title = model ? model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString() : QString();
        title.replace(QLatin1Char('&'), QStringLiteral("&&"));   // a label, not a mnemonic
        QAction *a = menu->addAction(title);
        a->setCheckable(true);
        a->setChecked(isColumnVisible(c));
        a->setEnabled(!(a->isChecked() && visible == 1));   // the last visible column stays
        a->setData(c);
        connect(a, &QAction::toggled, this, [this, c](bool on) { setColumnVisible(c, on); });
    }
    return menu;
}

void TableColumns::scheduleFit()
{
    if (!m_fitting)
        m_fitTimer->start();
}

void TableColumns::fit()
{
    m_fitTimer->stop();
    QHeaderView *h = m_view->horizontalHeader();
    const int avail = m_view->viewport()->width();
    QList<int> visible;
    for (int c = 0; c < h->count(); ++c)
        if (!h->isSectionHidden(c))
            visible << c;
    if (visible.isEmpty() || avail <= 0)
        return;
    m_fitting = true;
    const int elastic = visible.contains(m_options.elastic) ? m_options.elastic : visible.last();
    const int grid = m_view->showGrid() ? 1 : 0;
    QHash<int, int> want, floor;
    int total = 0;
    for (int c : std::as_const(visible)) {
        if (c == elastic)
            continue;
        const int label = h->sectionSizeHint(c);
        const int content = static_cast<QAbstractItemView *>(m_view)->sizeHintForColumn(c) + grid;
        want[c] = std::clamp(std::max(label, content), h->minimumSectionSize(), std::max(m_options.maxColumnWidth, label));
        floor[c] = std::max(h->minimumSectionSize(), std::min(label, want[c]));
        total += want[c];
    }
    // The elastic column gives way, but keeps a readable share (elasticShare) before the others do.
    int floors = 0;
    for (int f : std::as_const(floor))
        floors += f;
    const int elasticLabel = std::max(h->sectionSizeHint(elastic), 80);
    const int elasticContent = static_cast<QAbstractItemView *>(m_view)->sizeHintForColumn(elastic) + grid;
    const int elasticMin = std::max(elasticLabel, std::min({elasticContent, avail * m_options.elasticShare / 100, avail - floors}));
    const int budget = avail - elasticMin;
    if (total > budget) {
        // The widest give up width first, down to a common level, never below their header label.
        auto sumAt = [&](int level) {
            int s = 0;
            for (auto it = want.cbegin(); it != want.cend(); ++it)
                s += std::min(it.value(), std::max(floor.value(it.key()), level));
            return s;
        };
        int lo = 0, hi = m_options.maxColumnWidth;
        for (int w : std::as_const(want))
            hi = std::max(hi, w);
        while (lo < hi) {
            const int mid = (lo + hi + 1) / 2;
            if (sumAt(mid) <= budget)
                lo = mid;
            else
                hi = mid - 1;
        }
        total = 0;
        for (auto it = want.begin(); it != want.end(); ++it) {
            it.value() = std::min(it.value(), std::max(floor.value(it.key()), lo));
            total += it.value();
        }
    }
    for (auto it = want.cbegin(); it != want.cend(); ++it)
        h->resizeSection(it.key(), it.value());
    h->resizeSection(elastic, std::max(elasticMin, avail - total));
    m_view->horizontalScrollBar()->setValue(0);
    m_fitting = false;
    emit fitted();
}

bool TableColumns::showCellToolTip(QHelpEvent *event)
{
    const QModelIndex index = m_view->indexAt(event->pos());
    if (!index.isValid())
        return false;
    const QString text = index.data(Qt::DisplayRole).toString();
    const QString tip = index.data(Qt::ToolTipRole).toString();
    const QRect rect = m_view->visualRect(index);
    QString shown;
    if (!text.isEmpty() && cellTextWidth(m_view, index) > rect.width() && !tip.contains(text))
        shown = text;
    if (!tip.isEmpty())
        shown = shown.isEmpty() ? tip : shown + QLatin1Char('\n') + tip;
    if (shown.isEmpty()) {
        QToolTip::hideText();
        return true;
    }
    QToolTip::showText(event->globalPos(), plainToolTip(shown), m_view->viewport(), rect);
    return true;
}

bool TableColumns::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_viewport) {
        if (event->type() == QEvent::Resize) {
            // A new width is fitted again; a new height only (a horizontal scroll bar the admin's own
            // widening brought) is not.
            const auto *resize = static_cast<QResizeEvent *>(event);
            if (resize->size().width() != resize->oldSize().width()) {
                m_resizedByHand = false;
                scheduleFit();
            }
        }
        else if (event->type() == QEvent::ToolTip)
            return showCellToolTip(static_cast<QHelpEvent *>(event));
    } else if (watched == m_view && event->type() == QEvent::Show) {
        scheduleFit();
    }
    return QObject::eventFilter(watched, event);
}
