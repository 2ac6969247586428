package reuse

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// fullDiff is diff by Myers' search over every diagonal of every step,
// the whole trace kept (the search diff ran before the band).
func fullDiff(x, y []rune) ([]op, bool) {
	d, trace, ok := forward(x, y, nil, min(len(x)+len(y), maxEdits)+1)
	if !ok {
		return nil, false
	}
	return backtrack(trace, len(x), len(y), d), true
}

// Ensure the band search gives the edits of the search over every
// diagonal, edit for edit: on random text of few characters (many
// paths of the fewest edits, ties everywhere), on lengths at and around
// the 64 characters of a word of the LCS rows, on characters past the
// Basic Multilingual Plane, on empty sides, on passages of one template
// whose figures differ, and at maxEdits and one past it; and that a
// passage too long for the rows takes the search over every diagonal.
func TestDiffBandSameAsFull(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	check := func(name string, x, y []rune) {
		t.Helper()
		got, ok := diff(x, y)
		want, wantOK := fullDiff(x, y)
		if ok != wantOK || !slices.Equal(got, want) {
			t.Fatalf("%s: %q → %q:\n got  %v %v\n want %v %v", name, string(x), string(y), got, ok, want, wantOK)
		}
	}
	text := func(alpha []rune, n int) []rune {
		s := make([]rune, n)
		for i := range s {
			s[i] = alpha[rng.IntN(len(alpha))]
		}
		return s
	}
	edit := func(alpha, x []rune, k int) []rune {
		y := slices.Clone(x)
		for range k {
			p := rng.IntN(len(y) + 1)
			switch r := alpha[rng.IntN(len(alpha))]; {
			case p < len(y) && rng.IntN(3) == 0:
				y[p] = r
			case p < len(y) && rng.IntN(2) == 0:
				y = slices.Delete(y, p, p+1)
			default:
				y = slices.Insert(y, p, r)
			}
		}
		return y
	}
	for _, alpha := range [][]rune{[]rune("ab"), []rune("ab1年，"), []rune("年月日0123456789一二三，。"), []rune("a𠀀b𠀁，")} {
		for range 1500 {
			x := text(alpha, rng.IntN(140))
			check("random", x, text(alpha, rng.IntN(140)))
			check("edited", x, edit(alpha, x, rng.IntN(len(x)/3+2)))
		}
		for _, n := range []int{0, 1, 63, 64, 65, 127, 128, 129, 200} {
			for _, m := range []int{0, 1, 63, 64, 65, 128, 129} {
				check(fmt.Sprintf("%d, %d", n, m), text(alpha, n), text(alpha, m))
			}
		}
	}
	figures := func(seed uint64, n int) []rune {
		r := rand.New(rand.NewPCG(seed, 5))
		var s []rune
		for k := range n {
			s = append(s, []rune(fmt.Sprintf("（%d）全年完成投资%d.%d亿元，同比增长%d%%；新增就业%d人。", k+1, r.IntN(20), r.IntN(10), r.IntN(15), 50+r.IntN(900)))...)
		}
		return s
	}
	check("template", figures(1, 12), figures(2, 12))
	check("template, shifted", figures(1, 12)[30:], figures(2, 9))
	// maxEdits edits, and one more.
	a := []rune("甲乙丙丁戊己庚辛壬癸")
	x := text(a[:5], maxEdits/2)
	y := text(a[5:], maxEdits/2)
	check("maxEdits", x, y)
	check("past maxEdits", x, append(y, '子'))
	if _, ok := diff(x, append(y, '子')); ok {
		t.Errorf("%d edits accepted", maxEdits+1)
	}
	// Too long for the rows.
	long := text(a, maxLCSWords/4)
	if newSuffixLCS(long, long[:300]) != nil {
		t.Fatalf("rows kept for %d × %d characters", len(long), 300)
	}
	check("long", long, edit(a, long, 10))
}

// Ensure the band search told too few edits finds no path rather than a
// wrong one (diff then searches every diagonal).
func TestForwardBandTooFew(t *testing.T) {
	x, y := []rune("全年完成投资12.5亿元，同比增长8%"), []rune("全年完成投资9.1亿元，同比增长10%")
	l := newSuffixLCS(x, y)
	defer l.release()
	D := l.rest(0, 0)
	if D == 0 {
		t.Fatal("no edits")
	}
	var tr bandTrace
	if d, ok := forwardBand(x, y, l, D, &tr); !ok || d != D {
		t.Fatalf("with %d edits: %d, %v", D, d, ok)
	}
	if d, ok := forwardBand(x, y, l, D-1, &tr); ok {
		t.Errorf("with %d edits, one too few: found a path of %d", D-1, d)
	}
}
