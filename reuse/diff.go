package reuse

import (
	"slices"
	"sync"
	"unicode"
)

// Edit is one difference inside a passage, in characters of each
// original text (absolute offsets; a length of 0 is an insertion).
type Edit struct {
	AOffset int    `json:"a_offset"`
	ALength int    `json:"a_length"`
	BOffset int    `json:"b_offset"`
	BLength int    `json:"b_length"`
	Kind    string `json:"kind"` // year, number, placeholder, width, punctuation, text
}

// maxEdits bounds the diff: a passage with more differences than this is
// shown as one edit (it is text that was rewritten, not copied).
const maxEdits = 2000

// Differences returns what differs between the two sides of a passage,
// each edit classified: a year changed (2023年 → 2024年), a number, a
// placeholder filled or emptied (** → 120), punctuation width (，→ ,),
// other punctuation, or text.
func Differences(a, b *Text, p Passage) []Edit {
	x := a.orig[p.AOffset : p.AOffset+p.ALength]
	y := b.orig[p.BOffset : p.BOffset+p.BLength]
	ops, ok := diff(x, y)
	if !ok {
		return []Edit{{p.AOffset, p.ALength, p.BOffset, p.BLength, "text"}}
	}
	var out []Edit
	for _, e := range ops {
		// Widen an edit inside a number to the whole number on both
		// sides: 2023 → 2024 differs in one digit but is one change.
		for e.a0 > 0 && e.b0 > 0 && isNum(x[e.a0-1]) && isNum(y[e.b0-1]) && (e.a0 == e.a1 || isNum(x[e.a0]) || e.b0 == e.b1 || isNum(y[e.b0])) {
			e.a0, e.b0 = e.a0-1, e.b0-1
		}
		for e.a1 < len(x) && e.b1 < len(y) && isNum(x[e.a1]) && isNum(y[e.b1]) && (e.a0 == e.a1 || isNum(x[e.a1-1]) || e.b0 == e.b1 || isNum(y[e.b1-1])) {
			e.a1, e.b1 = e.a1+1, e.b1+1
		}
		if n := len(out); n > 0 && out[n-1].AOffset+out[n-1].ALength > p.AOffset+e.a0 {
			continue // widened into the previous edit
		}
		out = append(out, Edit{
			AOffset: p.AOffset + e.a0, ALength: e.a1 - e.a0,
			BOffset: p.BOffset + e.b0, BLength: e.b1 - e.b0,
			Kind: classify(x[e.a0:e.a1], y[e.b0:e.b1], x[e.a1:], y[e.b1:]),
		})
	}
	return out
}

// classify names the kind of a difference; after are the texts following
// each side, for the 年 of a year.
func classify(x, y, afterX, afterY []rune) string {
	switch {
	case allOf(x, isNum) && allOf(y, isNum) && len(x) > 0 && len(y) > 0:
		if isYear(x, afterX) && isYear(y, afterY) {
			return "year"
		}
		return "number"
	case allOf(x, isPlaceholderRune) && len(x) > 0 && allOf(y, isNumOrPlaceholder),
		allOf(y, isPlaceholderRune) && len(y) > 0 && allOf(x, isNumOrPlaceholder):
		return "placeholder"
	case allOf(x, isMark) && allOf(y, isMark):
		if len(x) == len(y) && equalFolded(x, y) {
			return "width"
		}
		return "punctuation"
	}
	return "text"
}

func isYear(n, after []rune) bool {
	return len(n) == 4 && (n[0] == '1' && n[1] == '9' || n[0] == '2' && n[1] == '0') && len(after) > 0 && after[0] == '年'
}

func isNum(r rune) bool { return r >= '0' && r <= '9' || r == '.' }

func isPlaceholderRune(r rune) bool {
	switch r {
	case 'x', 'X', '*', '＊', '×', '○', '□', '某', 'ｘ', 'Ｘ':
		return true
	}
	return false
}

func isNumOrPlaceholder(r rune) bool { return isNum(r) || isPlaceholderRune(r) }

