package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"zongjie/store"
	"zongjie/store/storetest"
)

func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "sub", "dir", "zongjie.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return openTemp(t) })
}

// The suite again, with EachFingerprints reading two reports at a time.
func TestConformanceSmallBatches(t *testing.T) {
	defer func(n int) { eachBatch = n }(eachBatch)
	eachBatch = 2
	storetest.Run(t, func(t *testing.T) store.Store { return openTemp(t) })
}

var _ store.Store = (*Store)(nil)

func TestReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "z.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	r := &store.Report{FileHash: "h", Text: "全年新增就业1200人", Fingerprints: []uint64{1 << 63},
		Paragraphs: []store.Paragraph{{Text: "全年新增就业1200人", Kind: "review"}}}
	id, _, err := s.Put(ctx, r)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	if got, err := s.Find(ctx, "h", 0); err != nil || got != id {
		t.Errorf("Find after reopen = %d, %v; want %d", got, err, id)
	}
	hits, err := s.Search(ctx, store.Query{Text: "就业"})
	if err != nil || len(hits) != 1 {
		t.Errorf("Search after reopen = %v, %v", hits, err)
	}
	ps, err := s.Postings(ctx, []uint64{1 << 63})
	if err != nil || len(ps[1<<63]) != 1 {
		t.Errorf("Postings after reopen = %v, %v", ps, err)
	}
}

func TestNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "z.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.w.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err = Open(path)
	if err == nil || !strings.Contains(err.Error(), "schema version 99") {
		t.Errorf("Open of a newer database = %v, want a schema version error", err)
	}
}

func TestNotADatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "z.db")
	if err := os.WriteFile(path, []byte("this is not a database, just some text that is long enough to be a header"), 0o644); err != nil {
		t.Fatal(err)
	}
	if s, err := Open(path); err == nil {
		s.Close()
		t.Errorf("Open of a text file succeeded")
	}
	if _, err := Open(""); err == nil {
		t.Errorf("Open of an empty path succeeded")
	}
}

func TestDeleteRemovesIndexRows(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	defer s.Close()
	r := &store.Report{FileHash: "h", Fingerprints: []uint64{5, 6},
		Paragraphs: []store.Paragraph{{Text: "增长"}, {Text: "就业"}}}
	id, _, err := s.Put(ctx, r)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(ctx, id); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"reports", "contents", "fingerprints", "paragraphs"} {
		var n int
		if err := s.r.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil || n != 0 {
			t.Errorf("%s: %d rows, %v; want none", table, n, err)
		}
	}
	// Every row of a contentless table leaves a row in its _docsize
	// table; Delete must remove those too.
	var n int
	if err := s.r.QueryRow("SELECT count(*) FROM paragraph_index_docsize").Scan(&n); err != nil || n != 0 {
		t.Errorf("paragraph_index_docsize: %d rows, %v; want none", n, err)
	}
	// The fingerprint index leaves the deleted report out, and forgets
	// it once optimized.
	if ps, err := s.Postings(ctx, []uint64{5, 6}); err != nil || len(ps) != 0 {
		t.Errorf("Postings after Delete = %v, %v; want none", ps, err)
	}
	if err := s.Optimize(ctx); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"posting_blocks", "deleted_reports"} {
		if err := s.r.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil || n != 0 {
			t.Errorf("%s after Optimize: %d rows, %v; want none", table, n, err)
		}
	}
}

// A path with characters that mean something in a URI.
func TestOpenOddPath(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "报告 a?b#c%d&e", "z.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Put(ctx, &store.Report{FileHash: "h"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := os.Stat(path); err != nil {
		t.Errorf("the database is not where it was asked to be: %v", err)
	}
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, err := s.Count(ctx); err != nil || n != 1 {
		t.Errorf("Count after reopen = %d, %v", n, err)
	}
}

// Batches holding the same reports in opposite orders, at once: each
// report stored once.
func TestPutBatchConcurrent(t *testing.T) {
	s := openTemp(t)
	defer s.Close()
	ctx := context.Background()
	var rs []*store.Report
	for i := range 12 {
		rs = append(rs, storetest.Synthetic(i))
	}
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			copies := make([]*store.Report, len(rs))
			for j, r := range rs {
				c := *r
				copies[j] = &c
			}
			if i%2 == 1 {
				slices.Reverse(copies)
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
