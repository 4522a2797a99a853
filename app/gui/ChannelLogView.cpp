#include "ChannelLogView.h"

#include "MessageBanner.h"
#include "Tones.h"
#include "services/models/ChannelLogFilterModel.h"
#include "services/models/ChannelLogModel.h"
#include "services/models/JsonTreeModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSaveFile>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

ChannelLogView::ChannelLogView(ChannelLogModel *log, ChannelLogFilterModel *filter, MessageBanner *banner, QWidget *parent)
    : QWidget(parent), m_log(log), m_filter(filter), m_banner(banner), m_tree(new JsonTreeModel(this))
{
    setObjectName(QStringLiteral("channelLogView"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    // Filter row
    auto *filterRow = new QHBoxLayout;
    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(QStringLiteral("filterEdit"));
    m_filterEdit->setPlaceholderText(tr("Filter messages (text)"));
    m_filterEdit->setClearButtonEnabled(true);
    // Room for what the placeholder says, also at 1024 px (it was cut to "Filter messages ...").
    m_filterEdit->setMinimumWidth(m_filterEdit->fontMetrics().horizontalAdvance(m_filterEdit->placeholderText()) + 28);
    m_regex = new QCheckBox(tr("Regex"), this);
    m_regex->setObjectName(QStringLiteral("regexCheck"));
    m_direction = new QComboBox(this);
    m_direction->setObjectName(QStringLiteral("directionBox"));
    m_direction->addItems({tr("Both directions"), tr("Received"), tr("Sent")});
    m_errorsOnly = new QCheckBox(tr("Errors only"), this);
    m_errorsOnly->setObjectName(QStringLiteral("errorsOnlyCheck"));
    m_pause = new QToolButton(this);
    m_pause->setObjectName(QStringLiteral("pauseButton"));
    m_pause->setText(tr("Pause view"));
    m_pause->setCheckable(true);
    m_pause->setToolTip(tr("Freeze the view; capture continues (bounded by the cap)"));
    auto *clear = new QToolButton(this);
    clear->setObjectName(QStringLiteral("clearButton"));
    clear->setText(tr("Clear"));
    auto *exportAll = new QToolButton(this);
    exportAll->setObjectName(QStringLiteral("exportButton"));
    exportAll->setText(tr("Export…"));
    exportAll->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(exportAll);
    exportMenu->addAction(tr("Whole log (NDJSON)…"), this, [this] { exportDialog(false); });
    exportMenu->addAction(tr("Filtered view (NDJSON)…"), this, [this] { exportDialog(true); });
    exportAll->setMenu(exportMenu);
    m_capacity = new QSpinBox(this);
    m_capacity->setObjectName(QStringLiteral("capacitySpin"));
    m_capacity->setRange(1000, 2000000);
    m_capacity->setSingleStep(10000);
    m_capacity->setValue(m_log->capacity());
    m_capacity->setPrefix(tr("keep "));
    m_capacity->setSuffix(tr(" msgs"));
    m_capacity->setAccelerated(true);
    m_capacity->setAccessibleName(tr("Messages the log keeps"));
    m_capacity->setToolTip(tr("The log keeps this many messages; the oldest go first"));
    m_filterEdit->setAccessibleName(tr("Filter messages"));
    filterRow->addWidget(m_filterEdit, 2);
    filterRow->addWidget(m_regex);
    filterRow->addWidget(m_direction);
    filterRow->addWidget(m_errorsOnly);
    filterRow->addStretch(1);
    filterRow->addWidget(m_pause);
    filterRow->addWidget(clear);
    filterRow->addWidget(exportAll);
    filterRow->addWidget(m_capacity);
    outer->addLayout(filterRow);
    connect(m_filterEdit, &QLineEdit::textChanged, this, &ChannelLogView::applyFilter);
    connect(m_regex, &QCheckBox::toggled, this, &ChannelLogView::applyFilter);
    connect(m_direction, qOverload<int>(&QComboBox::currentIndexChanged), this, &ChannelLogView::applyFilter);
    connect(m_errorsOnly, &QCheckBox::toggled, this, &ChannelLogView::applyFilter);
    connect(m_pause, &QToolButton::toggled, this, [this](bool on) {
        m_log->setPaused(on);
        m_pause->setText(on ? tr("Resume view") : tr("Pause view"));
    });
    connect(clear, &QToolButton::clicked, m_log, &ChannelLogModel::clear);
    connect(m_capacity, &QSpinBox::editingFinished, this, [this] { m_log->setCapacity(m_capacity->value()); });

    // Log + detail
    auto *split = new QSplitter(Qt::Vertical, this);
    m_view = new QTableView(split);
    m_view->setObjectName(QStringLiteral("logView"));
    m_view->setAccessibleName(tr("Channel messages"));
    m_view->setModel(m_filter);
    m_view->setItemDelegate(Tones::channelLogDelegate(m_view));   // errors, events, sent: from the model's roles
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setShowGrid(false);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);   // uniform rows: no per-row measuring
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(ChannelLogModel::TimeColumn, 110);
    m_view->setColumnWidth(ChannelLogModel::DirectionColumn, 70);
    m_view->setColumnWidth(ChannelLogModel::ActionColumn, 160);
    m_view->setColumnWidth(ChannelLogModel::SizeColumn, 70);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    // The detail pane: raw text on the left, the same message as a collapsible tree on the right.
    auto *detailSplit = new QSplitter(Qt::Horizontal, split);
    detailSplit->setObjectName(QStringLiteral("detailSplit"));
    m_detail = new QPlainTextEdit(detailSplit);
    m_detail->setObjectName(QStringLiteral("detailView"));
    m_detail->setReadOnly(true);
    m_detail->setFont(mono);
    m_detail->setPlaceholderText(tr("Select a message to see it formatted, with its paired request or reply."));
    // The detail pane shows a whole message with its pair: at least eight lines, never collapsed away.
    m_detail->setMinimumHeight(8 * QFontMetrics(mono).lineSpacing() + 2 * m_detail->frameWidth() + 8);
    m_detail->setAccessibleName(tr("Selected message"));
    m_treeView = new QTreeView(detailSplit);
    m_treeView->setObjectName(QStringLiteral("jsonTree"));
    m_treeView->setAccessibleName(tr("Selected message as a JSON tree"));
    m_treeView->setModel(m_tree);
    m_treeView->setUniformRowHeights(true);
    m_treeView->setAlternatingRowColors(true);
    m_treeView->setTextElideMode(Qt::ElideRight);
    m_treeView->header()->setStretchLastSection(false);
    m_treeView->header()->setSectionResizeMode(JsonTreeModel::ValueColumn, QHeaderView::Stretch);
    detailSplit->setStretchFactor(0, 3);
    detailSplit->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    outer->addWidget(split, 1);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &cur) { showDetail(cur); });
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int v) {
        m_followTail = v >= m_view->verticalScrollBar()->maximum() - 2;
    });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_followTail)
            m_view->scrollToBottom();
    });

}

