#include "ChannelTab.h"

#include "core/ServerUrl.h"

#include "AppContext.h"
#include "ChannelComposer.h"
#include "ChannelConnectionBar.h"
#include "ChannelIdentity.h"
#include "ChannelKeyMemory.h"
#include "ChannelLogView.h"
#include "TableColumns.h"
#include "MessageBanner.h"
#include "services/Services.h"
#include "services/models/ChannelLogFilterModel.h"
#include "services/models/ChannelLogModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardItemModel>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace {
constexpr int AsMe = ChannelConnectionBar::AsMe;
constexpr int AsPastedKey = ChannelConnectionBar::AsPastedKey;
constexpr int AsEnvKey = ChannelConnectionBar::AsEnvKey;
} // namespace

ChannelTab::ChannelTab(AppContext *context, const QUrl &url, QWidget *parent)
    : QWidget(parent),
      m_context(context),
      m_socket(new ChannelSocket(this)),
      m_log(new ChannelLogModel(100000, this)),
      m_filter(new ChannelLogFilterModel(this))
{
    m_filter->setSourceModel(m_log);
    buildUi();
    m_url->setText(url.toString());
    reloadForUrl();
    connect(m_context->services()->session(), &Session::changed, this, &ChannelTab::updateBearerAvailability);
    connect(m_socket, &ChannelSocket::textReceived, this, [this](const QByteArray &t) {
        m_log->appendText(t, ChannelMessage::Direction::Received);
        m_identityInfo->received(t);
    });
    connect(m_socket, &ChannelSocket::textSent, this, [this](const QByteArray &t) {
        m_log->appendText(t, ChannelMessage::Direction::Sent);
    });
    connect(m_socket, &ChannelSocket::binaryReceived, this, [this](const QByteArray &b) {
        m_log->appendBinary(b, ChannelMessage::Direction::Received);
    });
    connect(m_socket, &ChannelSocket::binarySent, this, [this](const QByteArray &b) {
        m_log->appendBinary(b, ChannelMessage::Direction::Sent);
    });
    auto note = [this](const QString &text) {
        ChannelMessage m;
        m.direction = ChannelMessage::Direction::Event;
        m.kind = ChannelMessage::Kind::Note;
        m.payload = text.toUtf8();
        m_log->append(std::move(m));
    };
    connect(m_socket, &ChannelSocket::opened, this, [this, note] {
        note(tr("connected as %1").arg(m_socket->via()));
        m_banner->dismiss();
        m_identityInfo->opened();
        m_keys->opened(m_openedKey);
    });
    connect(m_socket, &ChannelSocket::rejected, this, [this, note](int status, const QString &msg) {
        const QString text = status > 0 ? tr("The server refused the channel: HTTP %1.").arg(status)
                                         : tr("The server refused the channel (%1).").arg(msg);
        note(text);
        QString hint;
        if (status == 401)
            hint = m_socket->via() == QLatin1String("bearer") ? tr(" Your session may have ended: sign in again.")
                                                               : tr(" The key is unknown, expired, disabled or rate-limited.");
        m_banner->showMessage(text + hint, MessageBanner::Type::Error);
    });
    connect(m_socket, &ChannelSocket::closed, this, [this, note](int code, const QString &reason) {
        note(tr("closed (%1%2)").arg(code).arg(reason.isEmpty() ? QString() : QStringLiteral(": ") + reason));
        if (code >= 4400 && code < 4500)
            m_banner->showMessage(tr("The server closed the channel because the credential was revoked (%1). It will "
                                     "not reconnect with it.").arg(code),
                                  MessageBanner::Type::Warning);
        else if (code == 1009)   // RFC 6455 "message too big": our frame or message limit
            m_banner->showMessage(tr("The channel was closed: the server sent a message larger than %1 MiB (1009).")
                                      .arg(ChannelSocket::Options{}.maxMessageBytes / (1024 * 1024)),
                                  MessageBanner::Type::Error);
    });
    connect(m_socket, &ChannelSocket::failed, this, [this, note](const QString &msg) {
        note(msg);
        m_banner->showMessage(msg, MessageBanner::Type::Error);
    });
    connect(m_socket, &ChannelSocket::reconnectScheduled, this, [note](int ms, int attempt) {
        note(QObject::tr("reconnecting in %1 ms (attempt %2)").arg(ms).arg(attempt));
    });
    connect(m_socket, &ChannelSocket::stateChanged, this, &ChannelTab::updateStatus);
    connect(m_log, &ChannelLogModel::flushed, this, &ChannelTab::updateStatus);
    auto *statusTimer = new QTimer(this);
    connect(statusTimer, &QTimer::timeout, this, &ChannelTab::updateStatus);
    statusTimer->start(250);
    updateStatus();
}

