#include "RotateKeyDialog.h"
#include "Tones.h"

#include "AppContext.h"
#include "Dialogs.h"
#include "MessageBanner.h"
#include "RevealKeyDialog.h"
#include "core/Duration.h"
#include "services/Services.h"
#include "net/ConsoleApi.h"
#include "services/KeyOperations.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QTimer>

#include "UsageChart.h"
#include "services/UsageService.h"
#include <QVBoxLayout>

#include <algorithm>
#include <iterator>

namespace {
struct Preset
{
    qint64 seconds;
    const char *name;
    const char *text;
};
constexpr Preset kPresets[] = {
    {0, "overlapNone", QT_TRANSLATE_NOOP("RotateKeyDialog", "No overlap: retire the old key at once")},
    {300, "overlap5m", QT_TRANSLATE_NOOP("RotateKeyDialog", "5 minutes")},
    {3600, "overlap1h", QT_TRANSLATE_NOOP("RotateKeyDialog", "1 hour")},
    {86400, "overlap1d", QT_TRANSLATE_NOOP("RotateKeyDialog", "1 day")},
    {7 * 86400, "overlap7d", QT_TRANSLATE_NOOP("RotateKeyDialog", "7 days")},
};
constexpr int kCustomId = int(std::size(kPresets));

QString at(const QDateTime &t)
{
    return formatLocalTimeAndRelative(t, QDateTime::currentDateTimeUtc(), true);
}

QLabel *wrapped(const QString &text, QWidget *parent, const char *name = nullptr)
{
    auto *l = new QLabel(text, parent);
    if (name)
        l->setObjectName(QLatin1String(name));
    l->setWordWrap(true);
    return l;
}
} // namespace

