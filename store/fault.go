package store

import (
	"errors"
	"syscall"
)

// Faults of the database rather than of the request: writes fail while
// reads go on. A store's error says so when errors.Is finds one of these
// in it, or when Fault recognises the driver's error.
var (
	// ErrReadOnly: the database cannot be written — a read-only file or
	// mount, a PostgreSQL server or database in read-only mode.
	ErrReadOnly = errors.New("store: the database is read-only")
	// ErrFull: there is no room to write — the disk holding the database
	// is full (or SQLite's max_page_count is reached).
	ErrFull = errors.New("store: no space left for the database")
)

// Fault returns ErrReadOnly or ErrFull when err says the database cannot
// be written for want of permission or of space, and nil otherwise. It
// sees through wrapping to the sentinels themselves, to the drivers'
// errors — SQLite's result codes (an error with a Code() int method, as
// modernc.org/sqlite's: SQLITE_READONLY and SQLITE_FULL with their
// extended codes) and PostgreSQL's SQLSTATEs (an error with
// SQLState() string, as pgx's: 25006 read_only_sql_transaction, 53100
// disk_full) — and to the system's EROFS and ENOSPC (a file the store
// writes itself, such as a backup).
func Fault(err error) error {
	if err == nil {
		return nil
	}
	switch {
	case errors.Is(err, ErrReadOnly):
		return ErrReadOnly
	case errors.Is(err, ErrFull):
		return ErrFull
	}
	var lite interface{ Code() int }
	if errors.As(err, &lite) {
		switch lite.Code() & 0xff { // the primary result code
		case sqliteReadOnly:
			return ErrReadOnly
		case sqliteFull:
			return ErrFull
		}
	}
	var pg interface{ SQLState() string }
	if errors.As(err, &pg) {
		switch pg.SQLState() {
		case "25006": // read_only_sql_transaction
			return ErrReadOnly
		case "53100": // disk_full
			return ErrFull
		}
	}
	switch {
	case errors.Is(err, syscall.EROFS):
		return ErrReadOnly
	case errors.Is(err, syscall.ENOSPC):
		return ErrFull
	}
	return nil
}

// SQLite's primary result codes (sqlite3.h).
const (
	sqliteReadOnly = 8
	sqliteFull     = 13
)
