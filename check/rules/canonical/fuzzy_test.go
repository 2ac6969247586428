package canonical

import (
	"strings"
	"testing"

	"zongjie/check/checktest"
)

// TestFuzzyRecall measures the recall of Formulation on variants of every
// formulation of the fuzzy list, made by the edits a writer makes: a
// character dropped, added, changed or swapped with its neighbour inside
// the formulation (and, for formulations of twelve characters or more,
// two characters added or dropped together). Variants that are another
// legitimate phrase (an allowed sibling, the formulation with 的 added)
// are not counted. The goal is 0.90; the variants at the ends are
// measured apart (a changed first or last character is caught; a dropped
// or added one is not a variant one can tell from a shorter phrase).
func TestFuzzyRecall(t *testing.T) {
	type variant struct{ text, kind string }
	var found, total int
	byKind := map[string][2]int{}
	for _, f := range formulations {
		c := []rune(f)
		n := len(c)
		var vs []variant
		for i := 1; i < n-1; i++ {
			vs = append(vs, variant{string(c[:i]) + string(c[i+1:]), "drop"})
			vs = append(vs, variant{string(c[:i]) + "乙" + string(c[i+1:]), "change"})
			vs = append(vs, variant{string(c[:i]) + "理" + string(c[i:]), "add"})
			if i+1 < n-1 && c[i] != c[i+1] {
				vs = append(vs, variant{string(c[:i]) + string(c[i+1]) + string(c[i]) + string(c[i+2:]), "swap"})
			}
			if n >= 12 && i+2 < n {
				vs = append(vs, variant{string(c[:i]) + "理论" + string(c[i:]), "add two"})
				vs = append(vs, variant{string(c[:i]) + string(c[i+2:]), "drop two"})
			}
		}
		vs = append(vs, variant{"乙" + string(c[1:]), "change an end"}, variant{string(c[:n-1]) + "乙", "change an end"})
		for _, v := range vs {
			if legitimate(v.text) {
				continue
			}
			in := "我们要坚持" + v.text + "，推动各项工作落到实处。"
			ds := checktest.Run(t, "v.txt", in, nil, Formulation)
			hit := false
			at := strings.Index(in, v.text)
			for _, d := range ds {
				if d.Span.Start < at+len(v.text) && at < d.Span.End {
					hit = true
				}
			}
			k := byKind[v.kind]
			k[1]++
			if hit {
				k[0]++
			}
			byKind[v.kind] = k
			if strings.HasSuffix(v.kind, "end") {
				continue
			}
			total++
			if hit {
				found++
			} else if testing.Verbose() {
				t.Logf("missed %s: %s", v.kind, v.text)
			}
		}
	}
	recall := float64(found) / float64(total)
	for k, v := range byKind {
		t.Logf("%-14s %4d / %4d", k, v[0], v[1])
	}
	t.Logf("recall on %d interior variants of %d formulations: %.3f", total, len(formulations), recall)
	if recall < 0.90 {
		t.Errorf("recall %.3f, want at least 0.90", recall)
	}
}

// legitimate reports whether a variant is a phrase the rule must accept.
func legitimate(v string) bool {
	for _, a := range append(append([]string(nil), allowed...), formulations...) {
		if strings.Contains(v, a) {
			return true
		}
	}
	return false
}