ChannelLogView::~ChannelLogView() = default;

void ChannelLogView::applyFilter()
{
    const QString text = m_filterEdit->text();
    if (m_regex->isChecked()) {
        QString error;
        // An invalid pattern: the text turns the palette's negative tone and the tooltip says why (the
        // old filter stays).
        QPalette p = palette();
        if (!m_filter->setRegularExpression(text, &error)) {
            p.setColor(QPalette::Text, Tones::negative(p));
            m_filterEdit->setToolTip(tr("Not a valid regular expression: %1").arg(error));
            m_filterEdit->setAccessibleDescription(m_filterEdit->toolTip());
        } else {
            m_filterEdit->setToolTip(QString());
            m_filterEdit->setAccessibleDescription(QString());
        }
        m_filterEdit->setPalette(p);
    } else {
        m_filterEdit->setPalette(palette());
        m_filterEdit->setToolTip(QString());
        m_filterEdit->setAccessibleDescription(QString());
        m_filter->setText(text);
    }
    m_filter->setDirection(ChannelLogFilterModel::Direction(m_direction->currentIndex()));
    m_filter->setErrorsOnly(m_errorsOnly->isChecked());
}

void ChannelLogView::showDetail(const QModelIndex &proxyIndex)
{
    if (!proxyIndex.isValid()) {
        m_detail->clear();
        m_tree->clear();
        return;
    }
    const QModelIndex src = m_filter->mapToSource(proxyIndex);
    const ChannelMessage &m = m_log->at(src.row());
    auto pretty = [](const ChannelMessage &msg) {
        if (msg.kind == ChannelMessage::Kind::Binary)
            return tr("binary frame, %n bytes", nullptr, int(msg.size())) + QLatin1Char('\n')
                + hexDump(msg.payload, kDetailHexBytes);
        const QJsonDocument d = QJsonDocument::fromJson(msg.payload);
        return d.isNull() ? QString::fromUtf8(msg.payload) : QString::fromUtf8(d.toJson(QJsonDocument::Indented));
    };
    QString text = QStringLiteral("#%1  %2  %3\n")
                       .arg(m.seq)
                       .arg(QDateTime::fromMSecsSinceEpoch(m.timestampMs).toString(Qt::ISODateWithMs))
                       .arg(tr("%n bytes", nullptr, m.size()));
    if (m.isAuthFailure())
        text += tr("⚠ Auth failure: the server refused this route for the channel's credential.") + QLatin1Char('\n');
    if (m.rpcPending && m.pairedSeq < 0)
        text += tr("⏳ The other side answered pikku-rpc-pending: no response yet.") + QLatin1Char('\n');
    text += pretty(m);
    if (m.pairedSeq > 0) {
        if (const auto row = m_log->rowForSeq(m.pairedSeq)) {
            const ChannelMessage &p = m_log->at(*row);
            const QString what = m.action == QLatin1String(PikkuRpc::Pending) ? tr("pending request")
                : p.direction == ChannelMessage::Direction::Sent                ? tr("request")
                                                                                 : tr("reply");
            text += QStringLiteral("\n── %1 #%2 (%3 ms %4) ──\n%5")
                        .arg(tr("paired %1").arg(what))
                        .arg(p.seq)
                        .arg(qAbs(p.timestampMs - m.timestampMs))
                        .arg(p.seq > m.seq ? tr("later") : tr("earlier"))
                        .arg(pretty(p));
        }
    }
    m_detail->setPlainText(text);
    // The tree: JSON only (bounded by JsonTreeModel's limits); first two levels open.
    if (m.kind == ChannelMessage::Kind::Json && m_tree->setJson(m.payload))
        m_treeView->expandToDepth(0);
    else
        m_tree->clear();
}

