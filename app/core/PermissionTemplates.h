#pragma once

#include "ConsoleTypes.h"

#include <QList>
#include <QString>

#include <optional>

class QSettings;

// Saved permission sets ("read-only files", "ingest worker"), per server (keyed by the normalized origin),
// kept in QSettings next to the server profiles. No secrets: names and permissions only. Used by the mint
// and edit dialogs and by `keys mint|update --template` / `keys templates`. (issue 13 item 6, h-perms)
struct PermissionTemplate
{
    QString name;
    Permissions permissions;
};

class PermissionTemplates
{
public:
    static constexpr int kMaxName = 64;
    static constexpr int kMaxPerServer = 100;

    explicit PermissionTemplates(QSettings *settings);   // borrowed

    // The server's templates, by name (case-insensitive order). An entry the settings file holds that is
    // not a valid template (edited by hand) is skipped.
    QList<PermissionTemplate> all(const QString &serverUrl) const;
    std::optional<PermissionTemplate> find(const QString &serverUrl, const QString &name) const;
    // Inserts or replaces by name (exact); empty when saved, else why not (a bad name, bad permissions,
    // kMaxPerServer reached). An empty set is refused: a template grants something.
    QString save(const QString &serverUrl, const PermissionTemplate &t);
    bool remove(const QString &serverUrl, const QString &name);   // false: there was none

    static QString validateName(const QString &name);   // 1..kMaxName printable characters, trimmed

private:
    struct Entry
    {
        QString server;
        PermissionTemplate t;
    };
    QList<Entry> readAll() const;
    void writeAll(const QList<Entry> &list);

    QSettings *m_settings;
};
