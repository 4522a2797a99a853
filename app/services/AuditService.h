#pragma once

#include "core/ApiError.h"
#include "core/AuditTypes.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

class AuditModel;
class ApiCall;
class ChannelSocket;
class ConsoleApi;
class Session;

// The audit trail for both faces' needs: asks /console/info whether the server keeps one (feature
// "audit"), pages GET /console/audit by its cursor into an AuditModel (newest first; fetchMore() only
// starts a request, rows land with the reply), and, while live, merges the `audit` events of the live
// channel's "sessions" topic that match the filter (deduplicated by id; the model's row cap bounds memory).
// A filter change resets the model and refetches on the server (never a client-side filter over part of it).
class AuditService : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Checking, Unsupported, Loading, Ready, Failed };
    Q_ENUM(State)

    explicit AuditService(ConsoleApi *api, QObject *parent = nullptr);
    ~AuditService() override;

    AuditModel *model() const { return m_model; }
    State state() const { return m_state; }
    AuditFilter filter() const { return m_filter; }
    ApiError lastError() const { return m_error; }
    int total() const { return m_total; }              // what the server said (a lower bound unless totalExact)
    bool totalExact() const { return m_totalExact; }
    bool hasMore() const { return m_nextCursor.has_value(); }
    bool canFetchMore() const;
    int pageSize() const { return m_pageSize; }
    void setPageSize(int n);                           // 1..1000
    // Milliseconds from reload() to the first page's rows in the model (-1 before): for BENCHMARKS.md.
    qint64 firstRowsMs() const { return m_firstRowsMs; }

    // One line for a server without the audit trail (the page and `pikku-admin audit` show it).
    static QString unsupportedMessage();

    void setFilter(const AuditFilter &filter);         // resets and reloads (when it changed, or not loaded)
    void reload();                                     // the first page again (checks the server first)
    void fetchMore();                                  // the next page, if any
    void clear();                                      // signed out: nothing shown, live closed

    void setLive(bool on);                             // follow the live channel (while the page wants it)
    bool isLiveWanted() const { return m_liveWanted; }
    bool isLive() const;
    QString liveStatus() const { return m_liveStatus; }
    // A pushed frame {topic, event: "audit", at, data: AuditEntry}; other events are ignored. Returns true when
    // it added a row. Public so the GUI can feed a frame from another channel.
    bool handleLiveFrame(const QJsonObject &frame);

signals:
    void stateChanged(AuditService::State state);
    void pageLoaded(int added);
    void liveEntryAdded(const AuditEntry &entry);
    void liveStatusChanged(const QString &status);

private:
    void setState(State s);
    void fetchPage(bool first);
    void openLive();
    void setLiveStatus(const QString &s);

    ConsoleApi *m_api;
    AuditModel *m_model;
    ChannelSocket *m_live = nullptr;
    QPointer<ApiCall> m_running;
    State m_state = State::Idle;
    AuditFilter m_filter;
    ApiError m_error;
    std::optional<QString> m_nextCursor;
    int m_total = 0;
    bool m_totalExact = false;
    int m_pageSize = 200;
    int m_generation = 0;
    bool m_supported = false;
    bool m_checked = false;      // /console/info asked for this sign-in
    bool m_liveWanted = false;
    QString m_liveFor;           // endpoint + session id the live channel was opened for
    QString m_identity;          // ... and the one /console/info was asked for
    QString m_liveStatus;
    QElapsedTimer m_sinceReload;
    qint64 m_firstRowsMs = -1;
};
