#pragma once

#include <QList>
#include <QObject>
#include <QString>

class QMenu;
class QSettings;
class QTableView;
class QTimer;

// The column behaviour every main table shares, in one place:
// - fitting: columns are sized to their content (header label included) and together fill the viewport
//   exactly, so a table never needs a horizontal scroll bar; one "elastic" column takes what is left
//   and elides, the others give up width from the widest down (never below their header label) when the
//   content does not fit. Refitted when rows arrive or change (unless the admin resized a column by hand),
//   when the table is emptied or reset, when the viewport is resized and when the set of columns changes;
//   the horizontal scroll position goes back to 0 each time (it never sticks).
// - choosing columns: right-click on the header opens a checkable list of the columns; less important
//   ones start hidden (hiddenByDefault), the choice is remembered per table in QSettings (not secret).
// - tooltips: a cell whose text is elided shows its full text in a tooltip, and every cell tooltip is
//   shown as plain text (server strings are never rendered as rich text).
class TableColumns : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QList<int> hiddenByDefault;   // chosen from the header's menu; remembered once changed
        int elastic = -1;             // takes the remaining width and elides; -1: the last visible column
        QList<int> elideMiddle;       // ids: the start and the end are what tells them apart
        int maxColumnWidth = 320;     // a non-elastic column never asks for more than this
        int elasticShare = 33;        // % of the width the elastic column keeps before the others give way
    };

    // name: the QSettings group under "tables/" (e.g. "keys"); settings may be null (nothing remembered).
    TableColumns(QTableView *view, QSettings *settings, const QString &name, const Options &options);

    static TableColumns *of(const QTableView *view);   // the helper attached to a view, if any

    bool isColumnVisible(int column) const;
    void setColumnVisible(int column, bool visible);   // remembered
    QMenu *createHeaderMenu(QWidget *parent);           // the header's context menu (checkable columns)
    void fit();                                          // at once (it also runs by itself, coalesced)
    QString settingsKey() const;

    // Text safe for a tooltip: always plain, whatever it contains ("<b>" shows as "<b>").
    static QString plainToolTip(const QString &text);

signals:
    void fitted();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void scheduleFit();
    void restore();
    void remember();
    bool showCellToolTip(class QHelpEvent *event);

    QTableView *m_view;
    // The viewport the filter watches, compared by address only: while the view is being destroyed its
    // viewport still sends events, and m_view->viewport() on the half-destroyed view is undefined behaviour
    // (UBSan: "member call on address ... which does not point to an object of type 'QAbstractScrollArea'").
    QObject *m_viewport = nullptr;
    QSettings *m_settings;
    QString m_name;
    Options m_options;
    QTimer *m_fitTimer;
    bool m_fitting = false;
    bool m_resizedByHand = false;
};
