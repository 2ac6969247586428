package corpus

import (
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"zongjie/store"
)

// postingsStore gives Postings of hashes held by the reports of as many
// units as the hash's value, one report each, and counts the calls of
// Count.
type postingsStore struct {
	store.Store
	reports int // what Count says
	counted int
}

func (s *postingsStore) Postings(_ context.Context, hashes []uint64) (map[uint64][]store.Posting, error) {
	out := map[uint64][]store.Posting{}
	for _, h := range hashes {
		for k := range int(h) {
			out[h] = append(out[h], store.Posting{Report: int64(h)*1000 + int64(k), Unit: fmt.Sprint("单位", k)})
		}
	}
	return out, nil
}

func (s *postingsStore) HashUnits(ctx context.Context, hashes []uint64, scope *store.Scope, atLeast int) (map[uint64]int, error) {
	ps, err := s.Postings(ctx, hashes)
	if err != nil {
		return nil, err
	}
	return store.UnitCounts(ps, scope, atLeast), nil
}

func (s *postingsStore) Count(context.Context) (int, error) {
	s.counted++
	return s.reports, nil
}

// TestLookupCommon: a hash held by the reports of MinBoilerplateUnits
// units is a stock phrase, of one unit fewer not; a store of more than
// 100 times as many reports raises the threshold. The store is counted
// only when a hash reaches MinBoilerplateUnits.
func TestLookupCommon(t *testing.T) {
	const m = MinBoilerplateUnits
	for _, tt := range []struct {
		name    string
		reports int
		hashes  []uint64
		common  []uint64
		counted bool
	}{
		{"below", 300, []uint64{m - 1, 3}, nil, false},
		{"at", 300, []uint64{m, m - 1}, []uint64{m}, true},
		{"large store, below its threshold", 100 * (m + 10), []uint64{m, m + 9}, nil, true},
		{"large store, at its threshold", 100 * (m + 10), []uint64{m + 9, m + 10}, []uint64{m + 10}, true},
	} {
		st := &postingsStore{reports: tt.reports}
		bp, shared, err := lookup(context.Background(), st, tt.hashes, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range tt.hashes {
			want := false
			for _, c := range tt.common {
				want = want || c == h
			}
			if got := bp.Has(h); got != want {
				t.Errorf("%s: hash %d (held in %d units) a stock phrase: %v, want %v", tt.name, h, h, got, want)
			}
			// The reports holding a hash that is not common share it.
			if n := shared.of(int64(h) * 1000); n != map[bool]int{false: 1, true: 0}[want] {
				t.Errorf("%s: report holding hash %d shares %d hashes", tt.name, h, n)
			}
		}
		if (st.counted > 0) != tt.counted {
			t.Errorf("%s: Count called %d times, want called: %v", tt.name, st.counted, tt.counted)
		}
		// Boilerplate finds the same stock phrases from the counts of
		// units, and counts the store as seldom.
		st.counted = 0
		common, err := commonHashes(context.Background(), st, tt.hashes)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range tt.hashes {
			if got, want := common.Has(h), bp.Has(h); got != want {
				t.Errorf("%s: hash %d (held in %d units) common by the counts of units: %v, by the postings %v", tt.name, h, h, got, want)
			}
		}
		if (st.counted > 0) != tt.counted {
			t.Errorf("%s: commonHashes called Count %d times, want called: %v", tt.name, st.counted, tt.counted)
		}
	}
}

// TestShareCounts: the reports sharing most hashes, as a map of counts
// sorted by count and then ID gives them, whether the IDs are dense (a
// slice) or sparse (a map), with ties at the cut, the report left out,
// and fewer reports than asked for.
func TestShareCounts(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, tt := range []struct {
		name            string
		reports, hashes int
		spread          int64 // IDs are 1 + k*spread
		exclude         int64
	}{
		{"dense", 300, 32, 1, 5},
		{"dense, ties", 3000, 3, 1, 0},
		{"sparse", 40, 10, 1 << 20, 1 + 3<<20},
		{"few", 5, 4, 1, 0},
		{"none", 0, 4, 1, 0},
	} {
		var lists [][]store.Posting
		want := map[int64]int{}
		for range tt.hashes {
			var ps []store.Posting
			for k := range tt.reports {
				if rng.IntN(3) > 0 {
					id := 1 + int64(k)*tt.spread
					ps = append(ps, store.Posting{Report: id})
					if id != tt.exclude {
						want[id]++
					}
				}
			}
			lists = append(lists, ps)
		}
		c := countShared(lists, tt.exclude)
		if tt.spread > 1 && c.dense != nil || tt.spread == 1 && tt.reports > 0 && c.dense == nil {
			t.Errorf("%s: dense %v", tt.name, c.dense != nil)
		}
		var ids []int64
		for id := range want {
			ids = append(ids, id)
		}
		slices.SortFunc(ids, func(a, b int64) int {
			if want[a] != want[b] {
				return want[b] - want[a]
			}
			return cmp.Compare(a, b)
		})
		for _, n := range []int{1, 20, 100, len(ids) + 5} {
			got := c.top(n)
			if w := ids[:min(n, len(ids))]; !slices.Equal(got, w) {
				t.Errorf("%s: top(%d) = %v…, want %v…", tt.name, n, got[:min(len(got), 8)], w[:min(len(w), 8)])
			}
		}
		for id, n := range want {
			if c.of(id) != n {
				t.Errorf("%s: of(%d) = %d, want %d", tt.name, id, c.of(id), n)
			}
		}
		if c.of(tt.exclude) != 0 {
			t.Errorf("%s: the report left out counted %d", tt.name, c.of(tt.exclude))
		}
	}
}
