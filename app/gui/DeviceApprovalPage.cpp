#include "DeviceApprovalPage.h"
#include "ViewSelection.h"

#include "AppContext.h"
#include "MessageBanner.h"
#include "TableColumns.h"
#include "Tones.h"
#include "services/Services.h"
#include "services/models/DeviceCodesModel.h"
#include "net/AuthApi.h"
#include "net/ConsoleApi.h"
#include "ui_DeviceApprovalPage.h"

#include <QCheckBox>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>

namespace {
constexpr int RefreshMs = 5000;
constexpr int TickMs = 1000;
} // namespace

DeviceApprovalPage::DeviceApprovalPage(AppContext *context, QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::DeviceApprovalPage>()), m_context(context)
{
    m_ui->setupUi(this);
    m_banner = m_ui->banner;
    m_scroll = m_ui->deviceApprovalScroll;
    QFont tf = m_ui->pageTitle->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.4);
    tf.setBold(true);
    m_ui->pageTitle->setFont(tf);

    // The queue of pending codes.
    m_refresh = m_ui->refreshQueueButton;
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_codes = new DeviceCodesModel(m_context->services()->clock(), this);
    m_queueStack = m_ui->queueStack;
    m_queue = m_ui->pendingCodesView;
    m_queue->setModel(m_codes);
    m_queue->setItemDelegate(Tones::deviceCodesDelegate(mono, m_queue));   // code font, urgent countdown
    TableColumns::Options columns;
    columns.elastic = DeviceCodesModel::ScopeColumn;   // what the device asks for: elided, whole in its tooltip
    new TableColumns(m_queue, m_context->services()->settings(), QStringLiteral("deviceCodes"), columns);
    // A fixed height (four rows, then it scrolls): rows arriving or expiring never move the code field
    // and the buttons below under the admin's pointer.
    m_queueStack->setFixedHeight(m_queue->horizontalHeader()->sizeHint().height()
                                 + 4 * m_queue->verticalHeader()->defaultSectionSize() + 2 * m_queue->frameWidth());
    m_queueEmpty = m_ui->queueMessage;

    m_code = m_ui->userCodeEdit;
    QFont bigMono = mono;
    bigMono.setPointSizeF(mono.pointSizeF() * 1.5);
    m_code->setFont(bigMono);
    m_code->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Za-z0-9 -]{0,12}")), m_code));
    m_lookUp = m_ui->lookUpButton;
    m_compareHint = m_ui->compareHint;

    m_claimBox = m_ui->claimBox;
    m_claimCode = m_ui->claimCodeValue;
    m_claimCode->setFont(bigMono);
    m_clientId = m_ui->clientIdValue;
    m_scope = m_ui->scopeValue;
    m_status = m_ui->claimStatusValue;
    m_ui->approvalWarning->setKind(NoticeLabel::Kind::Warning);
    m_warning = m_ui->approvalWarning;
    m_matches = m_ui->codeMatchesCheck;
    m_approve = m_ui->approveButton;
    m_deny = m_ui->denyButton;

    connect(m_lookUp, &QPushButton::clicked, this, &DeviceApprovalPage::lookUp);
    connect(m_code, &QLineEdit::returnPressed, this, &DeviceApprovalPage::lookUp);
    connect(m_code, &QLineEdit::textEdited, this, &DeviceApprovalPage::resetClaim);
    connect(m_code, &QLineEdit::textEdited, m_compareHint, &QWidget::hide);
    connect(m_matches, &QCheckBox::toggled, this, [this](bool on) { m_approve->setEnabled(on && m_claim.claimedByCaller() && !m_busy); });
    connect(m_approve, &QPushButton::clicked, this, [this] { decide(true); });
    connect(m_deny, &QPushButton::clicked, this, [this] { decide(false); });

    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setInterval(RefreshMs);
    m_tickTimer = new QTimer(this);
    m_tickTimer->setInterval(TickMs);
    connect(m_refreshTimer, &QTimer::timeout, this, &DeviceApprovalPage::refreshQueue);
    connect(m_tickTimer, &QTimer::timeout, this, &DeviceApprovalPage::tickQueue);
    connect(m_refresh, &QPushButton::clicked, this, &DeviceApprovalPage::refreshQueue);
    connect(m_codes, &QAbstractItemModel::rowsInserted, this, &DeviceApprovalPage::updateQueueView);
    connect(m_codes, &QAbstractItemModel::rowsRemoved, this, &DeviceApprovalPage::updateQueueView);
    connect(m_codes, &QAbstractItemModel::modelReset, this, &DeviceApprovalPage::updateQueueView);
    connect(m_queue->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (!m_syncing && current.isValid())
            fillFromRow(current.row(), false);
    });
    connect(m_queue, &QAbstractItemView::clicked, this, [this](const QModelIndex &index) { fillFromRow(index.row(), false); });
    connect(m_queue, &QAbstractItemView::activated, this, [this](const QModelIndex &index) { fillFromRow(index.row(), true); });
    connect(m_context->services()->session(), &Session::changed, this, [this] {
        m_lastListError.clear();
        if (!isVisible())
            return;
        m_refreshTimer->start();
        refreshQueue();
    });
    resetClaim();
    updateQueueView();
}

