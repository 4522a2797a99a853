#include "ApiCall.h"

#include "core/Logging.h"

#include <QNetworkReply>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimer>

#include <algorithm>

// ApiError (core, without QtNetwork) keeps the transport error as an int; the values it tells apart:
static_assert(int(QNetworkReply::TimeoutError) == ApiError::TransportTimeout);
static_assert(int(QNetworkReply::OperationCanceledError) == ApiError::TransportCancelled);
static_assert(int(QNetworkReply::SslHandshakeFailedError) == ApiError::TransportTls);
static_assert(int(QNetworkReply::TooManyRedirectsError) == ApiError::TransportTooManyRedirects);
static_assert(int(QNetworkReply::InsecureRedirectError) == ApiError::TransportInsecureRedirect);
static_assert(int(QNetworkReply::ContentReSendError) == ApiError::TransportReSend);

QByteArray HttpResponse::header(const QByteArray &name) const
{
    const QByteArray lower = name.toLower();
    for (const auto &h : headers)
        if (h.first.toLower() == lower)
            return h.second;
    return {};
}

ApiCall::ApiCall(QObject *parent) : QObject(parent) {}

ApiCall::ApiCall(QNetworkReply *reply, qint64 maxBodyBytes, QObject *parent)
    : QObject(parent), m_reply(reply), m_url(reply->url()), m_maxBodyBytes(maxBodyBytes)
{
    m_elapsed.start();
    const QVariant verb = reply->request().attribute(QNetworkRequest::CustomVerbAttribute);
    m_method = reply->operation() == QNetworkAccessManager::GetOperation ? QByteArray("GET")
             : reply->operation() == QNetworkAccessManager::PostOperation ? QByteArray("POST")
                                                                          : verb.toByteArray();
    connect(reply, &QNetworkReply::finished, this, &ApiCall::handleFinished);
    connect(reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64 total) {
        if (m_maxBodyBytes > 0 && (received > m_maxBodyBytes || total > m_maxBodyBytes) && m_reply && !m_tooLarge) {
            m_tooLarge = true;
            m_reply->abort();
        }
    });
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        // Never ignored: we record them and let the handshake fail.
        QStringList texts;
        for (const QSslError &e : errors)
            texts << e.errorString();
        m_tlsErrors = texts.join(QStringLiteral("; "));
        qCWarning(lcNet) << "TLS errors for" << m_url.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo) << m_tlsErrors;
    });
}

ApiCall *ApiCall::failed(ApiError error, QObject *parent)
{
    auto *call = new ApiCall(parent);
    HttpResponse r;
    r.error = std::move(error);
    QTimer::singleShot(0, call, [call, r] { call->finish(r); });
    return call;
}

void ApiCall::onFinished(QObject *context, std::function<void(const HttpResponse &)> fn)
{
    if (m_finished) {
        QPointer<QObject> ctx(context);
        QTimer::singleShot(0, context, [fn = std::move(fn), r = m_response] { fn(r); });
        return;
    }
    connect(this, &ApiCall::finished, context, std::move(fn));
}

void ApiCall::setDeadlineMs(int ms)
{
    if (ms <= 0 || m_finished || !m_reply)
        return;
    m_deadlineMs = ms;
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this] {
        if (m_finished || !m_reply)
            return;
        m_deadlineHit = true;
        m_reply->abort();   // finished() follows, synchronously or queued
    });
    timer->start(int(std::max<qint64>(0, ms - m_elapsed.elapsed())));
}

void ApiCall::abort()
{
    if (m_finished)
        return;
    m_cancelled = true;
    if (m_reply) {
        m_reply->abort();
    } else {
        HttpResponse r;
        r.error = ApiError::make(ApiError::Kind::Cancelled);
        finish(r);
    }
}

