#include "AppContext.h"

#include "Clipboard.h"
#include "core/Services.h"

AppContext::AppContext(Services *services, QObject *parent)
    : QObject(parent), m_services(services), m_clipboard(new Clipboard(this))
{
}
