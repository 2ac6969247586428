package store

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// countAll is TopShared the exhaustive way: every posting counted, the
// counts sorted by count, then ID.
func countAll(lists [][]Posting, scope *Scope, exclude int64, n int) []Shared {
	counts := map[int64]int{}
	for _, ps := range lists {
		for _, p := range ps {
			if p.Report != exclude && scope.Holds(p.UnitID) {
				counts[p.Report]++
			}
		}
	}
	var out []Shared
	for id, c := range counts {
		out = append(out, Shared{id, c})
	}
	slices.SortFunc(out, func(a, b Shared) int {
		if a.Hashes != b.Hashes {
			return cmp.Compare(b.Hashes, a.Hashes)
		}
		return cmp.Compare(a.Report, b.Report)
	})
	if n <= 0 {
		return nil
	}
	return out[:min(n, len(out))]
}

// templateLists are the holders of a text's m hashes in a store of
// reports made from a few templates (families), as bench/load's and a
// district's are. Hash j of the text asked about (report 7) is of one of
// four kinds: the template's text, held by nearly every report of family
// j%families; a phrase of a choice the template leaves (which work a
// paragraph tells of), held by a quarter of them; the unit's name, held
// by the reports of report 7's unit (of 20); a phrase few copies keep,
// held by one in thirty. Every hash is held by a few reports of other
// families too. Reports are of five units of the tree (0: unassigned).
func templateLists(rng *rand.Rand, reports, m, families int) [][]Posting {
	lists := make([][]Posting, m)
	for j := range m {
		for id := int64(1); id <= int64(reports); id++ {
			var held bool
			if int(id)%families == j%families {
				switch j % 4 {
				case 0:
					held = rng.IntN(30) > 0
				case 1:
					held = rng.IntN(4) == 0
				case 2:
					held = id%20 == 7
				case 3:
					held = rng.IntN(30) == 0
				}
			}
			if held || rng.IntN(50) == 0 || id == 7 {
				lists[j] = append(lists[j], Posting{Report: id, UnitID: id % 5})
			}
		}
	}
	return lists
}

// TestTopShared: TopShared gives what counting every posting gives —
// the same reports, counts and order — on lists of template families,
// with ties at the cut, a scope, the report asked about left out, and
// fewer reports than asked for; and it reads fewer postings than there
// are once the lists are long.
func TestTopShared(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	scopes := []*Scope{nil, {Units: []int64{1}}, {Units: []int64{2, 3}, Unassigned: true}, {Unassigned: true}, {}, {Units: []int64{1 << 20, 1}}}
	for _, tt := range []struct {
		name                 string
		reports, m, families int
	}{
		{"one template", 3000, 60, 1},
		{"three families", 2000, 40, 3},
		{"few reports", 12, 30, 2},
		{"one hash", 500, 1, 1},
		{"no hash", 100, 0, 1},
		{"many families", 1500, 80, 20},
	} {
		lists := templateLists(rng, tt.reports, tt.m, tt.families)
		total := 0
		for _, ps := range lists {
			total += len(ps)
		}
		for _, scope := range scopes {
			for _, exclude := range []int64{0, 7, 1} {
				for _, n := range []int{0, 1, 20, 200, tt.reports + 1} {
					name := fmt.Sprintf("%s, scope %v, exclude %d, top %d", tt.name, scope, exclude, n)
					got, read := topShared(lists, scope, exclude, n)
					if want := countAll(lists, scope, exclude, n); !slices.Equal(got, want) {
						t.Errorf("%s: %v…, want %v…", name, got[:min(len(got), 6)], want[:min(len(want), 6)])
					}
					if scope == nil && exclude == 7 && n == 20 && tt.families == 1 && tt.reports >= 1000 {
						// The template's lists, of nearly every report,
						// are looked into, not read.
						if read > total/2 {
							t.Errorf("%s: read %d of %d postings", name, read, total)
						}
					}
				}
			}
		}
	}
}

// TestTopSharedTies: reports holding as many hashes are taken by ID, the
// ones visited first, whatever the lists' order.
func TestTopSharedTies(t *testing.T) {
	p := func(ids ...int64) []Posting {
		var ps []Posting
		for _, id := range ids {
			ps = append(ps, Posting{Report: id})
		}
		return ps
	}
	for _, tt := range []struct {
		name  string
		lists [][]Posting
		n     int
		want  []Shared
	}{
		{"all alike", [][]Posting{p(1, 2, 3, 4), p(1, 2, 3, 4)}, 2, []Shared{{1, 2}, {2, 2}}},
		{"a later report holds more", [][]Posting{p(1, 2, 3, 9), p(3, 9), p(9)}, 2, []Shared{{9, 3}, {3, 2}}},
		{"a later report as many", [][]Posting{p(1, 5, 9), p(1, 5, 9), p(5)}, 2, []Shared{{5, 3}, {1, 2}}},
		{"a rare hash decides", [][]Posting{p(1, 2, 3, 4, 5, 6), p(1, 2, 3, 4, 5, 6), p(6)}, 1, []Shared{{6, 3}}},
		{"fewer than asked", [][]Posting{p(4), p(2)}, 5, []Shared{{2, 1}, {4, 1}}},
		{"none", nil, 3, nil},
	} {
		if got := TopShared(tt.lists, nil, 0, tt.n); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestSeek: the first posting at or past an ID, from any start.
func TestSeek(t *testing.T) {
	var ps []Posting
	for id := int64(10); id < 1000; id += 3 {
		ps = append(ps, Posting{Report: id})
	}
	for k := range len(ps) + 1 {
		for _, id := range []int64{0, 10, 11, 12, 13, 500, 997, 998, 5000} {
			want := k
			for want < len(ps) && ps[want].Report < id {
				want++
			}
			if got, _ := seek(ps, k, id); got != want {
				t.Fatalf("seek(from %d, %d) = %d, want %d", k, id, got, want)
			}
		}
	}
}

// BenchmarkTopShared ranks the reports of a store of one template of
// 6,000 reports for a text of 60 hashes, against counting every posting.
func BenchmarkTopShared(b *testing.B) {
	lists := templateLists(rand.New(rand.NewPCG(5, 6)), 6000, 60, 1)
	b.Run("bounded", func(b *testing.B) {
		for b.Loop() {
			TopShared(lists, nil, 7, 20)
		}
	})
	b.Run("exhaustive", func(b *testing.B) {
		for b.Loop() {
			countAll(lists, nil, 7, 20)
		}
	})
}
