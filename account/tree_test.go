package account

import (
	"slices"
	"testing"

	"zongjie/store"
)

// testTree is 保定市 → 满城区 (alias 满城) → 城关镇, 保定市 → 清苑区 → 城关镇
// (a name twice), 甲县 → 城关镇 (three times) and 乙县 with none.
func testTree() *Tree {
	return NewTree([]store.Unit{
		{ID: 1, Name: "保定市"},
		{ID: 2, Parent: 1, Name: "满城区", Aliases: []string{"满城"}},
		{ID: 3, Parent: 2, Name: "城关镇"},
		{ID: 4, Parent: 1, Name: "清苑区"},
		{ID: 5, Parent: 4, Name: "城关镇"},
		{ID: 6, Name: "甲县"},
		{ID: 7, Parent: 6, Name: "城关镇"},
		{ID: 8, Name: "乙县"},
		{ID: 9, Parent: 2, Name: "方顺桥乡", Aliases: []string{"方顺桥"}},
		{ID: 10, Parent: 4, Name: "温仁镇", Aliases: []string{"方顺桥"}}, // an alias twice
	})
}

func TestMatch(t *testing.T) {
	tr := testTree()
	for _, c := range []struct {
		name, parent string
		want         int64
		how          How
	}{
		// The name, the only one so named.
		{"满城区", "", 2, ByName},
		{"满城区", "保定市", 2, ByName},
		{" 满 城 区 ", "", 2, ByName}, // spaced as in a title
		{"保定市", "", 1, ByName},
		// A parent the tree does not hold says nothing.
		{"满城区", "河北省", 2, ByName},
		// A parent the tree holds elsewhere: another 满城区.
		{"满城区", "乙县", 0, ""},
		// An alias, the only one.
		{"满城", "", 2, ByAlias},
		{"方顺桥乡", "", 9, ByName},
		// An alias two units have: not sure, unless the parent says.
		{"方顺桥", "", 0, ""},
		{"方顺桥", "清苑区", 10, ByParent},
		{"方顺桥", "满城", 9, ByParent},
		// A name three units have, told apart by the parent; by the
		// grandparent too.
		{"城关镇", "", 0, ""},
		{"城关镇", "满城区", 3, ByParent},
		{"城关镇", "满城", 3, ByParent},
		{"城关镇", "清苑区", 5, ByParent},
		{"城关镇", "甲县", 7, ByParent},
		{"城关镇", "乙县", 0, ""},        // 乙县 has none
		{"城关镇", "保定市", 0, ""},       // two below 保定市
		{"城关镇", "河北省", 0, ""},       // not told apart
		{"保定市满城区", "", 2, ByParent}, // the parent's name and its own run together
		{"甲县城关镇", "", 7, ByParent},
		{"满城区城关镇", "", 3, ByParent},
		{"保定市城关镇", "", 0, ""}, // two
		{"乙县城关镇", "", 0, ""},
		// Near misses: nothing like it, a part of a name, anonymised.
		{"满城区政府", "", 0, ""},
		{"城关", "", 0, ""},
		{"", "", 0, ""},
		{"**街道", "", 0, ""},
		{"XX区", "保定市", 0, ""},
		{"某县", "", 0, ""},
	} {
		got, how := tr.Match(c.name, c.parent)
		if got != c.want || how != c.how {
			t.Errorf("Match(%q, %q) = %d, %q; want %d, %q", c.name, c.parent, got, how, c.want, c.how)
		}
	}
	// An empty tree matches nothing.
	if id, _ := NewTree(nil).Match("满城区", ""); id != 0 {
		t.Errorf("Match in an empty tree = %d", id)
	}
}

func TestTree(t *testing.T) {
	tr := testTree()
	if got := tr.Subtree(2); !slices.Equal(got, []int64{2, 3, 9}) {
		t.Errorf("Subtree(满城区) = %v", got)
	}
	if got := tr.Subtree(1); !slices.Equal(got, []int64{1, 2, 3, 9, 4, 5, 10}) {
		t.Errorf("Subtree(保定市) = %v", got)
	}
	if got := tr.Subtree(99); got != nil {
		t.Errorf("Subtree of an unknown unit = %v", got)
	}
	if got := tr.FullName(3); got != "保定市/满城区/城关镇" {
		t.Errorf("FullName = %q", got)
	}
	if !tr.Within(3, 1) || !tr.Within(3, 3) || tr.Within(3, 4) || tr.Within(1, 3) {
		t.Errorf("Within is wrong")
	}
	var roots []int64
	for _, u := range tr.Children(0) {
		roots = append(roots, u.ID)
	}
	if !slices.Equal(roots, []int64{1, 6, 8}) {
		t.Errorf("roots = %v", roots)
	}
	ids := func(us []store.Unit) []int64 {
		var out []int64
		for _, u := range us {
			out = append(out, u.ID)
		}
		return out
	}
	for _, c := range []struct {
		name string
		want []int64
	}{
		{"满城区", []int64{2}},
		{"满城", []int64{2}},
		{"城关镇", []int64{3, 5, 7}},
		{"保定市/清苑区/城关镇", []int64{5}},
		{"保定市/清苑区", []int64{4}},
		{"/甲县/城关镇/", []int64{7}},
		{"保定市/城关镇", nil},
		{"无此单位", nil},
	} {
		if got := ids(tr.Find(c.name)); !slices.Equal(got, c.want) {
			t.Errorf("Find(%q) = %v, want %v", c.name, got, c.want)
		}
	}
	// A cycle the store should not hold does not hang.
	cyc := NewTree([]store.Unit{{ID: 1, Parent: 2, Name: "a"}, {ID: 2, Parent: 1, Name: "b"}})
	cyc.Path(1)
	cyc.Subtree(1)
}
