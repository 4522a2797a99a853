// BulkRun (h-lifecycle, issue 13 item 2): bounded concurrency, each id sent once, a result per row with
// partial failures kept, cancel and a dying context leaving no row without an outcome; and the texts
// ServiceUserOperations writes once for both faces (the confirmation that counts keys, a row's error).
#include "services/BulkRun.h"
#include "services/ServiceUserOperations.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {
// An operation whose rows finish only when the test says so.
struct Held
{
    QStringList calls;
    QList<std::function<void(BulkOutcome)>> pending;
    BulkRun::Operation op()
    {
        return [this](const QString &id, QObject *, std::function<void(BulkOutcome)> done) {
            calls << id;
            pending << done;
        };
    }
    void finishNext(bool ok)
    {
        auto done = pending.takeFirst();
        BulkOutcome o;
        o.state = ok ? BulkOutcome::State::Ok : BulkOutcome::State::Failed;
        o.message = ok ? QStringLiteral("done") : QStringLiteral("NOT_FOUND: no such thing");
        done(o);
    }
};

QStringList ids(int n)
{
    QStringList out;
    for (int i = 0; i < n; ++i)
        out << QStringLiteral("id-%1").arg(i);
    return out;
}
} // namespace

class TestBulkRun : public QObject
{
    Q_OBJECT
private slots:
    void concurrencyIsBoundedAndEachIdSentOnce()
    {
        QObject context;
        Held held;
        auto *run = new BulkRun(ids(10), held.op(), &context);
        QSignalSpy finished(run, &BulkRun::finished);
        run->start();
        QTRY_COMPARE(held.pending.size(), 4);
        QCOMPARE(run->inFlight(), 4);
        int round = 0;
        while (held.calls.size() < 10 || !held.pending.isEmpty()) {
            QTRY_VERIFY(!held.pending.isEmpty());
            held.finishNext(round++ % 3 != 1);   // every third one fails
            QTest::qWait(0);
            QVERIFY(run->inFlight() <= 4);
        }
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(held.calls, ids(10));          // each id once, in order
        QCOMPARE(run->maxInFlightSeen(), 4);
        QCOMPARE(run->rows().size(), 10);
        QCOMPARE(run->okCount() + run->failedCount(), 10);
        QCOMPARE(run->failedCount(), 3);
        QCOMPARE(run->rows().at(1).state, BulkOutcome::State::Failed);
        QCOMPARE(run->rows().at(1).message, QStringLiteral("NOT_FOUND: no such thing"));
        QCOMPARE(run->summary(), QStringLiteral("7 done, 3 failed"));
    }

    void cancelReportsWhatWasNotSent()
    {
        QObject context;
        Held held;
        auto *run = new BulkRun(ids(9), held.op(), &context, 2);
        QSignalSpy finished(run, &BulkRun::finished);
        run->start();
        QTRY_COMPARE(held.pending.size(), 2);
        run->cancel();
        QTest::qWait(10);
        QCOMPARE(held.calls.size(), 2);         // nothing new started
        QCOMPARE(finished.count(), 0);          // the two sent rows are still out
        held.finishNext(true);
        held.finishNext(false);
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(run->rows().at(0).state, BulkOutcome::State::Ok);
        QCOMPARE(run->rows().at(1).state, BulkOutcome::State::Failed);
        for (int i = 2; i < 9; ++i) {
            QCOMPARE(run->rows().at(i).state, BulkOutcome::State::NotSent);
            QVERIFY(run->rows().at(i).message.contains(QStringLiteral("cancelled")));
        }
        QCOMPARE(run->summary(), QStringLiteral("1 done, 1 failed, 7 not sent"));
    }

    void aRowReportsOnceAndADyingContextIsSafe()
    {
        Held held;
        auto context = std::make_unique<QObject>();
        auto *run = new BulkRun(ids(3), [](const QString &, QObject *, std::function<void(BulkOutcome)> done) {
            BulkOutcome o;
            o.state = BulkOutcome::State::Ok;
            done(o);
            done(o);   // a second report of the same row is ignored
        }, context.get());
        QSignalSpy rows(run, &BulkRun::rowFinished);
        QSignalSpy finished(run, &BulkRun::finished);
        run->start();
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(rows.count(), 3);

        auto *second = new BulkRun(ids(6), held.op(), context.get());
        second->start();
        QTRY_COMPARE(held.pending.size(), 4);
        context.reset();                         // the page closed: the run goes with it
        held.finishNext(true);                   // late replies land nowhere
        held.finishNext(false);
        QTest::qWait(10);
        QCOMPARE(held.calls.size(), 4);
    }

