#pragma once

#include <QUrl>
#include <QWidget>

class AppContext;
class ChannelTab;
class QTabWidget;

// Several live channels at once, one tab each.
class ChannelInspectorPage : public QWidget
{
    Q_OBJECT
public:
    explicit ChannelInspectorPage(AppContext *context, QWidget *parent = nullptr);

    ChannelTab *addChannel(const QUrl &url = {});
    ChannelTab *currentChannel() const;
    // An explicit default wins; else the live channel /console/info lists for the current server; else
    // ws(s)://{server}{auth path}/console/live worked out locally.
    void setDefaultUrl(const QUrl &url);
    QUrl defaultUrl() const;
    // Asks /console/info (signed in) for the live channel URL when the server changed.
    void refreshDefaultUrl();

private:
    QString currentServerKey() const;
    QUrl localDefaultUrl() const;
    // Tabs still idle on the old default follow the new one.
    void retarget(const QUrl &oldDefault);

    AppContext *m_context;
    QTabWidget *m_tabs;
    QUrl m_defaultUrl;
    QUrl m_infoUrl;              // from /console/info channels[name=live], for m_infoServer
    QString m_infoServer;
    QString m_infoAskedFor;
};
