#pragma once

#include <QMessageBox>
#include <QString>

#include <functional>
#include <optional>

class QWidget;

// Every confirmation goes through here, asynchronously (open(), never exec()). Tests script the
// next answer with setNextAnswer() instead of clicking a real box.
namespace Dialogs {

void confirm(QWidget *parent, const QString &title, const QString &text, const QString &acceptText,
             std::function<void(bool accepted)> cb, QMessageBox::Icon icon = QMessageBox::Question);
void setNextAnswer(std::optional<bool> accept);
// The text of the last confirmation asked (test seam: what the admin was told).
QString lastQuestion();

} // namespace Dialogs
