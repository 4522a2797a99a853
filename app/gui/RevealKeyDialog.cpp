#include "RevealKeyDialog.h"

#include "AppContext.h"
#include "Clipboard.h"
#include "Dialogs.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

RevealKeyDialog::RevealKeyDialog(AppContext *context, const MintedKey &minted, const QString &ownerName, QWidget *parent)
    : QDialog(parent), m_context(context)
{
    setObjectName(QStringLiteral("revealKeyDialog"));
    setWindowTitle(minted.previous ? tr("Key rotated") : tr("Key minted"));
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("<b>%1</b> for %2").arg(minted.apiKey.name.toHtmlEscaped(), ownerName.toHtmlEscaped()), this);
    layout->addWidget(title);
    auto *warn = new QLabel(tr("Copy the secret now. It is shown this once and cannot be retrieved again; the server "
                               "only keeps a hash."), this);
    warn->setWordWrap(true);
    warn->setStyleSheet(QStringLiteral("QLabel { background: #fdf4e0; border: 1px solid #e2b755; border-radius: 4px; padding: 8px; color: #1d1d1d; }"));
    layout->addWidget(warn);
    auto *row = new QHBoxLayout;
    m_secret = new QLineEdit(minted.secret, this);
    m_secret->setObjectName(QStringLiteral("secretField"));
    m_secret->setReadOnly(true);
    m_secret->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_secret->setMinimumWidth(520);
    m_copy = new QPushButton(tr("&Copy"), this);
    m_copy->setObjectName(QStringLiteral("copySecretButton"));
    m_copy->setDefault(true);
    row->addWidget(m_secret, 1);
    row->addWidget(m_copy);
    layout->addLayout(row);
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
    connect(m_copy, &QPushButton::clicked, this, [this] {
        m_context->clipboard()->copySecret(m_secret->text(), 30000);
        m_copied = true;
        m_status->setText(tr("Copied. The clipboard is cleared in 30 s (if it still holds this key) and when Pikku Admin quits."));
    });
    connect(m_context->clipboard(), &Clipboard::secretCleared, this, [this] {
        if (m_copied)
            m_status->setText(tr("The clipboard was cleared."));
    });
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