DeviceApprovalPage::~DeviceApprovalPage() = default;

void DeviceApprovalPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Only while someone can see it: no background polling of the server from a hidden page.
    m_refreshTimer->start();
    m_tickTimer->start();
    tickQueue();
    refreshQueue();
}

void DeviceApprovalPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_refreshTimer->stop();
    m_tickTimer->stop();
}

bool DeviceApprovalPage::isAutoRefreshing() const
{
    return m_refreshTimer->isActive();
}

QString DeviceApprovalPage::queueMessage() const
{
    return m_queueStack->currentWidget() == m_queueEmpty ? m_queueEmpty->text() : QString();
}

void DeviceApprovalPage::updateQueueView()
{
    if (!m_queueProblem.isEmpty()) {
        m_queueEmpty->setTextFormat(Qt::PlainText);   // may carry the server's message
        m_queueEmpty->setText(m_queueProblem);
        m_queueStack->setCurrentWidget(m_queueEmpty);
    } else if (m_codes->rowCount() == 0) {
        m_queueEmpty->setTextFormat(Qt::RichText);
        m_queueEmpty->setText(tr("No device is waiting for approval. When someone runs <code>pikku login</code>, "
                                 "their request shows here."));
        m_queueStack->setCurrentWidget(m_queueEmpty);
    } else {
        m_queueStack->setCurrentWidget(m_queue);
    }
}

void DeviceApprovalPage::tickQueue()
{
    const int before = m_codes->rowCount();
    m_syncing = true;
    m_codes->tick();
    m_syncing = false;
    if (m_codes->rowCount() != before)
        followCodeField();
}

void DeviceApprovalPage::followCodeField()
{
    // Keep the highlighted row on the code in the field (rows may have moved or gone), and say so when
    // a code picked from the list is no longer waiting.
    const QString code = normalizeUserCode(m_code->text());
    const int row = code.isEmpty() ? -1 : m_codes->rowOf(code);
    m_syncing = true;
    if (row >= 0)
        m_queue->setCurrentIndex(m_codes->index(row, 0));
    else
        m_queue->selectionModel()->clear();
    m_syncing = false;
    if (row < 0 && m_compareHint->isVisible() && !m_claim.claimedByCaller())
        m_compareHint->setText(tr("%1 is no longer waiting: it was approved or denied elsewhere, or it expired.")
                                   .arg(formatUserCode(code)));
}

