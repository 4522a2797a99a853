#pragma once

#include <QList>
#include <QObject>
#include <QSet>

#include <functional>

class QIcon;
class QLabel;
class QListWidget;
class QStackedWidget;
class QWidget;

// The navigation list and the page stack it drives: row i shows stack page i. Pages after the first are
// built when first shown (or asked for); a page that needs the console plugin shows one line instead on a
// server without it. Each page is announced once per session when first shown (firstShown) so it loads then.
class PageNavigator : public QObject
{
    Q_OBJECT
public:
    PageNavigator(QListWidget *navList, QStackedWidget *pageStack, QWidget *window);

    void addPage(QWidget *page, const QString &title, const QIcon &icon, bool needsPlugin = false);
    void addLazyPage(const QString &title, const QIcon &icon, std::function<QWidget *()> make, bool needsPlugin = false);
    // After the last page: adds the (unlisted) page that says the console plugin is needed.
    void finish();
    // Builds the page of row `index` now if it is still a placeholder.
    void ensurePage(int index);
    void showPage(QWidget *page);
    QWidget *currentPage() const;
    QLabel *pluginNeededLabel() const { return m_pluginNeededLabel; }
    // The server has (not) the console plugin: pages that need it show the one line instead.
    void setNoPlugin(bool noPlugin);
    // A page already loaded (e.g. with a filter): showing it does not announce it again.
    void markLoaded(QWidget *page) { m_loadedPages.insert(page); }
    // A new session: every page loads again when next shown.
    void forgetLoaded() { m_loadedPages.clear(); }
    // Is a page shown to be announced (firstShown)? Only while signed in.
    void setLoading(std::function<bool()> canLoad) { m_canLoad = std::move(canLoad); }
    // As wide as the longest entry (call once the rows are added).
    void fitWidth();
    // A style sheet resolves palette(...) when applied: call again when the palette changes.
    void applyStyle();

signals:
    void firstShown(QWidget *page);

private:
    void showNavPage(int index);

    QListWidget *m_navList;
    QStackedWidget *m_pageStack;
    QWidget *m_pluginNeeded = nullptr;        // "X needs the console plugin: install …" (one label)
    QLabel *m_pluginNeededLabel = nullptr;
    bool m_noPlugin = false;
    QList<std::function<QWidget *()>> m_makePage;   // per stack index; empty once built (or never lazy)
    QList<bool> m_needsPlugin;                      // per stack index
    QSet<QWidget *> m_loadedPages;
    std::function<bool()> m_canLoad;
};
