package norm

import (
	"math/rand/v2"
	"slices"
	"testing"

	"zongjie/store"
)

func TestRank(t *testing.T) {
	cands := []Candidate{
		{1, "招商引资成效明显，科技创新项目落地，营商服务环境优化。"},
		{2, "招商引资成效明显，招商引资项目落地，招商引资环境优化。"},
		{3, "招商引资。"},
		{4, "招商引资成效明显，科技创新项目落地，营商服务环境优化，全年引进项目三十个，完成投资五十亿元。"},
		{5, "招商引资成效明显，科技创新项目落地，营商服务环境优化。"},
	}
	got := Rank(store.Spaced("招商引资"), cands, 10)
	var ids []int64
	for i, s := range got {
		ids = append(ids, s.ID)
		if i > 0 && s.Score > got[i-1].Score {
			t.Errorf("not best first: %v", got)
		}
	}
	// Three times first; the short one next; the two equal ones by ID;
	// the long one last.
	want := []int64{2, 3, 1, 5, 4}
	for i := range want {
		if ids[i] != want[i] {
			t.Fatalf("Rank = %v, want %v", ids, want)
		}
	}
	if got := Rank(store.Spaced("招商引资"), cands, 2); len(got) != 2 || got[0].ID != 2 {
		t.Errorf("Rank with limit 2 = %v", got)
	}
	if got := Rank("x", nil, 5); len(got) != 0 {
		t.Errorf("Rank of nothing = %v", got)
	}
	// Overlapping occurrences count.
	r := Rank(store.Spaced("长长"), []Candidate{{1, "长长长"}, {2, "长长短"}}, 2)
	if r[0].ID != 1 {
		t.Errorf("长长 in 长长长 should count twice: %v", r)
	}
}

// TestBest checks that the heap of best gives what sorting all gives,
// ties (broken by ID) included.
func TestBest(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 7, 50, 1000} {
		for _, limit := range []int{1, 2, 5, 20, 200, 2000} {
			scores := make([]Scored, n)
			for i := range scores {
				scores[i] = Scored{ID: int64(rng.IntN(1 << 20)), Score: float64(rng.IntN(8)) / 4} // many ties
			}
			want := slices.Clone(scores)
			slices.SortFunc(want, better)
			want = want[:min(limit, n)]
			if got := best(slices.Clone(scores), limit); !slices.Equal(got, want) {
				t.Errorf("best of %d, limit %d = %v, want %v", n, limit, got, want)
			}
		}
	}
}

func TestReportMetaSelected(t *testing.T) {
	m := ReportMeta{Path: "a.txt", Unit: "东湖区", Level: "district", Genre: "summary", Years: []int{2023, 2024}, UnitID: 7}
	for _, c := range []struct {
		f    store.Filter
		want bool
	}{
		{store.Filter{}, true},
		{store.Filter{Path: "a.txt", Unit: "东湖区", Level: "district", Genre: "summary", Year: 2024}, true},
		{store.Filter{Path: "b.txt"}, false},
		{store.Filter{Unit: "东湖"}, false},
		{store.Filter{Level: "county"}, false},
		{store.Filter{Genre: "plan"}, false},
		{store.Filter{Year: 2024}, true},
		{store.Filter{Year: 2025}, false},
		{store.Filter{Scope: &store.Scope{Units: []int64{3, 7}}}, true},
		{store.Filter{Scope: &store.Scope{Units: []int64{3}, Unassigned: true}}, false},
		{store.Filter{Scope: &store.Scope{}}, false},
	} {
		if got := m.Selected(c.f); got != c.want {
			t.Errorf("Selected(%+v) = %v, want %v", c.f, got, c.want)
		}
	}
	unassigned := ReportMeta{}
	if !unassigned.Selected(store.Filter{Scope: &store.Scope{Unassigned: true}}) || unassigned.Selected(store.Filter{Scope: &store.Scope{Units: []int64{0}}}) {
		t.Error("an unassigned report: selected by Unassigned only")
	}
}
