// Issue 10, "no secret at rest": sign-in, mint, rotate, channel-as-key and logout, once through the CLI (the
// real binary) and once through the GUI (the real widgets, the real keychain, the real settings file), against
// the real dev server, with every logging category on. Then neither the session tokens nor any minted key may
// be found, raw, base64, base64url, percent-encoded or UTF-16, in:
//  - any file under HOME and the XDG folders (all pointed into this test's throwaway folder; gnome-keyring's own
//    file is there too, and must be encrypted: it is searched like the rest);
//  - any log line: the CLI's stderr (and its stdout, except the one place a secret is meant to go: the stdout of
//    `keys mint` / `keys rotate`, which must hold it, a check that the search finds what it looks for), and every
//    message of this process (qInstallMessageHandler);
//  - the arguments of any child process: the CLI's own (built here), and xdg-open / $BROWSER, stubs on PATH
//    that record their argv.
// Runs under tests/support/with-keyring.sh (a private D-Bus session and gnome-keyring in a temporary folder).
#include "DevServer.h"
#include "TestEnv.h"
#include "core/AuthTypes.h"
#include "services/Services.h"
#include "gui/ApiKeysPage.h"
#include "gui/AppContext.h"
#include "gui/ChannelInspectorPage.h"
#include "gui/ChannelTab.h"
#include "gui/Clipboard.h"
#include "gui/Dialogs.h"
#include "gui/MainWindow.h"
#include "gui/MintKeyDialog.h"
#include "gui/RevealKeyDialog.h"
#include "gui/RotateKeyDialog.h"
#include "gui/SignInDialog.h"
#include "services/models/ApiKeysModel.h"
#include "net/ChannelSocket.h"
#include "net/ConsoleApi.h"
#include "net/HttpClient.h"
#include "net/KeychainSecretStore.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSet>
#include <QTableView>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <mutex>
#include <optional>

namespace {

std::mutex g_logMutex;
QList<QByteArray> g_log;   // every message of this process, as formatted text
QtMessageHandler g_original = nullptr;   // Qt's own, before main() installed the capture
QtMessageHandler g_previous = nullptr;   // where warnings go on: Qt's, then QTest's while the tests run

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &msg)
{
    {
        const std::lock_guard<std::mutex> lock(g_logMutex);
        g_log << (QByteArray(context.category ? context.category : "default") + ": " + msg.toUtf8());
    }
    // Only the test's own verdicts reach the terminal: every category is on, and Qt's debug output is huge.
    if (type != QtDebugMsg && type != QtInfoMsg && g_previous)
        g_previous(type, context, msg);
}

QByteArray b64(const QByteArray &b, QByteArray::Base64Options o) { return b.toBase64(o); }

struct Needle
{
    QString form;
    QByteArray bytes;
};

// Every form a secret may take in a file or a line. Base64 of a secret inside a longer text depends on where it
// starts modulo 3: for each alignment, the characters that encode the secret's bytes alone (the groups it
// shares with its neighbours dropped).
QList<Needle> needlesFor(const QString &secret)
{
    const QByteArray raw = secret.toUtf8();
    QList<Needle> out{{QStringLiteral("raw"), raw},
                      {QStringLiteral("percent-encoded"), QUrl::toPercentEncoding(secret)},
                      {QStringLiteral("UTF-16"), QByteArray(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2)}};
    for (int shift = 0; shift < 3; ++shift) {
        const QByteArray padded = QByteArray(shift, 'x') + raw;
        for (const auto &[name, opts] : {std::pair{"base64", QByteArray::Base64Encoding},
                                         std::pair{"base64url", QByteArray::Base64UrlEncoding}}) {
            const QByteArray enc = b64(padded, opts);
            const qsizetype head = shift ? 4 : 0;             // the first group mixes the neighbour's bytes
            const qsizetype full = padded.size() / 3 * 4;     // a partial last group mixes the next ones
            if (full - head < 16)
                continue;
            out << Needle{QStringLiteral("%1 (offset %2)").arg(QLatin1String(name)).arg(shift), enc.mid(head, full - head)};
        }
    }
    return out;
}

} // namespace

class TestNoSecretAtRest : public QObject
{
    Q_OBJECT
private:
    DevServer m_server;
    HttpClient m_http;
    QString m_root;            // HOME and every XDG folder live here
    QString m_argvLog;         // what the xdg-open / $BROWSER stubs were started with
    QString m_service;         // keychain service of this test
    QList<std::pair<QString, QString>> m_secrets;   // (what, value)
    QList<std::pair<QString, QByteArray>> m_outputs;   // (where, text): CLI output that must not hold a secret
    QStringList m_childArgs;   // the argv of every CLI process started here