RotateKeyDialog::RotateKeyDialog(AppContext *context, const ApiKey &key, const QString &ownerName, QWidget *parent)
    : QDialog(parent), m_context(context), m_key(key), m_ownerName(ownerName), m_refreshTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("rotateKeyDialog"));
    setWindowTitle(tr("Rotate %1").arg(key.name));
    auto *outer = new QVBoxLayout(this);
    m_banner = new MessageBanner(this);
    outer->addWidget(m_banner);
    m_pages = new QStackedWidget(this);
    outer->addWidget(m_pages, 1);

    // Page 1: the overlap.
    auto *choose = new QWidget(m_pages);
    choose->setObjectName(QStringLiteral("overlapPage"));
    auto *v = new QVBoxLayout(choose);
    v->setContentsMargins(0, 0, 0, 0);
    v->addWidget(wrapped(tr("A new key for <b>%1</b> is minted with the same name, permissions, metadata, enabled state and "
                            "limits, and its secret is shown once. The old key (%2…) can keep working for a while so "
                            "clients can switch over.")
                             .arg(ownerName.toHtmlEscaped(), key.start.toHtmlEscaped()),
                         choose));
    v->addSpacing(4);
    v->addWidget(new QLabel(tr("<b>The old key keeps working for:</b>"), choose));
    m_overlap = new QButtonGroup(this);
    for (int i = 0; i < kCustomId; ++i) {
        auto *b = new QRadioButton(tr(kPresets[i].text), choose);
        b->setObjectName(QLatin1String(kPresets[i].name));
        m_overlap->addButton(b, i);
        v->addWidget(b);
    }
    auto *customRow = new QHBoxLayout;
    auto *custom = new QRadioButton(tr("Custom:"), choose);
    custom->setObjectName(QStringLiteral("overlapCustom"));
    m_overlap->addButton(custom, kCustomId);
    m_customOverlap = new QLineEdit(choose);
    m_customOverlap->setObjectName(QStringLiteral("customOverlapEdit"));
    m_customOverlap->setAccessibleName(tr("Custom overlap"));
    m_customOverlap->setPlaceholderText(tr("e.g. 90s, 30m, 12h, 3d"));
    m_customOverlap->setMaximumWidth(160);
    customRow->addWidget(custom);
    customRow->addWidget(m_customOverlap);
    customRow->addStretch(1);
    v->addLayout(customRow);
    m_overlap->button(2)->setChecked(true);   // 1 hour, as the CLI's default
    v->addSpacing(6);
    m_summary = wrapped(QString(), choose, "overlapSummary");
    m_summary->setStyleSheet(QStringLiteral("QLabel { background: palette(alternate-base); border: 1px solid palette(mid); "
                                            "border-radius: 4px; padding: 8px; }"));
    v->addWidget(m_summary);
    v->addStretch(1);
    auto *chooseButtons = new QDialogButtonBox(choose);
    m_cancel = chooseButtons->addButton(QDialogButtonBox::Cancel);
    m_rotate = chooseButtons->addButton(tr("&Rotate"), QDialogButtonBox::AcceptRole);
    m_rotate->setObjectName(QStringLiteral("rotateButton"));
    m_rotate->setDefault(true);
    v->addWidget(chooseButtons);
    m_pages->addWidget(choose);

    // Page 2: following the previous key.
    auto *follow = new QWidget(m_pages);
    follow->setObjectName(QStringLiteral("followUpPage"));
    auto *f = new QVBoxLayout(follow);
    f->setContentsMargins(0, 0, 0, 0);
    m_prevTitle = wrapped(QString(), follow, "followUpTitle");
    f->addWidget(m_prevTitle);
    auto *box = new QFrame(follow);
    box->setObjectName(QStringLiteral("previousKeyBox"));
    box->setStyleSheet(QStringLiteral("#previousKeyBox { background: palette(alternate-base); border: 1px solid palette(mid); "
                                      "border-radius: 4px; }"));
    auto *grid = new QFormLayout(box);
    grid->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_prevExpires = wrapped(QString(), follow, "previousExpires");
    m_prevLastUsed = wrapped(QString(), follow, "previousLastUsed");
    m_prevRequests = wrapped(QString(), follow, "previousRequests");
    for (QLabel *l : {m_prevExpires, m_prevLastUsed, m_prevRequests})
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid->addRow(tr("Stops working:"), m_prevExpires);
    grid->addRow(tr("Last used:"), m_prevLastUsed);
    grid->addRow(tr("Requests:"), m_prevRequests);
    f->addWidget(box);
    // Traffic moving from the old key to the new one (a server that counts key usage; else one line why not).
    m_usageText = wrapped(QString(), follow, "rotationUsageText");
    m_usageText->setTextFormat(Qt::PlainText);
    f->addWidget(m_usageText);
    m_usageChart = new UsageChart(follow);
    m_usageChart->setObjectName(QStringLiteral("rotationUsageChart"));
    m_usageChart->setAccessibleName(tr("Verifications of the old and the new key per hour"));
    m_usageChart->setMinimumHeight(160);
    m_usageChart->hide();
    f->addWidget(m_usageChart);
    f->addWidget(wrapped(tr("Once its last use stops moving, every client has switched: retire it then, or let it expire."), follow));
    m_refreshStatus = wrapped(QString(), follow, "refreshStatus");
    Tones::setTextTone(m_refreshStatus, &Tones::muted);
    f->addWidget(m_refreshStatus);
    f->addStretch(1);
    auto *followButtons = new QHBoxLayout;
    m_refresh = new QPushButton(tr("Refresh &now"), follow);
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    m_retire = new QPushButton(tr("Re&tire old key now…"), follow);
    m_retire->setObjectName(QStringLiteral("retireButton"));
    m_close = new QPushButton(tr("&Close"), follow);
    m_close->setObjectName(QStringLiteral("closeButton"));
    followButtons->addWidget(m_refresh);
    followButtons->addStretch(1);
    followButtons->addWidget(m_retire);
    followButtons->addWidget(m_close);
    f->addLayout(followButtons);
    m_pages->addWidget(follow);

    m_refreshTimer->setObjectName(QStringLiteral("refreshTimer"));
    m_refreshTimer->setInterval(RefreshIntervalMs);
    connect(m_refreshTimer, &QTimer::timeout, this, &RotateKeyDialog::refreshPrevious);
    connect(m_overlap, &QButtonGroup::idToggled, this, [this](int, bool on) {
        if (on)
            updateSummary();
    });
    connect(m_customOverlap, &QLineEdit::textEdited, this, [this] {
        m_overlap->button(kCustomId)->setChecked(true);
        updateSummary();
    });
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_rotate, &QPushButton::clicked, this, &RotateKeyDialog::rotate);
    connect(m_refresh, &QPushButton::clicked, this, &RotateKeyDialog::refreshPrevious);
    connect(m_retire, &QPushButton::clicked, this, &RotateKeyDialog::retirePrevious);
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
    updateSummary();
    resize(560, sizeHint().height());
}

RotateKeyDialog::~RotateKeyDialog() = default;

