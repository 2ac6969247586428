//go:build unix

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"zongjie/store"
	"zongjie/store/pgtest"
	"zongjie/store/postgres"
	"zongjie/store/sqlite"
)

// backupUnderLoad runs 20 clients against a `zongjie serve` on db,
// calls backup (which makes a copy of db while they write) once they have
// had some writes acknowledged, stops them a moment after, and returns
// the acknowledgements made before the backup began, what every client
// sent, and the server with its URL (still running).
func backupUnderLoad(t *testing.T, bin, dir, db string, backup func() error) (before []ksAck, sent, fixed map[string][]string, srv *exec.Cmd, base string) {
	t.Helper()
	srv, base, err := startServe(bin, dir, db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		srv.Process.Kill()
		srv.Wait()
	})
	var killed, stop atomic.Bool
	clients := make([]*ksClient, killServeClients)
	var wg sync.WaitGroup
	for i := range clients {
		c := newKSClient(base, i)
		c.stop = &stop
		clients[i] = c
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.run(0, i, &killed, func(int) {})
		}()
	}
	count := func() (acks []ksAck) {
		for _, c := range clients {
			acks = append(acks, c.acked()...)
		}
		return acks
	}
	for deadline := time.Now().Add(2 * time.Minute); len(count()) < 60; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%d writes acknowledged in 2 minutes", len(count()))
		}
	}
	before = count()
	start := time.Now()
	err = backup()
	took := time.Since(start)
	after := len(count())
	time.Sleep(300 * time.Millisecond)
	stop.Store(true)
	wg.Wait()
	if err != nil {
		t.Fatalf("backup while serving: %v", err)
	}
	sent, fixed = map[string][]string{}, map[string][]string{}
	var failed []string
	for _, c := range clients {
		failed = append(failed, c.failed...)
		for k, v := range c.sent {
			sent[k] = v
		}
		for k, v := range c.fixed {
			fixed[k] = v
		}
	}
	if len(failed) > 0 {
		t.Fatalf("%d requests failed while the backup ran:\n%s", len(failed), strings.Join(failed[:min(len(failed), 10)], "\n"))
	}
	t.Logf("backup took %s; %d writes acknowledged before it began, %d more while it ran, %d in all",
		took.Round(time.Millisecond), len(before), after-len(before), len(count()))
	if after == len(before) {
		t.Logf("no write was acknowledged while the backup ran")
	}
	return before, sent, fixed, srv, base
}

// Ensure `zongjie backup` of an SQLite database while `zongjie serve`
// runs and 20 clients upload and fix is a consistent copy (db check
// passes) holding every write acknowledged before it began, each whole,
// and nothing half; that the writers go on undisturbed; and that `zongjie
// db restore` of it under the running server gives the server the
// backup's content, which it then serves and writes to.
func TestBackupWhileServing(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs it")
	}
	bin, err := buildBinary()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "z.db")
	copyPath := filepath.Join(t.TempDir(), "backup.db")
	before, sent, fixed, _, base := backupUnderLoad(t, bin, dir, db, func() error {
		out, err := exec.Command(bin, "backup", "--db", db, copyPath).CombinedOutput()
		if err != nil {
			return fmt.Errorf("%v: %s", err, out)
		}
		return nil
	})
	fixes := &ksFixes{dir: t.TempDir(), done: map[string]string{}}
	defer fixes.close()
	open := func(context.Context) (store.Store, error) { return sqlite.Open(copyPath) }
	checkServeStore(t, bin, dir, copyPath, open, fixes, before, 0, sent, fixed, "the backup")
	backupIDs := storeIDs(t, open)

	// Restore it under the running server.
	if out, err := exec.Command(bin, "db", "restore", "--db", db, copyPath).CombinedOutput(); err != nil {
		t.Fatalf("db restore: %v\n%s", err, out)
	}
	if got := servedIDs(t, base); !equalIDs(got, backupIDs) {
		t.Errorf("after the restore the server lists %d reports, the backup holds %d", len(got), len(backupIDs))
	}
	if err := servedAll(base, before); err != nil {
		t.Errorf("after the restore: %v", err)
	}
	c := newKSClient(base, 1)
	if id, v, status, err := c.upload("after-restore.txt", killServeText(50, 0, 0, 0)); err != nil || status != "new" || v != 1 {
		t.Errorf("upload after the restore: %d %d %s %v", id, v, status, err)
	}
	if out, err := exec.Command(bin, "db", "check", "--db", db).CombinedOutput(); err != nil {
		t.Errorf("db check after the restore: %v\n%s", err, out)
	}
}

