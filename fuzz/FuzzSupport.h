#pragma once

// Shared helpers for the libFuzzer targets: a QCoreApplication (timers, translate), a byte reader that
// splits one input into fields, and a check that aborts with a message (libFuzzer keeps the input).

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#define FUZZ_CHECK(cond)                                                                             \
    do {                                                                                             \
        if (!(cond)) {                                                                               \
            std::fprintf(stderr, "FUZZ_CHECK failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__);      \
            std::abort();                                                                            \
        }                                                                                            \
    } while (0)

inline void fuzzInitApp(int *argc, char ***argv)
{
    // Silences Qt's own qWarning noise (it is not a finding) and gives timers a dispatcher.
    qputenv("QT_LOGGING_RULES", "*=false");
    static QCoreApplication app(*argc, *argv);
}

// Reads an input as a sequence of fields: fixed-size integers and length-prefixed byte strings.
class FuzzInput
{
public:
    FuzzInput(const uint8_t *data, size_t size) : m_p(data), m_end(data + size) {}

    bool atEnd() const { return m_p >= m_end; }
    uint8_t byte() { return m_p < m_end ? *m_p++ : 0; }
    uint16_t u16() { return uint16_t(byte() | (byte() << 8)); }
    int64_t i64()
    {
        uint64_t v = 0;
        for (int i = 0; i < 8; ++i)
            v |= uint64_t(byte()) << (8 * i);
        int64_t r;
        std::memcpy(&r, &v, sizeof r);
        return r;
    }
    // Up to the next separator byte (consumed) or the end.
    QByteArray until(char sep)
    {
        const uint8_t *s = m_p;
        while (m_p < m_end && *m_p != uint8_t(sep))
            ++m_p;
        QByteArray out(reinterpret_cast<const char *>(s), qsizetype(m_p - s));
        if (m_p < m_end)
            ++m_p;
        return out;
    }
    QByteArray rest()
    {
        QByteArray out(reinterpret_cast<const char *>(m_p), qsizetype(m_end - m_p));
        m_p = m_end;
        return out;
    }

private:
    const uint8_t *m_p;
    const uint8_t *m_end;
};
