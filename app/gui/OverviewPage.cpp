#include "OverviewPage.h"

#include "AppContext.h"
#include "MessageBanner.h"
#include "core/Duration.h"
#include "services/Services.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
QLabel *valueLabel(QWidget *parent, const char *name)
{
    auto *l = new QLabel(parent);
    l->setObjectName(QLatin1String(name));
    l->setTextFormat(Qt::PlainText);   // name, email, role and id come from the server
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}
} // namespace

OverviewPage::OverviewPage(AppContext *context, QWidget *parent)
    : QWidget(parent), m_context(context), m_banner(new MessageBanner(this))
{
    setObjectName(QStringLiteral("overviewPage"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(24, 16, 24, 16);
    outer->setSpacing(14);
    outer->addWidget(m_banner);

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("overviewTitle"));
    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 1.6);
    f.setBold(true);
    m_title->setFont(f);
    m_subtitle = new QLabel(this);
    m_subtitle->setWordWrap(true);
    m_subtitle->setTextFormat(Qt::PlainText);
    outer->addWidget(m_title);
    outer->addWidget(m_subtitle);

    m_details = new QWidget(this);
    auto *form = new QFormLayout(m_details);
    form->setLabelAlignment(Qt::AlignRight);
    form->setHorizontalSpacing(16);
    form->setVerticalSpacing(8);
    m_server = valueLabel(m_details, "serverValue");
    m_user = valueLabel(m_details, "userValue");
    m_name = valueLabel(m_details, "nameValue");
    m_role = valueLabel(m_details, "roleValue");
    m_userId = valueLabel(m_details, "userIdValue");
    m_expires = valueLabel(m_details, "expiresValue");
    m_storage = valueLabel(m_details, "storageValue");
    form->addRow(tr("Server:"), m_server);
    form->addRow(tr("Signed in as:"), m_user);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Role:"), m_role);
    form->addRow(tr("User ID:"), m_userId);
    form->addRow(tr("Session expires:"), m_expires);
    form->addRow(tr("Token kept in:"), m_storage);
    outer->addWidget(m_details);

    auto *buttons = new QHBoxLayout;
    m_signIn = new QPushButton(tr("Sign in…"), this);
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_check = new QPushButton(tr("Check session"), this);
    m_check->setObjectName(QStringLiteral("checkSessionButton"));
    m_signOut = new QPushButton(tr("Sign out"), this);
    m_signOut->setObjectName(QStringLiteral("signOutButton"));
    buttons->addWidget(m_signIn);
    buttons->addWidget(m_check);
    buttons->addWidget(m_signOut);
    buttons->addStretch(1);
    outer->addLayout(buttons);
    outer->addStretch(1);

    connect(m_signIn, &QPushButton::clicked, this, &OverviewPage::signInRequested);
    connect(m_signOut, &QPushButton::clicked, this, &OverviewPage::signOutRequested);
    connect(m_check, &QPushButton::clicked, this, &OverviewPage::checkRequested);
    connect(context->services()->session(), &Session::changed, this, &OverviewPage::refresh);
    refresh();
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
