package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"zongjie/store"
	"zongjie/store/storetest"
)

// A database as the program before accounts left it (schema version 5)
// is brought up to date: its reports are there, live and unassigned,
// searchable, and the store is whole.
func TestMigrateFromSchema5(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", dsn(path, "_pragma=foreign_keys(ON)"))
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	if err := migrateTo(ctx, db, 5); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO reports (id, file_hash, idx, path, title, unit, level, years, period, genre, chars, added, version, note)
			VALUES (1, 'old', 0, '/a.txt', '青禾街道2023年工作总结', '青禾街道', 'street', '[2023]', 'FY', 'summary', 9, 1700000000000000, 1, '')`,
		`INSERT INTO contents (report, text) VALUES (1, '全年新增就业1200人')`,
		`INSERT INTO fingerprints (report, hashes) VALUES (1, x'')`,
		`INSERT INTO paragraphs (id, report, char_offset, kind, text) VALUES (1, 1, 0, 'review', '全年新增就业1200人')`,
		`INSERT INTO paragraph_index (rowid, terms) VALUES (1, '` + store.Spaced("全年新增就业1200人") + `')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()

	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open migrates: %v", err)
	}
	defer s.Close()
	var version int
	s.r.QueryRow(`PRAGMA user_version`).Scan(&version)
	if version != len(migrations) {
		t.Errorf("schema version %d after Open, want %d", version, len(migrations))
	}
	r, err := s.Get(ctx, 1)
	if err != nil || r.UnitID != 0 || r.Unit != "青禾街道" {
		t.Fatalf("Get of the old report = %+v, %v; want it unassigned", r, err)
	}
	if l, _ := s.List(ctx, store.Filter{Scope: &store.Scope{Unassigned: true}}); len(l) != 1 {
		t.Errorf("the old report is not in the unassigned list: %v", l)
	}
	if hits, _ := s.Search(ctx, store.Query{Text: "新增就业"}); len(hits) != 1 {
		t.Errorf("Search of the old report = %v", hits)
	}
	if err := s.Verify(ctx); err != nil {
		t.Errorf("Verify after the migration: %v", err)
	}
	// The old report has its text's key (schema 9): the same text from
	// another file, in full-width digits, is it.
	if id, added, err := s.Put(ctx, &store.Report{FileHash: "other", Text: "全年新增就业１２００人\n", ByText: true}); err != nil || id != 1 || added {
		t.Errorf("Put of the old report's text from another file = %d, %v, %v; want 1, false", id, added, err)
	}
	// The new tables work.
	u := &store.Unit{Name: "青禾街道"}
	if err := s.CreateUnit(ctx, u); err != nil {
		t.Fatal(err)
	}
	if err := s.Assign(ctx, []int64{1}, u.ID); err != nil {
		t.Fatal(err)
	}
}

// The database itself refuses to change or remove an entry of the audit
// log, whatever program writes to it.
func TestAuditAppendOnly(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	defer s.Close()
	e := &store.AuditEntry{Action: "login", Actor: "zhang"}
	if err := s.AppendAudit(ctx, e); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`UPDATE audit SET actor = 'someone else'`,
		`DELETE FROM audit`,
		`DELETE FROM audit WHERE id = 1`,
	} {
		_, err := s.w.ExecContext(ctx, q)
		if err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s = %v, want refused", q, err)
		}
	}
	if es, _ := s.ListAudit(ctx, store.AuditFilter{}); len(es) != 1 || es[0].Actor != "zhang" {
		t.Errorf("the entry changed: %+v", es)
	}
}

// fill stores n synthetic reports from k on, with a unit, a user and an
// audit entry.
func fill(t *testing.T, s *Store, k, n int) {
	t.Helper()
	ctx := context.Background()
	for i := k; i < k+n; i++ {
		if _, _, err := s.Put(ctx, storetest.Synthetic(i)); err != nil {
			t.Fatal(err)
		}
	}
	u := &store.Unit{Name: fmt.Sprintf("单位%d", k)}
	if err := s.CreateUnit(ctx, u); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateUser(ctx, &store.User{Name: fmt.Sprintf("user%d", k), Unit: u.ID, Role: store.Admin, PasswordHash: "h"}); err != nil {
		t.Fatal(err)
	}
	if err := s.AppendAudit(ctx, &store.AuditEntry{Action: "report.add", Detail: fmt.Sprint(k)}); err != nil {
		t.Fatal(err)
	}
}

// counts returns the number of reports, units, users and audit entries.
func counts(t *testing.T, s *Store) [4]int {
	t.Helper()
	ctx := context.Background()
	var c [4]int
	var err error
	if c[0], err = s.Count(ctx); err != nil {
		t.Fatal(err)
	}
	us, _ := s.ListUnits(ctx)
	users, _ := s.ListUsers(ctx)
	es, _ := s.ListAudit(ctx, store.AuditFilter{})
	c[1], c[2], c[3] = len(us), len(users), len(es)
	return c
}

