#!/usr/bin/env bash
# Hostile fan-out: how fast the server refuses a document that would fan out
# into millions of objects (an operator's offers, each offer's operator,
# seven levels deep), and the server's peak memory while 20 of them arrive
# at once.
#
# Usage: scripts/fan-out.sh
# Environment:
#   PORT             port to serve on (default 18185)
#   LEVELS           levels of offers → operator (default 7)
#   MAX_SECONDS      how long to wait for the 20 answers (default 30): a
#                    server without a cost model never answers them
#   MAX_RSS_MB       the server is killed past this resident size (default 4096)
#   WAPI_BINARY      serve this binary instead of building this checkout's
set -euo pipefail

PORT="${PORT:-18185}"
LEVELS="${LEVELS:-7}"
MAX_SECONDS="${MAX_SECONDS:-30}"
MAX_RSS_MB="${MAX_RSS_MB:-4096}"

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/serve.sh
require_free_port "$PORT"
build_release
# Every request comes from one address; the per-address quota would refuse
# them before the cost model is reached.
start_server "sqlite://$scratch/wapi.db?mode=rwc" "$PORT" WAPI_RATE_LIMIT_PER_IP=0
wait_ready 300

# The operator of the demo data with the most offers.
operator="$(curl -fsS -H 'Content-Type: application/json' \
    --data '{"query":"{ operators(first: 100) { edges { node { id offers { id } } } } }"}' \
    "$server_url/graphql" | python3 -c '
import json, sys
edges = json.load(sys.stdin)["data"]["operators"]["edges"]
print(max(edges, key=lambda e: len(e["node"]["offers"]))["node"]["id"])')"

selection="name"
for _ in $(seq "$LEVELS"); do selection="offers { operator { ${selection} } }"; done
printf '{"query":"query($id: ID!) { node(id: $id) { ... on Operator { %s } } }","variables":{"id":"%s"}}' \
    "$selection" "$operator" >"$scratch/fan-out.json"

resident_mb() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$server_pid/status" 2>/dev/null || echo gone; }
peak_mb() { awk '/^VmHWM:/ { printf "%.1f", $2 / 1024 }' "/proc/$server_pid/status" 2>/dev/null || echo gone; }

echo "RSS before: $(resident_mb) MB"

# Latency of one refusal, sequentially, 50 times.
for _ in $(seq 50); do
    curl -s -o /dev/null -w '%{time_total}\n' --max-time "$MAX_SECONDS" \
        -H 'Content-Type: application/json' --data-binary "@$scratch/fan-out.json" "$server_url/graphql" \
        >>"$scratch/latency.txt" || { echo "a single fan-out did not answer in ${MAX_SECONDS} s" >&2; break; }
    rss="$(resident_mb)"
    [[ "$rss" != gone ]] && (( $(printf '%.0f' "$rss") < MAX_RSS_MB )) || break
done
single_answers="$(wc -l <"$scratch/latency.txt")"

# Twenty at once, while the peak resident size is watched.
clients=()
for i in $(seq 20); do
    curl -s -o "$scratch/answer-$i.json" --max-time "$MAX_SECONDS" \
        -H 'Content-Type: application/json' --data-binary "@$scratch/fan-out.json" "$server_url/graphql" &
    clients+=("$!")
done
still_waiting() {
    local pid
    for pid in "${clients[@]}"; do kill -0 "$pid" 2>/dev/null && return 0; done
    return 1
}
killed=""
deadline=$((SECONDS + MAX_SECONDS))
while (( SECONDS < deadline )) && still_waiting; do
    rss="$(resident_mb)"
    if [[ "$rss" == gone ]]; then break; fi
    if (( $(printf '%.0f' "$rss") > MAX_RSS_MB )); then
        killed="killed past ${MAX_RSS_MB} MB"
        peak_before_kill="$(peak_mb)"
        kill -KILL "$server_pid"
        break
    fi
    sleep 0.1
done
wait "${clients[@]}" 2>/dev/null || true
peak="${peak_before_kill:-$(peak_mb)}"
refused="$(grep -l '"QUERY_TOO_COSTLY"' "$scratch"/answer-*.json 2>/dev/null | wc -l)"

cat <<SUMMARY

== summary ($("$wapi" --version), ${LEVELS} levels)
single refusal          $(sort -n "$scratch/latency.txt" | awk '{ a[NR] = $1 } END { if (NR) printf "median %.2f ms, max %.2f ms over %d", a[int((NR + 1) / 2)] * 1000, a[NR] * 1000, NR; else print "no answer" }') (of ${single_answers} answered)
20 at once: refused     ${refused} of 20
peak RSS (VmHWM)        ${peak} MB ${killed}
SUMMARY
