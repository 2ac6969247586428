package corpus

import (
	"context"
	"fmt"
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

func (s *postingsStore) Shared(ctx context.Context, hashes []uint64, scope *store.Scope, exclude int64, n int) ([]store.Shared, error) {
	ps, err := s.Postings(ctx, hashes)
	if err != nil {
		return nil, err
	}
	var lists [][]store.Posting
	for _, l := range ps {
		lists = append(lists, l) // by report ID
	}
	return store.TopShared(lists, scope, exclude, n), nil
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
		bp, ids, err := lookup(context.Background(), st, tt.hashes, 0, 1000)
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
			// The reports holding a hash that is not common share it;
			// those holding a common one are not counted for it.
			if got := slices.Contains(ids, int64(h)*1000); got == want {
				t.Errorf("%s: report holding hash %d a candidate: %v", tt.name, h, got)
			}
		}
		if (st.counted > 0) != tt.counted {
			t.Errorf("%s: Count called %d times, want called: %v", tt.name, st.counted, tt.counted)
		}
	}
}
