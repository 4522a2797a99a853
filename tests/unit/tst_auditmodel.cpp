// h-audit: AuditModel under QAbstractItemModelTester (pages appended, live entries prepended, each id once,
// the row cap dropping the oldest), its roles, AuditEntry/AuditEntryPage parsing and AuditFilter's matching of
// live entries (the server's rules), and parseAuditTime.
#include "core/AuditTypes.h"
#include "services/models/AuditModel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

namespace {
const QDateTime kT0 = QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
AuditEntry entry(const QString &id, const QDateTime &at, const QString &action = QStringLiteral("/console/api-keys/create"),
                 bool success = true)
{
    AuditEntry e;
    e.id = id;
    e.at = at;
    e.actorId = QStringLiteral("u1");
    e.actorEmail = QStringLiteral("Admin@Example.com");
    e.credentialKind = QStringLiteral("session");
    e.credentialId = QStringLiteral("s1");
    e.action = action;
    e.target = QStringLiteral("k_") + id;
    e.success = success;
    e.status = success ? 200 : 403;
    e.errorCode = success ? QString() : QStringLiteral("FORBIDDEN");
    return e;
}
QJsonObject entryJson()
{
    return QJsonDocument::fromJson(R"({"id":"a1","at":"2026-03-01T09:00:00.000Z","actorId":"u1","actorEmail":"a@x",
        "credential":{"kind":"api-key","id":"k9"},"action":"/admin/ban-user","target":"u2","ipAddress":null,
        "userAgent":"curl/8\nX","outcome":"failure","status":403,"errorCode":"FORBIDDEN"})").object();
}
} // namespace

