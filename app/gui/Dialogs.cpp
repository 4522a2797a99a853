#include "Dialogs.h"

#include <QPushButton>
#include <QTimer>

namespace {
std::optional<bool> g_nextAnswer;   // test seam only
QString g_lastQuestion;
}

namespace Dialogs {

void setNextAnswer(std::optional<bool> accept)
{
    g_nextAnswer = accept;
}

QString lastQuestion()
{
    return g_lastQuestion;
}

void confirm(QWidget *parent, const QString &title, const QString &text, const QString &acceptText,
             std::function<void(bool)> cb, QMessageBox::Icon icon)
{
    g_lastQuestion = text;
    if (g_nextAnswer) {
        const bool answer = *g_nextAnswer;
        g_nextAnswer.reset();
        QTimer::singleShot(0, parent, [cb, answer] { cb(answer); });
        return;
    }
    auto *box = new QMessageBox(icon, title, text, QMessageBox::NoButton, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *ok = box->addButton(acceptText, QMessageBox::AcceptRole);
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    QObject::connect(box, &QMessageBox::finished, box, [box, ok, cb](int) { cb(box->clickedButton() == ok); });
    box->open();
}

} // namespace Dialogs
