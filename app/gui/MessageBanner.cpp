#include "MessageBanner.h"

#include "Tones.h"
#include "core/ApiError.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QStyle>
#include <QTimer>
#include <QToolButton>

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent),
      m_icon(new QLabel(this)),
      m_label(new QLabel(this)),
      m_action(new QPushButton(this)),
      m_close(new QToolButton(this)),
      m_hideTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("messageBanner"));
    m_label->setObjectName(QStringLiteral("messageBannerText"));
    m_action->setObjectName(QStringLiteral("messageBannerAction"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);   // server text is shown as text, never as markup
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close->setAutoRaise(true);
    m_close->setText(QStringLiteral("✕"));
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss message"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 8, 8);
    layout->addWidget(m_icon);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_action);
    layout->addWidget(m_close);
    m_action->hide();
    m_hideTimer->setSingleShot(true);
    connect(m_hideTimer, &QTimer::timeout, this, &MessageBanner::dismiss);
    connect(m_close, &QToolButton::clicked, this, &MessageBanner::dismiss);
    connect(m_action, &QPushButton::clicked, this, [this] {
        auto fn = m_actionFn;
        dismiss();
        if (fn)
            fn();
    });
    hide();
}

void MessageBanner::showMessage(const QString &text, Type type, int autoHideMs)
{
    if (type == Type::Positive && !m_floating && parentWidget()) {
        // Replaces whatever the strip showed, without moving the page: the strip goes, the success floats.
        stopCountdown();
        m_hideTimer->stop();
        m_actionFn = nullptr;
        m_type = type;
        hide();
        if (!m_toast) {
            m_toast = new MessageBanner(parentWidget());
            m_toast->m_floating = true;
            m_toast->setObjectName(QStringLiteral("messageBanner"));   // same look
            parentWidget()->installEventFilter(m_toast);
            connect(m_toast, &MessageBanner::dismissed, this, &MessageBanner::dismissed);
        }
        m_toast->showMessage(text, type, autoHideMs > 0 ? autoHideMs : kSuccessHideMs);
        return;
    }
    if (m_toast && m_toast->isVisible()) {
        m_toast->m_hideTimer->stop();
        m_toast->m_actionFn = nullptr;
        m_toast->hide();
    }
    stopCountdown();
    m_type = type;
    m_label->setText(text);
    m_action->hide();
    m_actionFn = nullptr;
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    switch (type) {
    case Type::Info: break;
    case Type::Positive: icon = QStyle::SP_DialogApplyButton; break;
    case Type::Warning: icon = QStyle::SP_MessageBoxWarning; break;
    case Type::Error: icon = QStyle::SP_MessageBoxCritical; break;
    }
    update();   // the box's tone (paintEvent) follows the type
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(20, 20));
    show();
    if (m_floating)
        placeFloating();
    if (autoHideMs > 0)
        m_hideTimer->start(autoHideMs);
    else
        m_hideTimer->stop();
}

void MessageBanner::setAction(const QString &text, std::function<void()> fn)
{
    if (m_toast && m_toast->isVisible()) {
        m_toast->setAction(text, std::move(fn));
        return;
    }
    m_action->setText(text);
    m_actionFn = std::move(fn);
    m_action->setEnabled(true);
    m_action->show();
    m_hideTimer->stop();
}

void MessageBanner::showRateLimited(std::chrono::seconds wait, const QString &actionText, std::function<void()> retry,
                                    const QList<QWidget *> &holdDisabled)
{
    showMessage(QString(), Type::Warning);
    if (retry)
        setAction(actionText.isEmpty() ? tr("Retry") : actionText, std::move(retry));
    if (!m_countdown) {
        m_countdown = new QTimer(this);
        m_countdown->setInterval(200);
        connect(m_countdown, &QTimer::timeout, this, &MessageBanner::tickCountdown);
    }
    m_deadline = QDeadlineTimer(std::chrono::duration_cast<std::chrono::milliseconds>(wait));
    for (QWidget *w : holdDisabled)
        if (w) {
            w->setEnabled(false);
            m_held << QPointer<QWidget>(w);
        }
    m_countdownActive = true;
    m_countdown->start();
    tickCountdown();
}

void MessageBanner::showError(const ApiError &e, const QString &actionText, std::function<void()> retry,
                              const QList<QWidget *> &holdDisabled)
{
    if (e.kind == ApiError::Kind::RateLimited && e.retryAfter.count() > 0) {
        showRateLimited(e.retryAfter, actionText, std::move(retry), holdDisabled);
        return;
    }
    showMessage(e.userMessage(), e.kind == ApiError::Kind::RateLimited ? Type::Warning : Type::Error);
    if (retry)
        setAction(actionText.isEmpty() ? tr("Retry") : actionText, std::move(retry));
}

void MessageBanner::tickCountdown()
{
    const qint64 ms = m_deadline.remainingTime();
    if (ms > 0) {
        m_label->setText(tr("The server is rate-limiting requests; try again in %1 s.").arg((ms + 999) / 1000));
        m_action->setEnabled(false);
        return;
    }
    stopCountdown();
    m_label->setText(tr("The server is rate-limiting requests; you can try again now."));
}

void MessageBanner::stopCountdown()
{
    if (!m_countdownActive)
        return;
    m_countdownActive = false;
    m_countdown->stop();
    m_action->setEnabled(true);
    for (const QPointer<QWidget> &w : std::as_const(m_held))
        if (w)
            w->setEnabled(true);
    m_held.clear();
}

bool MessageBanner::hidesByItself() const
{
    if (m_toast && m_toast->isVisible())
        return m_toast->hidesByItself();
    return isVisible() && m_hideTimer->isActive();
}

void MessageBanner::placeFloating()
{
    QWidget *p = parentWidget();
    if (!p)
        return;
    const int w = std::min(p->width() - 32, 620);
    const int h = hasHeightForWidth() ? heightForWidth(w) : sizeHint().height();
    setGeometry((p->width() - w) / 2, p->height() - h - 16, w, std::max(h, minimumSizeHint().height()));
    raise();
}

bool MessageBanner::eventFilter(QObject *watched, QEvent *event)
{
    if (m_floating && watched == parentWidget() && event->type() == QEvent::Resize && isVisible())
        placeFloating();
    return QFrame::eventFilter(watched, event);
}

void MessageBanner::dismiss()
{
    if (m_toast)
        m_toast->dismiss();
    stopCountdown();
    m_hideTimer->stop();
    m_actionFn = nullptr;
    if (isVisible()) {
        hide();
        emit dismissed();
    }
}

QString MessageBanner::text() const
{
    if (m_toast && m_toast->isVisible())
        return m_toast->text();
    return isVisible() ? m_label->text() : QString();
}

QColor MessageBanner::toneColor() const
{
    switch (m_type) {
    case Type::Info: return Tones::info(palette());
    case Type::Positive: return Tones::positive(palette());
    case Type::Warning: return Tones::warning(palette());
    case Type::Error: return Tones::negative(palette());
    }
    return Tones::info(palette());
}

void MessageBanner::paintEvent(QPaintEvent *)
{
    // Drawn from the palette (not a style sheet of fixed light colours): readable in a dark theme, and it
    // follows a theme switch at once. The icon and the words carry the kind too, not the colour alone.
    QPainter painter(this);
    Tones::paintNotice(&painter, rect(), palette(), toneColor());
}
