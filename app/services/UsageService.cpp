#include "UsageService.h"

#include "net/ApiCall.h"
#include "net/ConsoleApi.h"

#include <QPointer>

#include <optional>

UsageService::UsageService(ConsoleApi *api) : m_api(api) {}

QString UsageService::unsupportedMessage()
{
    return tr("This server does not count key usage (its console plugin does not announce \"api-keys.usage\": "
              "console API v1.1 with keyUsage needed).");
}

ApiError UsageService::unsupportedError()
{
    ApiError e = ApiError::make(ApiError::Kind::NotFound, QStringLiteral("api-keys.usage not announced"));
    e.serverCode = QStringLiteral("UNSUPPORTED");
    e.serverMessage = unsupportedMessage();
    return e;
}

QString UsageService::validate(int days, KeyUsage::Bucket bucket)
{
    if (days < 1 || days > KeyUsage::kMaxDays)
        return tr("days must be 1 to %1").arg(KeyUsage::kMaxDays);
    if (bucket == KeyUsage::Bucket::Hour && days > KeyUsage::kMaxHourDays)
        return tr("hour buckets cover at most %1 days").arg(KeyUsage::kMaxHourDays);
    return {};
}

void UsageService::check(QObject *context, std::function<void(Result<ConsoleInfo>)> cb)
{
    m_api->info(context, std::move(cb));
}

void UsageService::fetch(const QString &keyId, int days, KeyUsage::Bucket bucket, QObject *context,
                         std::function<void(Result<KeyUsageReply>)> cb)
{
    auto call = std::make_shared<QPointer<ApiCall>>();
    *call = m_api->keyUsage(keyId, days, bucket, context, [cb, call](Result<KeyUsage> r) {
        if (!r.ok()) {
            cb(r.error());
            return;
        }
        KeyUsageReply reply{r.value(), {}};
        if (*call)   // the call is alive while it reports
            reply.body = (*call)->response().json.object();
        cb(reply);
    });
}

void UsageService::keyUsage(const QString &keyId, int days, KeyUsage::Bucket bucket, QObject *context,
                            std::function<void(Result<KeyUsageReply>)> cb)
{
    if (const QString why = validate(days, bucket); !why.isEmpty()) {
        cb(ApiError::make(ApiError::Kind::Validation, why));
        return;
    }
    ConsoleApi *api = m_api;
    UsageService self(api);
    api->info(context, [self, keyId, days, bucket, context, cb](Result<ConsoleInfo> r) mutable {
        if (!r.ok()) {
            cb(r.error());
            return;
        }
        if (!r.value().supportsKeyUsage()) {
            cb(unsupportedError());
            return;
        }
        self.fetch(keyId, std::min(days, r.value().keyUsage->maxDays), bucket, context, cb);
    });
}

void UsageService::compare(const QString &oldKeyId, const QString &newKeyId, int days, KeyUsage::Bucket bucket,
                           QObject *context, std::function<void(Result<KeyUsageReply>, Result<KeyUsageReply>)> cb)
{
    struct Pair
    {
        std::optional<Result<KeyUsageReply>> oldKey, newKey;
    };
    auto pair = std::make_shared<Pair>();
    auto deliver = [pair, cb] {
        if (pair->oldKey && pair->newKey)
            cb(*pair->oldKey, *pair->newKey);
    };
    if (const QString why = validate(days, bucket); !why.isEmpty()) {
        const ApiError e = ApiError::make(ApiError::Kind::Validation, why);
        cb(e, e);
        return;
    }
    ConsoleApi *api = m_api;
    api->info(context, [api, oldKeyId, newKeyId, days, bucket, context, cb, pair, deliver](Result<ConsoleInfo> r) {
        if (!r.ok()) {
            cb(r.error(), r.error());
            return;
        }
        if (!r.value().supportsKeyUsage()) {
            cb(unsupportedError(), unsupportedError());
            return;
        }
        const int n = std::min(days, r.value().keyUsage->maxDays);
        UsageService self(api);
        self.fetch(oldKeyId, n, bucket, context, [pair, deliver](Result<KeyUsageReply> o) {
            pair->oldKey = o;
            deliver();
        });
        self.fetch(newKeyId, n, bucket, context, [pair, deliver](Result<KeyUsageReply> o) {
            pair->newKey = o;
            deliver();
        });
    });
}
