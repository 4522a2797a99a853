#include "ChannelConnectionBar.h"

#include "TableColumns.h"
#include "net/ChannelSocket.h"
#include "services/models/ChannelLogModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

#include <iterator>

ChannelConnectionBar::ChannelConnectionBar(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("connectionBar"));
    m_outer = new QVBoxLayout(this);
    m_outer->setContentsMargins(0, 0, 0, 0);
    auto *conn = new QHBoxLayout;
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("channelUrl"));
    m_url->setPlaceholderText(QStringLiteral("wss://api.example.com/api/auth/console/live"));
    m_identity = new QComboBox(this);
    m_identity->setObjectName(QStringLiteral("identityBox"));
    m_identity->addItem(tr("As me (Bearer session)"));
    m_identity->addItem(tr("As a service key (paste)"));
    m_identity->addItem(tr("As a service key (environment variable)"));
    m_keyEdit = new QLineEdit(this);
    m_keyEdit->setObjectName(QStringLiteral("keyEdit"));
    m_keyEdit->setEchoMode(QLineEdit::Password);
    m_keyEdit->setVisible(false);
    m_rememberKey = new QCheckBox(tr("Remember in keychain"), this);
    m_rememberKey->setObjectName(QStringLiteral("rememberKeyCheck"));
    m_rememberKey->setToolTip(tr("Store this key in the system keychain for this channel URL (never in the settings file)"));
    m_rememberKey->setVisible(false);
    m_forgetKey = new QToolButton(this);
    m_forgetKey->setObjectName(QStringLiteral("forgetKeyButton"));
    m_forgetKey->setText(tr("Forget"));
    m_forgetKey->setToolTip(tr("Delete the key remembered in the keychain for this channel URL"));
    m_forgetKey->setVisible(false);
    m_askWhoami = new QCheckBox(tr("Ask whoami on connect"), this);
    m_askWhoami->setObjectName(QStringLiteral("whoamiCheck"));
    m_askWhoami->setToolTip(tr("Send {\"action\":\"whoami\"} when the channel opens and show the answer (remembered per URL)"));
    m_reconnect = new QCheckBox(tr("Reconnect"), this);
    m_reconnect->setObjectName(QStringLiteral("reconnectCheck"));
    m_reconnect->setToolTip(tr("Reconnect with exponential backoff and jitter when the connection drops"));
    m_connect = new QPushButton(tr("Connect"), this);
    m_connect->setObjectName(QStringLiteral("connectButton"));
    // Row 1: where; row 2: as whom and how.
    conn->addWidget(new QLabel(tr("URL:"), this));
    conn->addWidget(m_url, 1);
    conn->addWidget(m_connect);
    m_outer->addLayout(conn);
    auto *how = new QHBoxLayout;
    how->addWidget(new QLabel(tr("As:"), this));
    how->addWidget(m_identity);
    m_keyEdit->setMinimumWidth(280);
    how->addWidget(m_keyEdit);
    how->addWidget(m_rememberKey);
    how->addWidget(m_forgetKey);
    how->addStretch(1);
    how->addWidget(m_askWhoami);
    how->addWidget(m_reconnect);
    m_outer->addLayout(how);
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setObjectName(QStringLiteral("channelStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_identityLine = new QLabel(this);
    m_identityLine->setTextFormat(Qt::PlainText);   // whoami's answer is the server's text
    m_identityLine->setObjectName(QStringLiteral("identityLine"));
    m_identityLine->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_identityLine->font();
    bold.setBold(true);
    m_identityLine->setFont(bold);
    m_identityLine->setVisible(false);
    m_outer->addWidget(m_identityLine);
    m_outer->addWidget(m_status);
    m_url->setAccessibleName(tr("Channel URL"));
    m_identity->setAccessibleName(tr("Connect as"));
    m_keyEdit->setAccessibleName(tr("API key or variable name"));
    m_forgetKey->setAccessibleName(tr("Forget the remembered key"));
    // Tab follows the layout: row 1 (URL, Connect), then row 2 left to right.
    QWidget *order[] = {m_url, m_connect, m_identity, m_keyEdit, m_rememberKey, m_forgetKey, m_askWhoami, m_reconnect};
    for (size_t i = 1; i < std::size(order); ++i)
        setTabOrder(order[i - 1], order[i]);
    // Shown before the tab's own handler runs (connected first): the field fits the mode.
    connect(m_identity, qOverload<int>(&QComboBox::currentIndexChanged), this, &ChannelConnectionBar::showIdentityMode);
}

ChannelConnectionBar::~ChannelConnectionBar() = default;

void ChannelConnectionBar::showIdentityMode(int i)
{
    m_keyEdit->setVisible(i != AsMe);
    m_keyEdit->setEchoMode(i == AsPastedKey ? QLineEdit::Password : QLineEdit::Normal);
    m_keyEdit->setPlaceholderText(i == AsPastedKey ? tr("API key (memory only unless remembered)") : tr("variable name, e.g. SVC_KEY"));
    m_keyEdit->clear();
    m_rememberKey->setVisible(i == AsPastedKey);
}

QString ChannelConnectionBar::credentialKind() const
{
    switch (m_identity->currentIndex()) {
    case AsMe: return tr("as me (Bearer session)");
    case AsPastedKey: return tr("as a service key (x-api-key, pasted)");
    default: return tr("as a service key (x-api-key from $%1)").arg(m_keyEdit->text().trimmed());
    }
}

void ChannelConnectionBar::showIdentity(const QString &openedKind, const QString &whoami, const QString &detail, bool awaiting)
{
    if (openedKind.isEmpty()) {
        m_identityLine->setVisible(false);
        return;
    }
    QString text;
    if (!whoami.isEmpty())
        text = whoami;
    else if (awaiting)
        text = openedKind + tr(" · asking the server who that is…");
    else if (!detail.isEmpty())
        text = openedKind + QStringLiteral(" · ") + detail;
    else
        text = openedKind;
    m_identityLine->setText(text);
    m_identityLine->setToolTip(whoami.isEmpty() ? QString() : TableColumns::plainToolTip(detail));
    m_identityLine->setVisible(true);
}

void ChannelConnectionBar::showStatus(const ChannelSocket &socket, const ChannelLogModel &log, int shownRows)
{
    QString state;
    switch (socket.state()) {
    case ChannelSocket::State::Idle: state = tr("not connected"); break;
    case ChannelSocket::State::Connecting: state = tr("connecting…"); break;
    case ChannelSocket::State::Open: state = tr("open as %1").arg(socket.via()); break;
    case ChannelSocket::State::Reconnecting: state = tr("reconnecting…"); break;
    case ChannelSocket::State::Closed: state = tr("closed (%1)").arg(socket.closeCode()); break;
    case ChannelSocket::State::Rejected:
        state = socket.rejectedStatus() > 0 ? tr("refused: HTTP %1").arg(socket.rejectedStatus()) : tr("refused");
        break;
    }
    const bool live = socket.state() == ChannelSocket::State::Open || socket.state() == ChannelSocket::State::Connecting
        || socket.state() == ChannelSocket::State::Reconnecting;
    m_connect->setText(live ? tr("Disconnect") : tr("Connect"));
    m_status->setText(tr("%1 · latency %2 · in %3 · out %4 · showing %5 of %6 kept (cap %7)%8%9")
                          .arg(state)
                          .arg(socket.lastLatencyMs() >= 0 ? QStringLiteral("%1 ms").arg(socket.lastLatencyMs())
                                                           : QStringLiteral("–"))
                          .arg(log.receivedCount())
                          .arg(log.sentCount())
                          .arg(shownRows)
                          .arg(log.rowCount())
                          .arg(log.capacity())
                          .arg(log.dropped() ? tr(" · %1 oldest dropped").arg(log.dropped()) : QString())
                          .arg(log.isPaused() ? tr(" · view paused (%1 waiting)").arg(log.pendingCount()) : QString()));
}
