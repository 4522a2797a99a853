#pragma once

#include "core/ConsoleTypes.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QWidget>

#include <memory>

class AppContext;
class ChannelSocket;
class QTableWidget;
class QTimer;
namespace Ui { class LiveConnectionsPanel; }

// The live channel's connections (the lower half of the Sessions page), kept current by pushed events
// rather than polling. While visible it re-asks the open channel for its list every 5 s so message
// counts stay current (a frame on the channel that is already open, not an HTTP poll). API-key
// connections show the key's name, resolved through GET /console/api-keys and cached. Session events
// pushed on the channel are passed on (sessionCreated / sessionRevoked) for the sessions list.
// Layout: ui/LiveConnectionsPanel.ui.
class LiveConnectionsPanel : public QWidget
{
    Q_OBJECT
public:
    enum ConnectionColumn { WhoColumn, ViaColumn, KeyColumn, SinceColumn, InColumn, OutColumn, ConnectionIdColumn };

    explicit LiveConnectionsPanel(AppContext *context, QWidget *parent = nullptr);
    ~LiveConnectionsPanel() override;

    QTableWidget *connectionsTable() const;
    bool isLive() const;
    int connectionRow(const QString &connectionId) const;
    int listIntervalMs() const;
    void setListIntervalMs(int ms);

    void refresh();     // the list again if open (key names looked up again), else open the channel
    void restart();     // another sign-in: forget key names, reopen with the new token
    void stop();        // signed out: close, clear, say so
    bool openedForCurrentSignIn() const;
    // Feed an event as if pushed (after a revoke this console made itself).
    void handleEvent(const QJsonObject &frame);

signals:
    void sessionCreated(const UserSession &session);
    void sessionRevoked(const QString &sessionId);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void connectLive();
    QString liveIdentity() const;
    void upsertConnection(const QJsonObject &c);
    void applyList(const QJsonArray &connections);
    void removeConnection(const QString &id);
    void setCell(int row, int col, const QString &text);
    void sendList();
    void updateListTimer();
    QString keyLabel(const QString &keyId);   // keyId → name
    void fetchKeyNames(int offset = 0);
    void refreshKeyCells();

    std::unique_ptr<Ui::LiveConnectionsPanel> m_ui;
    AppContext *m_context;
    ChannelSocket *m_live;
    QTimer *m_listTimer;
    QString m_liveFor;             // endpoint + session id the channel was opened for (never the token)
    QHash<QString, QString> m_keyNames;
    QSet<QString> m_keysMissing;   // not found by a fetch made after they showed up: shown by id
    QSet<QString> m_keysCovered;   // unknown ids when the running fetch started
    bool m_keysLoading = false;
    int m_keysGeneration = 0;
};