std::optional<qint64> RotateKeyDialog::overlapSeconds(QString *error) const
{
    const int id = m_overlap->checkedId();
    if (id >= 0 && id < kCustomId)
        return kPresets[id].seconds;
    const auto s = parseDurationSeconds(m_customOverlap->text());
    if (!s && error)
        *error = m_customOverlap->text().trimmed().isEmpty()
            ? tr("Enter the custom overlap, for example 90s, 30m, 12h or 3d.")
            : tr("\"%1\" is not a duration; write for example 90s, 30m, 12h or 3d.").arg(m_customOverlap->text().trimmed());
    return s;
}

void RotateKeyDialog::setOverlapSeconds(qint64 seconds)
{
    for (int i = 0; i < kCustomId; ++i) {
        if (kPresets[i].seconds == seconds) {
            m_overlap->button(i)->setChecked(true);
            return;
        }
    }
    m_customOverlap->setText(QStringLiteral("%1s").arg(seconds));
    m_overlap->button(kCustomId)->setChecked(true);
    updateSummary();
}

bool RotateKeyDialog::isFollowingUp() const
{
    return m_pages->currentWidget()->objectName() == QLatin1String("followUpPage") && isVisible();
}

void RotateKeyDialog::updateSummary()
{
    QString error;
    const auto overlap = overlapSeconds(&error);
    m_rotate->setEnabled(overlap.has_value() && !m_busy && !lostAfterRotating());
    if (!overlap) {
        m_summary->setText(error);
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString start = m_key.start.toHtmlEscaped();
    if (*overlap == 0) {
        m_summary->setText(tr("The old key (%1…) stops working <b>as soon as the new key is minted</b>: clients still "
                              "using it are refused from then on.").arg(start));
        return;
    }
    const QDateTime retire = now.addSecs(*overlap);
    if (m_key.expiresAt.isValid() && m_key.expiresAt <= retire)
        m_summary->setText(tr("The old key (%1…) keeps working until <b>%2</b>: its own expiry comes before the end of "
                              "a %3 overlap.").arg(start, at(m_key.expiresAt).toHtmlEscaped(), formatDuration(*overlap)));
    else
        m_summary->setText(tr("The old key (%1…) keeps working until <b>%2</b> (%3 from now), then it is refused. You "
                              "can retire it earlier from the next step.")
                               .arg(start, formatLocalTime(retire, true),
                                    formatDuration(*overlap)));
}

void RotateKeyDialog::rotate()
{
    if (m_busy || lostAfterRotating())
        return;
    QString error;
    const auto overlap = overlapSeconds(&error);
    if (!overlap) {
        m_banner->showMessage(error, MessageBanner::Type::Error);
        return;
    }
    sendRotate(*overlap, QString());
}

void RotateKeyDialog::sendRotate(qint64 overlap, const QString &retryId)
{
    m_busy = true;
    m_rotate->setEnabled(false);
    m_banner->showMessage(retryId.isEmpty() ? tr("Rotating…") : tr("Asking the server for the rotation's reply again…"),
                          MessageBanner::Type::Info);
    KeyOperations ops(m_context->services()->console());
    ops.rotate(m_key.id, overlap, retryId, this, [this](Result<MintedKey> r, const KeyAttempt &attempt) {
        m_busy = false;
        m_rotate->setEnabled(true);
        if (r.ok()) {
            m_banner->dismiss();
            emit rotated(r.value());
            showMinted(r.value());
            return;
        }
        const ApiError &e = r.error();
        if (e.kind == ApiError::Kind::Unauthorized) {
            m_banner->showMessage(tr("Your session ended. Sign in again, then press Rotate."), MessageBanner::Type::Error);
            m_banner->setAction(tr("Sign in again"), [this] {
                m_context->requestSignIn(this, [this](bool signedIn) {
                    if (signedIn)
                        m_banner->showMessage(tr("Signed in again. Press Rotate to continue."), MessageBanner::Type::Positive);
                });
            });
            return;
        }
        if (e.replyMayBeLost() && attempt.sentAt.isValid()) {
            reportLostReply(e, attempt);
            return;
        }
        m_banner->showMessage(tr("Not rotated: %1").arg(e.userMessage()), MessageBanner::Type::Error);
    });
}

void RotateKeyDialog::reportLostReply(const ApiError &e, const KeyAttempt &attempt)
{
    // Not "Not rotated": the server may have minted the new key and shortened the old one. Read back what it did.
    m_busy = true;
    m_rotate->setEnabled(false);
    m_banner->showMessage(tr("The server's reply was lost (%1). Checking what the server did…").arg(e.userMessage()),
                          MessageBanner::Type::Warning);
    KeyOperations ops(m_context->services()->console());
    ops.reconcileRotation(m_key.id, m_key, attempt, this, [this](const RotationState &s) {
        m_busy = false;
        m_lost = s;
        if (s.outcome == RotationState::Outcome::NotRotated) {
            m_rotate->setEnabled(true);
            m_banner->showMessage(s.summary(), MessageBanner::Type::Warning);
            return;
        }
        if (s.recoverable()) {
            // The server keeps its reply for this request id: the same request again gets it, secret included.
            m_banner->showMessage(s.summary() + QLatin1Char(' ')
                                      + tr("The server kept its reply: ask for it again to get the new secret."),
                                  MessageBanner::Type::Error);
            const KeyAttempt attempt = s.attempt;
            m_banner->setAction(tr("&Get the new secret"), [this, attempt] { sendRotate(attempt.overlapSeconds, attempt.requestId); });
            return;
        }
        // Rotating the old key again would mint yet another key: the way on is the new key itself.
        m_banner->showMessage(s.summary() + QLatin1Char(' ')
                                  + (s.outcome == RotationState::Outcome::Rotated
                                         ? tr("Revoke the new key on the keys page, or rotate it with no overlap to get a "
                                              "secret for it.")
                                         : tr("Check the keys page before rotating again.")),
                              MessageBanner::Type::Error);
        m_rotate->setEnabled(s.outcome == RotationState::Outcome::Unknown);
    });
}

void RotateKeyDialog::showMinted(const MintedKey &minted)
{
    m_previous = minted.previous ? *minted.previous : m_key;
    m_newKeyStart = minted.apiKey.start;
    m_newKeyId = minted.apiKey.id;
    m_prevTitle->setText(tr("<b>%1</b> of %2 was rotated: the new key (%3…) is the one to use. The previous key (%4…) "
                            "is shown below, refreshed from the server every %5 s, so you can watch its traffic stop "
                            "before you retire it.")
                             .arg(m_key.name.toHtmlEscaped(), m_ownerName.toHtmlEscaped(), m_newKeyStart.toHtmlEscaped(),
                                  m_previous->start.toHtmlEscaped())
                             .arg(RefreshIntervalMs / 1000));
    // The overlap page is done with: out of the stack, so the shorter follow-up sizes the dialog alone.
    QWidget *choose = m_pages->widget(0);
    m_pages->setCurrentIndex(1);
    m_pages->removeWidget(choose);
    choose->hide();
    showPrevious();
    // The secret first, with its guarded close; the follow-up comes back, non-modal, once it is closed.
    hide();
    setWindowModality(Qt::NonModal);
    auto *reveal = new RevealKeyDialog(m_context, minted, m_ownerName, parentWidget());
    reveal->setAttribute(Qt::WA_DeleteOnClose);
    connect(reveal, &QDialog::finished, this, &RotateKeyDialog::showFollowUp);
    reveal->open();
}

void RotateKeyDialog::showFollowUp()
{
    setWindowTitle(tr("Rotated %1: the previous key").arg(m_key.name));
    show();
    setMinimumWidth(std::max(width(), 560));
    adjustSize();
    raise();
    activateWindow();
    refreshPrevious();
    if (!m_gone)
        m_refreshTimer->start();
}

void RotateKeyDialog::showPrevious()
{
    if (!m_previous)
        return;
    const ApiKey &p = *m_previous;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_gone)
        return;
    if (!p.expiresAt.isValid())
        m_prevExpires->setText(tr("never (it has no expiry)"));
    else if (p.isExpired(now))
        m_prevExpires->setText(tr("stopped working at %1").arg(at(p.expiresAt)));
    else
        m_prevExpires->setText(at(p.expiresAt));
    m_prevLastUsed->setText(p.lastRequest.isValid() ? at(p.lastRequest) : tr("never"));
    m_prevRequests->setText(p.rateLimitEnabled ? tr("%1 in the current rate-limit window").arg(p.requestCount)
                                               : tr("%1 (counted only while a rate limit is on)").arg(p.requestCount));
    if (p.isExpired(now)) {
        m_refreshTimer->stop();
        m_retire->setEnabled(false);
    }
}

