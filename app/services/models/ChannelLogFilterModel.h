#pragma once

#include <QByteArray>
#include <QRegularExpression>
#include <QSortFilterProxyModel>

#include <optional>

// Its source model is a ChannelLogModel.
// Filters the log by text or regular expression, direction and errors, without touching the log itself.
class ChannelLogFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class Direction { Any, Received, Sent };
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setText(const QString &text);
    // Returns false (and keeps the old filter) if the pattern does not compile.
    bool setRegularExpression(const QString &pattern, QString *error = nullptr);
    void setDirection(Direction d);
    void setErrorsOnly(bool on);
    bool isActive() const { return !m_needle.isEmpty() || m_regex.has_value() || m_direction != Direction::Any || m_errorsOnly; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QByteArray m_needle;     // lower-case UTF-8 for plain-text search
    std::optional<QRegularExpression> m_regex;
    Direction m_direction = Direction::Any;
    bool m_errorsOnly = false;
};