void DeviceApprovalPage::refreshQueue()
{
    if (m_listing)
        return;
    Session *s = m_context->services()->session();
    if (!s->isSignedIn()) {
        m_syncing = true;
        m_codes->clear();
        m_syncing = false;
        m_queueProblem = tr("Sign in to see the devices waiting for approval.");
        updateQueueView();
        return;
    }
    m_listing = true;
    m_refresh->setEnabled(false);
    ConsoleApi &api = *m_context->services()->console();
    api.listDeviceCodes(this, [this](Result<Page<PendingDeviceCode>> r) {
        m_listing = false;
        m_refresh->setEnabled(true);
        if (!r.ok()) {
            const ApiError &e = r.error();
            if (e.kind == ApiError::Kind::NotFound) {
                // No console API plugin: the queue cannot be listed, but claim / approve are better-auth's
                // own endpoints and keep working. Asking again every 5 s would not change the answer.
                m_refreshTimer->stop();
                m_syncing = true;
                m_codes->clear();
                m_syncing = false;
                const QString server = e.displayText();
                m_queueProblem = tr("The pending codes cannot be listed: %1\n\nYou can still type a code below; "
                                    "looking it up and approving it use better-auth's own endpoints.").arg(server);
                updateQueueView();
                return;
            }
            reportListError(e);
            return;
        }
        if (!m_lastListError.isEmpty() && m_banner->isVisible() && m_banner->text() == m_lastListError)
            m_banner->dismiss();
        m_lastListError.clear();
        m_queueProblem.clear();
        m_syncing = true;
        m_codes->setCodes(r.value().items);   // read strictly by the gateway (a bad reply is an error above)
        m_syncing = false;
        followCodeField();
        updateQueueView();
    });
}

void DeviceApprovalPage::reportListError(const ApiError &e)
{
    QString text;
    if (e.kind == ApiError::Kind::Unauthorized) {
        m_refreshTimer->stop();   // resumes when the session changes (re-sign-in)
        text = tr("Your session ended. Sign in again to see the devices waiting for approval.");
    } else if (e.kind == ApiError::Kind::RateLimited) {
        text = tr("The server is rate-limiting the list of pending codes (%1).").arg(e.userMessage());
    } else {
        text = tr("Could not list the pending device codes: %1").arg(e.userMessage());
    }
    // The list is refetched every 5 s: say it once, not again each time (a dismissed banner stays dismissed).
    if (text == m_lastListError)
        return;
    m_lastListError = text;
    m_banner->showMessage(text, MessageBanner::Type::Error);
}

void DeviceApprovalPage::fillFromRow(int row, bool focusLookUp)
{
    if (row < 0 || row >= m_codes->rowCount())
        return;
    const QString code = m_codes->code(row).userCode;
    if (normalizeUserCode(m_code->text()) != code) {
        m_code->setText(formatUserCode(code));
        resetClaim();
    }
    m_compareHint->setText(tr("Picked from the list. Before you approve, check that the device you are signing in "
                              "shows <b>%1</b>. A listed code can belong to anyone's device.").arg(formatUserCode(code)));
    m_compareHint->setVisible(true);
    if (focusLookUp)
        m_lookUp->setFocus();
}

void DeviceApprovalPage::resetClaim()
{
    m_claim = {};
    m_claimBox->setVisible(false);
    m_matches->setChecked(false);
    m_approve->setEnabled(false);
}

void DeviceApprovalPage::showError(const ApiError &e, const QString &what)
{
    if (e.kind == ApiError::Kind::Unauthorized) {
        m_context->services()->session()->reportUnauthorized();
        m_banner->showMessage(tr("Your session ended. Sign in again; the code you entered is kept."), MessageBanner::Type::Error);
        return;
    }
    QString text;
    const QString &code = e.serverCode;
    if (code == QLatin1String("invalid_request") && e.serverMessage.contains(QLatin1String("already processed")))
        text = tr("This code was already approved or denied.");
    else if (code == QLatin1String("invalid_request") && e.serverMessage.contains(QLatin1String("Invalid user code")))
        text = tr("No such code. Check it against the requesting device (codes are 8 characters, the dash is optional).");
    else if (code == QLatin1String("expired_token"))
        text = tr("This code has expired. Ask the device to start again.");
    else if (code == QLatin1String("access_denied"))
        text = tr("Another account has already claimed this code; only it can approve or deny.");
    else if (e.kind == ApiError::Kind::RateLimited) {
        // better-auth allows 5 look-ups per window in production: count the wait down, hold Look up meanwhile.
        m_banner->showError(e, tr("Look up again"), [this] { lookUp(); }, {m_lookUp});
        return;
    } else
        text = e.userMessage();
    m_banner->showMessage(what + QStringLiteral(": ") + text, MessageBanner::Type::Error);
}