void RotateKeyDialog::refreshUsage()
{
    if (!m_previous || m_newKeyId.isEmpty() || m_usageRefreshing)
        return;
    m_usageRefreshing = true;
    UsageService usage(m_context->services()->console());
    usage.compare(m_previous->id, m_newKeyId, 1, KeyUsage::Bucket::Hour, this,
                  [this](Result<KeyUsageReply> oldKey, Result<KeyUsageReply> newKey) {
        m_usageRefreshing = false;
        if (!oldKey.ok() || !newKey.ok()) {
            const ApiError e = oldKey.ok() ? newKey.error() : oldKey.error();
            m_usageChart->setVisible(false);
            m_usageText->setText(UsageService::isUnsupported(e) ? UsageService::unsupportedMessage()
                                                                : tr("Usage not read: %1").arg(e.displayText()));
            return;
        }
        const UsageCounts &o = oldKey.value().usage.total, &n = newKey.value().usage.total;
        m_usageChart->setUsage(oldKey.value().usage, tr("old key"));
        m_usageChart->setComparison(newKey.value().usage, tr("new key"));
        if (!m_usageChart->isVisible()) {
            m_usageChart->setVisible(true);
            adjustSize();   // the chart's room, once it has something to show
        }
        m_usageText->setText(tr("Last 24 hours, per hour (left bar: old key, right bar: new key): old key %1 succeeded, "
                                "%2 failed; new key %3 succeeded, %4 failed.")
                                 .arg(o.success).arg(o.failure).arg(n.success).arg(n.failure));
    });
}

