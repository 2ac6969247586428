#!/usr/bin/env bash
# Counts the instructions per input byte that extraction executes, with
# valgrind's callgrind: unlike wall-clock time on a shared VM, the count is
# the same on every run, so it shows whether a change made the code faster.
# Each set (seeds, national, province) is processed exactly five times
# (TestWorkload in extract/bench_test.go); GC is off so that collection
# timing does not move the count; asynchronous preemption and a second
# processor are off, because preemption signals land inside the counted
# code at times that depend on the machine.
# Usage: bench/instructions.sh [set...]   (needs valgrind and ../shared)
set -euo pipefail
cd "$(dirname "$0")/.."
sets=${*:-seeds national province}
go test -c -o /tmp/zongjie-extract.test ./extract
cd extract
for s in $sets; do
  out=$(ZONGJIE_WORKLOAD=$s GOGC=off GODEBUG=asyncpreemptoff=1 GOMAXPROCS=1 valgrind --tool=callgrind --callgrind-out-file=/dev/null \
    --toggle-collect='zongjie/extract.File' --toggle-collect='zongjie/reader.Read' \
    /tmp/zongjie-extract.test -test.run '^TestWorkload$' -test.v 2>&1)
  ir=$(echo "$out" | sed -n 's/.*Collected : \([0-9]*\).*/\1/p')
  bytes=$(echo "$out" | sed -n 's/.*bytes \([0-9]*\).*/\1/p')
  echo "$s: $(awk -v ir="$ir" -v by="$bytes" 'BEGIN{printf "%.1f", ir/by}') instructions/byte ($ir instructions, $bytes bytes)"
done
