package reuse

import (
	"math/bits"
	"sync"
)

// suffixLCS gives the length of the longest common subsequence of any
// suffixes x[i:] and y[j:], for the number of edits left from any point
// of the diff (rest). It runs the bit-parallel LCS of Allison and Dix
// (Hyyrö's form) on the reversed texts: after t characters of x's
// reverse, row t holds a bit for each of y's characters, from its end,
// zero where the length grows, so that LCS(x[n-t:], y[m-s:]) is the
// number of zeros in the row's first s bits; ones counts the set bits of
// the row's words before each, for that count in two reads.
type suffixLCS struct {
	n, m, w int
	rows    []uint64 // (n+1)·w
	ones    []int32  // (n+1)·(w+1)
	masks   []uint64 // a mask of w words by character of y
	chars   charIndex
}

// maxLCSWords bounds the rows suffixLCS keeps (8 MB); past it, diff
// searches without them.
const maxLCSWords = 1 << 20

var lcsPool = sync.Pool{New: func() any { return new(suffixLCS) }}

// newSuffixLCS computes the rows for x and y, or returns nil when they
// would take more than maxLCSWords.
func newSuffixLCS(x, y []rune) *suffixLCS {
	n, m := len(x), len(y)
	w := (m + 63) / 64
	if (n+1)*w > maxLCSWords {
		return nil
	}
	l := lcsPool.Get().(*suffixLCS)
	l.n, l.m, l.w = n, m, w
	l.rows = grow(l.rows, (n+1)*w)
	l.ones = growInt32(l.ones, (n+1)*(w+1))
	// The characters of y, numbered; bit s of a character's mask is set
	// when y[m-1-s] is that character.
	l.chars.reset()
	for s := range m {
		l.chars.add(y[m-1-s])
	}
	l.masks = grow(l.masks, l.chars.n*w)
	clear(l.masks)
	for s := range m {
		c, _ := l.chars.get(y[m-1-s])
		l.masks[c*w+s/64] |= 1 << (s % 64)
	}
	row := l.rows[:w]
	for q := range row {
		row[q] = ^uint64(0)
	}
	if m%64 != 0 {
		row[w-1] = 1<<(m%64) - 1
	}
	l.count(0)
	for t := 1; t <= n; t++ {
		prev, cur := l.rows[(t-1)*w:t*w], l.rows[t*w:(t+1)*w]
		c, ok := l.chars.get(x[n-t])
		if !ok {
			copy(cur, prev)
		} else {
			pm := l.masks[c*w : (c+1)*w]
			var carry, borrow uint64
			for q := range cur {
				v := prev[q]
				u := v & pm[q]
				var sum, diff uint64
				sum, carry = bits.Add64(v, u, carry)
				diff, borrow = bits.Sub64(v, u, borrow)
				cur[q] = sum | diff
			}
			if m%64 != 0 {
				cur[w-1] &= 1<<(m%64) - 1
			}
		}
		l.count(t)
	}
	return l
}

// count fills the counts of set bits before each word of row t.
func (l *suffixLCS) count(t int) {
	row, ones := l.rows[t*l.w:(t+1)*l.w], l.ones[t*(l.w+1):(t+1)*(l.w+1)]
	ones[0] = 0
	for q, v := range row {
		ones[q+1] = ones[q] + int32(bits.OnesCount64(v))
	}
}

// rest returns the fewest edits from x[i:] to y[j:].
func (l *suffixLCS) rest(i, j int) int {
	t, s := l.n-i, l.m-j
	q, r := s/64, s%64
	set := int(l.ones[t*(l.w+1)+q])
	if r > 0 {
		set += bits.OnesCount64(l.rows[t*l.w+q] & (1<<r - 1))
	}
	common := s - set
	return (l.n - i) + (l.m - j) - 2*common
}

func (l *suffixLCS) release() { lcsPool.Put(l) }

func grow(b []uint64, n int) []uint64 {
	if cap(b) < n {
		return make([]uint64, n)
	}
	return b[:n]
}

func growInt32(b []int32, n int) []int32 {
	if cap(b) < n {
		return make([]int32, n)
	}
	return b[:n]
}

// unreached marks a diagonal left out of a step of the band search.
const unreached = -1 << 30

// band is what the band search keeps of step d: the furthest x reached on
// the diagonals lo, lo+2 … of the step, from vals[at].
type band struct {
	lo, hi int // diagonals; hi < lo when the step reached none
	at     int
}

// bandTrace is the steps of a band search.
type bandTrace struct {
	steps []band
	vals  []int32
}

