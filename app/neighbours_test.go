package app

import (
	"math/rand/v2"
	"slices"
	"testing"

	"zongjie/store"
)

// Ensure neighbours finds what the unit's reports sorted in time order
// give (the last before, the last of the first period after), ties of
// one period by the latest added, over random lists.
func TestNeighboursUnsorted(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	periods := []struct {
		years  []int
		period string
		genre  string
	}{{nil, "", "summary"}, {[]int{2023}, "FY", "summary"}, {[]int{2024}, "H1", "summary"}, {[]int{2024}, "FY", "summary"},
		{[]int{2025}, "FY", "plan"}, {[]int{2025}, "FY", "summary"}}
	for round := range 300 {
		var list []store.Summary
		for i := range rng.IntN(12) {
			p := periods[rng.IntN(len(periods))]
			list = append(list, store.Summary{ID: int64(100 - i*3 + rng.IntN(3)), Years: p.years, Period: p.period, Genre: p.genre})
		}
		if len(list) == 0 {
			continue
		}
		r := list[rng.IntN(len(list))]
		at := order(r)
		// The reference: sorted, the last before, the last of the first
		// order after.
		sorted := slices.Clone(list)
		sortByOrder(sorted)
		var want [2]int64
		for _, s := range sorted {
			o := order(s)
			switch {
			case s.ID == r.ID || o == 0:
			case o < at:
				want[0] = s.ID
			case o > at && (want[1] == 0 || o <= order(*find(sorted, want[1]))):
				want[1] = s.ID
			}
		}
		prev, next := neighbours(slices.Clone(list), r.ID, at)
		var got [2]int64
		if prev != nil {
			got[0] = prev.ID
		}
		if next != nil {
			got[1] = next.ID
		}
		if got != want {
			t.Errorf("round %d: neighbours of %d (order %d) in %v = %v, want %v", round, r.ID, at, list, got, want)
		}
	}
}

func find(ss []store.Summary, id int64) *store.Summary {
	for i := range ss {
		if ss[i].ID == id {
			return &ss[i]
		}
	}
	return nil
}
