package postgres

import (
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"zongjie/store"
	"zongjie/store/pgtest"
	"zongjie/store/storetest"
)

// A database as the program before accounts left it (schema version 3)
// is brought up to date: its reports are live and unassigned.
func TestMigrateAccounts(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.CreateDatabase(t, "C.UTF-8")
	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	if err := migrateTo(ctx, pool, 3); err != nil {
		t.Fatal(err)
	}
	if _, err := pool.Exec(ctx, `INSERT INTO reports (id, file_hash, idx, path, title, unit, level, years, period, genre, chars, added, text, fingerprints)
		VALUES (7, 'a', 0, 'a.txt', '甲', '甲镇', 'town', '{2023}', 'FY', 'summary', 4, now(), '全年就业', '{5}')`); err != nil {
		t.Fatal(err)
	}
	if _, err := pool.Exec(ctx, `INSERT INTO fingerprints (hash, report) VALUES (5, 7)`); err != nil {
		t.Fatal(err)
	}
	pool.Close()
	s, err := Open(ctx, dsn)
	if err != nil {
		t.Fatalf("Open migrates: %v", err)
	}
	defer s.Close()
	r, err := s.Get(ctx, 7)
	if err != nil || r.UnitID != 0 {
		t.Fatalf("Get after the migration = %+v, %v", r, err)
	}
	if l, _ := s.List(ctx, store.Filter{Scope: &store.Scope{Unassigned: true}}); len(l) != 1 {
		t.Errorf("the old report is not in the unassigned list: %v", l)
	}
	if ps, _ := s.Postings(ctx, []uint64{5}); len(ps[5]) != 1 {
		t.Errorf("Postings after the migration = %v", ps)
	}
	if err := s.Verify(ctx); err != nil {
		t.Errorf("Verify after the migration: %v", err)
	}
	// The old report has its text's key (schema 8): the same text from
	// another file, spaced, is it.
	if id, added, err := s.Put(ctx, &store.Report{FileHash: "other", Text: "全年 就业\n", ByText: true}); err != nil || id != 7 || added {
		t.Errorf("Put of the old report's text from another file = %d, %v, %v; want 7, false", id, added, err)
	}
}

// The database itself refuses to change, remove or truncate entries of
// the audit log.
func TestAuditAppendOnly(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	defer s.Close()
	if err := s.AppendAudit(ctx, &store.AuditEntry{Action: "login", Actor: "zhang"}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`UPDATE audit SET actor = 'someone else'`, `DELETE FROM audit`, `TRUNCATE audit`} {
		_, err := s.pool.Exec(ctx, q)
		if err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s = %v, want refused", q, err)
		}
	}
	if es, _ := s.ListAudit(ctx, store.AuditFilter{}); len(es) != 1 || es[0].Actor != "zhang" {
		t.Errorf("the entry changed: %+v", es)
	}
}

// A PostgreSQL store is backed up with pg_dump and restored with
// pg_restore into a new database, as docs/accounts.md says: everything
// comes back, and the restored store takes new reports.
func TestDumpRestore(t *testing.T) {
	for _, tool := range []string{"pg_dump", "pg_restore"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
	ctx := context.Background()
	s := openTest(t)
	defer s.Close()
	for i := range 12 {
		if _, _, err := s.Put(ctx, storetest.Synthetic(i)); err != nil {
			t.Fatal(err)
		}
	}
	u := &store.Unit{Name: "云川市", Aliases: []string{"云川"}}
	if err := s.CreateUnit(ctx, u); err != nil {
		t.Fatal(err)
	}
	if err := s.Assign(ctx, []int64{1, 2}, u.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateUser(ctx, &store.User{Name: "zhang", Unit: u.ID, Role: store.Admin, PasswordHash: "h"}); err != nil {
		t.Fatal(err)
	}
	if err := s.AppendAudit(ctx, &store.AuditEntry{Action: "user.add", Actor: "zhang"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Trash(ctx, 5); err != nil {
		t.Fatal(err)
	}
	dump := filepath.Join(t.TempDir(), "zongjie.dump")
	src := s.pool.Config().ConnString()
	if out, err := exec.Command("pg_dump", "--format=custom", "--file="+dump, "--dbname="+src).CombinedOutput(); err != nil {
		t.Fatalf("pg_dump: %v\n%s", err, out)
	}
	dst := pgtest.CreateDatabase(t, "C.UTF-8")
	if out, err := exec.Command("pg_restore", "--no-owner", "--exit-on-error", "--dbname="+dst, dump).CombinedOutput(); err != nil {
		t.Fatalf("pg_restore: %v\n%s", err, out)
	}
	r, err := Open(ctx, dst)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if n, _ := r.Count(ctx); n != 11 {
		t.Errorf("restored: %d live reports, want 11", n)
	}
	if tl, _ := r.ListTrash(ctx, store.Filter{}); len(tl) != 1 || tl[0].ID != 5 {
		t.Errorf("restored trash = %+v", tl)
	}
	if l, _ := r.List(ctx, store.Filter{Scope: &store.Scope{Units: []int64{u.ID}}}); len(l) != 2 {
		t.Errorf("restored reports of 云川市 = %d, want 2", len(l))
	}
	if us, _ := r.ListUsers(ctx); len(us) != 1 || us[0].Name != "zhang" {
		t.Errorf("restored users = %+v", us)
	}
	if es, _ := r.ListAudit(ctx, store.AuditFilter{}); len(es) != 1 {
		t.Errorf("restored audit = %+v", es)
	}
	if err := r.Verify(ctx); err != nil {
		t.Errorf("Verify of the restored store: %v", err)
	}
	// New rows take new IDs (the identity sequences came back too), and
	// the audit log is still append-only.
	id, _, err := r.Put(ctx, storetest.Synthetic(99))
	if err != nil || id != 13 {
		t.Errorf("Put into the restored store = %d, %v; want 13", id, err)
	}
	if _, err := r.pool.Exec(ctx, `DELETE FROM audit`); err == nil {
		t.Errorf("the restored audit log lets entries be deleted")
	}
}
