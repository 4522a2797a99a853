#include "EditKeyDialog.h"
#include "Tones.h"

#include "AppContext.h"
#include "KeyFieldEditors.h"
#include "MessageBanner.h"
#include "core/Duration.h"
#include "services/Services.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {
enum ExpiryChoice : qint64 { Keep = -2, Custom = -1, Never = 0 };

// The shortest text parseDurationSeconds() reads back exactly: 86400 → "1d", 5400 → "90m".
QLabel *note(const QString &text, QWidget *parent, const char *name = nullptr)
{
    auto *l = new QLabel(text, parent);
    if (name)
        l->setObjectName(QLatin1String(name));
    l->setWordWrap(true);
    Tones::setTextTone(l, &Tones::muted);
    return l;
}
} // namespace

EditKeyDialog::EditKeyDialog(AppContext *context, const ApiKey &key, const QString &ownerName,
                             const std::optional<ConsoleInfo> &info, QWidget *parent)
    : QDialog(parent), m_context(context), m_key(key), m_info(info)
{
    setObjectName(QStringLiteral("editKeyDialog"));
    setWindowTitle(tr("Edit %1").arg(key.name));
    auto *outer = new QVBoxLayout(this);
    m_banner = new MessageBanner(this);
    outer->addWidget(m_banner);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    outer->addLayout(form);

    auto *who = new QLabel(tr("<b>%1</b> (%2…) of %3").arg(key.name.toHtmlEscaped(), key.start.toHtmlEscaped(), ownerName.toHtmlEscaped()), this);
    who->setObjectName(QStringLiteral("keyIdentity"));
    who->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Key:"), who);

    m_name = new QLineEdit(key.name, this);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setMaxLength(32);
    form->addRow(tr("&Name:"), m_name);

    m_enabled = new QCheckBox(tr("Accepted by the server (a disabled key is refused until enabled again)"), this);
    m_enabled->setObjectName(QStringLiteral("enabledCheck"));
    m_enabled->setChecked(key.enabled);
    form->addRow(tr("Enabled:"), m_enabled);

    // Expiry: keep, a preset, custom (a duration from now), or never.
    auto *expiryRow = new QHBoxLayout;
    m_expiry = new QComboBox(this);
    m_expiry->setObjectName(QStringLiteral("expiryBox"));
    m_expiry->addItem(key.expiresAt.isValid() ? tr("Keep: %1").arg(formatLocalTimeAndRelative(key.expiresAt, QDateTime::currentDateTimeUtc())) : tr("Keep: never expires"), qint64(Keep));
    for (int d : {1, 7, 30, 90, 365})
        m_expiry->addItem(d == 1 ? tr("1 day from now") : tr("%1 days from now").arg(d), qint64(d) * 86400);
    m_expiry->addItem(tr("Custom…"), qint64(Custom));
    m_expiry->addItem(tr("Never"), qint64(Never));
    m_customExpiry = new QLineEdit(this);
    m_customExpiry->setObjectName(QStringLiteral("customExpiryEdit"));
    m_customExpiry->setAccessibleName(tr("Custom expiry"));
    m_customExpiry->setPlaceholderText(tr("e.g. 14d, 36h"));
    m_customExpiry->setMaximumWidth(120);
    m_customExpiry->setVisible(false);
    m_customResult = new QLabel(this);
    m_customResult->setTextFormat(Qt::PlainText);
    m_customResult->setObjectName(QStringLiteral("customExpiryResult"));
    expiryRow->addWidget(m_expiry);
    expiryRow->addWidget(m_customExpiry);
    expiryRow->addWidget(m_customResult);
    expiryRow->addStretch(1);
    form->addRow(tr("Expires:"), expiryRow);
    const qint64 minExp = info ? info->minExpiresIn : 86400, maxExp = info ? info->maxExpiresIn : 365 * 86400;
    m_expiryHint = note(tr("The server allows lifetimes from %1 to %2, counted from now.").arg(formatDuration(minExp), formatDuration(maxExp)),
                        this, "expiryHint");
    form->addRow(QString(), m_expiryHint);

    // h-perms: the catalogue's grid (when the server announces one), free-text rows, saved templates.
    m_permissions = new PermissionEditor(info, context->services()->settings(),
                                         context->services()->session()->endpoint().key(), this);
    m_permissions->setPermissions(key.permissions);
    auto *permissionsLabel = new QLabel(tr("&Permissions:"), this);
    permissionsLabel->setBuddy(m_permissions->hasGrid() ? static_cast<QWidget *>(m_permissions->findChild<QCheckBox *>())
                                                        : m_permissions->extras()->table());
    form->addRow(permissionsLabel, m_permissions);
    connect(m_permissions, &PermissionEditor::templateMessage, this, [this](const QString &text, bool isError) {
        m_banner->showMessage(text, isError ? MessageBanner::Type::Error : MessageBanner::Type::Positive);
    });

    m_metadata = new KeyValueEditor(QStringLiteral("metadataTable"), QStringLiteral("addMetadataButton"),
                                    QStringLiteral("removeMetadataButton"), tr("Key"), tr("Value"), this);
    KeyFieldEditors::setMetadata(m_metadata, key.metadata);
    m_metadata->table()->setAccessibleName(tr("Metadata"));
    form->addRow(tr("&Metadata:"), m_metadata);
    const bool metadataOff = info && !info->metadataEnabled;
    m_metadata->setEnabled(!metadataOff);
    form->addRow(QString(), note(metadataOff ? tr("Metadata is disabled on this server (the API Key plugin's enableMetadata is off); it cannot be changed.")
                                             : tr("Only stable ids belong in metadata (host, region, ticket); it is readable by anyone who can list keys."),
                                 this, "metadataNote"));

    auto *rateRow = new QHBoxLayout;
    m_rateEnabled = new QCheckBox(tr("On:"), this);
    m_rateEnabled->setObjectName(QStringLiteral("rateLimitCheck"));
    m_rateEnabled->setChecked(key.rateLimitEnabled);
    m_rateMax = new QSpinBox(this);
    m_rateMax->setObjectName(QStringLiteral("rateMaxSpin"));
    m_rateMax->setAccessibleName(tr("Requests allowed per window"));
    m_rateMax->setRange(1, 100000000);
    m_rateMax->setValue(int(key.rateLimitMax.value_or(info ? info->defaultRateLimitMax : 10)));
    m_rateMax->setSuffix(tr(" requests"));
    m_rateWindow = new QLineEdit(formatDurationCompact(key.rateLimitTimeWindow.value_or(info ? info->defaultRateLimitWindow : 86400)), this);
    m_rateWindow->setObjectName(QStringLiteral("rateWindowEdit"));
    m_rateWindow->setAccessibleName(tr("Rate limit window"));
    m_rateWindow->setPlaceholderText(tr("e.g. 1h"));
    m_rateWindow->setMaximumWidth(90);
    rateRow->addWidget(m_rateEnabled);
    rateRow->addWidget(m_rateMax);
    rateRow->addWidget(new QLabel(tr("per"), this));
    rateRow->addWidget(m_rateWindow);
    rateRow->addStretch(1);
    form->addRow(tr("Rate limit:"), rateRow);

    auto *usesRow = new QHBoxLayout;
    m_limitUses = new QCheckBox(tr("Limit to"), this);
    m_limitUses->setObjectName(QStringLiteral("limitUsesCheck"));
    m_limitUses->setChecked(key.remaining.has_value());
    m_remaining = new QSpinBox(this);
    m_remaining->setObjectName(QStringLiteral("remainingSpin"));
    m_remaining->setAccessibleName(tr("Uses left"));
    m_remaining->setRange(0, 100000000);
    m_remaining->setValue(int(key.remaining.value_or(1000)));
    m_remaining->setSuffix(tr(" uses left"));
    usesRow->addWidget(m_limitUses);
    usesRow->addWidget(m_remaining);
    usesRow->addStretch(1);
    form->addRow(tr("Uses:"), usesRow);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_save = buttons->addButton(tr("&Save changes"), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_save->setDefault(true);
    outer->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &EditKeyDialog::save);

    connect(m_expiry, qOverload<int>(&QComboBox::currentIndexChanged), this, &EditKeyDialog::updateHints);
    connect(m_customExpiry, &QLineEdit::textChanged, this, &EditKeyDialog::updateHints);
    connect(m_rateEnabled, &QCheckBox::toggled, this, &EditKeyDialog::updateHints);
    connect(m_limitUses, &QCheckBox::toggled, this, &EditKeyDialog::updateHints);
    updateHints();
    resize(680, sizeHint().height());
}

