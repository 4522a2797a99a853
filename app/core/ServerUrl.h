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
bool isLoopbackAddress(const QString &host);   // an IP literal: 127/8, ::1, ::ffff:127/8
// InsecureUrl when the URL is plain http:// (or ws://) to a host that is not loopback and the admin
// has not explicitly allowed it; None otherwise.
ApiError checkTransport(const QUrl &url, bool allowInsecureHttp);
// Joins a base (possibly with a path prefix) and a path ("/api/auth" + "/get-session").
QUrl join(const QUrl &base, const QString &path);
QString normalizeAuthPath(const QString &path);

// The origin (scheme, host, port) a credential belongs to, as "https://host:443". WebSocket schemes
// map onto their HTTP twins (ws → http, wss → https), so a session issued by https://h is the same
// origin as wss://h. Empty for a URL that has no usable origin.
QString origin(const QUrl &url);
bool sameOrigin(const QUrl &a, const QUrl &b);

// Whether a URL the server handed us (RFC 8628 verification_uri) may be shown and opened in a browser.
struct BrowserUrl
{
    QUrl url;                 // what is shown is what is opened: this one
    bool openable = false;    // http(s), a host, no user info
    bool sameOrigin = false;  // on the server's own origin; a foreign one is never opened automatically
    QString problem;          // why not openable, or a warning for a foreign origin (plain text)
};
BrowserUrl checkBrowserUrl(const QString &text, const QUrl &server);

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
