#include "ServerProfiles.h"

#include <QSettings>

#include <algorithm>

ServerEndpoint ServerProfile::endpoint() const
{
    ServerEndpoint e;
    e.baseUrl = QUrl(key());
    e.authPath = ServerUrl::normalizeAuthPath(authPath);
    e.allowInsecureHttp = allowInsecureHttp;
    return e;
}

ServerProfiles::ServerProfiles(QSettings *settings) : m_settings(settings) {}

ServerProfile ServerProfiles::defaultProfile()
{
    ServerProfile p;
    p.url = QStringLiteral("http://127.0.0.1:3000");
    p.authPath = QStringLiteral("/api/auth");
    p.label = QStringLiteral("Bundled dev server");
    return p;
}

QList<ServerProfile> ServerProfiles::all() const
{
    QList<ServerProfile> out;
    const int n = m_settings->beginReadArray(QStringLiteral("servers"));
    for (int i = 0; i < n; ++i) {
        m_settings->setArrayIndex(i);
        ServerProfile p;
        p.url = m_settings->value(QStringLiteral("url")).toString();
        p.authPath = m_settings->value(QStringLiteral("authPath")).toString();
        p.allowInsecureHttp = m_settings->value(QStringLiteral("allowInsecureHttp"), false).toBool();
        p.label = m_settings->value(QStringLiteral("label")).toString();
        if (!p.url.isEmpty())
            out << p;
    }
    m_settings->endArray();
    return out;
}

std::optional<ServerProfile> ServerProfiles::find(const QString &url) const
{
    const QString key = ServerUrl::normalize(url);
    for (const ServerProfile &p : all())
        if (p.key() == key)
            return p;
    return std::nullopt;
}

ServerProfile ServerProfiles::current() const
{
    const QString cur = m_settings->value(QStringLiteral("currentServer")).toString();
    if (!cur.isEmpty())
        if (auto p = find(cur))
            return *p;
    const QList<ServerProfile> list = all();
    return list.isEmpty() ? defaultProfile() : list.front();
}

void ServerProfiles::save(const ServerProfile &profile)
{
    QList<ServerProfile> list = all();
    ServerProfile p = profile;
    p.url = p.key();
    bool replaced = false;
    for (ServerProfile &existing : list) {
        if (existing.key() == p.key()) {
            existing = p;
            replaced = true;
        }
    }
    if (!replaced)
        list << p;
    writeAll(list);
    m_settings->sync();
}

void ServerProfiles::remove(const QString &url)
{
    const QString key = ServerUrl::normalize(url);
    QList<ServerProfile> list = all();
    list.erase(std::remove_if(list.begin(), list.end(), [&](const ServerProfile &p) { return p.key() == key; }), list.end());
    writeAll(list);
    if (ServerUrl::normalize(m_settings->value(QStringLiteral("currentServer")).toString()) == key)
        m_settings->remove(QStringLiteral("currentServer"));
    m_settings->sync();
}

void ServerProfiles::setCurrent(const QString &url)
{
    m_settings->setValue(QStringLiteral("currentServer"), ServerUrl::normalize(url));
    m_settings->sync();
}

void ServerProfiles::writeAll(const QList<ServerProfile> &list)
{
    m_settings->remove(QStringLiteral("servers"));
    m_settings->beginWriteArray(QStringLiteral("servers"), int(list.size()));
    for (int i = 0; i < list.size(); ++i) {
        m_settings->setArrayIndex(i);
        m_settings->setValue(QStringLiteral("url"), list[i].url);
        m_settings->setValue(QStringLiteral("authPath"), list[i].authPath);
        m_settings->setValue(QStringLiteral("allowInsecureHttp"), list[i].allowInsecureHttp);
        m_settings->setValue(QStringLiteral("label"), list[i].label);
    }
    m_settings->endArray();
}
