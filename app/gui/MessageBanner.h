#pragma once

#include <QDeadlineTimer>
#include <QFrame>
#include <QList>
#include <QPointer>

#include <chrono>
#include <functional>

struct ApiError;

class QLabel;
class QToolButton;
class QPushButton;
class QTimer;

// An inline, dismissable message strip (after KeePassXC's MessageWidget): recoverable problems are
// shown here, on the page they belong to, instead of in modal boxes. Problems (info, warning, error) stay in
// the page's layout until dismissed; a success is shown floating over the bottom of the page, so it never
// pushes the page down under the admin's pointer, and it goes away by itself.
class MessageBanner : public QFrame
{
    Q_OBJECT
public:
    enum class Type { Info, Positive, Warning, Error };
    explicit MessageBanner(QWidget *parent = nullptr);

    void showMessage(const QString &text, Type type = Type::Info, int autoHideMs = 0);
    // An optional action button ("Sign in again", "Retry") that runs fn once.
    void setAction(const QString &text, std::function<void()> fn);
    // A 429: "The server is rate-limiting requests; try again in N s", counting down. The action and every
    // widget in holdDisabled stay disabled until the wait is over (or the banner shows something else).
    void showRateLimited(std::chrono::seconds wait, const QString &actionText, std::function<void()> retry,
                         const QList<QWidget *> &holdDisabled = {});
    // Any error: a 429 with a known wait counts down as above, anything else is an Error with the action.
    void showError(const ApiError &e, const QString &actionText = {}, std::function<void()> retry = {},
                   const QList<QWidget *> &holdDisabled = {});
    void dismiss();
    QString text() const;
    Type type() const { return m_type; }
    QColor toneColor() const;   // the box's border colour for this type, from the palette
    bool isCountingDown() const { return m_countdown != nullptr && m_countdownActive; }
    // The floating strip a success is shown in (nullptr until the first success).
    MessageBanner *floatingStrip() const { return m_toast; }
    static constexpr int kSuccessHideMs = 6000;
    // Whether what is shown goes away by itself (a success does; a problem stays until dismissed).
    bool hidesByItself() const;

signals:
    void dismissed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void placeFloating();
    void tickCountdown();
    void stopCountdown();

    QLabel *m_icon;
    QLabel *m_label;
    QPushButton *m_action;
    QToolButton *m_close;
    QTimer *m_hideTimer;
    Type m_type = Type::Info;
    std::function<void()> m_actionFn;
    QTimer *m_countdown = nullptr;
    bool m_countdownActive = false;
    QDeadlineTimer m_deadline;
    QList<QPointer<QWidget>> m_held;
    MessageBanner *m_toast = nullptr;   // the floating strip for successes
    bool m_floating = false;            // this is such a strip
};
