package norm

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"zongjie/store"
)

// TestSummariesIndexed checks that the list cache's answers through its
// indexes (by unit name, by the scope's units) are those of a look at
// every summary, for filters by unit, scope and both, with reports added
// in several reads and answers for an older read (last below UpTo).
func TestSummariesIndexed(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	names := []string{"东湖街道", "西山镇", "南川乡", ""}
	var l Summaries
	var all []store.Summary
	id := int64(0)
	filters := []store.Filter{
		{}, {Unit: "东湖街道"}, {Unit: "南川乡"}, {Unit: "北塘"}, {Unit: "西山镇", Year: 2021},
		{Scope: &store.Scope{Units: []int64{1}}}, {Scope: &store.Scope{Units: []int64{2, 3}}},
		{Scope: &store.Scope{Units: []int64{3, 3, 0}}}, {Scope: &store.Scope{Unassigned: true}},
		{Scope: &store.Scope{Units: []int64{1, 2, 3}, Unassigned: true}}, {Scope: &store.Scope{}},
		{Scope: &store.Scope{Units: []int64{9}}}, {Unit: "东湖街道", Scope: &store.Scope{Units: []int64{2}}},
		{Level: "town", Scope: &store.Scope{Units: []int64{1, 2}}},
	}
	for round := range 6 {
		var added []store.Summary
		for range 1 + rng.IntN(40) {
			id += 1 + int64(rng.IntN(3)) // IDs of deleted reports skipped
			u := names[rng.IntN(len(names))]
			s := store.Summary{ID: id, Unit: u, UnitID: int64(rng.IntN(4)), Level: []string{"street", "town"}[rng.IntN(2)],
				Years: []int{2020 + rng.IntN(3)}, Path: fmt.Sprintf("r%d.txt", id)}
			added = append(added, s)
		}
		from := l.UpTo
		last := added[len(added)-1].ID
		all = append(all, added...)
		for k, f := range filters {
			got, ok := l.Answer(from, last, added, f)
			if k > 0 {
				got, ok = l.Answer(last, last, nil, f)
			}
			if !ok {
				t.Fatalf("round %d: no answer", round)
			}
			if want := scan(all, last, f); !reflect.DeepEqual(got, want) {
				t.Errorf("round %d: Answer(%+v) = %d summaries, a look at every one %d, or not the same", round, f, len(got), len(want))
			}
			// An older read: only what it saw.
			older := all[rng.IntN(len(all))].ID
			if got, _ := l.Answer(last, older, nil, f); !reflect.DeepEqual(got, scan(all, older, f)) {
				t.Errorf("round %d: Answer(%+v) up to %d: %d summaries, want %d", round, f, older, len(got), len(scan(all, older, f)))
			}
		}
	}
}

// scan is what the list cache answers without its indexes.
func scan(all []store.Summary, last int64, f store.Filter) []store.Summary {
	var out []store.Summary
	for _, s := range all {
		m := ReportMeta{Path: s.Path, Unit: s.Unit, Level: s.Level, Genre: s.Genre, Years: s.Years, UnitID: s.UnitID}
		if s.ID <= last && m.Selected(f) {
			out = append(out, s)
		}
	}
	return out
}

// BenchmarkSummariesUnit lists one unit's reports of 6,300 (20 units),
// as a report page lists its neighbours, and a drafter's scope, as their
// desk does.
func BenchmarkSummariesUnit(b *testing.B) {
	var l Summaries
	var added []store.Summary
	for i := range 6300 {
		added = append(added, store.Summary{ID: int64(i + 1), Unit: fmt.Sprintf("单位%d", i%20), UnitID: int64(i%20 + 1), Years: []int{2020 + i%5}})
	}
	l.Answer(0, 6300, added, store.Filter{})
	for _, f := range []store.Filter{{Unit: "单位3"}, {Scope: &store.Scope{Units: []int64{4}}}} {
		b.Run(fmt.Sprintf("unit=%q,scope=%v", f.Unit, f.Scope != nil), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if out, _ := l.Answer(6300, 6300, nil, f); len(out) != 315 {
					b.Fatal(len(out))
				}
			}
		})
	}
}
