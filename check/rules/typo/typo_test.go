package typo

import (
	"slices"
	"strings"
	"testing"

	"zongjie/check"
	"zongjie/check/checktest"
)

// TestValidate checks every rule's metadata and that Rules is sorted.
func TestValidate(t *testing.T) {
	checktest.Validate(t, Rules)
	if !slices.IsSortedFunc(Rules, func(a, b *check.Rule) int { return strings.Compare(a.ID, b.ID) }) {
		t.Error("Rules is not sorted by ID")
	}
	for _, r := range Rules {
		if r.Category != check.Typo {
			t.Errorf("%s: category %s, want typo", r.ID, r.Category)
		}
		// TY008 is off by default: it still reports some names and
		// coinages of published text (README.md, "TY008").
		if r.OffByDefault != (r == NonWord) {
			t.Errorf("%s: off by default %v", r.ID, r.OffByDefault)
		}
	}
}

// TestDocExamples checks that each rule reports its wrong example and
// leaves its right example alone (TY007 with the configuration of its
// Doc.Config).
func TestDocExamples(t *testing.T) {
	for _, r := range Rules {
		t.Run(r.ID, func(t *testing.T) { checktest.ExpectExample(t, r) })
	}
}

// TestFixes applies the fixes of every rule, certain or suggested, to its
// wrong example and checks that the result is clean for the whole
// category.
func TestFixes(t *testing.T) {
	for _, r := range Rules {
		if r == Banned || r == RareChar {
			continue // no fixes
		}
		ds := checktest.Run(t, "t.txt", r.Doc.Wrong, nil, r)
		for i := range ds {
			for j := range ds[i].Fixes {
				ds[i].Fixes[j].Certain = true
			}
		}
		fixed, n := check.ApplyFixes(r.Doc.Wrong, ds)
		if n != len(ds) {
			t.Errorf("%s: %d of %d findings fixed", r.ID, n, len(ds))
		}
		if again := checktest.Run(t, "t.txt", fixed, nil, Rules...); len(again) != 0 {
			t.Errorf("%s: fixed text %q still has findings: %v", r.ID, fixed, checktest.Messages(again))
		}
	}
}
