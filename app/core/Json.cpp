#include "Json.h"

#include <QTimeZone>

#include <algorithm>
#include <cmath>

JsonReader::JsonReader(const QJsonObject &object, QString context)
    : m_object(object), m_context(std::move(context))
{
}

QJsonValue JsonReader::value(const char *key) const
{
    return m_object.value(QLatin1String(key));
}

void JsonReader::fail(const char *key, const char *expected)
{
    if (!m_error.isEmpty())
        return;
    const QString where = m_context.isEmpty() ? QString::fromLatin1(key)
                                              : m_context + QLatin1Char('.') + QLatin1String(key);
    m_error = QStringLiteral("field '%1' %2").arg(where, QLatin1String(expected));
}

void JsonReader::fail(const char *key, const QString &expected)
{
    fail(key, expected.toUtf8().constData());
}

std::optional<qint64> jsonInteger(const QJsonValue &value, qint64 min, qint64 max)
{
    min = std::max(min, -JsonReader::kMaxSafeInteger);
    max = std::min(max, JsonReader::kMaxSafeInteger);
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    // Compared as doubles first: converting NaN, ±inf or 1e300 to qint64 is undefined behaviour.
    if (!std::isfinite(d) || d != std::floor(d) || d < double(min) || d > double(max))
        return std::nullopt;
    return qint64(d);
}

std::optional<qint64> JsonReader::checked(const char *key, const QJsonValue &v, qint64 min, qint64 max)
{
    const std::optional<qint64> n = jsonInteger(v, min, max);
    if (n)
        return n;
    const double d = v.toDouble();
    if (!std::isfinite(d) || d != std::floor(d))
        fail(key, "is not a whole number");
    else
        fail(key, QStringLiteral("is out of range (%1..%2)")
                      .arg(std::max(min, -kMaxSafeInteger))
                      .arg(std::min(max, kMaxSafeInteger)));
    return std::nullopt;
}

QString JsonReader::string(const char *key)
{
    const QJsonValue v = value(key);
    if (!v.isString()) {
        fail(key, v.isUndefined() ? "is missing" : "is not a string");
        return {};
    }
    return v.toString();
}

QString JsonReader::optString(const char *key)
{
    const QJsonValue v = value(key);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isString()) {
        fail(key, "is not a string");
        return {};
    }
    return v.toString();
}

qint64 JsonReader::integer(const char *key, qint64 min, qint64 max)
{
    const QJsonValue v = value(key);
    if (!v.isDouble()) {
        fail(key, v.isUndefined() ? "is missing" : "is not a number");
        return 0;
    }
    return checked(key, v, min, max).value_or(0);
}

std::optional<qint64> JsonReader::optInteger(const char *key, qint64 min, qint64 max)
{
    const QJsonValue v = value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isDouble()) {
        fail(key, "is not a number");
        return std::nullopt;
    }
    return checked(key, v, min, max);
}

std::optional<qint64> JsonReader::optIntegerUpTo(const char *key, qint64 min, qint64 cap)
{
    const QJsonValue v = value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isDouble()) {
        fail(key, "is not a number");
        return std::nullopt;
    }
    const double d = v.toDouble();
    if (std::isfinite(d) && d == std::floor(d) && d > double(cap) && cap >= min)
        return std::min(cap, kMaxSafeInteger);
    return checked(key, v, min, cap);
}

qint64 JsonReader::integerUpTo(const char *key, qint64 min, qint64 cap)
{
    const QJsonValue v = value(key);
    if (!v.isDouble()) {
        fail(key, v.isUndefined() ? "is missing" : "is not a number");
        return 0;
    }
    return optIntegerUpTo(key, min, cap).value_or(0);
}

bool JsonReader::boolean(const char *key)
{
    const QJsonValue v = value(key);
    if (!v.isBool()) {
        fail(key, v.isUndefined() ? "is missing" : "is not a boolean");
        return false;
    }
    return v.toBool();
}

std::optional<bool> JsonReader::optBoolean(const char *key)
{
    const QJsonValue v = value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isBool()) {
        fail(key, "is not a boolean");
        return std::nullopt;
    }
    return v.toBool();
}

QDateTime JsonReader::dateTime(const char *key)
{
    const QString s = string(key);
    if (!ok())
        return {};
    const QDateTime dt = parseIsoDateTime(s);
    if (!dt.isValid())
        fail(key, "is not an ISO-8601 time");
    return dt;
}

QDateTime JsonReader::optDateTime(const char *key)
{
    const QString s = optString(key);
    if (s.isEmpty())
        return {};
    const QDateTime dt = parseIsoDateTime(s);
    if (!dt.isValid())
        fail(key, "is not an ISO-8601 time");
    return dt;
}

QJsonObject JsonReader::object(const char *key)
{
    const QJsonValue v = value(key);
    if (!v.isObject()) {
        fail(key, v.isUndefined() ? "is missing" : "is not an object");
        return {};
    }
    return v.toObject();
}

QJsonObject JsonReader::optObject(const char *key)
{
    const QJsonValue v = value(key);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isObject()) {
        fail(key, "is not an object");
        return {};
    }
    return v.toObject();
}

QDateTime parseIsoDateTime(const QString &text)
{
    QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(text, Qt::ISODate);
    if (dt.isValid())
        dt = dt.toUTC();
    return dt;
}

QString toIsoString(const QDateTime &dt)
{
    if (!dt.isValid())
        return {};
    return dt.toUTC().toString(Qt::ISODateWithMs);
}
