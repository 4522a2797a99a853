#include "ChannelComposer.h"

#include "Tones.h"
#include "core/ChannelMessage.h"

#include "MessageBanner.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace {
constexpr int kHistoryKept = 50;

// Up/Down in the composer walk the history when the cursor is on the first/last line.
class HistoryFilter : public QObject
{
public:
    HistoryFilter(QPlainTextEdit *edit, std::function<void(int)> step) : QObject(edit), m_edit(edit), m_step(std::move(step)) {}
    bool eventFilter(QObject *, QEvent *e) override
    {
        if (e->type() != QEvent::KeyPress)
            return false;
        auto *k = static_cast<QKeyEvent *>(e);
        if ((k->modifiers() & Qt::ControlModifier) && (k->key() == Qt::Key_Up || k->key() == Qt::Key_Down)) {
            m_step(k->key() == Qt::Key_Up ? -1 : 1);
            return true;
        }
        return false;
    }

private:
    QPlainTextEdit *m_edit;
    std::function<void(int)> m_step;
};
} // namespace

ChannelComposer::ChannelComposer(QSettings *settings, MessageBanner *banner, Sender send, QWidget *parent)
    : QWidget(parent), m_settings(settings), m_banner(banner), m_send(std::move(send))
{
    setObjectName(QStringLiteral("channelComposer"));
    auto *compose = new QHBoxLayout(this);
    compose->setContentsMargins(0, 0, 0, 0);
    m_editor = new QPlainTextEdit(this);
    m_editor->setObjectName(QStringLiteral("composer"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setPlaceholderText(tr("{\"action\": \"whoami\"}   — Ctrl+Enter sends, Ctrl+Up/Down walks the history"));
    m_editor->setMaximumHeight(90);
    m_editor->setAccessibleName(tr("Message to send"));
    auto *buttons = new QVBoxLayout;
    auto *sendButton = new QPushButton(tr("Send"), this);
    sendButton->setObjectName(QStringLiteral("sendButton"));
    sendButton->setShortcut(QKeySequence(QStringLiteral("Ctrl+Return")));
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("composerState"));
    m_state->setTextFormat(Qt::PlainText);   // parse errors quote what was typed
    auto *quick = new QHBoxLayout;
    QList<QWidget *> order;   // Tab follows the layout: the quick row, the editor, then the column at the right
    for (const auto &[label, json] : {std::pair{tr("whoami"), QStringLiteral(R"({"action":"whoami"})")},
                                      std::pair{tr("list"), QStringLiteral(R"({"action":"list"})")},
                                      std::pair{tr("subscribe sessions"), QStringLiteral(R"({"action":"subscribe","topic":"sessions"})")}}) {
        auto *b = new QToolButton(this);
        b->setText(label);
        b->setObjectName(QStringLiteral("quick_") + label.section(QLatin1Char(' '), 0, 0));
        connect(b, &QToolButton::clicked, this, [this, json] { quickAction(json); });
        quick->addWidget(b);
        order << b;
    }
    quick->addSpacing(12);
    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("composerFormat"));
    m_format->addItem(tr("JSON"));
    m_format->addItem(tr("Binary (hex)"));
    m_format->addItem(tr("Binary (base64)"));
    m_format->setToolTip(tr("Send the editor's text as a JSON message, or as one binary frame written in hex or base64"));
    m_format->setAccessibleName(tr("Message format"));
    quick->addWidget(m_format);
    m_savedBox = new QComboBox(this);
    m_savedBox->setObjectName(QStringLiteral("savedBox"));
    m_savedBox->setToolTip(tr("Saved messages for this channel URL: pick one to load it into the composer"));
    m_savedBox->setMinimumContentsLength(16);
    m_savedBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    auto *saveButton = new QToolButton(this);
    saveButton->setObjectName(QStringLiteral("saveMessageButton"));
    saveButton->setText(tr("Save…"));
    saveButton->setToolTip(tr("Save the composer's message under a name, for this channel URL"));
    m_deleteSaved = new QToolButton(this);
    m_deleteSaved->setObjectName(QStringLiteral("deleteSavedButton"));
    m_deleteSaved->setText(tr("Delete"));
    m_deleteSaved->setToolTip(tr("Delete the selected saved message"));
    m_deleteSaved->setEnabled(false);
    quick->addWidget(m_savedBox);
    quick->addWidget(saveButton);
    quick->addWidget(m_deleteSaved);
    quick->addStretch(1);
    connect(m_savedBox, qOverload<int>(&QComboBox::activated), this, [this](int i) {
        if (i > 0)
            loadSavedMessage(m_savedBox->itemText(i));
    });
    connect(m_savedBox, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int i) { m_deleteSaved->setEnabled(i > 0); });
    connect(saveButton, &QToolButton::clicked, this, &ChannelComposer::saveDialog);
    connect(m_deleteSaved, &QToolButton::clicked, this, [this] {
        if (m_savedBox->currentIndex() > 0)
            deleteSavedMessage(m_savedBox->currentText());
    });
    m_keepHistory = new QCheckBox(tr("Keep history"), this);
    m_keepHistory->setObjectName(QStringLiteral("keepHistory"));
    m_keepHistory->setToolTip(tr("Remember sent messages (Ctrl+Up/Down) for each channel URL. A message containing "
                                 "your key or session is never kept. Unticking erases the stored history."));
    m_keepHistory->setChecked(keepsHistory());
    connect(m_keepHistory, &QCheckBox::toggled, this, &ChannelComposer::setKeepHistory);
    buttons->addWidget(sendButton);
    buttons->addWidget(m_keepHistory);
    buttons->addWidget(m_state);
    buttons->addStretch(1);
    auto *composeCol = new QVBoxLayout;
    composeCol->addLayout(quick);
    composeCol->addWidget(m_editor);
    compose->addLayout(composeCol, 1);
    compose->addLayout(buttons);
    m_savedBox->setAccessibleName(tr("Saved messages"));
    order << m_format << m_savedBox << saveButton << m_deleteSaved << m_editor << sendButton << m_keepHistory;
    for (int i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
    connect(sendButton, &QPushButton::clicked, this, &ChannelComposer::send);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &ChannelComposer::validate);
    connect(m_format, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        m_editor->setPlaceholderText(format() == Format::Json
                                         ? tr("{\"action\": \"whoami\"}   — Ctrl+Enter sends, Ctrl+Up/Down walks the history")
                                     : format() == Format::Hex ? tr("01 02 ff …   — one binary frame, in hex")
                                                               : tr("AQL/…   — one binary frame, in base64"));
        validate();
    });
    m_editor->installEventFilter(new HistoryFilter(m_editor, [this](int step) {
        if (m_history.isEmpty())
            return;
        m_historyPos = std::clamp(m_historyPos + step, 0, int(m_history.size()) - 1);
        m_editor->setPlainText(m_history.at(m_historyPos));
    }));
}

