#include "Clock.h"

#include <QTimer>

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

void SystemClock::schedule(int ms, QObject *context, std::function<void()> fn)
{
    QTimer::singleShot(ms, context, std::move(fn));
}
