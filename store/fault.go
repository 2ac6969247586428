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
	// ErrBusy: the database server is out of resources for now — too
	// many connections, out of memory (PostgreSQL's class 53 but
	// disk_full) — so neither reads nor writes may get through; the same
	// request a little later may. Not a fault of the data.
	ErrBusy = errors.New("store: the database server is out of resources for now")
)

// Fault returns ErrReadOnly or ErrFull when err says the database cannot
// be written for want of permission or of space, ErrBusy when the
// database server has no resources left for now, and nil otherwise. It
// sees through wrapping to the sentinels themselves, to the drivers'
// errors — SQLite's result codes (an error with a Code() int method, as
// modernc.org/sqlite's: SQLITE_READONLY and SQLITE_FULL with their
// extended codes) and PostgreSQL's SQLSTATEs (an error with
// SQLState() string, as pgx's: 25006 read_only_sql_transaction, 53100
// disk_full; 53000 insufficient_resources, 53200 out_of_memory and 53300
// too_many_connections are ErrBusy, 53400 configuration_limit_exceeded
// is not a fault of this kind) — and to the system's EROFS and ENOSPC (a
// file the store
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
	case errors.Is(err, ErrBusy):
		return ErrBusy
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
		case "53000", "53200", "53300": // insufficient_resources, out_of_memory, too_many_connections
			return ErrBusy
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
