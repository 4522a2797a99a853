// The Finnish translation is complete and faithful to its sources, read from the .ts file itself:
// no message unfinished (or empty, or left over from removed code), every placeholder (%1…%99, %n) of
// the source present the same number of times in each translation (a lost %2 silently drops a value,
// an extra one prints "%2" to the user), the keyboard accelerator kept (one '&'), the same leading and
// trailing whitespace (texts glued together, "keep " + number), and both Finnish plural forms.
//
// It checks translations/pikku_admin_fi.ts, or the file named by $PIKKU_TS_CHECK: tests/CMakeLists.txt
// also runs it on a copy freshly refreshed by lupdate from today's sources (tst_translations_current),
// so a tr() added without a translation, or a translation whose source is gone, fails there.
#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QStringList>
#include <QXmlStreamReader>
#include <QtTest>

#ifndef PIKKU_TS_FILE
#error "PIKKU_TS_FILE must name translations/pikku_admin_fi.ts"
#endif

namespace {

QString g_tsPath = QStringLiteral(PIKKU_TS_FILE);

struct Message
{
    QString context;
    QString source;
    QString type;              // "", "unfinished", "vanished", "obsolete"
    bool numerus = false;
    QStringList translations;  // one, or the numerus forms
};

QList<Message> readTs(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open %1").arg(path);
        return {};
    }
    QList<Message> out;
    QXmlStreamReader xml(&f);
    QString context;
    Message m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            m = Message{};
            m.context = context;
            m.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            m.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            m.type = xml.attributes().value(QLatin1String("type")).toString();
            if (m.numerus) {
                while (xml.readNextStartElement())
                    if (xml.name() == QLatin1String("numerusform"))
                        m.translations << xml.readElementText();
                    else
                        xml.skipCurrentElement();
            } else {
                m.translations << xml.readElementText();
            }
            out << m;
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return out;
}

// "%1" twice and "%n" once -> {"%1": 2, "%n": 1}. "%%" is not a placeholder; neither is "100%".
QMap<QString, int> placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d{1,2}|n)"));
    QMap<QString, int> count;
    for (auto it = re.globalMatch(text); it.hasNext();)
        ++count[it.next().captured(0)];
    return count;
}

// The accelerator marks: '&' before a letter or digit that is not an HTML entity ("&amp;", "&nbsp;")
// nor a doubled "&&" (a literal ampersand).
int accelerators(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("(?<!&)&(?!&)(?![a-zA-Z]+;|#\\d+;)(?=\\w)"));
    int n = 0;
    for (auto it = re.globalMatch(text); it.hasNext(); it.next())
        ++n;
    return n;
}

QString edges(const QString &s)
{
    int a = 0;
    while (a < s.size() && s.at(a).isSpace())
        ++a;
    int b = s.size();
    while (b > a && s.at(b - 1).isSpace())
        --b;
    return QStringLiteral("[%1|%2]").arg(s.left(a), s.mid(b)).replace(QLatin1Char('\n'), QLatin1String("\\n"));
}

