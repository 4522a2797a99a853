// The channel inspector, offscreen: connect with a pasted key, send with a quick action, pair the reply,
// filter, export; then a flood from a separate process (pikku-flood) to prove the view keeps turning
// and memory stays bounded by the cap. Against the real dev server: the identity line names the service
// key the server resolved, composer history and saved messages survive a new page, and a remembered key
// goes to the secret store, never to the settings file.
#include "DevServer.h"
#include "FixtureServer.h"
#include "TestEnv.h"
#include "services/Services.h"
#include "gui/AppContext.h"
#include "gui/ChannelInspectorPage.h"
#include "gui/ChannelTab.h"
#include "gui/ChannelComposer.h"
#include "gui/ChannelLogView.h"
#include "services/models/JsonTreeModel.h"
#include "net/TsanHandOver.h"   // PIKKU_TSAN
#include "services/models/ChannelLogFilterModel.h"
#include "services/models/ChannelLogModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QInputDialog>
#include <QJsonArray>
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
#include <QStandardItemModel>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QWebSocket>
#include <QWebSocketServer>

#include "gui/MessageBanner.h"
#include "net/HttpClient.h"

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

// A keychain that is never there (locked, no Secret Service): every call answers Unavailable.
class UnavailableSecretStore : public SecretStore
{
public:
    using SecretStore::SecretStore;
    void read(const QString &, QObject *context, Callback cb) override { answer(context, std::move(cb)); }
    void write(const QString &, const QByteArray &, QObject *context, Callback cb) override { answer(context, std::move(cb)); }
    void remove(const QString &, QObject *context, Callback cb) override { answer(context, std::move(cb)); }
    QString backendName() const override { return QStringLiteral("test keychain"); }

private:
    static void answer(QObject *context, Callback cb)
    {
        QTimer::singleShot(0, context, [cb] {
            SecretResult r;
            r.status = SecretResult::Status::Unavailable;
            r.error = QStringLiteral("no Secret Service");
            cb(r);
        });
    }
};

SecretResult readSecret(SecretStore *store, const QString &key)
{
    QObject ctx;
    std::optional<SecretResult> out;
    store->read(key, &ctx, [&](const SecretResult &r) { out = r; });
    (void)QTest::qWaitFor([&] { return out.has_value(); }, 10000);
    return out.value_or(SecretResult{SecretResult::Status::Unavailable, {}, QStringLiteral("no answer")});
}
} // namespace

class TestChannelGui : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Services> m_services;
    std::unique_ptr<AppContext> m_context;

    // The live half: a real dev server, and a context of its own, signed in as the admin.
    DevServer m_server;
    bool m_serverUp = false;
    HttpClient m_http;
    std::unique_ptr<Services> m_liveServices;
    std::unique_ptr<AppContext> m_liveContext;
    MemorySecretStore *m_liveSecrets = nullptr;
    QString m_liveIni;
    QString m_serviceKey;       // a key of svc-backup named backup-ws, ws:connect

    ServerEndpoint endpoint() const { return TestEnv::endpointFor(m_server.url()); }
    QUrl liveUrl() const
    {
        QUrl u = endpoint().authUrl(QStringLiteral("/console/live"));
        u.setScheme(QStringLiteral("ws"));
        return u;
    }

    QString adminPost(const QString &path, const QJsonObject &body, QJsonObject *reply)
    {
        RequestOptions o;
        o.credentials = Credentials::person(m_liveServices->session()->token(), m_liveServices->session()->endpoint().baseUrl);
        const auto r = TestEnv::awaitCall(m_http.post(endpoint().authUrl(path), body, o), 10000);
        if (r && reply)
            *reply = r->json.object();
        return r && r->ok() ? QString() : (r ? r->error.userMessage() : QStringLiteral("timeout"));
    }

    // Starts the dev server once, signs the live context in as the admin, mints svc-backup's key.
    bool ensureLive()
    {
        if (m_serverUp)
            return true;
        if (!m_server.start()) {
            qWarning("%s", qPrintable(m_server.errorString()));
            return false;
        }
        m_liveIni = m_dir.filePath(QStringLiteral("live.ini"));
        m_liveSecrets = new MemorySecretStore;
        m_liveServices = std::make_unique<Services>(std::make_unique<SystemClock>(), m_liveSecrets,
                                                    new QSettings(m_liveIni, QSettings::IniFormat));
        m_liveContext = std::make_unique<AppContext>(m_liveServices.get());
        const ServerEndpoint e = endpoint();
        const QString token = TestEnv::adminToken(m_liveServices->http(), e);
        const auto r = awaitResult<SignInOutcome>([&](QObject *c, auto cb) { m_liveServices->auth()->completeSignIn(e, token, c, cb); });
        if (token.isEmpty() || !r || !r->ok())
            return false;
        QJsonObject user, minted;
        if (!adminPost(QStringLiteral("/console/service-users/create"), {{QStringLiteral("name"), QStringLiteral("svc-backup")}}, &user).isEmpty())
            return false;
        const QString userId = user.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString();
        if (!adminPost(QStringLiteral("/console/api-keys/create"),
                       {{QStringLiteral("userId"), userId}, {QStringLiteral("name"), QStringLiteral("backup-ws")},
                        {QStringLiteral("permissions"), QJsonObject{{QStringLiteral("ws"), QJsonArray{QStringLiteral("connect")}}}},
                        {QStringLiteral("rateLimitEnabled"), false}}, &minted).isEmpty())
            return false;
        m_serviceKey = minted.value(QStringLiteral("key")).toString();
        m_serverUp = !m_serviceKey.isEmpty();
        return m_serverUp;
    }

    // The page's first tab, on the live channel as the pasted service key, open.
    static bool openAsKey(ChannelTab *tab, const QString &key, bool remember = false)
    {
        tab->findChild<QComboBox *>(QStringLiteral("identityBox"))->setCurrentIndex(1);
        tab->findChild<QLineEdit *>(QStringLiteral("keyEdit"))->setText(key);
        tab->findChild<QCheckBox *>(QStringLiteral("rememberKeyCheck"))->setChecked(remember);
        tab->connectChannel();
        return QTest::qWaitFor([tab] { return tab->socket()->state() == ChannelSocket::State::Open; }, 10000);
    }

