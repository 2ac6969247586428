package quantity

import (
	"strings"
	"testing"
)

// TestEndFilter: a filter passes every text ending with one of its words,
// whatever comes before (ASCII, Chinese, a byte that is not UTF-8), and
// rejects the empty text and most Chinese characters (or it saves
// nothing).
func TestEndFilter(t *testing.T) {
	lists := map[string][]string{"link": linkWords}
	for _, d := range directionWords {
		lists["direction"] = append(lists["direction"], d.word)
	}
	for _, w := range prefixWords {
		lists["prefix"] = append(lists["prefix"], w.word)
	}
	filters := map[string]*endFilter{"link": linkEnds, "direction": directionEnds, "prefix": prefixEnds}
	testStartFilter(t, suffixWords, suffixStarts)
	for name, ws := range lists {
		f := filters[name]
		for _, w := range ws {
			for _, before := range []string{"", "a", "完成", "\xff", "１"} {
				if !f.mayEnd(before + w) {
					t.Errorf("%s: %q rejected", name, before+w)
				}
			}
		}
		if f.mayEnd("") {
			t.Errorf("%s: the empty text passes", name)
		}
		pass := 0
		for r := rune(0x4E00); r <= 0x9FFF; r++ {
			s := "前" + string(r)
			ends := false
			for _, w := range ws {
				ends = ends || strings.HasSuffix(s, w)
			}
			if f.mayEnd(s) {
				pass++
			} else if ends {
				t.Errorf("%s: %q rejected", name, s)
			}
		}
		if pass > (0x9FFF-0x4E00)/5 {
			t.Errorf("%s: %d of %d Chinese characters pass", name, pass, 0x9FFF-0x4E00+1)
		}
	}
}

// testStartFilter is TestEndFilter for a filter of first characters.
func testStartFilter(t *testing.T, ws []string, f *endFilter) {
	t.Helper()
	for _, w := range ws {
		for _, after := range []string{"", "a", "完成", "\xff", "１"} {
			if !f.mayStart(w + after) {
				t.Errorf("%q rejected", w+after)
			}
		}
	}
	if f.mayStart("") {
		t.Error("the empty text passes")
	}
	pass := 0
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		s := string(r) + "后"
		starts := false
		for _, w := range ws {
			starts = starts || strings.HasPrefix(s, w)
		}
		if f.mayStart(s) {
			pass++
		} else if starts {
			t.Errorf("%q rejected", s)
		}
	}
	if pass > (0x9FFF-0x4E00)/5 {
		t.Errorf("%d of %d Chinese characters pass", pass, 0x9FFF-0x4E00+1)
	}
}