void ApiCall::handleFinished()
{
    if (!m_reply || m_finished)
        return;
    QNetworkReply *reply = m_reply;
    HttpResponse r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.headers = reply->rawHeaderPairs();
    // An aborted reply (timeout, deadline, cancel) is closed: reading it would only print Qt's
    // "QIODevice::read: device not open" warning, to the CLI's stderr among others.
    if (!m_tooLarge && reply->isOpen())
        r.body = reply->readAll();
    QNetworkReply::NetworkError transport = reply->error();
#if QT_CONFIG(ssl)
    // https, and the server hung up before the TLS handshake finished: the request never left, so it was
    // not carried out either (not the "may have been" of a POST cut off after it was sent).
    const bool tlsNeverUp = m_url.scheme() == QLatin1String("https") && r.status == 0
        && transport == QNetworkReply::RemoteHostClosedError && reply->sslConfiguration().sessionCipher().isNull();
    if (tlsNeverUp && m_tlsErrors.isEmpty())
        m_tlsErrors = tr("the server closed the connection during the TLS handshake");
#endif
    // A request that changes state, cut off after it left: Qt refused to re-send it (ContentReSendError, see
    // HttpClient) or gave up on its own (RemoteHostClosedError). Either way the server may have done it.
    if (r.status == 0 && m_method != "GET" && m_method != "HEAD" && transport == QNetworkReply::RemoteHostClosedError)
        transport = QNetworkReply::ContentReSendError;
    // A transfer timeout and a user abort() both surface as OperationCanceledError; we know which.
    const bool timedOut = transport == QNetworkReply::OperationCanceledError && !m_cancelled && !m_tooLarge;
    if (m_deadlineHit && !m_cancelled && !m_tooLarge) {
        // Headers (even a 2xx status) may have arrived: a cut-off body is never a success.
        r.status = 0;
        r.body.clear();
        r.error = ApiError::make(ApiError::Kind::Timeout,
                                 tr("no complete reply within %1 ms").arg(m_deadlineMs));
        r.error.deadline = std::chrono::milliseconds(m_deadlineMs);
    } else if (m_tooLarge) {
        r.status = 0;
        r.error = ApiError::make(ApiError::Kind::BadResponse,
                                 tr("response larger than %1 MiB").arg(m_maxBodyBytes / (1024 * 1024)));
    } else if (!m_tlsErrors.isEmpty()) {
        r.error = ApiError::make(ApiError::Kind::Tls, m_tlsErrors);
    } else {
        r.error = ApiError::fromHttp(r.status, transport, reply->errorString(), r.body, r.headers, timedOut, m_cancelled);
    }
    // Qt ends a reply whose connection closed (or was reset) before its Content-Length without an error:
    // a cut-off body is never a success, whatever it parses as. (With a Content-Encoding the length counts
    // the compressed bytes, not what we read.)
    bool lengthOk = false;
    const qint64 declared = r.header("content-length").trimmed().toLongLong(&lengthOk);
    const QByteArray encoding = r.header("content-encoding").trimmed().toLower();
    if (r.ok() && m_method != "HEAD" && lengthOk && declared > r.body.size() && (encoding.isEmpty() || encoding == "identity")) {
        r.error = ApiError::make(ApiError::Kind::BadResponse,
                                 tr("the reply was cut off after %1 of %2 bytes").arg(r.body.size()).arg(declared));
        r.error.httpStatus = r.status;
    }
    if (!r.body.isEmpty()) {
        QJsonParseError pe{};
        r.json = QJsonDocument::fromJson(r.body, &pe);
        const QByteArray ctype = r.header("content-type");
        // QJsonDocument only takes objects and arrays; a bare scalar such as better-auth's `null` is valid JSON.
        const bool scalar = pe.error != QJsonParseError::NoError
            && QJsonDocument::fromJson("[" + r.body + "]").isArray();
        if (pe.error != QJsonParseError::NoError && !scalar && r.ok() && ctype.contains("json")) {
            r.error = ApiError::make(ApiError::Kind::BadResponse,
                                     tr("malformed JSON at offset %1: %2").arg(pe.offset).arg(pe.errorString()));
            r.error.httpStatus = r.status;
        }
    }
    qCInfo(lcNet).noquote() << m_method << m_url.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo) << "→"
                            << (r.status ? QString::number(r.status) : r.error.kindName())
                            << QStringLiteral("(%1 ms, %2 B)").arg(m_elapsed.elapsed()).arg(r.body.size());
    reply->deleteLater();
    finish(std::move(r));
}

void ApiCall::finish(HttpResponse r)
{
    if (m_finished)
        return;
    m_finished = true;
    m_response = std::move(r);
    emit finished(m_response);
    deleteLater();
}
