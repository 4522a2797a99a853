#include "core/ApiError.h"

#include <QTest>

using Kind = ApiError::Kind;
using Headers = QList<QPair<QByteArray, QByteArray>>;
Q_DECLARE_METATYPE(Kind)

class TestApiError : public QObject
{
    Q_OBJECT
private slots:
    void mapping_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("transport");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<Headers>("headers");
        QTest::addColumn<bool>("timedOut");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("retryAfter");

        const int none = QNetworkReply::NoError;
        QTest::newRow("200") << 200 << none << QByteArray("{}") << Headers{} << false << Kind::None << QString() << 0;
        QTest::newRow("201 is success") << 201 << none << QByteArray() << Headers{} << false << Kind::None << QString() << 0;
        QTest::newRow("204 is success") << 204 << none << QByteArray() << Headers{} << false << Kind::None << QString() << 0;
        // Qt reports 401 as AuthenticationRequiredError: the status wins.
        QTest::newRow("401 shape A") << 401 << int(QNetworkReply::AuthenticationRequiredError)
                                     << QByteArray(R"({"message":"Unauthorized","code":"UNAUTHORIZED"})") << Headers{}
                                     << false << Kind::Unauthorized << QStringLiteral("UNAUTHORIZED") << 0;
        QTest::newRow("401 empty body") << 401 << int(QNetworkReply::AuthenticationRequiredError) << QByteArray()
                                        << Headers{} << false << Kind::Unauthorized << QString() << 0;
        QTest::newRow("403") << 403 << int(QNetworkReply::ContentAccessDenied)
                             << QByteArray(R"({"code":"FORBIDDEN","message":"Caller is not role=admin"})") << Headers{}
                             << false << Kind::Forbidden << QStringLiteral("FORBIDDEN") << 0;
        QTest::newRow("404 empty") << 404 << int(QNetworkReply::ContentNotFoundError) << QByteArray() << Headers{}
                                   << false << Kind::NotFound << QString() << 0;
        QTest::newRow("409") << 409 << int(QNetworkReply::ContentConflictError)
                             << QByteArray(R"({"code":"CONFLICT","message":"exists"})") << Headers{} << false
                             << Kind::Conflict << QStringLiteral("CONFLICT") << 0;
        QTest::newRow("400 validation") << 400 << int(QNetworkReply::ProtocolInvalidOperationError)
                                        << QByteArray(R"({"message":"[body.name] required","code":"VALIDATION_ERROR"})")
                                        << Headers{} << false << Kind::Validation << QStringLiteral("VALIDATION_ERROR") << 0;
        QTest::newRow("400 oauth") << 400 << int(QNetworkReply::ProtocolInvalidOperationError)
                                   << QByteArray(R"({"error":"invalid_request","error_description":"Invalid user code"})")
                                   << Headers{} << false << Kind::Protocol << QStringLiteral("invalid_request") << 0;
        // Qt reports 429 as UnknownContentError; better-auth says x-retry-after.
        QTest::newRow("429 x-retry-after") << 429 << int(QNetworkReply::UnknownContentError)
                                           << QByteArray(R"({"message":"Too many requests. Please try again later."})")
                                           << Headers{{"x-retry-after", "300"}} << false << Kind::RateLimited << QString() << 300;
        QTest::newRow("429 Retry-After") << 429 << int(QNetworkReply::UnknownContentError) << QByteArray()
                                         << Headers{{"Retry-After", "12"}} << false << Kind::RateLimited << QString() << 12;
        QTest::newRow("429 key tryAgainIn ms") << 429 << int(QNetworkReply::UnknownContentError)
                                               << QByteArray(R"({"message":"Rate limit exceeded.","code":"RATE_LIMITED","details":{"tryAgainIn":86399982}})")
                                               << Headers{} << false << Kind::RateLimited << QStringLiteral("RATE_LIMITED") << 86400;
        // tryAgainIn from a hostile server: no UB converting 1e300 or a negative, at most one day.
        QTest::newRow("429 tryAgainIn 1e300") << 429 << int(QNetworkReply::UnknownContentError)
                                              << QByteArray(R"({"code":"RATE_LIMITED","details":{"tryAgainIn":1e300}})")
                                              << Headers{} << false << Kind::RateLimited << QStringLiteral("RATE_LIMITED") << 86400;
        QTest::newRow("429 tryAgainIn -1e300") << 429 << int(QNetworkReply::UnknownContentError)
                                               << QByteArray(R"({"code":"RATE_LIMITED","details":{"tryAgainIn":-1e300}})")
                                               << Headers{} << false << Kind::RateLimited << QStringLiteral("RATE_LIMITED") << 0;
        QTest::newRow("429 tryAgainIn 1 ms") << 429 << int(QNetworkReply::UnknownContentError)
                                             << QByteArray(R"({"code":"RATE_LIMITED","details":{"tryAgainIn":1}})")
                                             << Headers{} << false << Kind::RateLimited << QStringLiteral("RATE_LIMITED") << 1;
        QTest::newRow("429 x-retry-after absurd") << 429 << int(QNetworkReply::UnknownContentError) << QByteArray()
                                                  << Headers{{"x-retry-after", "18446744073709551616"}} << false
                                                  << Kind::RateLimited << QString() << 86400;
        // Found by fuzz_api_error: a negative tryAgainIn gave a negative wait.
        QTest::newRow("429 tryAgainIn negative (fuzz seed)") << 429 << int(QNetworkReply::UnknownContentError)
                                               << QByteArray(R"({"code":"RATE_LIMITED","details":{"tryAgainIn":-161000}})")
                                               << Headers{} << false << Kind::RateLimited << QStringLiteral("RATE_LIMITED") << 0;
        QTest::newRow("500") << 500 << int(QNetworkReply::InternalServerError) << QByteArray("<html>oops</html>")
                             << Headers{} << false << Kind::Server << QString() << 0;
        QTest::newRow("503") << 503 << int(QNetworkReply::ServiceUnavailableError) << QByteArray() << Headers{}
                             << false << Kind::Server << QString() << 0;
        QTest::newRow("verify shape") << 401 << int(QNetworkReply::AuthenticationRequiredError)
                                      << QByteArray(R"({"valid":false,"error":{"message":"API Key is disabled","code":"KEY_DISABLED"},"key":null})")
                                      << Headers{} << false << Kind::Unauthorized << QStringLiteral("KEY_DISABLED") << 0;
        QTest::newRow("refused") << 0 << int(QNetworkReply::ConnectionRefusedError) << QByteArray() << Headers{}
                                 << false << Kind::Network << QString() << 0;
        QTest::newRow("dns") << 0 << int(QNetworkReply::HostNotFoundError) << QByteArray() << Headers{} << false
                             << Kind::Network << QString() << 0;
        QTest::newRow("transfer timeout") << 0 << int(QNetworkReply::OperationCanceledError) << QByteArray()
                                          << Headers{} << true << Kind::Timeout << QString() << 0;
        QTest::newRow("user abort") << 0 << int(QNetworkReply::OperationCanceledError) << QByteArray() << Headers{}
                                    << false << Kind::Cancelled << QString() << 0;
        QTest::newRow("tls") << 0 << int(QNetworkReply::SslHandshakeFailedError) << QByteArray() << Headers{}
                             << false << Kind::Tls << QString() << 0;
        QTest::newRow("garbage body on 400") << 400 << int(QNetworkReply::ProtocolInvalidOperationError)
                                             << QByteArray("not json") << Headers{} << false << Kind::Validation
                                             << QString() << 0;
    }

    void mapping()
    {
        QFETCH(int, status);
        QFETCH(int, transport);
        QFETCH(QByteArray, body);
        QFETCH(Headers, headers);
        QFETCH(bool, timedOut);
        QFETCH(Kind, kind);
        QFETCH(QString, code);
        QFETCH(int, retryAfter);
        const bool cancelled = !timedOut && transport == QNetworkReply::OperationCanceledError;
        const ApiError e = ApiError::fromHttp(status, QNetworkReply::NetworkError(transport), QStringLiteral("transport text"),
                                              body, headers, timedOut, cancelled);
        QCOMPARE(e.kind, kind);
        QCOMPARE(e.serverCode, code);
        QCOMPARE(int(e.retryAfter.count()), retryAfter);
        QCOMPARE(e.isError(), kind != Kind::None);
        if (e.isError())
            QVERIFY2(!e.userMessage().isEmpty(), qPrintable(e.kindName()));
    }

    void userMessageCarriesServerText()
    {
        const ApiError e = ApiError::fromHttp(403, QNetworkReply::ContentAccessDenied, {},
                                              R"({"code":"FORBIDDEN","message":"Caller is not role=admin"})", {}, false, false);
        QVERIFY(e.userMessage().contains(QStringLiteral("Caller is not role=admin")));
        const ApiError rl = ApiError::fromHttp(429, QNetworkReply::UnknownContentError, {}, {}, {{"x-retry-after", "7"}}, false, false);
        QVERIFY(rl.userMessage().contains(QStringLiteral("7 s")));
    }

    // The one text both faces show (ApiError::displayText): the server's words when it sent some, else
    // userMessage(); a rate limit says when to try again even when the server sent words.
    void displayText_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<QString>("expected");
        QTest::newRow("server words") << 403 << QByteArray(R"({"code":"FORBIDDEN","message":"Caller is not role=admin"})")
                                      << QByteArray() << QStringLiteral("Caller is not role=admin");
        QTest::newRow("no words: userMessage") << 404 << QByteArray() << QByteArray() << QStringLiteral("Not found.");
        QTest::newRow("429 words and countdown") << 429 << QByteArray(R"({"message":"Too many requests"})") << QByteArray("7")
                                                 << QStringLiteral("Too many requests. Try again in 7 s.");
        QTest::newRow("429 words, no delay") << 429 << QByteArray(R"({"message":"Slow down."})") << QByteArray()
                                             << QStringLiteral("Slow down. Try again later.");
        QTest::newRow("429 no words") << 429 << QByteArray() << QByteArray("30")
                                      << QStringLiteral("The server is rate-limiting requests; try again in 30 s.");
    }
    void displayText()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, retryAfter);
        QFETCH(QString, expected);
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!retryAfter.isEmpty())
            headers << qMakePair(QByteArray("Retry-After"), retryAfter);
        const ApiError e = ApiError::fromHttp(status, QNetworkReply::UnknownContentError, {}, body, headers, false, false);
        QCOMPARE(e.displayText(), expected);
    }

    void retryAfterForms_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<int>("seconds");
        // now = Sun, 06 Nov 1994 08:49:37 GMT (RFC 9110's example date)
        QTest::newRow("delay-seconds") << QByteArray("120") << 120;
        QTest::newRow("delay-seconds padded") << QByteArray("  5 ") << 5;
        QTest::newRow("zero") << QByteArray("0") << 0;
        QTest::newRow("negative") << QByteArray("-3") << 0;
        QTest::newRow("IMF-fixdate +90 s") << QByteArray("Sun, 06 Nov 1994 08:51:07 GMT") << 90;
        QTest::newRow("IMF-fixdate +1 day") << QByteArray("Mon, 07 Nov 1994 08:49:37 GMT") << 86400;
        QTest::newRow("RFC 850 +3 s") << QByteArray("Sunday, 06-Nov-94 08:49:40 GMT") << 3;
        QTest::newRow("asctime +60 s") << QByteArray("Sun Nov  6 08:50:37 1994") << 60;
        QTest::newRow("date in the past") << QByteArray("Sun, 06 Nov 1994 08:00:00 GMT") << 0;
        QTest::newRow("garbage") << QByteArray("soon") << 0;
        // Bounded: never more than a day (ApiError::kMaxRetryAfter), never an overflow.
        QTest::newRow("delay-seconds absurd") << QByteArray("999999999") << 86400;
        QTest::newRow("delay-seconds past qint64") << QByteArray("99999999999999999999999999") << 86400;
        QTest::newRow("delay-seconds INT64_MAX") << QByteArray("9223372036854775807") << 86400;
        QTest::newRow("negative past qint64") << QByteArray("-99999999999999999999999999") << 0;
        QTest::newRow("fraction is not delay-seconds") << QByteArray("1.5") << 0;
        QTest::newRow("IMF-fixdate year 9999") << QByteArray("Fri, 31 Dec 9999 23:59:59 GMT") << 86400;
        QTest::newRow("IMF-fixdate +2 days") << QByteArray("Tue, 08 Nov 1994 08:49:37 GMT") << 86400;
        QTest::newRow("RFC 2822 numeric zone +90 s") << QByteArray("Sun, 06 Nov 1994 08:51:07 +0000") << 90;
        QTest::newRow("RFC 2822 no weekday +90 s") << QByteArray("06 Nov 1994 08:51:07 +0000") << 90;
        QTest::newRow("date with a control character") << QByteArray("Sun, 06 Nov 1994\t08:51:07 GMT") << 0;
        QTest::newRow("a date inside 100 characters") << (QByteArray(40, 'x') + " Sun, 06 Nov 1994 08:51:07 GMT " + QByteArray(40, 'x')) << 0;
        QTest::newRow("empty") << QByteArray() << 0;
    }

    void retryAfterForms()
    {
        QFETCH(QByteArray, value);
        QFETCH(int, seconds);
        const QDateTime now(QDate(1994, 11, 6), QTime(8, 49, 37), Qt::UTC);
        QCOMPARE(int(ApiError::parseRetryAfter(value, now).count()), seconds);
    }

    void retryAfterDateHeaderIsUsed()
    {
        // fromHttp measures the date against the wall clock: 30 s ahead comes back as about 30 s.
        const QByteArray date = QDateTime::currentDateTimeUtc().addSecs(30).toString(Qt::RFC2822Date).toLatin1();
        const ApiError e = ApiError::fromHttp(429, QNetworkReply::UnknownContentError, {}, {}, {{"Retry-After", date}}, false, false);
        QCOMPARE(e.kind, Kind::RateLimited);
        QVERIFY2(e.retryAfter.count() >= 28 && e.retryAfter.count() <= 31, qPrintable(QString::number(e.retryAfter.count())));
    }

    void replyMayBeLost_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("transport");
        QTest::addColumn<bool>("timedOut");
        QTest::addColumn<bool>("lost");
        QTest::newRow("timeout") << 0 << int(QNetworkReply::OperationCanceledError) << true << true;
        QTest::newRow("dropped") << 0 << int(QNetworkReply::RemoteHostClosedError) << false << true;
        QTest::newRow("502") << 502 << int(QNetworkReply::UnknownServerError) << false << true;
        QTest::newRow("503") << 503 << int(QNetworkReply::ServiceUnavailableError) << false << true;
        QTest::newRow("504") << 504 << int(QNetworkReply::UnknownServerError) << false << true;
        QTest::newRow("500: the server says it failed") << 500 << int(QNetworkReply::InternalServerError) << false << false;
        QTest::newRow("400") << 400 << int(QNetworkReply::ProtocolInvalidOperationError) << false << false;
        QTest::newRow("401") << 401 << int(QNetworkReply::AuthenticationRequiredError) << false << false;
    }

    void replyMayBeLost()
    {
        QFETCH(int, status);
        QFETCH(int, transport);
        QFETCH(bool, timedOut);
        QFETCH(bool, lost);
        const ApiError e = ApiError::fromHttp(status, QNetworkReply::NetworkError(transport), {}, {}, {}, timedOut, false);
        QCOMPARE(e.replyMayBeLost(), lost);
    }
};

QTEST_GUILESS_MAIN(TestApiError)
#include "tst_apierror.moc"
