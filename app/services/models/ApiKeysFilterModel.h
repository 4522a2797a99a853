#pragma once

#include "core/ConsoleTypes.h"

#include <QDateTime>
#include <QSortFilterProxyModel>

class ApiKeysModel;

// The keys page's proxy: the text filter over loaded rows (as before), and a state filter the dashboard's
// counts open (expiring within 7 days, disabled, never used). The server cannot filter keys by state, so
// while a state filter is on, the proxy has the source load every page (at most kMaxRows keys): the rows it
// shows then cover the whole list, which coversAll() tells the page.
class ApiKeysFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class Only { All, ExpiringWithin7Days, Disabled, NeverUsed };
    static constexpr int kMaxRows = 20000;

    explicit ApiKeysFilterModel(QObject *parent = nullptr);
    void setKeys(ApiKeysModel *keys);               // the source (setSourceModel too)
    void setOnly(Only only, const QDateTime &now);
    Only only() const { return m_only; }
    bool coversAll() const;                          // every key of the server (or owner) is loaded
    static bool matches(Only only, const ApiKey &key, const QDateTime &now);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void loadRest();
    ApiKeysModel *m_keys = nullptr;
    Only m_only = Only::All;
    QDateTime m_now;
};
