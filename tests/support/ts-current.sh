#!/bin/sh
# tst_translations_current: refreshes a copy of translations/pikku_admin_fi.ts from today's sources with
# lupdate (the same folders and options as the update_translations target in app/CMakeLists.txt), then
# runs tst_translations on the copy. A tr() added without its Finnish, or a translation whose source is
# gone, fails here; `cmake --build build --target update_translations` and translating fixes it.
# usage: ts-current.sh LUPDATE SOURCE_DIR TST_TRANSLATIONS
set -eu
lupdate=$1 src=$2 check=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$src/translations/pikku_admin_fi.ts" "$tmp/pikku_admin_fi.ts"
"$lupdate" -silent -locations none -no-obsolete -extensions cpp,h,ui \
  "$src/app/core" "$src/app/net" "$src/app/services" "$src/app/gui" "$src/ui" -ts "$tmp/pikku_admin_fi.ts"
PIKKU_TS_CHECK="$tmp/pikku_admin_fi.ts" exec "$check"
