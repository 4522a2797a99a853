// JsonTreeModel: the inspector's collapsible tree of one message. Structure, bounds (nodes, depth, string
// length), plain text (control characters escaped), and the model contract under QAbstractItemModelTester.
#include "services/models/JsonTreeModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

class TestJsonTreeModel : public QObject
{
    Q_OBJECT
private:
    static QModelIndex child(const JsonTreeModel &m, const QModelIndex &parent, const QString &key)
    {
        for (int r = 0; r < m.rowCount(parent); ++r) {
            const QModelIndex i = m.index(r, JsonTreeModel::KeyColumn, parent);
            if (m.data(i).toString() == key)
                return i;
        }
        return {};
    }
    static QString value(const JsonTreeModel &m, const QModelIndex &keyIndex)
    {
        return m.data(keyIndex.siblingAtColumn(JsonTreeModel::ValueColumn)).toString();
    }

private slots:
    void structure()
    {
        JsonTreeModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(m.setJson(R"({"action":"list","n":3,"big":12345678901,"f":1.5,"ok":true,"none":null,
                              "rows":[{"id":"a"},{"id":"b","tags":["x","y"]}],"empty":{}})"));
        QCOMPARE(m.rowCount(), 8);
        QCOMPARE(m.columnCount(), 3);
        QCOMPARE(value(m, child(m, {}, QStringLiteral("action"))), QStringLiteral("\"list\""));
        QCOMPARE(value(m, child(m, {}, QStringLiteral("n"))), QStringLiteral("3"));
        QCOMPARE(value(m, child(m, {}, QStringLiteral("big"))), QStringLiteral("12345678901"));
        QCOMPARE(value(m, child(m, {}, QStringLiteral("f"))), QStringLiteral("1.5"));
        QCOMPARE(value(m, child(m, {}, QStringLiteral("ok"))), QStringLiteral("true"));
        QCOMPARE(value(m, child(m, {}, QStringLiteral("none"))), QStringLiteral("null"));
        const QModelIndex rows = child(m, {}, QStringLiteral("rows"));
        QCOMPARE(m.data(rows, JsonTreeModel::TypeRole).toInt(), int(JsonTreeModel::Array));
        QCOMPARE(value(m, rows), QStringLiteral("[2 item(s)]"));
        QCOMPARE(m.rowCount(rows), 2);
        const QModelIndex second = child(m, rows, QStringLiteral("[1]"));
        QVERIFY(second.isValid());
        QCOMPARE(m.parent(second), rows);
        const QModelIndex tags = child(m, second, QStringLiteral("tags"));
        QCOMPARE(m.rowCount(tags), 2);
        QCOMPARE(m.data(m.index(1, 0, tags), JsonTreeModel::PathRole).toString(), QStringLiteral("rows[1].tags[1]"));
        QCOMPARE(m.rowCount(child(m, {}, QStringLiteral("empty"))), 0);
        QCOMPARE(m.data(m.index(0, JsonTreeModel::TypeColumn)).toString(), QStringLiteral("string"));
        // A top-level array works the same way.
        QVERIFY(m.setJson("[1,[2,3]]"));
        QCOMPARE(m.rowCount(), 2);
        QCOMPARE(m.rowCount(m.index(1, 0)), 2);
    }

    void notJson_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::newRow("text") << QByteArray("Unauthorized for route 'action:list'");
        QTest::newRow("a JSON string") << QByteArray(R"("hello")");
        QTest::newRow("a number") << QByteArray("42");
        QTest::newRow("broken") << QByteArray(R"({"a":)");
        QTest::newRow("empty") << QByteArray();
    }
    void notJson()
    {
        QFETCH(QByteArray, payload);
        JsonTreeModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(m.setJson(R"({"a":1})"));
        QVERIFY(!m.setJson(payload));
        QCOMPARE(m.rowCount(), 0);
    }

    // Hostile documents stay bounded: many members, deep nesting, long and control-laden strings.
    void bounded()
    {
        JsonTreeModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setLimits(100, 8);
        QByteArray wide = "[";
        for (int i = 0; i < 10000; ++i)
            wide += (i ? "," : "") + QByteArray::number(i);
        wide += "]";
        QVERIFY(m.setJson(wide));
        QVERIFY(m.truncated());
        QCOMPARE(m.rowCount(), 101);   // 100 entries and one "… not shown" row
        QCOMPARE(m.data(m.index(100, 0), JsonTreeModel::TypeRole).toInt(), int(JsonTreeModel::More));
        QVERIFY(m.data(m.index(100, JsonTreeModel::ValueColumn)).toString().contains(QStringLiteral("100")));

        QByteArray deep;
        for (int i = 0; i < 500; ++i)
            deep += "{\"d\":";
        deep += "1";
        for (int i = 0; i < 500; ++i)
            deep += "}";
        QVERIFY(m.setJson(deep));
        QVERIFY(m.truncated());
        int depth = 0;
        QModelIndex i;
        while (m.rowCount(i) > 0) {
            i = m.index(0, 0, i);
            ++depth;
        }
        QCOMPARE(depth, 8);
        QVERIFY(value(m, i).contains(QStringLiteral("deeper than 8")));

        m.setLimits(5000, 32);
        const QString evil = QStringLiteral("\x1b[2J") + QChar(0x202e) + QStringLiteral("exe\r\n") + QString(2000, QLatin1Char('x'));
        QVERIFY(m.setJson(QByteArray(R"({"name":")") + QString(evil).replace(QChar(0x1b), QStringLiteral("\\u001b")).replace(QLatin1Char('\r'), QStringLiteral("\\r")).replace(QLatin1Char('\n'), QStringLiteral("\\n")).toUtf8() + "\"}"));
        const QString shown = value(m, m.index(0, 0));
        QVERIFY2(shown.startsWith(QStringLiteral("\"\\u001b[2J\\u202eexe\\u000d\\u000a")), qPrintable(shown.left(40)));
        for (const QChar c : shown)
            QVERIFY(c.unicode() >= 0x20 && c.unicode() != 0x202e);
        QVERIFY(shown.size() <= JsonTreeModel::kMaxValueChars + 40);
        QVERIFY(shown.contains(QStringLiteral("…")));
        const QString tip = m.data(m.index(0, JsonTreeModel::ValueColumn), Qt::ToolTipRole).toString();
        QVERIFY(tip.size() > shown.size());
    }
};

QTEST_GUILESS_MAIN(TestJsonTreeModel)
#include "tst_jsontreemodel.moc"
