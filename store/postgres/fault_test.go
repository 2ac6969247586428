package postgres

import (
	"context"
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"zongjie/store"
	"zongjie/store/pgtest"
	"zongjie/store/storetest"
)

// Ensure a database in read-only mode (default_transaction_read_only, as
// on a standby) opens, reads, and refuses writes with an error
// store.Fault tells as read-only.
func TestReadOnlyDatabase(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.CreateDatabase(t, "C.UTF-8")
	s, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		if _, _, err := s.Put(ctx, storetest.Synthetic(i)); err != nil {
			t.Fatal(err)
		}
	}
	name := s.pool.Config().ConnConfig.Database
	s.Close()
	admin := pgtest.Server(t)
	if _, err := admin.Exec(ctx, "ALTER DATABASE "+pgx.Identifier{name}.Sanitize()+" SET default_transaction_read_only = on"); err != nil {
		t.Fatal(err)
	}
	r, err := Open(ctx, dsn)
	if err != nil {
		t.Fatalf("open a read-only database: %v", err)
	}
	defer r.Close()
	list, err := r.List(ctx, store.Filter{})
	if err != nil || len(list) != 3 {
		t.Fatalf("List: %d, %v", len(list), err)
	}
	if got, err := r.Get(ctx, list[0].ID); err != nil || got.Text == "" {
		t.Errorf("Get: %v", err)
	}
	if _, _, err := r.Put(ctx, storetest.Synthetic(9)); store.Fault(err) != store.ErrReadOnly {
		t.Errorf("Put: %v, want a read-only fault", err)
	}
	if err := r.PutFigures(ctx, []store.Figures{{Report: list[0].ID, Stamp: "x", Data: []byte("{}")}}); store.Fault(err) != store.ErrReadOnly {
		t.Errorf("PutFigures: %v, want a read-only fault", err)
	}
	if err := r.Trash(ctx, list[0].ID); store.Fault(err) != store.ErrReadOnly {
		t.Errorf("Trash: %v, want a read-only fault", err)
	}
	if err := r.Verify(ctx); err != nil {
		t.Errorf("Verify: %v", err)
	}
}

// Ensure a server out of connections (SQLSTATE 53300, here a role whose
// CONNECTION LIMIT is reached) is told as busy by store.Fault: Open fails
// with an error that says so, not as a fault of the data.
func TestTooManyConnections(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.CreateDatabase(t, "C.UTF-8")
	admin := pgtest.Server(t)
	role := pgx.Identifier{"zj_busy_" + strconv.FormatInt(time.Now().UnixNano(), 36)}
	if _, err := admin.Exec(ctx, "CREATE ROLE "+role.Sanitize()+" LOGIN PASSWORD 'x' CONNECTION LIMIT 0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Exec(ctx, "DROP ROLE IF EXISTS "+role.Sanitize()) })
	u, err := url.Parse(dsn)
	if err != nil {
		t.Skipf("a DSN that is not a URL: %v", err)
	}
	u.User = url.UserPassword(role[0], "x")
	_, err = Open(ctx, u.String())
	if err == nil {
		t.Fatal("Open as a role with no connection left: no error")
	}
	t.Log(err)
	if got := store.Fault(err); got != store.ErrBusy {
		t.Errorf("Fault(%v) = %v, want busy", err, got)
	}
}
