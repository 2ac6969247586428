// Package memlimit keeps a server's soft memory limit (debug.SetMemoryLimit)
// a fixed headroom above what the last collection found live.
//
// A server collecting at GOGC=400 lets its heap grow to five times what
// is live before each collection, which keeps the collector cheap; but
// whatever is live — the stores' caches growing with the store, the
// requests in flight when a collection starts — is then multiplied by
// five in the resident memory, which climbs over minutes although little
// more is kept. With a limit of live + headroom, the heap grows to five
// times the live data while that is small and by headroom at most once
// it is larger: resident memory follows what is live one for one, not
// five for one, and the runtime returns to the system what is above the
// limit.
package memlimit

import (
	"context"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// Limit is the soft limit for live bytes of heap found live by the last
// collection and other bytes of the runtime's own (stacks, metadata):
// live + other + headroom, at most max.
func Limit(live, other, headroom, max uint64) int64 {
	return int64(min(live+other+headroom, max))
}

// samples are the runtime's figures Run reads.
var names = []string{
	"/gc/cycles/total:gc-cycles",
	"/gc/heap/live:bytes",
	"/memory/classes/total:bytes",
	"/memory/classes/heap/objects:bytes",
	"/memory/classes/heap/unused:bytes",
	"/memory/classes/heap/free:bytes",
	"/memory/classes/heap/released:bytes",
}

// Set sets the limit from what the last collection found live, and
// returns it; cycle is the number of collections so far.
func Set(headroom, max uint64) (limit int64, cycle uint64) {
	s := make([]metrics.Sample, len(names))
	for i, n := range names {
		s[i].Name = n
	}
	metrics.Read(s)
	v := func(i int) uint64 {
		if s[i].Value.Kind() != metrics.KindUint64 {
			return 0
		}
		return s[i].Value.Uint64()
	}
	heap := v(3) + v(4) + v(5) + v(6)
	other := uint64(0)
	if total := v(2); total > heap {
		other = total - heap
	}
	limit = Limit(v(1), other, headroom, max)
	debug.SetMemoryLimit(limit)
	return limit, v(0)
}

// Run keeps the limit at headroom above what each collection finds live
// (checked every period), at most max, until ctx is done.
func Run(ctx context.Context, headroom, max uint64, period time.Duration) {
	_, last := Set(headroom, max)
	t := time.NewTicker(period)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		var c [1]metrics.Sample
		c[0].Name = names[0]
		metrics.Read(c[:])
		if c[0].Value.Kind() == metrics.KindUint64 && c[0].Value.Uint64() != last {
			_, last = Set(headroom, max)
		}
	}
}
