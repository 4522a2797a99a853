// ServiceUsersModel without widgets or a server: pages appended under QAbstractItemModelTester, every
// user listed once, its roles (id, banned, monospace, sort keys), only the id cell editable (read-only
// editor), and sorting through a proxy by SortRole (key counts as numbers).
#include "services/models/ServiceUsersModel.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QTest>

namespace {
ServiceUser user(const QString &id, const QString &name, int keys, bool banned = false)
{
    ServiceUser u;
    u.id = id;
    u.name = name;
    u.email = name + QStringLiteral("@service.local");
    u.role = QStringLiteral("service");
    u.banned = banned;
    u.apiKeyCount = keys;
    u.createdAt = QDateTime(QDate(2026, 1, 1), QTime(8, 0), Qt::UTC).addDays(keys);
    return u;
}
} // namespace

class TestServiceUsersModel : public QObject
{
    Q_OBJECT

private slots:
    void appendsOnceUnderTheTester()
    {
        ServiceUsersModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.columnCount(), int(ServiceUsersModel::ColumnCount));
        QCOMPARE(model.append({user(QStringLiteral("u1"), QStringLiteral("ci"), 2), user(QStringLiteral("u2"), QStringLiteral("bot"), 0)}), 2);
        QCOMPARE(model.append({user(QStringLiteral("u2"), QStringLiteral("bot"), 0), user(QString(), QStringLiteral("noid"), 0)}), 0);
        QCOMPARE(model.append({user(QStringLiteral("u3"), QStringLiteral("etl"), 11, true)}), 1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.rowOf(QStringLiteral("u3")), 2);
        QCOMPARE(model.user(1).name, QStringLiteral("bot"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.rowOf(QStringLiteral("u1")), -1);
    }

    void roles()
    {
        ServiceUsersModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.append({user(QStringLiteral("u1"), QStringLiteral("ci"), 2), user(QStringLiteral("u3"), QStringLiteral("etl"), 11, true)});
        const QModelIndex name0 = model.index(0, ServiceUsersModel::NameColumn);
        QCOMPARE(name0.data(ServiceUsersModel::UserIdRole).toString(), QStringLiteral("u1"));
        QCOMPARE(model.index(0, ServiceUsersModel::IdColumn).data().toString(), QStringLiteral("u1"));
        QCOMPARE(model.index(0, ServiceUsersModel::StateColumn).data().toString(), QStringLiteral("active"));
        QCOMPARE(model.index(1, ServiceUsersModel::StateColumn).data().toString(), QStringLiteral("banned"));
        QVERIFY(model.index(1, 0).data(ServiceUsersModel::BannedRole).toBool());
        QVERIFY(!name0.data(ServiceUsersModel::BannedRole).toBool());
        QVERIFY(model.index(0, ServiceUsersModel::IdColumn).data(ServiceUsersModel::MonospaceRole).toBool());
        QVERIFY(!name0.data(ServiceUsersModel::MonospaceRole).toBool());
        QVERIFY(!model.index(0, ServiceUsersModel::IdColumn).data(Qt::FontRole).isValid());   // fonts are the GUI's
        QVERIFY(model.flags(model.index(0, ServiceUsersModel::IdColumn)) & Qt::ItemIsEditable);
        QVERIFY(!(model.flags(name0) & Qt::ItemIsEditable));
        QVERIFY(!model.setData(model.index(0, ServiceUsersModel::IdColumn), QStringLiteral("forged")));
        QCOMPARE(model.index(0, ServiceUsersModel::IdColumn).data().toString(), QStringLiteral("u1"));
        QCOMPARE(model.headerData(ServiceUsersModel::KeysColumn, Qt::Horizontal).toString(), QStringLiteral("Keys"));
    }

    void sortsKeyCountsAsNumbers()
    {
        ServiceUsersModel model;
        model.append({user(QStringLiteral("nine"), QStringLiteral("b"), 9), user(QStringLiteral("eleven"), QStringLiteral("C"), 11),
                      user(QStringLiteral("two"), QStringLiteral("a"), 2)});
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(ServiceUsersModel::SortRole);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto idAt = [&](int row) { return proxy.index(row, 0).data(ServiceUsersModel::UserIdRole).toString(); };
        proxy.sort(ServiceUsersModel::KeysColumn, Qt::DescendingOrder);
        QCOMPARE(idAt(0), QStringLiteral("eleven"));   // as text "9" > "11"
        QCOMPARE(idAt(1), QStringLiteral("nine"));
        QCOMPARE(idAt(2), QStringLiteral("two"));
        proxy.sort(ServiceUsersModel::NameColumn, Qt::AscendingOrder);
        QCOMPARE(idAt(0), QStringLiteral("two"));
        QCOMPARE(idAt(2), QStringLiteral("eleven"));   // "C" after "b": case-folded
        proxy.sort(ServiceUsersModel::CreatedColumn, Qt::AscendingOrder);
        QCOMPARE(idAt(0), QStringLiteral("two"));
    }
};

QTEST_GUILESS_MAIN(TestServiceUsersModel)
#include "tst_serviceusersmodel.moc"