    void duplicatesOnceAndTheBoundSaysSo()
    {
        QObject context;
        QStringList calls;
        QStringList many = ids(BulkRun::kMaxIds + 2);
        many.insert(1, QStringLiteral("id-0"));
        auto *run = new BulkRun(many, [&calls](const QString &id, QObject *, std::function<void(BulkOutcome)> done) {
            calls << id;
            BulkOutcome o;
            o.state = BulkOutcome::State::Ok;
            done(o);
        }, &context);
        QSignalSpy finished(run, &BulkRun::finished);
        run->start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QCOMPARE(run->rows().size(), BulkRun::kMaxIds + 2);
        QCOMPARE(calls.size(), BulkRun::kMaxIds);
        QCOMPARE(calls.count(QStringLiteral("id-0")), 1);
        QCOMPARE(run->rows().last().state, BulkOutcome::State::NotSent);
        QVERIFY(run->rows().last().message.contains(QStringLiteral("more than 10000")));
        QCOMPARE(run->failedCount(), 2);
    }

    void emptyRunFinishes()
    {
        QObject context;
        auto *run = new BulkRun({}, [](const QString &, QObject *, std::function<void(BulkOutcome)>) {}, &context);
        QSignalSpy finished(run, &BulkRun::finished);
        run->start();
        QTRY_COMPARE(finished.count(), 1);
    }

    void deleteQuestionCountsKeys()
    {
        const QList<LifecycleTarget> targets{{QStringLiteral("u1"), QStringLiteral("backup"), 2, {}},
                                             {QStringLiteral("u2"), QStringLiteral("ingest"), 1, {}},
                                             {QStringLiteral("u3"), {}, -1, QStringLiteral("NOT_FOUND")}};
        const QString q = ServiceUserOperations::question(LifecycleAction::DeleteUser, targets);
        QVERIFY2(q.startsWith(QStringLiteral("Delete 3 service users?")), qPrintable(q));
        QVERIFY2(q.contains(QStringLiteral("This deletes 3 keys with them")), qPrintable(q));
        QVERIFY2(q.contains(QStringLiteral("backup (u1): deletes 2 keys")), qPrintable(q));
        QVERIFY2(q.contains(QStringLiteral("ingest (u2): deletes 1 key")), qPrintable(q));
        QVERIFY2(q.contains(QStringLiteral("u3: keys not counted, not sent")), qPrintable(q));
        QVERIFY2(q.contains(QStringLiteral("1 user whose keys could not be counted will not be sent")), qPrintable(q));

        QList<LifecycleTarget> many;
        for (const QString &id : ids(25))
            many << LifecycleTarget{id, {}, -1, {}};
        const QString m = ServiceUserOperations::question(LifecycleAction::RevokeKey, many);
        QVERIFY(m.startsWith(QStringLiteral("Revoke 25 keys?")));
        QVERIFY(m.contains(QStringLiteral("id-19")));
        QVERIFY(!m.contains(QStringLiteral("id-20")));
        QVERIFY(m.contains(QStringLiteral("and 5 more")));
    }

    void rowErrorNamesTheCodeAndALostReply()
    {
        ApiError lockout = ApiError::make(ApiError::Kind::Conflict);
        lockout.httpStatus = 409;
        lockout.serverCode = QStringLiteral("LOCKOUT");
        lockout.serverMessage = QStringLiteral("refused: that is your own account");
        QCOMPARE(ServiceUserOperations::rowError(lockout), QStringLiteral("LOCKOUT: refused: that is your own account"));
        const ApiError lost = ApiError::make(ApiError::Kind::Timeout);
        QVERIFY(ServiceUserOperations::rowError(lost).contains(QStringLiteral("may have been carried out; not re-sent")));
    }

    void namesAreBounded()
    {
        QVERIFY(!ServiceUserOperations::nameProblem(QString()).isEmpty());
        QVERIFY(!ServiceUserOperations::nameProblem(QString(101, QLatin1Char('a'))).isEmpty());
        QVERIFY(!ServiceUserOperations::nameProblem(QStringLiteral("a\x1b[2Jb")).isEmpty());
        QVERIFY(ServiceUserOperations::nameProblem(QString(100, QLatin1Char('a'))).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestBulkRun)
#include "tst_bulkrun.moc"
