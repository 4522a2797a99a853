#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

#include <chrono>

// One error type for everything the console can run into: transport, HTTP, server body, keychain.
// It is mapped from the HTTP status first and the transport error second (Qt turns 401 into
// AuthenticationRequiredError and 429 into UnknownContentError, which says nothing useful).
struct ApiError
{
    enum class Kind {
        None,
        Network,             // unreachable, refused, DNS, connection dropped
        Timeout,             // our transfer timeout fired
        Cancelled,           // the caller aborted
        Tls,                 // certificate or handshake problem (never ignored)
        InsecureUrl,         // plain http:// to a non-loopback host without explicit permission
        Unauthorized,        // 401, or get-session → null
        Forbidden,           // 403
        NotFound,            // 404
        Conflict,            // 409
        Validation,          // 400/415/422 with a message
        RateLimited,         // 429; retryAfter says how long
        Server,              // 5xx
        BadResponse,         // malformed or oversized body
        KeychainUnavailable, // no keychain, locked, or it did not answer in time
        Protocol,            // the server answered with an OAuth-style error (device flow)
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    // The transport error, as a QNetworkReply::NetworkError value (core does not link QtNetwork; the
    // values it tells apart are below, and net/ApiCall.cpp checks them against Qt's).
    enum Transport : int { TransportNone = 0, TransportTimeout = 4, TransportCancelled = 5, TransportTls = 6,
                           TransportTooManyRedirects = 10, TransportInsecureRedirect = 11,
                           TransportReSend = 205 };
    int transport = TransportNone;
    QString serverCode;     // "UNAUTHORIZED", "authorization_pending", ...
    QString serverMessage;  // the server's human text
    QString detail;         // technical detail for logs and the details pane (never secrets)
    std::chrono::seconds retryAfter{0};   // 0..kMaxRetryAfter, whatever the server said
    std::chrono::milliseconds deadline{0};   // Timeout: the total deadline that ran out (0: the inactivity timeout)
    // Retry-After and tryAgainIn are clamped to one day: an API key's rate-limit window is a day by
    // default (better-auth), anything longer is a server error or an attack on our timers.
    static constexpr std::chrono::seconds kMaxRetryAfter{86400};

    bool isError() const { return kind != Kind::None; }
    // For a request that changes state (create): the server may have done the work although no answer
    // reached us (timeout, dropped connection, garbled body, or a gateway's 502/503/504 in between).
    bool replyMayBeLost() const;
    QString userMessage() const;
    // The one text both faces show: the server's own message when it sent one, else userMessage(); a
    // rate limit always says when to try again (the server's words, then "try again in N s").
    QString displayText() const;
    QString kindName() const;

    static ApiError make(Kind kind, QString detail = {});
    // Builds the error (or a None error for 2xx) from a finished HTTP exchange.
    static ApiError fromHttp(int status, int transport, const QString &transportText,
                             const QByteArray &body, const QList<QPair<QByteArray, QByteArray>> &headers,
                             bool timedOut, bool cancelled);
    static Kind kindForStatus(int status);
    // Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date (IMF-fixdate, RFC 850, asctime).
    // Returns 0 s for a missing, malformed or past value; a date is rounded up against now; at most
    // kMaxRetryAfter (an absurd delay, digits that overflow, a date in the year 9999 all give the cap).
    static std::chrono::seconds parseRetryAfter(const QByteArray &value, const QDateTime &now);

    // tr() for the texts above (context "ApiError"); the GUI installs a translator, the CLI does not.
    Q_DECLARE_TR_FUNCTIONS(ApiError)
};