    ServerEndpoint endpoint() const { return TestEnv::endpointFor(m_server.url()); }

    void addSecret(const QString &what, const QString &value)
    {
        QVERIFY2(value.size() >= 16, qPrintable(what));
        m_secrets << std::pair{what, value};
    }

    std::unique_ptr<QProcess> start(const QStringList &args, const QProcessEnvironment &extra = {})
    {
        auto p = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();   // HOME, XDG_*, PATH, QT_LOGGING_RULES
        env.insert(QStringLiteral("PIKKU_ADMIN_KEYCHAIN_SERVICE"), m_service);
        env.insert(QStringLiteral("PIKKU_ADMIN_SERVER"), endpoint().key());
        for (const QString &k : extra.keys())
            env.insert(k, extra.value(k));
        p->setProcessEnvironment(env);
        m_childArgs << QStringLiteral(PIKKU_ADMIN_BINARY) + QLatin1Char(' ') + args.join(QLatin1Char(' '));
        p->start(QStringLiteral(PIKKU_ADMIN_BINARY), args + QStringList{QStringLiteral("--verbose")});
        return p;
    }

    // Waits for the CLI, keeps its stderr (always searched) and returns its stdout; the stdout is searched
    // too unless the caller takes it as the place a secret belongs.
    std::optional<QByteArray> finish(QProcess *p, const QString &what, int expectExit, bool stdoutMayHoldSecret = false)
    {
        if (!QTest::qWaitFor([p] { return p->state() == QProcess::NotRunning; }, 60000))
            p->kill();
        (void)QTest::qWaitFor([p] { return p->state() == QProcess::NotRunning; }, 5000);
        const QByteArray out = p->readAllStandardOutput();
        const QByteArray err = p->readAllStandardError();
        m_outputs << std::pair{what + QStringLiteral(" (stderr)"), err};
        if (!stdoutMayHoldSecret)
            m_outputs << std::pair{what + QStringLiteral(" (stdout)"), out};
        const int code = p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -1;
        if (code != expectExit)
            qWarning("%s: exit %d (expected %d): %s", qPrintable(what), code, expectExit, err.right(2000).constData());
        if (code != expectExit)
            return std::nullopt;
        return out;
    }

    std::optional<QByteArray> run(const QStringList &args, int expectExit = 0, bool stdoutMayHoldSecret = false,
                   const QProcessEnvironment &extra = {})
    {
        auto p = start(args, extra);
        return finish(p.get(), args.first() + QLatin1Char(' ') + args.value(1), expectExit, stdoutMayHoldSecret);
    }

    // The session the CLI keeps in the keychain for the dev server (read back through the same store).
    std::optional<StoredSession> keychainSession()
    {
        KeychainSecretStore store(m_service);
        QObject ctx;
        std::optional<SecretResult> r;
        store.read(endpoint().key(), &ctx, [&r](const SecretResult &s) { r = s; });
        if (!QTest::qWaitFor([&r] { return r.has_value(); }, 15000) || !r->ok())
            return std::nullopt;
        return StoredSession::fromKeychainData(r->data);
    }

    template<typename T>
    T *waitForVisible(const char *name)
    {
        T *w = nullptr;
        (void)QTest::qWaitFor([&] {
            for (QWidget *top : QApplication::topLevelWidgets()) {
                if (auto *t = qobject_cast<T *>(top); t && t->objectName() == QLatin1String(name) && t->isVisible())
                    return (w = t) != nullptr;
                if (auto *c = top->findChild<T *>(QLatin1String(name)); c && c->isVisible())
                    return (w = c) != nullptr;
            }
            return false;
        }, 15000);
        return w;
    }

