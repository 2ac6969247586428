package reuse

import "slices"

// Gap is the largest stretch, in normalised characters on either side,
// across which two exact matches are chained into one passage: an edited
// clause, a changed name or a sentence inserted in copied text.
const Gap = 30

// MinPassage is the shortest passage reported, in normalised characters
// matched: shorter matches are chance (a shared stock phrase of K
// characters).
const MinPassage = 20

// maxOccurrences caps how often one k-gram may occur in the other text to
// seed matches there: a k-gram repeated more is filler, and would make
// the seeding quadratic.
const maxOccurrences = 64

// Passage is a stretch of text two reports share: offsets and lengths in
// characters of each original text.
type Passage struct {
	AOffset     int  `json:"a_offset"`
	ALength     int  `json:"a_length"`
	BOffset     int  `json:"b_offset"`
	BLength     int  `json:"b_length"`
	Identical   bool `json:"identical"`   // the two original stretches are the same characters
	Boilerplate bool `json:"boilerplate"` // most of it is stock phrases

	a0, a1, b0, b1 int // normalised positions, [a0, a1) and [b0, b1)
	matched        int // normalised characters in exact matches
	head, tail     int // lengths of the first and the last exact match
}

// Side is how much of one text the passages cover.
type Side struct {
	Chars            int     `json:"chars"`             // characters other than whitespace
	ReusedChars      int     `json:"reused_chars"`      // of those, inside a passage
	Reuse            float64 `json:"reuse"`             // ReusedChars / Chars
	BoilerplateChars int     `json:"boilerplate_chars"` // of ReusedChars, in stock phrases
	ReuseOwn         float64 `json:"reuse_own"`         // (ReusedChars - BoilerplateChars) / Chars
}

// Result is the comparison of two texts.
type Result struct {
	A, B     Side
	Passages []Passage // by AOffset
}

// Boilerplate tells which k-gram hashes are stock phrases.
type Boilerplate interface {
	Has(hash uint64) bool
}

// match is a maximal exact match: a[i:i+n] == b[j:j+n].
type match struct{ i, j, n int }

// Compare aligns two normalised texts and measures what they share. bp
// (which may be nil) marks stock phrases.
func Compare(a, b *Text, bp Boilerplate) Result {
	return NewComparer(a, bp).Compare(b)
}

// Comparer compares one text with many: its k-gram index and its stock
// phrase marks are built once.
type Comparer struct {
	a     *Text
	bp    Boilerplate
	markA []bool
	idx   []entry // a's k-grams by hash
	// start[k] is where in idx the hashes whose top bits are k begin
	// (and start[k+1] where they end): a lookup reads a bucket of one
	// or two entries instead of searching idx.
	start []int32
	shift uint // 64 - the bits of a bucket number
}

type entry struct {
	h   uint64
	pos int32
}

// NewComparer prepares a for comparisons; bp may be nil.
func NewComparer(a *Text, bp Boilerplate) *Comparer {
	ha := a.Hashes()
	idx := make([]entry, len(ha))
	for i, h := range ha {
		idx[i] = entry{h, int32(i)}
	}
	slices.SortFunc(idx, func(x, y entry) int {
		switch {
		case x.h < y.h:
			return -1
		case x.h > y.h:
			return 1
		}
		return int(x.pos - y.pos)
	})
	c := &Comparer{a: a, bp: bp, markA: marks(a, bp), idx: idx}
	bits := uint(1)
	for 1<<bits < len(idx) {
		bits++
	}
	c.shift = 64 - bits
	c.start = make([]int32, 1<<bits+1)
	k := 0
	for b := range c.start {
		for k < len(idx) && int(idx[k].h>>c.shift) < b {
			k++
		}
		c.start[b] = int32(k)
	}
	return c
}

