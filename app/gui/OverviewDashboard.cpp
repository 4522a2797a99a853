#include "OverviewDashboard.h"

#include "AppContext.h"
#include "Tones.h"
#include "core/Duration.h"
#include "services/Services.h"
#include "services/models/AuditModel.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
const char *kNames[OverviewSnapshot::ItemCount] = {
    "keysExpiringButton", "disabledKeysButton", "keysNeverUsedButton", "serviceUsersButton",
    "serviceUsersWithoutKeysButton", "sessionsButton", "liveConnectionsButton", "pendingDeviceCodesButton"};

QString caption(OverviewSnapshot::Item item)
{
    switch (item) {
    case OverviewSnapshot::KeysExpiring: return OverviewDashboard::tr("keys expiring within 7 days");
    case OverviewSnapshot::DisabledKeys: return OverviewDashboard::tr("disabled keys");
    case OverviewSnapshot::KeysNeverUsed: return OverviewDashboard::tr("keys never used");
    case OverviewSnapshot::ServiceUsers: return OverviewDashboard::tr("service users");
    case OverviewSnapshot::ServiceUsersWithoutKeys: return OverviewDashboard::tr("service users without keys");
    case OverviewSnapshot::Sessions: return OverviewDashboard::tr("sessions");
    case OverviewSnapshot::LiveConnections: return OverviewDashboard::tr("live connections");
    case OverviewSnapshot::PendingDeviceCodes: return OverviewDashboard::tr("device codes waiting");
    case OverviewSnapshot::ItemCount: break;
    }
    return {};
}
} // namespace

OverviewDashboard::OverviewDashboard(AppContext *context, QWidget *parent)
    : QWidget(parent), m_context(context), m_service(context->services()->overview())
{
    setObjectName(QStringLiteral("overviewDashboard"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 12, 0, 0);
    auto *head = new QHBoxLayout;
    auto *title = new QLabel(tr("At a glance"), this);
    QFont f = title->font();
    f.setBold(true);
    title->setFont(f);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("dashboardState"));
    m_state->setTextFormat(Qt::PlainText);
    Tones::setTextTone(m_state, Tones::muted);
    m_refresh = new QPushButton(tr("&Refresh counts"), this);
    m_refresh->setObjectName(QStringLiteral("dashboardRefreshButton"));
    head->addWidget(title);
    head->addWidget(m_state, 1);
    head->addWidget(m_refresh);
    layout->addLayout(head);

    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(8);
    for (int i = 0; i < OverviewSnapshot::ItemCount; ++i) {
        const auto item = OverviewSnapshot::Item(i);
        auto *b = new QPushButton(this);
        b->setObjectName(QString::fromLatin1(kNames[i]));
        b->setFlat(true);
        b->setCursor(Qt::PointingHandCursor);
        b->setStyleSheet(QStringLiteral("text-align: left; padding: 4px 8px;"));
        b->setText(QStringLiteral("…  ") + caption(item));   // until the counts arrive
        b->setAccessibleName(caption(item));
        b->setToolTip(item == OverviewSnapshot::ServiceUsers || item == OverviewSnapshot::ServiceUsersWithoutKeys
                          ? tr("Open Service users")
                      : item == OverviewSnapshot::Sessions || item == OverviewSnapshot::LiveConnections ? tr("Open Sessions")
                      : item == OverviewSnapshot::PendingDeviceCodes                                   ? tr("Open Device approvals")
                                                                                                       : tr("Open API keys, showing only these"));
        m_buttons[i] = b;
        auto *why = new QLabel(this);
        why->setTextFormat(Qt::PlainText);
        why->setWordWrap(true);
        Tones::setTextTone(why, Tones::muted);
        m_reasons[i] = why;
        const int row = i % 4, col = (i / 4) * 2;
        grid->addWidget(b, row, col);
        grid->addWidget(why, row, col + 1);
        connect(b, &QPushButton::clicked, this, [this, item] { emit openRequested(item); });
    }
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    layout->addLayout(grid);

    auto *recentTitle = new QLabel(tr("Last audit entries"), this);
    recentTitle->setFont(f);
    layout->addWidget(recentTitle);
    m_auditReason = new QLabel(this);
    m_auditReason->setObjectName(QStringLiteral("recentAuditReason"));
    m_auditReason->setTextFormat(Qt::PlainText);
    m_auditReason->setWordWrap(true);
    Tones::setTextTone(m_auditReason, Tones::muted);
    layout->addWidget(m_auditReason);
    m_recent = new QListWidget(this);
    m_recent->setObjectName(QStringLiteral("recentAuditList"));
    m_recent->setAccessibleName(tr("Last audit entries"));
    m_recent->setMaximumHeight(m_recent->fontMetrics().height() * 7);
    m_recent->setToolTip(tr("Double-click: the Audit page, filtered to that target"));
    layout->addWidget(m_recent);

    connect(m_refresh, &QPushButton::clicked, this, &OverviewDashboard::refresh);
    connect(m_service, &OverviewService::refreshed, this, [this] { showSnapshot(m_service->snapshot()); });
    connect(m_service, &OverviewService::failed, this, [this](const ApiError &e) {
        m_state->setText(tr("Counts unavailable: %1").arg(e.displayText()));
    });
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        AuditFilter f;
        f.target = item->data(Qt::UserRole).toString();
        if (f.target.isEmpty())
            f.action = item->data(Qt::UserRole + 1).toString();
        emit auditRequested(f);
    });
}

