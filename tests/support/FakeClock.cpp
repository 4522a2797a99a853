#include "FakeClock.h"

#include <algorithm>

FakeClock::FakeClock(QDateTime start) : m_start(start), m_now(start) {}

void FakeClock::schedule(int ms, QObject *context, std::function<void()> fn)
{
    m_entries.push_back({m_now.addMSecs(ms), m_seq++, context, std::move(fn)});
}

int FakeClock::pending() const
{
    return int(std::count_if(m_entries.begin(), m_entries.end(), [](const Entry &e) { return !e.context.isNull(); }));
}

void FakeClock::advance(qint64 ms)
{
    const QDateTime target = m_now.addMSecs(ms);
    for (;;) {
        auto it = std::min_element(m_entries.begin(), m_entries.end(), [](const Entry &a, const Entry &b) {
            return a.due < b.due || (a.due == b.due && a.seq < b.seq);
        });
        if (it == m_entries.end() || it->due > target)
            break;
        Entry e = std::move(*it);
        m_entries.erase(it);
        m_now = std::max(m_now, e.due);
        if (e.context)
            e.fn();
    }
    m_now = target;
}

void FakeClock::advanceToNext()
{
    auto it = std::min_element(m_entries.begin(), m_entries.end(), [](const Entry &a, const Entry &b) {
        return a.due < b.due || (a.due == b.due && a.seq < b.seq);
    });
    if (it == m_entries.end())
        return;
    advance(std::max<qint64>(0, m_now.msecsTo(it->due)));
}
