#!/usr/bin/env bash
# The JSON API's throughput: POST /api/v1/check with a 20 KB report, as
# many as wrk can send over CONNECTIONS connections for DURATION, with the
# server and the load generator on this machine. Prints requests/s and
# the latency percentiles (p50 p90 p99 p99.9). Not a test: the figure
# depends on the machine and on what else runs; README "Performance of the
# JSON API" gives the one measured. It also prints the server's CPU time
# per request (from /proc), which other processes on a shared machine do
# not change: the capacity of the cores when the server has them alone.
#
# The report: REPORT=FILE, or the first 20 KB (to a line's end) of the
# seed report 002 in ../shared/seeds, or, without ../shared, of the
# bundled examples put together.
# Usage: bench/api/run.sh   (DURATION=30s CONNECTIONS=8 THREADS=1 REPORT=…)
# Installs wrk from Debian when it is missing (apt-get, as root).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-1}
SIZE=${SIZE:-20480}

if ! command -v wrk >/dev/null 2>&1; then
  command -v apt-get >/dev/null 2>&1 || { echo "wrk is missing and apt-get is not available: install wrk"; exit 1; }
  echo "installing wrk (Debian)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wrk >/dev/null ||
    { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wrk >/dev/null; }
fi

work=$(mktemp -d)
pid=
cleanup() {
  if [[ -n $pid ]]; then kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# The first SIZE bytes of a report, cut at a line's end.
cut_report() {
  head -c "$SIZE" "$@" | sed '$d' >"$work/report.txt"
}
if [[ -n ${REPORT:-} ]]; then
  cp "$REPORT" "$work/report.txt"
elif [[ -f ../shared/seeds/002_f7a6677d878e2b53.txt ]]; then
  cut_report ../shared/seeds/002_f7a6677d878e2b53.txt
else
  cut_report examples/qinghe-2024.txt examples/shiqiao-2025.txt examples/qinghe-2024h1.txt
fi
export REPORT=$work/report.txt

go build -o "$work/zongjie" ./cmd/zongjie
# The server runs in an empty folder: no zongjie.toml, no database.
(cd "$work" && exec ./zongjie serve --addr 127.0.0.1:0 >"$work/out" 2>/dev/null) &
pid=$!
url=
for _ in $(seq 100); do
  url=$(sed -n 's#.*\(http://127\.0\.0\.1:[0-9]*/\).*#\1#p' "$work/out")
  [[ -n $url ]] && break
  sleep 0.1
done
[[ -n $url ]] || { echo "the server did not start"; exit 1; }

echo "report: $(wc -c <"$REPORT") bytes, $(wc -m <"$REPORT") characters; server $url; $(nproc) cores; wrk -t$THREADS -c$CONNECTIONS -d$DURATION"
# Warm up (and check the answer once).
wrk -t1 -c1 -d2s -s "$root/bench/api/check.lua" "$url" | grep -q "0 status" || { echo "the warm-up got errors"; exit 1; }
# The server's CPU time (user + system, in clock ticks) so far.
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
tick=$(getconf CLK_TCK)
before=$(cpu)
out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$root/bench/api/check.lua" "$url")
after=$(cpu)
echo "$out" | sed -n '/^requests\|^latency\|^errors/p'
n=$(echo "$out" | sed -n 's/^requests \([0-9]*\) in.*/\1/p')
awk -v c=$((after - before)) -v t="$tick" -v n="$n" -v cores="$(nproc)" -v size="$(wc -c <"$REPORT")" 'BEGIN {
  ms = 1000 * c / t / n
  printf "server CPU: %.2f ms per request (%.1f MB/s of reports per core): %.0f requests/s on %d cores with nothing else running\n", ms, size / 1000 / ms, 1000 * cores / ms, cores }'
