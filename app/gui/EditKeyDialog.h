#pragma once

#include "core/ConsoleTypes.h"
#include "net/ConsoleApi.h"

#include <QDialog>

#include <optional>

class AppContext;
class KeyValueEditor;
class PermissionEditor;
class MessageBanner;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

// Edit one API key: name, enabled, expiry (keep / presets / custom, within the server's limits),
// permissions, metadata, rate limit and remaining uses, prefilled from the key. Only the fields that
// changed are sent to /console/api-keys/update; on an error the dialog stays open with its contents.
class EditKeyDialog : public QDialog
{
    Q_OBJECT
public:
    EditKeyDialog(AppContext *context, const ApiKey &key, const QString &ownerName,
                  const std::optional<ConsoleInfo> &info, QWidget *parent = nullptr);

    // The changed fields only; *error is empty when the form is valid and something changed.
    KeyFields changes(QString *error) const;
    MessageBanner *banner() const { return m_banner; }
    const ApiKey &key() const { return m_key; }

public slots:
    void save();

signals:
    void updated(const ApiKey &key);

private:
    std::optional<qint64> customExpirySeconds() const;
    void updateHints();
    void showSessionEnded();   // a 401: keep the form, offer sign-in over this dialog

    AppContext *m_context;
    ApiKey m_key;
    std::optional<ConsoleInfo> m_info;
    MessageBanner *m_banner;
    QLineEdit *m_name;
    QCheckBox *m_enabled;
    QComboBox *m_expiry;
    QLineEdit *m_customExpiry;
    QLabel *m_customResult;
    QLabel *m_expiryHint;
    PermissionEditor *m_permissions;   // h-perms
    KeyValueEditor *m_metadata;
    QCheckBox *m_rateEnabled;
    QSpinBox *m_rateMax;
    QLineEdit *m_rateWindow;
    QCheckBox *m_limitUses;
    QSpinBox *m_remaining;
    QPushButton *m_save;
    bool m_busy = false;
};
