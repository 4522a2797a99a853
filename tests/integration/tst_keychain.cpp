// The real OS keychain (gnome-keyring on a private D-Bus session, started by with-keyring.sh).
#include <QRegularExpression>
#include "TestEnv.h"
#include "net/KeychainSecretStore.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>

namespace {
SecretResult run(const std::function<void(QObject *, SecretStore::Callback)> &op, int timeoutMs = 15000)
{
    QObject ctx;
    std::optional<SecretResult> out;
    int calls = 0;
    op(&ctx, [&](const SecretResult &r) {
        ++calls;
        out = r;
    });
    (void)QTest::qWaitFor([&] { return out.has_value(); }, timeoutMs);
    if (!out)
        qFatal("keychain call did not answer within %d ms (the store must always answer)", timeoutMs);
    QTest::qWait(50);
    if (calls != 1)
        qFatal("callback ran %d times", calls);
    return *out;
}

QString secretTool(const QStringList &args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("secret-tool"), args);
    p.waitForFinished(10000);
    return QString::fromUtf8(p.readAllStandardOutput());
}
} // namespace

class TestKeychain : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "run under tests/support/with-keyring.sh (ctest does this): it needs a D-Bus session with gnome-keyring");
    }

    void roundTrip()
    {
        const QString service = TestEnv::uniqueKeychainService();
        KeychainSecretStore store(service);
        const QString key = QStringLiteral("http://127.0.0.1:3000");
        const QByteArray secret = R"({"token":"tok-123","v":1})";

        QCOMPARE(run([&](QObject *c, auto cb) { store.read(key, c, cb); }).status, SecretResult::Status::NotFound);
        const SecretResult w = run([&](QObject *c, auto cb) { store.write(key, secret, c, cb); });
        QVERIFY2(w.ok(), qPrintable(w.error));
        const SecretResult r = run([&](QObject *c, auto cb) { store.read(key, c, cb); });
        QVERIFY(r.ok());
        QCOMPARE(r.data, secret);

        // It really is in gnome-keyring, under service + key, as the README says.
        const QString found = secretTool({QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("server"), service});
        QVERIFY2(found.contains(QStringLiteral("attribute.user = ") + key), qPrintable(found));

        QVERIFY(run([&](QObject *c, auto cb) { store.remove(key, c, cb); }).ok());
        QCOMPARE(run([&](QObject *c, auto cb) { store.read(key, c, cb); }).status, SecretResult::Status::NotFound);
        // deleting what is not there is fine
        QVERIFY(run([&](QObject *c, auto cb) { store.remove(key, c, cb); }).ok());
    }

    void entriesArePerServer()
    {
        KeychainSecretStore store(TestEnv::uniqueKeychainService() + QStringLiteral("-multi"));
        QVERIFY(run([&](QObject *c, auto cb) { store.write(QStringLiteral("https://a.example.com"), "A", c, cb); }).ok());
        QVERIFY(run([&](QObject *c, auto cb) { store.write(QStringLiteral("https://b.example.com"), "B", c, cb); }).ok());
        QCOMPARE(run([&](QObject *c, auto cb) { store.read(QStringLiteral("https://a.example.com"), c, cb); }).data, QByteArray("A"));
        QCOMPARE(run([&](QObject *c, auto cb) { store.read(QStringLiteral("https://b.example.com"), c, cb); }).data, QByteArray("B"));
        run([&](QObject *c, auto cb) { store.remove(QStringLiteral("https://a.example.com"), c, cb); });
        run([&](QObject *c, auto cb) { store.remove(QStringLiteral("https://b.example.com"), c, cb); });
    }

    void jobThatDoesNotAnswerInTimeIsUnavailable()
    {
        // A 1 ms budget: the D-Bus round trip cannot make it, so the timeout must win, exactly once,
        // and the late answer of the real job must be ignored.
        KeychainSecretStore store(TestEnv::uniqueKeychainService(), 1);
        const SecretResult r = run([&](QObject *c, auto cb) { store.read(QStringLiteral("k"), c, cb); });
        QCOMPARE(r.status, SecretResult::Status::Unavailable);
        QVERIFY2(r.error.contains(QStringLiteral("did not answer")), qPrintable(r.error));
        QTest::qWait(300);   // the real job finishes now; run() already checked the callback ran once
    }

    void answeredJobsSayNothingLater()
    {
        // A job that answers in time leaves no "did not answer" warning behind when its deadline passes.
        QTest::failOnWarning(QRegularExpression(QStringLiteral("did not answer")));
        KeychainSecretStore store(TestEnv::uniqueKeychainService(), 1000);
        QVERIFY(run([&](QObject *c, auto cb) { store.write(QStringLiteral("k"), "v", c, cb); }).ok());
        QVERIFY(run([&](QObject *c, auto cb) { store.read(QStringLiteral("k"), c, cb); }).ok());
        QVERIFY(run([&](QObject *c, auto cb) { store.remove(QStringLiteral("k"), c, cb); }).ok());
        QTest::qWait(1300);   // past every deadline: an absence cannot be awaited any other way
    }

    void lateWriteIsTakenOutAgain()
    {
        // The caller was told "not remembered" (the deadline passed); the write then lands in the keychain.
        // It must not stay there.
        static QAtomicInt lateWrites;
        lateWrites = 0;
        static QtMessageHandler previous = nullptr;
        previous = qInstallMessageHandler([](QtMsgType t, const QMessageLogContext &c, const QString &m) {
            if (m.contains(QStringLiteral("answered after its deadline")))
                lateWrites.fetchAndAddOrdered(1);
            previous(t, c, m);
        });
        const QString service = TestEnv::uniqueKeychainService();
        KeychainSecretStore late(service, 1);
        const SecretResult w = run([&](QObject *c, auto cb) { late.write(QStringLiteral("k"), "secret", c, cb); });
        QCOMPARE(w.status, SecretResult::Status::Unavailable);
        QTRY_COMPARE_WITH_TIMEOUT(lateWrites.loadAcquire(), 1, 10000);
        qInstallMessageHandler(previous);
        KeychainSecretStore store(service);
        QTRY_COMPARE_WITH_TIMEOUT(run([&](QObject *c, auto cb) { store.read(QStringLiteral("k"), c, cb); }).status,
                                  SecretResult::Status::NotFound, 5000);
    }

    void missingKeychainIsUnavailableQuickly()
    {
        // A child process whose session bus has no Secret Service: it must fail fast, not hang.
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/pikku-bus"));
        env.insert(QStringLiteral("PIKKU_ADMIN_KEYCHAIN_SERVICE"), TestEnv::uniqueKeychainService());
        env.remove(QStringLiteral("DISPLAY"));
        p.setProcessEnvironment(env);
        QElapsedTimer t;
        t.start();
        p.start(QStringLiteral(PIKKU_ADMIN_BINARY), {QStringLiteral("whoami"), QStringLiteral("--server"),
                                                    QStringLiteral("http://127.0.0.1:9"), QStringLiteral("--auth-path"),
                                                    QStringLiteral("/api/auth")});
        QVERIFY(p.waitForFinished(20000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(err.contains(QStringLiteral("keychain is not available")), qPrintable(err));
        QVERIFY(t.elapsed() < 15000);
    }
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
