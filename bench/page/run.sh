#!/usr/bin/env bash
# The report page in the browser: how long a report of CHARS characters
# (default 60,000) with about FINDINGS findings (default 500) takes to
# become interactive in Chromium. Builds zongjie, generates the report
# (bench/page/gen, from the project's own examples), starts `zongjie
# serve` on a new SQLite store in a temporary folder, uploads the report
# and opens its page RUNS times (default 7, after one warm-up) in Debian's
# headless Chromium, driven by playwright-core (bench/page/page.mjs; see
# there for each figure). Prints each load's navigation timings, long
# tasks and main-thread times, and their median. Not a test: the figure
# depends on the machine and on what else runs (the load average is
# printed with it); README "Performance" gives the one measured.
# Usage: bench/page/run.sh   (RUNS=7 CHARS=60000 FINDINGS=500)
# Needs what the end-to-end test needs: `make e2e-deps`.
set -euo pipefail
cd "$(dirname "$0")/../.."
CHARS=${CHARS:-60000}
FINDINGS=${FINDINGS:-500}
export RUNS=${RUNS:-7}

[[ -x /usr/bin/chromium ]] || { echo "Chromium is missing: run make e2e-deps"; exit 1; }
command -v node >/dev/null 2>&1 || { echo "node is missing: run make e2e-deps"; exit 1; }
[[ -f e2e/node_modules/playwright-core/package.json ]] || { echo "e2e/node_modules is missing: run make e2e-deps"; exit 1; }

work=$(mktemp -d)
pid=
cleanup() {
  if [[ -n $pid ]]; then kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

go build -o "$work/zongjie" ./cmd/zongjie
go run ./bench/page/gen -chars "$CHARS" -findings "$FINDINGS" -out "$work/报告.txt"
# The server runs in an empty folder: no zongjie.toml, a new database.
(cd "$work" && exec ./zongjie serve --addr 127.0.0.1:0 --db "$work/page.db" >"$work/out" 2>"$work/err") &
pid=$!
url=
for _ in $(seq 100); do
  url=$(sed -n 's#.*\(http://127\.0\.0\.1:[0-9]*/\).*#\1#p' "$work/out")
  [[ -n $url ]] && break
  sleep 0.1
done
[[ -n $url ]] || { echo "the server did not start"; cat "$work/err"; exit 1; }
echo "server $url; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); $(/usr/bin/chromium --version 2>/dev/null)"
ZONGJIE_URL=$url ZONGJIE_SERVER_PID=$pid ZONGJIE_REPORT="$work/报告.txt" node bench/page/page.mjs
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