    // Where each secret shows up in `haystack` (empty when nowhere).
    QStringList findSecrets(const QByteArray &haystack, const QString &where) const
    {
        QStringList found;
        for (const auto &[what, value] : m_secrets)
            for (const Needle &n : needlesFor(value))
                if (haystack.contains(n.bytes))
                    found << QStringLiteral("%1 (%2) in %3").arg(what, n.form, where);
        return found;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"), "needs with-keyring.sh");
        m_root = qEnvironmentVariable("PIKKU_TEST_ROOT");
        QVERIFY(!m_root.isEmpty());
        for (const char *var : {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR"})
            QVERIFY2(qEnvironmentVariable(var).startsWith(m_root + QLatin1Char('/')) || qEnvironmentVariable(var) == m_root, var);
        m_argvLog = m_root + QStringLiteral("/child-argv.log");
        m_service = TestEnv::uniqueKeychainService();
        // QTest::qExec put its own handler in place of the one main() installed (and does not pass messages on):
        // capture again, in front of it.
        g_previous = qInstallMessageHandler(captureMessage);
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    }

    void cleanupTestCase()
    {
        qInstallMessageHandler(g_previous);
        g_previous = g_original;
    }

    // The search itself finds each form (else a green run would prove nothing).
    void needlesFindEveryForm()
    {
        const QString secret = QStringLiteral("pk_Zx81-ab_cdEFgh1234567890+/secret");
        const QByteArray raw = secret.toUtf8();
        const auto hits = [&](const QByteArray &hay) {
            for (const Needle &n : needlesFor(secret))
                if (hay.contains(n.bytes))
                    return true;
            return false;
        };
        QVERIFY(hits("token=" + raw + "; path=/"));
        for (int shift = 0; shift < 3; ++shift) {
            const QByteArray wrapped = QByteArray(shift, 'q') + raw + "tail";
            QVERIFY(hits("x" + wrapped.toBase64() + "y"));
            QVERIFY(hits(wrapped.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)));
        }
        QVERIFY(hits("a=" + QUrl::toPercentEncoding(secret)));
        QVERIFY(hits(QByteArray(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2)));
        QVERIFY(!hits("pk_Zx81-ab_cdEFgh123456789"));
    }

    void throughTheCli()
    {
        // Sign in with the device flow; the browser opener (a stub: a display is claimed) gets the URL.
        QProcessEnvironment display;
        display.insert(QStringLiteral("DISPLAY"), QStringLiteral(":97"));
        auto login = start({QStringLiteral("login"), QStringLiteral("--json")}, display);
        QVERIFY(QTest::qWaitFor([&] { return login->canReadLine() || login->state() == QProcess::NotRunning; }, 30000));
        const QByteArray first = login->readLine();
        m_outputs << std::pair{QStringLiteral("login (first line)"), first};
        const QString userCode = QJsonDocument::fromJson(first).object().value(QStringLiteral("userCode")).toString();
        QVERIFY2(!userCode.isEmpty(), first.constData());
        QCOMPARE(TestEnv::decideDeviceCode(&m_http, endpoint(), userCode, true), QString());
        QVERIFY(finish(login.get(), QStringLiteral("login"), 0));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_argvLog), 10000);   // xdg-open was started (detached)

        const auto stored = keychainSession();
        QVERIFY(stored);
        QVERIFY(!stored->token.isEmpty());
        addSecret(QStringLiteral("the CLI's session token"), stored->token);

        // A service user, a key minted for it, then rotated.
        const QString userId = QString::fromUtf8(run({QStringLiteral("users"), QStringLiteral("create"), QStringLiteral("svc-at-rest")})
                                                     .value_or(QByteArray())).trimmed();
        QVERIFY(!userId.isEmpty());
        const QByteArray mintedOut = run({QStringLiteral("keys"), QStringLiteral("mint"), QStringLiteral("--user"), userId, QStringLiteral("--name"),
                                          QStringLiteral("at-rest"), QStringLiteral("--rate-limit"), QStringLiteral("off"), QStringLiteral("--json")},
                                         0, true).value_or(QByteArray());
        const QJsonObject minted = QJsonDocument::fromJson(mintedOut).object();
        const QString key1 = minted.value(QStringLiteral("key")).toString();
        const QString keyId = minted.value(QStringLiteral("apiKey")).toObject().value(QStringLiteral("id")).toString();
        QVERIFY2(!key1.isEmpty() && !keyId.isEmpty(), mintedOut.constData());
        addSecret(QStringLiteral("the CLI's minted key"), key1);
        QVERIFY(!findSecrets(mintedOut, QStringLiteral("mint")).isEmpty());   // the search sees it where it belongs
        const QByteArray rotated = run({QStringLiteral("keys"), QStringLiteral("rotate"), keyId, QStringLiteral("--overlap"), QStringLiteral("5m")},
                                       0, true).value_or(QByteArray());
        const QString key2 = QString::fromUtf8(rotated).trimmed();
        QVERIFY(!key2.isEmpty() && key2 != key1);
        addSecret(QStringLiteral("the CLI's rotated key"), key2);
        QVERIFY(run({QStringLiteral("keys"), QStringLiteral("list"), QStringLiteral("--user"), userId}));

