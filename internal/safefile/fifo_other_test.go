//go:build !unix

package safefile

import "testing"

// mkfifo skips the test: there are no named pipes in the file system.
func mkfifo(t *testing.T, path string) {
	t.Helper()
	t.Skip("no named pipes in the file system")
}
