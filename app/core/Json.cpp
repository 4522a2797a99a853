#include "Json.h"

#include <QTimeZone>

#include <cmath>

namespace {
// JSON numbers are doubles: only integers up to 2^53 are exact, and converting one beyond qint64's range
// is undefined behaviour (a hostile "expires_in": 1e300). Anything larger is refused, not wrapped.
constexpr double kMaxExactInteger = 9007199254740992.0;   // 2^53
bool inIntegerRange(double d)
{
    return std::isfinite(d) && std::fabs(d) <= kMaxExactInteger;
}
} // namespace

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

qint64 JsonReader::integer(const char *key)
{
    const QJsonValue v = value(key);
    if (!v.isDouble()) {
        fail(key, v.isUndefined() ? "is missing" : "is not a number");
        return 0;
    }
    if (!inIntegerRange(v.toDouble())) {
        fail(key, "is out of range");
        return 0;
    }
    return qint64(v.toDouble());
}

std::optional<qint64> JsonReader::optInteger(const char *key)
{
    const QJsonValue v = value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isDouble()) {
        fail(key, "is not a number");
        return std::nullopt;
    }
    if (!inIntegerRange(v.toDouble())) {
        fail(key, "is out of range");
        return std::nullopt;
    }
    return qint64(v.toDouble());
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
