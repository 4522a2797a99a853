#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

// The server's answer to {"action":"whoami"} on a channel, as text for the tab's identity line.
struct WhoamiAnswer
{
    enum class Kind {
        NotWhoami,   // some other message: ignore it
        Refused,     // {"action":"whoami","error":…}: detail says why
        NoSession,   // a whoami answer without a session object
        Session,     // text: "as svc-backup via api-key 'backup-ws' · permissions ws:connect"; detail: ids, expiry
    };
    Kind kind = Kind::NotWhoami;
    QString text;
    QString detail;

    static WhoamiAnswer parse(const QByteArray &payload);

    Q_DECLARE_TR_FUNCTIONS(WhoamiAnswer)
};