private slots:
    void initTestCase()
    {
        m_services = std::make_unique<Services>(std::make_unique<SystemClock>(), new MemorySecretStore,
                                                new QSettings(m_dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat));
        m_context = std::make_unique<AppContext>(m_services.get());
    }

    // Pikku's frames over a real WebSocket on loopback (an in-process server speaking them): two requests
    // of one action in flight pair in order, a reverse RPC stays open through pikku-rpc-pending until its
    // response, a bare "Unauthorized for route" is an auth failure paired with its request, binary frames
    // go out from the composer (hex, base64) and come back shown as bytes; the JSON tree shows the selection.
    void inspectPikkuFrames()
    {
        QWebSocketServer server(QStringLiteral("pikku"), QWebSocketServer::NonSecureMode);
        QList<QByteArray> binaryIn;
        connect(&server, &QWebSocketServer::newConnection, this, [&] {
            QWebSocket *s = server.nextPendingConnection();
            s->setParent(&server);
            s->sendTextMessage(QStringLiteral(R"({"action":"pikku-rpc-request","id":"r1","funcName":"confirm","data":{}})"));
            auto *pages = new int(0);
            connect(s, &QObject::destroyed, [pages] { delete pages; });
            connect(s, &QWebSocket::textMessageReceived, s, [s, pages](const QString &t) {
                const QJsonObject o = QJsonDocument::fromJson(t.toUtf8()).object();
                const QString action = o.value(QStringLiteral("action")).toString();
                if (action == QLatin1String("list"))
                    s->sendTextMessage(QStringLiteral(R"({"action":"list","answer":%1})").arg(++*pages));
                else if (action == QLatin1String("secret"))
                    s->sendTextMessage(QStringLiteral(R"("Unauthorized for route 'action:secret'")"));
            });
            connect(s, &QWebSocket::binaryMessageReceived, s, [s, &binaryIn](const QByteArray &b) {
                binaryIn << b;
                s->sendBinaryMessage(b + QByteArray("\x1b\x00", 2));
            });
        });
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        ChannelInspectorPage page(m_context.get());
        page.resize(1100, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        ChannelTab *tab = page.currentChannel();
        tab->findChild<QLineEdit *>(QStringLiteral("channelUrl"))->setText(QStringLiteral("ws://127.0.0.1:%1/pikku").arg(server.serverPort()));
        tab->findChild<QComboBox *>(QStringLiteral("identityBox"))->setCurrentIndex(1);
        tab->findChild<QLineEdit *>(QStringLiteral("keyEdit"))->setText(QStringLiteral("svc_frames"));
        tab->connectChannel();
        QTRY_COMPARE_WITH_TIMEOUT(tab->socket()->state(), ChannelSocket::State::Open, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(tab->log()->receivedCount() >= 1, 5000);   // the server's pikku-rpc-request
        auto *composer = tab->findChild<QPlainTextEdit *>(QStringLiteral("composer"));
        auto send = [&](const QString &text) {
            composer->setPlainText(text);
            return tab->sendComposer();
        };
        QVERIFY(send(QStringLiteral(R"({"action":"list","page":1})")));
        QVERIFY(send(QStringLiteral(R"({"action":"list","page":2})")));
        QVERIFY(send(QStringLiteral(R"({"action":"pikku-rpc-pending","id":"r1","reason":"asking"})")));
        QVERIFY(send(QStringLiteral(R"({"action":"secret"})")));
        QTRY_VERIFY_WITH_TIMEOUT(tab->log()->receivedCount() >= 4, 5000);
        tab->log()->flush();
        ChannelLogModel *log = tab->log();
        auto rowOf = [log](const char *needle, ChannelMessage::Direction d) {
            for (int r = 0; r < log->rowCount(); ++r)
                if (log->at(r).direction == d && log->at(r).payload.contains(needle))
                    return r;
            return -1;
        };
        using D = ChannelMessage::Direction;
        const int page1 = rowOf("\"page\":1", D::Sent), page2 = rowOf("\"page\":2", D::Sent);
        const int answer1 = rowOf("\"answer\":1", D::Received), answer2 = rowOf("\"answer\":2", D::Received);
        QVERIFY(page1 >= 0 && page2 >= 0 && answer1 >= 0 && answer2 >= 0);
        QCOMPARE(log->at(page1).pairedSeq, log->at(answer1).seq);   // FIFO per action
        QCOMPARE(log->at(page2).pairedSeq, log->at(answer2).seq);
        const int rpc = rowOf("pikku-rpc-request", D::Received), pending = rowOf("pikku-rpc-pending", D::Sent);
        QVERIFY(log->at(rpc).rpcPending);
        QCOMPARE(log->at(rpc).pairedSeq, qint64(-1));            // pending did not use the id up
        QCOMPARE(log->at(pending).pairedSeq, log->at(rpc).seq);
        QVERIFY(log->data(log->index(rpc, ChannelLogModel::ActionColumn)).toString().contains(QStringLiteral("pending")));
        const int refused = rowOf("Unauthorized", D::Received), secret = rowOf("secret", D::Sent);
        QVERIFY(log->data(log->index(refused, 0), ChannelLogModel::AuthFailureRole).toBool());
        QVERIFY(log->data(log->index(refused, 0), ChannelLogModel::ErrorRole).toBool());
        QCOMPARE(log->at(refused).pairedSeq, log->at(secret).seq);
        // The "errors only" filter finds the auth failure.
        tab->findChild<QCheckBox *>(QStringLiteral("errorsOnlyCheck"))->setChecked(true);
        QCOMPARE(tab->filter()->rowCount(), 1);
        auto *view = tab->findChild<QTableView *>(QStringLiteral("logView"));
        auto *detail = tab->findChild<QPlainTextEdit *>(QStringLiteral("detailView"));
        view->setCurrentIndex(tab->filter()->index(0, 0));
        QVERIFY2(detail->toPlainText().contains(QStringLiteral("Auth failure")), qPrintable(detail->toPlainText()));
        tab->findChild<QCheckBox *>(QStringLiteral("errorsOnlyCheck"))->setChecked(false);
        // The response: now the request is answered, not pending.
        QVERIFY(send(QStringLiteral(R"({"action":"pikku-rpc-response","id":"r1","ok":true,"result":{"confirmed":true,"by":{"name":"admin"}}})")));
        QTRY_VERIFY(log->sentCount() >= 5);
        log->flush();
        const int response = rowOf("pikku-rpc-response", D::Sent);
        QCOMPARE(log->at(rpc).pairedSeq, log->at(response).seq);
        QVERIFY(!log->at(rpc).rpcPending);

        // The JSON tree of the selected message, next to the raw text.
        view->setCurrentIndex(tab->filter()->index(tab->filter()->mapFromSource(log->index(response, 0)).row(), 0));
        auto *tree = tab->findChild<QTreeView *>(QStringLiteral("jsonTree"));
        QVERIFY(tree && tree->isVisible());
        JsonTreeModel *tm = tab->logView()->tree();
        QCOMPARE(tree->model(), tm);
        QCOMPARE(tm->rowCount(), 4);   // action, id, ok, result
        QModelIndex result;
        for (int r = 0; r < tm->rowCount(); ++r)
            if (tm->data(tm->index(r, 0)).toString() == QLatin1String("result"))
                result = tm->index(r, 0);
        QVERIFY(result.isValid());
        QCOMPARE(tm->rowCount(result), 2);
        QVERIFY(tree->isExpanded(result));     // the first level opens by itself
        tree->collapse(result);                // and folds away
        QVERIFY(!tree->isExpanded(result));

        // Binary out, as hex and as base64; the echo (with a raw ESC and NUL added) comes back as bytes.
        tab->findChild<ChannelComposer *>()->setFormat(ChannelComposer::Format::Hex);
        QVERIFY(!send(QStringLiteral("0g")));   // not hex: refused, nothing sent
        QVERIFY(tab->findChild<QLabel *>(QStringLiteral("composerState"))->text().contains(QStringLiteral("not hex")));
        QVERIFY(send(QStringLiteral("00 01 ff")));
        tab->findChild<ChannelComposer *>()->setFormat(ChannelComposer::Format::Base64);
        QVERIFY(send(QStringLiteral("AAEb/w==")));
        QTRY_COMPARE_WITH_TIMEOUT(binaryIn.size(), 2, 5000);
        QCOMPARE(binaryIn.at(0), QByteArray("\x00\x01\xff", 3));
        QCOMPARE(binaryIn.at(1), QByteArray("\x00\x01\x1b\xff", 4));
        QTRY_VERIFY_WITH_TIMEOUT(log->receivedCount() >= 6, 5000);
        log->flush();
        QVERIFY(tab->history().filter(QStringLiteral("00 01")).isEmpty());   // binary frames are not kept
        int echoed = -1;
        for (int r = 0; r < log->rowCount(); ++r)
            if (log->at(r).kind == ChannelMessage::Kind::Binary && log->at(r).direction == D::Received && log->at(r).size() == 5)
                echoed = r;
        QVERIFY(echoed >= 0);
        QCOMPARE(log->at(echoed).payload, QByteArray("\x00\x01\xff\x1b\x00", 5));
        const QString summary = log->data(log->index(echoed, ChannelLogModel::MessageColumn)).toString();
        QVERIFY2(summary.contains(QStringLiteral("5 bytes")) && summary.contains(QStringLiteral("00 01 ff 1b 00")), qPrintable(summary));
        view->setCurrentIndex(tab->filter()->index(tab->filter()->mapFromSource(log->index(echoed, 0)).row(), 0));
        QVERIFY2(detail->toPlainText().contains(QStringLiteral("binary frame, 5 bytes")), qPrintable(detail->toPlainText()));
        QVERIFY(detail->toPlainText().contains(QStringLiteral("00000000  00 01 ff 1b 00")));
        QVERIFY(!detail->toPlainText().contains(QChar(0x1b)));
        QCOMPARE(tm->rowCount(), 0);   // no tree for bytes

        // An invalid regex: said in words (tooltip), and the text takes the palette's negative tone.
        auto *filterEdit = tab->findChild<QLineEdit *>(QStringLiteral("filterEdit"));
        const QColor normal = filterEdit->palette().color(QPalette::Text);
        tab->findChild<QCheckBox *>(QStringLiteral("regexCheck"))->setChecked(true);
        filterEdit->setText(QStringLiteral("(unclosed"));
        QVERIFY(filterEdit->toolTip().contains(QStringLiteral("Not a valid regular expression")));
        QVERIFY(filterEdit->palette().color(QPalette::Text) != normal);
        filterEdit->setText(QStringLiteral("answer"));
        QVERIFY(filterEdit->toolTip().isEmpty());
        QCOMPARE(filterEdit->palette().color(QPalette::Text), normal);
        QCOMPARE(tab->filter()->rowCount(), 2);
        tab->disconnectChannel();
    }

    void inspectEchoChannel()
    {
        QWebSocketServer server(QStringLiteral("echo"), QWebSocketServer::NonSecureMode);
        QByteArray seenKey, seenAuth;
        connect(&server, &QWebSocketServer::newConnection, this, [&] {
            QWebSocket *s = server.nextPendingConnection();
            s->setParent(&server);   // nextPendingConnection() hands over ownership (LSan saw them leak)
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
        // The message detail is readable at this size: eight lines or more, not a four-line sliver.
        auto *detail = tab->findChild<QPlainTextEdit *>(QStringLiteral("detailView"));
        QVERIFY2(detail->viewport()->height() >= 8 * detail->fontMetrics().lineSpacing(),
                 qPrintable(QStringLiteral("%1 px for lines of %2 px").arg(detail->viewport()->height()).arg(detail->fontMetrics().lineSpacing())));
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

        // A quick button sends its message once and leaves the admin's draft alone (no second send one
        // click away on Send).
        auto *composer = tab->findChild<QPlainTextEdit *>(QStringLiteral("composer"));
        composer->setPlainText(QStringLiteral(R"({"action":"draft"})"));
        QTest::mouseClick(tab->findChild<QToolButton *>(QStringLiteral("quick_whoami")), Qt::LeftButton);
        QCOMPARE(composer->toPlainText(), QStringLiteral(R"({"action":"draft"})"));
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

    // The GUI path has a handshake timeout: a server that accepts TCP and never answers the upgrade
    // gives a clear error in the tab's banner within the configured time, not a tab stuck connecting.
    void handshakeTimeoutInTheTab()
    {
        SilentServer silent;
        QVERIFY(silent.listenLocal());
        const int before = m_services->channelHandshakeTimeoutMs();
        QCOMPARE(before, 10000);   // the default ($PIKKU_ADMIN_WS_HANDSHAKE_TIMEOUT_MS unset)
        m_services->setChannelHandshakeTimeoutMs(800);
        ChannelInspectorPage page(m_context.get());
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        ChannelTab *tab = page.currentChannel();
        tab->findChild<QLineEdit *>(QStringLiteral("channelUrl"))->setText(QStringLiteral("ws://127.0.0.1:%1/live").arg(silent.serverPort()));
        tab->findChild<QComboBox *>(QStringLiteral("identityBox"))->setCurrentIndex(1);
        tab->findChild<QLineEdit *>(QStringLiteral("keyEdit"))->setText(QStringLiteral("svc_handshake_key"));
        tab->findChild<QCheckBox *>(QStringLiteral("reconnectCheck"))->setChecked(false);
        QElapsedTimer t;
        t.start();
        tab->connectChannel();
        QCOMPARE(tab->socket()->state(), ChannelSocket::State::Connecting);
        auto *banner = tab->findChild<MessageBanner *>();
        QTRY_VERIFY_WITH_TIMEOUT(banner->text().contains(QStringLiteral("did not complete the WebSocket handshake within 800 ms")), 5000);
        QVERIFY2(t.elapsed() < 4000, qPrintable(QString::number(t.elapsed())));
        QVERIFY(tab->socket()->state() != ChannelSocket::State::Open);
        m_services->setChannelHandshakeTimeoutMs(before);
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
        const int cap = tab->log()->capacity();                 // the default, 100,000
        QCOMPARE(cap, 100000);
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
        QCOMPARE(tab->log()->rowCount(), cap);                   // bounded by the cap
        QCOMPARE(tab->log()->dropped(), tab->log()->totalCaptured() - cap);     // every eviction counted
        QVERIFY(tab->log()->totalCaptured() >= count);
        int ticksInLog = 0;
        for (int r = 0; r < tab->log()->rowCount(); ++r)
            ticksInLog += tab->log()->at(r).payload.contains("tick") ? 1 : 0;
        QVERIFY(ticksInLog > cap - 1000);
        QCOMPARE(tab->filter()->rowCount(), ticksInLog);         // the filter kept up with the flood
        // Frames are parsed in the channel's own thread and handed over in slices of ~6 ms per turn, so the
        // GUI thread keeps turning (worst gaps of 15-50 ms here, BENCHMARKS.md has the figures). The bound
        // asserted is loose on purpose: this must catch a freeze, not flake on a loaded CI machine.
        QVERIFY2(worst < 500, "the event loop stalled for half a second or more");
        QVERIFY2(ticks >= 3, "the 10 ms timer hardly ever fired during the flood");
#ifdef PIKKU_TSAN
        // ThreadSanitizer (build-tsan/) keeps shadow memory for every heap byte the flood touched, several
        // times its size (+192 MiB measured): the bound is asserted in the normal and the ASan runs.
        qInfo("the RSS bound is not asserted under ThreadSanitizer");
#else
        QVERIFY2(rssAfter - rssBefore < 150 * 1024, "memory grew by more than 150 MiB for a 100k-message cap");
#endif
        flood.kill();
        flood.waitForFinished(2000);
    }

    void identityLineNamesTheServiceKey()
    {
        QVERIFY(ensureLive());
        ChannelInspectorPage page(m_liveContext.get());
        page.resize(1200, 640);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        ChannelTab *tab = page.currentChannel();
        // Pre-filled with the live channel /console/info lists (the same URL as the local guess here).
        QTRY_COMPARE_WITH_TIMEOUT(tab->url(), liveUrl(), 10000);
        auto *ask = tab->findChild<QCheckBox *>(QStringLiteral("whoamiCheck"));
        QVERIFY(ask->isChecked());   // default on for /console/live
        auto *line = tab->findChild<QLabel *>(QStringLiteral("identityLine"));
        QVERIFY(!line->isVisible());  // nothing to say before a connection
        QVERIFY(openAsKey(tab, m_serviceKey));
        QTRY_VERIFY_WITH_TIMEOUT(tab->identityText().startsWith(QStringLiteral("as svc-backup")), 10000);
        QVERIFY2(tab->identityText().contains(QStringLiteral("via api-key 'backup-ws'")), qPrintable(tab->identityText()));
        QVERIFY2(tab->identityText().contains(QStringLiteral("permissions ws:connect")), qPrintable(tab->identityText()));
        QVERIFY(line->isVisible());
        QVERIFY(line->toolTip().contains(QStringLiteral("key id")));

        // Some traffic for the screenshot: the subscription is refused to a service key (admin only).
        QTest::mouseClick(tab->findChild<QToolButton *>(QStringLiteral("quick_list")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(tab->log()->receivedCount() >= 2, 10000);
        tab->findChild<QPlainTextEdit *>(QStringLiteral("composer"))->setPlainText(QStringLiteral(R"({"action":"echo","hello":"from the inspector"})"));
        QVERIFY(tab->sendComposer());
        QTRY_VERIFY_WITH_TIMEOUT(tab->log()->receivedCount() >= 3, 10000);
        tab->log()->flush();
        auto *view = tab->findChild<QTableView *>(QStringLiteral("logView"));
        view->setCurrentIndex(tab->filter()->index(2, 0));   // the whoami reply, paired with its request
        if (!qEnvironmentVariableIsEmpty("PIKKU_SCREENSHOT_DIR")) {
            QVERIFY(tab->saveMessage(QStringLiteral("echo hello"), QStringLiteral(R"({"action":"echo","hello":"from the inspector"})")));
            QTest::qWait(200);
            page.grab().save(qEnvironmentVariable("PIKKU_SCREENSHOT_DIR") + QStringLiteral("/inspector-live.png"));
            tab->deleteSavedMessage(QStringLiteral("echo hello"));
        }

        // Without whoami (unticked, remembered for the URL): only the credential kind.
        tab->disconnectChannel();
        QTRY_COMPARE(tab->socket()->state(), ChannelSocket::State::Closed);
        ask->setChecked(false);
        tab->connectChannel();
        QTRY_COMPARE_WITH_TIMEOUT(tab->socket()->state(), ChannelSocket::State::Open, 10000);
        QTRY_VERIFY(tab->identityText().startsWith(QStringLiteral("as a service key")));
        QTest::qWait(300);
        QVERIFY2(!tab->identityText().contains(QStringLiteral("svc-backup")), qPrintable(tab->identityText()));
        tab->disconnectChannel();
        QTRY_COMPARE(tab->socket()->state(), ChannelSocket::State::Closed);
        ChannelInspectorPage again(m_liveContext.get());
        QTRY_COMPARE_WITH_TIMEOUT(again.currentChannel()->url(), liveUrl(), 10000);
        QVERIFY(!again.currentChannel()->findChild<QCheckBox *>(QStringLiteral("whoamiCheck"))->isChecked());
        again.currentChannel()->findChild<QCheckBox *>(QStringLiteral("whoamiCheck"))->setChecked(true);
    }

    void composerHistoryAndSavedMessagesPersist()
    {
        QVERIFY(ensureLive());
        {
            ChannelInspectorPage page(m_liveContext.get());
            page.show();
            QVERIFY(QTest::qWaitForWindowExposed(&page));
            ChannelTab *tab = page.currentChannel();
            QTRY_COMPARE_WITH_TIMEOUT(tab->url(), liveUrl(), 10000);
            QVERIFY(openAsKey(tab, m_serviceKey));
            auto *composer = tab->findChild<QPlainTextEdit *>(QStringLiteral("composer"));
            for (int i = 0; i < 55; ++i) {
                composer->setPlainText(QStringLiteral(R"({"action":"echo","i":%1})").arg(i));
                QVERIFY(tab->sendComposer());
            }
            QCOMPARE(tab->history().size(), 50);   // the last 50 kept

            // Save… asks a name (a dialog opened with open()), then the message is in the list.
            composer->setPlainText(QStringLiteral(R"({"action": "echo", "saved": true})"));
            QTest::mouseClick(tab->findChild<QToolButton *>(QStringLiteral("saveMessageButton")), Qt::LeftButton);
            QInputDialog *dlg = nullptr;
            QTRY_VERIFY((dlg = tab->findChild<QInputDialog *>(QStringLiteral("saveMessageDialog"))) != nullptr);
            dlg->setTextValue(QStringLiteral("echo saved"));
            dlg->accept();
            QCOMPARE(tab->savedMessageNames(), QStringList{QStringLiteral("echo saved")});
            QVERIFY(tab->saveMessage(QStringLiteral("doomed"), QStringLiteral(R"({"action":"list"})")));
            QVERIFY(!tab->saveMessage(QStringLiteral("bad"), QStringLiteral("{nope")));   // not JSON: refused
            tab->disconnectChannel();
            QTRY_COMPARE(tab->socket()->state(), ChannelSocket::State::Closed);
        }
        // A new page (as after a restart) with the same settings.
        m_liveServices->settings()->sync();
        ChannelInspectorPage page(m_liveContext.get());
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        ChannelTab *tab = page.currentChannel();
        QTRY_COMPARE_WITH_TIMEOUT(tab->url(), liveUrl(), 10000);
        QCOMPARE(tab->savedMessageNames(), (QStringList{QStringLiteral("echo saved"), QStringLiteral("doomed")}));
        QCOMPARE(tab->history().size(), 50);
        QCOMPARE(tab->history().first(), QStringLiteral(R"({"action":"echo","i":5})"));
        QCOMPARE(tab->history().last(), QStringLiteral(R"({"action":"echo","i":54})"));
        auto *box = tab->findChild<QComboBox *>(QStringLiteral("savedBox"));
        QCOMPARE(box->count(), 3);
        box->setCurrentIndex(1);
        emit box->activated(1);
        const QString loaded = tab->findChild<QPlainTextEdit *>(QStringLiteral("composer"))->toPlainText();
        QVERIFY2(loaded.contains(QStringLiteral("\"saved\": true")), qPrintable(loaded));
        box->setCurrentIndex(2);
        QTest::mouseClick(tab->findChild<QToolButton *>(QStringLiteral("deleteSavedButton")), Qt::LeftButton);
        QCOMPARE(tab->savedMessageNames(), QStringList{QStringLiteral("echo saved")});
        // Another URL has its own (empty) history.
        tab->setUrl(QUrl(QStringLiteral("ws://127.0.0.1:1/elsewhere")));
        QVERIFY(tab->history().isEmpty());
        QVERIFY(tab->savedMessageNames().isEmpty());
        tab->setUrl(liveUrl());
        QCOMPARE(tab->history().size(), 50);
    }

    // A frame that contains the active credential (the key it is connected with, the session token) is
    // sent but never kept: not in the history, not in the settings file, not as a saved message. The
    // history can be switched off (remembered), which also erases what was stored.
    void composerNeverStoresTheCredential()
    {
        QVERIFY(ensureLive());
        auto settingsFile = [this] {
            m_liveServices->settings()->sync();
            QFile f(m_liveIni);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        };
        const QString token = m_liveServices->session()->token();
        QVERIFY(token.size() >= 16);
        ChannelInspectorPage page(m_liveContext.get());
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        ChannelTab *tab = page.currentChannel();
        QTRY_COMPARE_WITH_TIMEOUT(tab->url(), liveUrl(), 10000);
        QVERIFY(openAsKey(tab, m_serviceKey));
        auto *keep = tab->findChild<QCheckBox *>(QStringLiteral("keepHistory"));
        QVERIFY(keep);
        QVERIFY(keep->isChecked());   // on by default
        auto *composer = tab->findChild<QPlainTextEdit *>(QStringLiteral("composer"));
        const qint64 sentBefore = tab->socket()->sent();

        composer->setPlainText(QStringLiteral(R"({"action":"echo","marker":"plain-frame-1"})"));
        QVERIFY(tab->sendComposer());
        composer->setPlainText(QStringLiteral(R"({"action":"echo","oops":"%1"})").arg(m_serviceKey));
        QVERIFY(tab->sendComposer());   // it does go out: the admin asked for it
        composer->setPlainText(QStringLiteral(R"({"action":"echo","pasted":"Bearer %1"})").arg(token));
        QVERIFY(tab->sendComposer());
        QCOMPARE(tab->socket()->sent(), sentBefore + 3);
        QVERIFY(tab->findChild<QLabel *>(QStringLiteral("composerState"))->text().contains(QStringLiteral("not kept")));
        QVERIFY(tab->history().contains(QStringLiteral(R"({"action":"echo","marker":"plain-frame-1"})")));
        for (const QString &h : tab->history()) {
            QVERIFY2(!h.contains(m_serviceKey), qPrintable(h));
            QVERIFY2(!h.contains(token), qPrintable(h));
        }
        // Nor saved under a name.
        QVERIFY(!tab->saveMessage(QStringLiteral("with key"), QStringLiteral(R"({"k":"%1"})").arg(m_serviceKey)));
        QVERIFY(!tab->savedMessageNames().contains(QStringLiteral("with key")));
        QByteArray file = settingsFile();
        QVERIFY(file.contains("plain-frame-1"));   // the file is the one written
        QVERIFY(!file.contains(m_serviceKey.toUtf8()));
        QVERIFY(!file.contains(token.toUtf8()));

        // History off: erased from memory and file, nothing new kept, and the choice is remembered.
        keep->setChecked(false);
        QVERIFY(tab->history().isEmpty());
        composer->setPlainText(QStringLiteral(R"({"action":"echo","marker":"plain-frame-2"})"));
        QVERIFY(tab->sendComposer());
        QVERIFY(tab->history().isEmpty());
        file = settingsFile();
        QVERIFY(!file.contains("plain-frame-1"));
        QVERIFY(!file.contains("plain-frame-2"));
        QVERIFY(!file.contains("history="));
        tab->disconnectChannel();
        QTRY_COMPARE(tab->socket()->state(), ChannelSocket::State::Closed);
        {
            ChannelInspectorPage again(m_liveContext.get());
            ChannelTab *t2 = again.currentChannel();
            QTRY_COMPARE_WITH_TIMEOUT(t2->url(), liveUrl(), 10000);
            QVERIFY(!t2->findChild<QCheckBox *>(QStringLiteral("keepHistory"))->isChecked());
            QVERIFY(t2->history().isEmpty());
            t2->findChild<QCheckBox *>(QStringLiteral("keepHistory"))->setChecked(true);   // back on for later tests
        }
        QVERIFY(m_liveServices->settings()->value(QStringLiteral("channelInspector/keepHistory")).toBool());
    }

    void rememberedKeyGoesToTheSecretStoreOnly()
    {
        QVERIFY(ensureLive());
        const QString entry = ChannelTab::keychainEntry(liveUrl());
        QVERIFY(entry.startsWith(QStringLiteral("channel-key:ws://127.0.0.1:")));
        QCOMPARE(readSecret(m_liveSecrets, entry).status, SecretResult::Status::NotFound);
        {
            ChannelInspectorPage page(m_liveContext.get());
            ChannelTab *tab = page.currentChannel();
            QTRY_COMPARE_WITH_TIMEOUT(tab->url(), liveUrl(), 10000);
            QVERIFY(openAsKey(tab, m_serviceKey, true));
            QTRY_VERIFY_WITH_TIMEOUT(readSecret(m_liveSecrets, entry).ok(), 10000);
            QCOMPARE(readSecret(m_liveSecrets, entry).data, m_serviceKey.toUtf8());
            tab->disconnectChannel();
            QTRY_COMPARE(tab->socket()->state(), ChannelSocket::State::Closed);
        }
        m_liveServices->settings()->sync();
        QFile ini(m_liveIni);
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray onDisk = ini.readAll();
        QVERIFY(onDisk.contains("keyInKeychain=true"));   // only the flag
        QVERIFY2(!onDisk.contains(m_serviceKey.toUtf8()), "the key reached the settings file");

        // The same URL with that identity again: the key comes back from the store, and connects.
        ChannelInspectorPage page(m_liveContext.get());
        ChannelTab *tab = page.currentChannel();
        QTRY_COMPARE_WITH_TIMEOUT(tab->url(), liveUrl(), 10000);
        tab->findChild<QComboBox *>(QStringLiteral("identityBox"))->setCurrentIndex(1);
        auto *keyEdit = tab->findChild<QLineEdit *>(QStringLiteral("keyEdit"));
        QTRY_COMPARE(keyEdit->text(), m_serviceKey);
        QVERIFY(tab->findChild<QCheckBox *>(QStringLiteral("rememberKeyCheck"))->isChecked());
        auto *forget = tab->findChild<QToolButton *>(QStringLiteral("forgetKeyButton"));
        QVERIFY(!forget->isHidden());
        tab->connectChannel();
        QTRY_COMPARE_WITH_TIMEOUT(tab->socket()->state(), ChannelSocket::State::Open, 10000);
        tab->disconnectChannel();
        QTRY_COMPARE(tab->socket()->state(), ChannelSocket::State::Closed);

        // Forget deletes it from the store and the flag from the settings.
        QTest::mouseClick(forget, Qt::LeftButton);
        QTRY_COMPARE(readSecret(m_liveSecrets, entry).status, SecretResult::Status::NotFound);
        QTRY_VERIFY(forget->isHidden());
        m_liveServices->settings()->sync();
        QFile rewritten(m_liveIni);   // QSettings replaces the file: read the new one
        QVERIFY(rewritten.open(QIODevice::ReadOnly));
        QVERIFY(!rewritten.readAll().contains("keyInKeychain"));
    }

    // The admin's session goes only to its own origin: on another host (or port) "As me" is not offered
    // and says why, a connect as me is refused before anything is sent, and a key typed for one URL is
    // cleared when the tab moves to another.
    void bearerIsOfferedOnlyOnTheSessionsOrigin()
    {
        QVERIFY(ensureLive());
        ChannelInspectorPage page(m_liveContext.get());
        ChannelTab *tab = page.currentChannel();
        QTRY_COMPARE_WITH_TIMEOUT(tab->url(), liveUrl(), 10000);
        auto *identity = tab->findChild<QComboBox *>(QStringLiteral("identityBox"));
        auto *model = qobject_cast<QStandardItemModel *>(identity->model());
        QVERIFY(model);
        QVERIFY(model->item(0)->isEnabled());

        // A foreign URL (another port on loopback: another origin), as /console/info or a paste could set it.
        QWebSocketServer foreign(QStringLiteral("foreign"), QWebSocketServer::NonSecureMode);
        QVERIFY(foreign.listen(QHostAddress::LocalHost, 0));
        QSignalSpy knocks(&foreign, &QWebSocketServer::newConnection);
        identity->setCurrentIndex(0);
        tab->setUrl(QUrl(QStringLiteral("ws://127.0.0.1:%1/console/live").arg(foreign.serverPort())));
        QVERIFY(!model->item(0)->isEnabled());
        QVERIFY(model->item(0)->toolTip().contains(QStringLiteral("never sent to another host")));
        QCOMPARE(identity->currentIndex(), 1);   // moved off "As me"
        identity->setCurrentIndex(0);            // forced back (as a script could): still refused
        tab->connectChannel();
        // Refused before anything starts: the socket never left its idle state, the server saw no one.
        QCOMPARE(tab->socket()->state(), ChannelSocket::State::Idle);
        QCOMPARE(knocks.size(), 0);

        // A key typed for the foreign URL is cleared when the tab moves back to the live channel.
        identity->setCurrentIndex(1);
        auto *keyEdit = tab->findChild<QLineEdit *>(QStringLiteral("keyEdit"));
        QTest::keyClicks(keyEdit, QStringLiteral("typed-for-the-foreign-host"));
        tab->setUrl(liveUrl());
        QVERIFY(keyEdit->text().isEmpty());
        QVERIFY(model->item(0)->isEnabled());
    }

    void unavailableKeychainKeepsTheKeyInMemory()
    {
        QVERIFY(ensureLive());
        Services services(std::make_unique<SystemClock>(), new UnavailableSecretStore,
                          new QSettings(m_dir.filePath(QStringLiteral("nokeychain.ini")), QSettings::IniFormat));
        AppContext context(&services);
        ChannelInspectorPage page(&context);
        page.show();   // the banner reports text only while shown
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        ChannelTab *tab = page.currentChannel();
        tab->setUrl(liveUrl());
        QVERIFY(openAsKey(tab, m_serviceKey, true));
        auto *banner = tab->findChild<MessageBanner *>();
        QTRY_VERIFY2_WITH_TIMEOUT(banner->text().contains(QStringLiteral("unavailable")), qPrintable(banner->text()), 5000);
        QVERIFY(banner->text().contains(QStringLiteral("memory only")));
        QVERIFY(!tab->findChild<QCheckBox *>(QStringLiteral("rememberKeyCheck"))->isChecked());
        QCOMPARE(tab->socket()->state(), ChannelSocket::State::Open);   // the channel itself is unaffected
        services.settings()->sync();
        QFile ini(m_dir.filePath(QStringLiteral("nokeychain.ini")));
        QVERIFY(!ini.open(QIODevice::ReadOnly) || !ini.readAll().contains(m_serviceKey.toUtf8()));
        tab->disconnectChannel();
        QTRY_COMPARE(tab->socket()->state(), ChannelSocket::State::Closed);
    }
};

QTEST_MAIN(TestChannelGui)
#include "tst_channel_gui.moc"