        // The live channel as the key: from an environment variable, then from standard input.
        QProcessEnvironment keyEnv;
        keyEnv.insert(QStringLiteral("SVC_KEY"), key2);
        const QByteArray whoami = run({QStringLiteral("channel"), QStringLiteral("live"), QStringLiteral("--as-key-env"), QStringLiteral("SVC_KEY"),
                                       QStringLiteral("--send"), QStringLiteral(R"({"action":"whoami"})"), QStringLiteral("--count"), QStringLiteral("1"),
                                       QStringLiteral("--json"), QStringLiteral("--timeout"), QStringLiteral("30")}, 0, false, keyEnv)
                                      .value_or(QByteArray());
        QVERIFY2(whoami.contains("api-key"), whoami.constData());
        auto viaStdin = start({QStringLiteral("channel"), QStringLiteral("live"), QStringLiteral("--as-key-stdin"), QStringLiteral("--send"),
                               QStringLiteral(R"({"action":"whoami"})"), QStringLiteral("--count"), QStringLiteral("1"), QStringLiteral("--timeout"),
                               QStringLiteral("30")});
        QVERIFY(viaStdin->waitForStarted());
        viaStdin->write(key1.toUtf8() + '\n');   // the old key, still inside its overlap
        viaStdin->closeWriteChannel();
        QVERIFY(finish(viaStdin.get(), QStringLiteral("channel --as-key-stdin"), 0));

