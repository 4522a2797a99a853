#pragma once

#include "services/ServiceUserOperations.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

#include <functional>

class BulkRun;
class QLabel;
class QPushButton;
class QTableWidget;

// The result of a bulk action, a row per item as it finishes (done, failed with the server's reason, not
// sent): partial failures stay in view until the admin closes it. Cancel stops starting rows (those
// already sent finish and report). Everything shown is plain text.
class BulkResultDialog : public QDialog
{
    Q_OBJECT
public:
    enum Column { ItemColumn, StateColumn, ResultColumn };

    BulkResultDialog(LifecycleAction action, const QList<LifecycleTarget> &targets, BulkRun *run, QWidget *parent);

    BulkRun *run() const { return m_run; }
    QTableWidget *table() const { return m_table; }
    QString summaryText() const;

    // The page's part: ONE confirmation listing what will happen (ServiceUserOperations::question), then
    // this dialog over a BulkRun of op (parented to page); after(run) once every row has its outcome.
    static void confirmAndRun(QWidget *page, LifecycleAction action, const QList<LifecycleTarget> &targets,
                              BulkRun::Operation op, std::function<void(const BulkRun &)> after);

protected:
    void reject() override;

private:
    void updateRow(int row);
    void updateSummary();

    LifecycleAction m_action;
    QPointer<BulkRun> m_run;
    QTableWidget *m_table;
    QLabel *m_summary;
    QPushButton *m_cancel;
    QPushButton *m_close;
};
