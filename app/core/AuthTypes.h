#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

struct AuthUser
{
    QString id;
    QString email;
    QString name;
    QString role;        // better-auth stores several roles comma-joined: "user,admin"

    QStringList roles() const;
    bool isAdmin() const { return roles().contains(QStringLiteral("admin")); }
    QString displayName() const { return email.isEmpty() ? (name.isEmpty() ? id : name) : email; }
    QJsonObject toJson() const;
    static std::optional<AuthUser> fromJson(const QJsonObject &o, QString *error = nullptr);
};

// What GET {auth}/get-session says about a token.
struct SessionInfo
{
    QString sessionId;
    QDateTime expiresAt;
    AuthUser user;
    static std::optional<SessionInfo> fromJson(const QJsonObject &o, QString *error = nullptr);
};

// POST {auth}/device/code
struct DeviceCode
{
    QString deviceCode;
    QString userCode;
    QString verificationUri;
    QString verificationUriComplete;
    int expiresIn = 0;    // seconds, clamped to 1..kMaxExpiresIn
    int interval = 5;     // seconds, clamped to kMinInterval..kMaxInterval
    // What the server says is bounded: a zero interval would poll in a tight loop, a huge one (or an
    // expires_in of years) would leave the dialog waiting forever. better-auth sends 5 s and 1800 s.
    static constexpr int kDefaultInterval = 5;      // RFC 8628 §3.2
    static constexpr int kMinInterval = 1;
    static constexpr int kMaxInterval = 60;
    static constexpr int kMaxExpiresIn = 3600;      // 1 h: a code nobody approves within an hour is stale
    static std::optional<DeviceCode> fromJson(const QJsonObject &o, QString *error = nullptr);
    QString displayUserCode() const;   // "ABCD-EFGH"
};

// POST {auth}/device/token: either a token or an RFC 8628 error code.
struct DeviceTokenReply
{
    QString accessToken;
    QString errorCode;          // authorization_pending, slow_down, access_denied, expired_token, invalid_grant ...
    QString errorDescription;
    int expiresIn = 0;
    bool hasToken() const { return !accessToken.isEmpty(); }
};

// GET {auth}/device?user_code= (the claim step of an approval)
struct DeviceClaim
{
    QString userCode;
    QString status;      // pending | approved | denied
    QString clientId;    // empty when the code is claimed by someone else
    QString scope;
    bool claimedByCaller() const { return !clientId.isEmpty(); }
};

// The keychain entry, one per normalized server URL. Only ever serialized into the keychain.
struct StoredSession
{
    QString server;      // normalized URL
    QString authPath;
    QString token;
    QDateTime expiresAt;
    AuthUser user;
    QByteArray toKeychainData() const;
    static std::optional<StoredSession> fromKeychainData(const QByteArray &data);
};

QString normalizeUserCode(const QString &code);   // "abcd-efgh" → "ABCDEFGH"
QString formatUserCode(const QString &code);      // "ABCDEFGH" → "ABCD-EFGH"

Q_DECLARE_METATYPE(AuthUser)
