#include "SignInDialog.h"
#include "Tones.h"

#include "ui_SignInDialog.h"

#include "AppContext.h"
#include "Clipboard.h"
#include "core/Duration.h"
#include "core/Logging.h"
#include "services/Services.h"
#include "net/AuthApi.h"

#include <QDesktopServices>
#include <QFontDatabase>

SignInDialog::SignInDialog(AppContext *context, const ServerEndpoint &endpoint, QWidget *parent)
    : QDialog(parent),
      m_ui(std::make_unique<Ui::SignInDialog>()),
      m_context(context),
      m_endpoint(endpoint),
      m_api(std::make_unique<AuthApi>(context->services()->http(), endpoint)),
      m_flow(new DeviceFlow(m_api.get(), context->services()->clock(), QStringLiteral("pikku-admin"), {}, this))
{
    m_ui->setupUi(this);
    m_ui->serverLabel->setText(tr("Sign in to <b>%1</b>").arg(endpoint.key().toHtmlEscaped()));
    QFont codeFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    codeFont.setPointSize(30);
    codeFont.setBold(true);
    codeFont.setLetterSpacing(QFont::AbsoluteSpacing, 3);
    m_ui->userCodeLabel->setFont(codeFont);
    m_ui->userCodeLabel->setMinimumHeight(64);

    connect(m_ui->copyCodeButton, &QPushButton::clicked, this, [this] {
        m_context->clipboard()->copyText(m_flow->code().displayUserCode());
        setStatus(tr("Code copied. Waiting for approval…"));
    });
    connect(m_ui->openBrowserButton, &QPushButton::clicked, this, [this] {
        // What is shown is what is opened: the checked URL, nothing else.
        if (!m_browserUrl.openable)
            return;
        m_lastOpenedUrl = m_browserUrl.url.toString();
        if (m_browserEnabled && !QDesktopServices::openUrl(m_browserUrl.url))
            setStatus(tr("Could not open a browser here. Open %1 on any device.").arg(m_lastOpenedUrl), true);
    });
    connect(m_ui->retryButton, &QPushButton::clicked, this, &SignInDialog::restart);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &SignInDialog::reject);

    connect(m_flow, &DeviceFlow::codeReady, this, &SignInDialog::onCodeReady);
    connect(m_flow, &DeviceFlow::ended, this, &SignInDialog::onEnded);
    connect(m_flow, &DeviceFlow::intervalChanged, this, [this](int s) {
        setStatus(tr("The server asked to slow down; checking every %1 s.").arg(s));
    });
    connect(m_flow, &DeviceFlow::pollProblem, this, [this](const ApiError &e) {
        setStatus(tr("%1 Still trying until the code expires…").arg(e.userMessage()), true);
    });
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &SignInDialog::tick);
    restart();
}

SignInDialog::~SignInDialog() = default;

void SignInDialog::restart()
{
    m_ui->retryButton->hide();
    m_ui->cancelButton->setText(tr("Cancel"));
    m_ui->userCodeLabel->setText(QStringLiteral("····-····"));
    m_ui->userCodeLabel->setEnabled(true);
    m_ui->copyCodeButton->setEnabled(false);
    m_ui->openBrowserButton->setEnabled(false);
    m_ui->verificationUrlLabel->clear();
    m_ui->expiryBar->setValue(0);
    m_ui->expiryBar->setFormat(QString());
    setStatus(tr("Requesting a code from the server…"));
    m_flow->start();
}

void SignInDialog::onCodeReady(const DeviceCode &code)
{
    m_ui->userCodeLabel->setText(code.displayUserCode());
    m_ui->copyCodeButton->setEnabled(true);
    // The server's verification URI is outside input: only http(s) is opened, and one on another origin
    // than the server is shown with a warning and opened only on an explicit click.
    m_browserUrl = ServerUrl::checkBrowserUrl(
        code.verificationUriComplete.isEmpty() ? code.verificationUri : code.verificationUriComplete, m_endpoint.baseUrl);
    m_ui->openBrowserButton->setEnabled(m_browserUrl.openable);
    m_ui->openBrowserButton->setDefault(m_browserUrl.openable && m_browserUrl.sameOrigin);
    if (m_browserUrl.openable) {
        const QString shown = m_browserUrl.url.toString();
        m_ui->verificationUrlLabel->setTextFormat(Qt::RichText);
        m_ui->verificationUrlLabel->setText(QStringLiteral("<a href=\"%1\">%2</a>")
                                                .arg(QString::fromUtf8(m_browserUrl.url.toEncoded()).toHtmlEscaped(),
                                                     shown.toHtmlEscaped()));
        m_ui->verificationUrlLabel->setOpenExternalLinks(m_browserEnabled);
    } else {
        m_ui->verificationUrlLabel->setTextFormat(Qt::PlainText);
        m_ui->verificationUrlLabel->setOpenExternalLinks(false);
        m_ui->verificationUrlLabel->setText(code.verificationUri.left(200));
    }
    m_ui->expiryBar->setRange(0, code.expiresIn);
    if (!m_browserUrl.problem.isEmpty())
        setStatus(m_browserUrl.problem, true);
    else
        setStatus(tr("Waiting for approval in the browser…"));
    tick();
    m_tick.start();
}

void SignInDialog::tick()
{
    const qint64 left = m_flow->secondsLeft();
    m_ui->expiryBar->setValue(int(left));
    m_ui->expiryBar->setFormat(tr("Code expires in %1").arg(
        QStringLiteral("%1:%2").arg(left / 60).arg(left % 60, 2, 10, QLatin1Char('0'))));
}

void SignInDialog::onEnded(DeviceFlow::State state, const QString &message)
{
    m_tick.stop();
    if (state == DeviceFlow::State::SignedIn) {
        setStatus(tr("Approved. Reading the session…"));
        m_ui->cancelButton->setEnabled(false);
        m_context->services()->auth()->completeSignIn(m_endpoint, m_flow->accessToken(), this,
                                                      [this](Result<SignInOutcome> r) {
                                                          m_ui->cancelButton->setEnabled(true);
                                                          if (!r.ok()) {
                                                              setStatus(r.error().userMessage(), true);
                                                              m_ui->retryButton->show();
                                                              return;
                                                          }
                                                          emit signedIn(r.value());
                                                          accept();
                                                      });
        return;
    }
    if (state == DeviceFlow::State::Cancelled)
        return;
    m_ui->userCodeLabel->setEnabled(false);
    m_ui->copyCodeButton->setEnabled(false);
    m_ui->openBrowserButton->setEnabled(false);
    m_ui->expiryBar->setValue(0);
    m_ui->expiryBar->setFormat(DeviceFlow::stateName(state));
    setStatus(message, true);
    m_ui->retryButton->show();
    m_ui->retryButton->setDefault(true);
    m_ui->cancelButton->setText(tr("Close"));
}

void SignInDialog::reject()
{
    m_flow->cancel();
    m_tick.stop();
    QDialog::reject();
}

void SignInDialog::setStatus(const QString &text, bool error)
{
    m_ui->statusLabel->setTextFormat(Qt::PlainText);
    m_ui->statusLabel->setText(text);
    QPalette p = palette();   // an error in the palette's red (readable light or dark); the words say it too
    if (error)
        p.setColor(QPalette::WindowText, Tones::negative(p));
    m_ui->statusLabel->setPalette(p);
}
