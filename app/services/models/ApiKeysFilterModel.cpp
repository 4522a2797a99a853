#include "ApiKeysFilterModel.h"

#include "ApiKeysModel.h"

#include <QTimer>

ApiKeysFilterModel::ApiKeysFilterModel(QObject *parent) : QSortFilterProxyModel(parent) {}

void ApiKeysFilterModel::setKeys(ApiKeysModel *keys)
{
    m_keys = keys;
    setSourceModel(keys);
    connect(keys, &ApiKeysModel::pageLoaded, this, [this] {
        // Hop out of the model's reply handler before asking for the next page.
        QTimer::singleShot(0, this, &ApiKeysFilterModel::loadRest);
    });
}

bool ApiKeysFilterModel::matches(Only only, const ApiKey &k, const QDateTime &now)
{
    switch (only) {
    case Only::All: return true;
    case Only::ExpiringWithin7Days: return k.expiresAt.isValid() && k.expiresAt > now && k.expiresAt <= now.addDays(7);
    case Only::Disabled: return !k.enabled;
    case Only::NeverUsed: return !k.lastRequest.isValid();
    }
    return true;
}

void ApiKeysFilterModel::setOnly(Only only, const QDateTime &now)
{
    m_only = only;
    m_now = now;
    invalidateFilter();
    loadRest();
}

bool ApiKeysFilterModel::coversAll() const
{
    return m_keys && m_keys->rowCount() >= m_keys->total();
}

void ApiKeysFilterModel::loadRest()
{
    if (m_only == Only::All || !m_keys || m_keys->rowCount() >= kMaxRows)
        return;
    if (m_keys->canFetchMore({}))
        m_keys->fetchMore({});
}

bool ApiKeysFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_keys && m_only != Only::All && !matches(m_only, m_keys->key(sourceRow), m_now))
        return false;
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}
