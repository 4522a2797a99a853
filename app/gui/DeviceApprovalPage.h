#pragma once

#include "core/ApiError.h"
#include "core/AuthTypes.h"

#include <QWidget>

#include <memory>

namespace Ui { class DeviceApprovalPage; }

class AppContext;
class DeviceCodesModel;
class MessageBanner;
class QStackedWidget;
class QScrollArea;
class QTableView;
class QTimer;
class QLineEdit;
class QPushButton;
class QLabel;
class QGroupBox;
class QCheckBox;

// Approving device codes that other clients (for example `pikku login` on a laptop) requested.
// better-auth's own endpoints: claim with GET /device?user_code= (as the signed-in admin), then
// POST /device/approve or /deny. Before anything is approved the admin sees the client id and scope
// the claim returned, confirms the code matches what the device shows, and is told plainly that
// approval signs that device in as them.
//
// Above the code field, the queue of pending codes (GET {auth}/console/device-codes, the console API
// plugin): refetched every 5 s while the page is visible, the countdown ticking every second locally.
// Picking a row only fills the code field; claiming and approving stay the admin's explicit steps,
// because a listed code may belong to someone else's device (device-code phishing).
class DeviceApprovalPage : public QWidget
{
    Q_OBJECT
public:
    explicit DeviceApprovalPage(AppContext *context, QWidget *parent = nullptr);
    ~DeviceApprovalPage() override;

    MessageBanner *banner() const { return m_banner; }
    void lookUp();                 // claim the code in the entry field
    void prefill(const QString &userCode);   // put a code in the field and look it up (a notification's click)
    void decide(bool approve);     // approve / deny the claimed code (approve needs the confirmation tick)
    const DeviceClaim &claim() const { return m_claim; }

    void refreshQueue();                                   // refetch the pending codes now
    QTableView *queueView() const { return m_queue; }
    DeviceCodesModel *queueModel() const { return m_codes; }
    QString queueMessage() const;                          // the text shown instead of the table, if any
    bool isAutoRefreshing() const;

signals:
    void decided(const QString &userCode, bool approved);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void resetClaim();
    void fillFromRow(int row, bool focusLookUp);
    void tickQueue();
    void followCodeField();
    void showQueueMessage(const QString &text);
    void updateQueueView();
    void reportListError(const ApiError &e);
    void showError(const ApiError &e, const QString &what);

    std::unique_ptr<Ui::DeviceApprovalPage> m_ui;
    AppContext *m_context;
    MessageBanner *m_banner;
    QLineEdit *m_code;
    QPushButton *m_lookUp;
    QGroupBox *m_claimBox;
    QLabel *m_claimCode;
    QLabel *m_clientId;
    QLabel *m_scope;
    QLabel *m_status;
    QLabel *m_warning;
    QCheckBox *m_matches;
    QPushButton *m_approve;
    QPushButton *m_deny;
    QLabel *m_compareHint;
    QPushButton *m_refresh;
    QStackedWidget *m_queueStack;
    QScrollArea *m_scroll = nullptr;
    QTableView *m_queue;
    QLabel *m_queueEmpty;
    DeviceCodesModel *m_codes;
    QTimer *m_refreshTimer;
    QTimer *m_tickTimer;
    QString m_queueProblem;          // set when the list cannot be shown (no plugin, not signed in)
    QString m_lastListError;         // the banner text of the last list failure, to not repeat it every 5 s
    DeviceClaim m_claim;
    bool m_busy = false;
    bool m_listing = false;
    bool m_syncing = false;          // model updates in progress: selection changes are not the admin's
};
