#include "ApiError.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QUrl>

#include <algorithm>
#include <cmath>

namespace {

// better-auth speaks four error shapes (better-auth-contract.md §3); the console API one more.
void readBody(ApiError &e, const QByteArray &body)
{
    if (body.isEmpty())
        return;
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return;
    QJsonObject o = doc.object();
    if (o.value(QStringLiteral("valid")).isBool() && o.value(QStringLiteral("error")).isObject())
        o = o.value(QStringLiteral("error")).toObject();           // {"valid":false,"error":{...}}
    if (o.value(QStringLiteral("error")).isString()) {              // OAuth shape (device endpoints)
        e.serverCode = o.value(QStringLiteral("error")).toString();
        e.serverMessage = o.value(QStringLiteral("error_description")).toString();
    }
    if (o.value(QStringLiteral("code")).isString())
        e.serverCode = o.value(QStringLiteral("code")).toString();
    if (o.value(QStringLiteral("message")).isString())
        e.serverMessage = o.value(QStringLiteral("message")).toString();
    const QJsonObject details = o.value(QStringLiteral("details")).toObject();
    if (details.value(QStringLiteral("tryAgainIn")).isDouble() && e.retryAfter.count() == 0) {
        // Milliseconds. Compared as a double before any conversion: NaN, 1e300 or a negative value
        // must not reach qint64 (undefined behaviour) nor our timers.
        const double ms = details.value(QStringLiteral("tryAgainIn")).toDouble();
        const double cap = double(ApiError::kMaxRetryAfter.count());
        if (std::isfinite(ms) && ms > 0)
            e.retryAfter = std::chrono::seconds(qint64(std::min(std::ceil(ms / 1000.0), cap)));
    }
}

} // namespace

ApiError ApiError::make(Kind kind, QString detail)
{
    ApiError e;
    e.kind = kind;
    e.detail = std::move(detail);
    return e;
}

ApiError::Kind ApiError::kindForStatus(int status)
{
    if (status >= 200 && status < 300)
        return Kind::None;
    switch (status) {
    case 401: return Kind::Unauthorized;
    case 403: return Kind::Forbidden;
    case 404: return Kind::NotFound;
    case 409: return Kind::Conflict;
    case 429: return Kind::RateLimited;
    default: break;
    }
    if (status >= 500)
        return Kind::Server;
    if (status >= 400)
        return Kind::Validation;
    return Kind::BadResponse; // 1xx/3xx that reached us: a redirect we refused to follow, for example
}

std::chrono::seconds ApiError::parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return std::chrono::seconds(0);
    const qint64 cap = kMaxRetryAfter.count();
    // delay-seconds is 1*DIGIT; a leading '-' is tolerated as "now". Digits beyond what qint64 holds
    // are the cap, not a parse failure.
    const bool negative = v.startsWith('-');
    const QByteArray digits = negative ? v.mid(1) : v;
    if (!digits.isEmpty() && std::all_of(digits.begin(), digits.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
        if (negative)
            return std::chrono::seconds(0);
        bool ok = false;
        const qint64 s = digits.toLongLong(&ok);
        return std::chrono::seconds(ok ? std::min(s, cap) : cap);
    }
    // Every date form below is 16-40 printable ASCII characters with a ':' in its time; anything else is
    // no date, and is not handed to Qt's date parsers (a few microseconds each, and a hostile server can send
    // a reply with hundreds of headers).
    if (v.size() < 16 || v.size() > 64 || !v.contains(':')
        || !std::all_of(v.begin(), v.end(), [](char ch) { return ch >= 0x20 && ch < 0x7f; }))
        return std::chrono::seconds(0);
    // HTTP-date: IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT") and the two obsolete forms, with fixed
    // English formats (QLocale::c()). Qt 6.4's RFC 2822 parser refuses "GMT"; it is only the fallback
    // for a numeric zone ("+0000").
    const QString text = QString::fromLatin1(v);
    QDateTime when;
    {
        const QLocale c = QLocale::c();
        for (const QString &fmt : {QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"),     // IMF-fixdate
                                   QStringLiteral("dddd, dd-MMM-yy HH:mm:ss 'GMT'"),     // RFC 850
                                   QStringLiteral("ddd MMM d HH:mm:ss yyyy"),             // asctime
                                   QStringLiteral("ddd MMM  d HH:mm:ss yyyy")}) {
            when = c.toDateTime(text, fmt);
            if (when.isValid())
                break;
        }
        if (when.isValid()) {
            when.setTimeSpec(Qt::UTC);
            if (when.date().year() < 1970)   // two-digit years: RFC 9110 says read them as the nearest century
                when = when.addYears(100);
        }
    }
    if (!when.isValid())
        when = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!when.isValid())
        return std::chrono::seconds(0);
    const qint64 ms = now.msecsTo(when);
    if (ms <= 0)
        return std::chrono::seconds(0);
    return std::chrono::seconds(std::min(ms / 1000 + (ms % 1000 ? 1 : 0), cap));
}

