#!/usr/bin/env bash
# Counts the instructions per input byte that extraction or a whole check
# executes, with valgrind's callgrind: unlike wall-clock time on a shared
# VM, the count is the same on every run, so it shows whether a change made
# the code faster.
#
# What it counts: the package's TestWorkload (extract/bench_test.go,
# check/rules/bench_test.go) run under callgrind, once processing the set
# RUNS times (default 5) and once 0 times; the difference, divided by
# RUNS × the set's bytes, is the cost per byte of processing a file from
# its bytes (the first figure printed):
#   extract: reader.Read + extract.File of every file of the set
#   check:   reader.Read + extract.FileWith (without the targets and the
#            unit, names on demand, as zongjie check and the API extract)
#            + check.Run of every file, with the
#            default rules (RULES=default, what `zongjie check` and the web
#            app run without a zongjie.toml), every rule on (RULES=all) or
#            the defaults with TY008 on (RULES=ty008: what TY008 adds)
# Everything else the test does (the process starting, package variables,
# reading the files from disk) is in both runs and cancels out; tables
# built lazily on first use are counted once, shared by the RUNS passes.
# A third run, of one pass, splits the count: the cost of a pass once
# warm (what a long-running server pays for each request: (RUNS passes -
# 1 pass) / (RUNS - 1)), and what the first pass costs besides (tables
# and data loaded on first use, which a command pays every time).
# No function name is involved (an earlier version toggled collection on
# extract.File, which the compiler came to inline: it counted reader.Read
# alone). GC is off so that collection timing does not move the count;
# asynchronous preemption and a second processor are off, because
# preemption signals land inside the counted code at times that depend on
# the machine.
#   extract sets: seeds national province examples (default: seeds national province)
#   check sets:   seeds corpus examples (default: all three)
# Usage: [RULES=default|all|ty008] [RUNS=5] bench/instructions.sh [extract|check] [set...]
# (needs valgrind, and ../shared for every set but examples). Add
# CALLGRIND_OUT=FILE to keep the profile of the counted run for
# callgrind_annotate (it holds the uncounted part too; compare with
# FILE.base, the run with 0 passes).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=extract
if [[ ${1:-} == extract || ${1:-} == check ]]; then
  mode=$1
  shift
fi
runs=${RUNS:-5}
rules=${RULES:-default}
if [[ $mode == extract ]]; then
  pkg=./extract dir=extract sets=${*:-seeds national province}
  label=extract
else
  pkg=./check/rules dir=check/rules sets=${*:-seeds corpus examples}
  label="check ($rules rules)"
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bin=$tmp/zongjie-$mode.test
go test -c -o "$bin" "$pkg"
cd "$dir"
# count RUNS OUT: prints the instructions and the bytes of one run.
count() {
  local out ir by
  out=$(ZONGJIE_WORKLOAD=$s ZONGJIE_WORKLOAD_RUNS=$1 ZONGJIE_WORKLOAD_RULES=$rules GOGC=off \
    GODEBUG=asyncpreemptoff=1,cpu.rdtscp=off GOMAXPROCS=1 valgrind --tool=callgrind --callgrind-out-file="$2" \
    "$bin" -test.run '^TestWorkload$' -test.v 2>&1)
  if ! grep -q -- '--- PASS: TestWorkload' <<<"$out"; then
    echo "$out" >&2
    echo "bench/instructions.sh: the workload $s did not run" >&2
    exit 1
  fi
  ir=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' <<<"$out")
  by=$(sed -n 's/.*bytes \([0-9]*\).*/\1/p' <<<"$out")
  echo "$ir $by"
}
for s in $sets; do
  out=${CALLGRIND_OUT:-/dev/null}
  base=/dev/null
  [[ $out != /dev/null ]] && base=$out.base
  n=$(count "$runs" "$out")
  n1=$(count 1 /dev/null)
  n0=$(count 0 "$base")
  read -r ir bytes <<<"$n"
  read -r ir1 bytes1 <<<"$n1"
  read -r ir0 _ <<<"$n0"
  awk -v label="$label $s" -v runs="$runs" -v ir="$ir" -v ir1="$ir1" -v ir0="$ir0" -v by="$bytes" -v by1="$bytes1" 'BEGIN{
    warm = (ir - ir1) / (by - by1)
    printf "%s: %.1f instructions/byte over %d runs (%d instructions, %d bytes); %.1f a run once warm, %.1f million once (tables made on first use)\n",
      label, (ir - ir0) / by, runs, ir - ir0, by, warm, (ir1 - ir0 - warm * by1) / 1e6
  }'
done
