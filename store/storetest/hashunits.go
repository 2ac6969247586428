package storetest

import (
	"context"
	"fmt"
	"maps"
	"testing"

	"zongjie/store"
)

// testHashUnits: HashUnits counts the distinct units a hash's holders
// name (a report naming none on its own) within a scope, up to atLeast,
// and follows every write: a new report, the trash and back, a move, a
// new version naming another unit with other fingerprints, a deletion.
// After each, it agrees with the units of Postings (store.UnitCounts)
// under every scope and bound.
func testHashUnits(t *testing.T, s store.Store) {
	ctx := context.Background()
	tr := makeTree(t, s)
	const hA, hB, unknown = 1001, 1002, 7
	mk := func(key, unit string, unitID int64, fps ...uint64) *store.Report {
		r := syntheticReport(key)
		r.Unit, r.UnitID, r.Fingerprints = unit, unitID, fps
		put(t, s, r)
		return r
	}
	r1 := mk("hu-1", "甲街道", tr.eastStreet, hA, hB)
	r2 := mk("hu-2", "甲街道", tr.westStreet, hA)
	r3 := mk("hu-3", "乙镇", tr.eastStreet, hA)
	r4 := mk("hu-4", "", 0, hA, hB)
	mk("hu-5", "", tr.westStreet, hA)

	east := &store.Scope{Units: []int64{tr.eastStreet}}
	west := &store.Scope{Units: []int64{tr.westStreet}}
	unassigned := &store.Scope{Unassigned: true}
	none := &store.Scope{}
	scopes := []*store.Scope{nil, east, west, unassigned, none, {Units: []int64{tr.eastStreet, tr.westStreet}, Unassigned: true}}
	hashes := []uint64{hA, hB, unknown, hA}

	check := func(step string, scope *store.Scope, atLeast int, want map[uint64]int) {
		t.Helper()
		got, err := s.HashUnits(ctx, hashes, scope, atLeast)
		if err != nil {
			t.Fatalf("%s: HashUnits: %v", step, err)
		}
		if !maps.Equal(got, want) {
			t.Errorf("%s: HashUnits(scope %s, at least %d) = %v, want %v", step, scopeString(scope), atLeast, got, want)
		}
	}
	// agree checks HashUnits against the units of Postings under every
	// scope and bound.
	agree := func(step string) {
		t.Helper()
		ps, err := s.Postings(ctx, hashes)
		if err != nil {
			t.Fatalf("%s: Postings: %v", step, err)
		}
		for _, sc := range scopes {
			for _, atLeast := range []int{0, 1, 2, 3, 4, 100} {
				check(step, sc, atLeast, store.UnitCounts(ps, sc, atLeast))
			}
		}
	}

	// hA: 甲街道 (twice), 乙镇, and two reports naming no unit.
	check("start", nil, 0, map[uint64]int{hA: 4, hB: 2})
	check("start", nil, 3, map[uint64]int{hA: 3, hB: 2})
	check("start", nil, 4, map[uint64]int{hA: 4, hB: 2})
	check("start", nil, 5, map[uint64]int{hA: 4, hB: 2})
	check("start", east, 0, map[uint64]int{hA: 2, hB: 1})
	check("start", west, 0, map[uint64]int{hA: 2})
	check("start", unassigned, 0, map[uint64]int{hA: 1, hB: 1})
	check("start", none, 0, map[uint64]int{})
	if got, err := s.HashUnits(ctx, nil, nil, 0); err != nil || len(got) != 0 {
		t.Errorf("HashUnits(nil) = %v, %v; want nothing", got, err)
	}
	agree("start")

	// A report added after a count is counted.
	mk("hu-6", "丁社区", tr.eastStreet, hA)
	check("added", nil, 0, map[uint64]int{hA: 5, hB: 2})
	check("added", east, 0, map[uint64]int{hA: 3, hB: 1})
	agree("added")

	// The trash takes a report out, bringing it back puts it in.
	if err := s.Trash(ctx, r3.ID); err != nil {
		t.Fatal(err)
	}
	check("trash", nil, 0, map[uint64]int{hA: 4, hB: 2})
	agree("trash")
	if err := s.Untrash(ctx, r3.ID); err != nil {
		t.Fatal(err)
	}
	check("untrash", nil, 0, map[uint64]int{hA: 5, hB: 2})
	agree("untrash")

	// A move changes the scopes that count a report.
	if err := s.Assign(ctx, []int64{r4.ID}, tr.eastStreet); err != nil {
		t.Fatal(err)
	}
	check("assign", east, 0, map[uint64]int{hA: 4, hB: 2})
	check("assign", unassigned, 0, map[uint64]int{})
	agree("assign")

	// A new version naming another unit, holding hB only.
	v2 := *r1
	v2.FileHash, v2.Unit, v2.UnitID, v2.Fingerprints = "hu-1-v2", "丙乡", 0, []uint64{hB}
	if _, added, err := s.Put(ctx, &v2); err != nil || !added {
		t.Fatalf("Put v2: %v, %v", added, err)
	}
	// hA: 甲街道 (r2), 乙镇, 丁社区, two naming none; hB: 丙乡, one naming none.
	check("version", nil, 0, map[uint64]int{hA: 5, hB: 2})
	check("version", east, 0, map[uint64]int{hA: 3, hB: 2})
	agree("version")

	// A deletion.
	if err := s.Delete(ctx, r2.ID); err != nil {
		t.Fatal(err)
	}
	check("delete", nil, 0, map[uint64]int{hA: 4, hB: 2})
	check("delete", west, 0, map[uint64]int{hA: 1})
	agree("delete")

	// Another report of a unit already counted changes no count.
	mk("hu-7", "丁社区", tr.westStreet, hA, hB)
	check("same unit", nil, 0, map[uint64]int{hA: 4, hB: 3})
	check("same unit", west, 0, map[uint64]int{hA: 2, hB: 1})
	agree("same unit")
}

func scopeString(sc *store.Scope) string {
	if sc == nil {
		return "all"
	}
	return fmt.Sprintf("%+v", *sc)
}
