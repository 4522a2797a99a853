#pragma once

#include "core/Clock.h"

#include <QPointer>
#include <QVector>

// A clock the test moves by hand; scheduled callbacks fire, in time order, inside advance().
class FakeClock final : public Clock
{
public:
    explicit FakeClock(QDateTime start = QDateTime(QDate(2026, 11, 22), QTime(12, 0), Qt::UTC));

    QDateTime now() const override { return m_now; }
    void schedule(int ms, QObject *context, std::function<void()> fn) override;

    void advance(qint64 ms);          // fires everything due up to now + ms
    void advanceToNext();             // jumps to the next scheduled callback and fires it
    qint64 elapsedMs() const { return m_start.msecsTo(m_now); }
    int pending() const;

private:
    struct Entry { QDateTime due; quint64 seq; QPointer<QObject> context; std::function<void()> fn; };
    QDateTime m_start;
    QDateTime m_now;
    quint64 m_seq = 0;
    QVector<Entry> m_entries;
};
