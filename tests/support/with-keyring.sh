#!/bin/sh
# Runs one test on a private D-Bus session with a fresh, unlocked gnome-keyring, a throwaway config
# folder and no $DISPLAY (with a display, a locked or missing keyring opens a prompt and hangs forever).
KR=$(mktemp -d "${TMPDIR:-/tmp}/pikku-keyring.XXXXXX") || exit 1
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS
export XDG_RUNTIME_DIR="$KR" XDG_DATA_HOME="$KR/data" XDG_CONFIG_HOME="$KR/config" XDG_CACHE_HOME="$KR/cache"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
dbus-run-session -- sh -c 'echo -n pikku-test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' sh "$@"
rc=$?
rm -rf "$KR"
exit $rc
