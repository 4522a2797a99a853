#pragma once

#include <QWidget>

#include <functional>
#include <utility>

class MessageBanner;
class QCheckBox;
class QComboBox;
class QJsonDocument;
class QLabel;
class QPlainTextEdit;
class QSettings;
class QToolButton;

// A channel's composer: JSON editor with a validation label, Send (Ctrl+Enter), a history walked with
// Ctrl+Up/Down, quick actions and named saved messages. History and saved messages are kept per channel
// URL in the settings group the tab hands over with loadFor() (never secrets): a frame that contains an
// active credential (the tab's key, the session token; see setSecretsProvider) is sent but never kept,
// neither in the history nor as a saved message. The history can be switched off ("Keep history",
// remembered in channelInspector/keepHistory); switching it off erases every stored history.
class ChannelComposer : public QWidget
{
    Q_OBJECT
public:
    // Writes compact JSON to the channel; false when it could not (the sender tells the user why).
    using Sender = std::function<bool(const QByteArray &compactJson)>;
    // Writes one binary frame; false when it could not.
    using BinarySender = std::function<bool(const QByteArray &bytes)>;
    // What the editor holds: a JSON message (kept in the history), or a binary frame typed as hex or
    // base64 (sent as bytes, never kept in the history or saved).
    enum class Format { Json = 0, Hex = 1, Base64 = 2 };
    static constexpr qint64 kMaxBinaryBytes = 16 * 1024 * 1024;   // ChannelSocket's default message cap
    ChannelComposer(QSettings *settings, MessageBanner *banner, Sender send, QWidget *parent = nullptr);
    ~ChannelComposer() override;

    // Loads the history and saved messages stored for normalizedUrl in group; an empty URL stores nothing.
    void loadFor(const QString &normalizedUrl, const QString &group);

    // The credentials in use right now (typed key, key from the environment, session token).
    void setSecretsProvider(std::function<QStringList()> provider) { m_secrets = std::move(provider); }
    void setBinarySender(BinarySender send) { m_sendBinary = std::move(send); }
    Format format() const;
    void setFormat(Format f);
    bool keepsHistory() const;
    void setKeepHistory(bool on);
    static QString keepHistoryKey() { return QStringLiteral("channelInspector/keepHistory"); }

    QStringList history() const { return m_history; }
    QStringList savedMessageNames() const;
    bool saveMessage(const QString &name, const QString &json);
    void loadSavedMessage(const QString &name);
    void deleteSavedMessage(const QString &name);
    bool send();
    void quickAction(const QString &json);

signals:
    // Before a save: the tab brings its per-URL state up to date (it may call loadFor()).
    void aboutToSave();
    // After a message went out and entered the history.
    void sent(const QJsonDocument &doc);
    void binarySent(qint64 bytes);

private:
    bool sendJson(const QByteArray &text);
    bool sendBinary(const QString &text);
    void validate();
    bool containsSecret(const QString &compactJson) const;
    void storeHistory();
    void storeSaved();
    void refreshSavedBox();
    void saveDialog();

    QSettings *m_settings;
    MessageBanner *m_banner;
    Sender m_send;
    QPlainTextEdit *m_editor;
    QLabel *m_state;
    QComboBox *m_format;
    BinarySender m_sendBinary;
    QComboBox *m_savedBox;
    QToolButton *m_deleteSaved;
    QCheckBox *m_keepHistory;
    std::function<QStringList()> m_secrets;
    QStringList m_history;
    QList<std::pair<QString, QString>> m_saved;   // name, compact JSON
    int m_historyPos = -1;
    QString m_loadedUrl;   // normalized URL whose history and saved messages are loaded
    QString m_group;       // its settings group
};
