package reuse

import (
	"fmt"
	"math/rand/v2"
	"slices"
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

// Ensure diff, and the search over every diagonal it falls back on for
// passages too long for the band search's rows, give the same edits as
// the two-pass search they replaced (diffTwoPass, kept here as written
// before): on random text, on passages of one template whose figures all
// differ, and past keepSteps (the second pass).
func TestDiffSameAsTwoPass(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	alpha := []rune("ab1年，")
	check := func(x, y []rune) {
		t.Helper()
		want, wantOK := diffTwoPass(x, y)
		for name, fn := range map[string]func(x, y []rune) ([]op, bool){"diff": diff, "the search over every diagonal": fullDiff} {
			got, ok := fn(x, y)
			if ok != wantOK || !slices.Equal(got, want) {
				t.Fatalf("%s: %q → %q:\n got  %v %v\n want %v %v", name, string(x), string(y), got, ok, want, wantOK)
			}
		}
	}
	for range 3000 {
		x := make([]rune, rng.IntN(60))
		for i := range x {
			x[i] = alpha[rng.IntN(len(alpha))]
		}
		y := make([]rune, rng.IntN(60))
		for i := range y {
			y[i] = alpha[rng.IntN(len(alpha))]
		}
		check(x, y)
	}
	figures := func(seed uint64, n int) []rune {
		r := rand.New(rand.NewPCG(seed, 5))
		var s []rune
		for k := range n {
			s = append(s, []rune(fmt.Sprintf("（%d）全年完成投资%d.%d亿元，同比增长%d%%；新增就业%d人。", k+1, r.IntN(20), r.IntN(10), r.IntN(15), 50+r.IntN(900)))...)
		}
		return s
	}
	check(figures(1, 12), figures(2, 12))
	check(figures(1, 12), figures(2, 9))
	// More than keepSteps edits, fewer than maxEdits: the second pass.
	x, y := figures(1, 100), figures(2, 100)
	if d, _, _ := forward(x, y, nil, 0); d <= keepSteps || d > maxEdits {
		t.Fatalf("%d edits: want between keepSteps (%d) and maxEdits (%d)", d, keepSteps, maxEdits)
	}
	check(x, y)
}

// diffTwoPass is diff as it was: a first pass finds D, a second saves
// the frontier before each step.
func diffTwoPass(x, y []rune) ([]op, bool) {
	fwd := func(trace []int32) (int, bool) {
		n, m := len(x), len(y)
		maxD := min(n+m, maxEdits)
		off := maxD + 1
		v := make([]int32, 2*maxD+3)
		for d := 0; d <= maxD; d++ {
			if trace != nil {
				copy(trace[d*(d+2):], v[off-d-1:off+d+2])
			}
			for k := -d; k <= d; k += 2 {
				var i int
				if k == -d || k != d && v[off+k-1] < v[off+k+1] {
					i = int(v[off+k+1])
				} else {
					i = int(v[off+k-1]) + 1
				}
				j := i - k
				for i < n && j < m && x[i] == y[j] {
					i, j = i+1, j+1
				}
				v[off+k] = int32(i)
				if i >= n && j >= m {
					return d, true
				}
			}
		}
		return 0, false
	}
	d, ok := fwd(nil)
	if !ok {
		return nil, false
	}
	trace := make([]int32, (d+1)*(d+3))
	fwd(trace)
	var rev []op
	i, j := len(x), len(y)
	for ; d > 0; d-- {
		v := trace[d*(d+2) : (d+1)*(d+3)]
		off := d + 1
		k := i - j
		var pk int
		if k == -d || k != d && v[off+k-1] < v[off+k+1] {
			pk = k + 1
		} else {
			pk = k - 1
		}
		pi := int(v[off+pk])
		pj := pi - pk
		if pk == k+1 {
			rev = append(rev, op{pi, pi, pj, pj + 1})
		} else {
			rev = append(rev, op{pi, pi + 1, pj, pj})
		}
		i, j = pi, pj
	}
	var out []op
	for k := len(rev) - 1; k >= 0; k-- {
		e := rev[k]
		if n := len(out); n > 0 && out[n-1].a1 == e.a0 && out[n-1].b1 == e.b0 {
			out[n-1].a1, out[n-1].b1 = e.a1, e.b1
			continue
		}
		out = append(out, e)
	}
	return out, true
}