std::optional<qint64> EditKeyDialog::customExpirySeconds() const
{
    return parseDurationSeconds(m_customExpiry->text());
}

void EditKeyDialog::updateHints()
{
    const qint64 choice = m_expiry->currentData().toLongLong();
    m_customExpiry->setVisible(choice == Custom);
    m_rateMax->setEnabled(m_rateEnabled->isChecked());
    m_rateWindow->setEnabled(m_rateEnabled->isChecked());
    m_remaining->setEnabled(m_limitUses->isChecked());
    QString result;
    if (choice == Custom) {
        const auto s = customExpirySeconds();
        result = s && *s > 0 ? tr("→ %1").arg(formatLocalTime(QDateTime::currentDateTime().addSecs(*s)))
                             : m_customExpiry->text().trimmed().isEmpty() ? QString() : tr("not a duration");
    }
    m_customResult->setText(result);
    m_customResult->setVisible(choice == Custom);
}

KeyFields EditKeyDialog::changes(QString *error) const
{
    KeyFields f;
    error->clear();
    const QString name = m_name->text().trimmed();
    if (name.isEmpty()) {
        *error = tr("Give the key a name (1 to 32 characters).");
        return f;
    }
    if (name != m_key.name)
        f.name = name;
    if (m_enabled->isChecked() != m_key.enabled)
        f.enabled = m_enabled->isChecked();

    const qint64 minExp = m_info ? m_info->minExpiresIn : 86400, maxExp = m_info ? m_info->maxExpiresIn : 365 * 86400;
    const qint64 choice = m_expiry->currentData().toLongLong();
    std::optional<qint64> expiresIn;
    if (choice == Custom) {
        expiresIn = customExpirySeconds();
        if (!expiresIn || *expiresIn <= 0) {
            *error = tr("Expiry: \"%1\" is not a duration (for example 14d, 36h or 90m).").arg(m_customExpiry->text());
            return f;
        }
    } else if (choice > 0) {
        expiresIn = choice;
    }
    if (expiresIn && (*expiresIn < minExp || *expiresIn > maxExp)) {
        *error = tr("Expiry: the server allows %1 to %2; %3 is outside.").arg(formatDuration(minExp), formatDuration(maxExp), formatDuration(*expiresIn));
        return f;
    }
    if (expiresIn)
        f.expiresIn = expiresIn;
    else if (choice == Never && m_key.expiresAt.isValid())
        f.clearExpiry = true;

    const Permissions perms = m_permissions->permissions(error);
    if (!error->isEmpty())
        return f;
    // Unchanged whatever the order of the actions (the grid lists them in the catalogue's order).
    const auto sorted = [](Permissions p) {
        for (QStringList &actions : p)
            actions.sort();
        return p;
    };
    if (sorted(perms) != sorted(m_key.permissions))
        f.permissions = perms;
    if (m_metadata->isEnabled()) {
        const QJsonObject meta = KeyFieldEditors::readMetadata(m_metadata->table(), error);
        if (!error->isEmpty())
            return f;
        if (meta != m_key.metadata)
            f.metadata = meta;
    }

    const bool rateOn = m_rateEnabled->isChecked();
    if (rateOn != m_key.rateLimitEnabled)
        f.rateLimitEnabled = rateOn;
    if (rateOn) {
        const auto window = parseDurationSeconds(m_rateWindow->text());
        if (!window || *window <= 0) {
            *error = tr("Rate limit: \"%1\" is not a time window (for example 1h, 1d or 60s).").arg(m_rateWindow->text());
            return f;
        }
        if (m_key.rateLimitMax != qint64(m_rateMax->value()))
            f.rateLimitMax = m_rateMax->value();
        if (m_key.rateLimitTimeWindow != *window)
            f.rateLimitTimeWindow = *window;
    }

    if (m_limitUses->isChecked()) {
        if (m_key.remaining != qint64(m_remaining->value()))
            f.remaining = m_remaining->value();
    } else if (m_key.remaining) {
        *error = tr("Uses: the console API cannot remove a use limit once set; set a larger number instead.");
        return f;
    }

    const bool nothing = f.name.isEmpty() && !f.enabled && !f.expiresIn && !f.clearExpiry && !f.permissions && !f.metadata
        && !f.rateLimitEnabled && !f.rateLimitMax && !f.rateLimitTimeWindow && !f.remaining;
    if (nothing)
        *error = tr("Nothing changed.");
    return f;
}