void DeviceApprovalPage::prefill(const QString &userCode)
{
    // Only looked up: approving still needs the admin's tick that the device shows this code.
    m_code->setText(formatUserCode(normalizeUserCode(userCode)));
    lookUp();
}

void DeviceApprovalPage::lookUp()
{
    Session *s = m_context->services()->session();
    const QString code = normalizeUserCode(m_code->text());
    if (code.isEmpty())
        return;
    if (!s->isSignedIn()) {
        m_banner->showMessage(tr("Sign in first: approving a code signs that device in as you."), MessageBanner::Type::Warning);
        return;
    }
    resetClaim();
    m_busy = true;
    m_lookUp->setEnabled(false);
    AuthApi api(m_context->services()->http(), s->endpoint());
    api.claimDeviceCode(s->token(), code, this, [this, code](Result<DeviceClaim> r) {
        m_busy = false;
        m_lookUp->setEnabled(true);
        if (!r.ok()) {
            showError(r.error(), tr("Could not look up %1").arg(formatUserCode(code)));
            return;
        }
        m_banner->dismiss();
        m_claim = r.value();
        const QString me = m_context->services()->session()->user().displayName();
        m_claimCode->setText(formatUserCode(code));
        m_status->setText(m_claim.status);
        m_matches->setText(tr("The requesting device shows exactly %1, and I started that sign-in").arg(formatUserCode(code)));
        if (!m_claim.claimedByCaller()) {
            m_clientId->setText(tr("(hidden: another account claimed this code)"));
            m_scope->setText(QString());
            m_warning->setText(tr("This code was claimed by another signed-in account. Only that account can approve it."));
        } else {
            m_clientId->setText(QStringLiteral("<b>%1</b>").arg(m_claim.clientId.toHtmlEscaped()));
            m_scope->setText(m_claim.scope.isEmpty() ? tr("(none requested)") : m_claim.scope);
            m_warning->setText(tr("<b>Approving signs that device in as you (%1)</b>, with your admin rights, for the "
                                  "session's lifetime. Only approve a code you started yourself: a code someone sends "
                                  "you is a common phishing trick.").arg(me.toHtmlEscaped()));
        }
        const bool pending = m_claim.status == QLatin1String("pending") && m_claim.claimedByCaller();
        m_matches->setEnabled(pending);
        m_deny->setEnabled(pending);
        m_approve->setEnabled(false);
        m_claimBox->setVisible(true);
        QTimer::singleShot(0, this, [this] { m_scroll->ensureWidgetVisible(m_claimBox, 0, 0); });   // once laid out
    });
}

void DeviceApprovalPage::decide(bool approve)
{
    Session *s = m_context->services()->session();
    if (!m_claim.claimedByCaller() || m_busy || !s->isSignedIn())
        return;
    if (approve && !m_matches->isChecked())
        return;
    const QString code = normalizeUserCode(m_claimCode->text());
    m_busy = true;
    m_approve->setEnabled(false);
    m_deny->setEnabled(false);
    AuthApi api(m_context->services()->http(), s->endpoint());
    api.approveDevice(s->token(), code, approve, this, [this, code, approve](Result<Done> r) {
        m_busy = false;
        if (!r.ok()) {
            showError(r.error(), approve ? tr("Could not approve %1").arg(formatUserCode(code))
                                         : tr("Could not deny %1").arg(formatUserCode(code)));
            m_deny->setEnabled(true);
            m_approve->setEnabled(m_matches->isChecked());
            return;
        }
        m_banner->showMessage(approve ? tr("Approved %1: that device is now signed in as you.").arg(formatUserCode(code))
                                      : tr("Denied %1.").arg(formatUserCode(code)),
                              approve ? MessageBanner::Type::Positive : MessageBanner::Type::Info);
        resetClaim();
        m_code->clear();
        m_compareHint->hide();
        m_syncing = true;
        m_codes->remove(code);
        m_syncing = false;
        refreshQueue();
        emit decided(code, approve);
    });
}
