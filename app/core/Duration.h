#pragma once

#include <QString>

#include <optional>

// "30d", "90m", "1h", "45s" or a bare number of seconds (cli.md). nullopt when unreadable.
std::optional<qint64> parseDurationSeconds(const QString &text);
// 3600 → "1h", 5400 → "1h 30m", 0 → "0s"
QString formatDuration(qint64 seconds);
// "in 6 days", "3 hours ago"
QString formatRelative(qint64 secondsFromNow);
