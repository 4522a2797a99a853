// KeyValueEditor and the KeyFieldEditors readers directly (the mint and edit dialogs' permissions and
// metadata tables): rows added and removed by their buttons, blank rows skipped, duplicates refused,
// and metadata values that were not strings on the server keep their JSON type while left as shown.
#include "gui/KeyFieldEditors.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>

namespace {
KeyValueEditor *makeEditor(QWidget *parent)
{
    return new KeyValueEditor(QStringLiteral("kvTable"), QStringLiteral("kvAdd"), QStringLiteral("kvRemove"),
                              QStringLiteral("Key"), QStringLiteral("Value"), parent);
}
} // namespace

class TestKeyValueEditor : public QObject
{
    Q_OBJECT

private slots:
    void buttonsAddAndRemoveRows()
    {
        QWidget w;
        KeyValueEditor *e = makeEditor(&w);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy changed(e, &KeyValueEditor::changed);
        QTest::mouseClick(e->findChild<QToolButton *>(QStringLiteral("kvAdd")), Qt::LeftButton);
        QCOMPARE(e->table()->rowCount(), 1);
        QVERIFY(changed.count() >= 1);
        e->addRow(QStringLiteral("a"), QStringLiteral("1"));
        e->addRow(QStringLiteral("b"), QStringLiteral("2"));
        QCOMPARE(e->table()->rowCount(), 3);
        e->table()->setCurrentCell(1, 0);
        changed.clear();
        QTest::mouseClick(e->findChild<QToolButton *>(QStringLiteral("kvRemove")), Qt::LeftButton);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(e->table()->rowCount(), 2);
        QCOMPARE(e->table()->item(1, 0)->text(), QStringLiteral("b"));   // the selected row went, not another
        e->clearRows();
        QCOMPARE(e->table()->rowCount(), 0);
    }

    void permissionsRoundTrip()
    {
        QWidget w;
        KeyValueEditor *e = makeEditor(&w);
        const Permissions perms{{QStringLiteral("files"), {QStringLiteral("read"), QStringLiteral("write")}},
                                {QStringLiteral("ws"), {QStringLiteral("connect")}}};
        KeyFieldEditors::setPermissions(e, perms);
        e->addRow();   // a blank row is skipped
        QString error;
        QCOMPARE(KeyFieldEditors::readPermissions(e->table(), &error), perms);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        e->addRow(QStringLiteral("ws"), QStringLiteral("send"));
        QVERIFY(KeyFieldEditors::readPermissions(e->table(), &error).isEmpty());
        QVERIFY2(error.contains(QStringLiteral("\"ws\" is listed twice")), qPrintable(error));

        e->clearRows();
        e->addRow(QStringLiteral("files"), QString());   // a resource without an action
        KeyFieldEditors::readPermissions(e->table(), &error);
        QVERIFY(!error.isEmpty());
    }

    void metadataKeepsTypesWhileLeftAsShown()
    {
        QWidget w;
        KeyValueEditor *e = makeEditor(&w);
        const QJsonObject meta{{QStringLiteral("n"), 42}, {QStringLiteral("on"), true},
                               {QStringLiteral("o"), QJsonObject{{QStringLiteral("x"), 1}}},
                               {QStringLiteral("list"), QJsonArray{1, 2}}, {QStringLiteral("s"), QStringLiteral("42")}};
        KeyFieldEditors::setMetadata(e, meta);
        QString error;
        QCOMPARE(KeyFieldEditors::readMetadata(e->table(), &error), meta);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        // Edited text is a string from then on.
        for (int r = 0; r < e->table()->rowCount(); ++r)
            if (e->table()->item(r, 0)->text() == QLatin1String("n"))
                e->table()->item(r, 1)->setText(QStringLiteral("43"));
        const QJsonObject read = KeyFieldEditors::readMetadata(e->table(), &error);
        QCOMPARE(read.value(QStringLiteral("n")), QJsonValue(QStringLiteral("43")));
        QCOMPARE(read.value(QStringLiteral("on")), QJsonValue(true));

        e->addRow(QString(), QStringLiteral("orphan value"));
        KeyFieldEditors::readMetadata(e->table(), &error);
        QVERIFY(error.contains(QStringLiteral("non-empty and unique")));
    }
};

QTEST_MAIN(TestKeyValueEditor)
#include "tst_keyvalueeditor.moc"