bool ApiError::replyMayBeLost() const
{
    switch (kind) {
    case Kind::Timeout:
    case Kind::Network:
    case Kind::BadResponse:
        return true;
    case Kind::Server:
        return httpStatus == 502 || httpStatus == 503 || httpStatus == 504;
    default:
        return false;
    }
}

ApiError ApiError::fromHttp(int status, int transport, const QString &transportText,
                            const QByteArray &body, const QList<QPair<QByteArray, QByteArray>> &headers,
                            bool timedOut, bool cancelled)
{
    ApiError e;
    e.httpStatus = status;
    e.transport = transport;
    if (status > 0) {
        // HTTP status first: a 401 is a 401 whatever Qt calls it.
        e.kind = kindForStatus(status);
        if (e.kind == Kind::None)
            return e;
        for (const auto &h : headers) {
            const QByteArray name = h.first.toLower();
            if (name == "retry-after" || name == "x-retry-after") {
                const auto s = parseRetryAfter(h.second, QDateTime::currentDateTimeUtc());
                if (s.count() > 0)
                    e.retryAfter = s;
            }
        }
        readBody(e, body);
        if (e.kind == Kind::Validation && !e.serverCode.isEmpty()
            && e.serverCode.front().isLower()) // OAuth-style "invalid_request", "expired_token", ...
            e.kind = Kind::Protocol;
        e.detail = QStringLiteral("HTTP %1").arg(status);
        if (status >= 300 && status < 400) {
            // A redirect that reached us was refused (another origin: no credential follows it) or went
            // round in circles; say which, with the target's origin only (never its path or query).
            QUrl to;
            for (const auto &h : headers)
                if (h.first.compare("location", Qt::CaseInsensitive) == 0)
                    to = QUrl::fromEncoded(h.second.trimmed());
            const QString origin = to.isValid() && !to.host().isEmpty()
                ? to.adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment).toString()
                : QString();
            if (transport == TransportTooManyRedirects)
                e.detail += tr(": too many redirects");
            else if (!origin.isEmpty())
                e.detail += tr(": a redirect to %1 was not followed").arg(origin);
            else if (transport == TransportInsecureRedirect)
                e.detail += tr(": a redirect was not followed");
        }
        return e;
    }
    if (cancelled) {
        e.kind = Kind::Cancelled;
    } else if (timedOut || transport == TransportTimeout) {
        e.kind = Kind::Timeout;
    } else if (transport == TransportTls) {
        e.kind = Kind::Tls;
    } else if (transport == TransportCancelled) {
        e.kind = Kind::Cancelled;
    } else {
        e.kind = Kind::Network;
    }
    e.detail = transportText;
    return e;
}

