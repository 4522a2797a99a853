#pragma once

#include "core/ApiError.h"
#include "core/ConsoleTypes.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>

class ConsoleApi;
class Session;
class ApiCall;

// API keys paged from the server: fetchMore() asks for the next page and rows are inserted when it
// lands. Changing the owner filter resets and refetches (the server filters; the view never pretends
// a partial list is the whole one).
class ApiKeysModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, OwnerColumn, StartColumn, EnabledColumn, CreatedColumn, ExpiresColumn, LastUsedColumn,
                  RequestsColumn, RemainingColumn, RateLimitColumn,
                  UsageColumn,   // h-usage2: the last 7 days (usage7d), when the server counts
                  ColumnCount };
    enum Role { KeyIdRole = Qt::UserRole + 1, OwnerIdRole, ExpiredRole, EnabledRole, SortRole, StateRole,
                Usage7dRole };   // h-usage2: QVariantList of 7 QVariantMaps {day, success, failure, rateLimited}, today last
    // StateRole: the key's state as a State (the GUI turns it into colours; expiring soon: < 3 days left).
    enum State { Active, ExpiringSoon, Expired, Disabled };

    explicit ApiKeysModel(ConsoleApi *api, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    void setOwnerFilter(const QString &userId);   // empty: all service users' keys
    QString ownerFilter() const { return m_owner; }
    void setOwnerNames(const QHash<QString, QString> &names);
    void setPageSize(int n) { m_pageSize = n; }
    void refresh();
    // h-usage2: ask each page with usage=7d (only for a server that announces "api-keys.usage"); takes
    // effect at the next refresh().
    void setUsage7d(bool on) { m_usage7d = on; }
    bool usage7d() const { return m_usage7d; }
    // The numbers of a row's 7 days in words (the column's tooltip and accessible text): never colour alone.
    static QString usageText(const QList<UsageDay> &days);
    void upsert(const ApiKey &key);
    void remove(const QString &keyId);

    const ApiKey &key(int row) const { return m_keys.at(row); }
    int total() const { return m_total; }
    bool isLoading() const { return m_loading; }
    ApiError lastError() const { return m_error; }

signals:
    void pageLoaded(int loaded, int total);
    void loadFailed(const ApiError &error);

private:
    ConsoleApi *m_api;
    Session *m_session;
    QList<ApiKey> m_keys;
    QHash<QString, QString> m_ownerNames;
    QString m_owner;
    int m_total = 0;
    int m_pageSize = 100;
    bool m_loading = false;
    bool m_hasMore = true;
    int m_inserting = 0;        // rows of a page on their way in (between begin/endInsertRows)
    ApiError m_error;
    QPointer<ApiCall> m_inFlight;
    int m_generation = 0;
    bool m_usage7d = false;
};