        // Sign out: the server session is revoked and the keychain entry is gone.
        QVERIFY(run({QStringLiteral("logout"), QStringLiteral("--json")}));
        QVERIFY(!keychainSession());
    }

    void throughTheGui()
    {
        // The real composition root: keychain (this test's service), settings in $XDG_CONFIG_HOME.
        qputenv("PIKKU_ADMIN_KEYCHAIN_SERVICE", m_service.toUtf8());
        Services services;
        QVERIFY(services.settings()->fileName().startsWith(m_root));
        ServerProfile profile;
        profile.url = m_server.url().toString();
        profile.label = QStringLiteral("Dev");
        services.profiles().save(profile);
        services.profiles().setCurrent(profile.key());
        AppContext context(&services);
        MainWindow window(&context);
        window.resize(1100, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.start();
        QTRY_COMPARE_WITH_TIMEOUT(services.profiles().current().authPath, QStringLiteral("/api/auth"), 15000);

        // Sign in through the dialog, the browser button included.
        window.signIn();
        auto *dlg = waitForVisible<SignInDialog>("signInDialog");
        QVERIFY(dlg);
        auto *code = dlg->findChild<QLabel *>(QStringLiteral("userCodeLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(code->text().contains(QLatin1Char('-')) && !code->text().contains(QChar(0x00B7)), 15000);
        QTest::mouseClick(dlg->findChild<QPushButton *>(QStringLiteral("openBrowserButton")), Qt::LeftButton);
        QCOMPARE(TestEnv::decideDeviceCode(&m_http, endpoint(), code->text(), true), QString());
        QTRY_VERIFY_WITH_TIMEOUT(services.session()->isSignedIn(), 20000);
        QVERIFY(services.session()->isPersisted());   // in the keychain
        addSecret(QStringLiteral("the GUI's session token"), services.session()->token());

        // Mint through the dialog for a fresh service user, and reveal once.
        ConsoleApi api(services.http(), services.session());
        const auto user = awaitResult<ServiceUser>([&](QObject *c, auto cb) {
            api.createServiceUser(QStringLiteral("svc-gui-at-rest"), QString(), c, cb);
        });
        QVERIFY(user && user->ok());
        const QString ownerId = user->value().id;
        ApiKeysPage page(&context);
        page.resize(1200, 600);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.reload();
        QTRY_VERIFY_WITH_TIMEOUT(!page.owners().isEmpty(), 15000);
        page.openMintDialogFor(ownerId);
        auto *mint = waitForVisible<MintKeyDialog>("mintKeyDialog");
        QVERIFY(mint);
        QTest::keyClicks(mint->findChild<QLineEdit *>(QStringLiteral("nameEdit")), QStringLiteral("gui-at-rest"));
        mint->findChild<QComboBox *>(QStringLiteral("rateModeBox"))->setCurrentIndex(1);   // off
        QTest::mouseClick(mint->findChild<QPushButton *>(QStringLiteral("mintButton")), Qt::LeftButton);
        auto *reveal = waitForVisible<RevealKeyDialog>("revealKeyDialog");
        QVERIFY(reveal);
        const QString key1 = reveal->findChild<QLabel *>(QStringLiteral("secretField"))->text();
        addSecret(QStringLiteral("the GUI's minted key"), key1);
        QTest::mouseClick(reveal->findChild<QPushButton *>(QStringLiteral("copySecretButton")), Qt::LeftButton);
        reveal->reject();   // copied: closes without asking
        context.clipboard()->clearSecret();

        // Rotate it through the wizard.
        QString keyId;
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            QAbstractItemModel *m = page.view()->model();
            for (int r = 0; r < m->rowCount(); ++r)
                if (m->index(r, ApiKeysModel::NameColumn).data().toString() == QLatin1String("gui-at-rest")) {
                    page.view()->setCurrentIndex(m->index(r, 0));
                    page.view()->selectRow(r);
                    keyId = m->index(r, 0).data(ApiKeysModel::KeyIdRole).toString();
                    return true;
                }
            return false;
        }(), 15000);
        page.findChild<QAction *>(QStringLiteral("rotateAction"))->trigger();
        auto *wizard = waitForVisible<RotateKeyDialog>("rotateKeyDialog");
        QVERIFY(wizard);
        QTest::mouseClick(wizard->findChild<QPushButton *>(QStringLiteral("rotateButton")), Qt::LeftButton);
        auto *reveal2 = waitForVisible<RevealKeyDialog>("revealKeyDialog");
        QVERIFY(reveal2);
        const QString key2 = reveal2->findChild<QLabel *>(QStringLiteral("secretField"))->text();
        QVERIFY(key2 != key1);
        addSecret(QStringLiteral("the GUI's rotated key"), key2);
        QTest::mouseClick(reveal2->findChild<QPushButton *>(QStringLiteral("copySecretButton")), Qt::LeftButton);
        reveal2->reject();
        context.clipboard()->clearSecret();
        QTRY_VERIFY_WITH_TIMEOUT(wizard->isFollowingUp(), 15000);
        QTest::mouseClick(wizard->findChild<QPushButton *>(QStringLiteral("closeButton")), Qt::LeftButton);

        // The live channel as the pasted key, remembered (so it goes to the keychain, and only there).
        {
            ChannelInspectorPage inspector(&context);
            inspector.resize(1200, 640);
            inspector.show();
            ChannelTab *tab = inspector.currentChannel();
            QTRY_VERIFY_WITH_TIMEOUT(tab->url().path().endsWith(QStringLiteral("/console/live")), 15000);
            tab->findChild<QComboBox *>(QStringLiteral("identityBox"))->setCurrentIndex(1);
            tab->findChild<QLineEdit *>(QStringLiteral("keyEdit"))->setText(key2);
            tab->findChild<QCheckBox *>(QStringLiteral("rememberKeyCheck"))->setChecked(true);
            tab->connectChannel();
            QTRY_COMPARE_WITH_TIMEOUT(tab->socket()->state(), ChannelSocket::State::Open, 15000);
            QTRY_VERIFY_WITH_TIMEOUT(tab->identityText().startsWith(QStringLiteral("as svc-gui-at-rest")), 15000);
            tab->disconnectChannel();
            QTRY_COMPARE_WITH_TIMEOUT(tab->socket()->state(), ChannelSocket::State::Closed, 15000);
        }

        // Sign out (confirmed): the server no longer knows the session.
        const QString guiToken = services.session()->token();
        Dialogs::setNextAnswer(true);
        window.signOut();
        QTRY_VERIFY_WITH_TIMEOUT(!services.session()->isSignedIn(), 15000);
        AuthApi auth(&m_http, endpoint());
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            const auto dead = awaitResult<SessionInfo>([&](QObject *c, auto cb) { auth.getSession(guiToken, c, cb); });
            return dead && !dead->ok() && dead->error().kind == ApiError::Kind::Unauthorized;
        }(), 15000);
        services.settings()->sync();
        QVERIFY(QFile::exists(services.settings()->fileName()));
    }

    void nothingAtRestNorInLogsNorArgv()
    {
        QCOMPARE(m_secrets.size(), 6);
        QStringList found;

        // Every file under HOME and the XDG folders (the keyring's own file among them).
        int files = 0, keyrings = 0;
        QDirIterator it(m_root, QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            ++files;
            if (path.endsWith(QStringLiteral(".keyring")))
                ++keyrings;
            found << findSecrets(f.readAll(), path);
        }
        QVERIFY2(files >= 3, qPrintable(QString::number(files)));
        QVERIFY2(keyrings >= 1, "gnome-keyring's file was not found under XDG_DATA_HOME");

        // Every line the CLI printed, and every message of this process.
        for (const auto &[where, text] : m_outputs)
            found << findSecrets(text, where);
        QList<QByteArray> log;
        {
            const std::lock_guard<std::mutex> lock(g_logMutex);
            log = g_log;
        }
        QVERIFY2(log.size() > 10, qPrintable(QString::number(log.size())));
        // The capture saw the console's own categories while the tests ran (not only Qt's start-up).
        QVERIFY(std::any_of(log.cbegin(), log.cend(), [](const QByteArray &l) { return l.startsWith("console."); }));
        QSet<QString> inLog;   // per line, naming the category (never the line: it holds the secret)
        for (const QByteArray &line : log)
            for (const QString &f : findSecrets(line, QStringLiteral("this process's log, category ") + QString::fromUtf8(line.left(line.indexOf(':')))))
                inLog.insert(f);
        found << inLog.values();

        // The arguments of every child process.
        QFile argv(m_argvLog);
        QVERIFY(argv.open(QIODevice::ReadOnly));
        const QByteArray opened = argv.readAll();
        QVERIFY2(opened.contains("/device"), opened.constData());
        found << findSecrets(opened, QStringLiteral("the browser's argv"));
        found << findSecrets(m_childArgs.join(QLatin1Char('\n')).toUtf8(), QStringLiteral("the CLI's argv"));

        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }
};

