#include "AuthTypes.h"

#include "Json.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

QStringList AuthUser::roles() const
{
    QStringList out;
    for (const QString &r : role.split(QLatin1Char(','), Qt::SkipEmptyParts))
        out << r.trimmed();
    return out;
}

QJsonObject AuthUser::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("email"), email},
                       {QStringLiteral("name"), name}, {QStringLiteral("role"), role}};
}

std::optional<AuthUser> AuthUser::fromJson(const QJsonObject &o, QString *error)
{
    JsonReader r(o, QStringLiteral("user"));
    AuthUser u;
    u.id = r.string("id");
    u.email = r.optString("email");
    u.name = r.optString("name");
    // role is an admin-plugin field: a string, or (in some configs) an array
    const QJsonValue role = o.value(QStringLiteral("role"));
    if (role.isArray()) {
        QStringList roles;
        for (const QJsonValue &v : role.toArray())
            roles << v.toString();
        u.role = roles.join(QLatin1Char(','));
    } else {
        u.role = r.optString("role");
    }
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    return u;
}

std::optional<SessionInfo> SessionInfo::fromJson(const QJsonObject &o, QString *error)
{
    JsonReader r(o);
    const QJsonObject session = r.object("session");
    const QJsonObject user = r.object("user");
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    JsonReader s(session, QStringLiteral("session"));
    SessionInfo info;
    info.sessionId = s.string("id");
    info.expiresAt = s.dateTime("expiresAt");
    if (!s.ok()) {
        if (error)
            *error = s.error();
        return std::nullopt;
    }
    const auto u = AuthUser::fromJson(user, error);
    if (!u)
        return std::nullopt;
    info.user = *u;
    return info;
}

std::optional<DeviceCode> DeviceCode::fromJson(const QJsonObject &o, QString *error)
{
    JsonReader r(o);
    DeviceCode c;
    c.deviceCode = r.string("device_code");
    c.userCode = r.string("user_code");
    c.verificationUri = r.string("verification_uri");
    c.verificationUriComplete = r.optString("verification_uri_complete");
    // Above the ceiling is clamped (a server asking for a day gets an hour); zero or below is refused.
    const qint64 expiresIn = r.integerUpTo("expires_in", -JsonReader::kMaxSafeInteger, DeviceCode::kMaxExpiresIn);
    const qint64 interval = r.optIntegerUpTo("interval", -JsonReader::kMaxSafeInteger, DeviceCode::kMaxInterval)
                                .value_or(DeviceCode::kDefaultInterval);
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    if (expiresIn <= 0 || interval < 0 || c.deviceCode.isEmpty() || c.userCode.isEmpty()) {
        if (error)
            *error = QStringLiteral("device code response has empty or non-positive fields");
        return std::nullopt;
    }
    c.expiresIn = int(std::min<qint64>(expiresIn, kMaxExpiresIn));
    c.interval = int(std::clamp<qint64>(interval, kMinInterval, kMaxInterval));
    return c;
}

QString DeviceCode::displayUserCode() const
{
    return formatUserCode(userCode);
}

QString normalizeUserCode(const QString &code)
{
    QString out;
    for (const QChar c : code)
        if (c.isLetterOrNumber())
            out.append(c.toUpper());
    return out;
}

QString formatUserCode(const QString &code)
{
    const QString n = normalizeUserCode(code);
    if (n.size() == 8)
        return n.left(4) + QLatin1Char('-') + n.mid(4);
    return n;
}

QByteArray StoredSession::toKeychainData() const
{
    const QJsonObject o{{QStringLiteral("v"), 1},
                        {QStringLiteral("server"), server},
                        {QStringLiteral("authPath"), authPath},
                        {QStringLiteral("token"), token},
                        {QStringLiteral("expiresAt"), toIsoString(expiresAt)},
                        {QStringLiteral("user"), user.toJson()}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<StoredSession> StoredSession::fromKeychainData(const QByteArray &data)
{
    const QJsonDocument doc = QJsonDocument::fromJson(data);
    if (!doc.isObject()) {
        // An entry written by hand (or by an older version) may hold the bare token.
        const QByteArray t = data.trimmed();
        if (t.isEmpty() || t.contains('{') || t.contains(' '))
            return std::nullopt;
        StoredSession s;
        s.token = QString::fromLatin1(t);
        return s;
    }
    JsonReader r(doc.object());
    StoredSession s;
    s.server = r.optString("server");
    s.authPath = r.optString("authPath");
    s.token = r.string("token");
    s.expiresAt = r.optDateTime("expiresAt");
    if (!r.ok() || s.token.isEmpty())
        return std::nullopt;
    if (const auto u = AuthUser::fromJson(r.optObject("user")))
        s.user = *u;
    return s;
}