ChannelTab::~ChannelTab() = default;

void ChannelTab::buildUi()
{
    setObjectName(QStringLiteral("channelTab"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(8, 8, 8, 8);
    m_banner = new MessageBanner(this);
    outer->addWidget(m_banner);

    // Where and as whom: the connection bar's widgets, wired here to the socket and the remembered state.
    m_bar = new ChannelConnectionBar(this);
    outer->addWidget(m_bar);
    m_url = m_bar->urlEdit();
    m_identity = m_bar->identityBox();
    m_keyEdit = m_bar->keyEdit();
    m_askWhoami = m_bar->askWhoami();
    m_reconnect = m_bar->reconnect();
    m_connect = m_bar->connectButton();
    m_status = m_bar->status();
    m_identityLine = m_bar->identityLine();
    // The pasted key and its keychain memory, bound to the URL it was given for.
    m_keys = new ChannelKeyMemory(m_context->services(), m_bar, m_banner, [this] {
        const QUrl u = url();
        return u.isValid() && !u.host().isEmpty() ? normalizedUrl(u) : QString();
    }, this);
    connect(m_keys, &ChannelKeyMemory::keyReadyToConnect, this, &ChannelTab::connectChannel);
    connect(m_url, &QLineEdit::editingFinished, this, &ChannelTab::reloadForUrl);
    connect(m_askWhoami, &QCheckBox::toggled, this, [this](bool on) {
        if (m_loading || m_loadedUrl.isEmpty())
            return;
        m_context->services()->settings()->setValue(settingsGroup() + QStringLiteral("/askWhoami"), on);
    });
    connect(m_connect, &QPushButton::clicked, this, [this] {
        if (m_socket->state() == ChannelSocket::State::Open || m_socket->state() == ChannelSocket::State::Connecting
            || m_socket->state() == ChannelSocket::State::Reconnecting)
            disconnectChannel();
        else
            connectChannel();
    });
    connect(m_reconnect, &QCheckBox::toggled, m_socket, &ChannelSocket::setReconnect);

    m_identityInfo = new ChannelIdentity(m_socket, m_bar, this);   // whoami: who the server says we are

    m_logView = new ChannelLogView(m_log, m_filter, m_banner, this);
    outer->addWidget(m_logView, 1);

    // Composer
    m_composer = new ChannelComposer(m_context->services()->settings(), m_banner, [this](const QByteArray &compact) {
        if (m_socket->sendText(compact))
            return true;
        m_banner->showMessage(tr("Not connected."), MessageBanner::Type::Warning, 4000);
        return false;
    }, this);
    m_composer->setBinarySender([this](const QByteArray &bytes) {
        if (m_socket->sendBinary(bytes))
            return true;
        m_banner->showMessage(m_socket->state() == ChannelSocket::State::Open ? tr("The frame is larger than the channel's limit.")
                                                                              : tr("Not connected."),
                              MessageBanner::Type::Warning, 4000);
        return false;
    });
    // Whatever credential this tab could be using: none of them may end up in the stored history.
    m_composer->setSecretsProvider([this] {
        QStringList secrets{m_openedKey};
        if (m_identity->currentIndex() == AsPastedKey) {
            secrets << m_keyEdit->text().trimmed();
        } else if (m_identity->currentIndex() == AsEnvKey) {
            const QString var = m_keyEdit->text().trimmed();
            if (!var.isEmpty())
                secrets << qEnvironmentVariable(var.toLocal8Bit().constData());
        }
        if (const Session *s = m_context->services()->session(); s->isSignedIn())
            secrets << s->token();
        return secrets;
    });
    outer->addWidget(m_composer);
    connect(m_composer, &ChannelComposer::aboutToSave, this, &ChannelTab::reloadForUrl);
    connect(m_composer, &ChannelComposer::sent, this, [this](const QJsonDocument &doc) {
        if (doc.object().value(QStringLiteral("action")).toString() == QLatin1String("whoami"))
            m_identityInfo->asked();
    });
}

QString ChannelTab::title() const
{
    const QUrl u(m_url->text());
    const QString who = m_identity->currentIndex() == AsMe ? tr("me") : tr("key");
    return QStringLiteral("%1 (%2)").arg(u.path().section(QLatin1Char('/'), -1), who);
}

QUrl ChannelTab::url() const
{
    return QUrl(m_url->text().trimmed());
}

void ChannelTab::setUrl(const QUrl &url)
{
    m_url->setText(url.toString());
    reloadForUrl();
    emit titleChanged(title());
}

void ChannelTab::connectChannel()
{
    m_banner->dismiss();
    reloadForUrl();   // the URL may have been set without editing (setText): its remembered state applies
    m_openedKey.clear();
    Credentials creds;
    switch (m_identity->currentIndex()) {
    case AsMe: {
        Session *s = m_context->services()->session();
        if (!s->isSignedIn()) {
            m_banner->showMessage(tr("Sign in first, or connect as a service key."), MessageBanner::Type::Warning);
            return;
        }
        if (!ServerUrl::sameOrigin(url(), s->endpoint().baseUrl)) {
            m_banner->showMessage(bearerUnavailableReason(), MessageBanner::Type::Warning);
            return;
        }
        creds = Credentials::person(s->token(), s->endpoint().baseUrl);
        break;
    }
    case AsPastedKey:
        if (m_keyEdit->text().trimmed().isEmpty()) {
            if (m_keys->deferConnect()) {
                m_banner->showMessage(tr("Reading the key from the keychain…"), MessageBanner::Type::Info);
                return;
            }
            m_banner->showMessage(tr("Paste the API key to connect with."), MessageBanner::Type::Warning);
            return;
        }
        creds = Credentials::machine(m_keyEdit->text().trimmed());
        m_openedKey = creds.apiKey;
        break;
    case AsEnvKey: {
        const QString var = m_keyEdit->text().trimmed();
        const QString key = qEnvironmentVariable(var.toLocal8Bit().constData());
        if (var.isEmpty() || key.isEmpty()) {
            m_banner->showMessage(tr("The environment variable %1 is not set.").arg(var.isEmpty() ? tr("(none)") : var),
                                  MessageBanner::Type::Warning);
            return;
        }
        creds = Credentials::machine(key);
        break;
    }
    }
    ChannelSocket::Options o;
    o.reconnect = m_reconnect->isChecked();
    o.handshakeTimeoutMs = m_context->services()->channelHandshakeTimeoutMs();
    const Session *s = m_context->services()->session();
    // Allowing plain http for a server covers that server's own origin only, never another host.
    o.allowInsecure = s->isSignedIn() && s->endpoint().allowInsecureHttp && ServerUrl::sameOrigin(url(), s->endpoint().baseUrl);
    m_identityInfo->connecting();
    m_socket->open(QUrl(m_url->text().trimmed()), creds, o);
    m_identityInfo->show();
    emit titleChanged(title());
}

void ChannelTab::disconnectChannel()
{
    m_socket->close();
}

bool ChannelTab::sendComposer()
{
    return m_composer->send();
}

QStringList ChannelTab::history() const
{
    return m_composer->history();
}

QStringList ChannelTab::savedMessageNames() const
{
    return m_composer->savedMessageNames();
}

bool ChannelTab::saveMessage(const QString &name, const QString &json)
{
    return m_composer->saveMessage(name, json);   // brings the per-URL state up to date first (aboutToSave)
}

void ChannelTab::loadSavedMessage(const QString &name)
{
    m_composer->loadSavedMessage(name);
}

void ChannelTab::deleteSavedMessage(const QString &name)
{
    m_composer->deleteSavedMessage(name);
}

QString ChannelTab::settingsGroup() const
{
    // One group per normalized channel URL; the URL itself is stored inside (a hash keeps the key legal).
    const QByteArray h = QCryptographicHash::hash(m_loadedUrl.toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    return QStringLiteral("channelInspector/") + QString::fromLatin1(h);
}

QString ChannelTab::normalizedUrl(const QUrl &url)
{
    QUrl n = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash
                          | QUrl::NormalizePathSegments);
    const QString scheme = n.scheme().toLower();
    n.setScheme(scheme);
    n.setHost(n.host().toLower());
    const bool plain = scheme == QLatin1String("ws") || scheme == QLatin1String("http");
    const bool tls = scheme == QLatin1String("wss") || scheme == QLatin1String("https");
    if ((plain && n.port() == 80) || (tls && n.port() == 443))
        n.setPort(-1);
    return n.toString(QUrl::FullyEncoded);
}

QString ChannelTab::keychainEntry(const QUrl &url)
{
    return ChannelKeyMemory::keychainEntry(normalizedUrl(url));
}

void ChannelTab::reloadForUrl()
{
    const QUrl u = url();
    const QString key = u.isValid() && !u.host().isEmpty() ? normalizedUrl(u) : QString();
    updateBearerAvailability();
    if (key == m_loadedUrl)
        return;
    // A key belongs to the URL it was typed or remembered for: moving the tab to another URL clears it,
    // so it is never sent to the new one.
    m_keys->leaveFor(key);
    m_loadedUrl = key;
    m_loading = true;
    if (!key.isEmpty()) {
        const QString g = settingsGroup();
        m_askWhoami->setChecked(m_context->services()->settings()->value(g + QStringLiteral("/askWhoami"),
                                                                          u.path().endsWith(QLatin1String("/console/live"))).toBool());
    } else {
        m_askWhoami->setChecked(false);
    }
    m_composer->loadFor(key, settingsGroup());
    m_keys->loadFor(key, settingsGroup());
    m_loading = false;
}

QString ChannelTab::bearerUnavailableReason() const
{
    const Session *s = m_context->services()->session();
    return tr("Your session belongs to %1 and is never sent to another host. Connect to %2 with a service key, "
              "or sign in to that server.")
        .arg(ServerUrl::origin(s->endpoint().baseUrl), url().host().isEmpty() ? tr("this URL") : url().host());
}

void ChannelTab::updateBearerAvailability()
{
    const Session *s = m_context->services()->session();
    const QUrl u = url();
    const bool foreign = s->isSignedIn() && u.isValid() && !u.host().isEmpty() && !ServerUrl::sameOrigin(u, s->endpoint().baseUrl);
    auto *model = qobject_cast<QStandardItemModel *>(m_identity->model());
    if (QStandardItem *item = model ? model->item(AsMe) : nullptr) {
        item->setEnabled(!foreign);
        item->setText(foreign ? tr("As me (not offered for another host)") : tr("As me (Bearer session)"));
        item->setToolTip(foreign ? TableColumns::plainToolTip(bearerUnavailableReason()) : QString());   // names a host from the URL
    }
    if (foreign && m_identity->currentIndex() == AsMe)
        m_identity->setCurrentIndex(AsPastedKey);
}

QString ChannelTab::identityText() const
{
    return m_identityLine->text();
}

qint64 ChannelTab::exportTo(const QString &path, bool filteredOnly)
{
    return m_logView->exportTo(path, filteredOnly);
}

void ChannelTab::updateStatus()
{
    m_bar->showStatus(*m_socket, *m_log, m_filter->rowCount());
}
