#include "KeyFieldEditors.h"

#include "Tones.h"

#include "core/PermissionTemplates.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
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

// ---- PermissionEditor (issue 13 item 6, h-perms) ----
PermissionEditor::PermissionEditor(const std::optional<ConsoleInfo> &info, QSettings *settings, const QString &serverUrl,
                                   QWidget *parent)
    : QWidget(parent), m_serverUrl(serverUrl), m_settings(settings)
{
    setObjectName(QStringLiteral("permissionEditor"));
    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);
    const bool grid = info && info->supportsPermissionCatalogue() && !info->permissionCatalogue->resources.isEmpty();
    if (grid) {
        auto *area = new QScrollArea(this);
        area->setObjectName(QStringLiteral("permissionGrid"));
        area->setAccessibleName(tr("Permission catalogue"));
        area->setWidgetResizable(true);
        area->setFrameShape(QFrame::StyledPanel);
        area->setFocusPolicy(Qt::NoFocus);   // Tab goes to the checkboxes, not the scroll area
        auto *inner = new QWidget(area);
        auto *g = new QGridLayout(inner);
        g->setContentsMargins(6, 4, 6, 4);
        g->setHorizontalSpacing(14);
        int row = 0;
        for (const PermissionResource &r : info->permissionCatalogue->resources) {
            auto *label = new QLabel(r.resource, inner);
            label->setTextFormat(Qt::PlainText);   // server text
            label->setToolTip(r.description);
            label->setAccessibleDescription(r.description);
            g->addWidget(label, row, 0);
            int column = 1;
            for (const PermissionAction &a : r.actions) {
                auto *c = new QCheckBox(a.name, inner);   // names are [A-Za-z0-9_.:-]: no '&' to become a mnemonic
                c->setObjectName(QStringLiteral("permissionCheck:%1:%2").arg(r.resource, a.name));
                c->setAccessibleName(tr("%1: %2").arg(r.resource, a.name));
                c->setAccessibleDescription(a.description);
                c->setToolTip(a.description.isEmpty() ? r.description : a.description);
                c->setProperty("resource", r.resource);
                c->setProperty("action", a.name);
                connect(c, &QCheckBox::toggled, this, &PermissionEditor::changed);
                m_checks << c;
                g->addWidget(c, row, column++);
            }
            ++row;
        }
        g->setColumnStretch(g->columnCount(), 1);
        g->setRowStretch(row, 1);
        area->setWidget(inner);
        area->setMinimumHeight(std::min(inner->sizeHint().height() + 6, 90));
        area->setMaximumHeight(std::min(inner->sizeHint().height() + 6, 180));
        v->addWidget(area);
        auto *outside = new QLabel(tr("Outside the catalogue:"), this);
        outside->setObjectName(QStringLiteral("permissionExtrasLabel"));
        v->addWidget(outside);
    }
    m_extras = new KeyValueEditor(QStringLiteral("permissionsTable"), QStringLiteral("addPermissionButton"),
                                  QStringLiteral("removePermissionButton"), tr("Resource"), tr("Actions (comma-separated)"), this);
    m_extras->table()->setAccessibleName(grid ? tr("Permissions outside the catalogue") : tr("Permissions"));
    connect(m_extras, &KeyValueEditor::changed, this, &PermissionEditor::changed);
    v->addWidget(m_extras);
    if (!grid) {
        auto *why = new QLabel(info && info->supportsPermissionCatalogue()
                                   ? tr("The server's permission catalogue is empty: permissions are typed as text.")
                                   : tr("This server announces no permission catalogue (console API v1.1 permissions.catalogue): "
                                        "permissions are typed as text."),
                               this);
        why->setObjectName(QStringLiteral("permissionCatalogueNote"));
        why->setWordWrap(true);
        Tones::setTextTone(why, &Tones::muted);
        v->addWidget(why);
    }
    if (m_settings && !m_serverUrl.isEmpty()) {
        auto *row = new QHBoxLayout;
        auto *label = new QLabel(tr("&Templates:"), this);
        m_templates = new QComboBox(this);
        m_templates->setObjectName(QStringLiteral("permissionTemplateBox"));
        m_templates->setAccessibleName(tr("Saved permission templates"));
        m_templates->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        label->setBuddy(m_templates);
        m_apply = new QPushButton(tr("App&ly"), this);
        m_apply->setObjectName(QStringLiteral("applyTemplateButton"));
        m_apply->setToolTip(tr("Replace the permissions above with the template's"));
        m_delete = new QPushButton(tr("&Delete"), this);
        m_delete->setObjectName(QStringLiteral("deleteTemplateButton"));
        m_delete->setAccessibleName(tr("Delete the template"));
        m_templateName = new QLineEdit(this);
        m_templateName->setObjectName(QStringLiteral("templateNameEdit"));
        m_templateName->setAccessibleName(tr("New template name"));
        m_templateName->setPlaceholderText(tr("name, e.g. ingest worker"));
        m_templateName->setMaxLength(PermissionTemplates::kMaxName);
        m_save = new QPushButton(tr("Sa&ve as template"), this);
        m_save->setObjectName(QStringLiteral("saveTemplateButton"));
        row->addWidget(label);
        row->addWidget(m_templates, 1);
        row->addWidget(m_apply);
        row->addWidget(m_delete);
        row->addSpacing(12);
        row->addWidget(m_templateName, 1);
        row->addWidget(m_save);
        v->addLayout(row);
        connect(m_apply, &QPushButton::clicked, this, &PermissionEditor::applyTemplate);
        connect(m_delete, &QPushButton::clicked, this, &PermissionEditor::deleteTemplate);
        connect(m_save, &QPushButton::clicked, this, &PermissionEditor::saveTemplate);
        connect(m_templateName, &QLineEdit::returnPressed, this, &PermissionEditor::saveTemplate);
        reloadTemplates();
    }
}

