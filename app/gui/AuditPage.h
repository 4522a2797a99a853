#pragma once

#include "core/AuditTypes.h"

#include <QWidget>

class AppContext;
class AuditService;
class MessageBanner;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

// The audit trail (console API v1.1 "audit"): filter by actor, action, target and time range (sent to the
// server: AuditService pages GET /console/audit by cursor), live entries on top while "Live" is on, and a
// detail pane with every field of the selected entry as plain text. A server without the feature: one line
// says so and the rest is hidden.
class AuditPage : public QWidget
{
    Q_OBJECT
public:
    explicit AuditPage(AppContext *context, QWidget *parent = nullptr);
    ~AuditPage() override;

    void reload();                              // the first page again with the filter as typed
    void applyFilter(const AuditFilter &filter); // fills the fields and loads (the dashboard's clicks)
    AuditService *service() const { return m_service; }
    QTableView *table() const { return m_table; }
    MessageBanner *banner() const { return m_banner; }
    QLabel *stateLabel() const { return m_state; }
    QPlainTextEdit *detail() const { return m_detail; }

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    bool readFilter(AuditFilter *out);
    void updateState();
    void showDetail();

    AppContext *m_context;
    AuditService *m_service;
    MessageBanner *m_banner;
    QLineEdit *m_actor;
    QLineEdit *m_action;
    QLineEdit *m_target;
    QLineEdit *m_since;
    QLineEdit *m_until;
    QPushButton *m_apply;
    QCheckBox *m_liveCheck;
    QLabel *m_state;
    QLabel *m_live;
    QWidget *m_body;
    QTableView *m_table;
    QSortFilterProxyModel *m_proxy;
    QPushButton *m_more;
    QPlainTextEdit *m_detail;
};