func isMark(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsSpace(r) }

func allOf(rs []rune, f func(rune) bool) bool {
	for _, r := range rs {
		if !f(r) {
			return false
		}
	}
	return true
}

func equalFolded(x, y []rune) bool {
	for i := range x {
		if fold(x[i]) != fold(y[i]) && !(x[i] == '，' && y[i] == ',' || x[i] == ',' && y[i] == '，' ||
			x[i] == '。' && y[i] == '.' || x[i] == '.' && y[i] == '。' || x[i] == '、' && y[i] == ',' || x[i] == ',' && y[i] == '、') {
			return false
		}
	}
	return true
}

// op is a difference: x[a0:a1] became y[b0:b1].
type op struct{ a0, a1, b0, b1 int }

// diff returns the differences between x and y (Myers' O(ND) algorithm),
// or false when there are more than maxEdits.
//
// Myers' search computes, step by step, the furthest point each diagonal
// reaches with d edits: D(D+1)/2 values for D edits, and a passage of two
// reports of one template whose figures all differ has 200–600 (90% of
// the compare page's CPU). So diff first counts, for every point, the
// fewest edits left to the end (suffixLCS: the longest common subsequence
// of every pair of suffixes, bit-parallel, n·m/64 word operations), and
// the search computes only the diagonals whose furthest point can still
// be on a path of D edits (forwardBand): a few a step. Leaving a diagonal
// out only lowers what its neighbours are computed from, never below
// what the path of D edits reaches, so the search finds the same
// furthest points on that path and the walk back takes the same steps:
// the same edits, tie for tie (TestDiffBandSameAsFull).
//
// A passage too long for the rows (maxLCSWords) is searched on every
// diagonal (forward, backtrack). The walk back reads, for step d, the frontier step d-1 reached on the
// diagonals it computed (-(d-1), -(d-1)+2, … d-1): forward appends those
// d values to trace as it computes them, so the trace is every value it
// computed, step e's e+1 at e(e+1)/2, D(D+1)/2 entries in all, and one
// pass both finds D and keeps what the walk back needs. Past keepSteps
// steps (a passage mostly rewritten) it stops keeping and only counts;
// when it still ends within maxEdits, a second pass keeps all D steps in
// a trace made to size. (Before: a first pass found D and a second
// copied 2d+3 entries of the frontier before each step: twice the
// search and four times the copying.)
func diff(x, y []rune) ([]op, bool) {
	if ops, ok, done := diffBand(x, y); done {
		return ops, ok
	}
	buf := traces.Get().(*[]int32)
	defer traces.Put(buf)
	d, trace, ok := forward(x, y, (*buf)[:0], keepSteps)
	if !ok {
		return nil, false
	}
	if trace == nil {
		d, trace, _ = forward(x, y, make([]int32, 0, (d+1)*(d+2)/2), d+1)
	} else {
		*buf = trace // grown: kept for the next diff (at most keepSteps')
	}
	return backtrack(trace, len(x), len(y), d), true
}

// diffBand is diff by the band search; done is false when the texts are
// too long for its rows (or a step kept no diagonal, which cannot be).
func diffBand(x, y []rune) (ops []op, ok, done bool) {
	l := newSuffixLCS(x, y)
	if l == nil {
		return nil, false, false
	}
	defer l.release()
	D := l.rest(0, 0)
	if D > maxEdits {
		return nil, false, true
	}
	tr := bandTraces.Get().(*bandTrace)
	defer bandTraces.Put(tr)
	d, ok := forwardBand(x, y, l, D, tr)
	if !ok {
		return nil, false, false
	}
	return backtrackBand(tr, len(x), len(y), d), true, true
}

// traces holds the traces of the first pass of diff for reuse: the
// compare page diffs each passage, up to a few hundred KB each.
var traces = sync.Pool{New: func() any { t := make([]int32, 0, 4096); return &t }}

// keepSteps is how many steps the first pass of diff keeps (a trace of
// keepSteps(keepSteps+1)/2 int32, 2 MB).
const keepSteps = 1024

