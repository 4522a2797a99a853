#pragma once

#include "AuthTypes.h"
#include "Clock.h"
#include "Result.h"

#include <QObject>
#include <QPointer>

#include <functional>

// The two device-flow calls, behind a seam so the state machine can be driven by a script in tests.
// The returned object (may be null) is the in-flight job; deleting the context drops the callback.
class DeviceAuthTransport
{
public:
    virtual ~DeviceAuthTransport() = default;
    virtual QObject *requestDeviceCode(const QString &clientId, const QString &scope, QObject *context,
                                       std::function<void(Result<DeviceCode>)> cb) = 0;
    // An RFC 8628 error answer (authorization_pending, slow_down, ...) is a *successful* Result whose
    // errorCode is set; a failed Result is a transport/HTTP problem.
    virtual QObject *pollDeviceToken(const QString &deviceCode, const QString &clientId, QObject *context,
                                     std::function<void(Result<DeviceTokenReply>)> cb) = 0;
};

// RFC 8628 client state machine:
//   Idle → RequestingCode → WaitingForApproval (polling) → SignedIn | Denied | Expired | Failed | Cancelled
// Polls at the server's interval, adds 5 s on slow_down, keeps polling through transient network
// trouble until the code's own expiry, and can be cancelled or restarted at any moment.
class DeviceFlow : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, RequestingCode, WaitingForApproval, SignedIn, Denied, Expired, Failed, Cancelled };
    Q_ENUM(State)

    DeviceFlow(DeviceAuthTransport *transport, Clock *clock, QString clientId, QString scope = {},
               QObject *parent = nullptr);
    ~DeviceFlow() override;

    void start();
    void cancel();

    State state() const { return m_state; }
    bool isActive() const { return m_state == State::RequestingCode || m_state == State::WaitingForApproval; }
    const DeviceCode &code() const { return m_code; }
    QDateTime expiresAt() const { return m_expiresAt; }
    qint64 secondsLeft() const;
    int intervalSeconds() const { return m_interval; }
    int pollCount() const { return m_polls; }
    QString accessToken() const { return m_token; }
    ApiError lastError() const { return m_error; }
    QString message() const { return m_message; }
    static QString stateName(State s);

signals:
    void stateChanged(DeviceFlow::State state);
    void codeReady(const DeviceCode &code);
    void intervalChanged(int seconds);
    void pollProblem(const ApiError &error);   // transient: the flow keeps polling
    void signedIn(const QString &accessToken);
    void ended(DeviceFlow::State state, const QString &message);   // any terminal state

private:
    void setState(State s);
    void end(State s, const QString &message, ApiError error = {});
    void schedulePoll(int ms);
    void poll();
    void handleReply(const Result<DeviceTokenReply> &r);
    void resetRequestContext();

    DeviceAuthTransport *m_transport;
    Clock *m_clock;
    QString m_clientId;
    QString m_scope;
    State m_state = State::Idle;
    DeviceCode m_code;
    QDateTime m_expiresAt;
    int m_interval = 5;
    int m_polls = 0;
    int m_generation = 0;
    QString m_token;
    QString m_message;
    ApiError m_error;
    QPointer<QObject> m_requestContext;
};
