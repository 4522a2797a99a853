#include "AuditPage.h"

#include "AppContext.h"
#include "MessageBanner.h"
#include "TableColumns.h"
#include "Tones.h"
#include "core/Duration.h"
#include "core/Json.h"
#include "services/AuditService.h"
#include "services/Services.h"
#include "services/models/AuditModel.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace {
// Failures in the negative tone (the Outcome column says "failure" in words too).
class AuditDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (!index.data(AuditModel::SuccessRole).toBool())
            option->palette.setColor(QPalette::Text, Tones::negative(option->palette));
    }
};

QLineEdit *filterEdit(QWidget *parent, const char *name, const QString &placeholder, const QString &accessible, int maxLength)
{
    auto *e = new QLineEdit(parent);
    e->setObjectName(QString::fromLatin1(name));
    e->setPlaceholderText(placeholder);
    e->setAccessibleName(accessible);
    e->setMaxLength(maxLength);
    e->setClearButtonEnabled(true);
    return e;
}
} // namespace

AuditPage::AuditPage(AppContext *context, QWidget *parent)
    : QWidget(parent), m_context(context), m_service(context->services()->audit())
{
    setObjectName(QStringLiteral("auditPage"));
    auto *layout = new QVBoxLayout(this);
    m_banner = new MessageBanner(this);
    m_banner->setObjectName(QStringLiteral("banner"));
    layout->addWidget(m_banner);

    auto *filters = new QHBoxLayout;
    m_actor = filterEdit(this, "auditActorEdit", tr("Actor: id or email"), tr("Actor"), AuditFilter::kMaxActor);
    m_action = filterEdit(this, "auditActionEdit", tr("Action, e.g. /admin/*"), tr("Action"), AuditFilter::kMaxAction);
    m_target = filterEdit(this, "auditTargetEdit", tr("Target id"), tr("Target"), AuditFilter::kMaxTarget);
    m_since = filterEdit(this, "auditSinceEdit", tr("Since: 1h, 7d or ISO"), tr("Since"), 64);
    m_until = filterEdit(this, "auditUntilEdit", tr("Until: ISO"), tr("Until"), 64);
    m_apply = new QPushButton(tr("&Filter"), this);
    m_apply->setObjectName(QStringLiteral("auditApplyButton"));
    m_apply->setShortcut(QKeySequence::Refresh);
    m_liveCheck = new QCheckBox(tr("&Live"), this);
    m_liveCheck->setObjectName(QStringLiteral("auditLiveCheck"));
    m_liveCheck->setChecked(true);
    m_liveCheck->setToolTip(tr("New entries that match the filter appear at the top as they happen"));
    for (QWidget *w : {static_cast<QWidget *>(m_actor), static_cast<QWidget *>(m_action), static_cast<QWidget *>(m_target)})
        filters->addWidget(w, 3);
    filters->addWidget(m_since, 2);
    filters->addWidget(m_until, 2);
    filters->addWidget(m_apply);
    filters->addWidget(m_liveCheck);
    layout->addLayout(filters);

    auto *stateRow = new QHBoxLayout;
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("auditStateLabel"));
    m_state->setTextFormat(Qt::PlainText);
    m_state->setWordWrap(true);
    m_live = new QLabel(this);
    m_live->setObjectName(QStringLiteral("auditLiveLabel"));
    m_live->setTextFormat(Qt::PlainText);
    Tones::setTextTone(m_live, Tones::muted);
    stateRow->addWidget(m_state, 1);
    stateRow->addWidget(m_live);
    layout->addLayout(stateRow);

    m_body = new QWidget(this);
    auto *bodyLayout = new QVBoxLayout(m_body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    auto *split = new QSplitter(Qt::Vertical, m_body);
    m_table = new QTableView(split);
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setAccessibleName(tr("Audit entries"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_service->model());
    m_proxy->setSortRole(AuditModel::SortRole);
    m_table->setModel(m_proxy);
    m_table->setItemDelegate(new AuditDelegate(m_table));
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);   // the server's order (newest first)
    m_table->horizontalHeader()->setToolTip(tr("Sorts the entries loaded so far; the filter above asks the server"));
    TableColumns::Options columns;
    columns.hiddenByDefault = {AuditModel::CredentialColumn};
    columns.elastic = AuditModel::ActionColumn;
    new TableColumns(m_table, context->services()->settings(), QStringLiteral("audit"), columns);
    m_detail = new QPlainTextEdit(split);
    m_detail->setObjectName(QStringLiteral("auditDetail"));
    m_detail->setAccessibleName(tr("Selected entry"));
    m_detail->setReadOnly(true);
    m_detail->setPlaceholderText(tr("Select an entry to see all of it."));
    split->addWidget(m_table);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    bodyLayout->addWidget(split);
    m_more = new QPushButton(tr("Load &more"), m_body);
    m_more->setObjectName(QStringLiteral("auditMoreButton"));
    bodyLayout->addWidget(m_more, 0, Qt::AlignLeft);
    layout->addWidget(m_body, 1);

    for (QLineEdit *e : {m_actor, m_action, m_target, m_since, m_until})
        connect(e, &QLineEdit::returnPressed, this, &AuditPage::reload);
    connect(m_apply, &QPushButton::clicked, this, &AuditPage::reload);
    connect(m_more, &QPushButton::clicked, m_service, &AuditService::fetchMore);
    connect(m_liveCheck, &QCheckBox::toggled, this, [this](bool on) { m_service->setLive(on && isVisible()); });
    connect(m_service, &AuditService::stateChanged, this, &AuditPage::updateState);
    connect(m_service, &AuditService::pageLoaded, this, &AuditPage::updateState);
    connect(m_service, &AuditService::liveEntryAdded, this, &AuditPage::updateState);
    connect(m_service, &AuditService::liveStatusChanged, m_live, &QLabel::setText);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AuditPage::showDetail);
    updateState();
}

