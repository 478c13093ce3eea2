#!/usr/bin/env bash
# Mixed load over HTTP: 95 % public reads, 5 % partner writes (creations and
# version-checked updates), then a check that no write was lost or
# duplicated. Runs against SQLite, or PostgreSQL with DATABASE=postgres.
#
# Usage: scripts/mixed-load.sh [sqlite|postgres]
# Environment:
#   PORT               port to serve on (default 18183)
#   DURATION_SECONDS   length of the run (default 15)
#   CONNECTIONS        concurrent clients (default 16)
#   WRITE_PERCENT      share of writes (default 5)
#   PG_ADMIN_URL       PostgreSQL server for a fresh database
#                      (default postgres://postgres@127.0.0.1:5432/postgres)
set -euo pipefail

DATABASE="${1:-sqlite}"
PORT="${PORT:-18183}"
export DURATION_SECONDS="${DURATION_SECONDS:-15}"
export CONNECTIONS="${CONNECTIONS:-16}"
export WRITE_PERCENT="${WRITE_PERCENT:-5}"
PG_ADMIN_URL="${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
OPERATOR="antoing-calcaires-de-l-escaut"

cd "$(dirname "${BASH_SOURCE[0]}")/.."
cargo build --release -p e2e --example mixed_load >&2
cargo build --release -p wapi >&2
# Wherever cargo builds (CARGO_TARGET_DIR, .cargo/config.toml or ./target).
target="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')"
tmp="$(mktemp -d -t wapi-mixed.XXXXXX)"
# Copied: another checkout sharing the target folder may rebuild it meanwhile.
cp "${target}/release/wapi" "$tmp/wapi"
wapi="$tmp/wapi"
server_pid=""
pg_database=""
cleanup() {
    if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    if [[ -n "$pg_database" ]]; then psql -q "$PG_ADMIN_URL" -c "DROP DATABASE IF EXISTS ${pg_database}" >/dev/null; fi
    rm -rf "$tmp"
}
trap cleanup EXIT

case "$DATABASE" in
    sqlite) export DATABASE_URL="sqlite://${tmp}/wapi.db?mode=rwc" ;;
    postgres)
        pg_database="wapi_mixed_load_$$"
        psql -q "$PG_ADMIN_URL" -c "CREATE DATABASE ${pg_database}" >/dev/null
        export DATABASE_URL="${PG_ADMIN_URL%/*}/${pg_database}"
        ;;
    *) echo "usage: $0 [sqlite|postgres]" >&2; exit 2 ;;
esac

"$wapi" migrate >&2
"$wapi" seed >&2
WAPI_PASSWORD="mot de passe de charge" "$wapi" user create --email charge@example.org \
    --name "Partenaire de charge" --role PARTNER --operator "$OPERATOR" >/dev/null
export WAPI_TOKEN="$("$wapi" token create --user charge@example.org --days 1)"
export WAPI_OPERATOR="$OPERATOR"
export WAPI_URL="http://127.0.0.1:${PORT}"

# All clients share one address here: the per-address limit would refuse
# most of the load, and this run measures the write path, not the limiter.
WAPI_RATE_LIMIT_PER_IP=0 WAPI_LOG=warn "$wapi" serve --listen "127.0.0.1:${PORT}" >"$tmp/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do curl -fsS "${WAPI_URL}/readyz" >/dev/null 2>&1 && break; sleep 0.1; done

echo "== ${DATABASE}: ${WRITE_PERCENT}% writes, ${CONNECTIONS} connections, ${DURATION_SECONDS} s"
"${target}/release/examples/mixed_load" || { echo "== server log (last lines)"; tail -n 20 "$tmp/server.log"; exit 1; }
