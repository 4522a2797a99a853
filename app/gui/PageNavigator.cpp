#include "PageNavigator.h"

#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

PageNavigator::PageNavigator(QListWidget *navList, QStackedWidget *pageStack, QWidget *window)
    : QObject(window), m_navList(navList), m_pageStack(pageStack)
{
    m_navList->setIconSize(QSize(20, 20));
    applyStyle();
}

void PageNavigator::applyStyle()
{
    // A style sheet resolves palette(...) when it is applied: set again when the palette changes (View > Theme,
    // the desktop's theme), or the navigation would keep the old theme's colours.
    m_navList->setStyleSheet(QString());
    m_navList->setStyleSheet(QStringLiteral(
        "QListWidget#navList { background: palette(base); border-right: 1px solid palette(mid); padding-top: 6px; }"
        " QListWidget#navList::item { padding-left: 10px; }"));
}

void PageNavigator::addPage(QWidget *page, const QString &title, const QIcon &icon, bool needsPlugin)
{
    m_pageStack->addWidget(page);
    auto *item = new QListWidgetItem(icon, title, m_navList);
    item->setSizeHint(QSize(0, 36));
    while (m_makePage.size() < m_pageStack->count())
        m_makePage.append(nullptr);
    while (m_needsPlugin.size() < m_pageStack->count())
        m_needsPlugin.append(false);
    m_needsPlugin.last() = needsPlugin;
}

void PageNavigator::addLazyPage(const QString &title, const QIcon &icon, std::function<QWidget *()> make, bool needsPlugin)
{
    addPage(new QWidget(m_pageStack), title, icon, needsPlugin);   // a placeholder until the page is first shown
    m_makePage.last() = std::move(make);
}

void PageNavigator::setNoPlugin(bool noPlugin)
{
    if (noPlugin == m_noPlugin)
        return;
    m_noPlugin = noPlugin;
    showNavPage(m_navList->currentRow());
}

void PageNavigator::showNavPage(int index)
{
    if (index < 0)
        return;
    if (m_noPlugin && index < m_needsPlugin.size() && m_needsPlugin.at(index)) {
        m_pluginNeededLabel->setText(tr("%1 needs the console plugin on the server: install @pikku-admin/better-auth-console "
                                        "(see server/console-plugin/README.md). Without it: Users, Device approvals and Channels.")
                                         .arg(m_navList->item(index)->text()));
        m_pageStack->setCurrentWidget(m_pluginNeeded);
        return;
    }
    ensurePage(index);
    m_pageStack->setCurrentIndex(index);
}

void PageNavigator::ensurePage(int index)
{
    if (index < 0 || index >= m_makePage.size() || !m_makePage.at(index))
        return;
    const auto make = std::exchange(m_makePage[index], nullptr);
    QWidget *placeholder = m_pageStack->widget(index);
    QWidget *page = make();
    m_pageStack->insertWidget(index, page);
    m_pageStack->removeWidget(placeholder);
    placeholder->deleteLater();
}

QWidget *PageNavigator::currentPage() const
{
    return m_pageStack->currentWidget();
}

void PageNavigator::showPage(QWidget *page)
{
    const int i = m_pageStack->indexOf(page);
    if (i >= 0)
        m_navList->setCurrentRow(i);
}

void PageNavigator::finish()
{
    // Not in the navigation: what a page that needs the console plugin shows on a server without it.
    m_pluginNeeded = new QWidget(m_pageStack);
    m_pluginNeeded->setObjectName(QStringLiteral("pluginNeededPage"));
    auto *needLayout = new QVBoxLayout(m_pluginNeeded);
    m_pluginNeededLabel = new QLabel(m_pluginNeeded);
    m_pluginNeededLabel->setObjectName(QStringLiteral("pluginNeededLabel"));
    m_pluginNeededLabel->setTextFormat(Qt::PlainText);
    m_pluginNeededLabel->setWordWrap(true);
    needLayout->addWidget(m_pluginNeededLabel);
    needLayout->addStretch(1);
    m_pageStack->addWidget(m_pluginNeeded);
    connect(m_navList, &QListWidget::currentRowChanged, this, &PageNavigator::showNavPage);
    connect(m_pageStack, &QStackedWidget::currentChanged, this, [this](int i) {
        // Pages load when first shown (and again on F5), not at start-up.
        QWidget *page = m_pageStack->widget(i);
        if ((m_canLoad && !m_canLoad()) || m_loadedPages.contains(page))
            return;
        m_loadedPages.insert(page);
        emit firstShown(page);
    });
}

void PageNavigator::fitWidth()
{
    // The navigation is as wide as its longest entry and sits right against the page (no splitter: no
    // handle, no gutter); its right border is the divider.
    int navText = 0;
    for (int i = 0; i < m_navList->count(); ++i)
        navText = std::max(navText, m_navList->fontMetrics().horizontalAdvance(m_navList->item(i)->text()));
    m_navList->setFixedWidth(std::clamp(navText + m_navList->iconSize().width() + 48, 150, 220));
}
