// UserSessionsModel without widgets or a server: pages appended, pushes prepended and removed under
// QAbstractItemModelTester; every row listed once; roles (id, own session, sort keys); a proxy sorts by
// SortRole, so dates sort as dates and not as the text they are shown as.
#include "services/models/UserSessionsModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

namespace {
UserSession session(const QString &id, const QString &email, const QDateTime &created, const QString &agent = {})
{
    UserSession s;
    s.id = id;
    s.userId = QStringLiteral("u-") + id;
    s.userEmail = email;
    s.userName = email.section(QLatin1Char('@'), 0, 0);
    s.createdAt = created;
    s.updatedAt = created;
    s.expiresAt = created.addDays(7);
    s.userAgent = agent;
    return s;
}
const QDateTime kT0 = QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
} // namespace

class TestUserSessionsModel : public QObject
{
    Q_OBJECT

private slots:
    void appendsPrependsAndRemovesUnderTheTester()
    {
        UserSessionsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.columnCount(), int(UserSessionsModel::ColumnCount));
        QCOMPARE(model.append({session(QStringLiteral("s1"), QStringLiteral("a@x"), kT0),
                               session(QStringLiteral("s2"), QStringLiteral("b@x"), kT0.addSecs(60)),
                               session(QStringLiteral("s2"), QStringLiteral("b@x"), kT0.addSecs(60))}), 2);
        QCOMPARE(model.rowCount(), 2);
        // A later page repeating a row (a push shifted the offsets) adds only what is new.
        QCOMPARE(model.append({session(QStringLiteral("s2"), QStringLiteral("b@x"), kT0),
                               session(QStringLiteral("s3"), QStringLiteral("c@x"), kT0)}), 1);
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(model.prepend(session(QStringLiteral("s0"), QStringLiteral("z@x"), kT0.addDays(1))));
        QVERIFY(!model.prepend(session(QStringLiteral("s3"), QStringLiteral("c@x"), kT0)));
        QVERIFY(!model.prepend(session(QString(), QStringLiteral("noid@x"), kT0)));   // a row without an id is not shown
        QCOMPARE(model.rowOf(QStringLiteral("s0")), 0);
        QCOMPARE(model.rowOf(QStringLiteral("s3")), 3);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QVERIFY(model.remove(QStringLiteral("s2")));
        QVERIFY(!model.remove(QStringLiteral("s2")));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.rowOf(QStringLiteral("s2")), -1);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.rowOf(QStringLiteral("s1")), -1);
    }

    void rolesSayWhichSessionIsThisConsoles()
    {
        UserSessionsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.append({session(QStringLiteral("s1"), QStringLiteral("a@x"), kT0, QStringLiteral("curl/8")),
                      session(QStringLiteral("s2"), QStringLiteral("a@x"), kT0)});
        const QModelIndex user0 = model.index(0, UserSessionsModel::UserColumn);
        QCOMPARE(user0.data(UserSessionsModel::SessionIdRole).toString(), QStringLiteral("s1"));
        QCOMPARE(user0.data(UserSessionsModel::OwnSessionRole).toBool(), false);
        QCOMPARE(user0.data().toString(), QStringLiteral("a@x"));

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setOwnSessionId(QStringLiteral("s2"));
        QCOMPARE(changed.count(), 1);   // only the row that became this console's
        const QModelIndex user1 = model.index(1, UserSessionsModel::UserColumn);
        QVERIFY(user1.data(UserSessionsModel::OwnSessionRole).toBool());
        QVERIFY(user1.data().toString().contains(QStringLiteral("(this console)")));   // not by boldness alone
        QVERIFY(!user0.data(UserSessionsModel::OwnSessionRole).toBool());
        model.setOwnSessionId(QStringLiteral("s1"));
        QCOMPARE(changed.count(), 3);   // the old row and the new one
        QVERIFY(user0.data(UserSessionsModel::OwnSessionRole).toBool());
        QVERIFY(!user1.data().toString().contains(QStringLiteral("(this console)")));

        // Empty fields read as a dash, never as an empty cell that looks like a layout fault.
        QCOMPARE(model.index(1, UserSessionsModel::UserAgentColumn).data().toString(), QStringLiteral("—"));
        QCOMPARE(model.index(0, UserSessionsModel::UserAgentColumn).data().toString(), QStringLiteral("curl/8"));
        QCOMPARE(model.index(0, UserSessionsModel::IpColumn).data(Qt::ToolTipRole).toString(), QStringLiteral("—"));
        QCOMPARE(model.headerData(UserSessionsModel::UserAgentColumn, Qt::Horizontal).toString(), QStringLiteral("User agent"));
        QVERIFY(!model.index(0, 0).data(Qt::ForegroundRole).isValid());   // no colours from a model
        QVERIFY(!model.index(0, 0).data(Qt::FontRole).isValid());
    }

    void sortsByDateNotByText()
    {
        UserSessionsModel model;
        // Shown as local time text; a date from another year must still sort by time.
        model.append({session(QStringLiteral("mid"), QStringLiteral("b@x"), kT0),
                      session(QStringLiteral("new"), QStringLiteral("c@x"), kT0.addYears(1).addMonths(-2)),
                      session(QStringLiteral("old"), QStringLiteral("A@x"), kT0.addDays(-40))});
        QCOMPARE(model.index(0, UserSessionsModel::CreatedColumn).data(UserSessionsModel::SortRole).metaType(),
                 QMetaType::fromType<QDateTime>());
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(UserSessionsModel::SortRole);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(UserSessionsModel::CreatedColumn, Qt::AscendingOrder);
        const auto idAt = [&](int row) { return proxy.index(row, 0).data(UserSessionsModel::SessionIdRole).toString(); };
        QCOMPARE(idAt(0), QStringLiteral("old"));
        QCOMPARE(idAt(1), QStringLiteral("mid"));
        QCOMPARE(idAt(2), QStringLiteral("new"));
        proxy.sort(UserSessionsModel::UserColumn, Qt::AscendingOrder);   // case-folded: "A@x" first
        QCOMPARE(idAt(0), QStringLiteral("old"));
        QCOMPARE(idAt(2), QStringLiteral("new"));
        // A push while sorted lands in its sorted place.
        model.prepend(session(QStringLiteral("first"), QStringLiteral("0@x"), kT0));
        QCOMPARE(idAt(0), QStringLiteral("first"));
    }
};

QTEST_GUILESS_MAIN(TestUserSessionsModel)
#include "tst_usersessionsmodel.moc"
