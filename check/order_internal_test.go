package check

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"zongjie/document"
)

// TestByPosition holds the in-place ordering to a stable sort of the
// findings themselves: findings with equal spans and rules keep the order
// they were reported in, on lists with fixed points, long cycles and
// repeats.
func TestByPosition(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 60 {
		ds := make([]Diagnostic, n)
		for i := range ds {
			start := rng.IntN(8)
			ds[i] = Diagnostic{
				Rule:    fmt.Sprintf("R%d", rng.IntN(3)),
				Span:    document.Span{Start: start, End: start + rng.IntN(3)},
				Message: fmt.Sprint(i), // the order reported
			}
		}
		want := slices.Clone(ds)
		slices.SortStableFunc(want, func(a, b Diagnostic) int {
			return cmp.Or(cmp.Compare(a.Span.Start, b.Span.Start), cmp.Compare(a.Span.End, b.Span.End), strings.Compare(a.Rule, b.Rule))
		})
		if got := byPosition(ds); !slices.EqualFunc(got, want, func(a, b Diagnostic) bool { return a.Message == b.Message }) {
			t.Fatalf("%d findings: byPosition put them in the order %v, want %v", n, messages(got), messages(want))
		}
	}
	// Sorted already: nothing moves.
	ds := []Diagnostic{{Rule: "A", Message: "0"}, {Rule: "B", Message: "1"}}
	if got := messages(byPosition(ds)); !slices.Equal(got, []string{"0", "1"}) {
		t.Fatalf("sorted findings moved: %v", got)
	}
}

func messages(ds []Diagnostic) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.Message
	}
	return out
}
