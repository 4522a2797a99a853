#pragma once

#include <QAbstractItemModel>
#include <QByteArray>
#include <QString>

#include <vector>

// A read-only tree of one JSON document (the inspector's selected message): columns Key, Value, Type.
// Objects and arrays are branches whose Value says how many members they have; scalars are leaves.
// Bounded: at most maxNodes nodes (the rest of a container is summarized in one "… N more" row), at most
// maxDepth levels (a deeper container is a leaf "{…}"/"[…]"), string values cut at kMaxValueChars for
// display (the tooltip has up to kMaxTooltipChars). Values are plain text; control characters are shown
// as \uXXXX so a server's string cannot move or hide text in the view.
class JsonTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { KeyColumn, ValueColumn, TypeColumn, ColumnCount };
    enum Type { Object, Array, String, Number, Bool, Null, More };
    enum Role { TypeRole = Qt::UserRole + 1, PathRole };
    static constexpr int kMaxValueChars = 500;
    static constexpr int kMaxTooltipChars = 4000;

    explicit JsonTreeModel(QObject *parent = nullptr);

    // Replaces the tree; false (and an empty tree) when the payload is not a JSON object or array.
    bool setJson(const QByteArray &json);
    void clear();
    void setLimits(int maxNodes, int maxDepth);
    int nodeCount() const { return int(m_nodes.size()) - 1; }   // without the invisible root
    bool truncated() const { return m_truncated; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node
    {
        QString key;
        QString value;   // already escaped and cut for display
        QString full;    // for the tooltip (cut at kMaxTooltipChars)
        Type type = Null;
        int parent = -1;
        int row = 0;
        std::vector<int> children;
    };
    void build(const class QJsonValue &v, const QString &key, int parent, int depth);
    const Node *node(const QModelIndex &index) const;
    QString path(int node) const;

    std::vector<Node> m_nodes;   // [0] is the invisible root
    int m_maxNodes = 5000;
    int m_maxDepth = 32;
    bool m_truncated = false;
};
