#pragma once

#include "core/ApiError.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

// The outcome of one row of a bulk action: done, failed with the server's reason, or never sent (cancelled
// before its turn, or refused before sending). Nothing is left without one.
struct BulkOutcome
{
    enum class State { Pending, Running, Ok, Failed, NotSent };
    QString id;
    State state = State::Pending;
    QString message;     // Ok: what happened ("2 keys disabled"); Failed/NotSent: why (plain text)
    ApiError error;      // Failed: the error
    QJsonObject body;    // Ok: the reply as the server sent it (for --json of a single id)
    bool finished() const { return state == State::Ok || state == State::Failed || state == State::NotSent; }
    bool ok() const { return state == State::Ok; }
    static QString stateName(State s);
};

// One operation applied to N ids, at most `concurrency` at a time (default 4), each id sent exactly once:
// a failed or lost row is reported, never re-sent (the admin decides whether to try again). cancel() (or
// the context object's destruction) stops starting rows; rows already sent finish and report, rows not
// yet sent are reported as "not sent". GUI and CLI both run their bulk actions through this.
class BulkRun : public QObject
{
    Q_OBJECT
public:
    // Starts the operation for one id; calls done exactly once (ok: a short note of what happened).
    using Operation = std::function<void(const QString &id, QObject *context, std::function<void(BulkOutcome)> done)>;

    static constexpr int kDefaultConcurrency = 4;
    static constexpr int kMaxIds = 10000;

    // The run is a child of context: it is dropped (unfinished rows not sent) when context goes. An id
    // given twice is one row; rows past kMaxIds are "not sent" (never silently dropped).
    BulkRun(const QStringList &ids, Operation op, QObject *context, int concurrency = kDefaultConcurrency);

    void start();
    void cancel();
    bool isCancelled() const { return m_cancelled; }
    bool isFinished() const { return m_finishedRows == m_rows.size() && m_started; }
    const QList<BulkOutcome> &rows() const { return m_rows; }
    int okCount() const;
    int failedCount() const;   // failed or not sent
    int inFlight() const { return m_inFlight; }
    int maxInFlightSeen() const { return m_maxInFlight; }
    // "3 done, 1 failed, 2 not sent" (plain text, for both faces).
    QString summary() const;

signals:
    void rowStarted(int row);
    void rowFinished(int row);
    void finished();

private:
    void pump();
    void complete(int row, BulkOutcome outcome);

    QList<BulkOutcome> m_rows;
    Operation m_op;
    int m_concurrency;
    int m_next = 0;
    int m_inFlight = 0;
    int m_maxInFlight = 0;
    int m_finishedRows = 0;
    bool m_started = false;
    bool m_cancelled = false;
    bool m_reported = false;
};
