#pragma once

#include "ApiCall.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QUrl>

class QNetworkAccessManager;

// Credentials a request carries: a person's session token OR a machine's API key, never both.
// A session token is bound to the origin (scheme, host, port) that issued it: the two places that attach
// it (HttpClient::send, ChannelSocket::open) refuse to send it anywhere else, whoever asks.
struct Credentials
{
    QByteArray bearer;
    QByteArray apiKey;
    QUrl issuer;   // with a bearer: the server that issued it; only its origin (http(s) or the ws(s) twin) gets it
    static Credentials none() { return {}; }
    static Credentials person(const QString &token, const QUrl &issuedBy) { return {token.toUtf8(), {}, issuedBy}; }
    static Credentials machine(const QString &key) { return {{}, key.toUtf8(), {}}; }
    // False when a bearer would leave its origin.
    bool mayBeSentTo(const QUrl &url) const;
};

struct RequestOptions
{
    Credentials credentials;
    bool allowInsecureHttp = false;   // plain http:// to a non-loopback host, only if the admin said so
    int timeoutMs = -1;               // -1: the client's default
};

// Owns the one QNetworkAccessManager. No cookies are ever stored or sent (a better-auth POST that
// carries any cookie without a trusted Origin gets 403), no Origin header is sent, the bearer never
// follows a redirect to another origin, and every transfer has a timeout.
class HttpClient : public QObject
{
    Q_OBJECT
public:
    explicit HttpClient(QObject *parent = nullptr);

    ApiCall *get(const QUrl &url, const RequestOptions &options = {});
    ApiCall *post(const QUrl &url, const QJsonObject &body, const RequestOptions &options = {});

    void setDefaultTimeoutMs(int ms) { m_timeoutMs = ms; }
    int defaultTimeoutMs() const { return m_timeoutMs; }
    // The total time a request may take, however the server trickles its reply (<= 0: none).
    void setDefaultDeadlineMs(int ms) { m_deadlineMs = ms; }
    int defaultDeadlineMs() const { return m_deadlineMs; }
    void setMaxResponseBytes(qint64 bytes) { m_maxBytes = bytes; }
    void setHttp2Allowed(bool allowed) { m_http2 = allowed; }
    QNetworkAccessManager *networkAccessManager() const { return m_nam; }
    static QByteArray userAgent();

private:
    ApiCall *send(const QByteArray &verb, const QUrl &url, const QByteArray *body, const RequestOptions &options);

    QNetworkAccessManager *m_nam;
    int m_timeoutMs = 15000;
    int m_deadlineMs = 30000;
    qint64 m_maxBytes = 32 * 1024 * 1024;
    bool m_http2 = true;
};
