#include "ChannelInspectorPage.h"

#include "AppContext.h"
#include "ChannelTab.h"
#include "services/Services.h"
#include "net/ConsoleApi.h"

#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

ChannelInspectorPage::ChannelInspectorPage(AppContext *context, QWidget *parent)
    : QWidget(parent), m_context(context), m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("channelInspectorPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tabs->setObjectName(QStringLiteral("channelTabs"));
    m_tabs->setTabsClosable(true);
    m_tabs->setDocumentMode(true);
    auto *add = new QToolButton(this);
    add->setObjectName(QStringLiteral("newChannelButton"));
    add->setText(tr("+ New channel"));
    add->setShortcut(QKeySequence(QStringLiteral("Ctrl+T")));
    m_tabs->setCornerWidget(add, Qt::TopRightCorner);
    layout->addWidget(m_tabs);
    connect(add, &QToolButton::clicked, this, [this] { addChannel(); });
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int i) {
        QWidget *w = m_tabs->widget(i);
        m_tabs->removeTab(i);
        w->deleteLater();
    });
    addChannel();
    connect(m_context->services()->session(), &Session::changed, this, &ChannelInspectorPage::refreshDefaultUrl);
    refreshDefaultUrl();
}

void ChannelInspectorPage::setDefaultUrl(const QUrl &url)
{
    const QUrl old = defaultUrl();
    m_defaultUrl = url;
    retarget(old);
}

QUrl ChannelInspectorPage::defaultUrl() const
{
    if (m_defaultUrl.isValid())
        return m_defaultUrl;
    if (m_infoUrl.isValid() && m_infoServer == currentServerKey())
        return m_infoUrl;
    return localDefaultUrl();
}

QString ChannelInspectorPage::currentServerKey() const
{
    const Session *s = m_context->services()->session();
    return s->isSignedIn() ? s->endpoint().key() : m_context->services()->profiles().current().endpoint().key();
}

void ChannelInspectorPage::refreshDefaultUrl()
{
    const Session *s = m_context->services()->session();
    const QString server = currentServerKey();
    if (!s->isSignedIn()) {
        if (!m_infoAskedFor.isEmpty() && m_infoAskedFor != server) {
            const QUrl old = defaultUrl();
            m_infoAskedFor.clear();
            retarget(old);
        }
        return;
    }
    if (m_infoAskedFor == server)
        return;
    const QUrl old = defaultUrl();
    m_infoAskedFor = server;
    retarget(old);   // a new server: at least the local guess for it
    const QUrl base = s->endpoint().authUrl(QString());
    ConsoleApi &api = *m_context->services()->console();
    api.info(this, [this, server, base](Result<ConsoleInfo> r) {
        if (!r.ok() || r.value().liveChannelUrl.isEmpty() || server != m_infoAskedFor)
            return;   // keep the local computation
        QUrl live(r.value().liveChannelUrl);
        if (live.isRelative()) {   // a path: on the server's own host
            live = base.resolved(live);
            live.setScheme(live.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
        }
        if (!live.isValid() || (live.scheme() != QLatin1String("ws") && live.scheme() != QLatin1String("wss")))
            return;
        const QUrl old = defaultUrl();
        m_infoUrl = live;
        m_infoServer = server;
        retarget(old);
    });
}

void ChannelInspectorPage::retarget(const QUrl &oldDefault)
{
    const QUrl now = defaultUrl();
    if (now == oldDefault)
        return;
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *tab = qobject_cast<ChannelTab *>(m_tabs->widget(i));
        if (tab && tab->socket()->state() == ChannelSocket::State::Idle && tab->url() == oldDefault)
            tab->setUrl(now);
    }
}

QUrl ChannelInspectorPage::localDefaultUrl() const
{
    // The console API's live channel on the current server: ws(s)://host{auth}/console/live
    const Session *s = m_context->services()->session();
    ServerEndpoint e = s->isSignedIn() ? s->endpoint() : m_context->services()->profiles().current().endpoint();
    QUrl url = e.authUrl(QStringLiteral("/console/live"));
    url.setScheme(url.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    return url;
}

ChannelTab *ChannelInspectorPage::addChannel(const QUrl &url)
{
    auto *tab = new ChannelTab(m_context, url.isValid() ? url : defaultUrl(), m_tabs);
    const int i = m_tabs->addTab(tab, tab->title());
    m_tabs->setCurrentIndex(i);
    connect(tab, &ChannelTab::titleChanged, this, [this, tab](const QString &t) {
        const int idx = m_tabs->indexOf(tab);
        if (idx >= 0)
            m_tabs->setTabText(idx, t);
    });
    return tab;
}

ChannelTab *ChannelInspectorPage::currentChannel() const
{
    return qobject_cast<ChannelTab *>(m_tabs->currentWidget());
}
