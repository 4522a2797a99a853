#pragma once

#include "core/ConsoleTypes.h"

#include <QJsonObject>
#include <QWidget>

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
