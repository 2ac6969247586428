// Package pgtest gives tests a PostgreSQL database of their own: on the
// server in ZONGJIE_TEST_POSTGRES, else on 127.0.0.1:5432 (database test,
// user postgres). Without a server the test is skipped, unless
// ZONGJIE_REQUIRE_POSTGRES is set (as .ci/run does): then it fails.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// AdminDSN names the database the tests connect to in order to create and
// drop their own.
func AdminDSN() string {
	if dsn := os.Getenv("ZONGJIE_TEST_POSTGRES"); dsn != "" {
		return dsn
	}
	return "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
}

var (
	adminOnce sync.Once
	admin     *pgxpool.Pool
	adminErr  error
)

// Server returns a connection pool to the test server, or skips the test
// when there is none (fails it when ZONGJIE_REQUIRE_POSTGRES is set).
func Server(t testing.TB) *pgxpool.Pool {
	t.Helper()
	adminOnce.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		admin, adminErr = pgxpool.New(ctx, AdminDSN())
		if adminErr == nil {
			adminErr = admin.Ping(ctx)
		}
	})
	if adminErr != nil {
		msg := "PostgreSQL is not reachable at " + redact(AdminDSN()) + " (set ZONGJIE_TEST_POSTGRES to another server): " + adminErr.Error()
		if os.Getenv("ZONGJIE_REQUIRE_POSTGRES") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return admin
}

// redact hides the password of a DSN.
func redact(dsn string) string {
	if u, err := url.Parse(dsn); err == nil && u.User != nil {
		return u.Redacted()
	}
	return dsn
}

// CreateDatabase creates a database for one test, dropped when it ends,
// and returns its DSN. ctype is its LC_CTYPE (and LC_COLLATE).
func CreateDatabase(t testing.TB, ctype string) string {
	t.Helper()
	pool := Server(t)
	ctx := context.Background()
	b := make([]byte, 6)
	rand.Read(b)
	name := "zj_test_" + hex.EncodeToString(b)
	ident := pgx.Identifier{name}.Sanitize()
	_, err := pool.Exec(ctx, "CREATE DATABASE "+ident+" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE '"+ctype+"' LC_CTYPE '"+ctype+"'")
	if err != nil {
		t.Fatalf("create database: %v", err)
	}
	t.Cleanup(func() {
		if _, err := pool.Exec(ctx, "DROP DATABASE IF EXISTS "+ident+" WITH (FORCE)"); err != nil {
			t.Errorf("drop database %s: %v", name, err)
		}
	})
	return WithDatabase(t, AdminDSN(), name)
}

// WithDatabase returns dsn naming the database name instead.
func WithDatabase(t testing.TB, dsn, name string) string {
	t.Helper()
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		u, err := url.Parse(dsn)
		if err != nil {
			t.Fatalf("ZONGJIE_TEST_POSTGRES: %v", err)
		}
		u.Path = "/" + name
		return u.String()
	}
	return dsn + " dbname=" + name
}
