package reuse_test

import (
	"fmt"
	"strings"
	"testing"

	"zongjie/reuse"
)

func TestDifferences(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want []string // kind: a-text → b-text
	}{
		{"2023年，街道完成投资12亿元，同比增长5.6%，走访企业xx户。", "2024年,街道完成投资15亿元，同比增长5.6%，走访企业120户。",
			[]string{"year: 2023 → 2024", "width: ， → ,", "number: 12 → 15", "placeholder: xx → 120"}},
		{"街道坚持党建引领，强化组织保障，推动基层治理提质增效，群众满意率明显提升。", "街道坚持党建引领，强化组织保障，全面推动基层治理提质增效，群众满意率明显提升。",
			[]string{"text:  → 全面"}},
		{"街道坚持党建引领，强化组织保障，推动基层治理提质增效。", "街道坚持党建引领，强化组织保障，推动基层治理提质增效。", nil},
	} {
		a, b := reuse.Normalize(tc.a), reuse.Normalize(tc.b)
		r := reuse.Compare(a, b, nil)
		if len(r.Passages) != 1 {
			t.Fatalf("%q: %d passages", tc.a, len(r.Passages))
		}
		var got []string
		ra, rb := []rune(tc.a), []rune(tc.b)
		for _, e := range reuse.Differences(a, b, r.Passages[0]) {
			got = append(got, fmt.Sprintf("%s: %s → %s", e.Kind, string(ra[e.AOffset:e.AOffset+e.ALength]), string(rb[e.BOffset:e.BOffset+e.BLength])))
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%q vs %q:\n got  %q\n want %q", tc.a, tc.b, got, tc.want)
		}
	}
}
