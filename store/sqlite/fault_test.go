package sqlite

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"zongjie/store"
	"zongjie/store/storetest"
)

// readOnlyDB makes a database of three reports at path and closes it.
func readOnlyDB(t *testing.T, path string) {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		if _, _, err := s.Put(context.Background(), storetest.Synthetic(i)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

// checkReadOnly opens the database at path, which cannot be written, and
// checks that it reads and that every kind of write fails with an error
// store.Fault tells as read-only.
func checkReadOnly(t *testing.T, path string, want int) {
	t.Helper()
	ctx := context.Background()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("open a read-only database: %v", err)
	}
	defer s.Close()
	if n, err := s.Count(ctx); err != nil || n != want {
		t.Errorf("Count: %d, %v", n, err)
	}
	list, err := s.List(ctx, store.Filter{})
	if err != nil || len(list) != want {
		t.Fatalf("List: %d, %v", len(list), err)
	}
	if r, err := s.Get(ctx, list[0].ID); err != nil || r.Text == "" {
		t.Errorf("Get: %v", err)
	}
	if err := s.Verify(ctx); err != nil {
		t.Errorf("Verify: %v", err)
	}
	_, _, err = s.Put(ctx, storetest.Synthetic(9))
	if store.Fault(err) != store.ErrReadOnly {
		t.Errorf("Put: %v, want a read-only fault", err)
	}
	if err := s.PutFigures(ctx, []store.Figures{{Report: list[0].ID, Stamp: "x", Data: []byte("{}")}}); store.Fault(err) != store.ErrReadOnly {
		t.Errorf("PutFigures: %v, want a read-only fault", err)
	}
	if err := s.Trash(ctx, list[0].ID); store.Fault(err) != store.ErrReadOnly {
		t.Errorf("Trash: %v, want a read-only fault", err)
	}
	if n, err := s.Count(ctx); err != nil || n != want {
		t.Errorf("Count after the writes: %d, %v", n, err)
	}
}

// Ensure a database file whose mode forbids writing opens read-only. The
// superuser writes whatever the mode, so it skips as root (the read-only
// mount below covers it there).
func TestReadOnlyFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes a file whatever its mode: TestReadOnlyMount covers a read-only database as root")
	}
	path := filepath.Join(t.TempDir(), "z.db")
	readOnlyDB(t, path)
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	checkReadOnly(t, path, 3)
}

// mountTmpfs mounts a tmpfs of size at a temporary folder, unmounted when
// the test ends, or skips the test where that is not allowed (not root,
// no mount).
func mountTmpfs(t *testing.T, size string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a tmpfs needs root")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs: %v %s", err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v %s", dir, err, out)
		}
	})
	return dir
}

// Ensure a database on a read-only file system opens and reads, with its
// write-ahead log beside it or not (then immutable: SQLite cannot make
// the shared-memory file there), and refuses writes as read-only.
func TestReadOnlyMount(t *testing.T) {
	for _, withWAL := range []bool{false, true} {
		dir := mountTmpfs(t, "16m")
		path := filepath.Join(dir, "z.db")
		readOnlyDB(t, path)
		if withWAL {
			// A process killed with the log unmerged: copy the files as
			// they are while a connection holds them open.
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			if _, _, err := s.Put(context.Background(), storetest.Synthetic(5)); err != nil {
				t.Fatal(err)
			}
			// Copy the three files as they are, the log unmerged, as a
			// process killed would leave them.
			for _, suffix := range []string{"", "-wal", "-shm"} {
				data, err := os.ReadFile(path + suffix)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path+".copy"+suffix, data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			s.Close()
			path += ".copy"
		}
		if out, err := exec.Command("mount", "-o", "remount,ro", dir).CombinedOutput(); err != nil {
			t.Fatalf("remount read-only: %v %s", err, out)
		}
		if want := map[bool]fileMode{false: immutable, true: readOnly}[withWAL]; openMode(path) != want {
			t.Errorf("with the log %v: mode %d, want %d", withWAL, openMode(path), want)
		}
		checkReadOnly(t, path, map[bool]int{false: 3, true: 4}[withWAL])
	}
}

// Ensure a full database (SQLite's max_page_count reached: what a full
// disk gives, SQLITE_FULL) refuses writes with a fault store.Fault tells
// as full, keeps what it held and reads on, and writes again once there
// is room.
func TestFull(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	if _, _, err := s.Put(ctx, storetest.Synthetic(1)); err != nil {
		t.Fatal(err)
	}
	var pages int
	if err := s.w.QueryRowContext(ctx, "PRAGMA page_count").Scan(&pages); err != nil {
		t.Fatal(err)
	}
	if _, err := s.w.ExecContext(ctx, "PRAGMA max_page_count = "+strconv.Itoa(pages)); err != nil {
		t.Fatal(err)
	}
	full := 0
	for i := 2; i < 40; i++ {
		if _, _, err := s.Put(ctx, storetest.Synthetic(i)); err != nil {
			if store.Fault(err) != store.ErrFull {
				t.Fatalf("Put %d: %v, want a full fault", i, err)
			}
			full++
		}
	}
	if full == 0 {
		t.Fatal("no write failed: the test proved nothing")
	}
	n, err := s.Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Verify(ctx); err != nil {
		t.Fatalf("after %d writes refused: %v", full, err)
	}
	if _, err := s.w.ExecContext(ctx, "PRAGMA max_page_count = 1073741823"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Put(ctx, storetest.Synthetic(100)); err != nil {
		t.Fatalf("with room again: %v", err)
	}
	if m, _ := s.Count(ctx); m != n+1 {
		t.Errorf("%d reports, want %d", m, n+1)
	}
}

// Ensure Verify checks the full-text index of a read-only database as of
// a writable one: SQLite's integrity check runs FTS5's own check (the
// xIntegrity method, SQLite 3.44 and later), which needs no write. A
// block of the index damaged is found either way; a database that cannot
// be written is one whose mode forbids it, or, as root (who writes
// whatever the mode), one on a read-only mount.
func TestVerifyIndexReadOnly(t *testing.T) {
	ctx := context.Background()
	for _, readOnly := range []bool{false, true} {
		var dir string
		if readOnly && os.Geteuid() == 0 {
			dir = mountTmpfs(t, "16m")
		} else {
			dir = t.TempDir()
		}
		path := filepath.Join(dir, "z.db")
		readOnlyDB(t, path)
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.w.ExecContext(ctx, `UPDATE paragraph_index_data SET block = x'00'
			WHERE id = (SELECT min(id) FROM paragraph_index_data WHERE id > 10)`); err != nil {
			t.Fatal(err)
		}
		s.Close()
		if readOnly {
			if os.Geteuid() == 0 {
				if out, err := exec.Command("mount", "-o", "remount,ro", dir).CombinedOutput(); err != nil {
					t.Fatalf("remount read-only: %v %s", err, out)
				}
			} else if err := os.Chmod(path, 0o444); err != nil {
				t.Fatal(err)
			}
		}
		s, err = Open(path)
		if err != nil {
			t.Fatal(err)
		}
		if s.readOnly != readOnly {
			t.Fatalf("opened read-only %v, want %v", s.readOnly, readOnly)
		}
		err = s.Verify(ctx)
		s.Close()
		if err == nil || !strings.Contains(err.Error(), "fts5") {
			t.Errorf("read-only %v: Verify = %v, want the damaged index found", readOnly, err)
		}
	}
}
