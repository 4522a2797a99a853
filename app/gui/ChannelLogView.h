#pragma once

#include <QWidget>

class ChannelLogModel;
class ChannelLogFilterModel;
class JsonTreeModel;
class MessageBanner;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QModelIndex;
class QPlainTextEdit;
class QSpinBox;
class QTableView;
class QToolButton;
class QTreeView;

// A channel's log as the user sees it: the filter row (text or regex, direction, errors only, pause,
// clear, export, cap), the bounded table that follows the tail, and the detail pane of the selected
// message: its raw text (JSON pretty-printed, binary as a hex dump) with its paired request or reply, and
// next to it a collapsible JSON tree (JsonTreeModel, bounded).
class ChannelLogView : public QWidget
{
    Q_OBJECT
public:
    ChannelLogView(ChannelLogModel *log, ChannelLogFilterModel *filter, MessageBanner *banner, QWidget *parent = nullptr);
    ~ChannelLogView() override;

    QTableView *table() const { return m_view; }
    JsonTreeModel *tree() const { return m_tree; }
    // Writes the whole log (or only the filtered view) as NDJSON; returns lines written or -1.
    qint64 exportTo(const QString &path, bool filteredOnly);
    // How much of a binary frame the detail pane dumps (the byte count is always shown).
    static constexpr int kDetailHexBytes = 64 * 1024;

private:
    void applyFilter();
    void showDetail(const QModelIndex &proxyIndex);
    void exportDialog(bool filteredOnly);

    ChannelLogModel *m_log;
    ChannelLogFilterModel *m_filter;
    MessageBanner *m_banner;
    QLineEdit *m_filterEdit;
    QCheckBox *m_regex;
    QComboBox *m_direction;
    QCheckBox *m_errorsOnly;
    QToolButton *m_pause;
    QSpinBox *m_capacity;
    QTableView *m_view;
    QPlainTextEdit *m_detail;
    QTreeView *m_treeView;
    JsonTreeModel *m_tree;
    bool m_followTail = true;
};
