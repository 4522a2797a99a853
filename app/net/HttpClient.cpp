#include "HttpClient.h"

#include "core/Logging.h"
#include "core/ServerUrl.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkCookie>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace {

// Accepts nothing, returns nothing: Qt never stores or sends a cookie for us.
class NoCookieJar final : public QNetworkCookieJar
{
public:
    using QNetworkCookieJar::QNetworkCookieJar;
    QList<QNetworkCookie> cookiesForUrl(const QUrl &) const override { return {}; }
    bool setCookiesFromUrl(const QList<QNetworkCookie> &, const QUrl &) override { return false; }
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
        return ApiCall::failed(ApiError::make(ApiError::Kind::Validation, QStringLiteral("invalid URL")), this);
    const ApiError policy = ServerUrl::checkTransport(url, options.allowInsecureHttp);
    if (policy.isError())
        return ApiCall::failed(policy, this);
    if (!options.credentials.bearer.isEmpty() && !options.credentials.apiKey.isEmpty()) {
        // The server's identity would depend on the endpoint; refuse before anything leaves.
        return ApiCall::failed(ApiError::make(ApiError::Kind::Validation,
                                              QStringLiteral("a request may carry a session or an API key, not both")),
                               this);
    }
    if (!options.credentials.mayBeSentTo(url)) {
        qCWarning(lcNet) << "refused to send a session issued by" << ServerUrl::origin(options.credentials.issuer) << "to"
                         << ServerUrl::origin(url);
        return ApiCall::failed(ApiError::make(ApiError::Kind::Validation,
                                              QStringLiteral("your session belongs to %1; it is never sent to %2")
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
    if (verb == "GET")
        reply = m_nam->get(req);
    else if (verb == "POST")
        reply = m_nam->post(req, body ? *body : QByteArray());
    else
        reply = m_nam->sendCustomRequest(req, verb, body ? *body : QByteArray());
    auto *call = new ApiCall(reply, m_maxBytes, this);
    call->setDeadlineMs(m_deadlineMs);
    return call;
}
