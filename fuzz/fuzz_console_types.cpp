// The console API's reply readers (console-api.md v1): every object of a reply, at the top level and in
// the list envelopes ("users", "apiKeys") and mint/rotate replies ("user", "apiKey", "previous"), goes
// through ServiceUser / ApiKey / ConsoleInfo::fromJson. A rejected object must say why.
#include "FuzzSupport.h"

#include "core/ConsoleTypes.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace {

void readAll(const QJsonObject &o)
{
    QString why;
    if (const auto u = ServiceUser::fromJson(o, &why)) {
        FUZZ_CHECK(why.isEmpty());
        (void)u->name.size();
    } else {
        FUZZ_CHECK(!why.isEmpty());
    }
    why.clear();
    if (const auto k = ApiKey::fromJson(o, &why)) {
        FUZZ_CHECK(why.isEmpty());
        (void)k->rateLimitText();
        (void)k->isExpired(QDateTime::fromMSecsSinceEpoch(1764600000000, Qt::UTC));
        (void)validatePermissions(k->permissions);
        const QJsonObject back = permissionsToJson(k->permissions);
        (void)back.size();
    } else {
        FUZZ_CHECK(!why.isEmpty());
    }
    why.clear();
    if (const auto i = ConsoleInfo::fromJson(o, &why)) {
        FUZZ_CHECK(why.isEmpty());
    } else {
        FUZZ_CHECK(!why.isEmpty());
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzzInitApp(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromRawData(reinterpret_cast<const char *>(data),
                                                                              qsizetype(size)));
    if (!doc.isObject())
        return 0;
    const QJsonObject o = doc.object();
    readAll(o);
    for (const char *key : {"user", "apiKey", "previous"})
        if (o.value(QLatin1String(key)).isObject())
            readAll(o.value(QLatin1String(key)).toObject());
    for (const char *key : {"users", "apiKeys"})
        for (const QJsonValue &v : o.value(QLatin1String(key)).toArray())
            readAll(v.toObject());
    return 0;
}
