#include "BulkResultDialog.h"

#include "Dialogs.h"
#include "Tones.h"
#include "services/BulkRun.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

BulkResultDialog::BulkResultDialog(LifecycleAction action, const QList<LifecycleTarget> &targets, BulkRun *run, QWidget *parent)
    : QDialog(parent), m_action(action), m_run(run), m_table(new QTableWidget(this)), m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("bulkResultDialog"));
    setWindowTitle(tr("%1 %2").arg(ServiceUserOperations::verb(action), ServiceUserOperations::noun(action, int(targets.size()))));
    setAttribute(Qt::WA_DeleteOnClose);
    resize(720, 420);
    auto *layout = new QVBoxLayout(this);
    m_summary->setObjectName(QStringLiteral("bulkSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_table->setObjectName(QStringLiteral("bulkResultTable"));
    m_table->setAccessibleName(tr("Result per item"));
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("Item"), tr("State"), tr("Result")});
    m_table->setRowCount(int(run->rows().size()));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(ItemColumn, QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(StateColumn, QHeaderView::ResizeToContents);
    for (int i = 0; i < m_table->rowCount(); ++i) {
        const LifecycleTarget t = targets.value(i);
        const QString id = run->rows().at(i).id;
        // QTableWidgetItem text is plain text: a name holding markup shows as typed.
        auto *item = new QTableWidgetItem(t.label.isEmpty() || t.id != id ? id : QStringLiteral("%1 (%2)").arg(t.label, id));
        item->setToolTip(id.toHtmlEscaped());
        m_table->setItem(i, ItemColumn, item);
        m_table->setItem(i, StateColumn, new QTableWidgetItem);
        m_table->setItem(i, ResultColumn, new QTableWidgetItem);
        updateRow(i);
    }
    m_table->setColumnWidth(ItemColumn, 300);
    layout->addWidget(m_table, 1);

    auto *buttons = new QDialogButtonBox(this);
    m_cancel = buttons->addButton(tr("Stop"), QDialogButtonBox::RejectRole);
    m_cancel->setObjectName(QStringLiteral("bulkCancelButton"));
    m_cancel->setToolTip(tr("Send no more; what was sent finishes and is shown"));
    m_close = buttons->addButton(QDialogButtonBox::Close);
    m_close->setObjectName(QStringLiteral("bulkCloseButton"));
    m_close->setEnabled(false);
    layout->addWidget(buttons);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_run)
            m_run->cancel();
        m_cancel->setEnabled(false);
    });
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
    connect(run, &BulkRun::rowStarted, this, &BulkResultDialog::updateRow);
    connect(run, &BulkRun::rowFinished, this, [this](int row) {
        updateRow(row);
        updateSummary();
    });
    connect(run, &BulkRun::finished, this, [this] {
        updateSummary();
        m_cancel->setEnabled(false);
        m_close->setEnabled(true);
        m_close->setDefault(true);
    });
    updateSummary();
}

void BulkResultDialog::reject()
{
    // Escape or the window's close while rows are out: stop sending, keep showing what comes back.
    if (m_run && !m_run->isFinished()) {
        m_run->cancel();
        m_cancel->setEnabled(false);
        return;
    }
    QDialog::reject();
}

QString BulkResultDialog::summaryText() const
{
    return m_summary->text();
}

void BulkResultDialog::updateRow(int row)
{
    if (!m_run || row < 0 || row >= m_run->rows().size())
        return;
    const BulkOutcome &o = m_run->rows().at(row);
    QString state;
    switch (o.state) {
    case BulkOutcome::State::Pending: state = tr("waiting"); break;
    case BulkOutcome::State::Running: state = tr("sending…"); break;
    case BulkOutcome::State::Ok: state = tr("done"); break;
    case BulkOutcome::State::Failed: state = tr("FAILED"); break;
    case BulkOutcome::State::NotSent: state = tr("not sent"); break;
    }
    m_table->item(row, StateColumn)->setText(state);
    m_table->item(row, ResultColumn)->setText(o.message);
    m_table->item(row, ResultColumn)->setToolTip(o.message.toHtmlEscaped());
    const bool bad = o.state == BulkOutcome::State::Failed || o.state == BulkOutcome::State::NotSent;
    for (int c = 0; c < m_table->columnCount(); ++c)
        m_table->item(row, c)->setForeground(bad ? Tones::negative(palette()) : palette().text().color());
}

void BulkResultDialog::updateSummary()
{
    if (!m_run)
        return;
    const QString what = ServiceUserOperations::noun(m_action, int(m_run->rows().size()));
    if (m_run->isFinished())
        m_summary->setText(m_run->failedCount() == 0
                               ? tr("%1 %2: all done.").arg(ServiceUserOperations::verb(m_action), what)
                               : tr("%1 %2: %3. The failed rows were not retried; each says why.")
                                     .arg(ServiceUserOperations::verb(m_action), what, m_run->summary()));
    else
        m_summary->setText(tr("%1 %2: %3…").arg(ServiceUserOperations::verb(m_action), what, m_run->summary()));
}

void BulkResultDialog::confirmAndRun(QWidget *page, LifecycleAction action, const QList<LifecycleTarget> &targets,
                                     BulkRun::Operation op, std::function<void(const BulkRun &)> after)
{
    if (targets.isEmpty())
        return;
    // The question is plain text (it names server-supplied names): escaped into the box's rich text.
    const QString text = QStringLiteral("<p>") + ServiceUserOperations::question(action, targets).toHtmlEscaped()
                                                     .replace(QLatin1Char('\n'), QStringLiteral("<br>"))
        + QStringLiteral("</p>");
    const QString title = tr("%1 %2").arg(ServiceUserOperations::verb(action), ServiceUserOperations::noun(action, int(targets.size())));
    const bool destructive = action == LifecycleAction::DeleteUser || action == LifecycleAction::RevokeKey
        || action == LifecycleAction::RevokeSession || action == LifecycleAction::DisableUser;
    QPointer<QWidget> guard(page);
    Dialogs::confirm(page, title, text, title, [guard, action, targets, op, after](bool yes) {
        if (!yes || !guard)
            return;
        QStringList ids;
        for (const LifecycleTarget &t : targets)
            ids << t.id;
        auto *run = new BulkRun(ids, op, guard);
        auto *dlg = new BulkResultDialog(action, targets, run, guard);
        run->setParent(dlg);   // the run lives as long as its result is shown (closing is refused while rows are out)
        QObject::connect(run, &BulkRun::finished, guard, [run, after] {
            if (after)
                after(*run);
        });
        dlg->open();
        run->start();
    }, destructive ? QMessageBox::Warning : QMessageBox::Question);
}
