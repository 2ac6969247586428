package reuse

import (
	"math/rand/v2"
	"testing"
)

// Ensure diff's edits turn x into y and are as few as can be: the
// characters they delete and insert are n + m - 2·LCS(x, y), the longest
// common subsequence computed by dynamic programming; and that more than
// maxEdits is refused.
func TestDiffScript(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alpha := []rune("ab1年，")
	for range 3000 {
		x := make([]rune, rng.IntN(40))
		for i := range x {
			x[i] = alpha[rng.IntN(len(alpha))]
		}
		y := append([]rune(nil), x...)
		for range rng.IntN(len(x)/2 + 2) {
			p := rng.IntN(len(y) + 1)
			switch r := alpha[rng.IntN(len(alpha))]; {
			case p < len(y) && rng.IntN(2) == 0:
				y[p] = r
			case p < len(y) && rng.IntN(2) == 0:
				y = append(y[:p], y[p+1:]...)
			default:
				y = append(y[:p], append([]rune{r}, y[p:]...)...)
			}
		}
		ops, ok := diff(x, y)
		if !ok {
			t.Fatalf("%q → %q: refused", string(x), string(y))
		}
		var got []rune
		at, edited := 0, 0
		for _, e := range ops {
			got = append(append(got, x[at:e.a0]...), y[e.b0:e.b1]...)
			at = e.a1
			edited += e.a1 - e.a0 + e.b1 - e.b0
		}
		got = append(got, x[at:]...)
		if string(got) != string(y) {
			t.Fatalf("%q → %q: the edits %v give %q", string(x), string(y), ops, string(got))
		}
		if want := len(x) + len(y) - 2*lcs(x, y); edited != want {
			t.Errorf("%q → %q: %d characters edited, the fewest is %d", string(x), string(y), edited, want)
		}
	}
	x, y := make([]rune, maxEdits), make([]rune, maxEdits)
	for i := range x {
		x[i], y[i] = 'a', 'b'
	}
	if _, ok := diff(x, y[:maxEdits/2]); ok {
		t.Errorf("%d edits accepted, more than maxEdits (%d)", maxEdits+maxEdits/2, maxEdits)
	}
	if _, ok := diff(x[:maxEdits/2], y[:maxEdits/2]); !ok {
		t.Errorf("%d edits refused, maxEdits is %d", maxEdits, maxEdits)
	}
}

func lcs(x, y []rune) int {
	prev, cur := make([]int, len(y)+1), make([]int, len(y)+1)
	for i := range x {
		for j := range y {
			if x[i] == y[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(y)]
}
