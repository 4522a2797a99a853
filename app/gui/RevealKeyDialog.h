#pragma once

#include "core/ConsoleTypes.h"

#include <QDialog>

#include <memory>

namespace Ui { class RevealKeyDialog; }

class AppContext;
class QPushButton;
class QLabel;
class QTimer;

// Shows a new secret exactly once. It is shown as text that cannot be selected (no Ctrl+C, no X11 PRIMARY
// selection, no context menu): the only way out is the Copy button, through the self-clearing Clipboard
// (cleared after 30 s if it still holds the secret), with a live countdown and a "Clear now" button.
// Closing without copying asks first — a minted secret is never lost by a stray Esc.
class RevealKeyDialog : public QDialog
{
    Q_OBJECT
public:
    RevealKeyDialog(AppContext *context, const MintedKey &minted, const QString &ownerName, QWidget *parent = nullptr);
    ~RevealKeyDialog() override;
    bool copied() const { return m_copied; }
    static constexpr int kClearAfterMs = 30000;

public slots:
    void reject() override;
    void done(int r) override;

private:
    void updateCountdown();

    std::unique_ptr<Ui::RevealKeyDialog> m_ui;
    AppContext *m_context;
    QString m_secretText;
    QLabel *m_secret;
    QPushButton *m_copy;
    QPushButton *m_clearNow;
    QLabel *m_status;
    QLabel *m_countdown;
    QTimer *m_tick;
    bool m_copied = false;
    bool m_confirmedClose = false;
};