// Compare aligns the prepared text (A) with b (B).
func (c *Comparer) Compare(b *Text) Result {
	a := c.a
	ps := chain(c.matches(b))
	res := Result{Passages: make([]Passage, 0, len(ps))}
	for _, p := range ps {
		trim(&p, a, b)
		p.AOffset, p.ALength = a.Span(p.a0, p.a1)
		p.BOffset, p.BLength = b.Span(p.b0, p.b1)
		p.Identical = slices.Equal(a.orig[p.AOffset:p.AOffset+p.ALength], b.orig[p.BOffset:p.BOffset+p.BLength])
		res.Passages = append(res.Passages, p)
	}
	markB := marks(b, c.bp)
	res.A = side(a, res.Passages, c.markA, func(p Passage) (int, int) { return p.a0, p.a1 })
	res.B = side(b, res.Passages, markB, func(p Passage) (int, int) { return p.b0, p.b1 })
	for k := range res.Passages {
		p := &res.Passages[k]
		p.Boilerplate = 2*count(c.markA, p.a0, p.a1) >= p.a1-p.a0
	}
	return res
}

// matches returns the maximal exact matches of at least K characters
// between a and b, by position in a.
func (c *Comparer) matches(b *Text) []match {
	idx := c.idx
	hb := b.Hashes()
	if len(idx) == 0 || len(hb) == 0 {
		return nil
	}
	ra, rb := c.a.Runes, b.Runes
	var out []match
	for j, h := range hb {
		lo, end := int(c.start[h>>c.shift]), int(c.start[h>>c.shift+1])
		for lo < end && idx[lo].h < h {
			lo++
		}
		hi := lo
		for hi < end && idx[hi].h == h {
			hi++
		}
		if hi-lo > maxOccurrences {
			continue
		}
		for _, e := range idx[lo:hi] {
			i := int(e.pos)
			// Only where a match starts: one character earlier matching
			// too means this k-gram lies inside a match already found.
			if i > 0 && j > 0 && ra[i-1] == rb[j-1] {
				continue
			}
			n := 0
			for i+n < len(ra) && j+n < len(rb) && ra[i+n] == rb[j+n] {
				n++
			}
			if n >= K { // not a hash collision
				out = append(out, match{i, j, n})
			}
		}
	}
	slices.SortFunc(out, func(x, y match) int {
		if x.i != y.i {
			return x.i - y.i
		}
		return x.j - y.j
	})
	return out
}

// chain joins matches that follow each other in both texts, within Gap
// characters and near the same diagonal, into passages, and drops those
// with fewer than MinPassage characters matched.
func chain(ms []match) []Passage {
	var open, done []Passage
	for _, m := range ms { // by m.i
		best, bestGap := -1, Gap+1
		kept := open[:0]
		for _, p := range open {
			if p.a1 < m.i-Gap {
				done = append(done, p) // no later match can join it
				continue
			}
			kept = append(kept, p)
		}
		open = kept
		for k, p := range open {
			ga, gb := m.i-p.a1, m.j-p.b1
			if m.i < p.a0 || m.j < p.b0 || ga > Gap || gb > Gap || ga < -Gap || gb < -Gap {
				continue
			}
			if d := abs((m.j - m.i) - (p.b1 - p.a1)); d > Gap {
				continue
			}
			if g := max(ga, gb, 0); g < bestGap {
				best, bestGap = k, g
			}
		}
		if best < 0 {
			open = append(open, Passage{a0: m.i, a1: m.i + m.n, b0: m.j, b1: m.j + m.n, matched: m.n, head: m.n, tail: m.n})
			continue
		}
		p := &open[best]
		if m.i+m.n > p.a1 && m.j+m.n > p.b1 {
			p.tail = m.n
		}
		// Count only the part of the match beyond what is covered.
		p.matched += max(0, min(m.n, m.i+m.n-p.a1, m.j+m.n-p.b1))
		p.a1, p.b1 = max(p.a1, m.i+m.n), max(p.b1, m.j+m.n)
	}
	done = append(done, open...)
	out := done[:0]
	for _, p := range done {
		if p.matched >= MinPassage {
			out = append(out, p)
		}
	}
	slices.SortFunc(out, func(x, y Passage) int {
		if x.a0 != y.a0 {
			return x.a0 - y.a0
		}
		return x.b0 - y.b0
	})
	return out
}

// edge is how far into a passage trim looks for a paragraph break.
const edge = 6

