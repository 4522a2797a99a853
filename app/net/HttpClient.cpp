#include "HttpClient.h"

#include "core/Logging.h"
#include "core/ServerUrl.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkCookie>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <algorithm>
#include <cstring>

namespace {

// Accepts nothing, returns nothing: Qt never stores or sends a cookie for us.
class NoCookieJar final : public QNetworkCookieJar
{
public:
    using QNetworkCookieJar::QNetworkCookieJar;
    QList<QNetworkCookie> cookiesForUrl(const QUrl &) const override { return {}; }
    bool setCookiesFromUrl(const QList<QNetworkCookie> &, const QUrl &) override { return false; }
};

// A request body that can be read once and never rewound. Qt's HTTP layer re-sends a request whose
// connection closes before the reply (QHttpNetworkConnectionChannel: RemoteHostClosedError while waiting,
// then resetUploadData() and sendRequest() again), which for a POST means doing the work twice (one
// `keys mint` made two keys). The re-send needs the body again: it resets the upload device first, and
// when reset() fails it gives up with ContentReSendError instead. So every POST body goes out through this
// device, sequential, unbuffered (DoNotBufferUploadDataAttribute with a Content-Length), and unable to reset.
class OneShotBody final : public QIODevice
{
public:
    OneShotBody(QByteArray data, QObject *parent) : QIODevice(parent), m_data(std::move(data)) { open(QIODevice::ReadOnly); }
    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override { return m_data.size() - m_pos + QIODevice::bytesAvailable(); }
    bool atEnd() const override { return m_pos >= m_data.size() && QIODevice::bytesAvailable() == 0; }

protected:
    qint64 readData(char *out, qint64 max) override
    {
        const qint64 n = std::min<qint64>(max, m_data.size() - m_pos);
        if (n <= 0)
            return m_pos >= m_data.size() ? -1 : 0;
        memcpy(out, m_data.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

} // namespace

bool Credentials::mayBeSentTo(const QUrl &url) const
{
    return bearer.isEmpty() || ServerUrl::sameOrigin(url, issuer);
}

HttpClient::HttpClient(QObject *parent) : QObject(parent), m_nam(new QNetworkAccessManager(this))
{
    m_nam->setCookieJar(new NoCookieJar(m_nam));
    m_nam->setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy);
    m_nam->setTransferTimeout(m_timeoutMs);
}

QByteArray HttpClient::userAgent()
{
    return QByteArrayLiteral("pikku-admin/" PIKKU_ADMIN_VERSION);
}

ApiCall *HttpClient::get(const QUrl &url, const RequestOptions &options)
{
    return send("GET", url, nullptr, options);
}

ApiCall *HttpClient::post(const QUrl &url, const QJsonObject &body, const RequestOptions &options)
{
    const QByteArray data = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return send("POST", url, &data, options);
}

ApiCall *HttpClient::send(const QByteArray &verb, const QUrl &url, const QByteArray *body, const RequestOptions &options)
{
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return ApiCall::failed(ApiError::make(ApiError::Kind::Validation, tr("invalid URL")), this);
    const ApiError policy = ServerUrl::checkTransport(url, options.allowInsecureHttp);
    if (policy.isError())
        return ApiCall::failed(policy, this);
    if (!options.credentials.bearer.isEmpty() && !options.credentials.apiKey.isEmpty()) {
        // The server's identity would depend on the endpoint; refuse before anything leaves.
        return ApiCall::failed(ApiError::make(ApiError::Kind::Validation,
                                              tr("a request may carry a session or an API key, not both")),
                               this);
    }
    if (!options.credentials.mayBeSentTo(url)) {
        qCWarning(lcNet) << "refused to send a session issued by" << ServerUrl::origin(options.credentials.issuer) << "to"
                         << ServerUrl::origin(url);
        return ApiCall::failed(ApiError::make(ApiError::Kind::Validation,
                                              tr("your session belongs to %1; it is never sent to %2")
                                                  .arg(ServerUrl::origin(options.credentials.issuer), ServerUrl::origin(url))),
                               this);
    }

    QNetworkRequest req(url);
    req.setRawHeader("User-Agent", userAgent());
    req.setRawHeader("Accept", "application/json");
    req.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    req.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, m_http2);
    req.setTransferTimeout(options.timeoutMs >= 0 ? options.timeoutMs : m_timeoutMs);
    if (!options.credentials.bearer.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + options.credentials.bearer);
    if (!options.credentials.apiKey.isEmpty())
        req.setRawHeader("x-api-key", options.credentials.apiKey);
    if (body)
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));

    QNetworkReply *reply = nullptr;
    if (verb == "GET" || verb == "HEAD") {
        // Idempotent: Qt may re-send it on a dropped connection, and that is fine.
        reply = verb == "GET" ? m_nam->get(req) : m_nam->head(req);
    } else {
        // Never re-sent by the network layer (see OneShotBody); a deliberate retry is the caller's, with a
        // request id where the server takes one.
        req.setHeader(QNetworkRequest::ContentLengthHeader, body ? body->size() : 0);
        req.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        auto *device = new OneShotBody(body ? *body : QByteArray(), nullptr);
        reply = verb == "POST" ? m_nam->post(req, device) : m_nam->sendCustomRequest(req, verb, device);
        device->setParent(reply);
    }
    auto *call = new ApiCall(reply, m_maxBytes, this);
    call->setDeadlineMs(m_deadlineMs);
    return call;
}
