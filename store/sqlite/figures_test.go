package sqlite

import (
	"path/filepath"
	"testing"

	"zongjie/store/storetest"
)

// TestFiguresVersion: the desk's figures kept by a server are read again
// when the version changes, written by this handle or by another on the
// same file (another process).
func TestFiguresVersion(t *testing.T) {
	path := filepath.Join(t.TempDir(), "z.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	other, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	storetest.FiguresVersion(t, s, other)
}
