#include "DeviceApprovalPage.h"

#include "AppContext.h"
#include "MessageBanner.h"
#include "core/Services.h"
#include "net/AuthApi.h"

#include <QCheckBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

DeviceApprovalPage::DeviceApprovalPage(AppContext *context, QWidget *parent)
    : QWidget(parent), m_context(context), m_banner(new MessageBanner(this))
{
    setObjectName(QStringLiteral("deviceApprovalPage"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(24, 16, 24, 16);
    outer->setSpacing(12);
    outer->addWidget(m_banner);
    auto *title = new QLabel(tr("Approve a device sign-in"), this);
    QFont tf = title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.4);
    tf.setBold(true);
    title->setFont(tf);
    outer->addWidget(title);
    auto *intro = new QLabel(tr("Another client (for example <code>pikku login</code> on a laptop) shows a code. Enter it "
                                "here to see who is asking, then approve or deny."), this);
    intro->setWordWrap(true);
    outer->addWidget(intro);

    auto *entry = new QHBoxLayout;
    m_code = new QLineEdit(this);
    m_code->setObjectName(QStringLiteral("userCodeEdit"));
    m_code->setPlaceholderText(tr("ABCD-EFGH"));
    m_code->setMaxLength(12);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(mono.pointSizeF() * 1.5);
    m_code->setFont(mono);
    m_code->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Za-z0-9 -]{0,12}")), m_code));
    m_lookUp = new QPushButton(tr("Look up"), this);
    m_lookUp->setObjectName(QStringLiteral("lookUpButton"));
    m_lookUp->setDefault(true);
    entry->addWidget(new QLabel(tr("Code:"), this));
    entry->addWidget(m_code, 1);
    entry->addWidget(m_lookUp);
    outer->addLayout(entry);

    m_claimBox = new QGroupBox(tr("Who is asking"), this);
    m_claimBox->setObjectName(QStringLiteral("claimBox"));
    auto *form = new QFormLayout(m_claimBox);
    m_claimCode = new QLabel(m_claimBox);
    m_claimCode->setFont(mono);
    m_clientId = new QLabel(m_claimBox);
    m_clientId->setObjectName(QStringLiteral("clientIdValue"));
    m_scope = new QLabel(m_claimBox);
    m_scope->setObjectName(QStringLiteral("scopeValue"));
    m_status = new QLabel(m_claimBox);
    m_status->setObjectName(QStringLiteral("claimStatusValue"));
    for (QLabel *l : {m_claimCode, m_clientId, m_scope, m_status})
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Code:"), m_claimCode);
    form->addRow(tr("Client:"), m_clientId);
    form->addRow(tr("Scope:"), m_scope);
    form->addRow(tr("Status:"), m_status);
    m_warning = new QLabel(m_claimBox);
    m_warning->setObjectName(QStringLiteral("approvalWarning"));
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet(QStringLiteral("QLabel { background: #fdf4e0; border: 1px solid #e2b755; border-radius: 4px; padding: 8px; color: #1d1d1d; }"));
    form->addRow(m_warning);
    m_matches = new QCheckBox(tr("The requesting device shows exactly this code, and I started that sign-in"), m_claimBox);
    m_matches->setObjectName(QStringLiteral("codeMatchesCheck"));
    form->addRow(m_matches);
    auto *buttons = new QHBoxLayout;
    m_approve = new QPushButton(tr("Approve"), m_claimBox);
    m_approve->setObjectName(QStringLiteral("approveButton"));
    m_deny = new QPushButton(tr("Deny"), m_claimBox);
    m_deny->setObjectName(QStringLiteral("denyButton"));
    buttons->addStretch(1);
    buttons->addWidget(m_deny);
    buttons->addWidget(m_approve);
    form->addRow(buttons);
    outer->addWidget(m_claimBox);
    outer->addStretch(1);

    connect(m_lookUp, &QPushButton::clicked, this, &DeviceApprovalPage::lookUp);
    connect(m_code, &QLineEdit::returnPressed, this, &DeviceApprovalPage::lookUp);
    connect(m_code, &QLineEdit::textEdited, this, &DeviceApprovalPage::resetClaim);
    connect(m_matches, &QCheckBox::toggled, this, [this](bool on) { m_approve->setEnabled(on && m_claim.claimedByCaller() && !m_busy); });
    connect(m_approve, &QPushButton::clicked, this, [this] { decide(true); });
    connect(m_deny, &QPushButton::clicked, this, [this] { decide(false); });
    resetClaim();
}

void DeviceApprovalPage::resetClaim()
{
    m_claim = {};
    m_claimBox->setVisible(false);
    m_matches->setChecked(false);
    m_approve->setEnabled(false);
}

