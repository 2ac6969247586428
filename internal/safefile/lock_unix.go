//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package safefile

import (
	"os"
	"syscall"
)

// openNonblock opens path for reading without blocking on a named pipe
// that has no writer (O_NONBLOCK changes nothing for a regular file).
func openNonblock(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}

// lock takes an exclusive advisory lock on f, held until f is closed or
// its process ends.
func lock(f *os.File) {
	syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
}

// inUse reports whether a live process holds the lock on the file at
// path.
func inUse(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return true // cannot tell: leave it
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		return true
	}
	syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	return false
}
