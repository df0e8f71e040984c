#!/bin/sh
# CTest harness of graph-sdk-test.cjs: installs the pinned SDK with `npm ci` into WORK_DIR (never
# committed), makes a test CA and a server certificate for 127.0.0.1 with openssl, starts the emulator
# over https with them, and runs the script with that CA trusted through NODE_EXTRA_CA_CERTS.
# Exit 77 (CTest's skip) only when node is absent; an npm failure fails the test with npm's words.
# usage: run-sdk-test.sh EMULATOR SDK_SOURCE_DIR WORK_DIR
set -eu
emulator=$1
source_dir=$2
work_dir=$3

if ! command -v node >/dev/null 2>&1; then
    echo "SKIP: node is not installed; the Graph JavaScript SDK test needs node (v20) and npm"
    exit 77
fi
if ! command -v npm >/dev/null 2>&1; then
    echo "FAIL: node is installed but npm is not; install npm to run the Graph JavaScript SDK test" >&2
    exit 1
fi

mkdir -p "$work_dir"
cp "$source_dir/package.json" "$source_dir/package-lock.json" "$work_dir/"
if ! npm_output=$(cd "$work_dir" && npm ci --no-audit --no-fund 2>&1); then
    echo "FAIL: npm ci could not install @microsoft/microsoft-graph-client (is the npm registry reachable?):" >&2
    echo "$npm_output" >&2
    exit 1
fi

tmp=$(mktemp -d)
emulator_pid=
cleanup() {
    [ -n "$emulator_pid" ] && kill "$emulator_pid" 2>/dev/null && wait "$emulator_pid" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

cd "$tmp"
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 -subj "/CN=SyncBridge Test CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj "/CN=127.0.0.1" 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' > server.ext
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 -extfile server.ext 2>/dev/null

"$emulator" --port 0 --tls-cert server.pem --tls-key server.key > emulator.out 2> emulator.err &
emulator_pid=$!
url=
for _ in $(seq 1 100); do
    url=$(sed -n 's/.*listening on \(https:\/\/[^ ]*\).*/\1/p' emulator.out)
    [ -n "$url" ] && break
    sleep 0.1
done
if [ -z "$url" ]; then
    echo "FAIL: the emulator did not start over https:" >&2
    cat emulator.err >&2
    exit 1
fi
echo "emulator: $url"

NODE_EXTRA_CA_CERTS="$tmp/ca.pem" NODE_PATH="$work_dir/node_modules" EMULATOR_URL="$url" \
    node "$source_dir/graph-sdk-test.cjs"
