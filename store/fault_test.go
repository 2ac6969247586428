package store

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"
	"testing"
)

// liteError is shaped as modernc.org/sqlite's error.
type liteError int

func (e liteError) Error() string { return fmt.Sprintf("sqlite error %d", int(e)) }
func (e liteError) Code() int     { return int(e) }

// pgError is shaped as pgx's *pgconn.PgError.
type pgError string

func (e pgError) Error() string    { return "ERROR: " + string(e) }
func (e pgError) SQLState() string { return string(e) }

// Ensure Fault recognises each driver's read-only and full errors, wrapped,
// PostgreSQL's lack of memory or connections as busy, and nothing else: a
// busy SQLite database, a constraint, a configured limit are not faults of
// this kind.
func TestFault(t *testing.T) {
	wrap := func(err error) error { return fmt.Errorf("sqlite: put: %w", err) }
	for _, c := range []struct {
		err  error
		want error
	}{
		{nil, nil},
		{errors.New("boom"), nil},
		{wrap(ErrReadOnly), ErrReadOnly},
		{wrap(ErrFull), ErrFull},
		{wrap(liteError(8)), ErrReadOnly},        // SQLITE_READONLY
		{wrap(liteError(8 | 5<<8)), ErrReadOnly}, // SQLITE_READONLY_CANTINIT
		{wrap(liteError(13)), ErrFull},           // SQLITE_FULL
		{wrap(liteError(5)), nil},                // SQLITE_BUSY
		{wrap(liteError(10 | 3<<8)), nil},        // SQLITE_IOERR_WRITE
		{wrap(liteError(19)), nil},               // SQLITE_CONSTRAINT
		{wrap(liteError(14)), nil},               // SQLITE_CANTOPEN
		{wrap(pgError("25006")), ErrReadOnly},
		{wrap(pgError("53100")), ErrFull},
		{wrap(ErrBusy), ErrBusy},
		{wrap(pgError("53000")), ErrBusy}, // insufficient_resources
		{wrap(pgError("53200")), ErrBusy}, // out_of_memory
		{wrap(pgError("53300")), ErrBusy}, // too_many_connections
		{wrap(pgError("53400")), nil},     // configuration_limit_exceeded
		{wrap(pgError("54000")), nil},     // program_limit_exceeded
		{wrap(pgError("23505")), nil},     // unique_violation
		{&fs.PathError{Op: "write", Path: "/b.db", Err: syscall.ENOSPC}, ErrFull},
		{&fs.PathError{Op: "open", Path: "/b.db", Err: syscall.EROFS}, ErrReadOnly},
		{&fs.PathError{Op: "open", Path: "/b.db", Err: syscall.EACCES}, nil},
	} {
		if got := Fault(c.err); got != c.want {
			t.Errorf("Fault(%v) = %v, want %v", c.err, got, c.want)
		}
	}
}
