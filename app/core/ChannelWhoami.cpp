#include "ChannelWhoami.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QStringList>

namespace {
// "files:read,write, ws:connect" from {"files":["read","write"],"ws":["connect"]}.
QString permissionsText(const QJsonValue &v)
{
    QStringList parts;
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        QStringList actions;
        for (const QJsonValue &a : it.value().toArray())
            actions << a.toString();
        parts << it.key() + QLatin1Char(':') + actions.join(QLatin1Char(','));
    }
    return parts.join(QStringLiteral(", "));
}
} // namespace

WhoamiAnswer WhoamiAnswer::parse(const QByteArray &payload)
{
    WhoamiAnswer answer;
    const QJsonObject o = QJsonDocument::fromJson(payload).object();
    if (o.value(QStringLiteral("action")).toString() != QLatin1String("whoami"))
        return answer;
    if (o.contains(QStringLiteral("error"))) {
        answer.kind = Kind::Refused;
        answer.detail = tr("whoami refused: %1").arg(o.value(QStringLiteral("error")).toString());
        return answer;
    }
    const QJsonObject s = o.value(QStringLiteral("session")).toObject();
    if (s.isEmpty()) {
        answer.kind = Kind::NoSession;
        return answer;
    }
    auto str = [&s](const char *k) { return s.value(QLatin1String(k)).toString(); };
    QString who = str("name");
    if (who.isEmpty())
        who = str("email");
    if (who.isEmpty())
        who = str("userId");
    QString text;
    if (str("via") == QLatin1String("api-key")) {
        const QString perms = permissionsText(s.value(QStringLiteral("permissions")));
        text = tr("as %1 via api-key '%2' · permissions %3")
                   .arg(who, str("keyName").isEmpty() ? str("keyId") : str("keyName"), perms.isEmpty() ? tr("none") : perms);
    } else {
        text = tr("as %1").arg(who);
        if (!str("email").isEmpty() && str("email") != who)
            text += QStringLiteral(" <%1>").arg(str("email"));
        text += tr(" via %1").arg(str("via").isEmpty() ? tr("bearer") : str("via"));
        if (!str("role").isEmpty())
            text += tr(" · role %1").arg(str("role"));
    }
    if (!str("expiresAt").isEmpty()) {
        const QDateTime exp = QDateTime::fromString(str("expiresAt"), Qt::ISODateWithMs);
        text += tr(" · until %1").arg(exp.isValid() ? QLocale().toString(exp.toLocalTime(), QLocale::ShortFormat) : str("expiresAt"));
    }
    QStringList detail{tr("user id %1").arg(str("userId"))};
    if (!str("email").isEmpty())
        detail << tr("email %1").arg(str("email"));
    if (!str("keyId").isEmpty())
        detail << tr("key id %1").arg(str("keyId"));
    if (!str("role").isEmpty())
        detail << tr("role %1").arg(str("role"));
    answer.kind = Kind::Session;
    answer.text = text;
    answer.detail = detail.join(QLatin1Char('\n'));
    return answer;
}
