package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net/url"
	"os"
	"strings"

	"zongjie/app"
	"zongjie/internal/safefile"
	"zongjie/store"
	"zongjie/store/postgres"
	"zongjie/store/sqlite"
)

// defaultDB is the SQLite file used when neither --db nor ZONGJIE_DB
// names a database.
const defaultDB = "zongjie.db"

// dbFlag adds --db to fs.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "数据库：SQLite 文件路径或 postgres://… 地址（默认 $ZONGJIE_DB 或 "+defaultDB+"）")
}

// dbName returns the database to use: the flag if set, else $ZONGJIE_DB,
// else defaultDB.
func dbName(flag string) string {
	if flag != "" {
		return flag
	}
	if env := os.Getenv("ZONGJIE_DB"); env != "" {
		return env
	}
	return defaultDB
}

// isPostgres reports whether db names a PostgreSQL database.
func isPostgres(db string) bool {
	return strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://")
}

// openDB opens the store db names, choosing the driver: a postgres:// URL
// is PostgreSQL, anything else the path of an SQLite file (created if
// missing). Its error names the database once, without a password.
func openDB(ctx context.Context, db string) (store.Store, error) {
	var (
		st  store.Store
		err error
	)
	if isPostgres(db) {
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
		return nil, fmt.Errorf("无法打开数据库 %s：%w", redact(db), cause)
	}
	return st, nil
}

// redact returns db with the password of a PostgreSQL URL hidden, for
// messages.
func redact(db string) string {
	if !isPostgres(db) {
		return db
	}
	u, err := url.Parse(db)
	if err != nil {
		return "postgres://…" // unreadable: show nothing of it
	}
	return u.Redacted()
}

// newApp returns the application for a command: the store of --db (flag)
// opened when an operation first needs it, and the checker's
// configuration (nil: the zongjie.toml found from each file).
func newApp(flag string, configs *app.Configs) *app.App {
	o := appOptions(flag)
	o.Config = configs
	return app.New(o)
}

// appOptions returns the options of the app of newApp.
func appOptions(flag string) app.Options {
	db := dbName(flag)
	return app.Options{
		Open: func(ctx context.Context) (store.Store, error) { return openDB(ctx, db) },
		// Compare uses a store only when one is named or the default
		// file exists: it must not create one.
		Exists: func() bool { return flag != "" || os.Getenv("ZONGJIE_DB") != "" || fileExists(defaultDB) },
	}
}

// fileExists reports whether a file is at p.
func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
