#pragma once

#include <QDateTime>
#include <QObject>

#include <functional>

// Time and timers behind one seam, so state machines (device flow, expiry warnings) can be driven by
// a fake clock in tests. schedule() behaves like QTimer::singleShot with a context object.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;
    virtual void schedule(int ms, QObject *context, std::function<void()> fn) = 0;
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override;
    void schedule(int ms, QObject *context, std::function<void()> fn) override;
};
