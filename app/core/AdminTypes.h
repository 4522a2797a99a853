#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

// better-auth's admin plugin's user, as /admin/list-users, ban-user, unban-user and set-role return it
// (better-auth-contract.md §6). Used in the console's no-plugin mode; the console plugin's ServiceUser is
// a different, smaller shape.
struct AdminUser
{
    QString id, name, email, role;   // role: comma-joined ("user,admin"), may be empty
    bool banned = false;
    QString banReason;
    QDateTime banExpires;            // invalid: no end (or not banned)
    QDateTime createdAt;
    QJsonObject json;                // the object as the server sent it (a user carries no secret), for --json

    QStringList roles() const;
    static std::optional<AdminUser> fromJson(const QJsonObject &o, QString *error = nullptr);
};

// ROLE[,ROLE...] as typed: trimmed, empty parts dropped, duplicates removed, each 1..64 characters of
// letters, digits, '-', '_' or '.'; nullopt with *error otherwise (at most 16 roles).
std::optional<QStringList> parseRoleList(const QString &text, QString *error = nullptr);
