#include "ChannelIdentity.h"

#include "ChannelConnectionBar.h"
#include "core/ChannelWhoami.h"
#include "net/ChannelSocket.h"

#include <QCheckBox>
#include <QTimer>

namespace {
constexpr int kWhoamiWaitMs = 5000;
} // namespace

ChannelIdentity::ChannelIdentity(ChannelSocket *socket, ChannelConnectionBar *bar, QObject *parent)
    : QObject(parent), m_socket(socket), m_bar(bar), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(kWhoamiWaitMs);
    connect(m_timer, &QTimer::timeout, this, [this] {
        m_awaiting = false;   // no answer: the line shows the credential kind only
        show();
    });
}

void ChannelIdentity::connecting()
{
    m_openedKind = m_bar->credentialKind();
    m_whoami.clear();
    m_detail.clear();
    m_awaiting = false;
}

void ChannelIdentity::opened()
{
    m_whoami.clear();
    m_detail.clear();
    // Ask the server who it thinks we are; the answer shows in the log and the identity line.
    if (m_bar->askWhoami()->isChecked())
        ask();
    show();
}

void ChannelIdentity::ask()
{
    if (m_socket->sendText(R"({"action":"whoami"})"))
        asked();
}

void ChannelIdentity::asked()
{
    m_awaiting = true;
    m_timer->start();
}

void ChannelIdentity::received(const QByteArray &text)
{
    if (!m_awaiting || !text.contains("whoami"))   // cheap test first: floods pass straight through
        return;
    const WhoamiAnswer answer = WhoamiAnswer::parse(text);
    if (answer.kind == WhoamiAnswer::Kind::NotWhoami)
        return;
    m_awaiting = false;
    m_timer->stop();
    if (answer.kind == WhoamiAnswer::Kind::NoSession)
        return;
    m_whoami = answer.text;   // empty when refused
    m_detail = answer.detail;
    show();
}

void ChannelIdentity::show()
{
    m_bar->showIdentity(m_openedKind, m_whoami, m_detail, m_awaiting);
}