// HOME and the XDG folders (with-keyring.sh made XDG_RUNTIME_DIR a fresh temporary folder and put the other
// XDG folders and the keyring inside), every logging category on, and the browser openers replaced by stubs
// that record their argv: all before Qt reads any of it.
int main(int argc, char **argv)
{
    const QByteArray root = qgetenv("XDG_RUNTIME_DIR");
    if (root.isEmpty() || !QDir(QString::fromLocal8Bit(root)).exists() || !root.contains("pikku-keyring")) {
        std::fprintf(stderr, "tst_no_secret_at_rest: run it through tests/support/with-keyring.sh\n");
        return 1;
    }
    const QString r = QString::fromLocal8Bit(root);
    qputenv("PIKKU_TEST_ROOT", root);
    qputenv("HOME", root + "/home");
    qputenv("XDG_STATE_HOME", root + "/state");
    for (const QString &d : {QStringLiteral("/home"), QStringLiteral("/state"), QStringLiteral("/bin")})
        QDir().mkpath(r + d);
    const QString log = r + QStringLiteral("/child-argv.log");
    const QByteArray stub = "#!/bin/sh\n{ printf '%s' \"$0\"; for a in \"$@\"; do printf ' %s' \"$a\"; done; printf '\\n'; } >>'"
                            + log.toLocal8Bit() + "'\n";
    for (const char *name : {"xdg-open", "x-www-browser", "sensible-browser", "firefox", "browser-stub"}) {
        QFile f(r + QStringLiteral("/bin/") + QLatin1String(name));
        if (!f.open(QIODevice::WriteOnly) || f.write(stub) != stub.size())
            return 1;
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    qputenv("PATH", root + "/bin:" + qgetenv("PATH"));
    qputenv("BROWSER", root + "/bin/browser-stub");
    qputenv("QT_LOGGING_RULES", "*.debug=true;*.info=true;*.warning=true");
    g_original = g_previous = qInstallMessageHandler(captureMessage);
    int rc = 0;
    {
        QApplication app(argc, argv);
        QApplication::setApplicationName(QStringLiteral("pikku-admin"));
        TestNoSecretAtRest t;
        rc = QTest::qExec(&t, argc, argv);
    }
    // Qt still logs while it unloads after main (every category is on): not into g_log, destroyed by then.
    qInstallMessageHandler(g_original);
    return rc;
}

#include "tst_no_secret_at_rest.moc"
