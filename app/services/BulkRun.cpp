#include "BulkRun.h"

#include <QPointer>
#include <QTimer>

#include <algorithm>

QString BulkOutcome::stateName(State s)
{
    switch (s) {
    case State::Pending: return QStringLiteral("pending");
    case State::Running: return QStringLiteral("running");
    case State::Ok: return QStringLiteral("ok");
    case State::Failed: return QStringLiteral("failed");
    case State::NotSent: return QStringLiteral("not sent");
    }
    return {};
}

BulkRun::BulkRun(const QStringList &ids, Operation op, QObject *context, int concurrency)
    : QObject(context), m_op(std::move(op)), m_concurrency(std::clamp(concurrency, 1, 16))
{
    // An id given twice is sent once (one row). Beyond kMaxIds a row is kept but never sent, and says so.
    QStringList unique = ids;
    unique.removeDuplicates();
    for (const QString &id : unique) {
        BulkOutcome o;
        o.id = id;
        if (m_rows.size() >= kMaxIds) {
            o.state = BulkOutcome::State::NotSent;
            o.message = tr("not sent: more than %1 items in one run").arg(kMaxIds);
            ++m_finishedRows;
        }
        m_rows << o;
    }
}

void BulkRun::start()
{
    if (m_started)
        return;
    m_started = true;
    // The first rows start from the event loop, so a caller can connect after start() too.
    QTimer::singleShot(0, this, &BulkRun::pump);
}

void BulkRun::cancel()
{
    if (m_cancelled)
        return;
    m_cancelled = true;
    if (m_started)
        QTimer::singleShot(0, this, &BulkRun::pump);
}

int BulkRun::okCount() const
{
    return int(std::count_if(m_rows.begin(), m_rows.end(), [](const BulkOutcome &o) { return o.ok(); }));
}

int BulkRun::failedCount() const
{
    return int(std::count_if(m_rows.begin(), m_rows.end(),
                             [](const BulkOutcome &o) { return o.state == BulkOutcome::State::Failed || o.state == BulkOutcome::State::NotSent; }));
}

QString BulkRun::summary() const
{
    int ok = 0, failed = 0, notSent = 0, open = 0;
    for (const BulkOutcome &o : m_rows) {
        switch (o.state) {
        case BulkOutcome::State::Ok: ++ok; break;
        case BulkOutcome::State::Failed: ++failed; break;
        case BulkOutcome::State::NotSent: ++notSent; break;
        default: ++open; break;
        }
    }
    QStringList parts{tr("%1 done").arg(ok)};
    if (failed)
        parts << tr("%1 failed").arg(failed);
    if (notSent)
        parts << tr("%1 not sent").arg(notSent);
    if (open)
        parts << tr("%1 still running").arg(open);
    return parts.join(QStringLiteral(", "));
}

void BulkRun::pump()
{
    if (m_cancelled) {
        for (int i = m_next; i < m_rows.size(); ++i) {
            if (m_rows.at(i).finished())
                continue;
            BulkOutcome o = m_rows.at(i);
            o.state = BulkOutcome::State::NotSent;
            o.message = tr("not sent: cancelled before its turn");
            complete(i, o);
        }
        m_next = int(m_rows.size());
    }
    while (!m_cancelled && m_inFlight < m_concurrency && m_next < m_rows.size()) {
        const int row = m_next++;
        if (m_rows.at(row).finished())
            continue;   // refused before the run (over the bound)
        m_rows[row].state = BulkOutcome::State::Running;
        ++m_inFlight;
        m_maxInFlight = std::max(m_maxInFlight, m_inFlight);
        emit rowStarted(row);
        auto called = std::make_shared<bool>(false);
        QPointer<BulkRun> self(this);
        m_op(m_rows.at(row).id, this, [self, row, called](BulkOutcome o) {
            if (!self || *called)
                return;   // once per row, whatever the operation does
            *called = true;
            --self->m_inFlight;
            self->complete(row, std::move(o));
            QTimer::singleShot(0, self, &BulkRun::pump);
        });
    }
    if (m_finishedRows == m_rows.size() && !m_reported) {
        m_reported = true;
        emit finished();
    }
}

void BulkRun::complete(int row, BulkOutcome outcome)
{
    if (m_rows.at(row).finished())
        return;
    outcome.id = m_rows.at(row).id;
    if (!outcome.finished())
        outcome.state = BulkOutcome::State::Failed;
    m_rows[row] = std::move(outcome);
    ++m_finishedRows;
    emit rowFinished(row);
}
