#!/bin/bash
# The README's first command: installs what is needed, builds, and runs the main job on an embedded
# default — a throwaway local PostgreSQL loaded with the demo data, the local Graph emulator, a demo
# meta-store that knows both, and a real push of the 5,000 demo projects into three SharePoint
# lists routed by budget and status. Opens the GUI when a display exists; otherwise prints a summary
# and renders the main window to a PNG.
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
emulator="$bin/graph-emulator/syncbridge-graph-emulator"
[ -x "$cli" ] && [ -x "$gui" ] || { echo "build failed: $cli or $gui missing" >&2; exit 2; }

demo_dir="${SYNCBRIDGE_DEMO_DIR:-/tmp/syncbridge-demo}"
pg_dir="$demo_dir/postgres"
store="$demo_dir/syncbridge-demo.db"
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

# initdb refuses root: the demo server runs as the postgres user then.
as_server_user() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

emulator_pid=""
stop_demo() {
    if [ -n "$emulator_pid" ]; then kill "$emulator_pid" 2>/dev/null || true; fi
    stop_postgres
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
if [ "$keep" = 0 ]; then trap stop_demo EXIT; fi
cp "$root/resources/demo/demo.sql" "$pg_dir/demo.sql" && chmod 0644 "$pg_dir/demo.sql"
as_server_user "$pg_bin/createdb" -h "$pg_dir" -p "$port" -U postgres demo
as_server_user "$pg_bin/psql" -q -v ON_ERROR_STOP=1 -h "$pg_dir" -p "$port" -U postgres -d demo -f "$pg_dir/demo.sql"
echo "PostgreSQL 127.0.0.1:$port, database 'demo' (projects: 5,000 rows; project_assignments: 3,000 rows)"

step "Starting the local Graph emulator (SharePoint lists)"
graph_port=$(free_port)
# A demo tenant with a generous budget, so 5,000 items take seconds (a real tenant: 1,250 RU/min).
printf '{"throttling": {"ruPerMinute": 60000}}' > "$demo_dir/emulator-config.json"
"$emulator" --port "$graph_port" --config "$demo_dir/emulator-config.json" --data "$demo_dir/emulator-state.json" \
    > "$demo_dir/emulator.log" 2>&1 &
emulator_pid=$!
for _ in $(seq 50); do grep -q "listening" "$demo_dir/emulator.log" && break; sleep 0.1; done
grep "listening" "$demo_dir/emulator.log"

step "Creating the demo meta-store $store"
# Headless demo: the client secret comes from the environment (opt-in), not a keychain.
export SYNCBRIDGE_SECRET_SHAREPOINT_DEMO=demo-secret
cli_env() { "$cli" --store "$store" --secrets env "$@"; }
cli_env connections add-database --name "Demo projects" --database demo \
    --host 127.0.0.1 --port "$port" --user postgres --instance primary --role PRIMARY
cli_env connections add-sharepoint --name "Demo tenant" --tenant contoso --client-id syncbridge-demo \
    --authority "http://127.0.0.1:$graph_port" --graph-url "http://127.0.0.1:$graph_port/v1.0" \
    --secret-ref sharepoint/demo --ru-per-minute 60000
cli_env connections test "Demo projects"
cli_env introspect "Demo projects"
cli_env definitions import "$root/resources/demo/demo-definition.json"

step "The plan (dry run): what a push would do"
cli_env run "Demo projects to SharePoint" --dry-run

step "Pushing the demo projects to SharePoint (the emulator)"
cli_env run "Demo projects to SharePoint"

step "Changing three projects, then an incremental run"
as_server_user "$pg_bin/psql" -q -h "$pg_dir" -p "$port" -U postgres -d demo \
    -c "UPDATE projects SET budget_amount = 4500000 WHERE id = 5; UPDATE projects SET name = name || ' (renamed)' WHERE id IN (11, 12)"
cli_env run "Demo projects to SharePoint"

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    step "Opening SyncBridge (close the window to stop the demo)"
    "$gui" --store "$store" --secrets env
else
    step "No display: summary instead of the window"
    cli_env summary
    QT_QPA_PLATFORM=offscreen "$gui" --store "$store" --secrets env --screenshot "$demo_dir/syncbridge-overview.png"
    echo "The main window, rendered offscreen: $demo_dir/syncbridge-overview.png"
fi
if [ "$keep" = 1 ]; then
    echo "The demo PostgreSQL (port $port) and Graph emulator (port $graph_port, pid $emulator_pid) keep running; stop them with:"
    echo "  $pg_bin/pg_ctl -D $pg_dir/data stop; kill $emulator_pid"
fi
