#pragma once

#include "core/ConsoleTypes.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

class Clock;

// The codes waiting for approval. Age and time left are worked out from the clock at each tick(), so
// the countdown moves every second without refetching; rows whose time ran out are removed there.
// setCodes() merges a fresh list in place (rows kept, inserted, removed), so a view's selection
// survives a refresh instead of jumping to another code.
class DeviceCodesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { CodeColumn, ClientColumn, ScopeColumn, RequestedColumn, TimeLeftColumn, ColumnCount };
    enum Role { UserCodeRole = Qt::UserRole + 1, SecondsLeftRole };
    static constexpr qint64 UrgentSeconds = 30;   // less time left than this: the GUI shows the countdown as urgent

    explicit DeviceCodesModel(const Clock *clock, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setCodes(const QList<PendingDeviceCode> &codes);   // expired ones are dropped
    void remove(const QString &userCode);
    void clear();
    void tick();                                           // refresh age / time left, drop expired rows

    const PendingDeviceCode &code(int row) const { return m_codes.at(row); }
    int rowOf(const QString &userCode) const;               // -1 if absent

    static QString formatTimeLeft(qint64 seconds);          // 125 → "2:05"
    static QString formatAge(qint64 seconds);               // 30 → "just now", 130 → "2 minutes ago"

private:
    qint64 secondsLeft(const PendingDeviceCode &c) const;

    const Clock *m_clock;
    QList<PendingDeviceCode> m_codes;
};