class TestAuditModel : public QObject
{
    Q_OBJECT
private slots:
    void pagesAndLiveEntriesUnderTheTester()
    {
        AuditModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.append({entry(QStringLiteral("e3"), kT0.addSecs(30)), entry(QStringLiteral("e2"), kT0.addSecs(20)),
                               entry(QStringLiteral("e2"), kT0.addSecs(20))}), 2);
        // A live entry that the next page also lists: shown once.
        QVERIFY(model.prepend(entry(QStringLiteral("e4"), kT0.addSecs(40))));
        QVERIFY(!model.prepend(entry(QStringLiteral("e4"), kT0.addSecs(40))));
        QVERIFY(!model.prepend(entry(QString(), kT0)));
        QCOMPARE(model.append({entry(QStringLiteral("e4"), kT0.addSecs(40)), entry(QStringLiteral("e1"), kT0.addSecs(10))}), 1);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.rowOf(QStringLiteral("e4")), 0);
        QCOMPARE(model.rowOf(QStringLiteral("e1")), 3);
        QCOMPARE(model.rowOf(QStringLiteral("nope")), -1);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.rowOf(QStringLiteral("e4")), -1);
        QVERIFY(model.prepend(entry(QStringLiteral("e4"), kT0)));   // cleared ids are forgotten too
    }

    void memoryIsBounded()
    {
        AuditModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMaxRows(3);
        QList<AuditEntry> page;
        for (int i = 0; i < 5; ++i)
            page << entry(QStringLiteral("p%1").arg(i), kT0.addSecs(-i));
        QCOMPARE(model.append(page), 3);        // stops at the cap
        QVERIFY(model.isFull());
        QVERIFY(!model.truncatedTail());
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QVERIFY(model.prepend(entry(QStringLiteral("live"), kT0.addSecs(60))));
        QCOMPARE(model.rowCount(), 3);          // the oldest went
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model.rowOf(QStringLiteral("p2")), -1);
        QCOMPARE(model.rowOf(QStringLiteral("live")), 0);
        QVERIFY(model.truncatedTail());         // a later page would not continue these rows
        QVERIFY(model.prepend(entry(QStringLiteral("p2"), kT0)));   // a dropped id may come back
    }

    void rolesAndPlainCells()
    {
        AuditModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QString why;
        const auto parsed = AuditEntry::fromJson(entryJson(), &why);
        QVERIFY2(parsed, qPrintable(why));
        model.append({*parsed, entry(QStringLiteral("ok"), kT0.addSecs(-60))});
        const QModelIndex outcome = model.index(0, AuditModel::OutcomeColumn);
        QCOMPARE(outcome.data().toString(), QStringLiteral("failure (403 FORBIDDEN)"));
        QCOMPARE(outcome.data(AuditModel::SuccessRole).toBool(), false);
        QCOMPARE(model.index(1, 0).data(AuditModel::SuccessRole).toBool(), true);
        QCOMPARE(model.index(0, 0).data(AuditModel::EntryIdRole).toString(), QStringLiteral("a1"));
        QCOMPARE(model.index(0, AuditModel::CredentialColumn).data().toString(), QStringLiteral("api-key k9"));
        QCOMPARE(model.index(0, AuditModel::AddressColumn).data().toString(), QStringLiteral("—"));
        QCOMPARE(model.index(0, AuditModel::TimeColumn).data(AuditModel::SortRole).toDateTime(), kT0);
        QCOMPARE(model.entry(0).userAgent, QStringLiteral("curl/8\nX"));   // kept as sent; cells are one line
        // Sorting by SortRole: the time as a time (newest last ascending).
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(AuditModel::SortRole);
        proxy.sort(AuditModel::TimeColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, 0).data(AuditModel::EntryIdRole).toString(), QStringLiteral("ok"));
    }

    void entriesAreReadStrictly_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("error");
        QTest::newRow("valid") << "" << QJsonValue() << "";
        QTest::newRow("no id") << "id" << QJsonValue(QJsonValue::Undefined) << "id";
        QTest::newRow("status 1e300") << "status" << QJsonValue(1e300) << "status";
        QTest::newRow("odd outcome") << "outcome" << QJsonValue(QStringLiteral("maybe")) << "outcome";
        QTest::newRow("bad time") << "at" << QJsonValue(QStringLiteral("yesterday")) << "at";
        QTest::newRow("no credential") << "credential" << QJsonValue(QJsonValue::Undefined) << "credential";
    }
    void entriesAreReadStrictly()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, error);
        QJsonObject o = entryJson();
        if (value.isUndefined())
            o.remove(field);
        else if (!field.isEmpty())
            o.insert(field, value);
        QString why;
        const auto e = AuditEntry::fromJson(o, &why);
        QCOMPARE(e.has_value(), error.isEmpty());
        QVERIFY2(why.contains(error), qPrintable(why));
    }

    void pagesAreReadStrictly()
    {
        QString why;
        QJsonObject page{{QStringLiteral("entries"), QJsonArray{entryJson()}}, {QStringLiteral("total"), 1},
                         {QStringLiteral("totalExact"), false}, {QStringLiteral("nextCursor"), QStringLiteral("c1")}};
        auto p = AuditEntryPage::fromJson(page, &why);
        QVERIFY2(p, qPrintable(why));
        QCOMPARE(p->nextCursor.value_or(QString()), QStringLiteral("c1"));
        page.insert(QStringLiteral("nextCursor"), QJsonValue::Null);
        QVERIFY(!AuditEntryPage::fromJson(page)->nextCursor);
        page.insert(QStringLiteral("nextCursor"), QString(1025, QLatin1Char('c')));
        QVERIFY(!AuditEntryPage::fromJson(page, &why));
        QVERIFY(why.contains(QStringLiteral("nextCursor")));
        page.insert(QStringLiteral("nextCursor"), QJsonValue::Null);
        page.insert(QStringLiteral("total"), 1e300);
        QVERIFY(!AuditEntryPage::fromJson(page, &why));
        page.insert(QStringLiteral("total"), 1);
        page.remove(QStringLiteral("entries"));
        QVERIFY(!AuditEntryPage::fromJson(page, &why));
    }

    void filterMatchesLikeTheServer_data()
    {
        QTest::addColumn<QString>("actor");
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("target");
        QTest::addColumn<int>("sinceSecs");   // relative to the entry; 0: none
        QTest::addColumn<bool>("matches");
        QTest::newRow("empty") << "" << "" << "" << 0 << true;
        QTest::newRow("actor id") << "u1" << "" << "" << 0 << true;
        QTest::newRow("actor id other") << "u2" << "" << "" << 0 << false;
        QTest::newRow("actor email any case") << "admin@EXAMPLE.com" << "" << "" << 0 << true;
        QTest::newRow("actor email other") << "b@example.com" << "" << "" << 0 << false;
        QTest::newRow("action exact") << "" << "/console/api-keys/create" << "" << 0 << true;
        QTest::newRow("action exact other") << "" << "/console/api-keys" << "" << 0 << false;
        QTest::newRow("action prefix") << "" << "/console/*" << "" << 0 << true;
        QTest::newRow("action prefix other") << "" << "/admin/*" << "" << 0 << false;
        QTest::newRow("target") << "" << "" << "k_e1" << 0 << true;
        QTest::newRow("target other") << "" << "" << "k_e" << 0 << false;
        QTest::newRow("since before") << "" << "" << "" << -60 << true;
        QTest::newRow("since after") << "" << "" << "" << 60 << false;
    }
    void filterMatchesLikeTheServer()
    {
        QFETCH(QString, actor);
        QFETCH(QString, action);
        QFETCH(QString, target);
        QFETCH(int, sinceSecs);
        QFETCH(bool, matches);
        AuditFilter f;
        f.actor = actor;
        f.action = action;
        f.target = target;
        if (sinceSecs)
            f.since = kT0.addSecs(sinceSecs);
        QCOMPARE(f.matches(entry(QStringLiteral("e1"), kT0)), matches);
    }

    void filterBoundsAndTimes()
    {
        AuditFilter f;
        QVERIFY(f.validate().isEmpty());
        f.actor = QString(257, QLatin1Char('a'));
        QVERIFY(f.validate().contains(QStringLiteral("actor")));
        f.actor.clear();
        f.since = kT0;
        f.until = kT0;
        QVERIFY(f.validate().contains(QStringLiteral("before")));
        QString why;
        QCOMPARE(parseAuditTime(QStringLiteral("1h"), kT0, &why), kT0.addSecs(-3600));
        QCOMPARE(parseAuditTime(QStringLiteral("2026-02-01T00:00:00Z"), kT0, &why), QDateTime(QDate(2026, 2, 1), QTime(0, 0), Qt::UTC));
        QVERIFY(!parseAuditTime(QStringLiteral("last tuesday"), kT0, &why).isValid());
        QVERIFY(why.contains(QStringLiteral("ISO 8601")));
        QVERIFY(!parseAuditTime(QStringLiteral("99999d"), kT0, &why).isValid());
    }
};

QTEST_GUILESS_MAIN(TestAuditModel)
#include "tst_auditmodel.moc"
