package sqlite

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	sqlite "modernc.org/sqlite"
)

// Backup writes a consistent copy of the database to the file at path
// while the store is in use, by this and other processes: VACUUM INTO a
// temporary file beside path (one read transaction, so a snapshot of one
// moment; writers go on meanwhile), synced, then linked to path — which
// must not exist: a backup never overwrites a file (os.ErrExist). The
// copy is compacted, and checked (CheckFile) before it is given its name.
func (s *Store) Backup(ctx context.Context, path string) error {
	if err := s.backup(ctx, path); err != nil {
		return fmt.Errorf("sqlite: backup to %s: %w", path, err)
	}
	return nil
}

func (s *Store) backup(ctx context.Context, path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	if _, err := os.Lstat(abs); err == nil {
		return os.ErrExist
	}
	tmp, err := tempName(abs)
	if err != nil {
		return err
	}
	defer removeDB(tmp)
	// A connection of its own, so that neither the writer nor a reader
	// of the store is held for the copy's duration.
	db, err := sql.Open("sqlite", dsn(s.path, "_pragma=busy_timeout(10000)"))
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.ExecContext(ctx, `VACUUM INTO ?`, tmp); err != nil {
		return err
	}
	if err := db.Close(); err != nil {
		return err
	}
	if err := CheckFile(ctx, tmp); err != nil {
		return fmt.Errorf("the copy: %w", err)
	}
	if err := syncFile(tmp); err != nil {
		return err
	}
	// A hard link is made only when nothing is at abs: no overwriting,
	// even by a backup made at the same moment.
	if err := os.Link(tmp, abs); err != nil {
		if errors.Is(err, os.ErrExist) {
			return os.ErrExist
		}
		return err
	}
	return syncDir(filepath.Dir(abs))
}

// tempName returns the name of a temporary file beside abs.
func tempName(abs string) (string, error) {
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return filepath.Join(filepath.Dir(abs), "."+filepath.Base(abs)+".tmp-"+hex.EncodeToString(b)), nil
}

// syncFile flushes a file's data to the disk.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	err = f.Sync()
	return errors.Join(err, f.Close())
}

// syncDir flushes a directory's entries to the disk (where the system
// allows it).
func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := f.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) {
		return err
	}
	return nil
}

// CheckFile checks that the file at path is a sound zongjie database that
// this program can open — SQLite's integrity check passes, it has the
// reports table, its schema is not newer than this program's — without
// changing it.
func CheckFile(ctx context.Context, path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	fi, err := os.Stat(abs)
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file", path)
	}
	db, err := sql.Open("sqlite", dsn(abs, "mode=ro", "_pragma=query_only(1)", "_pragma=busy_timeout(10000)"))
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	var version int
	if err := db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil {
		return fmt.Errorf("not a database: %w", err)
	}
	if version > len(migrations) {
		return fmt.Errorf("schema version %d, newer than this program knows (%d): use a newer zongjie", version, len(migrations))
	}
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'reports'`).Scan(&n); err != nil {
		return fmt.Errorf("not a database: %w", err)
	}
	if n == 0 || version == 0 {
		return errors.New("not a zongjie database (no reports table)")
	}
	var res string
	if err := db.QueryRowContext(ctx, `PRAGMA integrity_check(1)`).Scan(&res); err != nil {
		return err
	}
	if res != "ok" {
		return fmt.Errorf("integrity check: %s", res)
	}
	return nil
}

// Restore replaces the content of the database at path (created when
// missing) with that of the backup at from, which is checked first
// (CheckFile) and never changed: a copy of it is brought to this
// program's schema, then copied page by page into the database by
// SQLite's backup interface, in one transaction that other processes
// using the database wait for; they see the restored content when it
// is through, and their caches are emptied (the placement generation
// changes).
func Restore(ctx context.Context, path, from string) error {
	if err := restore(ctx, path, from); err != nil {
		return fmt.Errorf("sqlite: restore %s from %s: %w", path, from, err)
	}
	return nil
}

func restore(ctx context.Context, path, from string) error {
	if err := CheckFile(ctx, from); err != nil {
		return fmt.Errorf("the backup: %w", err)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return err
	}
	tmp, err := tempName(abs)
	if err != nil {
		return err
	}
	defer removeDB(tmp)
	// The copy: made with the backup interface too, so that a backup
	// written in WAL mode is read whole.
	src, err := sql.Open("sqlite", dsn(mustAbs(from), "mode=ro", "_pragma=query_only(1)"))
	if err != nil {
		return err
	}
	defer src.Close()
	if err := copyDB(ctx, src, tmp, false); err != nil {
		return fmt.Errorf("copy the backup: %w", err)
	}
	src.Close()
	// Brought to this program's schema.
	t, err := Open(tmp)
	if err != nil {
		return err
	}
	if err := t.Close(); err != nil {
		return err
	}
	dst, err := Open(abs)
	if err != nil {
		return err
	}
	defer dst.Close()
	if err := copyDB(ctx, dst.w, tmp, true); err != nil {
		return err
	}
	// Every process's units cache reads again: a generation no cache
	// has seen; and every desk's figures (FiguresSince), of an epoch
	// none has seen.
	var b [12]byte
	if _, err := rand.Read(b[:]); err != nil {
		return err
	}
	_, err = dst.w.ExecContext(ctx, `UPDATE placement SET generation = generation + 1 + ?, figures_epoch = ?`,
		int64(binary.LittleEndian.Uint32(b[:4])), int64(binary.LittleEndian.Uint64(b[4:])>>1))
	if err != nil {
		return err
	}
	return dst.Close()
}

// mustAbs returns the absolute form of p, or p.
func mustAbs(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return p
}

// backuper is the driver's connection, which copies databases.
type backuper interface {
	NewBackup(dst string) (*sqlite.Backup, error)
	NewRestore(src string) (*sqlite.Backup, error)
}

// copyDB copies the database db is connected to into the file other
// (backup), or the file other into it (restore), with SQLite's backup
// interface.
func copyDB(ctx context.Context, db *sql.DB, other string, restore bool) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error {
		c, ok := dc.(backuper)
		if !ok {
			return errors.New("the SQLite driver cannot copy databases")
		}
		uri := dsn(other, "_pragma=busy_timeout(10000)")
		var (
			b   *sqlite.Backup
			err error
		)
		if restore {
			b, err = c.NewRestore(uri)
		} else {
			b, err = c.NewBackup(uri)
		}
		if err != nil {
			return err
		}
		_, err = b.Step(-1)
		return errors.Join(err, b.Finish())
	})
}

// removeDB removes a database file and the files SQLite keeps beside it.
func removeDB(path string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(path + suffix)
	}
}