func TestBackupRestore(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "z.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	fill(t, s, 0, 10)
	if err := s.Trash(ctx, 3); err != nil {
		t.Fatal(err)
	}
	before := counts(t, s)
	backup := filepath.Join(dir, "backup.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatalf("Backup: %v", err)
	}
	if err := CheckFile(ctx, backup); err != nil {
		t.Fatalf("CheckFile of the backup: %v", err)
	}
	// Never over a file.
	if err := s.Backup(ctx, backup); !errors.Is(err, os.ErrExist) {
		t.Errorf("Backup over a file = %v, want ErrExist", err)
	}
	if err := s.Backup(ctx, path); !errors.Is(err, os.ErrExist) {
		t.Errorf("Backup over the database itself = %v, want ErrExist", err)
	}
	// No temporary file is left.
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("a temporary file was left: %s", e.Name())
		}
	}

	// Changes after the backup …
	fill(t, s, 10, 5)
	if err := s.Untrash(ctx, 3); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Postings(ctx, []uint64{1}); err != nil { // fill the units cache
		t.Fatal(err)
	}
	// … are undone by the restore, which the open store sees.
	if err := Restore(ctx, path, backup); err != nil {
		t.Fatalf("Restore: %v", err)
	}
	if got := counts(t, s); got != before {
		t.Errorf("after the restore: %v (reports, units, users, audit); want %v", got, before)
	}
	if _, err := s.Get(ctx, 3); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("report 3 is in the trash in the backup: Get = %v", err)
	}
	if tl, _ := s.ListTrash(ctx, store.Filter{}); len(tl) != 1 || tl[0].ID != 3 {
		t.Errorf("ListTrash after the restore = %+v", tl)
	}
	r4 := storetest.Synthetic(4)
	ps, err := s.Postings(ctx, r4.Fingerprints[:1])
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps[r4.Fingerprints[0]] {
		if p.Report > 10 {
			t.Errorf("Postings give report %d, added after the backup", p.Report)
		}
	}
	if err := s.Verify(ctx); err != nil {
		t.Errorf("Verify after the restore: %v", err)
	}
	// The backup itself is unchanged.
	if err := CheckFile(ctx, backup); err != nil {
		t.Errorf("the backup after the restore: %v", err)
	}
	// Into a new database.
	fresh := filepath.Join(dir, "new", "z.db")
	if err := Restore(ctx, fresh, backup); err != nil {
		t.Fatalf("Restore into a new file: %v", err)
	}
	n, err := Open(fresh)
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close()
	if got := counts(t, n); got != before {
		t.Errorf("the new database: %v, want %v", got, before)
	}
	if err := n.Verify(ctx); err != nil {
		t.Errorf("Verify of the new database: %v", err)
	}
}

// A backup made while another goroutine keeps adding reports is a
// snapshot: every report in it whole.
func TestBackupWhileWriting(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(filepath.Join(dir, "z.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	fill(t, s, 0, 20)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 100; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			var batch []*store.Report
			for j := range 5 {
				batch = append(batch, storetest.Synthetic(i*10+j))
			}
			if _, _, err := s.PutBatch(ctx, batch); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	var backups []string
	for i := range 3 {
		b := filepath.Join(dir, fmt.Sprintf("b%d.db", i))
		if err := s.Backup(ctx, b); err != nil {
			t.Fatalf("Backup while writing: %v", err)
		}
		backups = append(backups, b)
		time.Sleep(20 * time.Millisecond)
	}
	close(stop)
	wg.Wait()
	for _, b := range backups {
		c, err := Open(b)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Verify(ctx); err != nil {
			t.Errorf("%s: %v", filepath.Base(b), err)
		}
		if n, _ := c.Count(ctx); n < 20 || n%5 != 0 {
			t.Errorf("%s holds %d reports: not a whole number of batches", filepath.Base(b), n)
		}
		c.Close()
	}
}

func TestRestoreRefuses(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "z.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	fill(t, s, 0, 3)
	text := filepath.Join(dir, "text.db")
	os.WriteFile(text, []byte(strings.Repeat("not a database ", 100)), 0o644)
	empty := filepath.Join(dir, "empty.db")
	db, _ := sql.Open("sqlite", dsn(empty))
	db.Exec(`CREATE TABLE t (x)`)
	db.Close()
	newer := filepath.Join(dir, "newer.db")
	if err := s.Backup(ctx, newer); err != nil {
		t.Fatal(err)
	}
	db, _ = sql.Open("sqlite", dsn(newer))
	db.Exec(`PRAGMA user_version = 99`)
	db.Close()
	for _, c := range []struct{ from, want string }{
		{text, "not a database"},
		{empty, "not a zongjie database"},
		{newer, "schema version 99"},
		{filepath.Join(dir, "missing.db"), "no such file"},
		{dir, "not a regular file"},
	} {
		err := Restore(ctx, path, c.from)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Restore from %s = %v, want %q", filepath.Base(c.from), err, c.want)
		}
	}
	if n, _ := s.Count(ctx); n != 3 {
		t.Errorf("a refused restore changed the database: %d reports", n)
	}
}

// Verify finds a report without its text, and paragraphs missing from
// the full-text index.
func TestVerifyFindsDamage(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		damage, want string
	}{
		{`DELETE FROM contents WHERE report = 2`, "report 2 has no text"},
		{`DELETE FROM paragraph_index WHERE rowid = (SELECT min(id) FROM paragraphs)`, "full-text index holds"},
		{`DELETE FROM versions WHERE report = 1`, "report 1 has versions missing"},
		{`UPDATE reports SET version = 5 WHERE id = 3`, "report 3 has versions missing"},
	} {
		s := openTemp(t)
		fill(t, s, 0, 4)
		r := storetest.Synthetic(0)
		r.ID, r.FileHash = 1, "v2"
		if _, _, err := s.Put(ctx, r); err != nil {
			t.Fatal(err)
		}
		if err := s.Verify(ctx); err != nil {
			t.Fatalf("Verify before the damage: %v", err)
		}
		if _, err := s.w.ExecContext(ctx, c.damage); err != nil {
			t.Fatalf("%s: %v", c.damage, err)
		}
		if err := s.Verify(ctx); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("after %s: Verify = %v, want %q", c.damage, err, c.want)
		}
		s.Close()
	}
}
