// ServerProfiles directly, on a throwaway INI file: the non-secret per-server settings survive a reload,
// are keyed by the normalized URL (one entry per server however it was typed), and never hold a token.
#include "core/ServerProfiles.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

class TestServerProfiles : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString iniPath() const { return m_dir.filePath(QStringLiteral("profiles.ini")); }

private slots:
    void init()
    {
        QFile::remove(iniPath());
    }

    void emptyMeansTheBundledDevServer()
    {
        QSettings s(iniPath(), QSettings::IniFormat);
        ServerProfiles profiles(&s);
        QVERIFY(profiles.all().isEmpty());
        QCOMPARE(profiles.current().url, ServerProfiles::defaultProfile().url);
        QCOMPARE(profiles.current().authPath, QStringLiteral("/api/auth"));
        QVERIFY(!profiles.find(QStringLiteral("https://auth.example.com")));
    }

    void savedByNormalizedKeyAndReloaded()
    {
        {
            QSettings s(iniPath(), QSettings::IniFormat);
            ServerProfiles profiles(&s);
            ServerProfile p;
            p.url = QStringLiteral("HTTPS://Auth.Example.com:443/");
            p.authPath = QStringLiteral("/api/auth");
            p.label = QStringLiteral("prod");
            profiles.save(p);
            QCOMPARE(profiles.all().at(0).url, QStringLiteral("https://auth.example.com"));   // stored normalized
            ServerProfile again = p;
            again.url = QStringLiteral("https://auth.example.com");   // the same server, typed differently
            again.label = QStringLiteral("production");
            profiles.save(again);
            ServerProfile dev;
            dev.url = QStringLiteral("http://192.168.1.10:3000");
            dev.allowInsecureHttp = true;
            profiles.save(dev);
            profiles.setCurrent(QStringLiteral("https://AUTH.example.com/"));
        }
        QSettings s(iniPath(), QSettings::IniFormat);
        ServerProfiles profiles(&s);
        const QList<ServerProfile> all = profiles.all();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).url, QStringLiteral("https://auth.example.com"));
        QCOMPARE(all.at(0).label, QStringLiteral("production"));
        QCOMPARE(all.at(1).allowInsecureHttp, true);
        QCOMPARE(profiles.current().label, QStringLiteral("production"));
        QVERIFY(profiles.find(QStringLiteral("https://auth.example.com:443")));
        QCOMPARE(profiles.current().endpoint().baseUrl, QUrl(QStringLiteral("https://auth.example.com")));
    }

    void removeForgetsTheCurrentServer()
    {
        QSettings s(iniPath(), QSettings::IniFormat);
        ServerProfiles profiles(&s);
        ServerProfile a;
        a.url = QStringLiteral("https://a.example.com");
        ServerProfile b;
        b.url = QStringLiteral("https://b.example.com");
        profiles.save(a);
        profiles.save(b);
        profiles.setCurrent(b.url);
        QCOMPARE(profiles.current().url, b.url);
        profiles.remove(QStringLiteral("HTTPS://b.example.com/"));
        QCOMPARE(profiles.all().size(), 1);
        QCOMPARE(profiles.current().url, a.url);   // the first left, not a dangling current
        QVERIFY(!s.contains(QStringLiteral("currentServer")));
    }

    void holdsNoSecret()
    {
        QSettings s(iniPath(), QSettings::IniFormat);
        ServerProfiles profiles(&s);
        ServerProfile p;
        p.url = QStringLiteral("https://auth.example.com");
        p.authPath = QStringLiteral("/api/auth");
        profiles.save(p);
        profiles.setCurrent(p.url);
        for (const QString &k : s.allKeys()) {
            QVERIFY2(!k.contains(QLatin1String("token"), Qt::CaseInsensitive), qPrintable(k));
            QVERIFY2(!k.contains(QLatin1String("key"), Qt::CaseInsensitive) || k == QLatin1String("servers/size"), qPrintable(k));
        }
    }
};

QTEST_GUILESS_MAIN(TestServerProfiles)
#include "tst_serverprofiles.moc"
