#include "MessageBanner.h"

#include <QHBoxLayout>
#include <QLabel>
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
    m_type = type;
    m_label->setText(text);
    m_action->hide();
    m_actionFn = nullptr;
    QString bg, border;
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    switch (type) {
    case Type::Info: bg = QStringLiteral("#e8f1fb"); border = QStringLiteral("#8fb5e0"); break;
    case Type::Positive:
        bg = QStringLiteral("#e7f6ea"); border = QStringLiteral("#86c596"); icon = QStyle::SP_DialogApplyButton; break;
    case Type::Warning:
        bg = QStringLiteral("#fdf4e0"); border = QStringLiteral("#e2b755"); icon = QStyle::SP_MessageBoxWarning; break;
    case Type::Error:
        bg = QStringLiteral("#fbe9e9"); border = QStringLiteral("#e08f8f"); icon = QStyle::SP_MessageBoxCritical; break;
    }
    setStyleSheet(QStringLiteral("#messageBanner { background: %1; border: 1px solid %2; border-radius: 4px; }"
                                 " #messageBanner QLabel { color: #1d1d1d; }").arg(bg, border));
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(20, 20));
    show();
    if (autoHideMs > 0)
        m_hideTimer->start(autoHideMs);
    else
        m_hideTimer->stop();
}

void MessageBanner::setAction(const QString &text, std::function<void()> fn)
{
    m_action->setText(text);
    m_actionFn = std::move(fn);
    m_action->show();
    m_hideTimer->stop();
}

void MessageBanner::dismiss()
{
    m_hideTimer->stop();
    m_actionFn = nullptr;
    if (isVisible()) {
        hide();
        emit dismissed();
    }
}

QString MessageBanner::text() const
{
    return isVisible() ? m_label->text() : QString();
}
