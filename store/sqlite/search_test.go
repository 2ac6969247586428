package sqlite

import (
	"context"
	"testing"

	"zongjie/store"
	"zongjie/store/internal/norm"
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
	for _, budget := range []int{norm.ListBudget, 4 << 10} {
		func() {
			defer func(n int) { norm.ListBudget = n }(norm.ListBudget)
			norm.ListBudget = budget
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
			case budget < 1<<20 && (!s.lists.kept.Off || s.lists.kept.Sums != nil):
				t.Errorf("budget %d: %d summaries kept (%d bytes), off %v", budget, len(s.lists.kept.Sums), s.lists.kept.Bytes, s.lists.kept.Off)
			case budget >= 1<<20 && len(s.lists.kept.Sums) == 0:
				t.Errorf("budget %d: no summary kept: nothing was compared", budget)
			}
		}()
	}
}

// TestHoldersCache: Postings and HashUnits from the holders cache are
// those of the fingerprint index, after every kind of write, made by this
// store or by another on the same file (another process), and with a
// budget so small that the cache keeps dropping hashes.
func TestHoldersCache(t *testing.T) {
	for _, tt := range []struct {
		name   string
		other  bool
		budget int
	}{
		{"same store", false, norm.HolderBudget},
		{"another store writes", true, norm.HolderBudget},
		{"small budget", false, 16 << 10},
	} {
		t.Run(tt.name, func(t *testing.T) {
			defer func(n int) { norm.HolderBudget = n }(norm.HolderBudget)
			norm.HolderBudget = tt.budget
			s := openTemp(t)
			defer s.Close()
			w := s
			if tt.other {
				var err error
				if w, err = Open(s.path); err != nil {
					t.Fatal(err)
				}
				defer w.Close()
			}
			storetest.HoldersCache(t, s, w, putBatch(w), func(hashes []uint64) map[uint64][]store.Posting {
				t.Helper()
				reads, err := s.readHolders(context.Background(), norm.Fingerprints(hashes))
				if err != nil {
					t.Fatal(err)
				}
				out := map[uint64][]store.Posting{}
				for _, r := range reads {
					for i, h := range r.Hashes {
						if len(r.Postings[i]) > 0 {
							out[h] = r.Postings[i]
						}
					}
				}
				return out
			})
			hashes, bytes := s.held.Held()
			if hashes == 0 {
				t.Errorf("the cache holds no hash: nothing was compared")
			}
			if bytes > norm.HolderBudget {
				t.Errorf("the cache holds %d bytes, over its budget of %d", bytes, norm.HolderBudget)
			}
		})
	}
}
