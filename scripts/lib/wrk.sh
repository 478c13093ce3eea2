# shellcheck shell=bash
# Sourced by the load scripts that drive the server with wrk.

# Installs wrk with apt when it is missing (the package list is refreshed
# only if the first attempt fails).
ensure_wrk() {
    command -v wrk >/dev/null 2>&1 && return 0
    echo "== installing wrk" >&2
    apt-get install -y wrk >&2 || { apt-get update >&2 && apt-get install -y wrk >&2; }
}
