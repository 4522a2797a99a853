#pragma once

#include "net/ChannelSocket.h"

#include <QWidget>

class AppContext;
class ChannelLogModel;
class ChannelLogFilterModel;
class QLineEdit;
class QComboBox;
class QCheckBox;
class QPushButton;
class QLabel;
class QTableView;
class QPlainTextEdit;
class QSpinBox;
class QToolButton;
class MessageBanner;

// One live channel: connect as me (Bearer) or as a service key (x-api-key), watch its traffic in a
// bounded log, filter it, inspect a message, send messages.
class ChannelTab : public QWidget
{
    Q_OBJECT
public:
    ChannelTab(AppContext *context, const QUrl &url, QWidget *parent = nullptr);
    ~ChannelTab() override;

    ChannelLogModel *log() const { return m_log; }
    ChannelLogFilterModel *filter() const { return m_filter; }
    ChannelSocket *socket() const { return m_socket; }
    QString title() const;

    void connectChannel();
    void disconnectChannel();
    bool sendComposer();
    // Writes the whole log (or only the filtered view) as NDJSON; returns lines written or -1.
    qint64 exportTo(const QString &path, bool filteredOnly);

signals:
    void titleChanged(const QString &title);

private:
    void buildUi();
    void updateStatus();
    void applyFilter();
    void showDetail(const QModelIndex &proxyIndex);
    void quickAction(const QString &json);
    void exportDialog(bool filteredOnly);

    AppContext *m_context;
    ChannelSocket *m_socket;
    ChannelLogModel *m_log;
    ChannelLogFilterModel *m_filter;
    MessageBanner *m_banner;
    QLineEdit *m_url;
    QComboBox *m_identity;
    QLineEdit *m_keyEdit;
    QCheckBox *m_reconnect;
    QPushButton *m_connect;
    QLabel *m_status;
    QLineEdit *m_filterEdit;
    QCheckBox *m_regex;
    QComboBox *m_direction;
    QCheckBox *m_errorsOnly;
    QToolButton *m_pause;
    QSpinBox *m_capacity;
    QTableView *m_view;
    QPlainTextEdit *m_detail;
    QPlainTextEdit *m_composer;
    QLabel *m_composerState;
    QStringList m_history;
    int m_historyPos = -1;
    bool m_followTail = true;
};
