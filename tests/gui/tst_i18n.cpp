// One binary, two languages: the GUI turns Finnish when the system locale is Finnish (ctest runs this
// with LC_ALL=fi_FI.UTF-8 and no saved choice), core, net and services texts included (an ApiError, a
// duration, a channel refusal); the "English" setting wins over the locale; and the CLI, run as the
// real binary under the same Finnish locale, keeps speaking English (it is a script contract: it
// installs no translator, so the same core texts reach it as their English sources).
#include "CliRun.h"
#include "core/ApiError.h"
#include "core/ChannelWhoami.h"
#include "core/Duration.h"
#include "core/ServerUrl.h"
#include "gui/AppContext.h"
#include "gui/Appearance.h"
#include "gui/MainWindow.h"
#include "net/ChannelSocket.h"
#include "net/HttpClient.h"
#include "services/Services.h"

#include <QApplication>
#include <QListWidget>
#include <QLocale>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <memory>

namespace {
void removeTranslators()
{
    for (QTranslator *t : qApp->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
}

QStringList navTexts(MainWindow &w)
{
    QStringList out;
    auto *nav = w.findChild<QListWidget *>(QStringLiteral("navList"));
    for (int i = 0; nav && i < nav->count(); ++i)
        out << nav->item(i)->text();
    return out;
}

ApiError rateLimited()
{
    ApiError e = ApiError::make(ApiError::Kind::RateLimited);
    e.httpStatus = 429;
    e.retryAfter = std::chrono::seconds(7);
    return e;
}

QHash<QString, QString> finnishEnv()
{
    return {{QStringLiteral("LC_ALL"), QStringLiteral("fi_FI.UTF-8")},
            {QStringLiteral("LANG"), QStringLiteral("fi_FI.UTF-8")},
            {QStringLiteral("LANGUAGE"), QStringLiteral("fi")}};
}
} // namespace

class TestI18n : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Services> m_services;
    std::unique_ptr<AppContext> m_context;

private slots:
    void initTestCase()
    {
        QVERIFY2(QLocale::system().language() == QLocale::Finnish,
                 "run with LC_ALL=fi_FI.UTF-8 (tests/CMakeLists.txt sets it for ctest)");
        m_services = std::make_unique<Services>(std::make_unique<SystemClock>(), new MemorySecretStore,
                                                new QSettings(m_dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat));
        m_context = std::make_unique<AppContext>(m_services.get());
        QCOMPARE(Appearance::savedLanguage(m_services->settings()), QString());   // no choice saved: the locale decides
    }

    void cleanup()
    {
        removeTranslators();
        Appearance::saveLanguage(m_services->settings(), QString());
    }

    void guiFollowsTheFinnishLocale()
    {
        QCOMPARE(Appearance::installTranslations(qApp, m_services->settings()), QStringLiteral("fi"));
        MainWindow w(m_context.get());
        QCOMPARE(navTexts(w), (QStringList{QStringLiteral("Yleiskatsaus"), QStringLiteral("Palvelukäyttäjät"),
                                           QStringLiteral("API-avaimet"), QStringLiteral("Istunnot"),
                                           QStringLiteral("Laitehyväksynnät"), QStringLiteral("Kanavat"),
                                           QStringLiteral("Tarkastusloki"), QStringLiteral("Käyttäjät")}));
    }

