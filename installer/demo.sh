#!/bin/bash
# The README's first command: installs what is needed, builds, and runs SyncBridge on an embedded
# default — a throwaway local PostgreSQL loaded with the demo data and a demo meta-store that
# already knows it. Opens the GUI when a display exists; otherwise prints a summary and renders
# the main window to a PNG.
#
#   installer/demo.sh [--no-install] [--keep]      --keep leaves the demo PostgreSQL running
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
install=1
keep=0
for argument in "$@"; do
    case "$argument" in
        --no-install) install=0 ;;
        --keep) keep=1 ;;
        *) echo "usage: $0 [--no-install] [--keep]" >&2; exit 64 ;;
    esac
done

step() { printf '\n==> %s\n' "$*"; }

if [ "$install" = 1 ]; then
    step "Installing system packages (installer/debian-packages.txt)"
    "$root/installer/install-deps.sh"
fi

step "Building (cmake --workflow --preset release)"
cd "$root"
cmake --workflow --preset release | grep -E '^(\[[0-9]+/[0-9]+\] Linking|-- Build files|ninja: no work)' || true
bin="$root/build/release/app"
cli="$bin/syncbridge-cli/syncbridge-cli"
gui="$bin/syncbridge/syncbridge"
[ -x "$cli" ] && [ -x "$gui" ] || { echo "build failed: $cli or $gui missing" >&2; exit 2; }

demo_dir="${SYNCBRIDGE_DEMO_DIR:-/tmp/syncbridge-demo}"
pg_dir="$demo_dir/postgres"
store="$demo_dir/syncbridge-demo.db"
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

# initdb refuses root: the demo server runs as the postgres user then.
as_server_user() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop_postgres() {
    if [ -f "$pg_dir/data/postmaster.pid" ]; then
        as_server_user "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
}

free_port() {
    for port in $(seq 54329 54499); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
    done
    echo "no free port between 54329 and 54499" >&2; exit 2
}

step "Starting a throwaway PostgreSQL with the demo data"
stop_postgres
rm -rf "$demo_dir"
mkdir -p "$pg_dir"
chmod 0777 "$demo_dir" "$pg_dir"
port=$(free_port)
as_server_user "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
as_server_user "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
    -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c wal_level=logical" start >/dev/null
if [ "$keep" = 0 ]; then trap stop_postgres EXIT; fi
cp "$root/resources/demo/demo.sql" "$pg_dir/demo.sql" && chmod 0644 "$pg_dir/demo.sql"
as_server_user "$pg_bin/createdb" -h "$pg_dir" -p "$port" -U postgres demo
as_server_user "$pg_bin/psql" -q -v ON_ERROR_STOP=1 -h "$pg_dir" -p "$port" -U postgres -d demo -f "$pg_dir/demo.sql"
echo "PostgreSQL 127.0.0.1:$port, database 'demo' (projects: 5,000 rows; project_assignments: 3,000 rows)"

step "Creating the demo meta-store $store"
"$cli" --store "$store" connections add-database --name "Demo projects" --database demo \
    --host 127.0.0.1 --port "$port" --user postgres --instance primary --role PRIMARY
"$cli" --store "$store" connections test "Demo projects"
"$cli" --store "$store" introspect "Demo projects"

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    step "Opening SyncBridge (close the window to stop the demo)"
    "$gui" --store "$store"
else
    step "No display: summary instead of the window"
    "$cli" --store "$store" summary
    QT_QPA_PLATFORM=offscreen "$gui" --store "$store" --screenshot "$demo_dir/syncbridge-connections.png"
    echo "The main window, rendered offscreen: $demo_dir/syncbridge-connections.png"
fi
if [ "$keep" = 1 ]; then
    echo "The demo PostgreSQL keeps running on port $port; stop it with:"
    echo "  $pg_bin/pg_ctl -D $pg_dir/data stop"
fi