// forward runs Myers' forward search and returns the number of edits,
// or false when there are more than maxEdits; it appends to trace each
// value it computes for the first keep steps, and returns trace nil when
// the search took more.
//
// Step d's frontier is d+1 values, the furthest x reached on the
// diagonals -d, -d+2 … d, computed from step d-1's: while the trace is
// kept they are its last d+1 entries, read from it and written into it
// in place; past keep, two frontiers in turn. (Before, each value was
// written to a frontier indexed by diagonal and appended to the trace:
// twice the stores, and a check of the trace's capacity at each.)
func forward(x, y []rune, trace []int32, keep int) (int, []int32, bool) {
	n, m := len(x), len(y)
	maxD := min(n+m, maxEdits)
	var prev []int32
	var spare [2][]int32 // the frontiers past keep
	for d := 0; d <= maxD; d++ {
		var cur []int32
		if d < keep {
			end := len(trace) + d + 1
			if end > cap(trace) {
				trace = slices.Grow(trace, max(end, 2*cap(trace))-len(trace))
				if d > 0 {
					prev = trace[len(trace)-d:]
				}
			}
			cur = trace[len(trace):end]
			trace = trace[:end]
		} else {
			if spare[0] == nil {
				spare[0], spare[1] = make([]int32, maxD+1), make([]int32, maxD+1)
				trace = nil
			}
			cur = spare[d&1][:d+1]
		}
		for c := range cur {
			// Diagonal k = 2c-d: from k+1 (prev[c], a step down) or
			// from k-1 (prev[c-1], a step right), whichever reached
			// further; right on a tie.
			var i int
			switch {
			case d == 0:
				i = 0
			case c == 0:
				i = int(prev[0])
			case c == d || prev[c-1] >= prev[c]:
				i = int(prev[c-1]) + 1
			default:
				i = int(prev[c])
			}
			j := i - (2*c - d)
			for i < n && j < m && x[i] == y[j] {
				i, j = i+1, j+1
			}
			cur[c] = int32(i)
			if i >= n && j >= m {
				return d, trace, true
			}
		}
		prev = cur
	}
	return 0, nil, false
}

// backtrack walks the saved frontiers back from (n, m) and returns the
// differences in order, adjacent deletions and insertions merged.
func backtrack(trace []int32, n, m, d int) []op {
	var rev []op
	i, j := n, m
	for ; d > 0; d-- {
		// What step d-1 reached: diagonal k (-(d-1) … d-1, by twos) at
		// v[(k+d-1)/2].
		v := trace[(d-1)*d/2 : d*(d+1)/2]
		k := i - j
		var pk int
		if k == -d || k != d && v[(k-1+d-1)/2] < v[(k+1+d-1)/2] {
			pk = k + 1 // came down: an insertion of y[pj]
		} else {
			pk = k - 1 // came right: a deletion of x[pi]
		}
		pi := int(v[(pk+d-1)/2])
		pj := pi - pk
		// The snake from the edit's end to (i, j) is equal text.
		rev = append(rev, edit(pi, pj, pk == k+1))
		i, j = pi, pj
	}
	return inOrder(rev)
}

// edit is the one-character edit at (pi, pj) of a walk back: an
// insertion of b[pj] when the step came down, else a deletion of a[pi].
func edit(pi, pj int, down bool) op {
	if down {
		return op{pi, pi, pj, pj + 1}
	}
	return op{pi, pi + 1, pj, pj}
}

// inOrder returns the edits of a walk back (last first) in text order,
// adjacent ones joined into one.
func inOrder(rev []op) []op {
	var out []op
	for k := len(rev) - 1; k >= 0; k-- {
		e := rev[k]
		if n := len(out); n > 0 && out[n-1].a1 == e.a0 && out[n-1].b1 == e.b0 {
			out[n-1].a1, out[n-1].b1 = e.a1, e.b1
			continue
		}
		out = append(out, e)
	}
	return out
}
