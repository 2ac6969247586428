package memlimit

import (
	"runtime"
	"runtime/debug"
	"testing"
)

func TestLimit(t *testing.T) {
	for _, c := range []struct {
		live, other, headroom, max uint64
		want                       int64
	}{
		{60 << 20, 20 << 20, 256 << 20, 2 << 30, 336 << 20},
		{125 << 20, 20 << 20, 256 << 20, 2 << 30, 401 << 20},
		{0, 0, 256 << 20, 2 << 30, 256 << 20},
		{1900 << 20, 100 << 20, 256 << 20, 2 << 30, 2 << 30}, // at most max
	} {
		if got := Limit(c.live, c.other, c.headroom, c.max); got != c.want {
			t.Errorf("Limit(%d, %d, %d, %d MB) = %d MB, want %d MB", c.live>>20, c.other>>20, c.headroom>>20, c.max>>20, got>>20, c.want>>20)
		}
	}
}

// Ensure Set sets the limit it returns: above the live heap by the
// headroom, and follows more live data after a collection.
func TestSet(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	runtime.GC()
	before, _ := Set(64<<20, 2<<30)
	if got := debug.SetMemoryLimit(-1); got != before || before < 64<<20 {
		t.Fatalf("limit %d, Set returned %d", got, before)
	}
	live := make([]byte, 32<<20)
	runtime.GC()
	after, _ := Set(64<<20, 2<<30)
	if after < before+24<<20 {
		t.Errorf("limit %d MB with 32 MB more live, was %d MB", after>>20, before>>20)
	}
	runtime.KeepAlive(live)
}