ChannelComposer::~ChannelComposer() = default;

ChannelComposer::Format ChannelComposer::format() const
{
    return Format(m_format->currentIndex());
}

void ChannelComposer::setFormat(Format f)
{
    m_format->setCurrentIndex(int(f));
}

void ChannelComposer::validate()
{
    // The words say whether it is valid; only a problem gets a colour (from the palette, readable in a
    // dark theme too).
    const QString raw = m_editor->toPlainText().trimmed();
    bool ok = true;
    QString text;
    if (raw.isEmpty()) {
        text.clear();
    } else if (format() == Format::Json) {
        QJsonParseError pe{};
        QJsonDocument::fromJson(raw.toUtf8(), &pe);
        ok = pe.error == QJsonParseError::NoError;
        text = ok ? tr("valid JSON") : tr("not JSON: %1").arg(pe.errorString());
    } else {
        QByteArray bytes;
        QString error;
        ok = decodeBinaryInput(raw, format() == Format::Hex ? BinaryEncoding::Hex : BinaryEncoding::Base64, kMaxBinaryBytes,
                               &bytes, &error);
        text = ok ? tr("binary frame, %n bytes", nullptr, int(bytes.size())) : error;
    }
    m_state->setText(text);
    QPalette p = palette();
    if (!ok)
        p.setColor(QPalette::WindowText, Tones::negative(p));
    m_state->setPalette(p);
}

