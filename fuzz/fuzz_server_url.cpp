// Server URLs as typed by the admin, in $PIKKU_ADMIN_SERVER or --server, and URLs the server hands back
// (/console/info channels, RFC 8628 verification URIs). Input: "<url>\n<other>\n<path>".
// Oracles: normalize() is idempotent (it is the keychain and settings key), sameOrigin() is symmetric,
// an openable browser URL is http(s) with a host, no user info and no control characters.
#include "FuzzSupport.h"

#include "core/ServerUrl.h"

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzzInitApp(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzInput in(data, size);
    const QString a = QString::fromUtf8(in.until('\n'));
    const QString b = QString::fromUtf8(in.until('\n'));
    const QString path = QString::fromUtf8(in.rest());

    const QString n = ServerUrl::normalize(a);
    FUZZ_CHECK(ServerUrl::normalize(n) == n);

    QString why;
    const QUrl ua = ServerUrl::parse(a, &why);
    const QUrl ub = ServerUrl::parse(b);
    (void)ServerUrl::isLoopback(ua);
    (void)ServerUrl::checkTransport(ua, false);
    (void)ServerUrl::checkTransport(ua, true);
    (void)ServerUrl::join(ua, path).toString();
    const QString ap = ServerUrl::normalizeAuthPath(path);
    (void)ServerUrl::normalizeAuthPath(ap);
    FUZZ_CHECK(ServerUrl::sameOrigin(ua, ub) == ServerUrl::sameOrigin(ub, ua));
    if (!ServerUrl::origin(ua).isEmpty())
        FUZZ_CHECK(ServerUrl::sameOrigin(ua, ua));

    const ServerUrl::BrowserUrl browser = ServerUrl::checkBrowserUrl(b, ua);
    if (browser.openable) {
        const QString scheme = browser.url.scheme();
        FUZZ_CHECK(scheme == QLatin1String("http") || scheme == QLatin1String("https"));
        FUZZ_CHECK(!browser.url.host().isEmpty());
        FUZZ_CHECK(browser.url.userInfo().isEmpty());
        for (const QChar c : browser.url.toString())
            FUZZ_CHECK(c.unicode() >= 0x20 && c.unicode() != 0x7f);
    } else {
        FUZZ_CHECK(!browser.problem.isEmpty());
    }

    ServerEndpoint endpoint;
    endpoint.baseUrl = ua;
    endpoint.authPath = ap;
    (void)endpoint.key();
    (void)endpoint.authUrl(QStringLiteral("/get-session"));
    return 0;
}
