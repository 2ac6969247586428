//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package safefile

import (
	"os"
	"time"
)

// openNonblock opens path after checking that it is not a named pipe or a
// device, which opening could wait on.
func openNonblock(path string) (*os.File, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !Regular(st.Mode()) && !st.IsDir() {
		return nil, &NotRegularError{Path: path, Mode: st.Mode()}
	}
	return os.Open(path)
}

// lock does nothing where advisory locks are not available.
func lock(*os.File) {}

// inUse tells a live write from a stale one by age alone where locks are
// not available: a write takes seconds, not an hour.
func inUse(path string) bool {
	st, err := os.Stat(path)
	return err != nil || time.Since(st.ModTime()) < time.Hour
}
