#include "MintKeyDialog.h"
#include "Tones.h"

#include "AppContext.h"
#include "KeyFieldEditors.h"
#include "MessageBanner.h"
#include "core/Duration.h"
#include "services/Services.h"
#include "services/KeyOperations.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace {
enum RateMode { ServerDefault = 0, Off = 1, Custom = 2 };
}

MintKeyDialog::MintKeyDialog(AppContext *context, const QList<ServiceUser> &owners, const QString &ownerId,
                             const std::optional<ConsoleInfo> &info, QWidget *parent)
    : QDialog(parent), m_context(context), m_info(info)
{
    setObjectName(QStringLiteral("mintKeyDialog"));
    setWindowTitle(tr("Mint an API key"));
    auto *outer = new QVBoxLayout(this);
    m_banner = new MessageBanner(this);
    outer->addWidget(m_banner);
    auto *form = new QFormLayout;
    outer->addLayout(form);

    m_owner = new QComboBox(this);
    m_owner->setObjectName(QStringLiteral("ownerBox"));
    for (const ServiceUser &u : owners)
        m_owner->addItem(QStringLiteral("%1 <%2>").arg(u.name, u.email), u.id);
    m_owner->setCurrentIndex(std::max(0, m_owner->findData(ownerId)));
    form->addRow(tr("&Owner (service user):"), m_owner);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setMaxLength(32);
    m_name->setPlaceholderText(tr("e.g. backup-ws"));
    form->addRow(tr("&Name:"), m_name);

    auto *expiryRow = new QHBoxLayout;
    m_expiry = new QComboBox(this);
    m_expiry->setObjectName(QStringLiteral("expiryBox"));
    for (int d : {1, 7, 30, 90, 365})
        m_expiry->addItem(d == 1 ? tr("1 day") : tr("%1 days").arg(d), d);
    m_expiry->addItem(tr("Custom…"), -1);
    m_expiry->addItem(tr("Never"), 0);
    m_expiry->setCurrentIndex(2);
    m_customDays = new QSpinBox(this);
    m_customDays->setObjectName(QStringLiteral("customDaysSpin"));
    m_customDays->setAccessibleName(tr("Custom expiry in days"));
    m_customDays->setRange(1, 3650);
    m_customDays->setValue(14);
    m_customDays->setSuffix(tr(" days"));
    m_customDays->setVisible(false);
    expiryRow->addWidget(m_expiry);
    expiryRow->addWidget(m_customDays);
    expiryRow->addStretch(1);
    auto *expiryLabel = new QLabel(tr("E&xpires in:"), this);
    expiryLabel->setBuddy(m_expiry);
    form->addRow(expiryLabel, expiryRow);

    // h-perms: the catalogue's grid (when the server announces one), free-text rows, saved templates.
    m_permissionEditor = new PermissionEditor(info, context->services()->settings(),
                                              context->services()->session()->endpoint().key(), this);
    auto *permissions = m_permissionEditor->extras();
    m_permissions = permissions->table();
    auto *permissionsLabel = new QLabel(tr("&Permissions:"), this);
    permissionsLabel->setBuddy(m_permissionEditor->hasGrid() ? static_cast<QWidget *>(m_permissionEditor->findChild<QCheckBox *>())
                                                             : m_permissions);
    form->addRow(permissionsLabel, m_permissionEditor);
    connect(m_permissionEditor, &PermissionEditor::templateMessage, this, [this](const QString &text, bool isError) {
        m_banner->showMessage(text, isError ? MessageBanner::Type::Error : MessageBanner::Type::Positive);
    });
    auto *metadata = new KeyValueEditor(QStringLiteral("metadataTable"), QStringLiteral("addMetadataButton"),
                                        QStringLiteral("removeMetadataButton"), tr("Key"), tr("Value"), this);
    m_metadata = metadata->table();
    m_metadata->setAccessibleName(tr("Metadata"));
    form->addRow(tr("M&etadata:"), metadata);   // &M is "Mint key"
    connect(m_permissionEditor, &PermissionEditor::changed, this, &MintKeyDialog::updateWarnings);
    connect(metadata, &KeyValueEditor::changed, this, &MintKeyDialog::updateWarnings);
    auto *metaNote = new QLabel(tr("Only stable ids belong in metadata (host, region, ticket); it is readable by anyone who can list keys."), this);
    metaNote->setWordWrap(true);
    Tones::setTextTone(metaNote, &Tones::muted);
    form->addRow(QString(), metaNote);

    m_prefix = new QLineEdit(this);
    m_prefix->setObjectName(QStringLiteral("prefixEdit"));
    m_prefix->setPlaceholderText(tr("optional, e.g. svc_"));
    form->addRow(tr("P&refix:"), m_prefix);

    auto *rateRow = new QHBoxLayout;
    m_rateMode = new QComboBox(this);
    m_rateMode->setObjectName(QStringLiteral("rateModeBox"));
    m_rateMode->addItems({tr("Server default"), tr("Off"), tr("Custom")});
    m_rateMax = new QSpinBox(this);
    m_rateMax->setObjectName(QStringLiteral("rateMaxSpin"));
    m_rateMax->setAccessibleName(tr("Requests allowed per window"));
    m_rateMax->setRange(1, 100000000);
    m_rateMax->setValue(1000);
    m_rateMax->setSuffix(tr(" requests"));
    m_rateWindow = new QComboBox(this);
    m_rateWindow->addItem(tr("per minute"), 60);
    m_rateWindow->addItem(tr("per hour"), 3600);
    m_rateWindow->addItem(tr("per day"), 86400);
    m_rateWindow->setCurrentIndex(1);
    rateRow->addWidget(m_rateMode);
    rateRow->addWidget(m_rateMax);
    rateRow->addWidget(m_rateWindow);
    rateRow->addStretch(1);
    auto *rateLabel = new QLabel(tr("R&ate limit:"), this);
    rateLabel->setBuddy(m_rateMode);
    form->addRow(rateLabel, rateRow);

    auto *usesRow = new QHBoxLayout;
    m_limitUses = new QCheckBox(tr("Limit to"), this);
    m_limitUses->setObjectName(QStringLiteral("limitUsesCheck"));
    m_remaining = new QSpinBox(this);
    m_remaining->setAccessibleName(tr("Uses allowed"));
    m_remaining->setRange(1, 100000000);
    m_remaining->setValue(1000);
    m_remaining->setSuffix(tr(" uses"));
    m_remaining->setEnabled(false);
    usesRow->addWidget(m_limitUses);
    usesRow->addWidget(m_remaining);
    usesRow->addStretch(1);
    auto *usesLabel = new QLabel(tr("&Uses:"), this);
    usesLabel->setBuddy(m_limitUses);
    form->addRow(usesLabel, usesRow);

    m_warnings = new QLabel(this);
    m_warnings->setTextFormat(Qt::PlainText);
    m_warnings->setObjectName(QStringLiteral("mintWarnings"));
    m_warnings->setWordWrap(true);
    Tones::setTextTone(m_warnings, &Tones::warning);   // amber from the palette: readable light or dark
    outer->addWidget(m_warnings);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_mint = buttons->addButton(tr("&Mint key"), QDialogButtonBox::AcceptRole);
    m_mint->setObjectName(QStringLiteral("mintButton"));
    outer->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_mint, &QPushButton::clicked, this, &MintKeyDialog::mint);

    connect(m_expiry, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        m_customDays->setVisible(m_expiry->currentData().toInt() == -1);
        updateWarnings();
    });
    connect(m_rateMode, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int i) {
        m_rateMax->setEnabled(i == Custom);
        m_rateWindow->setEnabled(i == Custom);
        updateWarnings();
    });
    connect(m_limitUses, &QCheckBox::toggled, m_remaining, &QSpinBox::setEnabled);
    connect(m_name, &QLineEdit::textChanged, this, &MintKeyDialog::updateWarnings);
    m_rateMax->setEnabled(false);
    m_rateWindow->setEnabled(false);
    updateWarnings();
    resize(620, sizeHint().height());
    // The owner is preselected; the name is what is typed first.
    (m_owner->currentIndex() >= 0 && !m_owner->currentData().toString().isEmpty() ? static_cast<QWidget *>(m_name)
                                                                                   : m_owner)->setFocus();
}