QString where(const Message &m)
{
    return QStringLiteral("%1: \"%2\"").arg(m.context, m.source.left(70));
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private:
    QList<Message> m_messages;

    // The problems found in the messages, one line each (empty: none).
    static QStringList problems(const QList<Message> &messages)
    {
        QStringList bad;
        for (const Message &m : messages) {
            if (m.type == QLatin1String("vanished") || m.type == QLatin1String("obsolete")) {
                bad << where(m) + QStringLiteral(": left over (its source is gone; drop it with lupdate -no-obsolete)");
                continue;
            }
            if (m.type == QLatin1String("unfinished")) {
                bad << where(m) + QStringLiteral(": unfinished");
                continue;
            }
            if (m.numerus && m.translations.size() != 2) {
                bad << where(m) + QStringLiteral(": %1 plural forms, Finnish has 2").arg(m.translations.size());
                continue;
            }
            const QMap<QString, int> want = placeholders(m.source);
            for (int i = 0; i < m.translations.size(); ++i) {
                const QString &t = m.translations.at(i);
                const QString form = m.numerus ? QStringLiteral(" (form %1)").arg(i + 1) : QString();
                if (t.trimmed().isEmpty() && !m.source.trimmed().isEmpty()) {
                    bad << where(m) + form + QStringLiteral(": empty translation");
                    continue;
                }
                QMap<QString, int> got = placeholders(t);
                QMap<QString, int> expected = want;
                // A plural form may spell the number out ("one key") instead of %n; never the reverse.
                if (m.numerus && i == 0 && !got.contains(QStringLiteral("%n")))
                    expected.remove(QStringLiteral("%n"));
                if (got != expected) {
                    QStringList w, g;
                    for (auto it = expected.cbegin(); it != expected.cend(); ++it)
                        w << it.key() + QStringLiteral("×") + QString::number(it.value());
                    for (auto it = got.cbegin(); it != got.cend(); ++it)
                        g << it.key() + QStringLiteral("×") + QString::number(it.value());
                    bad << where(m) + form
                            + QStringLiteral(": placeholders {%1} in the source, {%2} in \"%3\"")
                                  .arg(w.join(QLatin1Char(' ')), g.join(QLatin1Char(' ')), t);
                }
                if (accelerators(m.source) != accelerators(t))
                    bad << where(m) + form
                            + QStringLiteral(": %1 accelerator(s) '&' in the source, %2 in \"%3\"")
                                  .arg(accelerators(m.source)).arg(accelerators(t)).arg(t);
                if (edges(m.source) != edges(t))
                    bad << where(m) + form
                            + QStringLiteral(": leading/trailing whitespace %1 in the source, %2 in \"%3\"")
                                  .arg(edges(m.source), edges(t), t);
            }
        }
        return bad;
    }

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsSet("PIKKU_TS_CHECK"))
            g_tsPath = qEnvironmentVariable("PIKKU_TS_CHECK");
        QString error;
        m_messages = readTs(g_tsPath, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(m_messages.size() > 500, qPrintable(QStringLiteral("%1 messages in %2").arg(m_messages.size()).arg(g_tsPath)));
        qInfo("%s: %d messages", qPrintable(g_tsPath), int(m_messages.size()));
    }

    // The checks themselves, on messages made to fail each one (so a broken check cannot pass silently).
    void checksCatchMistakes_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QStringList>("translations");
        QTest::addColumn<bool>("numerus");
        QTest::addColumn<QString>("type");
        QTest::addColumn<bool>("ok");
        const QStringList none;
        QTest::newRow("fine") << "Revoked %1." << QStringList{"%1 peruttiin."} << false << "" << true;
        QTest::newRow("reordered") << "%1 of %2" << QStringList{"%2: %1"} << false << "" << true;
        QTest::newRow("unfinished") << "Revoke" << QStringList{""} << false << "unfinished" << false;
        QTest::newRow("vanished") << "Gone" << QStringList{"Poissa"} << false << "vanished" << false;
        QTest::newRow("empty") << "Revoke" << QStringList{""} << false << "" << false;
        QTest::newRow("lost %2") << "Saved %1 to %2." << QStringList{"%1 tallennettiin."} << false << "" << false;
        QTest::newRow("extra %2") << "Saved %1." << QStringList{"%1 tallennettiin %2."} << false << "" << false;
        QTest::newRow("%1 twice in source") << "%1 → %1" << QStringList{"%1"} << false << "" << false;
        QTest::newRow("%10 is not %1") << "%10" << QStringList{"%1"} << false << "" << false;
        QTest::newRow("lost accelerator") << "&Copy" << QStringList{"Kopioi"} << false << "" << false;
        QTest::newRow("entity is no accelerator") << "a&nbsp;b" << QStringList{"a b"} << false << "" << true;
        QTest::newRow("&& is no accelerator") << "Q&&A" << QStringList{"K&&V"} << false << "" << true;
        QTest::newRow("lost trailing space") << "keep " << QStringList{"säilytä"} << false << "" << false;
        QTest::newRow("lost leading space") << " msgs" << QStringList{"viestiä"} << false << "" << false;
        QTest::newRow("plural ok") << "%n bytes" << QStringList{"%n tavu", "%n tavua"} << true << "" << true;
        QTest::newRow("plural one form") << "%n bytes" << QStringList{"%n tavua"} << true << "" << false;
        QTest::newRow("plural lost %n") << "%n bytes" << QStringList{"%n tavu", "tavuja"} << true << "" << false;
    }

    void checksCatchMistakes()
    {
        QFETCH(QString, source);
        QFETCH(QStringList, translations);
        QFETCH(bool, numerus);
        QFETCH(QString, type);
        QFETCH(bool, ok);
        Message m;
        m.context = QStringLiteral("Probe");
        m.source = source;
        m.translations = translations;
        m.numerus = numerus;
        m.type = type;
        const QStringList found = problems({m});
        QVERIFY2(found.isEmpty() == ok, qPrintable(found.join(QLatin1Char('\n'))));
    }

    void everyMessageTranslatedFaithfully()
    {
        const QStringList bad = problems(m_messages);
        QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("%1 of %2 messages:\n").arg(bad.size()).arg(m_messages.size())
                                           + bad.join(QLatin1Char('\n'))));
    }

    // Pikku Admin's own words stay consistent: a few terms always translated the same way.
    void terminologyIsConsistent_data()
    {
        QTest::addColumn<QString>("english");
        QTest::addColumn<QString>("finnish");
        QTest::newRow("service user") << "service user" << "palvelukäyttäj";
        QTest::newRow("keychain") << "keychain" << "avainnip";
        QTest::newRow("session") << "session" << "istun";
        QTest::newRow("channel") << "channel" << "kanav";
    }

    void terminologyIsConsistent()
    {
        QFETCH(QString, english);
        QFETCH(QString, finnish);
        QStringList bad;
        for (const Message &m : qAsConst(m_messages)) {
            // Whole words only ("sessions" counts, "subscribe sessions" is a command and stays as typed).
            if (m.translations.isEmpty() || m.source.contains(QLatin1Char('{')) || m.source == m.translations.first())
                continue;
            const QRegularExpression word(QStringLiteral("\\b%1").arg(english), QRegularExpression::CaseInsensitiveOption);
            if (m.source.contains(word) && !m.translations.first().contains(finnish, Qt::CaseInsensitive))
                bad << where(m) + QStringLiteral(" → \"%1\"").arg(m.translations.first());
        }
        QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("\"%1\" not as \"%2…\":\n").arg(english, finnish) + bad.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
