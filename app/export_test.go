package app

// WithWarmed returns o with a function called after each background
// computation of the desk's figures (Options.WarmDesk), for tests.
func WithWarmed(o Options, f func()) Options {
	o.warmed = f
	return o
}
