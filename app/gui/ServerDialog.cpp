#include "ServerDialog.h"

#include "ui_ServerDialog.h"

#include "net/AuthApi.h"

#include <QPushButton>

ServerDialog::ServerDialog(HttpClient *http, const ServerProfile &profile, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ServerDialog>()), m_http(http)
{
    m_ui->setupUi(this);
    m_ui->urlEdit->setText(profile.url);
    m_ui->authPathEdit->setText(profile.authPath);
    m_ui->labelEdit->setText(profile.label);
    m_ui->insecureCheck->setChecked(profile.allowInsecureHttp);
    connect(m_ui->urlEdit, &QLineEdit::textChanged, this, &ServerDialog::validate);
    connect(m_ui->insecureCheck, &QCheckBox::toggled, this, &ServerDialog::validate);
    connect(m_ui->detectButton, &QPushButton::clicked, this, &ServerDialog::detect);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &ServerDialog::reject);
    validate();
}

ServerDialog::~ServerDialog() = default;

ServerProfile ServerDialog::profile() const
{
    ServerProfile p;
    p.url = ServerUrl::normalize(m_ui->urlEdit->text());
    p.authPath = ServerUrl::normalizeAuthPath(m_ui->authPathEdit->text());
    p.label = m_ui->labelEdit->text().trimmed();
    p.allowInsecureHttp = m_ui->insecureCheck->isChecked();
    return p;
}

void ServerDialog::validate()
{
    QString why;
    const QUrl url = ServerUrl::parse(m_ui->urlEdit->text(), &why);
    bool ok = url.isValid();
    const bool plainRemote = ok && url.scheme() == QLatin1String("http") && !ServerUrl::isLoopback(url);
    m_ui->insecureCheck->setEnabled(plainRemote || m_ui->insecureCheck->isChecked());
    if (!ok) {
        m_ui->messageLabel->setText(m_ui->urlEdit->text().isEmpty() ? QString() : why);
    } else if (plainRemote && !m_ui->insecureCheck->isChecked()) {
        ok = false;
        m_ui->messageLabel->setText(tr("Plain http:// to a host that is not this machine would send your session "
                                       "token unencrypted. Use https://, or tick the box to allow it for this server."));
    } else {
        m_ui->messageLabel->clear();
    }
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setEnabled(ok);
    m_ui->detectButton->setEnabled(ok);
}

void ServerDialog::detect()
{
    const ServerProfile p = profile();
    m_ui->detectButton->setEnabled(false);
    m_ui->messageLabel->setText(tr("Looking for better-auth on %1…").arg(p.url));
    AuthApi::detectAuthPath(m_http, QUrl(p.url), p.allowInsecureHttp, this, [this](Result<QString> r) {
        m_ui->detectButton->setEnabled(true);
        if (r.ok()) {
            m_ui->authPathEdit->setText(r.value());
            m_ui->messageLabel->setText(tr("Found better-auth at %1.").arg(r.value()));
        } else {
            m_ui->messageLabel->setText(r.error().userMessage());
        }
    });
}
