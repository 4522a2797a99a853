#pragma once

#include <QFrame>

class QLabel;
class QToolButton;
class QPushButton;
class QTimer;

// An inline, dismissable message strip (after KeePassXC's MessageWidget): recoverable problems are
// shown here, on the page they belong to, instead of in modal boxes.
class MessageBanner : public QFrame
{
    Q_OBJECT
public:
    enum class Type { Info, Positive, Warning, Error };
    explicit MessageBanner(QWidget *parent = nullptr);

    void showMessage(const QString &text, Type type = Type::Info, int autoHideMs = 0);
    // An optional action button ("Sign in again", "Retry") that runs fn once.
    void setAction(const QString &text, std::function<void()> fn);
    void dismiss();
    QString text() const;
    Type type() const { return m_type; }

signals:
    void dismissed();

private:
    QLabel *m_icon;
    QLabel *m_label;
    QPushButton *m_action;
    QToolButton *m_close;
    QTimer *m_hideTimer;
    Type m_type = Type::Info;
    std::function<void()> m_actionFn;
};
