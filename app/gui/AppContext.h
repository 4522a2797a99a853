#pragma once

#include <QObject>

class Services;
class Clipboard;

// What the widgets get: the shared core services plus GUI-only helpers. Built once in main.cpp (or by
// a test with fakes) and passed by reference; no globals.
class AppContext : public QObject
{
    Q_OBJECT
public:
    explicit AppContext(Services *services, QObject *parent = nullptr);

    Services *services() const { return m_services; }
    Clipboard *clipboard() const { return m_clipboard; }

private:
    Services *m_services;
    Clipboard *m_clipboard;
};