    // The texts made below the GUI reach the user too, so they are translated where they are made.
    void coreNetAndServiceTextsAreFinnishInTheGui()
    {
        QCOMPARE(Appearance::installTranslations(qApp, m_services->settings()), QStringLiteral("fi"));
        QCOMPARE(rateLimited().userMessage(), QStringLiteral("Palvelin rajoittaa pyyntöjä; yritä uudelleen 7 s kuluttua."));
        QCOMPARE(ServerUrl::checkTransport(QUrl(QStringLiteral("http://example.com/")), false).userMessage(),
                 QStringLiteral("Salaamatonta http://-yhteyttä muuhun kuin paikalliseen koneeseen ei käytetä. Käytä "
                                "https://-osoitetta tai salli suojaamaton HTTP erikseen tälle palvelimelle."));
        // Durations inflect per direction: partitive "ago", genitive "in".
        QCOMPARE(formatRelative(-3 * 86400), QStringLiteral("3 päivää sitten"));
        QCOMPARE(formatRelative(-86400), QStringLiteral("1 päivä sitten"));
        QCOMPARE(formatRelative(6 * 86400), QStringLiteral("6 päivän kuluttua"));
        QCOMPARE(formatRelative(2 * 3600), QStringLiteral("2 tunnin kuluttua"));
        QCOMPARE(formatRateWindow(86400), QStringLiteral("päivä"));
        QCOMPARE(formatRateWindow(2 * 3600), QStringLiteral("2 tuntia"));
        const WhoamiAnswer who = WhoamiAnswer::parse(
            R"({"action":"whoami","session":{"userId":"u_1","name":"Aino","via":"bearer","role":"admin"}})");
        QCOMPARE(who.text, QStringLiteral("tunnuksella Aino · bearer · rooli admin"));
        // net: a channel refused before anything leaves, and an HTTP request carrying both credentials.
        ChannelSocket socket;
        QSignalSpy failed(&socket, &ChannelSocket::failed);
        QVERIFY(!socket.open(QUrl(QStringLiteral("ws://example.com/ws")), Credentials::person(QStringLiteral("t"),
                                                                                            QUrl(QStringLiteral("https://example.com"))),
                             ChannelSocket::Options{}));
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY2(failed.at(0).at(0).toString().startsWith(QStringLiteral("Salaamatonta ws://-yhteyttä")),
                 qPrintable(failed.at(0).at(0).toString()));
    }

    void englishSettingWinsOverTheLocale()
    {
        Appearance::saveLanguage(m_services->settings(), QStringLiteral("en"));
        QCOMPARE(Appearance::installTranslations(qApp, m_services->settings()), QStringLiteral("en"));
        MainWindow w(m_context.get());
        QCOMPARE(navTexts(w).value(1), QStringLiteral("Service users"));
        QCOMPARE(rateLimited().userMessage(), QStringLiteral("The server is rate-limiting requests; try again in 7 s."));
        QCOMPARE(formatRelative(-3 * 86400), QStringLiteral("3 days ago"));
    }

    void cliHelpStaysEnglish()
    {
        const CliRun r = runCli(QStringLiteral("pikku-admin-i18n-test"), QUrl(QStringLiteral("http://127.0.0.1:9")),
                                {QStringLiteral("--help")}, finnishEnv());
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("usage: pikku-admin"), r.out.constData());
        QVERIFY2(r.out.contains("Signing in:\n  login                     sign in with the device flow"), r.out.constData());
        for (const char *finnish : {"Kirjaudu", "palvelin", "avain", "istunto", "käyttö"})
            QVERIFY2(!r.out.contains(finnish) && !r.err.contains(finnish), finnish);
    }

    // The same core text the GUI shows in Finnish above (ApiError::userMessage for InsecureUrl), printed
    // by the CLI in English, under the same locale.
    void cliErrorFromCoreStaysEnglish()
    {
        const CliRun r = runCli(QStringLiteral("pikku-admin-i18n-test"), QUrl(QStringLiteral("http://example.com")),
                                {QStringLiteral("login"), QStringLiteral("--no-browser")}, finnishEnv());
        QVERIFY2(r.code != 0, r.out.constData());
        QVERIFY2(r.err.contains("Refusing plain http:// to a non-loopback host"), r.err.constData());
        QVERIFY2(!r.err.contains("Salaamatonta"), r.err.constData());
    }
};

QTEST_MAIN(TestI18n)
#include "tst_i18n.moc"
