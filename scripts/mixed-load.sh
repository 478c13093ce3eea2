#!/usr/bin/env bash
# Mixed load over HTTP: 95 % public reads, 5 % partner writes (creations and
# version-checked updates), then a check that no write was lost or
# duplicated. Runs against SQLite, or a fresh PostgreSQL database with the
# argument `postgres`.
#
# Usage: scripts/mixed-load.sh [sqlite|postgres]
# Environment:
#   PORT               port to serve on (default 18184)
#   DURATION_SECONDS   length of the run (default 15)
#   CONNECTIONS        concurrent clients (default 16)
#   WRITE_PERCENT      share of writes (default 5)
#   PG_ADMIN_URL       PostgreSQL server for a fresh database
#                      (default postgres://postgres@127.0.0.1:5432/postgres)
set -euo pipefail

DATABASE="${1:-sqlite}"
PORT="${PORT:-18184}"
export DURATION_SECONDS="${DURATION_SECONDS:-15}"
export CONNECTIONS="${CONNECTIONS:-16}"
export WRITE_PERCENT="${WRITE_PERCENT:-5}"
PG_ADMIN_URL="${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
OPERATOR="antoing-calcaires-de-l-escaut"

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/serve.sh
require_free_port "$PORT"

pg_database=""
drop_pg_database() {
    if [[ -n "$pg_database" ]]; then psql -q "$PG_ADMIN_URL" -c "DROP DATABASE IF EXISTS ${pg_database}" >/dev/null; fi
}
on_exit drop_pg_database

case "$DATABASE" in
    sqlite) export DATABASE_URL="sqlite://${scratch}/wapi.db?mode=rwc" ;;
    postgres)
        pg_database="wapi_mixed_load_$$"
        psql -q "$PG_ADMIN_URL" -c "CREATE DATABASE ${pg_database}" >/dev/null
        export DATABASE_URL="${PG_ADMIN_URL%/*}/${pg_database}"
        ;;
    *) echo "usage: $0 [sqlite|postgres]" >&2; exit 2 ;;
esac

cargo build --release -p e2e --example mixed_load >&2
build_release
# Copied like the server: another checkout may rebuild it during the run.
cp "$target_dir/release/examples/mixed_load" "$scratch/mixed_load"

"$wapi" migrate >&2
"$wapi" seed >&2
WAPI_PASSWORD="mot de passe de charge" "$wapi" user create --email charge@example.org \
    --name "Partenaire de charge" --role PARTNER --operator "$OPERATOR" >/dev/null
WAPI_TOKEN="$("$wapi" token create --user charge@example.org --days 1)"
export WAPI_TOKEN
export WAPI_OPERATOR="$OPERATOR"
export WAPI_URL="http://127.0.0.1:${PORT}"

# All clients share one address here: the per-address limit would refuse
# most of the load, and this run measures the write path, not the limiter.
start_server "$DATABASE_URL" "$PORT" WAPI_RATE_LIMIT_PER_IP=0 WAPI_LOG=warn
wait_ready 60

echo "== ${DATABASE}: ${WRITE_PERCENT}% writes, ${CONNECTIONS} connections, ${DURATION_SECONDS} s"
"$scratch/mixed_load"
