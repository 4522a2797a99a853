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
    qint64 integer(const char *key);                  // required number
    std::optional<qint64> optInteger(const char *key);
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
    QJsonValue value(const char *key) const;

    QJsonObject m_object;
    QString m_context;
    QString m_error;
};

QDateTime parseIsoDateTime(const QString &text);
QString toIsoString(const QDateTime &dt);
