#pragma once

#include <QObject>
#include <QString>

#include <functional>

class ChannelConnectionBar;
class MessageBanner;
class Services;
class QUrl;

// The pasted key of one channel tab and its memory: the key belongs to the URL it was typed, pasted or
// filled in for (moving the tab to another URL clears it, so it is never sent there); "Remember" keeps it
// in the keychain under "channel-key:<normalized URL>" with only a flag in the settings; Forget removes
// it. Drives the bar's key field, Remember checkbox and Forget button; reports through the tab's banner.
class ChannelKeyMemory : public QObject
{
    Q_OBJECT
public:
    // currentUrlKey: the normalized URL the tab's URL field shows now ("" when it is not a URL).
    ChannelKeyMemory(Services *services, ChannelConnectionBar *bar, MessageBanner *banner,
                     std::function<QString()> currentUrlKey, QObject *parent = nullptr);

    static QString keychainEntry(const QString &normalizedUrl) { return QStringLiteral("channel-key:") + normalizedUrl; }

    // Before the tab loads another URL's state: a key typed for another URL is cleared.
    void leaveFor(const QString &newUrlKey);
    // The tab loaded the state for urlKey (settings group `group`): whether a key is remembered, and read it.
    void loadFor(const QString &urlKey, const QString &group);
    // Connect pressed with an empty key field: true while the keychain is being read (the tab then
    // connects when the key arrives: keyReadyToConnect).
    bool deferConnect();
    // The connection with a pasted key opened: remember it if the checkbox asks for it.
    void opened(const QString &key);

signals:
    void keyReadyToConnect();

private:
    bool pasted() const;
    void load();
    void remember(const QString &key);
    void forget();
    void setRemembered(bool on);

    Services *m_services;
    ChannelConnectionBar *m_bar;
    MessageBanner *m_banner;
    std::function<QString()> m_currentUrlKey;
    QString m_url;                  // normalized URL whose state is loaded
    QString m_group;                // its settings group
    QString m_keyForUrl;            // normalized URL the key field's key was typed or remembered for
    bool m_remembered = false;      // the keychain holds a key for m_url (a non-secret flag in settings)
    bool m_loading = false;
    bool m_connectWhenLoaded = false;
};
