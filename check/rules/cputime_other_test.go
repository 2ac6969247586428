//go:build !unix

package rules_test

import "time"

var origin = time.Now()

// cpuTime falls back to the wall clock where rusage is not at hand.
func cpuTime() time.Duration { return time.Since(origin) }
