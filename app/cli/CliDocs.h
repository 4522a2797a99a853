#pragma once

#include <QString>

// Shell completion scripts and the manual page, generated from CliHelp's tables (the ones --help and the
// parser read), so a new command or option reaches all of them at once. `pikku-admin completion SHELL`
// and `pikku-admin man` print them; the build runs those to install them (packaging/CMakeLists.txt).
namespace CliDocs {

QString completion(const QString &shell);   // "bash", "zsh", "fish"; empty for another shell
QString manPage();                          // roff (man 7 man), section 1

} // namespace CliDocs
