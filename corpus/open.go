package corpus

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"

	"zongjie/internal/safefile"
	"zongjie/store"
	"zongjie/store/postgres"
	"zongjie/store/sqlite"
)

// DefaultDB is the SQLite file used when neither --db nor ZONGJIE_DB
// names a database.
const DefaultDB = "zongjie.db"

// DB returns the database to use: flag if set, else $ZONGJIE_DB, else
// DefaultDB.
func DB(flag string) string {
	if flag != "" {
		return flag
	}
	if env := os.Getenv("ZONGJIE_DB"); env != "" {
		return env
	}
	return DefaultDB
}

// IsPostgres reports whether db names a PostgreSQL database.
func IsPostgres(db string) bool {
	return strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://")
}

// Open opens the store db names: a postgres:// URL, or the path of an
// SQLite file (created if missing). Its error names the database once,
// without a password.
func Open(ctx context.Context, db string) (store.Store, error) {
	var (
		st  store.Store
		err error
	)
	if IsPostgres(db) {
		st, err = postgres.Open(ctx, db)
	} else if fi, serr := os.Stat(db); serr == nil && !safefile.Regular(fi.Mode()) {
		return nil, fmt.Errorf("无法打开数据库 %s：不是普通文件，而是%s", db, safefile.Kind(fi.Mode()))
	} else {
		st, err = sqlite.Open(db)
	}
	if err != nil {
		// The stores' errors start "sqlite: open PATH: " or "postgres:
		// open: ": the cause is what follows.
		cause := err
		if u := errors.Unwrap(err); u != nil {
			cause = u
		}
		return nil, fmt.Errorf("无法打开数据库 %s：%w", Redact(db), cause)
	}
	return st, nil
}

// Redact returns db with the password of a PostgreSQL URL hidden, for
// messages.
func Redact(db string) string {
	if !IsPostgres(db) {
		return db
	}
	u, err := url.Parse(db)
	if err != nil {
		return "postgres://…" // unreadable: show nothing of it
	}
	return u.Redacted()
}
