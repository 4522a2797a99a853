#pragma once

#include "core/ConsoleTypes.h"
#include "net/ConsoleApi.h"
#include "services/KeyOperations.h"

#include <QDialog>

class AppContext;
class MessageBanner;
class QComboBox;
class QLineEdit;
class QSpinBox;
class QTableWidget;
class QLabel;
class QPushButton;
class QCheckBox;
class PermissionEditor;

// Mint a scoped API key for a service user: owner, name, expiry preset, permissions (resource → actions),
// metadata, prefix, rate limit and remaining uses, with warnings where the server's defaults would brick
// a machine key. The form survives errors and re-sign-in; a lost reply is reported with the keys that
// may have been created.
class MintKeyDialog : public QDialog
{
    Q_OBJECT
public:
    MintKeyDialog(AppContext *context, const QList<ServiceUser> &owners, const QString &ownerId,
                  const std::optional<ConsoleInfo> &info, QWidget *parent = nullptr);

    KeyFields fields(QString *error) const;   // error empty when the form is valid
    MessageBanner *banner() const { return m_banner; }

public slots:
    void mint();

signals:
    void minted(const MintedKey &key, const QString &ownerName);

private:
    void updateWarnings();
    void send(const KeyFields &f, const QString &retryId);
    void reportLostReply(const KeyFields &f, const ApiError &e, const KeyAttempt &attempt);
    void showSessionEnded();   // a 401: keep the form, offer sign-in over this dialog

    AppContext *m_context;
    std::optional<ConsoleInfo> m_info;
    MessageBanner *m_banner;
    QComboBox *m_owner;
    QLineEdit *m_name;
    QComboBox *m_expiry;
    QSpinBox *m_customDays;
    PermissionEditor *m_permissionEditor;
    QTableWidget *m_permissions;   // its free-text rows
    QTableWidget *m_metadata;
    QLineEdit *m_prefix;
    QComboBox *m_rateMode;
    QSpinBox *m_rateMax;
    QComboBox *m_rateWindow;
    QCheckBox *m_limitUses;
    QSpinBox *m_remaining;
    QLabel *m_warnings;
    QPushButton *m_mint;
    bool m_busy = false;
};