Permissions PermissionEditor::permissions(QString *error) const
{
    Permissions perms = KeyFieldEditors::readPermissions(m_extras->table(), error);
    if (!error->isEmpty())
        return {};
    // The grid's ticks first, in the catalogue's order; a free row's actions for the same resource after them.
    Permissions merged;
    for (const QCheckBox *c : m_checks)
        if (c->isChecked())
            merged[c->property("resource").toString()] << c->property("action").toString();
    for (auto it = perms.cbegin(); it != perms.cend(); ++it) {
        QStringList &actions = merged[it.key()];
        for (const QString &a : it.value())
            if (!actions.contains(a))
                actions << a;
    }
    return merged;
}

void PermissionEditor::setPermissions(const Permissions &permissions)
{
    Permissions rest = permissions;
    for (QCheckBox *c : m_checks) {
        const QString res = c->property("resource").toString(), act = c->property("action").toString();
        const QSignalBlocker block(c);
        const bool has = rest.value(res).contains(act);
        c->setChecked(has);
        if (has) {
            rest[res].removeAll(act);
            if (rest[res].isEmpty())
                rest.remove(res);
        }
    }
    KeyFieldEditors::setPermissions(m_extras, rest);
    emit changed();
}

void PermissionEditor::reloadTemplates()
{
    if (!m_templates)
        return;
    const QString current = m_templates->currentText();
    m_templates->clear();
    for (const PermissionTemplate &t : PermissionTemplates(m_settings).all(m_serverUrl))
        m_templates->addItem(t.name);   // our own names: shown as typed (a combo shows plain text)
    m_templates->setCurrentIndex(std::max(0, m_templates->findText(current)));
    const bool any = m_templates->count() > 0;
    m_templates->setEnabled(any);
    m_apply->setEnabled(any);
    m_delete->setEnabled(any);
    if (!any)
        m_templates->setPlaceholderText(tr("none saved for this server"));
}

void PermissionEditor::applyTemplate()
{
    const auto t = PermissionTemplates(m_settings).find(m_serverUrl, m_templates->currentText());
    if (!t) {
        emit templateMessage(tr("The template \"%1\" is gone.").arg(m_templates->currentText()), true);
        reloadTemplates();
        return;
    }
    setPermissions(t->permissions);
    emit templateMessage(tr("Applied the template \"%1\".").arg(t->name), false);
}

void PermissionEditor::saveTemplate()
{
    QString error;
    const Permissions p = permissions(&error);
    if (!error.isEmpty()) {
        emit templateMessage(error, true);
        return;
    }
    const QString name = m_templateName->text().trimmed();
    if (const QString why = PermissionTemplates(m_settings).save(m_serverUrl, {name, p}); !why.isEmpty()) {
        emit templateMessage(tr("The template was not saved: %1.").arg(why), true);
        return;
    }
    m_templateName->clear();
    reloadTemplates();
    m_templates->setCurrentIndex(m_templates->findText(name));
    emit templateMessage(tr("Saved the template \"%1\" for this server.").arg(name), false);
}

void PermissionEditor::deleteTemplate()
{
    const QString name = m_templates->currentText();
    if (!name.isEmpty() && PermissionTemplates(m_settings).remove(m_serverUrl, name))
        emit templateMessage(tr("Deleted the template \"%1\".").arg(name), false);
    reloadTemplates();
}