AuditPage::~AuditPage() = default;

void AuditPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_service->setLive(m_liveCheck->isChecked());
}

void AuditPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_service->setLive(false);   // the channel is open only while the page is looked at
}

bool AuditPage::readFilter(AuditFilter *out)
{
    AuditFilter f;
    f.actor = m_actor->text().trimmed();
    f.action = m_action->text().trimmed();
    f.target = m_target->text().trimmed();
    const QDateTime now = m_context->services()->clock()->now();
    for (QLineEdit *e : {m_since, m_until}) {
        if (e->text().trimmed().isEmpty())
            continue;
        QString why;
        const QDateTime t = parseAuditTime(e->text(), now, &why);
        if (!t.isValid()) {
            m_banner->showMessage((e == m_since ? tr("Since: %1") : tr("Until: %1")).arg(why), MessageBanner::Type::Error);
            e->setFocus();
            return false;
        }
        (e == m_since ? f.since : f.until) = t;
    }
    if (const QString why = f.validate(); !why.isEmpty()) {
        m_banner->showMessage(why, MessageBanner::Type::Error);
        return false;
    }
    *out = f;
    return true;
}

void AuditPage::reload()
{
    AuditFilter f;
    if (!readFilter(&f))
        return;
    m_banner->dismiss();
    m_detail->clear();
    m_service->setFilter(f);
    if (m_service->filter() == f && m_service->state() == AuditService::State::Ready)
        m_service->reload();   // the same filter again: F5 means fetch again
}

void AuditPage::applyFilter(const AuditFilter &filter)
{
    m_actor->setText(filter.actor);
    m_action->setText(filter.action);
    m_target->setText(filter.target);
    m_since->setText(filter.since.isValid() ? toIsoString(filter.since) : QString());
    m_until->setText(filter.until.isValid() ? toIsoString(filter.until) : QString());
    reload();
}

void AuditPage::updateState()
{
    const AuditService::State s = m_service->state();
    const bool unsupported = s == AuditService::State::Unsupported;
    m_body->setVisible(!unsupported);
    for (QWidget *w : std::initializer_list<QWidget *>{m_actor, m_action, m_target, m_since, m_until, m_liveCheck})
        w->setEnabled(!unsupported);
    m_live->setVisible(!unsupported);
    m_more->setVisible(m_service->hasMore());
    m_more->setEnabled(m_service->canFetchMore());
    const int rows = m_service->model()->rowCount();
    switch (s) {
    case AuditService::State::Idle: m_state->setText(tr("Sign in to see the audit trail.")); break;
    case AuditService::State::Checking: m_state->setText(tr("Asking the server…")); break;
    case AuditService::State::Unsupported: m_state->setText(AuditService::unsupportedMessage()); break;
    case AuditService::State::Loading: m_state->setText(rows ? tr("%1 entries; loading more…").arg(rows) : tr("Loading…")); break;
    case AuditService::State::Failed:
        m_state->setText(tr("Could not load the audit trail."));
        m_banner->showMessage(m_service->lastError().displayText(), MessageBanner::Type::Error);
        break;
    case AuditService::State::Ready: {
        QString text;
        if (rows == 0)
            text = m_service->filter().isEmpty() ? tr("No audit entries yet.") : tr("No entries match the filter.");
        else if (m_service->hasMore())
            text = tr("%1 newest entries shown (of %2%3)").arg(rows).arg(m_service->total()).arg(m_service->totalExact() ? QString() : QStringLiteral("+"));
        else
            text = tr("%n entries", nullptr, rows);
        if (m_service->model()->truncatedTail() || m_service->model()->isFull())
            text += tr(" — at most %1 are kept here; narrow the filter for older ones").arg(m_service->model()->maxRows());
        m_state->setText(text);
        break;
    }
    }
}

void AuditPage::showDetail()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        m_detail->clear();
        return;
    }
    const int row = m_proxy->mapToSource(rows.first()).row();
    const AuditEntry &e = m_service->model()->entry(row);
    const auto orDash = [](const QString &s) { return s.isEmpty() ? QStringLiteral("—") : s; };
    // A QPlainTextEdit: every server string stays plain text, newlines and all.
    QStringList lines;
    lines << tr("When: %1 (%2)").arg(formatLocalTime(e.at, true), toIsoString(e.at))
          << tr("Actor: %1  (id %2)").arg(orDash(e.actorEmail), orDash(e.actorId))
          << tr("Credential: %1").arg(AuditModel::credentialText(e))
          << tr("Action: %1").arg(e.action)
          << tr("Target: %1").arg(orDash(e.target))
          << tr("Outcome: %1").arg(AuditModel::outcomeText(e))
          << tr("Address: %1").arg(orDash(e.ipAddress))
          << tr("User agent: %1").arg(orDash(e.userAgent))
          << tr("Entry id: %1").arg(e.id);
    m_detail->setPlainText(lines.join(QLatin1Char('\n')));
}
