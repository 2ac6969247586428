package postgres

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"

	"zongjie/store"
	"zongjie/store/pgtest"
	"zongjie/store/storetest"
)

var _ store.Store = (*Store)(nil)

func openTest(t testing.TB) *Store {
	t.Helper()
	s, err := Open(context.Background(), pgtest.CreateDatabase(t, "C.UTF-8"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return s
}

func TestConformance(t *testing.T) {
	pgtest.Server(t) // skip or fail once, not in every subtest
	storetest.Run(t, func(t *testing.T) store.Store { return openTest(t) })
}

func TestEachFingerprintsBatches(t *testing.T) {
	defer func(n int) { eachBatch = n }(eachBatch)
	eachBatch = 2
	s := openTest(t)
	defer s.Close()
	ctx := context.Background()
	var want []int64
	for i := range 7 {
		r := storetest.Synthetic(i)
		id, _, err := s.Put(ctx, r)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, id)
	}
	var got []int64
	err := s.EachFingerprints(ctx, func(id int64, _ string, fps []uint64) error {
		got = append(got, id)
		if len(fps) == 0 {
			t.Errorf("report %d: no fingerprints", id)
		}
		return nil
	})
	if err != nil || len(got) != len(want) {
		t.Errorf("EachFingerprints gave %v, %v; want %v", got, err, want)
	}
}

// A database whose LC_CTYPE is C would drop every Chinese character from
// the index: Open refuses it and says how to make one that works.
func TestRefusesCLocale(t *testing.T) {
	dsn := pgtest.CreateDatabase(t, "C")
	s, err := Open(context.Background(), dsn)
	if err == nil {
		s.Close()
		t.Fatal("Open of a database with LC_CTYPE C succeeded")
	}
	for _, want := range []string{`LC_CTYPE "C"`, "UTF-8", "TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	// Nothing was created in it.
	conn, err := pgx.Connect(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	var n int
	if err := conn.QueryRow(context.Background(), `SELECT count(*) FROM pg_tables WHERE schemaname = 'public'`).Scan(&n); err != nil || n != 0 {
		t.Errorf("%d tables created, %v; want none", n, err)
	}
}

func TestIsUTF8Locale(t *testing.T) {
	for ctype, want := range map[string]bool{
		"C.UTF-8": true, "C.utf8": true, "en_US.UTF-8": true, "zh_CN.utf8": true, "de_DE.UTF-8@euro": true,
		"C": false, "POSIX": false, "en_US": false, "zh_CN.GB18030": false, "en_US.ISO-8859-1": false, "": false,
	} {
		if got := isUTF8Locale(ctype); got != want {
			t.Errorf("isUTF8Locale(%q) = %v, want %v", ctype, got, want)
		}
	}
}

func TestNewerSchema(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.CreateDatabase(t, "C.UTF-8")
	s, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.pool.Exec(ctx, `UPDATE schema_version SET version = 99`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err = Open(ctx, dsn)
	if err == nil || !strings.Contains(err.Error(), "schema version 99") {
		t.Errorf("Open of a newer database = %v, want a schema version error", err)
	}
}

func TestReopenAndConcurrentOpen(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.CreateDatabase(t, "C.UTF-8")
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := Open(ctx, dsn)
			if err == nil {
				s.Close()
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Errorf("concurrent Open: %v", err)
		}
	}
	s, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var n int
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM schema_version`).Scan(&n); err != nil || n != 1 {
		t.Errorf("schema_version has %d rows, %v; want 1", n, err)
	}
}

func TestBadDSN(t *testing.T) {
	if _, err := Open(context.Background(), "postgres://%zz"); err == nil {
		t.Error("Open of a malformed DSN succeeded")
	}
}

// Batches holding the same reports in opposite orders, at once: no
// deadlock, each report stored once.
func TestPutBatchConcurrent(t *testing.T) {
	s := openTest(t)
	defer s.Close()
	ctx := context.Background()
	var rs []*store.Report
	for i := range 12 {
		rs = append(rs, storetest.Synthetic(i))
	}
	rev := slices.Clone(rs)
	slices.Reverse(rev)
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			batch := rs
			if i%2 == 1 {
				batch = rev
			}
			// Each goroutine its own copies: Put sets fields of the reports.
			copies := make([]*store.Report, len(batch))
			for j, r := range batch {
				c := *r
				copies[j] = &c
			}
			_, _, errs[i] = s.PutBatch(ctx, copies)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Errorf("PutBatch: %v", err)
		}
	}
	if n, err := s.Count(ctx); err != nil || n != len(rs) {
		t.Errorf("Count = %d, %v; want %d", n, err, len(rs))
	}
}

func TestOptimize(t *testing.T) {
	s := openTest(t)
	defer s.Close()
	if err := s.Optimize(t.Context()); err != nil {
		t.Fatal(err)
	}
}

// TestMigrateVersions opens a database of schema version 1, before
// versions: its reports are their version 1, and take new versions.
func TestMigrateVersions(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.CreateDatabase(t, "C.UTF-8")
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		migrations[0],
		`CREATE TABLE schema_version (version integer NOT NULL)`,
		`INSERT INTO schema_version (version) VALUES (1)`,
		`INSERT INTO reports (id, file_hash, idx, path, title, unit, level, years, period, genre, chars, added, text, fingerprints)
			VALUES (7, 'a', 0, 'a.txt', '甲', '甲镇', 'town', '{2023}', 'FY', 'summary', 4, now(), '全年就业', '{5}')`,
		`INSERT INTO fingerprints (hash, report) VALUES (5, 7)`,
	} {
		if _, err := conn.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	conn.Close(ctx)
	s, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	vs, err := s.Versions(ctx, 7)
	if err != nil || len(vs) != 1 || vs[0].Version != 1 || vs[0].Note != "" || vs[0].Unit != "甲镇" {
		t.Fatalf("Versions after migration = %+v, %v", vs, err)
	}
	id, added, err := s.Put(ctx, &store.Report{ID: 7, FileHash: "b", Path: "a.txt", Unit: "甲镇", Text: "全年新增就业"})
	if err != nil || id != 7 || !added {
		t.Fatalf("Put of a new version after migration = %d, %v, %v", id, added, err)
	}
	r, err := s.GetVersion(ctx, 7, 1)
	if err != nil || r.Text != "全年就业" || r.Title != "甲" || !slices.Equal(r.Fingerprints, []uint64{5}) {
		t.Errorf("version 1 after a new one = %+v, %v", r, err)
	}
	if ps, err := s.Postings(ctx, []uint64{5}); err != nil || len(ps) != 0 {
		t.Errorf("Postings of version 1's fingerprint = %v, %v", ps, err)
	}
}

// Ensure the report tables have planner statistics once reports are
// stored, whether autovacuum runs or not (it is off on the test server):
// without them a search is planned as if the tables were empty.
func TestAnalyzeAfterPut(t *testing.T) {
	dsn := pgtest.CreateDatabase(t, "C.UTF-8")
	s, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	reltuples := func() float64 {
		t.Helper()
		var n float64
		if err := s.pool.QueryRow(ctx, `SELECT reltuples FROM pg_class WHERE oid = 'paragraphs'::regclass`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := reltuples(); n >= 0 {
		t.Skipf("paragraphs has statistics before anything is stored (reltuples %v): autovacuum was quicker", n)
	}
	var rs []*store.Report
	for i := range 5 {
		rs = append(rs, storetest.Synthetic(i))
	}
	if _, _, err := s.PutBatch(ctx, rs); err != nil {
		t.Fatal(err)
	}
	if n := reltuples(); n <= 0 {
		t.Errorf("paragraphs: reltuples %v after 5 reports were stored; want the rows counted by ANALYZE", n)
	}

	// Then again only once paragraphs has about doubled. The counts of
	// changed rows reach the statistics a second or more after a commit:
	// one connection, told to flush them, and the check made after.
	one, err := Open(ctx, withParam(dsn, "pool_max_conns", "1"))
	if err != nil {
		t.Fatal(err)
	}
	defer one.Close()
	analyzed := func() (n int64, counted float64) {
		t.Helper()
		if _, err := one.pool.Exec(ctx, `SELECT pg_stat_force_next_flush()`); err != nil {
			t.Fatal(err)
		}
		one.analyzeIfStale(ctx)
		err := one.pool.QueryRow(ctx, `SELECT t.analyze_count, c.reltuples FROM pg_stat_user_tables t JOIN pg_class c ON c.oid = t.relid
			WHERE t.relid = 'paragraphs'::regclass`).Scan(&n, &counted)
		if err != nil {
			t.Fatal(err)
		}
		return n, counted
	}
	before, counted := analyzed()
	var paragraphs float64
	for i := 5; paragraphs <= counted+50; i++ {
		r := storetest.Synthetic(i)
		paragraphs += float64(len(r.Paragraphs))
		if _, _, err := one.Put(ctx, r); err != nil {
			t.Fatal(err)
		}
		n, _ := analyzed()
		switch {
		case paragraphs <= counted+50 && n != before:
			t.Fatalf("analyzed again after %v more paragraphs (%v counted)", paragraphs, counted)
		case paragraphs > counted+50 && n != before+1:
			t.Errorf("%v more paragraphs (%v counted): analyzed %d times since; want once", paragraphs, counted, n-before)
		}
	}
	// And not again after one more: the changes were counted as analyzed.
	if _, _, err := one.Put(ctx, storetest.Synthetic(99)); err != nil {
		t.Fatal(err)
	}
	if n, _ := analyzed(); n != before+1 {
		t.Errorf("one more report after the analysis: analyzed %d times since; want once", n-before)
	}
}

// withParam returns dsn (a URL or key=value pairs) with one more
// parameter.
func withParam(dsn, key, value string) string {
	if !strings.Contains(dsn, "://") {
		return dsn + " " + key + "=" + value
	}
	if strings.Contains(dsn, "?") {
		return dsn + "&" + key + "=" + value
	}
	return dsn + "?" + key + "=" + value
}
