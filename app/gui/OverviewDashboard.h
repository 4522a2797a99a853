#pragma once

#include "core/AuditTypes.h"
#include "services/OverviewService.h"

#include <QWidget>

class AppContext;
class QGridLayout;
class QLabel;
class QListWidget;
class QPushButton;

// The overview's counts (OverviewService: GET /console/overview, or what a v1 server's lists tell), each a
// button into the page it counts (openRequested), and the last audit entries (each opens the Audit page
// filtered to its target). A count the server cannot give shows a dash and its one-line reason.
class OverviewDashboard : public QWidget
{
    Q_OBJECT
public:
    explicit OverviewDashboard(AppContext *context, QWidget *parent = nullptr);
    void refresh();
    OverviewService *service() const { return m_service; }
    QPushButton *countButton(OverviewSnapshot::Item item) const { return m_buttons[item]; }
    QLabel *reasonLabel(OverviewSnapshot::Item item) const { return m_reasons[item]; }
    QListWidget *recentAudit() const { return m_recent; }
    QLabel *stateLabel() const { return m_state; }

signals:
    void openRequested(OverviewSnapshot::Item item);
    void auditRequested(const AuditFilter &filter);

private:
    void showSnapshot(const OverviewSnapshot &s);

    AppContext *m_context;
    OverviewService *m_service;
    QPushButton *m_buttons[OverviewSnapshot::ItemCount];
    QLabel *m_reasons[OverviewSnapshot::ItemCount];
    QLabel *m_state;
    QLabel *m_auditReason;
    QListWidget *m_recent;
    QPushButton *m_refresh;
};
