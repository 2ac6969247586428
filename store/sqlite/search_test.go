package sqlite

import (
	"context"
	"testing"

	"zongjie/store"
	"zongjie/store/storetest"
)

func TestSearchCache(t *testing.T) {
	s := openTemp(t)
	defer s.Close()
	storetest.SearchCache(t, s, putBatch(s), s.found.Phrases, func(q store.Query) []store.Hit {
		t.Helper()
		ctx := context.Background()
		tx, err := s.r.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback()
		best, err := rankMatches(ctx, tx, store.Spaced(q.Text), q)
		if err != nil {
			t.Fatal(err)
		}
		hits, err := hitsOf(ctx, tx, best)
		if err != nil {
			t.Fatal(err)
		}
		return hits
	})
}

func TestListCache(t *testing.T) {
	for _, budget := range []int{listBudget, 4 << 10} {
		func() {
			defer func(n int) { listBudget = n }(listBudget)
			listBudget = budget
			s := openTemp(t)
			defer s.Close()
			storetest.ListCache(t, s, putBatch(s), func(f store.Filter) []store.Summary {
				t.Helper()
				out, err := s.listAll(context.Background(), f)
				if err != nil {
					t.Fatal(err)
				}
				return out
			})
			s.lists.mu.Lock()
			defer s.lists.mu.Unlock()
			switch {
			case budget < 1<<20 && (!s.lists.off || s.lists.sums != nil):
				t.Errorf("budget %d: %d summaries kept (%d bytes), off %v", budget, len(s.lists.sums), s.lists.bytes, s.lists.off)
			case budget >= 1<<20 && len(s.lists.sums) == 0:
				t.Errorf("budget %d: no summary kept: nothing was compared", budget)
			}
		}()
	}
}
