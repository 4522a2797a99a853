#pragma once

#include "core/ConsoleTypes.h"

#include <QDate>
#include <QObject>

class Clock;
class OverviewService;
class QSettings;
class Session;

// "Keys about to expire raise the same kind of notice once a day" (issue 13 item 8). While enabled and signed
// in, asks the overview (GET /console/overview, or what a v1 server's lists tell) how many keys expire within
// 7 days (the same OverviewService the dashboard shows, so a recent count is reused), at start and then every hour, and reports a non-zero count at most once per calendar day (local
// time) and server: expiringSoon. The day of the last notice is kept per server in the settings, so a restart
// on the same day stays quiet. The switch is the setting notifications/keyExpiry (default on). GUI-only: the
// CLI never starts it.
class ExpiryReminder : public QObject
{
    Q_OBJECT
public:
    ExpiryReminder(OverviewService *overview, Session *session, QSettings *settings, Clock *clock, QObject *parent = nullptr);
    ~ExpiryReminder() override;

    static QString settingKey() { return QStringLiteral("notifications/keyExpiry"); }
    static constexpr int kCheckEveryMs = 60 * 60 * 1000;
    static constexpr int kReuseSnapshotMs = 5 * 60 * 1000;   // a dashboard count this recent answers a check
    bool isEnabled() const;
    void setEnabled(bool on);          // remembered; off stops the checks
    void start();                      // (again) for the current sign-in: check now, then hourly
    void stop();
    void checkNow();                   // one check (ignored while one runs, signed out or switched off)
    QDate lastNoticeDay() const;       // for the current server; invalid: never
    int checks() const { return m_checks; }   // completed checks (tests await it)

signals:
    void expiringSoon(int count);      // at most once a day per server, count > 0
    void checked();                    // a check completed (with or without a notice)

private:
    void scheduleNext();
    void onSnapshot();   // the overview's count read: a notice when due
    QString dayKey() const;

    OverviewService *m_overview;
    Session *m_session;
    QSettings *m_settings;
    Clock *m_clock;
    int m_generation = 0;
    int m_checks = 0;
    bool m_running = false;
    bool m_checking = false;
};