KeyFields MintKeyDialog::fields(QString *error) const
{
    KeyFields f;
    error->clear();
    f.userId = m_owner->currentData().toString();
    f.name = m_name->text().trimmed();
    f.prefix = m_prefix->text().trimmed();
    if (f.userId.isEmpty()) {
        *error = tr("Choose the service user that will own the key (create one on the Service users page).");
        return f;
    }
    if (f.name.isEmpty()) {
        *error = tr("Give the key a name (1 to 32 characters).");
        return f;
    }
    const int days = m_expiry->currentData().toInt();
    if (days > 0)
        f.expiresIn = qint64(days) * 86400;
    else if (days == -1)
        f.expiresIn = qint64(m_customDays->value()) * 86400;
    const Permissions perms = m_permissionEditor->permissions(error);
    if (!error->isEmpty())
        return f;
    if (!perms.isEmpty())
        f.permissions = perms;
    const QJsonObject meta = KeyFieldEditors::readMetadata(m_metadata, error);
    if (!error->isEmpty())
        return f;
    if (!meta.isEmpty())
        f.metadata = meta;
    if (m_rateMode->currentIndex() == Off) {
        f.rateLimitEnabled = false;
    } else if (m_rateMode->currentIndex() == Custom) {
        f.rateLimitEnabled = true;
        f.rateLimitMax = m_rateMax->value();
        f.rateLimitTimeWindow = m_rateWindow->currentData().toLongLong();
    }
    if (m_limitUses->isChecked())
        f.remaining = m_remaining->value();
    return f;
}

