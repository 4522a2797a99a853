// PermissionTemplates on a throwaway INI file (issue 13 item 6, h-perms): named permission sets per server,
// keyed by the normalized URL, surviving a reload, validated on save, and an entry edited by hand into
// something invalid skipped rather than applied.
#include "core/PermissionTemplates.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

class TestPermissionTemplates : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString iniPath() const { return m_dir.filePath(QStringLiteral("templates.ini")); }
    static Permissions readOnly() { return {{QStringLiteral("files"), {QStringLiteral("read")}}}; }
    static Permissions ingest()
    {
        return {{QStringLiteral("events"), {QStringLiteral("write")}}, {QStringLiteral("ws"), {QStringLiteral("connect")}}};
    }

private slots:
    void init() { QFile::remove(iniPath()); }

    void savedPerServerAndReloaded()
    {
        {
            QSettings s(iniPath(), QSettings::IniFormat);
            PermissionTemplates t(&s);
            QVERIFY(t.all(QStringLiteral("https://a.example.com")).isEmpty());
            QCOMPARE(t.save(QStringLiteral("HTTPS://A.example.com:443/"), {QStringLiteral("read-only files"), readOnly()}), QString());
            QCOMPARE(t.save(QStringLiteral("https://a.example.com"), {QStringLiteral("Ingest worker"), ingest()}), QString());
            QCOMPARE(t.save(QStringLiteral("http://127.0.0.1:3000"), {QStringLiteral("read-only files"), ingest()}), QString());
        }
        QSettings s(iniPath(), QSettings::IniFormat);
        PermissionTemplates t(&s);
        const QList<PermissionTemplate> a = t.all(QStringLiteral("https://a.example.com/"));
        QCOMPARE(a.size(), 2);
        QCOMPARE(a.at(0).name, QStringLiteral("Ingest worker"));   // by name, case-insensitive
        QCOMPARE(a.at(0).permissions, ingest());
        QCOMPARE(a.at(1).name, QStringLiteral("read-only files"));
        QCOMPARE(a.at(1).permissions, readOnly());
        // The same name on another server is another template.
        QCOMPARE(t.find(QStringLiteral("http://127.0.0.1:3000"), QStringLiteral("read-only files"))->permissions, ingest());
        QVERIFY(!t.find(QStringLiteral("https://b.example.com"), QStringLiteral("read-only files")));
        QVERIFY(!t.find(QStringLiteral("https://a.example.com"), QStringLiteral("READ-ONLY FILES")));   // exact name
    }

    void replaceAndRemove()
    {
        QSettings s(iniPath(), QSettings::IniFormat);
        PermissionTemplates t(&s);
        const QString url = QStringLiteral("https://a.example.com");
        QCOMPARE(t.save(url, {QStringLiteral("worker"), readOnly()}), QString());
        QCOMPARE(t.save(url, {QStringLiteral("worker"), ingest()}), QString());   // replaced, not added
        QCOMPARE(t.all(url).size(), 1);
        QCOMPARE(t.find(url, QStringLiteral("worker"))->permissions, ingest());
        QVERIFY(!t.remove(QStringLiteral("https://b.example.com"), QStringLiteral("worker")));
        QVERIFY(t.remove(url, QStringLiteral("worker")));
        QVERIFY(t.all(url).isEmpty());
        QVERIFY(!t.remove(url, QStringLiteral("worker")));
    }

    void refused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("permissions");   // RES=ACT,ACT;RES=ACT
        QTest::addColumn<QString>("error");
        QTest::newRow("empty name") << "" << "files=read" << "a template needs a name";
        QTest::newRow("blank name") << "  " << "files=read" << "a template needs a name";
        QTest::newRow("padded name") << " worker" << "files=read" << "a template's name may not start or end with a space";
        QTest::newRow("65 characters") << QString(65, QLatin1Char('n')) << "files=read" << "a template's name is at most 64 characters";
        QTest::newRow("control character") << "work\x1b[2Jer" << "files=read" << "a template's name may not hold control characters";
        QTest::newRow("no permissions") << "worker" << "" << "a template needs at least one permission";
        QTest::newRow("bad resource") << "worker" << "my files=read" << "resource \"my files\" may only contain letters, digits and _ . : -";
        QTest::newRow("no actions") << "worker" << "files=" << "resource \"files\" needs at least one action";
    }
    void refused()
    {
        QFETCH(QString, name);
        QFETCH(QString, permissions);
        QFETCH(QString, error);
        Permissions p;
        for (const QString &entry : permissions.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
            const QString actions = entry.section(QLatin1Char('='), 1);
            p.insert(entry.section(QLatin1Char('='), 0, 0), actions.isEmpty() ? QStringList() : actions.split(QLatin1Char(',')));
        }
        QSettings s(iniPath(), QSettings::IniFormat);
        PermissionTemplates t(&s);
        QCOMPARE(t.save(QStringLiteral("https://a.example.com"), {name, p}), error);
        QVERIFY(t.all(QStringLiteral("https://a.example.com")).isEmpty());
    }

    void capPerServer()
    {
        QSettings s(iniPath(), QSettings::IniFormat);
        PermissionTemplates t(&s);
        const QString url = QStringLiteral("https://a.example.com");
        for (int i = 0; i < PermissionTemplates::kMaxPerServer; ++i)
            QCOMPARE(t.save(url, {QStringLiteral("t%1").arg(i), readOnly()}), QString());
        QCOMPARE(t.save(url, {QStringLiteral("one more"), readOnly()}), QStringLiteral("at most 100 templates per server"));
        QCOMPARE(t.save(url, {QStringLiteral("t7"), ingest()}), QString());   // replacing still works
        QCOMPARE(t.save(QStringLiteral("https://b.example.com"), {QStringLiteral("one more"), readOnly()}), QString());
    }

    void handEditedEntriesSkipped()
    {
        {
            QSettings s(iniPath(), QSettings::IniFormat);
            PermissionTemplates t(&s);
            QCOMPARE(t.save(QStringLiteral("https://a.example.com"), {QStringLiteral("good"), readOnly()}), QString());
            s.beginWriteArray(QStringLiteral("permissionTemplates"));
            const QList<QStringList> bad = {
                {QStringLiteral("https://a.example.com"), QStringLiteral("not json"), QStringLiteral("{files")},
                {QStringLiteral("https://a.example.com"), QStringLiteral("bad action"), QStringLiteral(R"({"files":["read\n"]})")},
                {QStringLiteral("https://a.example.com"), QStringLiteral("numbers"), QStringLiteral(R"({"files":[1]})")},
                {QStringLiteral("https://a.example.com"), QStringLiteral("empty"), QStringLiteral("{}")},
                {QStringLiteral("https://a.example.com"), QStringLiteral("bad\nname"), QStringLiteral(R"({"files":["read"]})")},
            };
            for (int i = 0; i < bad.size(); ++i) {
                s.setArrayIndex(i + 1);
                s.setValue(QStringLiteral("server"), bad[i][0]);
                s.setValue(QStringLiteral("name"), bad[i][1]);
                s.setValue(QStringLiteral("permissions"), bad[i][2]);
            }
            s.endArray();
        }
        QSettings s(iniPath(), QSettings::IniFormat);
        PermissionTemplates t(&s);
        const QList<PermissionTemplate> all = t.all(QStringLiteral("https://a.example.com"));
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.at(0).name, QStringLiteral("good"));
    }
};

QTEST_GUILESS_MAIN(TestPermissionTemplates)
#include "tst_permissiontemplates.moc"
