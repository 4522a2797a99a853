#pragma once

#include <QWidget>

class AppContext;
class MessageBanner;
class QLineEdit;
class QTableWidget;
class QPushButton;
class QLabel;

// Service users (role "service": no password, they own API keys): paged list with search, and create.
class ServiceUsersPage : public QWidget
{
    Q_OBJECT
public:
    explicit ServiceUsersPage(AppContext *context, QWidget *parent = nullptr);
    void reload();
    void loadMore();
    void create(const QString &name, const QString &email);
    MessageBanner *banner() const { return m_banner; }
    QTableWidget *table() const { return m_table; }
    enum Column { NameColumn, EmailColumn, IdColumn, KeysColumn, StateColumn, CreatedColumn };
    QString selectedUserId() const;
    // The id the CLI's `--user ID` wants: to the clipboard (plainly; an id is not a secret).
    void copySelectedId();

signals:
    void usersChanged();
    // "Mint a key…" after creating a user: open the mint dialog for that owner.
    void mintKeyRequested(const QString &ownerId);

private:
    AppContext *m_context;
    MessageBanner *m_banner;
    QLineEdit *m_search;
    QTableWidget *m_table;
    QPushButton *m_more;
    QPushButton *m_copyId;
    QLabel *m_count;
    int m_total = 0;
    int m_generation = 0;
};
