#pragma once

#include <QColor>
#include <QPalette>
#include <QLabel>
#include <QStyledItemDelegate>

#include <functional>

class QPainter;
class QRectF;

// Colours for the states models report through semantic roles (ApiKeysModel::StateRole,
// ChannelLogModel::ErrorRole/DirectionRole, DeviceCodesModel::SecondsLeftRole): worked out from the
// widget's palette, so a dark theme gets readable colours too. Models never hand out colours or fonts.
namespace Tones {
QColor muted(const QPalette &palette);      // disabled, expired, events: the palette's placeholder text
QColor accent(const QPalette &palette);     // what we sent: the palette's link colour
QColor negative(const QPalette &palette);   // errors, about to expire: a red that reads on the base colour
QColor warning(const QPalette &palette);    // expiring soon: an amber that reads on the base colour
QColor tint(const QPalette &palette, const QColor &tone);   // a background: tone blended into the base
QColor info(const QPalette &palette);       // information: a blue that reads on the base colour
QColor positive(const QPalette &palette);   // done, saved: a green that reads on the base colour
// Gives `widget` text in a tone of the palette (muted, warning, …) and keeps it so when the application's
// palette changes (View > Theme, or the desktop's): a style sheet's palette(dark) is unreadable on dark.
void setTextTone(QWidget *widget, QColor (*tone)(const QPalette &));
// A notice box (banner, hint): the tone's tint as the background, the tone as a 1 px rounded border.
void paintNotice(QPainter *painter, const QRectF &rect, const QPalette &palette, const QColor &tone);
} // namespace Tones

// A view-wide delegate whose styler adjusts each item's option (text colour, background, font) from the
// index's semantic roles: the GUI-side half of a model's state roles.
// A label drawn as a notice box in a tone worked out from the palette (so it reads in a dark theme too);
// the text keeps the palette's text colour. The tone is a kind, never the only signal: the words say it.
class NoticeLabel : public QLabel
{
    Q_OBJECT
public:
    enum class Kind { Info, Warning, Negative };
    explicit NoticeLabel(QWidget *parent = nullptr, Kind kind = Kind::Info);
    void setKind(Kind kind);
    Kind kind() const { return m_kind; }
    QColor toneColor() const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    Kind m_kind;
};

class ToneDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using Styler = std::function<void(QStyleOptionViewItem *option, const QModelIndex &index)>;
    ToneDelegate(Styler styler, QObject *parent);
    // The font an item is drawn in (TableColumns measures text with it when it fits the columns).
    QFont fontFor(const QModelIndex &index, const QFont &base) const;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    Styler m_styler;
};

namespace Tones {
// The delegates of the main tables: each maps its model's semantic roles to the palette.
// API keys (ApiKeysModel::StateRole): disabled and expired keys muted; the expiry cell of an expired key
// tinted negative, of one expiring soon in the warning tone (the text says "expired" / the date too).
ToneDelegate *apiKeysDelegate(QObject *parent);
// Channel log (ChannelLogModel::ErrorRole, DirectionRole): errors negative, socket events muted, what we
// sent in the accent (the direction column says the same in words).
ToneDelegate *channelLogDelegate(QObject *parent);
// Pending device codes: the code (bold) and the countdown in `mono`; the countdown negative when less
// than DeviceCodesModel::UrgentSeconds are left (SecondsLeftRole).
ToneDelegate *deviceCodesDelegate(const QFont &mono, QObject *parent);
// Service users: the id (ServiceUsersModel::MonospaceRole) in `mono`; banned users muted (the State
// column says "banned" in words).
ToneDelegate *serviceUsersDelegate(const QFont &mono, QObject *parent = nullptr);
std::function<void(QStyleOptionViewItem *, const QModelIndex &)> serviceUsersStyler(const QFont &mono);
// Sessions: this console's own session (UserSessionsModel::OwnSessionRole) bold (its text says so too).
ToneDelegate *sessionsDelegate(QObject *parent);
} // namespace Tones
