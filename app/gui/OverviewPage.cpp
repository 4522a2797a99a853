#include "OverviewPage.h"
#include "ui_OverviewPage.h"

#include "AppContext.h"
#include "MessageBanner.h"
#include "OverviewDashboard.h"
#include "core/Duration.h"
#include "services/Services.h"

#include <QLabel>
#include <QPushButton>

OverviewPage::OverviewPage(AppContext *context, QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::OverviewPage>()), m_context(context)
{
    setObjectName(QStringLiteral("overviewPage"));
    m_ui->setupUi(this);
    m_banner = m_ui->banner;
    m_title = m_ui->overviewTitle;
    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 1.6);
    f.setBold(true);
    m_title->setFont(f);
    m_subtitle = m_ui->overviewSubtitle;
    m_details = m_ui->detailsBox;
    // Name, email, role and id come from the server: plain text (the form says so for each).
    m_server = m_ui->serverValue;
    m_user = m_ui->userValue;
    m_name = m_ui->nameValue;
    m_role = m_ui->roleValue;
    m_userId = m_ui->userIdValue;
    m_expires = m_ui->expiresValue;
    m_storage = m_ui->storageValue;
    m_signIn = m_ui->signInButton;
    m_check = m_ui->checkSessionButton;
    m_signOut = m_ui->signOutButton;

    m_dashboard = new OverviewDashboard(context, this);
    m_ui->outerLayout->insertWidget(m_ui->outerLayout->count() - 1, m_dashboard);   // above the bottom spacer

    connect(m_signIn, &QPushButton::clicked, this, &OverviewPage::signInRequested);
    connect(m_signOut, &QPushButton::clicked, this, &OverviewPage::signOutRequested);
    connect(m_check, &QPushButton::clicked, this, &OverviewPage::checkRequested);
    connect(context->services()->session(), &Session::changed, this, &OverviewPage::refresh);
    refresh();
}

OverviewPage::~OverviewPage() = default;

void OverviewPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_dashboard->refresh();   // counts as of now, each time the overview is looked at
}

void OverviewPage::setBusy(const QString &text)
{
    m_subtitle->setText(text);
}

void OverviewPage::refresh()
{
    Services *s = m_context->services();
    const Session *session = s->session();
    const bool in = session->isSignedIn();
    m_details->setVisible(in);
    m_dashboard->setVisible(in);
    m_signIn->setVisible(!in);
    m_check->setVisible(in);
    m_signOut->setVisible(in);
    if (!in) {
        m_title->setText(tr("Not signed in"));
        m_subtitle->setText(tr("Sign in to %1 with the device flow: the console shows a code, you approve it in a "
                               "browser as an admin, and the session token is kept in the system keychain.")
                                .arg(s->profiles().current().key()));
        return;
    }
    if (isVisible())
        m_dashboard->refresh();
    const AuthUser &u = session->user();
    m_title->setText(tr("Signed in"));
    m_subtitle->setText(u.isAdmin() ? tr("You have the admin role on this server.")
                                    : tr("This account does not have the admin role: most admin pages will be refused."));
    m_server->setText(session->endpoint().key() + QStringLiteral("  (auth at ") + session->endpoint().authPath + QLatin1Char(')'));
    m_user->setText(u.email.isEmpty() ? u.id : u.email);
    m_name->setText(u.name);
    m_role->setText(u.role.isEmpty() ? tr("(none)") : u.role);
    m_userId->setText(u.id);
    m_expires->setText(QStringLiteral("%1  (%2)").arg(session->expiresAt().toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                                      formatRelative(session->secondsLeft())));
    m_storage->setText(session->isPersisted() ? tr("The system keychain (service \"pikku-admin\", one entry per server)")
                                              : tr("Memory only: this sign-in will not be remembered"));
}
