#include "JsonTreeModel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <algorithm>
#include <cmath>

namespace {

// Control characters (C0, DEL, C1), line and paragraph separators and the bidi controls as \uXXXX.
QString escaped(const QString &s, int maxChars)
{
    QString out;
    const int n = int(std::min<qsizetype>(s.size(), maxChars));
    out.reserve(n + 8);
    for (int i = 0; i < n; ++i) {
        const char16_t c = s.at(i).unicode();
        const bool control = c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029 || (c >= 0x202a && c <= 0x202e)
            || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f || c == 0x061c;
        if (control)
            out += QStringLiteral("\\u%1").arg(int(c), 4, 16, QLatin1Char('0'));
        else
            out += s.at(i);
    }
    if (s.size() > n)
        out += QStringLiteral("…");
    return out;
}

} // namespace

JsonTreeModel::JsonTreeModel(QObject *parent) : QAbstractItemModel(parent)
{
    m_nodes.emplace_back();
}

void JsonTreeModel::setLimits(int maxNodes, int maxDepth)
{
    m_maxNodes = std::clamp(maxNodes, 1, 1000000);
    m_maxDepth = std::clamp(maxDepth, 1, 256);
}

void JsonTreeModel::clear()
{
    beginResetModel();
    m_nodes.clear();
    m_nodes.emplace_back();
    m_truncated = false;
    endResetModel();
}

bool JsonTreeModel::setJson(const QByteArray &json)
{
    beginResetModel();
    m_nodes.clear();
    m_nodes.emplace_back();
    m_truncated = false;
    QJsonParseError pe{};
    // QJsonDocument itself refuses nesting deeper than 1024, so the parse is bounded too.
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    const bool ok = pe.error == QJsonParseError::NoError && (doc.isObject() || doc.isArray());
    if (ok) {
        // The top-level container's members are the first level of the tree.
        if (doc.isObject()) {
            const QJsonObject o = doc.object();
            for (auto it = o.begin(); it != o.end(); ++it)
                build(it.value(), it.key(), 0, 1);
        } else {
            const QJsonArray a = doc.array();
            for (qsizetype i = 0; i < a.size(); ++i)
                build(a.at(i), QStringLiteral("[%1]").arg(i), 0, 1);
        }
    }
    endResetModel();
    return ok;
}

void JsonTreeModel::build(const QJsonValue &v, const QString &key, int parent, int depth)
{
    if (m_truncated && m_nodes[size_t(parent)].children.size() > 0
        && m_nodes[size_t(m_nodes[size_t(parent)].children.back())].type == More)
        return;   // this container's remainder is already summarized
    if (nodeCount() >= m_maxNodes) {
        // One summary row per container that did not fit; the count says what is missing.
        m_truncated = true;
        Node more;
        more.type = More;
        more.parent = parent;
        more.row = int(m_nodes[size_t(parent)].children.size());
        more.key = QStringLiteral("…");
        more.value = tr("not shown: the tree is limited to %1 entries").arg(m_maxNodes);
        m_nodes[size_t(parent)].children.push_back(int(m_nodes.size()));
        m_nodes.push_back(std::move(more));
        return;
    }
    Node n;
    n.key = escaped(key, kMaxValueChars);
    n.parent = parent;
    n.row = int(m_nodes[size_t(parent)].children.size());
    const int self = int(m_nodes.size());
    m_nodes[size_t(parent)].children.push_back(self);
    switch (v.type()) {
    case QJsonValue::Object: {
        n.type = Object;
        const QJsonObject o = v.toObject();
        n.value = tr("{%n member(s)}", nullptr, int(o.size()));
        m_nodes.push_back(std::move(n));
        if (depth >= m_maxDepth) {
            m_truncated = true;
            m_nodes[size_t(self)].value = tr("{…} deeper than %1 levels").arg(m_maxDepth);
            return;
        }
        for (auto it = o.begin(); it != o.end(); ++it)
            build(it.value(), it.key(), self, depth + 1);
        return;
    }
    case QJsonValue::Array: {
        n.type = Array;
        const QJsonArray a = v.toArray();
        n.value = tr("[%n item(s)]", nullptr, int(a.size()));
        m_nodes.push_back(std::move(n));
        if (depth >= m_maxDepth) {
            m_truncated = true;
            m_nodes[size_t(self)].value = tr("[…] deeper than %1 levels").arg(m_maxDepth);
            return;
        }
        for (qsizetype i = 0; i < a.size(); ++i)
            build(a.at(i), QStringLiteral("[%1]").arg(i), self, depth + 1);
        return;
    }
    case QJsonValue::String: {
        n.type = String;
        const QString s = v.toString();
        n.value = escaped(s, kMaxValueChars);
        n.full = escaped(s, kMaxTooltipChars);
        break;
    }
    case QJsonValue::Double:
        n.type = Number;
        n.value = QString::number(v.toDouble(), 'g', 17);
        if (v.toDouble() == double(qint64(v.toDouble())) && std::abs(v.toDouble()) < 9007199254740992.0)
            n.value = QString::number(qint64(v.toDouble()));
        break;
    case QJsonValue::Bool:
        n.type = Bool;
        n.value = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        break;
    default:
        n.type = Null;
        n.value = QStringLiteral("null");
        break;
    }
    m_nodes.push_back(std::move(n));
}

const JsonTreeModel::Node *JsonTreeModel::node(const QModelIndex &index) const
{
    if (!index.isValid())
        return &m_nodes[0];
    const auto id = size_t(index.internalId());
    return id < m_nodes.size() ? &m_nodes[id] : nullptr;
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (parent.isValid() && parent.column() != 0)
        return {};
    const Node *p = node(parent);
    if (!p || row >= int(p->children.size()))
        return {};
    return createIndex(row, column, quintptr(p->children[size_t(row)]));
}

QModelIndex JsonTreeModel::parent(const QModelIndex &child) const
{
    const Node *n = child.isValid() ? node(child) : nullptr;
    if (!n || n->parent <= 0)
        return {};
    return createIndex(m_nodes[size_t(n->parent)].row, 0, quintptr(n->parent));
}

int JsonTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    const Node *n = node(parent);
    return n ? int(n->children.size()) : 0;
}

int JsonTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QString JsonTreeModel::path(int id) const
{
    QStringList parts;
    for (int i = id; i > 0; i = m_nodes[size_t(i)].parent)
        parts.prepend(m_nodes[size_t(i)].key);
    QString out;
    for (const QString &p : std::as_const(parts))
        out += p.startsWith(QLatin1Char('[')) ? p : (out.isEmpty() ? p : QStringLiteral(".") + p);
    return out;
}

QVariant JsonTreeModel::data(const QModelIndex &index, int role) const
{
    const Node *n = index.isValid() ? node(index) : nullptr;
    if (!n)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case KeyColumn: return n->key;
        case ValueColumn: return n->type == String ? QStringLiteral("\"%1\"").arg(n->value) : n->value;
        case TypeColumn:
            switch (n->type) {
            case Object: return tr("object");
            case Array: return tr("array");
            case String: return tr("string");
            case Number: return tr("number");
            case Bool: return tr("boolean");
            case Null: return tr("null");
            case More: return QString();
            }
            return {};
        default: return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == ValueColumn && n->type == String && n->full.size() > n->value.size())
            return n->full;
        return {};
    case TypeRole: return int(n->type);
    case PathRole: return path(int(index.internalId()));
    default: return {};
    }
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn: return tr("Key");
    case ValueColumn: return tr("Value");
    case TypeColumn: return tr("Type");
    default: return {};
    }
}