void OverviewDashboard::refresh()
{
    if (!m_context->services()->session()->isSignedIn())
        return;
    m_state->setText(tr("Counting…"));
    if (!m_service->isLoading())   // e.g. the expiry reminder's check at sign-in: its answer serves both
        m_service->refresh();
}

void OverviewDashboard::showSnapshot(const OverviewSnapshot &s)
{
    m_state->setText(s.fromOverview ? tr("as of %1").arg(formatLocalTime(s.at.isValid() ? s.at : QDateTime::currentDateTimeUtc()))
                                    : tr("from the v1 lists (this server has no overview endpoint)"));
    for (int i = 0; i < OverviewSnapshot::ItemCount; ++i) {
        const auto &c = s.counts[i];
        QString text = (c ? QString::number(*c) : QStringLiteral("—")) + QStringLiteral("  ") + caption(OverviewSnapshot::Item(i));
        if (i == OverviewSnapshot::LiveConnections && c && !s.liveConnectionsComplete)
            text += tr(" (this instance only)");
        m_buttons[i]->setText(text);
        m_buttons[i]->setAccessibleName(text);
        m_reasons[i]->setText(s.reasons[i]);
        m_reasons[i]->setVisible(!s.reasons[i].isEmpty());
    }
    m_recent->clear();
    m_auditReason->setText(s.auditReason);
    m_auditReason->setVisible(!s.auditAvailable);
    m_recent->setVisible(s.auditAvailable);
    for (const AuditEntry &e : s.recentAudit) {
        // QListWidgetItem text is plain; control characters become spaces in the model's cell texts too.
        QString line = QStringLiteral("%1  %2  %3  %4  %5").arg(formatLocalTime(e.at, true), e.actorText(), e.action,
                                                                 e.target.isEmpty() ? QStringLiteral("—") : e.target,
                                                                 AuditModel::outcomeText(e));
        for (QChar &ch : line)
            if (ch.category() == QChar::Other_Control)
                ch = QLatin1Char(' ');
        auto *item = new QListWidgetItem(line, m_recent);
        item->setData(Qt::UserRole, e.target);
        item->setData(Qt::UserRole + 1, e.action);
    }
    if (s.auditAvailable && s.recentAudit.isEmpty())
        new QListWidgetItem(tr("No audit entries yet."), m_recent);
}
