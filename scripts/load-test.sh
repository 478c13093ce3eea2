#!/usr/bin/env bash
# HTTP load test of the Wapi Synergies server: cold start, memory, and wrk
# throughput/latency of the typical partner query (POST /graphql), of the map
# widgets' offers and equipment layers (GET /geo/offers.geojson,
# /geo/equipment.geojson) and of /livez.
#
# Usage: scripts/load-test.sh
# Environment:
#   PORT          port to serve on (default 18181)
#   DURATION      length of each wrk run (default 15s)
#   WARMUP        length of the warm-up run before RSS is read (default 2s)
#   DATABASE_URL  database to serve (default: a fresh SQLite file in a temporary
#                 folder, so the cold start includes migrating and seeding)
#   WAPI_RATE_LIMIT_PER_IP  GraphQL requests per minute per address (default here:
#                 1000000000, so the limiter runs on every request without refusing
#                 any; 0 turns it off: compare both to see what the limits cost)
# Exits non-zero when any partner-query response is not a 200 without "errors".
set -euo pipefail

PORT="${PORT:-18181}"
DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-2s}"
THREADS=2
CONNECTIONS=32
BASE="http://127.0.0.1:${PORT}"

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/serve.sh
source scripts/lib/wrk.sh
ensure_wrk
require_free_port "$PORT"

# The typical partner query (the same as crates/api/benches/partner_query.rs).
QUERY='{ offers(first: 20, filter: {tradeCodes: ["menuiserie", "maconnerie", "peinture-batiment"], kinds: [TRAINING, INTERNSHIP]}) { totalCount edges { cursor node { id title kind startDate endDate places recruitmentState operator { id name kind } site { id name address { street postcode locality } location { lat lon } commune { nis name } } trades { code name } } } pageInfo { hasNextPage endCursor } } }'
BODY="{\"query\":\"${QUERY//\"/\\\"}\"}"
printf '%s' "$BODY" >"$scratch/body.json"
# The same query, reachable by bus and train from Lessines within an hour,
# arriving by 08:30 on a school Tuesday (travel times to every candidate site).
REACHABLE_QUERY='{ offers(first: 20, filter: {tradeCodes: ["menuiserie", "maconnerie", "peinture-batiment"], kinds: [TRAINING, INTERNSHIP], reachable: {from: {communeNis: "55023"}, maxMinutes: 60, arriveBy: "2027-03-09T08:30:00+01:00"}}) { totalCount edges { cursor node { id title kind startDate endDate places recruitmentState operator { id name kind } site { id name address { street postcode locality } location { lat lon } commune { nis name } } trades { code name } } } pageInfo { hasNextPage endCursor } } }'
REACHABLE_BODY="{\"query\":\"${REACHABLE_QUERY//\"/\\\"}\"}"

# wrk runs one Lua state per thread: each counts its own bad responses in the
# global `bad`, and `done` (in the main state) sums them through `thread:get`.
cat >"$scratch/graphql.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [==[${BODY}]==]

