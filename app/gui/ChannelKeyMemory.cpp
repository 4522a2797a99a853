#include "ChannelKeyMemory.h"

#include "ChannelConnectionBar.h"
#include "MessageBanner.h"
#include "core/SecretStore.h"
#include "services/Services.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QSettings>
#include <QToolButton>

#include <utility>

ChannelKeyMemory::ChannelKeyMemory(Services *services, ChannelConnectionBar *bar, MessageBanner *banner,
                                   std::function<QString()> currentUrlKey, QObject *parent)
    : QObject(parent), m_services(services), m_bar(bar), m_banner(banner), m_currentUrlKey(std::move(currentUrlKey))
{
    // A key belongs to the URL the field shows when it is typed, pasted or filled in.
    connect(m_bar->keyEdit(), &QLineEdit::textChanged, this, [this] { m_keyForUrl = m_currentUrlKey(); });
    connect(m_bar->identityBox(), qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int i) {
        // The bar has shown the key field for the mode (ChannelConnectionBar); the remembered state:
        const bool isPasted = i == ChannelConnectionBar::AsPastedKey;
        m_bar->rememberKey()->setChecked(isPasted && m_remembered);
        m_bar->forgetKey()->setVisible(isPasted && m_remembered);
        if (isPasted)
            load();
    });
    connect(m_bar->forgetKey(), &QToolButton::clicked, this, &ChannelKeyMemory::forget);
}

bool ChannelKeyMemory::pasted() const
{
    return m_bar->identityBox()->currentIndex() == ChannelConnectionBar::AsPastedKey;
}

void ChannelKeyMemory::leaveFor(const QString &newUrlKey)
{
    if (pasted() && !m_bar->keyEdit()->text().isEmpty() && m_keyForUrl != newUrlKey) {
        m_bar->keyEdit()->clear();
        m_connectWhenLoaded = false;
    }
}

void ChannelKeyMemory::loadFor(const QString &urlKey, const QString &group)
{
    m_url = urlKey;
    m_group = group;
    m_remembered = !urlKey.isEmpty() && m_services->settings()->value(group + QStringLiteral("/keyInKeychain"), false).toBool();
    m_bar->rememberKey()->setChecked(pasted() && m_remembered);
    m_bar->forgetKey()->setVisible(pasted() && m_remembered);
    if (pasted())
        load();
}

bool ChannelKeyMemory::deferConnect()
{
    if (!m_loading)
        return false;
    m_connectWhenLoaded = true;
    return true;
}

void ChannelKeyMemory::opened(const QString &key)
{
    if (!key.isEmpty() && m_bar->rememberKey()->isChecked())
        remember(key);
}

void ChannelKeyMemory::setRemembered(bool on)
{
    m_remembered = on;
    if (!m_url.isEmpty()) {
        QSettings *s = m_services->settings();
        s->setValue(m_group + QStringLiteral("/url"), m_url);
        if (on)
            s->setValue(m_group + QStringLiteral("/keyInKeychain"), true);   // a flag, never the key
        else
            s->remove(m_group + QStringLiteral("/keyInKeychain"));
    }
    m_bar->forgetKey()->setVisible(pasted() && on);
}

void ChannelKeyMemory::load()
{
    QLineEdit *keyEdit = m_bar->keyEdit();
    if (!m_remembered || m_loading || !keyEdit->text().isEmpty() || m_url.isEmpty())
        return;
    m_loading = true;
    const QString forUrl = m_url;
    keyEdit->setPlaceholderText(tr("reading the key from the keychain…"));
    SecretStore *store = m_services->secrets();
    store->read(keychainEntry(forUrl), this, [this, forUrl, store, keyEdit](const SecretResult &r) {
        m_loading = false;
        const bool connectNow = std::exchange(m_connectWhenLoaded, false);
        keyEdit->setPlaceholderText(tr("API key (memory only unless remembered)"));
        if (forUrl != m_url || !pasted())
            return;   // the tab moved on meanwhile
        switch (r.status) {
        case SecretResult::Status::Ok:
            if (keyEdit->text().isEmpty()) {
                keyEdit->setText(QString::fromUtf8(r.data));
                m_keyForUrl = forUrl;
            }
            m_bar->rememberKey()->setChecked(true);
            if (connectNow)
                emit keyReadyToConnect();
            break;
        case SecretResult::Status::NotFound:
            setRemembered(false);
            m_bar->rememberKey()->setChecked(false);
            m_banner->showMessage(tr("The key remembered for this channel is no longer in the keychain: paste it again."),
                                  MessageBanner::Type::Warning);
            break;
        case SecretResult::Status::Unavailable:
            m_banner->showMessage(tr("The keychain (%1) is unavailable: %2. Paste the key; it is kept in memory only.")
                                      .arg(store->backendName(), r.error),
                                  MessageBanner::Type::Warning);
            break;
        }
    });
}

void ChannelKeyMemory::remember(const QString &key)
{
    if (m_url.isEmpty())
        return;
    const QString forUrl = m_url;
    SecretStore *store = m_services->secrets();
    store->write(keychainEntry(forUrl), key.toUtf8(), this, [this, forUrl, store](const SecretResult &r) {
        if (forUrl != m_url)
            return;
        if (r.ok()) {
            setRemembered(true);
            return;
        }
        m_bar->rememberKey()->setChecked(false);
        m_banner->showMessage(tr("The keychain (%1) is unavailable: %2. The key is kept in memory only, for this tab.")
                                  .arg(store->backendName(), r.error),
                              MessageBanner::Type::Warning);
    });
}

void ChannelKeyMemory::forget()
{
    if (m_url.isEmpty())
        return;
    const QString forUrl = m_url;
    SecretStore *store = m_services->secrets();
    store->remove(keychainEntry(forUrl), this, [this, forUrl, store](const SecretResult &r) {
        if (forUrl != m_url)
            return;
        if (r.status == SecretResult::Status::Unavailable) {
            m_banner->showMessage(tr("Could not delete the key from the keychain (%1): %2.").arg(store->backendName(), r.error),
                                  MessageBanner::Type::Error);
            return;
        }
        setRemembered(false);
        m_bar->rememberKey()->setChecked(false);
        m_banner->showMessage(tr("The key for this channel was removed from the keychain."), MessageBanner::Type::Positive, 5000);
    });
}
