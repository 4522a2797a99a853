#include "Clock.h"

#include <QTimer>

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

void SystemClock::schedule(int ms, QObject *context, std::function<void()> fn)
{
    // Precise, never early: Qt's default coarse timers may fire up to 5% early, and a device-flow poll that
    // comes a quarter second before the server's interval is answered with slow_down (RFC 8628 §3.5).
    QTimer::singleShot(ms, Qt::PreciseTimer, context, std::move(fn));
}
