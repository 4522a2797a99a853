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
    void setDefaultUrl(const QUrl &url) { m_defaultUrl = url; }
    QUrl defaultUrl() const;

private:
    AppContext *m_context;
    QTabWidget *m_tabs;
    QUrl m_defaultUrl;
};