void ChannelComposer::loadFor(const QString &normalizedUrl, const QString &group)
{
    m_loadedUrl = normalizedUrl;
    m_group = group;
    m_history.clear();
    m_saved.clear();
    if (!normalizedUrl.isEmpty()) {
        if (keepsHistory())
            m_history = m_settings->value(group + QStringLiteral("/history")).toStringList();
        const QJsonArray saved = QJsonDocument::fromJson(m_settings->value(group + QStringLiteral("/saved")).toString().toUtf8()).array();
        for (const QJsonValue &v : saved) {
            const QJsonObject o = v.toObject();
            const QString name = o.value(QStringLiteral("name")).toString();
            if (!name.isEmpty())
                m_saved.append({name, o.value(QStringLiteral("message")).toString()});
        }
    }
    m_historyPos = int(m_history.size());
    refreshSavedBox();
}

bool ChannelComposer::send()
{
    if (format() != Format::Json)
        return sendBinary(m_editor->toPlainText().trimmed());
    return sendJson(m_editor->toPlainText().trimmed().toUtf8());
}

bool ChannelComposer::sendBinary(const QString &text)
{
    if (text.isEmpty())
        return false;
    QByteArray bytes;
    QString error;
    if (!decodeBinaryInput(text, format() == Format::Hex ? BinaryEncoding::Hex : BinaryEncoding::Base64, kMaxBinaryBytes,
                           &bytes, &error)) {
        m_state->setText(tr("not sent: %1").arg(error));
        return false;
    }
    if (!m_sendBinary || !m_sendBinary(bytes))
        return false;
    m_state->setText(tr("sent %n bytes as one binary frame (not kept in the history)", nullptr, int(bytes.size())));
    m_state->setPalette(palette());
    emit binarySent(bytes.size());
    return true;
}

bool ChannelComposer::sendJson(const QByteArray &text)
{
    if (text.isEmpty())
        return false;
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(text, &pe);
    if (pe.error != QJsonParseError::NoError) {
        m_state->setText(tr("not sent: not JSON (%1)").arg(pe.errorString()));
        return false;
    }
    if (!m_send(doc.toJson(QJsonDocument::Compact)))
        return false;
    const QString compact = QString::fromUtf8(doc.toJson(QJsonDocument::Compact));
    if (containsSecret(compact)) {
        // Sent, and forgotten: the history lives in the settings file, in plain text.
        m_state->setText(tr("sent; not kept in the history (it contains your credential)"));
        m_state->setPalette(palette());   // the words say it; no colour of our own
    } else if (keepsHistory()) {
        m_history.removeAll(compact);
        m_history.append(compact);
        while (m_history.size() > kHistoryKept)
            m_history.removeFirst();
        storeHistory();
    }
    m_historyPos = int(m_history.size());
    emit sent(doc);
    return true;
}

bool ChannelComposer::containsSecret(const QString &compactJson) const
{
    if (!m_secrets)
        return false;
    for (const QString &secret : m_secrets()) {
        if (secret.isEmpty())
            continue;
        // As it is, and as JSON writes it inside a string (a quote or backslash in it is escaped).
        const QString escaped = QString::fromUtf8(QJsonDocument(QJsonArray{secret}).toJson(QJsonDocument::Compact)).mid(2).chopped(2);
        if (compactJson.contains(secret) || compactJson.contains(escaped))
            return true;
    }
    return false;
}

bool ChannelComposer::keepsHistory() const
{
    return m_settings->value(keepHistoryKey(), true).toBool();
}

void ChannelComposer::setKeepHistory(bool on)
{
    m_settings->setValue(keepHistoryKey(), on);
    if (m_keepHistory->isChecked() != on) {
        const QSignalBlocker block(m_keepHistory);
        m_keepHistory->setChecked(on);
    }
    if (on)
        return;
    // Off: nothing more is kept, and what was kept goes, for every channel URL.
    m_history.clear();
    m_historyPos = 0;
    const QString root = keepHistoryKey().section(QLatin1Char('/'), 0, 0);
    m_settings->beginGroup(root);
    const QStringList groups = m_settings->childGroups();
    for (const QString &g : groups)
        m_settings->remove(g + QStringLiteral("/history"));
    m_settings->endGroup();
    m_settings->sync();
}

void ChannelComposer::quickAction(const QString &json)
{
    // Sent as it is, once: the composer keeps what the admin was writing (leaving the JSON there next to
    // Send made a second send one click away). It is in the history (Up) for editing.
    sendJson(json.toUtf8());
}