// Ensure pg_dump of the database of a `zongjie serve` on PostgreSQL while
// 20 clients upload and fix, restored with pg_restore into a new database
// as docs/accounts.md says, holds every write acknowledged before the
// dump began, whole, and passes db check; and that a server on the
// restored database serves them and takes new reports. Skipped without
// pg_dump and pg_restore (the PostgreSQL client programs).
func TestDumpWhileServing(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs it")
	}
	for _, tool := range []string{"pg_dump", "pg_restore"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (PostgreSQL's client programs): the dump and restore are not tested", tool)
		}
	}
	bin, err := buildBinary()
	if err != nil {
		t.Fatal(err)
	}
	src := pgtest.CreateDatabase(t, "C.UTF-8")
	dir := t.TempDir()
	dump := filepath.Join(t.TempDir(), "zongjie.dump")
	before, sent, fixed, _, _ := backupUnderLoad(t, bin, dir, src, func() error {
		out, err := exec.Command("pg_dump", "--format=custom", "--file="+dump, "--dbname="+src).CombinedOutput()
		if err != nil {
			return fmt.Errorf("pg_dump: %v: %s", err, out)
		}
		return nil
	})
	dst := pgtest.CreateDatabase(t, "C.UTF-8")
	if out, err := exec.Command("pg_restore", "--no-owner", "--exit-on-error", "--dbname="+dst, dump).CombinedOutput(); err != nil {
		t.Fatalf("pg_restore: %v\n%s", err, out)
	}
	fixes := &ksFixes{dir: t.TempDir(), done: map[string]string{}}
	defer fixes.close()
	open := func(ctx context.Context) (store.Store, error) { return postgres.Open(ctx, dst) }
	checkServeStore(t, bin, dir, dst, open, fixes, before, 0, sent, fixed, "the restored dump")
	srv, base, err := startServe(bin, t.TempDir(), dst)
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		srv.Process.Kill()
		srv.Wait()
	}()
	if err := servedAll(base, before); err != nil {
		t.Errorf("a server on the restored database: %v", err)
	}
	c := newKSClient(base, 1)
	if id, v, status, err := c.upload("after-restore.txt", killServeText(50, 0, 0, 0)); err != nil || status != "new" || v != 1 {
		t.Errorf("upload to the restored database: %d %d %s %v", id, v, status, err)
	}
}

// storeIDs lists the IDs of the live reports of a store.
func storeIDs(t *testing.T, open func(context.Context) (store.Store, error)) []int64 {
	t.Helper()
	st, err := open(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	list, err := st.List(context.Background(), store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, s := range list {
		ids = append(ids, s.ID)
	}
	return ids
}

// servedIDs lists the IDs of the reports a server lists.
func servedIDs(t *testing.T, base string) []int64 {
	t.Helper()
	resp, err := http.Get(base + "/api/v1/reports")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var list struct{ Reports []struct{ ID int64 } }
	if err := json.NewDecoder(resp.Body).Decode(&list); err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, r := range list.Reports {
		ids = append(ids, r.ID)
	}
	return ids
}

func equalIDs(a, b []int64) bool {
	seen := map[int64]int{}
	for _, id := range a {
		seen[id]++
	}
	for _, id := range b {
		seen[id]--
	}
	for _, n := range seen {
		if n != 0 {
			return false
		}
	}
	return len(a) == len(b)
}
