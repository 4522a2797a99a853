#pragma once

#include <QObject>
#include <QString>

class AppContext;
class QComboBox;
class QToolBar;
class QWidget;

// The toolbar's server part: the server box and Add / Edit / Remove. It changes the saved profiles and the
// current server; the window restarts the session check (switched) and shows what happened (message).
class ServerSwitcher : public QObject
{
    Q_OBJECT
public:
    // Adds its caption, box and actions to `toolBar`; dialogs open over `window`.
    ServerSwitcher(AppContext *context, QToolBar *toolBar, QWidget *window);

    QComboBox *serverBox() const { return m_serverBox; }
    // Fills the box from the saved profiles and selects the current one.
    void reload();

signals:
    void switched();   // the current server (or its profile) changed: check its session again
    void message(const QString &text, int type, int autoHideMs);   // for the window's banner (MessageBanner::Type)

private:
    void switchServer(int index);
    void editServer(bool addNew);
    void removeServer();

    AppContext *m_context;
    QWidget *m_window;
    QComboBox *m_serverBox;
};