// trim cuts a passage at a paragraph break within its first or last few
// characters when the piece beyond the break is only part of a paragraph:
// a copied paragraph often follows a line that happens to end alike
// (…亿元。 / 二、), and the match runs across the break into it. A whole
// paragraph on both sides stays. The first and last exact matches align
// character for character, so the same cut applies to both texts.
func trim(p *Passage, a, b *Text) {
	for k := min(p.a0+edge, p.a0+p.head-K, p.a1-K); k > p.a0; k-- {
		d := k - p.a0
		if !a.breakBefore(k) && !b.breakBefore(p.b0+d) {
			continue
		}
		if !(a.paraEdge(p.a0) && b.paraEdge(p.b0) && a.paraEdge(k) && b.paraEdge(p.b0+d)) {
			p.a0, p.b0, p.head = k, p.b0+d, p.head-d
		}
		break
	}
	for k := max(p.a1-edge, p.a1-p.tail+K, p.a0+K); k < p.a1; k++ {
		d := p.a1 - k
		if !a.breakBefore(k) && !b.breakBefore(p.b1-d) {
			continue
		}
		if !(a.paraEdge(p.a1) && b.paraEdge(p.b1) && a.paraEdge(k) && b.paraEdge(p.b1-d)) {
			p.a1, p.b1, p.tail = k, p.b1-d, p.tail-d
		}
		break
	}
}

// paraEdge reports whether normalised position k starts or ends a
// paragraph: the text's start or end, or a line break before it.
func (t *Text) paraEdge(k int) bool {
	return k <= 0 || k >= len(t.Runes) || t.breakBefore(k)
}

// breakBefore reports whether a line break lies between normalised
// characters k-1 and k.
func (t *Text) breakBefore(k int) bool {
	if k <= 0 || k >= len(t.Runes) {
		return false
	}
	for _, r := range t.orig[t.End[k-1]:t.Start[k]] {
		if r == '\n' {
			return true
		}
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// marks returns, per normalised position, whether a stock phrase covers
// it: every k-gram whose hash bp has, and the stretches between two such
// k-grams at most W apart (a store knows only the winnowed fingerprints
// of stock phrases, one in every W k-grams).
func marks(t *Text, bp Boilerplate) []bool {
	if bp == nil {
		return nil
	}
	m := make([]bool, len(t.Runes))
	last := -W - 1
	for i, h := range t.Hashes() {
		if !bp.Has(h) {
			continue
		}
		from := i
		if i-last <= W {
			from = last
		}
		for k := from; k < i+K; k++ {
			m[k] = true
		}
		last = i
	}
	if s, ok := bp.(shortMarker); ok {
		s.markShort(t, m)
	}
	return m
}

// count returns the marked positions in [i, j).
func count(m []bool, i, j int) int {
	if m == nil {
		return 0
	}
	n := 0
	for _, b := range m[i:j] {
		if b {
			n++
		}
	}
	return n
}

// side measures one text's coverage by the passages: the union of their
// stretches, in original characters other than whitespace.
func side(t *Text, ps []Passage, mark []bool, span func(Passage) (int, int)) Side {
	s := Side{Chars: t.Ink(0, t.Chars)}
	type iv struct{ i, j int }
	ivs := make([]iv, 0, len(ps))
	for _, p := range ps {
		i, j := span(p)
		ivs = append(ivs, iv{i, j})
	}
	slices.SortFunc(ivs, func(x, y iv) int { return x.i - y.i })
	var merged []iv
	for _, v := range ivs {
		if n := len(merged); n > 0 && v.i <= merged[n-1].j {
			merged[n-1].j = max(merged[n-1].j, v.j)
			continue
		}
		merged = append(merged, v)
	}
	bp := 0.0
	for _, v := range merged {
		off, n := t.Span(v.i, v.j)
		ink := t.Ink(off, off+n)
		s.ReusedChars += ink
		if c := count(mark, v.i, v.j); c > 0 {
			bp += float64(ink) * float64(c) / float64(v.j-v.i)
		}
	}
	s.BoilerplateChars = int(bp + 0.5)
	if s.Chars > 0 {
		s.Reuse = float64(s.ReusedChars) / float64(s.Chars)
		s.ReuseOwn = float64(s.ReusedChars-s.BoilerplateChars) / float64(s.Chars)
	}
	return s
}
