// The secret copy: the clipboard holds the secret with the clipboard-manager concealment hints, it is
// cleared after the delay, but only if it still holds our value (the admin may have copied something else
// since), and when the Clipboard goes away.
#include "gui/Clipboard.h"

#include <QClipboard>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

class TestClipboard : public QObject
{
    Q_OBJECT
private:
    static QString text() { return QGuiApplication::clipboard()->text(); }

private slots:
    void init() { QGuiApplication::clipboard()->clear(); }

    void copiedWithHintsThenCleared()
    {
        Clipboard c;
        QSignalSpy cleared(&c, &Clipboard::secretCleared);
        QElapsedTimer t;
        t.start();
        c.copySecret(QStringLiteral("svc_s3cret"), 500);
        QCOMPARE(text(), QStringLiteral("svc_s3cret"));
        QVERIFY(c.holdsOurSecret());
        const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
        QVERIFY(mime);
        QCOMPARE(mime->data(QStringLiteral("x-kde-passwordManagerHint")), QByteArray("secret"));
        QCOMPARE(mime->data(QStringLiteral("ExcludeClipboardContentFromMonitorProcessing")), QByteArray("1"));
        QTRY_COMPARE_WITH_TIMEOUT(cleared.count(), 1, 5000);
        QVERIFY2(t.elapsed() >= 450, qPrintable(QString::number(t.elapsed())));   // not before the delay
        QVERIFY(text().isEmpty());
        QVERIFY(!c.holdsOurSecret());
    }

    void somethingElseCopiedIsKept()
    {
        Clipboard c;
        QSignalSpy cleared(&c, &Clipboard::secretCleared);
        c.copySecret(QStringLiteral("svc_s3cret"), 300);
        QCOMPARE(text(), QStringLiteral("svc_s3cret"));
        QGuiApplication::clipboard()->setText(QStringLiteral("meeting notes"));
        QVERIFY(!c.holdsOurSecret());
        QTRY_COMPARE_WITH_TIMEOUT(cleared.count(), 1, 5000);
        QCOMPARE(text(), QStringLiteral("meeting notes"));
    }

    void secondSecretReplacesTheFirst()
    {
        Clipboard c;
        QSignalSpy cleared(&c, &Clipboard::secretCleared);
        c.copySecret(QStringLiteral("first"), 60000);
        c.copySecret(QStringLiteral("second"), 300);   // restarts the timer for the new value
        QCOMPARE(text(), QStringLiteral("second"));
        QTRY_COMPARE_WITH_TIMEOUT(cleared.count(), 1, 5000);
        QVERIFY(text().isEmpty());
        QTest::qWait(100);
        QCOMPARE(cleared.count(), 1);
    }

    void clearedWhenDestroyed()
    {
        {
            Clipboard c;
            c.copySecret(QStringLiteral("svc_s3cret"), 60000);
            QCOMPARE(text(), QStringLiteral("svc_s3cret"));
        }
        QVERIFY(text().isEmpty());
        {
            Clipboard c;
            c.copySecret(QStringLiteral("svc_s3cret"), 60000);
            QGuiApplication::clipboard()->setText(QStringLiteral("mine"));
        }
        QCOMPARE(text(), QStringLiteral("mine"));
    }

    void plainTextIsLeftAlone()
    {
        Clipboard c;
        QSignalSpy cleared(&c, &Clipboard::secretCleared);
        c.copyText(QStringLiteral("k1-id"));
        QCOMPARE(text(), QStringLiteral("k1-id"));
        QVERIFY(QGuiApplication::clipboard()->mimeData()->data(QStringLiteral("x-kde-passwordManagerHint")).isEmpty());
        c.clearSecret();
        QCOMPARE(text(), QStringLiteral("k1-id"));
        QCOMPARE(cleared.count(), 0);
    }
};

QTEST_MAIN(TestClipboard)
#include "tst_clipboard.moc"
