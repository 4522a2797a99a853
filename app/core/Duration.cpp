#include "Duration.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>

std::optional<qint64> parseDurationSeconds(const QString &input)
{
    const QString text = input.trimmed().toLower();
    if (text.isEmpty())
        return std::nullopt;
    qint64 mult = 1;
    QString num = text;
    const QChar last = text.back();
    if (last.isLetter()) {
        num.chop(1);
        switch (last.toLatin1()) {
        case 's': mult = 1; break;
        case 'm': mult = 60; break;
        case 'h': mult = 3600; break;
        case 'd': mult = 86400; break;
        case 'w': mult = 7 * 86400; break;
        default: return std::nullopt;
        }
    }
    bool ok = false;
    const qint64 n = num.toLongLong(&ok);
    if (!ok || n < 0 || n > (qint64(1) << 40) / mult)
        return std::nullopt;
    return n * mult;
}

QString formatDuration(qint64 seconds)
{
    if (seconds <= 0)
        return QStringLiteral("0s");
    const qint64 d = seconds / 86400, h = (seconds % 86400) / 3600, m = (seconds % 3600) / 60, s = seconds % 60;
    QStringList parts;
    if (d) parts << QStringLiteral("%1d").arg(d);
    if (h) parts << QStringLiteral("%1h").arg(h);
    if (m && d == 0) parts << QStringLiteral("%1m").arg(m);
    if (s && d == 0 && h == 0) parts << QStringLiteral("%1s").arg(s);
    return parts.join(QLatin1Char(' '));
}

QString formatRateWindow(qint64 seconds)
{
    // Whole phrases (not a number glued to a unit word), so a translation can inflect them; without a
    // translator (the CLI) they read exactly as before: "day", "2 days".
    struct Unit { qint64 size; const char *one; const char *many; };
    static const Unit units[] = {
        {86400, QT_TRANSLATE_NOOP("Duration", "day"), QT_TRANSLATE_NOOP("Duration", "%1 days")},
        {3600, QT_TRANSLATE_NOOP("Duration", "hour"), QT_TRANSLATE_NOOP("Duration", "%1 hours")},
        {60, QT_TRANSLATE_NOOP("Duration", "minute"), QT_TRANSLATE_NOOP("Duration", "%1 minutes")},
        {1, QT_TRANSLATE_NOOP("Duration", "second"), QT_TRANSLATE_NOOP("Duration", "%1 seconds")},
    };
    for (const Unit &u : units) {
        if (seconds > 0 && seconds % u.size == 0) {
            const qint64 n = seconds / u.size;
            return n == 1 ? QCoreApplication::translate("Duration", u.one)
                          : QCoreApplication::translate("Duration", u.many).arg(n);
        }
    }
    return formatDuration(seconds);
}

QString formatRelative(qint64 secondsFromNow)
{
    const bool past = secondsFromNow < 0;
    const qint64 a = past ? -secondsFromNow : secondsFromNow;
    // One whole phrase per unit, direction and number (Finnish inflects the unit differently in "ago"
    // and "in"); English without a translator reads "1 day ago", "in 6 days".
    struct Phrases { const char *agoOne, *agoMany, *inOne, *inMany; };
    static const Phrases seconds{QT_TRANSLATE_NOOP("Duration", "%1 second ago"), QT_TRANSLATE_NOOP("Duration", "%1 seconds ago"),
                                 QT_TRANSLATE_NOOP("Duration", "in %1 second"), QT_TRANSLATE_NOOP("Duration", "in %1 seconds")};
    static const Phrases minutes{QT_TRANSLATE_NOOP("Duration", "%1 minute ago"), QT_TRANSLATE_NOOP("Duration", "%1 minutes ago"),
                                 QT_TRANSLATE_NOOP("Duration", "in %1 minute"), QT_TRANSLATE_NOOP("Duration", "in %1 minutes")};
    static const Phrases hours{QT_TRANSLATE_NOOP("Duration", "%1 hour ago"), QT_TRANSLATE_NOOP("Duration", "%1 hours ago"),
                               QT_TRANSLATE_NOOP("Duration", "in %1 hour"), QT_TRANSLATE_NOOP("Duration", "in %1 hours")};
    static const Phrases days{QT_TRANSLATE_NOOP("Duration", "%1 day ago"), QT_TRANSLATE_NOOP("Duration", "%1 days ago"),
                              QT_TRANSLATE_NOOP("Duration", "in %1 day"), QT_TRANSLATE_NOOP("Duration", "in %1 days")};
    // Rounded to the nearest unit: 6 days 23 hours reads "7 days", not "6 days".
    const Phrases *unit = &days;
    qint64 n = (a + 43200) / 86400;
    if (a < 60) {
        unit = &seconds;
        n = a;
    } else if (a < 3600 - 30) {
        unit = &minutes;
        n = (a + 30) / 60;
    } else if (a < 86400 - 1800) {
        unit = &hours;
        n = (a + 1800) / 3600;
    }
    const char *text = past ? (n == 1 ? unit->agoOne : unit->agoMany) : (n == 1 ? unit->inOne : unit->inMany);
    return QCoreApplication::translate("Duration", text).arg(n);
}

QString formatDurationCompact(qint64 s)
{
    if (s > 0 && s % 86400 == 0)
        return QStringLiteral("%1d").arg(s / 86400);
    if (s > 0 && s % 3600 == 0)
        return QStringLiteral("%1h").arg(s / 3600);
    if (s > 0 && s % 60 == 0)
        return QStringLiteral("%1m").arg(s / 60);
    return QStringLiteral("%1s").arg(s);
}

QString formatLocalTime(const QDateTime &t, bool withSeconds)
{
    if (!t.isValid())
        return QStringLiteral("—");
    return t.toLocalTime().toString(withSeconds ? QStringLiteral("yyyy-MM-dd HH:mm:ss") : QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString formatLocalTimeAndRelative(const QDateTime &t, const QDateTime &now, bool withSeconds)
{
    if (!t.isValid())
        return QStringLiteral("—");
    return QStringLiteral("%1 (%2)").arg(formatLocalTime(t, withSeconds), formatRelative(now.secsTo(t)));
}
