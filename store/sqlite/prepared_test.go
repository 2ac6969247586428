package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// Ensure read transactions that hold every connection of the pool and
// each meet a query not yet prepared go on: preparing it must not wait
// for a second connection (bench/load at 500/s stalled so, every request
// timing out), and the query is kept for later.
func TestPreparedInFullPool(t *testing.T) {
	const conns = 3
	db, err := sql.Open("sqlite", dsn(filepath.Join(t.TempDir(), "p.db")))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE TABLE t (x INTEGER)`); err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(conns)
	p := &prepared{db: db} // closed at the end only: in a stall its lock is held

	ctx := context.Background()
	var ready, wg sync.WaitGroup
	ready.Add(conns)
	errs := make(chan error, conns)
	for i := range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
			if err != nil {
				ready.Done()
				errs <- err
				return
			}
			defer tx.Rollback()
			ready.Done()
			ready.Wait() // every connection is in a transaction now
			var n int
			if err := p.in(tx).QueryRowContext(ctx, fmt.Sprintf(`SELECT count(*) + %d FROM t`, i)).Scan(&n); err != nil || n != i {
				errs <- fmt.Errorf("query %d: %d, %v", i, n, err)
			}
		}()
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("read transactions that hold every connection wait for one to prepare a query")
	}
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	// Prepared aside meanwhile: kept for the next transaction.
	deadline := time.Now().Add(10 * time.Second)
	for {
		if st, _ := p.kept(`SELECT count(*) + 0 FROM t`); st != nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("a query met in a transaction is not kept")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := p.close(); err != nil {
		t.Error(err)
	}
}

// Ensure close gives up the statements being prepared aside and waits for
// them: one still waiting for a connection after the store is closed
// would open it later, creating the database's -wal and -shm files again
// (a test's directory was then "not empty" when removed).
func TestPreparedCloseWaitsForAside(t *testing.T) {
	db, err := sql.Open("sqlite", dsn(filepath.Join(t.TempDir(), "p.db")))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	ctx := context.Background()
	conn, err := db.Conn(ctx) // the only connection: the prepare aside waits
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	p := &prepared{db: db}
	p.prepareAside(`SELECT 1`)

	closed := make(chan error, 1)
	go func() { closed <- p.close() }()
	select {
	case err := <-closed:
		if err != nil {
			t.Fatalf("close: %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("close waits for a connection instead of giving up the prepare aside")
	}
	p.mu.RLock()
	defer p.mu.RUnlock()
	if len(p.inFlight) != 0 || len(p.stmts) != 0 {
		t.Errorf("after close: %d being prepared aside, %d kept; want none", len(p.inFlight), len(p.stmts))
	}
}
