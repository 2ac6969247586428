#!/bin/sh
# kill-add.sh [ROUNDS [FILES]] — kill `zongjie add` with SIGKILL while it
# stores a batch of files, ROUNDS times (default 100, FILES new files a
# round, default 150), and after each kill check the database as the next
# process finds it: the integrity check passes, every file `add --verbose`
# acknowledged is stored whole, nothing is stored half. The harness is
# TestKillAdd (cmd/zongjie/kill_test.go), which `go test` runs with four
# rounds; this is the long loop, outside the test suite.
set -eu
cd "$(dirname "$0")/.."
ROUNDS=${1:-100}
FILES=${2:-150}
GO=${GO:-$(command -v go 2>/dev/null || echo /usr/local/go/bin/go)}
ZONGJIE_KILL_LOOPS=$ROUNDS ZONGJIE_KILL_FILES=$FILES "$GO" test ./cmd/zongjie -run '^TestKillAdd$' -count=1 -v -timeout 0
