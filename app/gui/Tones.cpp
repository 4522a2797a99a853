#include "Tones.h"

#include "core/ChannelMessage.h"
#include "services/models/ApiKeysModel.h"
#include "services/models/ChannelLogModel.h"
#include "services/models/DeviceCodesModel.h"
#include "services/models/ServiceUsersModel.h"
#include "services/models/UserSessionsModel.h"

#include <QApplication>
#include <QEvent>
#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>

namespace {
bool darkBase(const QPalette &p)
{
    return p.color(QPalette::Base).lightnessF() < 0.5;
}
// A hue at a lightness that contrasts with the base colour, whatever the theme.
QColor onBase(const QPalette &p, float hue)
{
    return QColor::fromHslF(hue, 0.7f, darkBase(p) ? 0.7f : 0.38f);
}
} // namespace

namespace Tones {
QColor muted(const QPalette &palette)
{
    return palette.color(QPalette::PlaceholderText);
}
QColor accent(const QPalette &palette)
{
    return palette.color(QPalette::Link);
}
QColor negative(const QPalette &palette)
{
    return onBase(palette, 0.0f);
}
QColor warning(const QPalette &palette)
{
    return onBase(palette, 0.09f);
}
QColor info(const QPalette &palette)
{
    return onBase(palette, 0.58f);
}
QColor positive(const QPalette &palette)
{
    return onBase(palette, 0.37f);
}
void setTextTone(QWidget *widget, QColor (*tone)(const QPalette &))
{
    class Follower : public QObject
    {
    public:
        Follower(QWidget *w, QColor (*tone)(const QPalette &)) : QObject(w), m_tone(tone) { apply(w); }
        bool eventFilter(QObject *watched, QEvent *event) override
        {
            if (event->type() == QEvent::ApplicationPaletteChange)
                apply(static_cast<QWidget *>(watched));
            return false;
        }

    private:
        void apply(QWidget *w)
        {
            QPalette p = QApplication::palette(w);
            p.setColor(QPalette::WindowText, m_tone(p));
            p.setColor(QPalette::Text, m_tone(p));
            w->setPalette(p);
        }
        QColor (*m_tone)(const QPalette &);
    };
    widget->installEventFilter(new Follower(widget, tone));
}

void paintNotice(QPainter *painter, const QRectF &rect, const QPalette &palette, const QColor &tone)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(tone, 1));
    painter->setBrush(tint(palette, tone));
    painter->drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    painter->restore();
}
QColor tint(const QPalette &palette, const QColor &tone)
{
    const QColor base = palette.color(QPalette::Base);
    const float a = 0.15f;
    return QColor::fromRgbF(base.redF() * (1 - a) + tone.redF() * a, base.greenF() * (1 - a) + tone.greenF() * a,
                            base.blueF() * (1 - a) + tone.blueF() * a);
}
} // namespace Tones

NoticeLabel::NoticeLabel(QWidget *parent, Kind kind) : QLabel(parent), m_kind(kind)
{
    setMargin(8);
}

void NoticeLabel::setKind(Kind kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    update();
}

QColor NoticeLabel::toneColor() const
{
    switch (m_kind) {
    case Kind::Info: return Tones::info(palette());
    case Kind::Warning: return Tones::warning(palette());
    case Kind::Negative: return Tones::negative(palette());
    }
    return Tones::info(palette());
}

void NoticeLabel::paintEvent(QPaintEvent *event)
{
    QPainter painter(this);
    Tones::paintNotice(&painter, rect(), palette(), toneColor());
    painter.end();
    QLabel::paintEvent(event);
}

ToneDelegate::ToneDelegate(Styler styler, QObject *parent) : QStyledItemDelegate(parent), m_styler(std::move(styler))
{
}

void ToneDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (m_styler)
        m_styler(option, index);
}

QFont ToneDelegate::fontFor(const QModelIndex &index, const QFont &base) const
{
    QStyleOptionViewItem option;
    option.font = base;
    if (m_styler)
        m_styler(&option, index);
    return option.font;
}

namespace Tones {
ToneDelegate *apiKeysDelegate(QObject *parent)
{
    return new ToneDelegate([](QStyleOptionViewItem *option, const QModelIndex &index) {
        const auto state = ApiKeysModel::State(index.data(ApiKeysModel::StateRole).toInt());
        const QPalette p = option->palette;
        if (state == ApiKeysModel::Disabled || state == ApiKeysModel::Expired)
            option->palette.setColor(QPalette::Text, muted(p));
        if (index.column() != ApiKeysModel::ExpiresColumn)
            return;
        if (state == ApiKeysModel::Expired)
            option->backgroundBrush = tint(p, negative(p));
        if (state == ApiKeysModel::ExpiringSoon) {
            option->palette.setColor(QPalette::Text, warning(p));
            option->backgroundBrush = tint(p, warning(p));
        }
    }, parent);
}

ToneDelegate *channelLogDelegate(QObject *parent)
{
    return new ToneDelegate([](QStyleOptionViewItem *option, const QModelIndex &index) {
        const QPalette p = option->palette;
        const auto direction = ChannelMessage::Direction(index.data(ChannelLogModel::DirectionRole).toInt());
        if (index.data(ChannelLogModel::ErrorRole).toBool())
            option->palette.setColor(QPalette::Text, negative(p));
        else if (direction == ChannelMessage::Direction::Event)
            option->palette.setColor(QPalette::Text, muted(p));
        else if (direction == ChannelMessage::Direction::Sent)
            option->palette.setColor(QPalette::Text, accent(p));
    }, parent);
}

ToneDelegate *deviceCodesDelegate(const QFont &mono, QObject *parent)
{
    return new ToneDelegate([mono](QStyleOptionViewItem *option, const QModelIndex &index) {
        const int column = index.column();
        if (column == DeviceCodesModel::CodeColumn || column == DeviceCodesModel::TimeLeftColumn) {
            option->font = mono;
            option->font.setBold(column == DeviceCodesModel::CodeColumn);
            option->fontMetrics = QFontMetrics(option->font);
        }
        if (column == DeviceCodesModel::TimeLeftColumn
            && index.data(DeviceCodesModel::SecondsLeftRole).toLongLong() < DeviceCodesModel::UrgentSeconds)
            option->palette.setColor(QPalette::Text, negative(option->palette));
    }, parent);
}
ToneDelegate *serviceUsersDelegate(const QFont &mono, QObject *parent)
{
    return new ToneDelegate(serviceUsersStyler(mono), parent);
}

std::function<void(QStyleOptionViewItem *, const QModelIndex &)> serviceUsersStyler(const QFont &mono)
{
    return [mono](QStyleOptionViewItem *option, const QModelIndex &index) {
        if (index.data(ServiceUsersModel::MonospaceRole).toBool()) {
            option->font = mono;
            option->fontMetrics = QFontMetrics(option->font);
            option->textElideMode = Qt::ElideMiddle;
        }
        if (index.data(ServiceUsersModel::BannedRole).toBool())
            option->palette.setColor(QPalette::Text, muted(option->palette));
    };
}

ToneDelegate *sessionsDelegate(QObject *parent)
{
    return new ToneDelegate([](QStyleOptionViewItem *option, const QModelIndex &index) {
        if (index.column() == UserSessionsModel::UserColumn && index.data(UserSessionsModel::OwnSessionRole).toBool()) {
            option->font.setBold(true);
            option->fontMetrics = QFontMetrics(option->font);
        }
    }, parent);
}

} // namespace Tones
