package track

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"zongjie"
	"zongjie/indicator"
	"zongjie/internal/shared"
)

// indicatorKeys returns the keys of every indicator name the extraction
// finds (figures and targets) in the corpus files that are not held out,
// the seeds and our examples, and of every form in the synonym table.
func indicatorKeys(t *testing.T) []string {
	t.Helper()
	paths := shared.TuningCorpus(t)
	paths = append(paths, shared.Files(t, "seeds", ".txt")...)
	ex, _ := filepath.Glob("../examples/*.txt")
	paths = append(paths, ex...)
	seen := map[string]bool{}
	add := func(name string) {
		if k := indicator.Parse(name).Key; !indicator.Bare(k) {
			seen[k] = true
		}
	}
	for _, p := range paths {
		_, r := load(t, p)
		for _, q := range r.Quantities {
			add(q.Name)
		}
		for _, tg := range r.Targets {
			add(tg.Name)
		}
	}
	for _, f := range indicator.Forms() {
		add(f)
	}
	keys := make([]string, 0, len(seen))
	for k := range seen {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// TestMoreSpecificNeverMatchesGeneral is the promise that a target naming
// a more specific indicator is never rated with the figure of a more
// general one ("单位国内生产总值能耗下降3%左右" with "国内生产总值增长
// 5.2%"), held over every pair of indicator names the corpus, the seeds,
// the examples and the synonym table give: whenever one key holds another,
// the general one's figure, as the only candidate and in every tier, leaves
// the specific target unreported.
func TestMoreSpecificNeverMatchesGeneral(t *testing.T) {
	keys := indicatorKeys(t)
	if len(keys) < 1000 {
		t.Fatalf("only %d indicator keys", len(keys))
	}
	pairs := 0
	for _, specific := range keys {
		for _, general := range keys {
			if specific == general || !strings.Contains(specific, general) || indicator.Equivalent(specific, general) ||
				indicator.Acted(specific, general) || indicator.Elliptic(general) || indicator.Elided(general) {
				// Not more specific: 水土流失面积 is 水土流失 measured in its unit,
				// 退出钢铁产能 is 钢铁产能 cut, and 基本建成 alone names no
				// indicator (its object is in the clause before), nor does
				// 超过10万元的村 (what passes 10万元 is said before).
				continue
			}
			pairs++
			if s := match(specific, general); s >= minScore {
				t.Errorf("target %q matches the evidence of %q (score %.2f)", specific, general, s)
				continue
			}
			v := 5.0
			tg := zongjie.Target{Name: specific, Comparator: zongjie.About, Value: &v, BaseValue: &v, Unit: "%", BaseUnit: "%", Change: zongjie.Up}
			var cands []candidate
			for tier := range 3 {
				for _, alt := range []string{"", general} {
					c := candidate{unit: "%", change: zongjie.Up, nameKey: general, altKey: alt, text: general, tier: tier}
					c.ev.Value, c.ev.Figure, c.ev.base = &v, "增长5%", v
					cands = append(cands, c)
				}
			}
			if r := judge(tg, indicator.Parse(specific), zongjie.Up, cands); r.Status != Unreported {
				t.Errorf("target %q rated %s with the evidence of %q", specific, r.Status, general)
			}
		}
	}
	t.Logf("%d indicator keys, %d pairs where one holds the other", len(keys), pairs)
	if pairs < 100 {
		t.Errorf("only %d pairs: the property was hardly tested", pairs)
	}
}
