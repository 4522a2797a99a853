// better-auth replies and the keychain entry: AuthUser / SessionInfo (get-session), StoredSession (what
// the keychain hands back, possibly written by an older version or tampered with), user codes.
// Whatever parses must survive a round trip unchanged.
#include "FuzzSupport.h"

#include "core/AuthTypes.h"

#include <QJsonDocument>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzzInitApp(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));

    // The keychain entry, raw bytes.
    if (const auto s = StoredSession::fromKeychainData(bytes)) {
        const auto again = StoredSession::fromKeychainData(s->toKeychainData());
        FUZZ_CHECK(again.has_value());
        FUZZ_CHECK(again->server == s->server && again->token == s->token && again->authPath == s->authPath);
        FUZZ_CHECK(again->user.id == s->user.id && again->user.role == s->user.role);
        FUZZ_CHECK(again->expiresAt == s->expiresAt);
    }

    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    if (doc.isObject()) {
        const QJsonObject o = doc.object();
        QString why;
        if (const auto u = AuthUser::fromJson(o, &why)) {
            FUZZ_CHECK(why.isEmpty());
            (void)u->isAdmin();
            (void)u->displayName();
            const auto back = AuthUser::fromJson(u->toJson());
            FUZZ_CHECK(back && back->id == u->id && back->email == u->email && back->name == u->name
                       && back->role == u->role);
        } else {
            FUZZ_CHECK(!why.isEmpty());
        }
        why.clear();
        if (const auto s = SessionInfo::fromJson(o, &why)) {
            FUZZ_CHECK(why.isEmpty());
            (void)s->user.roles();
        } else {
            FUZZ_CHECK(!why.isEmpty());
        }
    }

    // User codes as typed or pasted by the admin (CLI `device approve CODE`, the approval page).
    const QString text = QString::fromUtf8(bytes);
    const QString n = normalizeUserCode(text);
    FUZZ_CHECK(normalizeUserCode(n) == n);
    (void)formatUserCode(n);
    return 0;
}
