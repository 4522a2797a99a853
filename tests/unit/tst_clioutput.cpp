// CliOutput::escapeControls / frameLine: what a server-supplied string becomes on a terminal.
#include "cli/CliOutput.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

class TestCliOutput : public QObject
{
    Q_OBJECT
private slots:
    void escapes_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("terminal");
        QTest::addColumn<QString>("json");
        const auto u = [](char16_t c) { return QString(QChar(c)); };
        QTest::newRow("plain ascii") << "pikku-cli openid" << "pikku-cli openid" << "pikku-cli openid";
        QTest::newRow("non-latin text kept") << QStringLiteral("Käyttäjä ✓ 日本") << QStringLiteral("Käyttäjä ✓ 日本") << QStringLiteral("Käyttäjä ✓ 日本");
        QTest::newRow("empty") << "" << "" << "";
        QTest::newRow("ESC colour") << "\x1b[31mred\x1b[0m" << "\\x1b[31mred\\x1b[0m" << "\\u001b[31mred\\u001b[0m";
        QTest::newRow("clear screen + home") << "\x1b[2J\x1b[H" << "\\x1b[2J\\x1b[H" << "\\u001b[2J\\u001b[H";
        QTest::newRow("OSC title with BEL") << "\x1b]0;pwned\x07" << "\\x1b]0;pwned\\x07" << "\\u001b]0;pwned\\u0007";
        QTest::newRow("NUL") << QString(QChar(0)) + "x" << "\\x00x" << "\\u0000x";
        QTest::newRow("newline") << "a\nb" << "a\\nb" << "a\\u000ab";
        QTest::newRow("carriage return") << "ok\rEVIL" << "ok\\rEVIL" << "ok\\u000dEVIL";
        QTest::newRow("tab") << "a\tb" << "a\\tb" << "a\\u0009b";
        QTest::newRow("backspace") << "abc\b\b\bxyz" << "abc\\x08\\x08\\x08xyz" << "abc\\u0008\\u0008\\u0008xyz";
        QTest::newRow("unit separator 0x1f") << "\x1f" << "\\x1f" << "\\u001f";
        QTest::newRow("DEL") << "a\x7f" << "a\\x7f" << "a\\u007f";
        QTest::newRow("C1 CSI U+009B") << u(0x9b) + "31m" << "\\x9b31m" << "\\u009b31m";
        QTest::newRow("C1 NEL U+0085") << u(0x85) << "\\x85" << "\\u0085";
        QTest::newRow("C1 first U+0080") << u(0x80) << "\\x80" << "\\u0080";
        QTest::newRow("C1 last U+009F") << u(0x9f) << "\\x9f" << "\\u009f";
        QTest::newRow("U+00A0 is not C1") << u(0xa0) << u(0xa0) << u(0xa0);
        QTest::newRow("line separator") << "a" + u(0x2028) + "b" << "a\\u2028b" << "a\\u2028b";
        QTest::newRow("paragraph separator") << u(0x2029) << "\\u2029" << "\\u2029";
        QTest::newRow("RLO U+202E") << "abc" + u(0x202e) + "fdp.exe" << "abc\\u202efdp.exe" << "abc\\u202efdp.exe";
        QTest::newRow("LRE U+202A") << u(0x202a) << "\\u202a" << "\\u202a";
        QTest::newRow("PDF U+202C") << u(0x202c) << "\\u202c" << "\\u202c";
        QTest::newRow("LRI U+2066") << u(0x2066) << "\\u2066" << "\\u2066";
        QTest::newRow("PDI U+2069") << u(0x2069) << "\\u2069" << "\\u2069";
        QTest::newRow("RLM U+200F") << u(0x200f) << "\\u200f" << "\\u200f";
        QTest::newRow("ALM U+061C") << u(0x061c) << "\\u061c" << "\\u061c";
        QTest::newRow("U+2027 kept") << u(0x2027) << u(0x2027) << u(0x2027);
        QTest::newRow("U+206A kept") << u(0x206a) << u(0x206a) << u(0x206a);
        QTest::newRow("emoji (surrogate pair) kept") << QStringLiteral("ok 😀") << QStringLiteral("ok 😀") << QStringLiteral("ok 😀");
        QTest::newRow("backslash kept") << "C:\\x1b" << "C:\\x1b" << "C:\\x1b";
        QTest::newRow("mixed") << "\x1b[1A" + u(0x202e) + "AS YOU\n" << "\\x1b[1A\\u202eAS YOU\\n" << "\\u001b[1A\\u202eAS YOU\\u000a";
    }

    void escapes()
    {
        QFETCH(QString, in);
        QFETCH(QString, terminal);
        QFETCH(QString, json);
        QCOMPARE(CliOutput::escapeControls(in), terminal);
        QCOMPARE(CliOutput::plain(in), terminal);
        QCOMPARE(CliOutput::escapeControls(in, CliOutput::Newlines::Escape, CliOutput::Style::Json), json);
        // Nothing escapable is left.
        for (const QChar c : CliOutput::escapeControls(in))
            QVERIFY2(!CliOutput::isControl(c.unicode()), qPrintable(QString::number(c.unicode(), 16)));
        // The JSON style, inside a JSON string, decodes to the very same text.
        if (!in.contains(QLatin1Char('\\')) && !in.contains(QLatin1Char('"'))) {
            const QByteArray doc = "{\"s\":\"" + CliOutput::escapeControls(in, CliOutput::Newlines::Escape, CliOutput::Style::Json).toUtf8() + "\"}";
            QCOMPARE(QJsonDocument::fromJson(doc).object().value(QStringLiteral("s")).toString(), in);
        }
    }

    void keepsOwnNewlines()
    {
        QCOMPARE(CliOutput::escapeControls(QStringLiteral("line one\nline \x1b two\n"), CliOutput::Newlines::Keep),
                 QStringLiteral("line one\nline \\x1b two\n"));
        QCOMPARE(CliOutput::escapeControls(QStringLiteral("a\r\n"), CliOutput::Newlines::Keep), QStringLiteral("a\\r\n"));
    }

    void frames_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<bool>("json");
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("plain JSON untouched") << QByteArray(R"({"b":1,"a":"x"})") << true << QByteArray(R"({"b":1,"a":"x"})");
        QTest::newRow("plain JSON untouched, human") << QByteArray(R"({"b":1,"a":"x"})") << false << QByteArray(R"({"b":1,"a":"x"})");
        QTest::newRow("raw ESC, human") << QByteArray("\x1b[2Jgone") << false << QByteArray("\\x1b[2Jgone");
        QTest::newRow("raw ESC, json, not JSON") << QByteArray("\x1b[2Jgone") << true << QByteArray("\\u001b[2Jgone");
        QTest::newRow("pretty JSON over lines, json") << QByteArray("{\n  \"a\": 1\n}") << true << QByteArray(R"({"a":1})");
        QTest::newRow("pretty JSON over lines, human") << QByteArray("{\n  \"a\": 1\n}") << false << QByteArray("{\\n  \"a\": 1\\n}");
        QTest::newRow("RLO in a JSON string, json") << QByteArray("{\"n\":\"a\xe2\x80\xae" "b\"}") << true << QByteArray(R"({"n":"a\u202eb"})");
        QTest::newRow("RLO, human") << QByteArray("a\xe2\x80\xae" "b") << false << QByteArray("a\\u202eb");
        QTest::newRow("C1 CSI in UTF-8, human") << QByteArray("\xc2\x9b" "31m") << false << QByteArray("\\x9b31m");
        QTest::newRow("U+00E9 (0xC3) untouched") << QByteArray("caf\xc3\xa9") << false << QByteArray("caf\xc3\xa9");
        QTest::newRow("U+2013 (0xE2) untouched") << QByteArray("a\xe2\x80\x93" "b") << false << QByteArray("a\xe2\x80\x93" "b");
    }

    void frames()
    {
        QFETCH(QByteArray, frame);
        QFETCH(bool, json);
        QFETCH(QByteArray, line);
        QCOMPARE(CliOutput::frameLine(frame, json), line);
        QVERIFY(!CliOutput::frameLine(frame, json).contains('\n'));
    }

    void frameScanFindsEveryPosition()
    {
        // The frame check reads blocks of 8 or 16 bytes with an overlapping tail: a control character
        // at any position of any length must be found, a clean frame of any length left untouched.
        const QList<QByteArray> bad{QByteArray("\x1b"), QByteArray("\x7f"), QByteArray("\x01"), QByteArray("\xc2\x9b"),
                                    QByteArray("\xe2\x80\xae"), QByteArray("\xe2\x81\xa6"), QByteArray("\xd8\x9c")};
        for (int len = 0; len <= 70; ++len) {
            const QByteArray clean(len, 'a');
            QCOMPARE(CliOutput::frameLine(clean, false), clean);
            const QByteArray accents = QByteArray(len, 'a') + "\xc3\xa9";   // non-ASCII but nothing to escape
            QCOMPARE(CliOutput::frameLine(accents, false), accents);
            for (const QByteArray &b : bad) {
                for (int at = 0; at <= len; ++at) {
                    QByteArray f = clean;
                    f.insert(at, b);
                    const QByteArray line = CliOutput::frameLine(f, false);
                    QVERIFY2(line != f && line.contains('\\'), qPrintable(QStringLiteral("len %1 at %2").arg(len).arg(at)));
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestCliOutput)
#include "tst_clioutput.moc"