local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) bad = 0 end
function response(status, headers, body)
  if status ~= 200 or (body and string.find(body, '"errors"', 1, true)) then bad = bad + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + (thread:get("bad") or 0) end
  local e = summary.errors
  io.write(string.format("RESULT rps=%.1f p50_ms=%.2f p99_ms=%.2f bad=%d socket_errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, total, e.connect + e.read + e.write + e.timeout))
end
LUA

# The same script with the reachable body.
{ grep -v '^wrk.body' "$scratch/graphql.lua"; printf 'wrk.body = [==[%s]==]\n' "$REACHABLE_BODY"; } >"$scratch/reachable.lua"

cat >"$scratch/livez.lua" <<'LUA'
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT rps=%.1f p50_ms=%.2f p99_ms=%.2f bad=%d socket_errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
LUA

build_release

now_us() { local t="${EPOCHREALTIME//[.,]/}"; echo "$((10#$t))"; }

echo "== starting the server" >&2
started="$(now_us)"
# wrk sends everything from one address: the default quota (600 a minute)
# would refuse nearly all of it. Measure the cost of checking, not refusals.
start_server "${DATABASE_URL:-sqlite://$scratch/wapi.db?mode=rwc}" "$PORT" \
    WAPI_RATE_LIMIT_PER_IP="${WAPI_RATE_LIMIT_PER_IP:-1000000000}"
wait_ready 300
cold_start_ms=$(( ($(now_us) - started) / 1000 ))
echo "cold start: ${cold_start_ms} ms"

# The server listens only once the catalogue is loaded: the first answer is final.
status="$(curl -s -o "$scratch/answer.json" -w '%{http_code}' --max-time 10 \
    -H 'Content-Type: application/json' --data-binary "@$scratch/body.json" "$BASE/graphql" || true)"
if [[ "$status" != 200 ]] || grep -q '"errors"' "$scratch/answer.json" || ! grep -q '"edges"' "$scratch/answer.json"; then
    echo "the partner query failed (HTTP $status): $(head -c 500 "$scratch/answer.json")" >&2
    exit 1
fi

wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$scratch/graphql.lua" "$BASE/graphql" >/dev/null
rss_mb="$(awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$server_pid/status")"
echo "RSS after seeding and warm-up: ${rss_mb} MB"

# Runs wrk; prints its report on stderr and "rps p50 p99 bad socket_errors" on stdout.
run_wrk() {
    local script=$1 url=$2 out
    out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$script" "$url")"
    printf '%s\n' "$out" >&2
    printf '%s\n' "$out" | sed -n 's/^RESULT rps=\(.*\) p50_ms=\(.*\) p99_ms=\(.*\) bad=\(.*\) socket_errors=\(.*\)$/\1 \2 \3 \4 \5/p'
}

echo "== wrk POST /graphql (partner query), ${THREADS} threads, ${CONNECTIONS} connections, ${DURATION}" >&2
query_result="$(run_wrk "$scratch/graphql.lua" "$BASE/graphql")"
echo "== wrk POST /graphql (the partner query, reachable from Lessines), ${THREADS} threads, ${CONNECTIONS} connections, ${DURATION}" >&2
reachable_result="$(run_wrk "$scratch/reachable.lua" "$BASE/graphql")"
echo "== wrk GET /geo/offers.geojson (all published offers), ${THREADS} threads, ${CONNECTIONS} connections, ${DURATION}" >&2
layer_result="$(run_wrk "$scratch/livez.lua" "$BASE/geo/offers.geojson")"
echo "== wrk GET /geo/equipment.geojson (every public equipment item), ${THREADS} threads, ${CONNECTIONS} connections, ${DURATION}" >&2
equipment_result="$(run_wrk "$scratch/livez.lua" "$BASE/geo/equipment.geojson")"
echo "== wrk GET /geo/equipment.geojson?zoom=10 (clustered), ${THREADS} threads, ${CONNECTIONS} connections, ${DURATION}" >&2
clustered_result="$(run_wrk "$scratch/livez.lua" "$BASE/geo/equipment.geojson?zoom=10")"
echo "== wrk GET /livez, ${THREADS} threads, ${CONNECTIONS} connections, ${DURATION}" >&2
livez_result="$(run_wrk "$scratch/livez.lua" "$BASE/livez")"
if [[ -z "$query_result" || -z "$layer_result" || -z "$equipment_result" || -z "$clustered_result" || -z "$livez_result" ]]; then
    echo "wrk printed no RESULT line" >&2
    exit 1
fi
read -r q_rps q_p50 q_p99 q_bad q_sock <<<"$query_result"
read -r r_rps r_p50 r_p99 r_bad r_sock <<<"$reachable_result"
read -r l_rps l_p50 l_p99 l_bad l_sock <<<"$livez_result"
read -r g_rps g_p50 g_p99 g_bad g_sock <<<"$layer_result"
read -r e_rps e_p50 e_p99 e_bad e_sock <<<"$equipment_result"
read -r c_rps c_p50 c_p99 c_bad c_sock <<<"$clustered_result"

cat <<SUMMARY

== summary ($("$wapi" --version), ${DURATION} per run, ${THREADS} threads, ${CONNECTIONS} connections)
cold start                ${cold_start_ms} ms
RSS (seeded, warmed up)   ${rss_mb} MB
partner query             ${q_rps} req/s   p50 ${q_p50} ms   p99 ${q_p99} ms
  reachable from Lessines ${r_rps} req/s   p50 ${r_p50} ms   p99 ${r_p99} ms   (bad ${r_bad})
offers.geojson layer      ${g_rps} req/s   p50 ${g_p50} ms   p99 ${g_p99} ms   (non-2xx ${g_bad})
equipment.geojson layer   ${e_rps} req/s   p50 ${e_p50} ms   p99 ${e_p99} ms   (non-2xx ${e_bad})
  clustered at zoom 10    ${c_rps} req/s   p50 ${c_p50} ms   p99 ${c_p99} ms   (non-2xx ${c_bad})
/livez                    ${l_rps} req/s   p99 ${l_p99} ms
bad responses             ${q_bad} (partner query; plus ${q_sock} socket errors; /livez non-2xx ${l_bad}, socket errors ${l_sock})
SUMMARY

if (( q_bad > 0 || r_bad > 0 )); then
    echo "FAILED: ${q_bad} bad partner-query responses, ${r_bad} bad reachable ones" >&2
    exit 1
fi
