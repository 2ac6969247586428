package app

import "time"

// WithWarmed returns o with a function called after each background
// computation of the desk's figures (Options.WarmDesk), for tests.
func WithWarmed(o Options, f func()) Options {
	o.warmed = f
	return o
}

// WithWarmTimes returns o with the background computation's quiet time
// and longest wait (warmQuiet, warmMax) replaced, for tests.
func WithWarmTimes(o Options, quiet, most time.Duration) Options {
	o.warmQuiet, o.warmMax = quiet, most
	return o
}
