#pragma once

#include "core/ConsoleTypes.h"

#include <QDialog>
#include <QStyledItemDelegate>
#include <QWidget>

#include <memory>

namespace Ui { class KeyUsageDialog; }
class AppContext;

// h-usage2 (issue 13 item 5): key usage drawn with the painter, in palette colours only. Succeeded
// verifications are solid bars in the highlight colour, failed ones hatched in the negative tone and
// rate-limited ones dotted in the warning tone, so the pattern tells them apart without colour; the
// numbers are always in words too (tooltip, accessible description, the summary line).

// The keys table's 7-day column: a bar per day (today last) and the week's total as text.
class UsageSparklineDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

// A key's usage over days (or hours): stacked bars, the tallest bucket's count on the axis, a legend.
// With a second series (the rotate follow-up) the two keys' bars stand side by side in each bucket.
class UsageChart : public QWidget
{
    Q_OBJECT
public:
    explicit UsageChart(QWidget *parent = nullptr);
    void setUsage(const KeyUsage &usage, const QString &label = {});
    void setComparison(const KeyUsage &second, const QString &label);   // after setUsage
    void clear();
    int seriesCount() const { return int(m_series.size()); }
    qint64 peak() const;   // the tallest bucket's count (the axis' top)
    QString describe() const;   // the numbers in words (the accessible description)
    QSize sizeHint() const override { return {560, 220}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    struct Series
    {
        KeyUsage usage;
        QString label;
    };
    QList<Series> m_series;
};

// "Usage…" on the keys page: the selected key's last 30 days, asked through UsageService.
class KeyUsageDialog : public QDialog
{
    Q_OBJECT
public:
    KeyUsageDialog(AppContext *context, const ApiKey &key, QWidget *parent = nullptr);
    ~KeyUsageDialog() override;
    UsageChart *chart() const;
    QString summary() const;
    bool isLoaded() const { return m_loaded; }

private:
    std::unique_ptr<Ui::KeyUsageDialog> m_ui;
    bool m_loaded = false;
};
