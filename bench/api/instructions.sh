#!/usr/bin/env bash
# Counts the instructions a POST /api/v1/check request executes in
# process (http.BenchmarkAPICheck: the HTTP handler chain, reading the
# body, extraction, the rules and the JSON answer; no TCP), with
# valgrind's callgrind: unlike the server's CPU time on a shared machine,
# the count repeats to a few thousandths, so it judges a change.
#
# The report is the one bench/api/run.sh sends (the first 20 KB of seed
# 002, cut at a line's end), or REPORT=FILE. The benchmark runs under
# callgrind with -benchtime=(RUNS+2)x and with 2x: a benchmark written
# with b.Loop is called once whatever the count, setting the server up
# once, so the difference divided by RUNS is the cost of a request once
# warm (tables built on first use, the server's setup and the test's
# start cancel out). GC is off so that
# collection timing does not move the count (the server pays for its
# allocations besides: the figure printed with it is the bytes allocated
# a request), and so are asynchronous preemption and a second processor.
# Usage: bench/api/instructions.sh   (RUNS=50 REPORT=… CALLGRIND_OUT=FILE)
# (needs valgrind). CALLGRIND_OUT keeps the profile of the longer run,
# FILE.base that of the shorter, for callgrind_annotate.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${RUNS:-50}
size=20480
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [[ -n ${REPORT:-} ]]; then
  cp "$REPORT" "$tmp/report.txt"
elif [[ -f ../shared/seeds/002_f7a6677d878e2b53.txt ]]; then
  head -c "$size" ../shared/seeds/002_f7a6677d878e2b53.txt | sed '$d' >"$tmp/report.txt"
else
  head -c "$size" examples/qinghe-2024.txt examples/shiqiao-2025.txt examples/qinghe-2024h1.txt | sed '$d' >"$tmp/report.txt"
fi
bin=$tmp/http.test
go test -c -o "$bin" ./http
cd http
# count N OUT: prints the instructions of N requests (and the test's start).
count() {
  local out
  out=$(ZONGJIE_BENCH_REPORT=$tmp/report.txt GOGC=off GODEBUG=asyncpreemptoff=1,cpu.rdtscp=off GOMAXPROCS=1 \
    valgrind --tool=callgrind --callgrind-out-file="$2" \
    "$bin" -test.run '^$' -test.bench '^BenchmarkAPICheck$' -test.benchtime="$1x" 2>&1)
  if ! grep -q '^PASS' <<<"$out"; then
    echo "$out" >&2
    echo "bench/api/instructions.sh: the benchmark did not run" >&2
    exit 1
  fi
  sed -n 's/.*Collected : \([0-9]*\).*/\1/p' <<<"$out"
}
out=${CALLGRIND_OUT:-/dev/null}
base=/dev/null
[[ $out != /dev/null ]] && base=$out.base
n=$(count $((runs + 2)) "$out")
n1=$(count 2 "$base")
allocs=$(ZONGJIE_BENCH_REPORT=$tmp/report.txt GOMAXPROCS=1 "$bin" -test.run '^$' -test.bench '^BenchmarkAPICheck$' \
  -test.benchtime=200x | sed -n "s/.*[[:space:]]\([0-9]*\) B\/op[[:space:]]*\([0-9]*\) allocs\/op.*/\1 bytes, \2 allocations/p")
awk -v n="$n" -v n1="$n1" -v runs="$runs" -v size="$(wc -c <"$tmp/report.txt")" -v allocs="$allocs" 'BEGIN {
  per = (n - n1) / runs
  printf "POST /api/v1/check (%d bytes): %.3f million instructions a request (%.0f a byte) over %d requests; %s a request\n",
    size, per / 1e6, per / size, runs, allocs }'
