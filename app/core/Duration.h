#pragma once

#include <QString>

#include <optional>

// "30d", "90m", "1h", "45s" or a bare number of seconds (cli.md). nullopt when unreadable.
std::optional<qint64> parseDurationSeconds(const QString &text);
// 3600 → "1h", 5400 → "1h 30m", 0 → "0s"
QString formatDuration(qint64 seconds);
// The window of a rate limit, for "N requests per …": 86400 → "day", 3600 → "hour", 172800 → "2 days",
// 5400 → "90 minutes", 3700 → "1h 1m 40s" (what does not divide evenly, exactly).
QString formatRateWindow(qint64 seconds);
// "in 6 days", "3 hours ago"
QString formatRelative(qint64 secondsFromNow);
// The largest whole unit that parseDurationSeconds() reads back: 86400 → "1d", 5400 → "90m", 45 → "45s".
QString formatDurationCompact(qint64 seconds);

class QDateTime;
// Local time for tables and dialogs: "2026-12-01 18:52" (with seconds: "2026-12-01 18:52:24"); "—" if invalid.
QString formatLocalTime(const QDateTime &t, bool withSeconds = false);
// formatLocalTime() and how far from now: "2026-12-31 20:01 (in 30 days)"; "—" if invalid.
QString formatLocalTimeAndRelative(const QDateTime &t, const QDateTime &now, bool withSeconds = false);