void ChannelComposer::storeHistory()
{
    if (m_loadedUrl.isEmpty())
        return;
    m_settings->setValue(m_group + QStringLiteral("/url"), m_loadedUrl);
    m_settings->setValue(m_group + QStringLiteral("/history"), m_history);
}

void ChannelComposer::storeSaved()
{
    if (m_loadedUrl.isEmpty())
        return;
    QJsonArray a;
    for (const auto &[name, message] : m_saved)
        a.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("message"), message}});
    m_settings->setValue(m_group + QStringLiteral("/url"), m_loadedUrl);
    m_settings->setValue(m_group + QStringLiteral("/saved"), QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact)));
}

QStringList ChannelComposer::savedMessageNames() const
{
    QStringList names;
    for (const auto &entry : m_saved)
        names << entry.first;
    return names;
}

bool ChannelComposer::saveMessage(const QString &name, const QString &json)
{
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(json.trimmed().toUtf8(), &pe);
    const QString trimmedName = name.trimmed();
    emit aboutToSave();
    if (trimmedName.isEmpty() || pe.error != QJsonParseError::NoError || m_loadedUrl.isEmpty())
        return false;
    const QString compact = QString::fromUtf8(doc.toJson(QJsonDocument::Compact));
    if (containsSecret(compact)) {
        m_banner->showMessage(tr("Not saved: the message contains your credential, and saved messages are stored in "
                                 "plain text."), MessageBanner::Type::Warning, 8000);
        return false;
    }
    bool replaced = false;
    for (auto &entry : m_saved)
        if (entry.first == trimmedName) {
            entry.second = compact;
            replaced = true;
        }
    if (!replaced)
        m_saved.append({trimmedName, compact});
    storeSaved();
    refreshSavedBox();
    m_savedBox->setCurrentIndex(m_savedBox->findText(trimmedName));
    return true;
}

void ChannelComposer::loadSavedMessage(const QString &name)
{
    for (const auto &[n, message] : m_saved)
        if (n == name) {
            const QJsonDocument d = QJsonDocument::fromJson(message.toUtf8());
            m_editor->setPlainText(d.isNull() ? message : QString::fromUtf8(d.toJson(QJsonDocument::Indented)).trimmed());
            m_editor->setFocus();
            return;
        }
}

void ChannelComposer::deleteSavedMessage(const QString &name)
{
    m_saved.erase(std::remove_if(m_saved.begin(), m_saved.end(), [&](const auto &e) { return e.first == name; }), m_saved.end());
    storeSaved();
    refreshSavedBox();
}

void ChannelComposer::refreshSavedBox()
{
    const QSignalBlocker block(m_savedBox);
    m_savedBox->clear();
    m_savedBox->addItem(m_saved.isEmpty() ? tr("No saved messages") : tr("Saved messages (%1)").arg(m_saved.size()));
    for (const auto &[name, message] : m_saved) {
        m_savedBox->addItem(name);
        m_savedBox->setItemData(m_savedBox->count() - 1, message, Qt::ToolTipRole);
    }
    m_savedBox->setEnabled(!m_saved.isEmpty());
    m_deleteSaved->setEnabled(false);
}

void ChannelComposer::saveDialog()
{
    const QString text = m_editor->toPlainText().trimmed();
    QJsonParseError pe{};
    QJsonDocument::fromJson(text.toUtf8(), &pe);
    if (text.isEmpty() || pe.error != QJsonParseError::NoError) {
        m_banner->showMessage(tr("Write a JSON message in the composer first, then save it."), MessageBanner::Type::Warning, 5000);
        return;
    }
    auto *dlg = new QInputDialog(this);
    dlg->setObjectName(QStringLiteral("saveMessageDialog"));
    dlg->setWindowTitle(tr("Save message"));
    dlg->setLabelText(tr("Name for this message (saved for %1):").arg(m_loadedUrl));
    dlg->setTextValue(m_savedBox->currentIndex() > 0 ? m_savedBox->currentText() : QString());
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &QInputDialog::textValueSelected, this, [this, text](const QString &name) {
        if (!saveMessage(name, text) && name.trimmed().isEmpty())
            m_banner->showMessage(tr("Not saved: give it a name."), MessageBanner::Type::Warning, 5000);
    });
    dlg->open();
}
