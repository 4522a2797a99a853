#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

// Strict readers for server JSON: a missing or wrongly typed field is reported by name, never
// silently turned into a default.
class JsonReader
{
public:
    explicit JsonReader(const QJsonObject &object, QString context = {});

    QString string(const char *key);                  // required string
    QString optString(const char *key);               // string or null/absent → empty
    // Every number from the server is read through these: a whole number within [min, max], else the
    // field is reported (NaN, 1e300, 2.5, a negative count). The default range is what a double holds
    // exactly (±2^53 − 1), so the conversion to qint64 can never overflow.
    static constexpr qint64 kMaxSafeInteger = (qint64(1) << 53) - 1;
    qint64 integer(const char *key, qint64 min = -kMaxSafeInteger, qint64 max = kMaxSafeInteger);
    std::optional<qint64> optInteger(const char *key, qint64 min = -kMaxSafeInteger, qint64 max = kMaxSafeInteger);
    // For numbers with a sane ceiling rather than a hard one (a poll interval, an expiry): a whole number
    // >= min; anything above cap (1e300 included) reads as cap.
    qint64 integerUpTo(const char *key, qint64 min, qint64 cap);
    std::optional<qint64> optIntegerUpTo(const char *key, qint64 min, qint64 cap);
    bool boolean(const char *key);
    std::optional<bool> optBoolean(const char *key);
    QDateTime dateTime(const char *key);              // required ISO-8601
    QDateTime optDateTime(const char *key);           // null/absent → invalid QDateTime
    QJsonObject object(const char *key);              // required object
    QJsonObject optObject(const char *key);

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }

private:
    void fail(const char *key, const char *expected);
    void fail(const char *key, const QString &expected);
    std::optional<qint64> checked(const char *key, const QJsonValue &v, qint64 min, qint64 max);
    QJsonValue value(const char *key) const;

    QJsonObject m_object;
    QString m_context;
    QString m_error;
};

// The same check for a lone value: a whole number within [min, max] (clamped to ±2^53 − 1), or nullopt.
std::optional<qint64> jsonInteger(const QJsonValue &value, qint64 min = -JsonReader::kMaxSafeInteger,
                                  qint64 max = JsonReader::kMaxSafeInteger);

QDateTime parseIsoDateTime(const QString &text);
QString toIsoString(const QDateTime &dt);
