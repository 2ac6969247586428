#!/bin/sh
# kill-serve.sh [KILLS [STORE]] — kill `zongjie serve` with SIGKILL while 20
# clients upload reports and apply fixes, KILLS times (default 60), and
# after each kill check the database as the next process finds it:
# `zongjie db check` passes, every upload and version the server
# acknowledged is stored with its text, nothing is stored half or that no
# client sent; after each restart the server serves what was acknowledged.
# STORE is sqlite (default) or postgres (a fresh database on the server of
# ZONGJIE_TEST_POSTGRES, else 127.0.0.1:5432). The harness is TestKillServe
# (cmd/zongjie/killserve_test.go), which `go test` runs with five kills
# (three on PostgreSQL); this is the long loop, outside the test suite.
set -eu
cd "$(dirname "$0")/.."
KILLS=${1:-60}
case ${2:-sqlite} in
sqlite) TEST=TestKillServe ;;
postgres) TEST=TestKillServePostgres ;;
*) echo "usage: $0 [KILLS [sqlite|postgres]]" >&2; exit 2 ;;
esac
GO=${GO:-$(command -v go 2>/dev/null || echo /usr/local/go/bin/go)}
ZONGJIE_KILL_LOOPS=$KILLS "$GO" test ./cmd/zongjie -run "^$TEST\$" -count=1 -v -timeout 0
