#pragma once

#include "core/ConsoleTypes.h"
#include "services/KeyOperations.h"

#include <QDialog>

#include <optional>

class AppContext;
class MessageBanner;
class QButtonGroup;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTimer;

// Rotating a key, in two steps. First the overlap: presets or a custom duration, with what will happen
// ("the old key keeps working until …", capped by its own expiry). After the rotate the new secret is
// revealed once (RevealKeyDialog), then this dialog comes back, non-modal, as a follow-up on the
// previous key: its expiry, last use and request count, refreshed from the server every 10 s so the
// admin can watch traffic move, and "Retire old key now".
class RotateKeyDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int RefreshIntervalMs = 10000;

    RotateKeyDialog(AppContext *context, const ApiKey &key, const QString &ownerName, QWidget *parent = nullptr);
    ~RotateKeyDialog() override;

    // The overlap chosen on the first page; nullopt (with *error) when the custom text is unreadable.
    std::optional<qint64> overlapSeconds(QString *error = nullptr) const;
    void setOverlapSeconds(qint64 seconds);   // selects the preset, or Custom with that duration
    MessageBanner *banner() const { return m_banner; }
    QTimer *refreshTimer() const { return m_refreshTimer; }
    // h-usage2: the old and the new key's hourly verifications of the last day, side by side.
    class UsageChart *usageChart() const { return m_usageChart; }
    QLabel *usageText() const { return m_usageText; }
    const std::optional<ApiKey> &previous() const { return m_previous; }
    bool isFollowingUp() const;
    // After a lost reply: what the server was found to hold (nullopt before any).
    const std::optional<RotationState> &lostReply() const { return m_lost; }

public slots:
    void rotate();
    void refreshPrevious();
    void retirePrevious();   // asks, then deletes the previous key

signals:
    void rotated(const MintedKey &minted);     // the new key and the previous one, for the keys table
    void previousRefreshed(const ApiKey &previous);
    void previousRetired(const QString &keyId);

private:
    void updateSummary();
    void sendRotate(qint64 overlap, const QString &retryId);
    void reportLostReply(const ApiError &e, const KeyAttempt &attempt);
    bool lostAfterRotating() const
    {
        return m_lost && m_lost->outcome != RotationState::Outcome::NotRotated && m_lost->outcome != RotationState::Outcome::Unknown;
    }
    void showMinted(const MintedKey &minted);
    void showFollowUp();
    void showPrevious();
    void refreshUsage();

    AppContext *m_context;
    ApiKey m_key;
    QString m_ownerName;
    MessageBanner *m_banner;
    QStackedWidget *m_pages;
    QButtonGroup *m_overlap;
    QLineEdit *m_customOverlap;
    QLabel *m_summary;
    QPushButton *m_rotate;
    QPushButton *m_cancel;
    // follow-up page
    QLabel *m_prevTitle;
    QLabel *m_prevExpires;
    QLabel *m_prevLastUsed;
    QLabel *m_prevRequests;
    QLabel *m_refreshStatus;
    QPushButton *m_refresh;
    QPushButton *m_retire;
    QPushButton *m_close;
    QTimer *m_refreshTimer;
    class UsageChart *m_usageChart = nullptr;
    QLabel *m_usageText = nullptr;
    QString m_newKeyId;
    bool m_usageRefreshing = false;
    std::optional<ApiKey> m_previous;
    std::optional<RotationState> m_lost;
    QString m_newKeyStart;
    bool m_busy = false;
    bool m_refreshing = false;
    bool m_gone = false;
};
