#include "RevealKeyDialog.h"
#include "Tones.h"

#include "AppContext.h"
#include "Clipboard.h"
#include "Dialogs.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

RevealKeyDialog::RevealKeyDialog(AppContext *context, const MintedKey &minted, const QString &ownerName, QWidget *parent)
    : QDialog(parent), m_context(context)
{
    setObjectName(QStringLiteral("revealKeyDialog"));
    setWindowTitle(minted.previous ? tr("Key rotated") : tr("Key minted"));
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("<b>%1</b> for %2").arg(minted.apiKey.name.toHtmlEscaped(), ownerName.toHtmlEscaped()), this);
    layout->addWidget(title);
    auto *warn = new NoticeLabel(this, NoticeLabel::Kind::Warning);
    warn->setText(tr("Copy the secret now. It is shown this once and cannot be retrieved again; the server "
                               "only keeps a hash."));
    warn->setObjectName(QStringLiteral("secretWarning"));
    warn->setWordWrap(true);
    layout->addWidget(warn);
    auto *row = new QHBoxLayout;
    // A label, not a line edit: nothing to select, so neither Ctrl+C nor the PRIMARY selection (which a
    // stray middle click pastes anywhere) can take the secret past the self-clearing clipboard.
    m_secretText = minted.secret;
    // Named before it holds the text: constructed with it, the label's accessibility interface was created (and
    // logged by qt.accessibility.cache at debug) with the secret as its name (tst_no_secret_at_rest).
    m_secret = new QLabel(this);
    m_secret->setObjectName(QStringLiteral("secretField"));
    m_secret->setAccessibleName(tr("New secret"));
    m_secret->setTextFormat(Qt::PlainText);
    m_secret->setTextInteractionFlags(Qt::NoTextInteraction);
    m_secret->setContextMenuPolicy(Qt::NoContextMenu);
    m_secret->setFocusPolicy(Qt::NoFocus);
    m_secret->setWordWrap(false);
    m_secret->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_secret->setMinimumWidth(520);
    m_secret->setFrameShape(QFrame::StyledPanel);
    m_secret->setStyleSheet(QStringLiteral("QLabel { padding: 4px; }"));
    m_secret->setText(minted.secret);
    m_copy = new QPushButton(tr("&Copy"), this);
    m_copy->setObjectName(QStringLiteral("copySecretButton"));
    m_copy->setDefault(true);
    m_clearNow = new QPushButton(tr("C&lear now"), this);
    m_clearNow->setObjectName(QStringLiteral("clearClipboardButton"));
    m_clearNow->setToolTip(tr("Remove the secret from the clipboard now"));
    m_clearNow->setEnabled(false);
    row->addWidget(m_secret, 1);
    row->addWidget(m_copy);
    row->addWidget(m_clearNow);
    layout->addLayout(row);
    m_countdown = new QLabel(this);
    m_countdown->setObjectName(QStringLiteral("clipboardCountdown"));
    m_countdown->setTextFormat(Qt::PlainText);
    m_countdown->hide();
    layout->addWidget(m_countdown);
    m_tick = new QTimer(this);
    m_tick->setInterval(250);   // the label moves once a second; a finer tick keeps it on time
    connect(m_tick, &QTimer::timeout, this, &RevealKeyDialog::updateCountdown);
    if (minted.previous) {
        auto *prev = new QLabel(tr("The previous key (%1…) keeps working until %2, so clients can move over. Once "
                                   "this window is closed, the rotate window follows its last use.")
                                    .arg(minted.previous->start,
                                         minted.previous->expiresAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))),
                                this);
        prev->setObjectName(QStringLiteral("previousKeyLabel"));
        prev->setWordWrap(true);
        layout->addWidget(prev);
    }
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("copyStatus"));
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &RevealKeyDialog::reject);
    m_status->setTextFormat(Qt::PlainText);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        m_context->clipboard()->copySecret(m_secretText, kClearAfterMs);
        m_copied = true;
        m_status->setText(tr("Copied. The clipboard is cleared when the countdown ends (if it still holds this key) "
                             "and when Pikku Admin quits."));
        m_clearNow->setEnabled(true);
        m_countdown->show();
        m_tick->start();
        updateCountdown();
    });
    connect(m_clearNow, &QPushButton::clicked, m_context->clipboard(), &Clipboard::clearSecret);
    connect(m_context->clipboard(), &Clipboard::secretCleared, this, [this] {
        m_tick->stop();
        m_countdown->hide();
        m_clearNow->setEnabled(false);
        if (m_copied)
            m_status->setText(tr("The clipboard was cleared."));
    });
}

void RevealKeyDialog::updateCountdown()
{
    const int ms = m_context->clipboard()->secretRemainingMs();
    if (ms <= 0) {
        m_tick->stop();
        m_countdown->hide();
        return;
    }
    const int seconds = std::min((ms + 999) / 1000, kClearAfterMs / 1000);
    m_countdown->setText(tr("The clipboard is cleared in %n s.", nullptr, seconds));
}

void RevealKeyDialog::reject()
{
    if (m_copied || m_confirmedClose) {
        QDialog::reject();
        return;
    }
    Dialogs::confirm(this, tr("Close without copying?"),
                     tr("The secret has not been copied. Once this window closes it cannot be shown again; you would have "
                        "to rotate or mint a new key."),
                     tr("Close anyway"), [this](bool yes) {
                         if (yes) {
                             m_confirmedClose = true;
                             QDialog::reject();
                         }
                     }, QMessageBox::Warning);
}

void RevealKeyDialog::done(int r)
{
    if (!m_copied && !m_confirmedClose) {
        reject();
        return;
    }
    QDialog::done(r);
}
