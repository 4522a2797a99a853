// The channel inspector, offscreen: connect with a pasted key, send with a quick action, pair the reply,
// filter, export; then a flood from a separate process (pikku-flood) to prove the view keeps turning
// and memory stays bounded by the cap.
#include "core/Services.h"
#include "gui/AppContext.h"
#include "gui/ChannelInspectorPage.h"
#include "gui/ChannelTab.h"
#include "models/ChannelLogModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QWebSocket>
#include <QWebSocketServer>

namespace {
qint64 rssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}
} // namespace

class TestChannelGui : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Services> m_services;
    std::unique_ptr<AppContext> m_context;

private slots:
    void initTestCase()
    {
        m_services = std::make_unique<Services>(std::make_unique<SystemClock>(), new MemorySecretStore,
                                                new QSettings(m_dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat));
        m_context = std::make_unique<AppContext>(m_services.get());
    }

    void inspectEchoChannel()
    {
        QWebSocketServer server(QStringLiteral("echo"), QWebSocketServer::NonSecureMode);
        QByteArray seenKey, seenAuth;
        connect(&server, &QWebSocketServer::newConnection, this, [&] {
            QWebSocket *s = server.nextPendingConnection();
            seenKey = s->request().rawHeader("x-api-key");
            seenAuth = s->request().rawHeader("Authorization");
            connect(s, &QWebSocket::textMessageReceived, s, [s](const QString &t) {
                s->sendTextMessage(t);
                s->sendTextMessage(QStringLiteral(R"({"topic":"sessions","event":"session.created","data":{}})"));
            });
        });
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));

        ChannelInspectorPage page(m_context.get());
        page.resize(1000, 600);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        ChannelTab *tab = page.currentChannel();
        QVERIFY(tab);
        tab->findChild<QLineEdit *>(QStringLiteral("channelUrl"))->setText(QStringLiteral("ws://127.0.0.1:%1/echo").arg(server.serverPort()));
        auto *identity = tab->findChild<QComboBox *>(QStringLiteral("identityBox"));
        identity->setCurrentIndex(1);   // a pasted service key
        auto *key = tab->findChild<QLineEdit *>(QStringLiteral("keyEdit"));
        QVERIFY(key->isVisible());
        QCOMPARE(key->echoMode(), QLineEdit::Password);
        QTest::keyClicks(key, QStringLiteral("svc_pasted_key"));
        QTest::mouseClick(tab->findChild<QPushButton *>(QStringLiteral("connectButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(tab->socket()->state(), ChannelSocket::State::Open, 5000);
        QCOMPARE(seenKey, QByteArray("svc_pasted_key"));
        QVERIFY(seenAuth.isEmpty());   // never both

        QTest::mouseClick(tab->findChild<QToolButton *>(QStringLiteral("quick_whoami")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(tab->log()->receivedCount() >= 2, 5000);
        tab->log()->flush();
        // The echoed reply is paired with the request.
        int sentRow = -1, replyRow = -1;
        for (int r = 0; r < tab->log()->rowCount(); ++r) {
            const ChannelMessage &m = tab->log()->at(r);
            if (m.action == QLatin1String("whoami") && m.direction == ChannelMessage::Direction::Sent)
                sentRow = r;
            if (m.action == QLatin1String("whoami") && m.direction == ChannelMessage::Direction::Received)
                replyRow = r;
        }
        QVERIFY(sentRow >= 0 && replyRow >= 0);
        QCOMPARE(tab->log()->at(sentRow).pairedSeq, tab->log()->at(replyRow).seq);

        // Filter by text and direction, without losing anything.
        const int all = tab->log()->rowCount();
        QTest::keyClicks(tab->findChild<QLineEdit *>(QStringLiteral("filterEdit")), QStringLiteral("session.created"));
        QCOMPARE(tab->filter()->rowCount(), 1);
        QCOMPARE(tab->log()->rowCount(), all);
        auto *view = tab->findChild<QTableView *>(QStringLiteral("logView"));
        view->setCurrentIndex(tab->filter()->index(0, 0));
        QVERIFY(tab->findChild<QPlainTextEdit *>(QStringLiteral("detailView"))->toPlainText().contains(QStringLiteral("\"event\": \"session.created\"")));

        // Export the filtered view and the whole log.
        const QString filtered = m_dir.filePath(QStringLiteral("filtered.ndjson"));
        QCOMPARE(tab->exportTo(filtered, true), qint64(1));
        const QString whole = m_dir.filePath(QStringLiteral("all.ndjson"));
        QCOMPARE(tab->exportTo(whole, false), qint64(all));
        QFile f(filtered);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(f.readLine()).object().value(QStringLiteral("data")).toObject()
                     .value(QStringLiteral("event")).toString(), QStringLiteral("session.created"));

        // The composer refuses what is not JSON.
        auto *composer = tab->findChild<QPlainTextEdit *>(QStringLiteral("composer"));
        composer->setPlainText(QStringLiteral("{not json"));
        QVERIFY(!tab->sendComposer());
        QVERIFY(tab->findChild<QLabel *>(QStringLiteral("composerState"))->text().contains(QStringLiteral("not")));
        const qint64 before = tab->log()->sentCount();
        composer->setPlainText(QStringLiteral(R"({"action":"echo","n":2})"));
        QVERIFY(tab->sendComposer());
        QTRY_COMPARE(tab->log()->sentCount(), before + 1);
        if (!qEnvironmentVariableIsEmpty("PIKKU_SCREENSHOT_DIR")) {
            tab->findChild<QLineEdit *>(QStringLiteral("filterEdit"))->clear();
            QTest::qWait(100);
            page.grab().save(qEnvironmentVariable("PIKKU_SCREENSHOT_DIR") + QStringLiteral("/inspector.png"));
        }
        tab->disconnectChannel();
        QTRY_COMPARE(tab->socket()->state(), ChannelSocket::State::Closed);
    }

    void floodStaysResponsiveAndBounded()
    {
        const int count = 200000;
        QProcess flood;
        flood.start(QStringLiteral(PIKKU_FLOOD_BINARY), {QStringLiteral("--count"), QString::number(count),
                                                        QStringLiteral("--size"), QStringLiteral("200")});
        QVERIFY(flood.waitForReadyRead(10000));
        const QString ready = QString::fromUtf8(flood.readLine()).trimmed();
        QVERIFY2(ready.startsWith(QStringLiteral("pikku-flood ready ")), qPrintable(ready));
        const QUrl url(ready.section(QLatin1Char(' '), 2));

        ChannelInspectorPage page(m_context.get());
        page.resize(1000, 600);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        ChannelTab *tab = page.currentChannel();
        tab->log()->setCapacity(20000);
        tab->findChild<QLineEdit *>(QStringLiteral("filterEdit"))->setText(QStringLiteral("tick"));   // a filter active
        tab->findChild<QLineEdit *>(QStringLiteral("channelUrl"))->setText(url.toString());
        tab->findChild<QComboBox *>(QStringLiteral("identityBox"))->setCurrentIndex(1);
        tab->findChild<QLineEdit *>(QStringLiteral("keyEdit"))->setText(QStringLiteral("flood-key"));

        // A 10 ms timer that records its own lateness: the event loop must keep turning.
        QElapsedTimer clock;
        qint64 last = 0, worst = 0, ticks = 0;
        QTimer probe;
        probe.setInterval(10);
        connect(&probe, &QTimer::timeout, this, [&] {
            const qint64 now = clock.elapsed();
            worst = std::max(worst, now - last);
            last = now;
            ++ticks;
        });
        const qint64 rssBefore = rssKb();
        clock.start();
        probe.start();
        tab->connectChannel();
        QTRY_VERIFY_WITH_TIMEOUT(tab->log()->receivedCount() >= count, 60000);
        tab->log()->flush();
        const qint64 elapsed = clock.elapsed();
        probe.stop();
        const qint64 rssAfter = rssKb();

        qInfo("flood: %d messages in %lld ms (%.0f msg/s); worst event-loop gap %lld ms; %lld ticks; RSS +%lld KiB",
              count, elapsed, count * 1000.0 / std::max<qint64>(1, elapsed), worst, ticks, rssAfter - rssBefore);
        QCOMPARE(tab->log()->rowCount(), 20000);                 // bounded by the cap
        QCOMPARE(tab->log()->dropped(), tab->log()->totalCaptured() - 20000);   // every eviction counted
        QVERIFY(tab->log()->totalCaptured() >= count);
        int ticksInLog = 0;
        for (int r = 0; r < tab->log()->rowCount(); ++r)
            ticksInLog += tab->log()->at(r).payload.contains("tick") ? 1 : 0;
        QVERIFY(ticksInLog > 19000);
        QCOMPARE(tab->filter()->rowCount(), ticksInLog);         // the filter kept up with the flood
        // Bounded reads keep each turn short (tens of ms here); an unbounded QWebSocket read stalls 300-500 ms.
        QVERIFY2(worst < 1000, "the event loop stalled for a second or more");
        QVERIFY2(ticks >= elapsed / 40, "the 10 ms timer fired less than a quarter of the time");
        QVERIFY2(rssAfter - rssBefore < 150 * 1024, "memory grew by more than 150 MiB for a 20k-message cap");
        flood.kill();
        flood.waitForFinished(2000);
    }
};

QTEST_MAIN(TestChannelGui)
#include "tst_channel_gui.moc"
