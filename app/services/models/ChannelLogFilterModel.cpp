#include "ChannelLogFilterModel.h"

#include "ChannelLogModel.h"

namespace {

bool containsCaseInsensitive(const QByteArray &hay, const QByteArray &lowerNeedle)
{
    const int n = int(lowerNeedle.size());
    if (n == 0)
        return true;
    const char first = lowerNeedle.at(0);
    const char *h = hay.constData();
    const int end = int(hay.size()) - n;
    for (int i = 0; i <= end; ++i) {
        char c = h[i];
        if (c >= 'A' && c <= 'Z')
            c = char(c + 32);
        if (c != first)
            continue;
        int j = 1;
        for (; j < n; ++j) {
            char d = h[i + j];
            if (d >= 'A' && d <= 'Z')
                d = char(d + 32);
            if (d != lowerNeedle.at(j))
                break;
        }
        if (j == n)
            return true;
    }
    return false;
}

} // namespace

void ChannelLogFilterModel::setText(const QString &text)
{
    m_regex.reset();
    m_needle = text.toLower().toUtf8();
    invalidateFilter();
}

bool ChannelLogFilterModel::setRegularExpression(const QString &pattern, QString *error)
{
    QRegularExpression re(pattern, QRegularExpression::CaseInsensitiveOption);
    if (!re.isValid()) {
        if (error)
            *error = re.errorString();
        return false;
    }
    m_needle.clear();
    if (pattern.isEmpty())
        m_regex.reset();
    else
        m_regex = re;
    invalidateFilter();
    return true;
}

void ChannelLogFilterModel::setDirection(Direction d)
{
    m_direction = d;
    invalidateFilter();
}

void ChannelLogFilterModel::setErrorsOnly(bool on)
{
    m_errorsOnly = on;
    invalidateFilter();
}

bool ChannelLogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    const auto *log = static_cast<const ChannelLogModel *>(sourceModel());
    const ChannelMessage &m = log->at(sourceRow);
    if (m_direction == Direction::Received && m.direction != ChannelMessage::Direction::Received)
        return false;
    if (m_direction == Direction::Sent && m.direction != ChannelMessage::Direction::Sent)
        return false;
    if (m_errorsOnly && !m.isError())
        return false;
    if (!m_needle.isEmpty())
        return containsCaseInsensitive(m.payload, m_needle);
    if (m_regex)
        return m_regex->match(QString::fromUtf8(m.payload)).hasMatch();
    return true;
}
