#pragma once

#include "ServerUrl.h"

#include <QList>
#include <QString>

#include <optional>

class QSettings;

// Non-secret settings of each server the admin keeps. Stored in QSettings; tokens never are.
struct ServerProfile
{
    QString url;                  // as the admin typed it (normalized on save)
    QString authPath;             // empty: detect
    bool allowInsecureHttp = false;
    QString label;

    QString key() const { return ServerUrl::normalize(url); }
    ServerEndpoint endpoint() const;
};

class ServerProfiles
{
public:
    explicit ServerProfiles(QSettings *settings);   // borrowed

    QList<ServerProfile> all() const;
    std::optional<ServerProfile> find(const QString &url) const;
    ServerProfile current() const;                  // the last used, or the bundled dev server
    void save(const ServerProfile &profile);        // insert or update by key
    void remove(const QString &url);
    void setCurrent(const QString &url);

    static ServerProfile defaultProfile();          // http://127.0.0.1:3000, the bundled dev server

private:
    void writeAll(const QList<ServerProfile> &list);

    QSettings *m_settings;
};
