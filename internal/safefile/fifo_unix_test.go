//go:build unix

package safefile

import (
	"syscall"
	"testing"
)

// mkfifo makes a named pipe.
func mkfifo(t *testing.T, path string) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
}