// get returns the furthest x step d reached on diagonal k, or unreached.
func (b *bandTrace) get(d, k int) int {
	s := b.steps[d]
	if k < s.lo || k > s.hi {
		return unreached
	}
	return int(b.vals[s.at+(k-s.lo)/2])
}

// forwardBand runs Myers' forward search as forward does, computing on
// each step only the diagonals whose furthest point can still be on a
// path of D edits (those within one diagonal of the step before's that
// were), where D is the fewest (from suffixLCS: rest(0, 0)): a point
// (i, j) reached in d edits is on such a path only if d + rest(i, j) ≤ D.
// The values it computes are those forward computes on the diagonals it
// keeps, and no larger on the others, so that the walk back takes the
// same steps (see diff). It returns false if a step keeps no diagonal,
// which the path of D edits rules out (diff then searches every
// diagonal).
func forwardBand(x, y []rune, l *suffixLCS, D int, tr *bandTrace) (int, bool) {
	n, m := len(x), len(y)
	tr.steps, tr.vals = tr.steps[:0], tr.vals[:0]
	for d := 0; d <= D; d++ {
		lo, hi := 0, 0
		if d > 0 {
			p := tr.steps[d-1]
			lo, hi = max(-d, p.lo-1), min(d, p.hi+1)
		}
		at := len(tr.vals)
		first, last := hi+2, lo-2
		for k := lo; k <= hi; k += 2 {
			var i int
			switch {
			case d == 0:
				i = 0
			case k == -d:
				i = tr.get(d-1, k+1)
			case k == d:
				i = tr.get(d-1, k-1) + 1
			default:
				if a, b := tr.get(d-1, k-1), tr.get(d-1, k+1); a < b {
					i = b
				} else {
					i = a + 1
				}
			}
			j := i - k
			if i < 0 || j < 0 || i > n || j > m {
				tr.vals = append(tr.vals, unreached)
				continue
			}
			for i < n && j < m && x[i] == y[j] {
				i, j = i+1, j+1
			}
			if d+l.rest(i, j) > D {
				tr.vals = append(tr.vals, unreached)
				continue
			}
			if i >= n && j >= m {
				tr.vals = append(tr.vals, int32(i))
				tr.steps = append(tr.steps, band{lo, k, at})
				return d, true
			}
			tr.vals = append(tr.vals, int32(i))
			first, last = min(first, k), max(last, k)
		}
		if first > last {
			return 0, false
		}
		// The step's band: its first to its last diagonal reached.
		tr.steps = append(tr.steps, band{first, last, at + (first-lo)/2})
	}
	return 0, false
}

// backtrackBand is backtrack over the steps of a band search.
func backtrackBand(tr *bandTrace, n, m, d int) []op {
	var rev []op
	i, j := n, m
	for ; d > 0; d-- {
		k := i - j
		var pk int
		if k == -d || k != d && tr.get(d-1, k-1) < tr.get(d-1, k+1) {
			pk = k + 1
		} else {
			pk = k - 1
		}
		pi := tr.get(d-1, pk)
		pj := pi - pk
		rev = append(rev, edit(pi, pj, pk == k+1))
		i, j = pi, pj
	}
	return inOrder(rev)
}

var bandTraces = sync.Pool{New: func() any { return new(bandTrace) }}

// charIndex numbers the characters of a text: by a table for those of
// the Basic Multilingual Plane (every Chinese character of the reports),
// marked with the generation of the text so that a new text needs no
// clearing, and a map for the others.
type charIndex struct {
	gen    uint32
	marks  []uint32 // by character: the generation that numbered it
	ids    []int32
	others map[rune]int
	n      int
}

func (c *charIndex) reset() {
	if c.marks == nil {
		c.marks, c.ids = make([]uint32, 1<<16), make([]int32, 1<<16)
	}
	c.gen++
	if c.gen == 0 { // wrapped: the old marks would be taken for new
		clear(c.marks)
		c.gen = 1
	}
	clear(c.others)
	c.n = 0
}

// add numbers r if it has no number yet.
func (c *charIndex) add(r rune) {
	if _, ok := c.get(r); ok {
		return
	}
	if uint32(r) < 1<<16 {
		c.marks[r], c.ids[r] = c.gen, int32(c.n)
	} else {
		if c.others == nil {
			c.others = map[rune]int{}
		}
		c.others[r] = c.n
	}
	c.n++
}

// get returns r's number, or false.
func (c *charIndex) get(r rune) (int, bool) {
	if uint32(r) < 1<<16 {
		if c.marks[r] == c.gen {
			return int(c.ids[r]), true
		}
		return 0, false
	}
	id, ok := c.others[r]
	return id, ok
}