void EditKeyDialog::showSessionEnded()
{
    // The form stays as typed; sign-in opens over this dialog (the main window is blocked by it).
    m_banner->showMessage(tr("Your session ended. Sign in again to continue; what you changed is kept."), MessageBanner::Type::Error);
    m_banner->setAction(tr("Sign in again"), [this] {
        m_context->requestSignIn(this, [this](bool signedIn) {
            if (!signedIn) {
                showSessionEnded();
                return;
            }
            m_banner->showMessage(tr("Signed in again. Press Save to continue."), MessageBanner::Type::Positive);
        });
    });
}

void EditKeyDialog::save()
{
    if (m_busy)
        return;
    QString error;
    const KeyFields f = changes(&error);
    if (!error.isEmpty()) {
        m_banner->showMessage(error, MessageBanner::Type::Error);
        return;
    }
    m_busy = true;
    m_save->setEnabled(false);
    m_banner->showMessage(tr("Saving…"), MessageBanner::Type::Info);
    ConsoleApi &api = *m_context->services()->console();
    api.updateApiKey(m_key.id, f, this, [this](Result<ApiKey> r) {
        m_busy = false;
        m_save->setEnabled(true);
        if (r.ok()) {
            m_banner->dismiss();
            emit updated(r.value());
            accept();
            return;
        }
        const ApiError &e = r.error();
        if (e.kind == ApiError::Kind::Unauthorized)
            showSessionEnded();
        else
            m_banner->showMessage(tr("Not saved: %1").arg(e.userMessage()), MessageBanner::Type::Error);
    });
}
