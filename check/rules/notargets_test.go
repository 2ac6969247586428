package rules_test

import (
	"reflect"
	"testing"

	"zongjie/check"
	"zongjie/check/rules"
	"zongjie/extract"
)

// Ensure no rule reads a report's targets or unit, and that the rules read the
// quantities' names through check.Pass.NameOf: `zongjie check` and POST
// /api/v1/check extract without them (extract.Options.NoTargets,
// NoUnit, NoNames), so a rule that came to read them directly would silently
// find nothing. Every rule on, the findings are the same with the targets
// and the names and without, on the examples and the seeds (and in each
// rule's table tests: checktest.Run).
func TestRulesReadNoTargets(t *testing.T) {
	all, cfg := rules.All(), allOn()
	for _, set := range []string{"examples", "seeds"} {
		in, _ := loadSet(t, set)
		for i, f := range read(t, in) {
			want := check.Run(f, extract.File(f), all, cfg)
			got := check.Run(f, extract.FileWith(f, extract.Options{NoTargets: true, NoNames: true, NoUnit: true}), all, cfg)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: %d findings without the targets, the unit and the names, %d with them, or different ones", in[i].name, len(got), len(want))
			}
		}
	}
}
