#!/bin/sh
# Runs a command inside a private D-Bus session with an unlocked GNOME Keyring, so QtKeychain
# talks to a real Secret Service on a headless machine (tests only; the keyring is throwaway).
set -eu
if [ -z "${SYNCBRIDGE_IN_KEYRING_SESSION:-}" ]; then
    export SYNCBRIDGE_IN_KEYRING_SESSION=1
    exec dbus-run-session -- "$0" "$@"
fi
keyring_home=$(mktemp -d)
export HOME="$keyring_home" XDG_DATA_HOME="$keyring_home/data"
mkdir -p "$XDG_DATA_HOME"
# an empty password makes the daemon prompt for one; any throwaway password creates the login keyring
printf 'syncbridge-test' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
status=0
"$@" || status=$?
rm -rf "$keyring_home"
exit $status
