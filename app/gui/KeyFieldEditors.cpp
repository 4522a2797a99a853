#include "KeyFieldEditors.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace {
constexpr int OriginalRole = Qt::UserRole + 1;   // the metadata value as the server had it

QString tr(const char *s)
{
    return QCoreApplication::translate("KeyFieldEditors", s);
}

QString cellText(const QTableWidget *t, int row, int column)
{
    const QTableWidgetItem *item = t->item(row, column);
    return item ? item->text() : QString();
}

QString displayText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 17);
    return QStringLiteral("null");
}
} // namespace

KeyValueEditor::KeyValueEditor(const QString &tableName, const QString &addName, const QString &removeName,
                               const QString &firstHeader, const QString &secondHeader, QWidget *parent)
    : QWidget(parent), m_table(new QTableWidget(0, 2, this))
{
    m_table->setObjectName(tableName);
    m_table->setHorizontalHeaderLabels({firstHeader, secondHeader});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultSectionSize(160);
    m_table->verticalHeader()->setVisible(false);
    // Tab leaves the table for the next control (arrows move between cells): no focus trap in the form.
    m_table->setTabKeyNavigation(false);
    m_table->setMinimumHeight(96);
    m_table->setMaximumHeight(140);
    auto *h = new QHBoxLayout(this);
    h->setContentsMargins(0, 0, 0, 0);
    h->addWidget(m_table, 1);
    auto *v = new QVBoxLayout;
    auto *add = new QToolButton(this);
    add->setObjectName(addName);
    add->setText(QStringLiteral("+"));
    add->setToolTip(tr("Add a row"));
    auto *rm = new QToolButton(this);
    rm->setObjectName(removeName);
    rm->setText(QStringLiteral("−"));
    rm->setToolTip(tr("Remove the selected row"));
    v->addWidget(add);
    v->addWidget(rm);
    v->addStretch(1);
    h->addLayout(v);
    connect(add, &QToolButton::clicked, this, [this] {
        addRow();
        m_table->editItem(m_table->item(m_table->rowCount() - 1, 0));
    });
    connect(rm, &QToolButton::clicked, this, [this] {
        if (m_table->currentRow() >= 0)
            m_table->removeRow(m_table->currentRow());
        emit changed();
    });
    connect(m_table, &QTableWidget::itemChanged, this, &KeyValueEditor::changed);
}

void KeyValueEditor::addRow(const QString &a, const QString &b)
{
    const int r = m_table->rowCount();
    m_table->insertRow(r);
    m_table->setItem(r, 0, new QTableWidgetItem(a));
    m_table->setItem(r, 1, new QTableWidgetItem(b));
    emit changed();
}

void KeyValueEditor::clearRows()
{
    m_table->setRowCount(0);
    emit changed();
}

namespace KeyFieldEditors {

Permissions readPermissions(const QTableWidget *t, QString *error)
{
    error->clear();
    Permissions perms;
    for (int r = 0; r < t->rowCount(); ++r) {
        const QString res = cellText(t, r, 0).trimmed();
        const QString acts = cellText(t, r, 1);
        if (res.isEmpty() && acts.trimmed().isEmpty())
            continue;
        if (perms.contains(res)) {
            *error = tr("Resource \"%1\" is listed twice.").arg(res);
            return {};
        }
        QStringList list;
        for (const QString &a : acts.split(QLatin1Char(','), Qt::SkipEmptyParts))
            list << a.trimmed();
        perms.insert(res, list);
    }
    if (const QString why = validatePermissions(perms); !why.isEmpty()) {
        *error = tr("Permissions: %1.").arg(why);
        return {};
    }
    return perms;
}

void setPermissions(KeyValueEditor *editor, const Permissions &permissions)
{
    const QSignalBlocker block(editor->table());
    editor->table()->setRowCount(0);
    for (auto it = permissions.cbegin(); it != permissions.cend(); ++it)
        editor->addRow(it.key(), it.value().join(QStringLiteral(", ")));
}

QJsonObject readMetadata(const QTableWidget *t, QString *error)
{
    error->clear();
    QJsonObject meta;
    for (int r = 0; r < t->rowCount(); ++r) {
        const QString k = cellText(t, r, 0).trimmed();
        const QString v = cellText(t, r, 1);
        if (k.isEmpty() && v.isEmpty())
            continue;
        if (k.isEmpty() || meta.contains(k)) {
            *error = tr("Metadata keys must be non-empty and unique.");
            return {};
        }
        QJsonValue value = v;
        if (const QTableWidgetItem *item = t->item(r, 1)) {
            const QVariant original = item->data(OriginalRole);
            if (original.isValid()) {
                const QJsonValue o = QJsonValue::fromVariant(original);
                if (!o.isString() && displayText(o) == v)
                    value = o;
            }
        }
        meta.insert(k, value);
    }
    return meta;
}

void setMetadata(KeyValueEditor *editor, const QJsonObject &metadata)
{
    const QSignalBlocker block(editor->table());
    editor->table()->setRowCount(0);
    for (auto it = metadata.constBegin(); it != metadata.constEnd(); ++it) {
        editor->addRow(it.key(), displayText(it.value()));
        editor->table()->item(editor->table()->rowCount() - 1, 1)->setData(OriginalRole, it.value().toVariant());
    }
}

} // namespace KeyFieldEditors
