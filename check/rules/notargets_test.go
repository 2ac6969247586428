package rules_test

import (
	"reflect"
	"testing"

	"zongjie/check"
	"zongjie/check/rules"
	"zongjie/extract"
)

// Ensure no rule reads a report's targets: `zongjie check` and POST
// /api/v1/check extract without them (extract.Options.NoTargets), so a
// rule that came to read them would silently find nothing. Every rule on,
// the findings are the same with the targets and without, on the
// examples and the seeds.
func TestRulesReadNoTargets(t *testing.T) {
	all, cfg := rules.All(), allOn()
	for _, set := range []string{"examples", "seeds"} {
		in, _ := loadSet(t, set)
		for i, f := range read(t, in) {
			want := check.Run(f, extract.File(f), all, cfg)
			got := check.Run(f, extract.FileWith(f, extract.Options{NoTargets: true}), all, cfg)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: %d findings without the targets, %d with them, or different ones", in[i].name, len(got), len(want))
			}
		}
	}
}
