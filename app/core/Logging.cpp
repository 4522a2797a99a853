#include "Logging.h"

Q_LOGGING_CATEGORY(lcNet, "console.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "console.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcWs, "console.ws", QtInfoMsg)
Q_LOGGING_CATEGORY(lcKeychain, "console.keychain", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "console.ui", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCli, "console.cli", QtInfoMsg)