QString ApiError::kindName() const
{
    switch (kind) {
    case Kind::None: return QStringLiteral("none");
    case Kind::Network: return QStringLiteral("network");
    case Kind::Timeout: return QStringLiteral("timeout");
    case Kind::Cancelled: return QStringLiteral("cancelled");
    case Kind::Tls: return QStringLiteral("tls");
    case Kind::InsecureUrl: return QStringLiteral("insecure-url");
    case Kind::Unauthorized: return QStringLiteral("unauthorized");
    case Kind::Forbidden: return QStringLiteral("forbidden");
    case Kind::NotFound: return QStringLiteral("not-found");
    case Kind::Conflict: return QStringLiteral("conflict");
    case Kind::Validation: return QStringLiteral("validation");
    case Kind::RateLimited: return QStringLiteral("rate-limited");
    case Kind::Server: return QStringLiteral("server");
    case Kind::BadResponse: return QStringLiteral("bad-response");
    case Kind::KeychainUnavailable: return QStringLiteral("keychain-unavailable");
    case Kind::Protocol: return QStringLiteral("protocol");
    }
    return QStringLiteral("unknown");
}

QString ApiError::userMessage() const
{
    const QString server = serverMessage.isEmpty() ? QString() : QStringLiteral(": ") + serverMessage;
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Network:
        if (transport == TransportReSend)   // set for a POST only (ApiCall)
            return tr("No reply: the connection dropped after the request was sent; it may have been carried out.");
        return tr("Cannot reach the server (%1).").arg(detail.isEmpty() ? tr("network error") : detail);
    case Kind::Timeout:
        if (deadline.count() > 0) {
            const qint64 ms = deadline.count();
            return tr("The server did not finish its reply within %1.")
                .arg(ms % 1000 == 0 ? tr("%1 s").arg(ms / 1000) : tr("%1 ms").arg(ms));
        }
        return tr("The server did not answer in time.");
    case Kind::Cancelled:
        return tr("Cancelled.");
    case Kind::Tls:
        return tr("The secure connection failed: %1").arg(detail);
    case Kind::InsecureUrl:
        return tr("Refusing plain http:// to a non-loopback host. Use https://, or allow insecure HTTP "
                  "for this server explicitly.");
    case Kind::Unauthorized:
        return tr("Not signed in, or the session has ended") + server + QLatin1Char('.');
    case Kind::Forbidden:
        return tr("Not allowed") + server + QLatin1Char('.');
    case Kind::NotFound:
        return tr("Not found") + server + QLatin1Char('.');
    case Kind::Conflict:
        return tr("Conflict") + server + QLatin1Char('.');
    case Kind::Validation:
        if (httpStatus == 0 && serverMessage.isEmpty() && !detail.isEmpty()) {
            // Refused here, before anything left: say why, not "the server refused".
            QString text = detail;
            text[0] = text.at(0).toUpper();
            return text.endsWith(QLatin1Char('.')) ? text : text + QLatin1Char('.');
        }
        [[fallthrough]];
    case Kind::Protocol:
        return serverMessage.isEmpty() ? tr("The server refused the request (HTTP %1).").arg(httpStatus)
                                       : serverMessage;
    case Kind::RateLimited:
        return retryAfter.count() > 0
            ? tr("The server is rate-limiting requests; try again in %1 s.").arg(retryAfter.count())
            : tr("The server is rate-limiting requests; try again later.");
    case Kind::Server:
        return tr("The server failed (HTTP %1)").arg(httpStatus) + server + QLatin1Char('.');
    case Kind::BadResponse:
        return tr("The server sent a response the console cannot read (%1).").arg(detail);
    case Kind::KeychainUnavailable:
        return tr("The system keychain is not available (%1).").arg(detail);
    }
    return detail;
}

QString ApiError::displayText() const
{
    if (serverMessage.isEmpty())
        return userMessage();
    if (kind == Kind::RateLimited) {
        QString text = serverMessage;
        if (!text.endsWith(QLatin1Char('.')))
            text += QLatin1Char('.');
        return text + QLatin1Char(' ')
            + (retryAfter.count() > 0 ? tr("Try again in %1 s.").arg(retryAfter.count()) : tr("Try again later."));
    }
    return serverMessage;
}
