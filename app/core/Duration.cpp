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
    struct Unit { qint64 size; const char *one; const char *many; };
    for (const Unit &u : {Unit{86400, "day", "days"}, Unit{3600, "hour", "hours"}, Unit{60, "minute", "minutes"},
                          Unit{1, "second", "seconds"}}) {
        if (seconds > 0 && seconds % u.size == 0) {
            const qint64 n = seconds / u.size;
            return n == 1 ? QLatin1String(u.one) : QStringLiteral("%1 %2").arg(n).arg(QLatin1String(u.many));
        }
    }
    return formatDuration(seconds);
}

QString formatRelative(qint64 secondsFromNow)
{
    const bool past = secondsFromNow < 0;
    const qint64 a = past ? -secondsFromNow : secondsFromNow;
    auto unit = [](qint64 n, const char *one, const char *many) {
        return QString::number(n) + QLatin1Char(' ') + QLatin1String(n == 1 ? one : many);
    };
    QString amount;
    // Rounded to the nearest unit: 6 days 23 hours reads "7 days", not "6 days".
    if (a < 60)
        amount = unit(a, "second", "seconds");
    else if (a < 3600 - 30)
        amount = unit((a + 30) / 60, "minute", "minutes");
    else if (a < 86400 - 1800)
        amount = unit((a + 1800) / 3600, "hour", "hours");
    else
        amount = unit((a + 43200) / 86400, "day", "days");
    return past ? QCoreApplication::translate("Duration", "%1 ago").arg(amount)
                : QCoreApplication::translate("Duration", "in %1").arg(amount);
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
