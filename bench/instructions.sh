#!/usr/bin/env bash
# Counts the instructions per input byte that extraction or a check
# executes, with valgrind's callgrind: unlike wall-clock time on a shared
# VM, the count is the same on every run, so it shows whether a change made
# the code faster.
# Each set is processed exactly five times (TestWorkload in
# extract/bench_test.go and check/rules/bench_test.go); GC is off so that
# collection timing does not move the count; asynchronous preemption and a
# second processor are off, because preemption signals land inside the
# counted code at times that depend on the machine.
#   extract sets: seeds national province (counts extract.File and reader.Read)
#   check sets:   seeds corpus (counts the whole test, reading included:
#                 the rules run in goroutines, which a toggle cannot follow)
# Usage: bench/instructions.sh [extract|check] [set...]   (needs valgrind and ../shared)
# Add CALLGRIND_OUT=FILE to keep the profile for callgrind_annotate.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=extract
if [[ ${1:-} == extract || ${1:-} == check ]]; then
  mode=$1
  shift
fi
if [[ $mode == extract ]]; then
  pkg=./extract dir=extract sets=${*:-seeds national province}
  toggle=(--toggle-collect='zongjie/extract.File' --toggle-collect='zongjie/reader.Read')
else
  pkg=./check/rules dir=check/rules sets=${*:-seeds corpus}
  toggle=()
fi
go test -c -o /tmp/zongjie-$mode.test "$pkg"
cd "$dir"
for s in $sets; do
  out=$(ZONGJIE_WORKLOAD=$s GOGC=off GODEBUG=asyncpreemptoff=1 GOMAXPROCS=1 valgrind --tool=callgrind \
    --callgrind-out-file="${CALLGRIND_OUT:-/dev/null}" "${toggle[@]}" \
    /tmp/zongjie-$mode.test -test.run '^TestWorkload$' -test.v 2>&1)
  ir=$(echo "$out" | sed -n 's/.*Collected : \([0-9]*\).*/\1/p')
  bytes=$(echo "$out" | sed -n 's/.*bytes \([0-9]*\).*/\1/p')
  echo "$mode $s: $(awk -v ir="$ir" -v by="$bytes" 'BEGIN{printf "%.1f", ir/by}') instructions/byte ($ir instructions, $bytes bytes)"
done