void MintKeyDialog::updateWarnings()
{
    QStringList w;
    const qint64 max = m_info ? m_info->defaultRateLimitMax : 10;
    const qint64 window = m_info ? m_info->defaultRateLimitWindow : 86400;
    const bool defaultOn = m_info ? m_info->defaultRateLimitEnabled : true;
    if (m_rateMode->currentIndex() == ServerDefault && defaultOn)
        w << tr("The server's default rate limit is %1 requests per %2: every request and every channel connect with "
                "this key counts, and a machine key used more often is blocked. Choose Off or Custom for a service.")
                 .arg(max).arg(formatRateWindow(window));
    if (m_info && !m_info->metadataEnabled && m_metadata->rowCount() > 0)
        w << tr("Metadata is disabled on this server; it will be refused.");
    const int days = m_expiry->currentData().toInt();
    const qint64 secs = days > 0 ? qint64(days) * 86400 : days == -1 ? qint64(m_customDays->value()) * 86400 : -1;
    if (m_info && secs > 0 && secs < m_info->minExpiresIn)
        w << tr("The server's minimum key lifetime is %1.").arg(formatDuration(m_info->minExpiresIn));
    if (m_info && secs > m_info->maxExpiresIn)
        w << tr("The server's maximum key lifetime is %1.").arg(formatDuration(m_info->maxExpiresIn));
    m_warnings->setText(w.join(QStringLiteral("\n")));
    m_warnings->setVisible(!w.isEmpty());
}

void MintKeyDialog::mint()
{
    if (m_busy || m_banner->isCountingDown())
        return;
    QString error;
    const KeyFields f = fields(&error);
    if (!error.isEmpty()) {
        m_banner->showMessage(error, MessageBanner::Type::Error);
        return;
    }
    send(f, QString());
}

