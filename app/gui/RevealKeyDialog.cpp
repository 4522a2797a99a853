#include "RevealKeyDialog.h"

#include "Tones.h"

#include "AppContext.h"
#include "Clipboard.h"
#include "Dialogs.h"
#include "ui_RevealKeyDialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPushButton>
#include <QTimer>

#include <algorithm>

RevealKeyDialog::RevealKeyDialog(AppContext *context, const MintedKey &minted, const QString &ownerName, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::RevealKeyDialog>()), m_context(context)
{
    // The secret field is named in the form, before it holds the text: constructed with it, the label's
    // accessibility interface was created (and logged by qt.accessibility.cache at debug) with the secret
    // as its name (tst_no_secret_at_rest).
    m_ui->setupUi(this);
    setWindowTitle(minted.previous ? tr("Key rotated") : tr("Key minted"));
    m_ui->keyTitle->setText(tr("<b>%1</b> for %2").arg(minted.apiKey.name.toHtmlEscaped(), ownerName.toHtmlEscaped()));
    m_ui->secretWarning->setKind(NoticeLabel::Kind::Warning);
    m_secretText = minted.secret;
    m_secret = m_ui->secretField;
    m_secret->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_secret->setText(minted.secret);
    m_copy = m_ui->copySecretButton;
    m_clearNow = m_ui->clearClipboardButton;
    m_countdown = m_ui->clipboardCountdown;
    m_status = m_ui->copyStatus;
    m_tick = new QTimer(this);
    m_tick->setInterval(250);   // the label moves once a second; a finer tick keeps it on time
    connect(m_tick, &QTimer::timeout, this, &RevealKeyDialog::updateCountdown);
    if (minted.previous) {
        m_ui->previousKeyLabel->setText(tr("The previous key (%1…) keeps working until %2, so clients can move over. Once "
                                           "this window is closed, the rotate window follows its last use.")
                                            .arg(minted.previous->start,
                                                 minted.previous->expiresAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
        m_ui->previousKeyLabel->show();
    }
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &RevealKeyDialog::reject);
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

RevealKeyDialog::~RevealKeyDialog() = default;

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
