package corpus

import (
	"context"
	"os"
	"strings"

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
// SQLite file (created if missing).
func Open(ctx context.Context, db string) (store.Store, error) {
	if IsPostgres(db) {
		return postgres.Open(ctx, db)
	}
	return sqlite.Open(db)
}