void RotateKeyDialog::refreshPrevious()
{
    refreshUsage();
    if (!m_previous || m_refreshing || m_gone)
        return;
    m_refreshing = true;
    const QString id = m_previous->id;
    ConsoleApi &api = *m_context->services()->console();
    api.listApiKeys(m_previous->userId, 1000, 0, this, [this, id](Result<Page<ApiKey>> r) {
        m_refreshing = false;
        const QString time = QTime::currentTime().toString(QStringLiteral("HH:mm:ss"));
        if (!r.ok()) {
            m_refreshStatus->setText(tr("Could not refresh at %1: %2 Trying again in %3 s.")
                                         .arg(time, r.error().userMessage()).arg(RefreshIntervalMs / 1000));
            return;
        }
        for (const ApiKey &k : r.value().items) {
            if (k.id == id) {
                m_previous = k;
                showPrevious();
                m_refreshStatus->setText(m_refreshTimer->isActive()
                                             ? tr("Checked at %1; refreshed every %2 s.").arg(time).arg(RefreshIntervalMs / 1000)
                                             : tr("Checked at %1.").arg(time));
                emit previousRefreshed(k);
                return;
            }
        }
        if (r.value().total > r.value().items.size()) {
            m_refreshStatus->setText(tr("Checked at %1: the owner has more than %2 keys and the previous one is not among "
                                        "the newest; see the keys page.").arg(time).arg(r.value().items.size()));
            return;
        }
        m_gone = true;
        m_refreshTimer->stop();
        m_retire->setEnabled(false);
        m_prevExpires->setText(tr("no longer on the server: it expired or was revoked"));
        m_refreshStatus->setText(tr("Checked at %1: the previous key is gone.").arg(time));
        emit previousRetired(id);
    });
}

void RotateKeyDialog::retirePrevious()
{
    if (!m_previous || m_gone)
        return;
    const ApiKey p = *m_previous;
    Dialogs::confirm(this, tr("Retire the old key"),
                     tr("Revoke the previous key <b>%1</b> (%2…) of <b>%3</b> now, before its overlap ends? Clients "
                        "still using it are refused from now on; this cannot be undone.")
                         .arg(p.name.toHtmlEscaped(), p.start.toHtmlEscaped(), m_ownerName.toHtmlEscaped()),
                     tr("Retire now"), [this, p](bool yes) {
                         if (!yes)
                             return;
                         m_retire->setEnabled(false);
                         ConsoleApi &api = *m_context->services()->console();
                         api.deleteApiKey(p.id, this, [this, p](Result<Done> r) {
                             if (!r.ok() && r.error().kind != ApiError::Kind::NotFound) {
                                 m_retire->setEnabled(true);
                                 m_banner->showMessage(tr("Not retired: %1").arg(r.error().userMessage()), MessageBanner::Type::Error);
                                 return;
                             }
                             m_gone = true;
                             m_refreshTimer->stop();
                             m_prevExpires->setText(tr("retired at %1").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
                             m_refreshStatus->setText(tr("The previous key was revoked: it is refused from now on."));
                             m_banner->showMessage(tr("Retired the previous key %1…").arg(p.start), MessageBanner::Type::Positive);
                             emit previousRetired(p.id);
                         });
                     }, QMessageBox::Warning);
}
