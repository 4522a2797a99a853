#pragma once

#include <QWidget>

#include <memory>

class AppContext;
class QLabel;
class QPushButton;
class MessageBanner;
class OverviewDashboard;
namespace Ui { class OverviewPage; }

// Who the console is signed in as, on which server, until when, and where the token is kept; below it
// the dashboard (OverviewDashboard: counts, each a click into its page, and the last audit entries).
// Layout: ui/OverviewPage.ui.
class OverviewPage : public QWidget
{
    Q_OBJECT
public:
    explicit OverviewPage(AppContext *context, QWidget *parent = nullptr);
    ~OverviewPage() override;

    MessageBanner *banner() const { return m_banner; }
    void refresh();
    void setBusy(const QString &text);
    OverviewDashboard *dashboard() const { return m_dashboard; }

protected:
    void showEvent(QShowEvent *event) override;

signals:
    void signInRequested();
    void signOutRequested();
    void checkRequested();

private:
    std::unique_ptr<Ui::OverviewPage> m_ui;
    AppContext *m_context;
    MessageBanner *m_banner;
    QLabel *m_title;
    QLabel *m_subtitle;
    QWidget *m_details;
    QLabel *m_server;
    QLabel *m_user;
    QLabel *m_name;
    QLabel *m_role;
    QLabel *m_userId;
    QLabel *m_expires;
    QLabel *m_storage;
    QPushButton *m_signIn;
    QPushButton *m_check;
    QPushButton *m_signOut;
    OverviewDashboard *m_dashboard;
};
