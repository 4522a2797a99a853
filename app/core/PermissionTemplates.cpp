#include "PermissionTemplates.h"

#include "ServerUrl.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>

#include <algorithm>

namespace {
const QString kArray = QStringLiteral("permissionTemplates");

QString permissionsText(const Permissions &p)
{
    return QString::fromUtf8(QJsonDocument(permissionsToJson(p)).toJson(QJsonDocument::Compact));
}

std::optional<Permissions> permissionsFromText(const QString &text)
{
    const QJsonDocument d = QJsonDocument::fromJson(text.toUtf8());
    if (!d.isObject())
        return std::nullopt;
    Permissions p;
    const QJsonObject o = d.object();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!it.value().isArray())
            return std::nullopt;
        QStringList actions;
        for (const QJsonValue &a : it.value().toArray()) {
            if (!a.isString())
                return std::nullopt;
            actions << a.toString();
        }
        p.insert(it.key(), actions);
    }
    if (p.isEmpty() || !validatePermissions(p).isEmpty())
        return std::nullopt;
    return p;
}
} // namespace

PermissionTemplates::PermissionTemplates(QSettings *settings) : m_settings(settings) {}

QString PermissionTemplates::validateName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return QStringLiteral("a template needs a name");
    if (name != name.trimmed())
        return QStringLiteral("a template's name may not start or end with a space");
    if (name.size() > kMaxName)
        return QStringLiteral("a template's name is at most %1 characters").arg(kMaxName);
    for (const QChar c : name)
        if (!c.isPrint())
            return QStringLiteral("a template's name may not hold control characters");
    return {};
}

QList<PermissionTemplates::Entry> PermissionTemplates::readAll() const
{
    QList<Entry> out;
    const int n = m_settings->beginReadArray(kArray);
    for (int i = 0; i < n; ++i) {
        m_settings->setArrayIndex(i);
        Entry e;
        e.server = ServerUrl::normalize(m_settings->value(QStringLiteral("server")).toString());
        e.t.name = m_settings->value(QStringLiteral("name")).toString();
        const auto p = permissionsFromText(m_settings->value(QStringLiteral("permissions")).toString());
        if (e.server.isEmpty() || !validateName(e.t.name).isEmpty() || !p)
            continue;
        e.t.permissions = *p;
        out << e;
    }
    m_settings->endArray();
    return out;
}

void PermissionTemplates::writeAll(const QList<Entry> &list)
{
    m_settings->remove(kArray);
    m_settings->beginWriteArray(kArray, int(list.size()));
    for (int i = 0; i < list.size(); ++i) {
        m_settings->setArrayIndex(i);
        m_settings->setValue(QStringLiteral("server"), list[i].server);
        m_settings->setValue(QStringLiteral("name"), list[i].t.name);
        m_settings->setValue(QStringLiteral("permissions"), permissionsText(list[i].t.permissions));
    }
    m_settings->endArray();
    m_settings->sync();
}

QList<PermissionTemplate> PermissionTemplates::all(const QString &serverUrl) const
{
    const QString key = ServerUrl::normalize(serverUrl);
    QList<PermissionTemplate> out;
    for (const Entry &e : readAll())
        if (e.server == key)
            out << e.t;
    std::stable_sort(out.begin(), out.end(), [](const PermissionTemplate &a, const PermissionTemplate &b) {
        return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });
    return out;
}

std::optional<PermissionTemplate> PermissionTemplates::find(const QString &serverUrl, const QString &name) const
{
    for (const PermissionTemplate &t : all(serverUrl))
        if (t.name == name)
            return t;
    return std::nullopt;
}

QString PermissionTemplates::save(const QString &serverUrl, const PermissionTemplate &t)
{
    const QString key = ServerUrl::normalize(serverUrl);
    if (key.isEmpty())
        return QStringLiteral("no server");
    if (const QString why = validateName(t.name); !why.isEmpty())
        return why;
    if (t.permissions.isEmpty())
        return QStringLiteral("a template needs at least one permission");
    if (const QString why = validatePermissions(t.permissions); !why.isEmpty())
        return why;
    QList<Entry> list = readAll();
    int count = 0;
    for (Entry &e : list) {
        if (e.server != key)
            continue;
        if (e.t.name == t.name) {
            e.t = t;
            writeAll(list);
            return {};
        }
        ++count;
    }
    if (count >= kMaxPerServer)
        return QStringLiteral("at most %1 templates per server").arg(kMaxPerServer);
    list << Entry{key, t};
    writeAll(list);
    return {};
}

bool PermissionTemplates::remove(const QString &serverUrl, const QString &name)
{
    const QString key = ServerUrl::normalize(serverUrl);
    QList<Entry> list = readAll();
    const auto gone = std::remove_if(list.begin(), list.end(), [&](const Entry &e) { return e.server == key && e.t.name == name; });
    if (gone == list.end())
        return false;
    list.erase(gone, list.end());
    writeAll(list);
    return true;
}
