// Durations typed by the admin (--expires, --overlap, the mint dialog) and the formatters that show
// server numbers. Oracles: a parsed duration is non-negative and bounded, and formatDurationCompact()
// reads back to the same number of seconds (the GUI and the CLI rely on that).
#include "FuzzSupport.h"

#include "core/Duration.h"

#include <QDateTime>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzzInitApp(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    if (const auto s = parseDurationSeconds(text)) {
        FUZZ_CHECK(*s >= 0);
        FUZZ_CHECK(*s <= (qint64(1) << 40));
        const auto back = parseDurationSeconds(formatDurationCompact(*s));
        FUZZ_CHECK(back && *back == *s);
        (void)formatDuration(*s);
    }
    // Raw numbers as a server could make them: the difference of two representable dates
    // (QDateTime spans about ±2.9e11 years in ms; in seconds that is within ±2^53).
    if (size >= 8) {
        FuzzInput in(data, size);
        const qint64 v = in.i64() % (qint64(1) << 53);
        (void)formatDuration(v);
        (void)formatDurationCompact(v);
        (void)formatRelative(v);
        const QDateTime t = QDateTime::fromSecsSinceEpoch(v, Qt::UTC);
        (void)formatLocalTime(t, v & 1);
        (void)formatLocalTimeAndRelative(t, QDateTime::fromSecsSinceEpoch(1764600000, Qt::UTC));
    }
    return 0;
}
