#include "AdminTypes.h"

#include "Json.h"

#include <QRegularExpression>

QStringList AdminUser::roles() const
{
    QStringList out;
    for (const QString &r : role.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (const QString t = r.trimmed(); !t.isEmpty())
            out << t;
    return out;
}

std::optional<AdminUser> AdminUser::fromJson(const QJsonObject &o, QString *error)
{
    JsonReader r(o, QStringLiteral("user"));
    AdminUser u;
    u.id = r.string("id");
    u.name = r.optString("name");
    u.email = r.optString("email");
    u.role = r.optString("role");
    // better-auth writes null for users created before the admin plugin was added: not banned (its own
    // checks read it the same way). A string or a number here is a wrong reply.
    u.banned = r.optBoolean("banned").value_or(false);
    u.banReason = r.optString("banReason");
    u.banExpires = r.optDateTime("banExpires");
    u.createdAt = r.optDateTime("createdAt");
    u.json = o;
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    if (u.id.isEmpty()) {
        if (error)
            *error = QStringLiteral("user.id is empty");
        return std::nullopt;
    }
    return u;
}

std::optional<QStringList> parseRoleList(const QString &text, QString *error)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9_.-]{1,64}$"));
    QStringList out;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString r = part.trimmed();
        if (r.isEmpty())
            continue;
        if (!valid.match(r).hasMatch()) {
            if (error)
                *error = QStringLiteral("a role is 1 to 64 letters, digits, '-', '_' or '.'");
            return std::nullopt;
        }
        if (!out.contains(r))
            out << r;
    }
    if (out.isEmpty() || out.size() > 16) {
        if (error)
            *error = out.isEmpty() ? QStringLiteral("no role given") : QStringLiteral("at most 16 roles");
        return std::nullopt;
    }
    return out;
}
