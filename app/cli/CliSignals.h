#pragma once

#include <functional>

class QObject;

namespace CliSignals {

// SIGINT and SIGTERM delivered to the event loop: the handler only write()s one byte to a socketpair
// (async-signal-safe); a QSocketNotifier owned by `owner` reads it and calls onSignal(SIGINT) once.
// Long-running commands (`channel`, `sessions watch`) use it to end cleanly: lines flushed, a normal close.
// False when the socketpair or the handlers could not be set up.
bool watchStopSignals(QObject *owner, std::function<void(int)> onSignal);

} // namespace CliSignals
