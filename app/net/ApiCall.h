#pragma once

#include "core/ApiError.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

class QNetworkReply;

struct HttpResponse
{
    int status = 0;
    QByteArray body;
    QJsonDocument json;                                  // parsed when the body is JSON (may be null)
    QList<QPair<QByteArray, QByteArray>> headers;
    ApiError error;                                      // None for any 2xx
    bool ok() const { return !error.isError(); }
    QByteArray header(const QByteArray &name) const;
};

// One HTTP exchange as a job object: finished() fires exactly once, with a typed response; abort() can be
// called at any time. onFinished(context, fn) drops the callback when context dies.
class ApiCall : public QObject
{
    Q_OBJECT
public:
    ApiCall(QNetworkReply *reply, qint64 maxBodyBytes, QObject *parent = nullptr);
    // A call that fails before it reaches the network (bad URL policy, for example).
    static ApiCall *failed(ApiError error, QObject *parent);

    void onFinished(QObject *context, std::function<void(const HttpResponse &)> fn);
    // A total deadline, counted from the start of the call: the transfer timeout only measures silence,
    // so a server trickling a byte a second would otherwise hold the call forever. <= 0: none.
    void setDeadlineMs(int ms);
    void abort();
    bool isFinished() const { return m_finished; }
    const HttpResponse &response() const { return m_response; }
    QUrl url() const { return m_url; }

signals:
    void finished(const HttpResponse &response);

private:
    explicit ApiCall(QObject *parent);
    void handleFinished();
    void finish(HttpResponse r);

    QPointer<QNetworkReply> m_reply;
    QUrl m_url;
    QByteArray m_method;
    qint64 m_maxBodyBytes = 0;
    bool m_cancelled = false;
    bool m_tooLarge = false;
    bool m_deadlineHit = false;
    int m_deadlineMs = 0;
    bool m_finished = false;
    QString m_tlsErrors;
    HttpResponse m_response;
    QElapsedTimer m_elapsed;
};
