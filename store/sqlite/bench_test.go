package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"zongjie/store"
	"zongjie/store/storetest"
)

// putOne stores reports with a Put each.
func putOne(s *Store) storetest.Putter {
	return func(ctx context.Context, rs []*store.Report) error {
		for _, r := range rs {
			if _, _, err := s.Put(ctx, r); err != nil {
				return err
			}
		}
		return nil
	}
}

// putBatch stores reports with one PutBatch.
func putBatch(s *Store) storetest.Putter {
	return func(ctx context.Context, rs []*store.Report) error {
		_, _, err := s.PutBatch(ctx, rs)
		return err
	}
}

func BenchmarkPut(b *testing.B) {
	s := openBench(b)
	storetest.BenchmarkPut(b, s, putOne(s), 1)
}

func BenchmarkPutBatch(b *testing.B) {
	s := openBench(b)
	storetest.BenchmarkPut(b, s, putBatch(s), 64)
}

func openBench(b *testing.B) *Store {
	s, err := Open(filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkPostings measures Postings on a store of ZONGJIE_BENCH_REPORTS
// synthetic reports (default 2,000). With ZONGJIE_BENCH_DB the store is
// that file, kept between runs and filled up only as far as needed.
func BenchmarkPostings(b *testing.B) {
	s := openFilled(b)
	storetest.BenchmarkPostings(b, s)
}

// BenchmarkSearch measures Search on the store BenchmarkPostings uses.
func BenchmarkSearch(b *testing.B) {
	s := openFilled(b)
	storetest.BenchmarkSearch(b, s)
}

// openFilled opens the store of the query benchmarks.
func openFilled(b *testing.B) *Store {
	n := storetest.EnvInt("ZONGJIE_BENCH_REPORTS", 2000)
	path := os.Getenv("ZONGJIE_BENCH_DB")
	if path == "" {
		path = filepath.Join(b.TempDir(), "bench.db")
	}
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	have, err := s.Count(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	if have < n {
		storetest.Fill(b, putBatch(s), have, n, 64, 2)
		if os.Getenv("ZONGJIE_BENCH_OPTIMIZE") != "" {
			if err := s.Optimize(context.Background()); err != nil {
				b.Fatal(err)
			}
		}
	}
	return s
}

// TestFill stores ZONGJIE_FILL_REPORTS synthetic reports (skipped when
// unset) with 4 goroutines calling Put, or PutBatch with
// ZONGJIE_FILL_BATCH, and logs the rate: the check of the 100,000-report
// target.
func TestFill(t *testing.T) {
	n := storetest.EnvInt("ZONGJIE_FILL_REPORTS", 0)
	if n == 0 {
		t.Skip("set ZONGJIE_FILL_REPORTS to run")
	}
	path := os.Getenv("ZONGJIE_BENCH_DB")
	if path == "" {
		path = filepath.Join(t.TempDir(), "fill.db")
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	have, err := s.Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if batch := storetest.EnvInt("ZONGJIE_FILL_BATCH", 0); batch > 0 {
		storetest.Fill(t, putBatch(s), have, n, batch, 4)
	} else {
		storetest.Fill(t, putOne(s), have, n, 1, 4)
	}
}
