#include "ChannelInspectorPage.h"

#include "AppContext.h"
#include "ChannelTab.h"
#include "core/Services.h"

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
}

QUrl ChannelInspectorPage::defaultUrl() const
{
    if (m_defaultUrl.isValid())
        return m_defaultUrl;
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
