#!/usr/bin/env bash
# How contact submissions are rate-limited: serves a fresh SQLite database,
# sends ATTEMPTS contact requests one after the other from one address and
# reports how many were accepted before the first RATE_LIMITED (and its
# Retry-After), then floods requestContact with wrk for DURATION and reports
# the throughput of refusals. Figures to report, not to assert.
#
# Usage: scripts/contact-limit.sh
# Environment:
#   PORT                        port to serve on (default 18183)
#   ATTEMPTS                    sequential submissions (default 10)
#   DURATION                    length of the wrk flood (default 10s)
#   WAPI_CONTACT_LIMIT_PER_IP   contacts per hour per address (the server's default: 5)
set -euo pipefail

PORT="${PORT:-18183}"
ATTEMPTS="${ATTEMPTS:-10}"
DURATION="${DURATION:-10s}"
BASE="http://127.0.0.1:${PORT}"
cd "$(dirname "${BASH_SOURCE[0]}")/.."

source scripts/lib/serve.sh
source scripts/lib/wrk.sh
ensure_wrk
require_free_port "$PORT"
build_release
# Only the contact limit is under study: the overall one is out of the way.
start_server "sqlite://$scratch/wapi.db?mode=rwc" "$PORT" WAPI_RATE_LIMIT_PER_IP=1000000000
wait_ready 60

graphql() { curl -s -D "$scratch/headers" -H 'Content-Type: application/json' --data-binary "$1" "$BASE/graphql"; }
offer="$(graphql '{"query":"{ offers(first: 50) { edges { node { id audiences operator { email } } } } }"}' | python3 -c '
import json, sys
edges = json.load(sys.stdin)["data"]["offers"]["edges"]
node = next(e["node"] for e in edges if e["node"]["operator"]["email"] and e["node"]["audiences"])
print(json.dumps([node["id"], node["audiences"][0]]))')"
read -r offer_id audience < <(python3 -c 'import json,sys; a=json.loads(sys.argv[1]); print(a[0], a[1])' "$offer")
body="$(python3 -c '
import json, sys
print(json.dumps({"query": "mutation($input: ContactRequestInput!) { requestContact(input: $input) { mode } }",
  "variables": {"input": {"offerId": sys.argv[1], "audience": sys.argv[2], "desiredPeriod": "mesure",
  "message": "Mesure du rate limit", "requester": {"name": "Charge", "email": "charge@example.org"}}}}))' "$offer_id" "$audience")"

accepted=0; first_limited=""
for i in $(seq "$ATTEMPTS"); do
    answer="$(graphql "$body")"
    if grep -q RATE_LIMITED <<<"$answer"; then
        [[ -z "$first_limited" ]] && first_limited="$i (Retry-After: $(tr -d '\r' <"$scratch/headers" | sed -n 's/^retry-after: //Ip'))"
    else
        accepted=$((accepted + 1))
    fi
done
printf '%s' "$body" >"$scratch/body.json"
cat >"$scratch/contact.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [==[$(cat "$scratch/body.json")]==]
LUA
flood="$(wrk -t2 -c16 -d"$DURATION" -s "$scratch/contact.lua" "$BASE/graphql" | sed -n 's/^Requests\/sec: *//p')"
stored="$(curl -s -H 'Content-Type: application/json' --data-binary '{"query":"{ __typename }"}' "$BASE/metrics" >/dev/null; curl -s "$BASE/metrics" | grep -c 'RATE_LIMITED' || true)"
cat <<SUMMARY
== contact submissions from one address (limit: ${WAPI_CONTACT_LIMIT_PER_IP:-5} per hour)
accepted in a row          ${accepted} of ${ATTEMPTS}
first refused              attempt ${first_limited:-none}
refusal throughput (wrk)   ${flood} req/s over ${DURATION} (all RATE_LIMITED, nothing stored)
metrics lines with RATE_LIMITED: ${stored}
SUMMARY
