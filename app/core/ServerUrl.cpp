#include "ServerUrl.h"

#include <QCoreApplication>
#include <QHostAddress>

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
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path);
    return url.toString(QUrl::FullyEncoded);
}

bool isLoopback(const QUrl &url)
{
    const QString host = url.host().toLower();
    if (host == QLatin1String("localhost") || host.endsWith(QLatin1String(".localhost")))
        return true;
    QHostAddress addr;
    if (addr.setAddress(host))
        return addr.isLoopback();
    return false;
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

} // namespace ServerUrl