qint64 ChannelLogView::exportTo(const QString &path, bool filteredOnly)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return -1;
    QList<int> rows;
    if (filteredOnly) {
        rows.reserve(m_filter->rowCount());
        for (int r = 0; r < m_filter->rowCount(); ++r)
            rows << m_filter->mapToSource(m_filter->index(r, 0)).row();
        if (rows.isEmpty()) {
            f.commit();
            return 0;
        }
    }
    const qint64 n = m_log->exportNdjson(&f, rows);
    return f.commit() ? n : -1;
}

void ChannelLogView::exportDialog(bool filteredOnly)
{
    auto *dlg = new QFileDialog(this, filteredOnly ? tr("Export filtered view") : tr("Export log"), QString(),
                                tr("NDJSON (*.ndjson *.jsonl)"));
    dlg->setAcceptMode(QFileDialog::AcceptSave);
    dlg->setDefaultSuffix(QStringLiteral("ndjson"));
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &QFileDialog::fileSelected, this, [this, filteredOnly](const QString &path) {
        const qint64 n = exportTo(path, filteredOnly);
        if (n < 0)
            m_banner->showMessage(tr("Could not write %1.").arg(path), MessageBanner::Type::Error);
        else
            m_banner->showMessage(tr("Exported %1 messages to %2.").arg(n).arg(path), MessageBanner::Type::Positive, 5000);
    });
    dlg->open();
}

