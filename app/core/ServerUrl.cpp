#include "ServerUrl.h"

#include <QCoreApplication>

namespace ServerUrl {

QUrl parse(const QString &input, QString *error)
{
    QString text = input.trimmed();
    if (text.isEmpty()) {
        if (error)
            *error = QCoreApplication::translate("ServerUrl", "No server URL given.");
        return {};
    }
    if (!text.contains(QLatin1String("://")))
        text.prepend(QLatin1String("http://"));
    QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        if (error)
            *error = QCoreApplication::translate("ServerUrl", "Not a usable http(s) URL: %1").arg(input);
        return {};
    }
    return url;
}

QString normalize(const QString &input)
{
    QUrl url = parse(input);
    if (!url.isValid())
        return input.trimmed();
    const QString scheme = url.scheme().toLower();
    url.setScheme(scheme);
    url.setHost(url.host().toLower());
    if ((scheme == QLatin1String("http") && url.port() == 80) || (scheme == QLatin1String("https") && url.port() == 443))
        url.setPort(-1);
    url.setUserInfo({});
    url.setQuery(QString());
    url.setFragment(QString());
    // The path is trimmed in its encoded form: a decode and re-encode is not the identity for every input
    // (QUrl does not decode the UTF-8 of a noncharacter such as U+FFFF, and its bytes came back as three
    // U+FFFD), and this string is the keychain and settings key, so normalizing it again must not change it.
    QString path = url.path(QUrl::FullyEncoded);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path, QUrl::TolerantMode);
    return url.toString(QUrl::FullyEncoded);
}

namespace {
// 127.0.0.0/8 in dotted-quad form (QUrl has normalised the host already).
bool isLoopbackV4(const QString &host)
{
    const QStringList parts = host.split(QLatin1Char('.'));
    if (parts.size() != 4)
        return false;
    for (const QString &part : parts) {
        bool ok = false;
        const int v = part.toInt(&ok);
        if (!ok || v < 0 || v > 255 || part.isEmpty() || part.size() > 3)
            return false;
    }
    return parts.front().toInt() == 127;
}
} // namespace

// The loopback address literals (QUrl gives IPv6 hosts in their compressed form, without brackets):
// 127.0.0.0/8, ::1 and 127.0.0.0/8 mapped into IPv6. Core has no QHostAddress (QtNetwork).
bool isLoopbackAddress(const QString &host)
{
    if (host == QLatin1String("::1"))
        return true;
    if (host.startsWith(QLatin1String("::ffff:")))
        return isLoopbackV4(host.mid(7));
    return isLoopbackV4(host);
}

bool isLoopback(const QUrl &url)
{
    const QString host = url.host().toLower();
    if (host == QLatin1String("localhost") || host.endsWith(QLatin1String(".localhost")))
        return true;
    return isLoopbackAddress(host);
}

ApiError checkTransport(const QUrl &url, bool allowInsecureHttp)
{
    const QString scheme = url.scheme().toLower();
    const bool plain = scheme == QLatin1String("http") || scheme == QLatin1String("ws");
    if (plain && !allowInsecureHttp && !isLoopback(url))
        return ApiError::make(ApiError::Kind::InsecureUrl, url.host());
    return {};
}

QUrl join(const QUrl &base, const QString &path)
{
    QUrl url = base;
    QString prefix = base.path();
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    QString tail = path;
    QString query;
    const int q = tail.indexOf(QLatin1Char('?'));
    if (q >= 0) {
        query = tail.mid(q + 1);
        tail.truncate(q);
    }
    if (!tail.startsWith(QLatin1Char('/')))
        tail.prepend(QLatin1Char('/'));
    url.setPath(prefix + tail);
    url.setQuery(query.isEmpty() ? QString() : query);
    return url;
}

QString normalizeAuthPath(const QString &path)
{
    QString p = path.trimmed();
    if (p.isEmpty())
        return {};
    if (!p.startsWith(QLatin1Char('/')))
        p.prepend(QLatin1Char('/'));
    while (p.size() > 1 && p.endsWith(QLatin1Char('/')))
        p.chop(1);
    return p;
}

QString origin(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return {};
    QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("ws"))
        scheme = QStringLiteral("http");
    else if (scheme == QLatin1String("wss"))
        scheme = QStringLiteral("https");
    int port = -1;
    if (scheme == QLatin1String("http"))
        port = url.port(80);
    else if (scheme == QLatin1String("https"))
        port = url.port(443);
    else
        return {};
    return scheme + QLatin1String("://") + url.host(QUrl::FullyEncoded).toLower() + QLatin1Char(':') + QString::number(port);
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    const QString oa = origin(a);
    return !oa.isEmpty() && oa == origin(b);
}

BrowserUrl checkBrowserUrl(const QString &text, const QUrl &server)
{
    BrowserUrl r;
    const QString trimmed = text.trimmed();
    r.url = QUrl(trimmed, QUrl::StrictMode);
    const QString scheme = r.url.scheme().toLower();
    bool control = false;
    for (const QChar c : trimmed)
        control = control || c.category() == QChar::Other_Control || c.category() == QChar::Other_Format;
    if (trimmed.isEmpty()) {
        r.problem = QCoreApplication::translate("ServerUrl", "The server gave no verification address.");
    } else if (control || trimmed.size() > 2048 || !r.url.isValid() || r.url.host().isEmpty()
               || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        r.problem = QCoreApplication::translate("ServerUrl", "The server's verification address is not an http(s) URL; it is not opened.");
    } else if (!r.url.userInfo().isEmpty()) {
        r.problem = QCoreApplication::translate("ServerUrl", "The server's verification address carries a user name; it is not opened.");
    } else {
        r.openable = true;
        r.sameOrigin = sameOrigin(r.url, server);
        if (!r.sameOrigin)
            r.problem = QCoreApplication::translate("ServerUrl", "The verification page is on %1, not on the server you sign in to (%2). "
                                                                 "Open it only if you trust that host.")
                            .arg(r.url.host(), server.host());
    }
    if (!r.openable)
        r.url = QUrl();
    return r;
}

} // namespace ServerUrl
