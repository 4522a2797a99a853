#pragma once

// ThreadSanitizer annotations for the channel's hand-overs between threads (build-tsan/, .ci/sanitize tsan).
//
// Debian's Qt is not built with -fsanitize=thread: a queued call or a queued signal crosses threads
// through Qt's event queue (QMutex on futexes inside libQt6Core), which TSan cannot see, so everything
// handed over reads as a race. The console states its own hand-overs instead: releaseTo(key) in the
// sending thread before the call or emit is queued, acquireFrom(key) first thing where it runs. Outside a
// TSan build these are empty inline functions.
//
// handedOver(f) wraps a functor that Qt calls in another thread than the one that made it: one given to a
// queued QMetaObject::invokeMethod, or connected to a queued signal (receivedFrom(sender, f), which also
// acquires what the sender released before emitting). Qt moves the functor into its slot object, and that
// last move releases on the functor's own address, so the captures copied there are covered; each call
// acquires first and releases when done, and the destructor acquires, so Qt may destroy the slot object
// in whichever thread drops it last (after delivery, or when an emit cleans up a disconnected connection).
#include <utility>

#if defined(__SANITIZE_THREAD__)
#define PIKKU_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define PIKKU_TSAN 1
#endif
#endif

#ifdef PIKKU_TSAN
extern "C" void __tsan_acquire(void *addr);
extern "C" void __tsan_release(void *addr);
#endif

namespace TsanHandOver {

inline void releaseTo(const void *key)
{
#ifdef PIKKU_TSAN
    __tsan_release(const_cast<void *>(key));
#else
    (void)key;
#endif
}

inline void acquireFrom(const void *key)
{
#ifdef PIKKU_TSAN
    __tsan_acquire(const_cast<void *>(key));
#else
    (void)key;
#endif
}

template<typename F>
class HandedOver
{
public:
    HandedOver(F f, const void *from) : m_f(std::move(f)), m_from(from) {}
    HandedOver(HandedOver &&other) : m_f(std::move(other.m_f)), m_from(other.m_from) { releaseTo(this); }
    HandedOver(const HandedOver &other) : m_f(other.m_f), m_from(other.m_from) { releaseTo(this); }
    HandedOver &operator=(const HandedOver &) = delete;
    HandedOver &operator=(HandedOver &&) = delete;
    ~HandedOver() { acquireFrom(this); }

    template<typename... Args>
    void operator()(Args &&...args)
    {
        acquireFrom(this);
        if (m_from)
            acquireFrom(m_from);
        m_f(std::forward<Args>(args)...);
        releaseTo(this);
    }

private:
    F m_f;
    const void *m_from;
};

// For a queued QMetaObject::invokeMethod.
template<typename F>
HandedOver<F> handedOver(F f)
{
    return HandedOver<F>(std::move(f), nullptr);
}

// For a functor connected to a signal that `sender` emits in another thread after releaseTo(sender).
template<typename F>
HandedOver<F> receivedFrom(const void *sender, F f)
{
    return HandedOver<F>(std::move(f), sender);
}

} // namespace TsanHandOver
