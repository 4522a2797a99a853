#pragma once

#include "core/ConsoleTypes.h"

#include <QJsonObject>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;
class QTableWidget;

// A two-column table (resource → actions, or metadata key → value) with "+" / "−" buttons, shared by
// the mint and edit dialogs. The table, add and remove buttons carry the object names given (tests find
// them with findChild).
class KeyValueEditor : public QWidget
{
    Q_OBJECT
public:
    KeyValueEditor(const QString &tableName, const QString &addName, const QString &removeName,
                   const QString &firstHeader, const QString &secondHeader, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    void addRow(const QString &a = {}, const QString &b = {});
    void clearRows();

signals:
    void changed();   // a row added, removed or edited

private:
    QTableWidget *m_table;
};

// The permissions of a key (issue 13 item 6, h-perms), shared by the mint and edit dialogs. With a server
// that announces a permission catalogue: a grid (a row per resource, a checkbox per action, descriptions as
// tooltips and accessible descriptions; checkboxes named "permissionCheck:RESOURCE:ACTION"), and below it
// the free-text rows ("permissionsTable") for anything outside the catalogue. Without one: the free-text
// rows alone, with a line saying why. A template picker ("permissionTemplateBox", "applyTemplateButton",
// "deleteTemplateButton", "templateNameEdit", "saveTemplateButton") applies, saves and deletes the server's
// saved sets (PermissionTemplates) when a server is known.
class PermissionEditor : public QWidget
{
    Q_OBJECT
public:
    PermissionEditor(const std::optional<ConsoleInfo> &info, QSettings *settings, const QString &serverUrl,
                     QWidget *parent = nullptr);

    // The grid's ticks merged with the free-text rows. *error is empty when valid.
    Permissions permissions(QString *error) const;
    // Ticks what the catalogue holds, puts the rest in free-text rows.
    void setPermissions(const Permissions &permissions);
    KeyValueEditor *extras() const { return m_extras; }
    bool hasGrid() const { return !m_checks.isEmpty(); }
    void reloadTemplates();

signals:
    void changed();
    void templateMessage(const QString &text, bool isError);   // for the dialog's banner

private:
    void applyTemplate();
    void saveTemplate();
    void deleteTemplate();

    QString m_serverUrl;
    QSettings *m_settings;
    QList<QCheckBox *> m_checks;   // property "resource", "action"
    KeyValueEditor *m_extras;
    QComboBox *m_templates = nullptr;
    QPushButton *m_apply = nullptr;
    QPushButton *m_delete = nullptr;
    QLineEdit *m_templateName = nullptr;
    QPushButton *m_save = nullptr;
};

// Reading and filling those tables, with the same validation for mint and edit. Blank rows are skipped.
namespace KeyFieldEditors {

// Resource → comma-separated actions. *error is empty when the permissions are valid.
Permissions readPermissions(const QTableWidget *table, QString *error);
void setPermissions(KeyValueEditor *editor, const Permissions &permissions);

// Key → value. Values are strings, except that a value which was not a string on the server and whose
// text was left as shown (compact JSON) keeps its original JSON type. *error is empty when valid.
QJsonObject readMetadata(const QTableWidget *table, QString *error);
void setMetadata(KeyValueEditor *editor, const QJsonObject &metadata);

} // namespace KeyFieldEditors
