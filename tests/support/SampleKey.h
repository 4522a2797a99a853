#pragma once
// One fully populated ApiKey for dialog tests (expiry, rate limit, a permission and a metadata entry), so
// every field editor a dialog has shows a value.
#include "core/ConsoleTypes.h"

#include <QDateTime>

inline ApiKey sampleKey()
{
    ApiKey k;
    k.id = QStringLiteral("key-1");
    k.userId = QStringLiteral("user-1");
    k.name = QStringLiteral("backup-ws");
    k.start = QStringLiteral("svc_ab");
    k.createdAt = QDateTime::currentDateTimeUtc().addDays(-3);
    k.expiresAt = QDateTime::currentDateTimeUtc().addDays(27);
    k.rateLimitEnabled = true;
    k.rateLimitMax = 100;
    k.rateLimitTimeWindow = 3600;
    k.permissions.insert(QStringLiteral("files"), {QStringLiteral("read")});
    k.metadata.insert(QStringLiteral("host"), QStringLiteral("db-1"));
    return k;
}