void MintKeyDialog::send(const KeyFields &f, const QString &retryId)
{
    m_banner->showMessage(retryId.isEmpty() ? tr("Minting…") : tr("Asking the server for the key's reply again…"),
                          MessageBanner::Type::Info);
    m_busy = true;
    m_mint->setEnabled(false);
    KeyOperations ops(m_context->services()->console());
    const QString ownerName = m_owner->currentText();
    ops.mint(f, retryId, this, [this, f, ownerName](Result<MintedKey> r, const KeyAttempt &attempt) {
        m_busy = false;
        m_mint->setEnabled(true);
        if (r.ok()) {
            m_banner->dismiss();
            emit minted(r.value(), ownerName);
            accept();
            return;
        }
        const ApiError &e = r.error();
        if (e.replyMayBeLost() && attempt.sentAt.isValid()) {
            // Timeout, dropped connection, garbled body, or a gateway's 502/503/504: the key may exist.
            reportLostReply(f, e, attempt);
        } else if (e.kind == ApiError::Kind::Unauthorized) {
            showSessionEnded();
        } else if (e.kind == ApiError::Kind::RateLimited) {
            m_banner->showError(e, tr("Mint again"), [this] { mint(); }, {m_mint});
        } else {
            m_banner->showMessage(e.userMessage(), MessageBanner::Type::Error);
        }
    });
}

void MintKeyDialog::showSessionEnded()
{
    // Every field stays as typed; sign-in opens over this dialog (the main window is blocked by it).
    m_banner->showMessage(tr("Your session ended. Sign in again to continue; what you typed is kept."),
                          MessageBanner::Type::Error);
    m_banner->setAction(tr("Sign in again"), [this] {
        m_context->requestSignIn(this, [this](bool signedIn) {
            if (!signedIn) {
                showSessionEnded();
                return;
            }
            // Not re-sent for the admin: minting is theirs to press.
            m_banner->showMessage(tr("Signed in again. Press Mint to continue."), MessageBanner::Type::Positive);
        });
    });
}

void MintKeyDialog::reportLostReply(const KeyFields &f, const ApiError &e, const KeyAttempt &attempt)
{
    m_banner->showMessage(tr("The server's reply was lost (%1). The key may have been created without its secret "
                             "reaching you; looking for it…").arg(e.userMessage()),
                          MessageBanner::Type::Warning);
    KeyOperations ops(m_context->services()->console());
    ops.findMinted(f.userId, f.name, attempt, this, [this, f, requestId = attempt.requestId](Result<QList<ApiKey>> r) {
        if (!r.ok()) {
            m_banner->showMessage(tr("The reply was lost and the key list could not be read (%1). Check the keys page "
                                     "for a key named %2 and revoke it.").arg(r.error().userMessage(), f.name),
                                  MessageBanner::Type::Error);
            return;
        }
        QStringList orphans;
        for (const ApiKey &k : r.value())
            orphans << QStringLiteral("%1 (%2…, created %3)").arg(k.id, k.start, k.createdAt.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
        if (orphans.isEmpty()) {
            m_banner->showMessage(tr("The reply was lost, and no key named %1 was created since the request left: "
                                     "nothing was minted. Press Mint to try again.").arg(f.name),
                                  MessageBanner::Type::Warning);
        } else if (!requestId.isEmpty()) {
            // The server keeps its reply under this request id: the same request again gets it, secret included,
            // and mints nothing. Offered, never sent for the admin.
            m_banner->showMessage(tr("The reply was lost after the server created: %1. The server kept its reply: ask "
                                     "for it again to get the secret (nothing new is minted).").arg(orphans.join(QStringLiteral(", "))),
                                  MessageBanner::Type::Error);
            m_banner->setAction(tr("&Get the secret"), [this, f, requestId] { send(f, requestId); });
        } else {
            m_banner->showMessage(tr("The reply was lost after the server created: %1. Its secret cannot be recovered: "
                                     "revoke it on the keys page, then mint again.").arg(orphans.join(QStringLiteral(", "))),
                                  MessageBanner::Type::Error);
        }
    });
}
