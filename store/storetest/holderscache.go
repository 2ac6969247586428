package storetest

import (
	"cmp"
	"context"
	"maps"
	"slices"
	"testing"

	"zongjie/store"
)

// HoldersCache checks that a store that keeps the holders of the hashes
// looked up gives exactly what reading the fingerprint index (database)
// gives: Postings (each hash's reports, with their units) and HashUnits
// (under every kind of scope and bound), after each kind of write (see
// afterCacheWrites) made through w, which may be s itself or another
// handle on the same database (another process). fill stores reports
// through w.
func HoldersCache(t *testing.T, s, w store.Store, fill Putter, database func(hashes []uint64) map[uint64][]store.Posting) {
	ctx := context.Background()
	Fill(t, fill, 0, 24, 24, 1)
	east, west := &store.Unit{Name: "东湖区"}, &store.Unit{Name: "西山县"}
	for _, u := range []*store.Unit{east, west} {
		if err := w.CreateUnit(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	assign := func(unit int64, ids ...int64) {
		t.Helper()
		if err := w.Assign(ctx, ids, unit); err != nil {
			t.Fatal(err)
		}
	}
	assign(east.ID, 1, 2, 3, 10, 11)
	assign(west.ID, 4, 5, 12)

	// The hashes the synthetic reports share (a fifth of each report's),
	// and a few of each report's own, of the reports stored and to come;
	// and hashes no report holds.
	var hashes []uint64
	for n := range 64 {
		for i, h := range Synthetic(n).Fingerprints {
			if i%5 == 0 && i < 100 || i < 3 {
				hashes = append(hashes, h)
			}
		}
	}
	hashes = append(hashes, 1, 2, 3)
	scopes := []*store.Scope{nil, {Units: []int64{east.ID}}, {Unassigned: true}, {Units: []int64{east.ID, west.ID}, Unassigned: true}, {}}
	compare := func(step string) {
		t.Helper()
		// Some hashes first, then all: the cache holds some when
		// asked for all.
		for _, hs := range [][]uint64{hashes[:len(hashes)/3], hashes} {
			got, err := s.Postings(ctx, hs)
			if err != nil {
				t.Fatal(err)
			}
			want := database(hs)
			if len(got) != len(want) {
				t.Errorf("%s: Postings of %d hashes: %d held, the database's %d", step, len(hs), len(got), len(want))
			}
			for h, ps := range want {
				g := slices.Clone(got[h])
				slices.SortFunc(g, func(a, b store.Posting) int { return cmp.Compare(a.Report, b.Report) })
				slices.SortFunc(ps, func(a, b store.Posting) int { return cmp.Compare(a.Report, b.Report) })
				if !slices.Equal(g, ps) {
					t.Errorf("%s: Postings[%x] = %v, the database's %v", step, h, g, ps)
					break
				}
			}
			for _, sc := range scopes {
				for _, atLeast := range []int{0, 1, 2, 3} {
					got, err := s.HashUnits(ctx, hs, sc, atLeast)
					if err != nil {
						t.Fatal(err)
					}
					if want := store.UnitCounts(want, sc, atLeast); !maps.Equal(got, want) {
						t.Errorf("%s: HashUnits of %d hashes (scope %s, at least %d): %d counted, or not as the database's %d", step, len(hs), scopeString(sc), atLeast, len(got), len(want))
					}
				}
			}
		}
		// A caller may change what Postings gives.
		if ps, err := s.Postings(ctx, hashes[:1]); err == nil {
			for h := range ps {
				clear(ps[h])
			}
		}
	}
	compare("filled")
	compare("again")
	afterCacheWrites(t, w, fill, func(ids ...int64) { assign(west.ID, ids...) }, compare)
}
