// The secret copy: the clipboard holds the secret with the clipboard-manager concealment hints, it is
// cleared after the delay, but only if it still holds our value (the admin may have copied something else
// since), and when the Clipboard goes away.
#include "core/SecretStore.h"
#include "services/Services.h"
#include "gui/AppContext.h"
#include "gui/Clipboard.h"
#include "gui/RevealKeyDialog.h"

#include <QClipboard>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QLabel>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
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

    // The reveal dialog's secret cannot leave through the keyboard, a selection or a context menu: only
    // the Copy button puts it on the clipboard, with a countdown to the clearing and "Clear now".
    void revealDialogCopiesOnlyThroughTheButton()
    {
        QTemporaryDir dir;
        Services services(std::make_unique<SystemClock>(), new MemorySecretStore,
                          new QSettings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat));
        AppContext context(&services);
        MintedKey minted;
        minted.apiKey.name = QStringLiteral("backup");
        minted.secret = QStringLiteral("svc_RevealMeNot0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN");
        RevealKeyDialog dlg(&context, minted, QStringLiteral("svc-backup"));
        dlg.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dlg));
        auto *field = dlg.findChild<QLabel *>(QStringLiteral("secretField"));
        QVERIFY(field);
        QCOMPARE(field->text(), minted.secret);   // shown in full, as plain text
        QCOMPARE(field->textFormat(), Qt::PlainText);

        QGuiApplication::clipboard()->setText(QStringLiteral("sentinel"));
        // Keyboard: select all and copy, on the field and on the dialog.
        field->setFocus();
        for (QWidget *w : {static_cast<QWidget *>(field), static_cast<QWidget *>(&dlg)}) {
            QTest::keyClick(w, Qt::Key_A, Qt::ControlModifier);
            QTest::keyClick(w, Qt::Key_C, Qt::ControlModifier);
            QTest::keyClick(w, Qt::Key_Insert, Qt::ControlModifier);
        }
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("sentinel"));
        // Mouse: a double click and a drag across the field select nothing.
        QTest::mouseDClick(field, Qt::LeftButton, {}, QPoint(10, field->height() / 2));
        QTest::mousePress(field, Qt::LeftButton, {}, QPoint(2, field->height() / 2));
        QTest::mouseMove(field, QPoint(field->width() - 2, field->height() / 2));
        QTest::mouseRelease(field, Qt::LeftButton, {}, QPoint(field->width() - 2, field->height() / 2));
        QVERIFY(!field->hasSelectedText());
        QVERIFY(field->selectedText().isEmpty());
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("sentinel"));
        if (QGuiApplication::clipboard()->supportsSelection())
            QVERIFY(QGuiApplication::clipboard()->text(QClipboard::Selection) != minted.secret);
        QCOMPARE(field->contextMenuPolicy(), Qt::NoContextMenu);
        QVERIFY(!context.clipboard()->holdsOurSecret());

        // The Copy button: the secret is on the clipboard, a countdown runs, "Clear now" is offered.
        auto *countdown = dlg.findChild<QLabel *>(QStringLiteral("clipboardCountdown"));
        auto *clearNow = dlg.findChild<QPushButton *>(QStringLiteral("clearClipboardButton"));
        QVERIFY(countdown && clearNow);
        QVERIFY(!countdown->isVisible());
        QVERIFY(!clearNow->isEnabled());
        QTest::mouseClick(dlg.findChild<QPushButton *>(QStringLiteral("copySecretButton")), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), minted.secret);
        QVERIFY(dlg.copied());
        QVERIFY(countdown->isVisible());
        QVERIFY(clearNow->isEnabled());
        QCOMPARE(countdown->text(), QStringLiteral("The clipboard is cleared in 30 s."));
        // It counts down (once a second), in step with the clipboard's own timer.
        QTRY_COMPARE_WITH_TIMEOUT(countdown->text(), QStringLiteral("The clipboard is cleared in 29 s."), 3000);
        QTRY_COMPARE_WITH_TIMEOUT(countdown->text(), QStringLiteral("The clipboard is cleared in 28 s."), 3000);
        const int left = context.clipboard()->secretRemainingMs();
        QVERIFY2(left > 26000 && left <= 28000, qPrintable(QString::number(left)));

        // Clear now: the clipboard no longer holds the secret, the countdown goes, the status says so.
        QTest::mouseClick(clearNow, Qt::LeftButton);
        QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
        QVERIFY(!context.clipboard()->holdsOurSecret());
        QCOMPARE(context.clipboard()->secretRemainingMs(), 0);
        QVERIFY(!countdown->isVisible());
        QVERIFY(!clearNow->isEnabled());
        QCOMPARE(dlg.findChild<QLabel *>(QStringLiteral("copyStatus"))->text(), QStringLiteral("The clipboard was cleared."));
        dlg.reject();   // copied: closes without asking
        QVERIFY(!dlg.isVisible());
    }
};

QTEST_MAIN(TestClipboard)
#include "tst_clipboard.moc"