void DeviceApprovalPage::showError(const ApiError &e, const QString &what)
{
    if (e.kind == ApiError::Kind::Unauthorized) {
        m_context->services()->session()->reportUnauthorized();
        m_banner->showMessage(tr("Your session ended. Sign in again; the code you entered is kept."), MessageBanner::Type::Error);
        return;
    }
    QString text;
    const QString &code = e.serverCode;
    if (code == QLatin1String("invalid_request") && e.serverMessage.contains(QLatin1String("already processed")))
        text = tr("This code was already approved or denied.");
    else if (code == QLatin1String("invalid_request") && e.serverMessage.contains(QLatin1String("Invalid user code")))
        text = tr("No such code. Check it against the requesting device (codes are 8 characters, the dash is optional).");
    else if (code == QLatin1String("expired_token"))
        text = tr("This code has expired. Ask the device to start again.");
    else if (code == QLatin1String("access_denied"))
        text = tr("Another account has already claimed this code; only it can approve or deny.");
    else if (e.kind == ApiError::Kind::RateLimited)
        text = tr("The server is rate-limiting code look-ups (%1).").arg(e.userMessage());
    else
        text = e.userMessage();
    m_banner->showMessage(what + QStringLiteral(": ") + text, MessageBanner::Type::Error);
}

void DeviceApprovalPage::lookUp()
{
    Session *s = m_context->services()->session();
    const QString code = normalizeUserCode(m_code->text());
    if (code.isEmpty())
        return;
    if (!s->isSignedIn()) {
        m_banner->showMessage(tr("Sign in first: approving a code signs that device in as you."), MessageBanner::Type::Warning);
        return;
    }
    resetClaim();
    m_busy = true;
    m_lookUp->setEnabled(false);
    AuthApi api(m_context->services()->http(), s->endpoint());
    api.claimDeviceCode(s->token(), code, this, [this, code](Result<DeviceClaim> r) {
        m_busy = false;
        m_lookUp->setEnabled(true);
        if (!r.ok()) {
            showError(r.error(), tr("Could not look up %1").arg(formatUserCode(code)));
            return;
        }
        m_banner->dismiss();
        m_claim = r.value();
        const QString me = m_context->services()->session()->user().displayName();
        m_claimCode->setText(formatUserCode(code));
        m_status->setText(m_claim.status);
        if (!m_claim.claimedByCaller()) {
            m_clientId->setText(tr("(hidden: another account claimed this code)"));
            m_scope->setText(QString());
            m_warning->setText(tr("This code was claimed by another signed-in account. Only that account can approve it."));
        } else {
            m_clientId->setText(QStringLiteral("<b>%1</b>").arg(m_claim.clientId.toHtmlEscaped()));
            m_scope->setText(m_claim.scope.isEmpty() ? tr("(none requested)") : m_claim.scope);
            m_warning->setText(tr("<b>Approving signs that device in as you (%1)</b>, with your admin rights, for the "
                                  "session's lifetime. Only approve a code you started yourself: a code someone sends "
                                  "you is a common phishing trick.").arg(me.toHtmlEscaped()));
        }
        const bool pending = m_claim.status == QLatin1String("pending") && m_claim.claimedByCaller();
        m_matches->setEnabled(pending);
        m_deny->setEnabled(pending);
        m_approve->setEnabled(false);
        m_claimBox->setVisible(true);
    });
}

void DeviceApprovalPage::decide(bool approve)
{
    Session *s = m_context->services()->session();
    if (!m_claim.claimedByCaller() || m_busy || !s->isSignedIn())
        return;
    if (approve && !m_matches->isChecked())
        return;
    const QString code = normalizeUserCode(m_claimCode->text());
    m_busy = true;
    m_approve->setEnabled(false);
    m_deny->setEnabled(false);
    AuthApi api(m_context->services()->http(), s->endpoint());
    api.approveDevice(s->token(), code, approve, this, [this, code, approve](Result<Done> r) {
        m_busy = false;
        if (!r.ok()) {
            showError(r.error(), approve ? tr("Could not approve %1").arg(formatUserCode(code))
                                         : tr("Could not deny %1").arg(formatUserCode(code)));
            m_deny->setEnabled(true);
            m_approve->setEnabled(m_matches->isChecked());
            return;
        }
        m_banner->showMessage(approve ? tr("Approved %1: that device is now signed in as you.").arg(formatUserCode(code))
                                      : tr("Denied %1.").arg(formatUserCode(code)),
                              approve ? MessageBanner::Type::Positive : MessageBanner::Type::Info);
        resetClaim();
        m_code->clear();
        emit decided(code, approve);
    });
}
