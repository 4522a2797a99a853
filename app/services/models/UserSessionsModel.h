#pragma once

#include "core/ConsoleTypes.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

// The sessions the Sessions page lists (GET /console/sessions, never their tokens), as loaded so far:
// pages are appended, a pushed sign-in goes on top, a revoked one is removed. A session is listed once
// however it arrives (a push shifts the server's offsets, so a later page may repeat a row).
class UserSessionsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { UserColumn, NameColumn, CreatedColumn, ExpiresColumn, IpColumn, ImpersonatedByColumn,
                  UserAgentColumn, ColumnCount };
    // SortRole: what a column sorts by (timestamps as QDateTime, text case-folded).
    // OwnSessionRole: the session this console signed in with (the GUI shows it bold; the text says so too).
    enum Role { SessionIdRole = Qt::UserRole + 1, OwnSessionRole, SortRole };

    explicit UserSessionsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setOwnSessionId(const QString &id);
    QString ownSessionId() const { return m_own; }
    int append(const QList<UserSession> &sessions);   // rows added (already listed ones are skipped)
    bool prepend(const UserSession &session);          // false when already listed
    bool remove(const QString &sessionId);
    void clear();

    const UserSession &session(int row) const { return m_sessions.at(row); }
    int rowOf(const QString &sessionId) const;          // -1 if absent

    static QString orDash(const QString &s);            // "" → "—"

private:
    QString cellText(const UserSession &s, int column) const;

    QList<UserSession> m_sessions;
    QString m_own;
};
