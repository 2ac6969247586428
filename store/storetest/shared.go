package storetest

import (
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"zongjie/store"
)

// sharedByPostings is Shared the exhaustive way: every posting of every
// hash (Postings) counted, the counts sorted by count, then ID.
func sharedByPostings(t *testing.T, s store.Store, hashes []uint64, scope *store.Scope, exclude int64, n int) []store.Shared {
	t.Helper()
	ps, err := s.Postings(context.Background(), hashes)
	if err != nil {
		t.Fatalf("Postings: %v", err)
	}
	counts := map[int64]int{}
	for _, list := range ps {
		for _, p := range list {
			if p.Report != exclude && scope.Holds(p.UnitID) {
				counts[p.Report]++
			}
		}
	}
	out := []store.Shared{}
	for id, c := range counts {
		out = append(out, store.Shared{Report: id, Hashes: c})
	}
	slices.SortFunc(out, func(a, b store.Shared) int {
		if a.Hashes != b.Hashes {
			return cmp.Compare(b.Hashes, a.Hashes)
		}
		return cmp.Compare(a.Report, b.Report)
	})
	return out[:min(n, len(out))]
}

// testShared: Shared gives what counting every posting of Postings gives
// — the same reports, counts and order — in a store of reports made from
// three templates (each report keeping most of its family's hashes, the
// later ones of a template less often, and hashes of its own), of the
// units of a tree and unassigned, for texts of one family and of several,
// under every scope, with the report asked about left out and cuts that
// fall inside ties; and again after the trash, a new version with other
// fingerprints, a move and a deletion.
func testShared(t *testing.T, s store.Store) {
	ctx := context.Background()
	tr := makeTree(t, s)
	rng := rand.New(rand.NewPCG(11, 12))
	const families, templ, reports = 3, 40, 384
	template := func(f, j int) uint64 { return uint64(0x7e_0000 + f*1000 + j) }
	unitIDs := []int64{tr.eastStreet, tr.westStreet, tr.east, 0}
	var stored []*store.Report
	for b := 0; b < reports; b += 64 {
		var batch []*store.Report
		for i := b; i < b+64; i++ {
			r := syntheticReport(fmt.Sprintf("shared-%04d", i))
			f := i % families
			r.UnitID = unitIDs[rng.IntN(len(unitIDs))]
			r.Unit = []string{"青禾街道", "柳岸镇", ""}[rng.IntN(3)]
			r.Fingerprints = nil
			for j := range templ {
				if rng.IntN(templ+8) >= j { // the template's later hashes kept less often
					r.Fingerprints = append(r.Fingerprints, template(f, j))
				}
			}
			if rng.IntN(8) == 0 { // some copies mix in another family's text
				r.Fingerprints = append(r.Fingerprints, template((f+1)%families, rng.IntN(templ)))
			}
			for k := range 3 {
				r.Fingerprints = append(r.Fingerprints, ownHash(r.FileHash, k))
			}
			batch = append(batch, r)
		}
		if _, _, err := s.PutBatch(ctx, batch); err != nil {
			t.Fatalf("PutBatch: %v", err)
		}
		stored = append(stored, batch...)
	}

	scopes := []*store.Scope{
		nil,
		{Units: []int64{tr.eastStreet}},
		{Units: []int64{tr.east, tr.eastStreet}},
		{Unassigned: true},
		{Units: []int64{tr.westStreet, tr.east}, Unassigned: true},
		{},
	}
	var texts [][]uint64
	for f := range families {
		var hs []uint64
		for j := range templ {
			hs = append(hs, template(f, j))
		}
		texts = append(texts, hs)
	}
	texts = append(texts,
		slices.Concat(texts[0][:10], texts[1][30:], []uint64{ownHash(stored[5].FileHash, 0), 12345}),
		stored[7].Fingerprints,
		nil)
	check := func(step string) {
		t.Helper()
		for ti, hashes := range texts {
			for _, scope := range scopes {
				for _, exclude := range []int64{0, stored[7].ID, stored[3].ID} {
					for _, n := range []int{1, 20, 50, reports + 1} {
						got, err := s.Shared(ctx, hashes, scope, exclude, n)
						if err != nil {
							t.Fatalf("%s: Shared: %v", step, err)
						}
						want := sharedByPostings(t, s, hashes, scope, exclude, n)
						if !slices.Equal(got, want) && (len(got) > 0 || len(want) > 0) {
							t.Errorf("%s: Shared(text %d, scope %s, exclude %d, %d) = %v…, want %v…", step, ti, scopeString(scope), exclude, n,
								got[:min(len(got), 5)], want[:min(len(want), 5)])
						}
					}
				}
			}
		}
	}
	check("start")

	// The report sharing most with the first template goes to the
	// trash, and comes back.
	best, err := s.Shared(ctx, texts[0], nil, 0, 1)
	if err != nil || len(best) != 1 {
		t.Fatalf("Shared = %v, %v", best, err)
	}
	if err := s.Trash(ctx, best[0].Report); err != nil {
		t.Fatal(err)
	}
	check("trash")
	if err := s.Untrash(ctx, best[0].Report); err != nil {
		t.Fatal(err)
	}
	check("untrash")

	// A new version holding the whole of the second template, moved to
	// another unit; a deletion; a report added.
	v2 := *stored[10]
	v2.FileHash, v2.Fingerprints = "shared-0010-v2", slices.Clone(texts[1])
	if _, added, err := s.Put(ctx, &v2); err != nil || !added {
		t.Fatalf("Put v2: %v, %v", added, err)
	}
	check("version")
	if err := s.Assign(ctx, []int64{stored[10].ID, stored[11].ID}, tr.westStreet); err != nil {
		t.Fatal(err)
	}
	check("assign")
	if err := s.Delete(ctx, stored[12].ID); err != nil {
		t.Fatal(err)
	}
	r := syntheticReport("shared-new")
	r.Fingerprints = slices.Clone(texts[0])
	put(t, s, r)
	check("delete and add")
}
