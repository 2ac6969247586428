package postgres

import (
	"context"
	"os"
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
	s := openTest(b)
	defer s.Close()
	storetest.BenchmarkPut(b, s, putOne(s), 1)
}

func BenchmarkPutBatch(b *testing.B) {
	s := openTest(b)
	defer s.Close()
	storetest.BenchmarkPut(b, s, putBatch(s), 64)
}

// openBench opens the database ZONGJIE_BENCH_DSN names, kept between runs,
// or a new one.
func openBench(tb testing.TB) *Store {
	dsn := os.Getenv("ZONGJIE_BENCH_DSN")
	if dsn == "" {
		return openTest(tb)
	}
	s, err := Open(context.Background(), dsn)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// BenchmarkPostings measures Postings on a store of ZONGJIE_BENCH_REPORTS
// synthetic reports (default 2,000), filled up only as far as needed.
func BenchmarkPostings(b *testing.B) {
	n := storetest.EnvInt("ZONGJIE_BENCH_REPORTS", 2000)
	s := openBench(b)
	defer s.Close()
	have, err := s.Count(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	if have < n {
		storetest.Fill(b, putBatch(s), have, n, 64, 2)
	}
	storetest.BenchmarkPostings(b, s)
}

// TestFill stores ZONGJIE_FILL_REPORTS synthetic reports (skipped when
// unset) with 4 goroutines calling Put, or PutBatch with
// ZONGJIE_FILL_BATCH, and logs the rate.
func TestFill(t *testing.T) {
	n := storetest.EnvInt("ZONGJIE_FILL_REPORTS", 0)
	if n == 0 {
		t.Skip("set ZONGJIE_FILL_REPORTS to run")
	}
	s := openBench(t)
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
