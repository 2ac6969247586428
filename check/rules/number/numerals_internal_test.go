package number

import (
	"testing"

	"zongjie/document"
)

// Ensure numerals.next gives the first offset inside a run at or after
// the one asked for, capped at the limit, as offsets go forward.
func TestNumeralsNext(t *testing.T) {
	c := numerals{runs: []document.Span{{Start: 3, End: 5}, {Start: 9, End: 10}}}
	for _, tc := range []struct{ i, limit, want int }{
		{0, 20, 3}, {3, 20, 3}, {4, 20, 4}, {5, 20, 9}, {5, 8, 8}, {9, 20, 9}, {10, 20, 20}, {12, 11, 11},
	} {
		if got := c.next(tc.i, tc.limit); got != tc.want {
			t.Errorf("next(%d, %d) = %d, want %d", tc.i, tc.limit, got, tc.want)
		}
	}
}
