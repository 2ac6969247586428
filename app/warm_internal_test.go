package app

import (
	"testing"
	"time"
)

// Ensure the longest wait under a stream of changes is warmMax until a
// computation takes more than a fifth of it, then five times that.
func TestWarmWait(t *testing.T) {
	for _, c := range []struct{ most, last, want time.Duration }{
		{10 * time.Second, 0, 10 * time.Second},
		{10 * time.Second, 2 * time.Second, 10 * time.Second},
		{10 * time.Second, 3 * time.Second, 15 * time.Second},
		{300 * time.Millisecond, time.Second, 5 * time.Second},
	} {
		if got := warmWait(c.most, c.last); got != c.want {
			t.Errorf("warmWait(%v, %v) = %v, want %v", c.most, c.last, got, c.want)
		}
	}
}
