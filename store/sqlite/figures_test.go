package sqlite

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"

	"zongjie/store"
	"zongjie/store/storetest"
)

// TestFiguresSince: the desk's figures kept by a server are updated with
// what changed since it read them, written by this handle or by another
// on the same file (another process).
func TestFiguresSince(t *testing.T) {
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
	storetest.FiguresSince(t, s, other)
}

// TestFiguresSinceRestore: after a restore, a mark of before is of no use
// (the restored figures were marked with counts of their own), and the
// read gives every report's figures, the backup's.
func TestFiguresSinceRestore(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path, backup := filepath.Join(dir, "z.db"), filepath.Join(dir, "backup.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	id, _, err := s.Put(ctx, storetest.Synthetic(1))
	if err != nil {
		t.Fatal(err)
	}
	put := func(stamp string) {
		t.Helper()
		if err := s.PutFigures(ctx, []store.Figures{{Report: id, Stamp: stamp, Data: json.RawMessage(`{}`)}}); err != nil {
			t.Fatal(err)
		}
	}
	put("backed up")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	put("after the backup")
	d, err := s.FiguresSince(ctx, "")
	if err != nil || len(d.Figures) != 1 || d.Figures[0].Stamp != "after the backup" {
		t.Fatalf("before the restore: %+v, %v", d, err)
	}
	if err := Restore(ctx, path, backup); err != nil {
		t.Fatal(err)
	}
	d, err = s.FiguresSince(ctx, d.Mark)
	if err != nil {
		t.Fatal(err)
	}
	if !d.All || len(d.Figures) != 1 || d.Figures[0].Stamp != "backed up" {
		t.Errorf("after the restore: %+v; want every report's figures, the backup's", d)
	}
}
