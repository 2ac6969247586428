package norm

import (
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
