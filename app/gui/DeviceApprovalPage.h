#pragma once

#include "core/ApiError.h"
#include "core/AuthTypes.h"

#include <QWidget>

class AppContext;
class MessageBanner;
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
class DeviceApprovalPage : public QWidget
{
    Q_OBJECT
public:
    explicit DeviceApprovalPage(AppContext *context, QWidget *parent = nullptr);

    MessageBanner *banner() const { return m_banner; }
    void lookUp();                 // claim the code in the entry field
    void decide(bool approve);     // approve / deny the claimed code (approve needs the confirmation tick)
    const DeviceClaim &claim() const { return m_claim; }

signals:
    void decided(const QString &userCode, bool approved);

private:
    void resetClaim();
    void showError(const ApiError &e, const QString &what);

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
    DeviceClaim m_claim;
    bool m_busy = false;
};
