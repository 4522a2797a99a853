// ApiError::fromHttp: the mapping of a finished exchange (status, transport error, headers, body in any
// of better-auth's error shapes) and Retry-After in both forms (delay-seconds, HTTP-date), plus
// better-auth's details.tryAgainIn. Input: status(2) flags(1) now(8) then header lines up to an empty
// line ("Name: value\n"), then the body.
#include "FuzzSupport.h"

#include "core/ApiError.h"

#include <QDateTime>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzzInitApp(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzInput in(data, size);
    const int status = in.u16() % 1000;
    const uint8_t flags = in.byte();
    // "now" anywhere from 1970 to ~2100 (what a real clock can say)
    const qint64 nowMs = qint64(uint64_t(in.i64()) % 4102444800000ULL);
    QList<QPair<QByteArray, QByteArray>> headers;
    for (;;) {
        const QByteArray line = in.until('\n');
        if (line.isEmpty() || in.atEnd())
            break;
        const qsizetype colon = line.indexOf(':');
        headers.append({line.left(colon < 0 ? line.size() : colon), colon < 0 ? QByteArray() : line.mid(colon + 1)});
    }
    const QByteArray body = in.rest();

    const int transport = flags & 0x3f;   // a QNetworkReply::NetworkError value (ApiError::Transport)
    const ApiError e = ApiError::fromHttp(status, transport, QStringLiteral("transport text"), body, headers,
                                          flags & 0x40, flags & 0x80);
    FUZZ_CHECK(e.retryAfter.count() >= 0);
    if (status >= 200 && status < 300)
        FUZZ_CHECK(!e.isError());
    (void)e.userMessage();
    (void)e.kindName();
    (void)e.replyMayBeLost();

    const QDateTime now = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC);
    for (const auto &h : headers) {
        const auto s = ApiError::parseRetryAfter(h.second, now);
        FUZZ_CHECK(s.count() >= 0);
    }
    return 0;
}
