#include "ServerSwitcher.h"

#include "AppContext.h"
#include "Dialogs.h"
#include "MessageBanner.h"
#include "PaletteIcon.h"
#include "ServerDialog.h"
#include "services/Services.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QToolBar>

#include <algorithm>

namespace {
QIcon uiIcon(const char *name)
{
    return paletteIcon(QStringLiteral(":/icons/ui/%1.svg").arg(QLatin1String(name)));   // inked from the palette
}
} // namespace

ServerSwitcher::ServerSwitcher(AppContext *context, QToolBar *toolBar, QWidget *window)
    : QObject(window), m_context(context), m_window(window)
{
    auto *serverCaption = new QLabel(tr(" Server: "), window);
    m_serverBox = new QComboBox(window);
    m_serverBox->setObjectName(QStringLiteral("serverBox"));
    m_serverBox->setMinimumContentsLength(28);
    m_serverBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_serverBox->setAccessibleName(tr("Server"));
    toolBar->addWidget(serverCaption);
    toolBar->addWidget(m_serverBox);
    QAction *addServer = toolBar->addAction(uiIcon("server-add"), tr("Add server…"));
    addServer->setObjectName(QStringLiteral("addServerAction"));
    QAction *editServerAction = toolBar->addAction(uiIcon("edit"), tr("Edit…"));
    editServerAction->setObjectName(QStringLiteral("editServerAction"));
    QAction *removeServerAction = toolBar->addAction(uiIcon("remove"), tr("Remove…"));
    removeServerAction->setObjectName(QStringLiteral("removeServerAction"));
    removeServerAction->setToolTip(tr("Remove this server from the console and forget its saved sign-in"));
    connect(addServer, &QAction::triggered, this, [this] { editServer(true); });
    connect(editServerAction, &QAction::triggered, this, [this] { editServer(false); });
    connect(removeServerAction, &QAction::triggered, this, &ServerSwitcher::removeServer);
    connect(m_serverBox, qOverload<int>(&QComboBox::activated), this, &ServerSwitcher::switchServer);
}

void ServerSwitcher::removeServer()
{
    // The server picked in the box: sign out there first (server, then keychain), then drop its profile.
    ServerProfiles &profiles = m_context->services()->profiles();
    const QString key = m_serverBox->currentData().toString();
    const ServerProfile p = profiles.find(key).value_or(profiles.current());
    const Session *session = m_context->services()->session();
    const bool signedInHere = session->isSignedIn() && session->endpoint().key() == p.endpoint().key();
    const ServerEndpoint endpoint = signedInHere ? session->endpoint() : p.endpoint();
    const QString name = p.label.isEmpty() ? p.key() : QStringLiteral("%1 (%2)").arg(p.label, p.key());
    Dialogs::confirm(
        m_window, tr("Remove server"),
        tr("<p>Remove <b>%1</b> from this console?</p><p>Its settings are deleted and <b>its saved sign-in is "
           "forgotten</b> (the keychain entry is removed). %2</p>")
            .arg(name.toHtmlEscaped(),
                 signedInHere ? tr("You are signed in there: the session is signed out on the server first.")
                              : tr("A session saved for it is signed out on the server first.")),
        tr("Remove server"),
        [this, key, name, endpoint](bool ok) {
            if (!ok)
                return;
            m_context->services()->auth()->logout(endpoint, this, [this, key, name](const LogoutOutcome &o) {
                m_context->services()->profiles().remove(key);
                reload();
                emit switched();
                if (!o.keychainCleared)
                    emit message(tr("Removed %1, but its keychain entry could not be removed: %2").arg(name, o.keychainError),
                                 int(MessageBanner::Type::Warning), 0);
                else if (o.wasSignedIn && !o.serverRevoked)
                    emit message(tr("Removed %1 and forgot its sign-in, but the server could not be told (%2); "
                                    "the session may stay valid there until it expires.")
                                     .arg(name, o.serverError.userMessage()),
                                 int(MessageBanner::Type::Warning), 0);
                else
                    emit message(o.wasSignedIn ? tr("Removed %1; signed out on the server and its saved sign-in "
                                                    "is forgotten.").arg(name)
                                               : tr("Removed %1.").arg(name),
                                 int(MessageBanner::Type::Positive), 6000);
            });
        },
        QMessageBox::Warning);
}

void ServerSwitcher::reload()
{
    ServerProfiles &profiles = m_context->services()->profiles();
    QList<ServerProfile> list = profiles.all();
    const ServerProfile current = profiles.current();
    if (list.isEmpty())
        list << current;
    m_serverBox->clear();
    for (const ServerProfile &p : list) {
        const QString text = p.label.isEmpty() ? p.key() : QStringLiteral("%1 — %2").arg(p.label, p.key());
        m_serverBox->addItem(text, p.key());
    }
    m_serverBox->setCurrentIndex(std::max(0, m_serverBox->findData(current.key())));
}

void ServerSwitcher::switchServer(int index)
{
    const QString key = m_serverBox->itemData(index).toString();
    if (key == m_context->services()->profiles().current().key() && m_context->services()->session()->isSignedIn())
        return;
    ServerProfiles &profiles = m_context->services()->profiles();
    if (!profiles.find(key))
        profiles.save(profiles.current());
    profiles.setCurrent(key);
    m_context->services()->session()->clear();
    emit switched();
}

void ServerSwitcher::editServer(bool addNew)
{
    const ServerProfile base = addNew ? ServerProfile{} : m_context->services()->profiles().current();
    auto *dlg = new ServerDialog(m_context->services()->http(), base, m_window);
    dlg->setObjectName(QStringLiteral("serverDialog"));
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &QDialog::accepted, this, [this, dlg] {
        const ServerProfile p = dlg->profile();
        ServerProfiles &profiles = m_context->services()->profiles();
        profiles.save(p);
        profiles.setCurrent(p.key());
        m_context->services()->session()->clear();
        reload();
        emit switched();
    });
    dlg->open();
}
