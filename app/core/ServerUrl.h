#pragma once

#include "ApiError.h"

#include <QString>
#include <QUrl>

namespace ServerUrl {

// Scheme and host lower-cased, default port dropped, no trailing slash, path prefix kept, no query,
// fragment or user info. This is the key for the keychain entry and for the settings group.
QString normalize(const QString &url);
QUrl parse(const QString &url, QString *error = nullptr);    // adds http:// to a bare host:port
bool isLoopback(const QUrl &url);
// InsecureUrl when the URL is plain http:// (or ws://) to a host that is not loopback and the admin
// has not explicitly allowed it; None otherwise.
ApiError checkTransport(const QUrl &url, bool allowInsecureHttp);
// Joins a base (possibly with a path prefix) and a path ("/api/auth" + "/get-session").
QUrl join(const QUrl &base, const QString &path);
QString normalizeAuthPath(const QString &path);

} // namespace ServerUrl

// A server the console talks to: its URL, better-auth's base path on it, and the transport policy.
struct ServerEndpoint
{
    QUrl baseUrl;                 // e.g. https://api.example.com (a path prefix is allowed)
    QString authPath = QStringLiteral("/api/auth");
    bool allowInsecureHttp = false;

    QString key() const { return ServerUrl::normalize(baseUrl.toString()); }
    QUrl authUrl(const QString &path) const { return ServerUrl::join(ServerUrl::join(baseUrl, authPath), path); }
    QUrl url(const QString &path) const { return ServerUrl::join(baseUrl, path); }
};
