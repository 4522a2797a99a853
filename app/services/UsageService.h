#pragma once

#include "core/ConsoleTypes.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <functional>
#include <memory>

class ConsoleApi;
class QObject;

// One key's usage as both faces show it: the parsed buckets and the body as the server sent it (--json).
struct KeyUsageReply
{
    KeyUsage usage;
    QJsonObject body;
};

// Key usage (issue 13 item 5, console API v1.1 "api-keys.usage") for the GUI and the CLI alike: asks
// /console/info whether the server counts verifications, then reads one key's buckets, or two keys' (the
// rotate follow-up: the old and the new key side by side). A server that does not count answers with an
// error whose serverCode is "UNSUPPORTED" and whose message is unsupportedMessage(), without asking it for
// usage at all.
class UsageService
{
    Q_DECLARE_TR_FUNCTIONS(UsageService)

public:
    static constexpr int kSparklineDays = 7;    // the keys table's column (usage7d)
    static constexpr int kChartDays = 30;       // a key's detail chart

    explicit UsageService(ConsoleApi *api);

    // One line for a server that does not count key usage (the keys page and `keys usage` show it).
    static QString unsupportedMessage();
    static ApiError unsupportedError();
    static bool isUnsupported(const ApiError &e) { return e.serverCode == QLatin1String("UNSUPPORTED"); }
    // Empty when days and bucket are what the server takes (days 1..90; hour buckets at most 31 days).
    static QString validate(int days, KeyUsage::Bucket bucket);

    // Whether the server counts (/console/info): cb(info) or the error reading it.
    void check(QObject *context, std::function<void(Result<ConsoleInfo>)> cb);
    void keyUsage(const QString &keyId, int days, KeyUsage::Bucket bucket, QObject *context,
                  std::function<void(Result<KeyUsageReply>)> cb);
    // The rotate follow-up: both keys' usage, asked at once; cb once, when both replies are in.
    void compare(const QString &oldKeyId, const QString &newKeyId, int days, KeyUsage::Bucket bucket, QObject *context,
                 std::function<void(Result<KeyUsageReply> oldKey, Result<KeyUsageReply> newKey)> cb);

private:
    void fetch(const QString &keyId, int days, KeyUsage::Bucket bucket, QObject *context,
               std::function<void(Result<KeyUsageReply>)> cb);

    ConsoleApi *m_api;
};
