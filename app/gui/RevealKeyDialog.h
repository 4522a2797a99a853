#pragma once

#include "core/ConsoleTypes.h"

#include <QDialog>

class AppContext;
class QLineEdit;
class QPushButton;
class QLabel;

// Shows a new secret exactly once: read-only, copyable (auto-cleared from the clipboard after 30 s if it
// is still ours), and closing without copying asks first — a minted secret is never lost by a stray Esc.
class RevealKeyDialog : public QDialog
{
    Q_OBJECT
public:
    RevealKeyDialog(AppContext *context, const MintedKey &minted, const QString &ownerName, QWidget *parent = nullptr);
    bool copied() const { return m_copied; }

public slots:
    void reject() override;
    void done(int r) override;

private:
    AppContext *m_context;
    QLineEdit *m_secret;
    QPushButton *m_copy;
    QLabel *m_status;
    bool m_copied = false;
    bool m_confirmedClose = false;
};
