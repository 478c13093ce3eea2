# shellcheck shell=bash
# Sourced by the load scripts: builds the release binary, serves a fresh
# database on a local port, waits until the server is ready and stops it
# when the script exits, however it exits.
#
#   source scripts/lib/serve.sh       # from the repository root
#   require_free_port <port>          # before a long build, to fail early
#   build_release                     # sets $target_dir and $wapi (WAPI_BINARY: use that one)
#   start_server <database-url> <port> [NAME=value…]   # sets $server_pid, $server_url
#   wait_ready [seconds]              # until /readyz answers 200
#   stop_server                       # also run on exit
#
# Everything a run writes (databases, the server log, request bodies, wrk
# scripts) goes to $scratch, a temporary folder removed on exit, never into
# the repository. Scripts add their own clean-up with `on_exit <function>`.

scratch="$(mktemp -d -t wapi-load.XXXXXX)"
server_log="$scratch/server.log"
server_pid=""
server_url=""
target_dir=""
wapi=""
exit_hooks=()

on_exit() {
    exit_hooks+=("$1")
}

# Builds the server in release mode and copies it into $scratch: another
# checkout sharing the target folder may rebuild it during a long run.
build_release() {
    # WAPI_BINARY serves a binary built elsewhere (another checkout, for a
    # before/after comparison) instead of this checkout's.
    if [[ -n "${WAPI_BINARY:-}" ]]; then
        cp "$WAPI_BINARY" "$scratch/wapi"
        wapi="$scratch/wapi"
        return
    fi
    echo "== building the release binary" >&2
    cargo build --release -p wapi >&2
    # The target folder may live elsewhere (CARGO_TARGET_DIR, ~/.cargo/config.toml).
    target_dir="$(cargo metadata --format-version 1 --no-deps |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')"
    cp "$target_dir/release/wapi" "$scratch/wapi"
    wapi="$scratch/wapi"
}

# Refuses a port where something already answers: the figures would be
# another server's.
require_free_port() {
    local port=$1
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:${port}/livez" || true)" != 000 ]]; then
        echo "something already answers on port $port; set PORT to a free one" >&2
        return 1
    fi
}

# Serves <database-url> on 127.0.0.1:<port> in the background, with any
# NAME=value settings given after the port.
start_server() {
    local database_url=$1 port=$2
    shift 2
    require_free_port "$port"
    server_url="http://127.0.0.1:${port}"
    env DATABASE_URL="$database_url" "$@" \
        "$wapi" serve --listen "127.0.0.1:${port}" >"$server_log" 2>&1 &
    server_pid=$!
}

# Waits until /readyz answers 200 (the server listens only once migrated,
# seeded and loaded), at most [seconds] (default 300).
wait_ready() {
    local limit_seconds=${1:-300} started=$SECONDS
    until curl -fsS --max-time 2 "$server_url/readyz" >/dev/null 2>&1; do
        if ! kill -0 "$server_pid" 2>/dev/null; then
            echo "the server exited before it was ready" >&2
            return 1
        fi
        if (( SECONDS - started > limit_seconds )); then
            echo "the server was not ready after ${limit_seconds} s" >&2
            return 1
        fi
        sleep 0.02
    done
}

# Asks the server to stop, and kills it if it has not within 5 s.
stop_server() {
    [[ -n "$server_pid" ]] || return 0
    if kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$server_pid" 2>/dev/null || true
    fi
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
}

serve_cleanup() {
    local status=$? hook
    stop_server
    if [[ $status -ne 0 && -s "$server_log" ]]; then
        echo "== last lines of the server log" >&2
        tail -n 20 "$server_log" >&2
    fi
    for hook in "${exit_hooks[@]}"; do "$hook" || true; done
    rm -rf "$scratch"
}
trap serve_cleanup EXIT
trap 'exit 130' INT TERM
