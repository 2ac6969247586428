package gen

import (
	"slices"
	"sort"
	"unicode/utf8"
)

// Passage is a stretch of text two reports share: the characters
// [AOffset, AOffset+ALength) of report A's text and [BOffset,
// BOffset+BLength) of report B's. Offsets and lengths count Unicode
// characters (code points, line feeds included) from 0.
//
// In the ground truth A < B (by ID), and a passage is one maximal copied
// stretch: a chain of runs of exactly copied characters, in the same
// order in both reports, where any two consecutive runs are separated by
// at most MaxEditGap characters in A and at most MaxEditGap in B, and
// those gaps hold only what copying changed: the new text of an edit (a
// year or number changed, a placeholder, half-width punctuation, an
// inserted clause), what an edit replaced (digits, placeholder characters,
// punctuation), and line feeds. A sentence or paragraph left out, or
// written afresh in place of copied text, ends the passage however short
// it is. A passage starts at its first copied character and ends after
// its last, never in an edit.
//
// Reuse is transitive: two reports share every character copied along any
// chain (a unit's 2025 report holds text of its 2023 report through the
// 2024 one; the members of a family share their template's text among
// themselves, though the template is no report; a spliced paragraph is
// shared with the donor's other reports that hold it), and the truth has
// the passages of every such pair. Kind is KindYearOnYear for two reports
// of one unit, KindTemplate for template text shared by two units of one
// family, KindSplice for any other pair. Passages with fewer than
// Config.MinPassage ink characters (characters other than punctuation,
// symbols and whitespace, a run of digits or placeholder characters
// counting as one) in A or in B are left out.
//
// A detector's output uses the same type and JSON form, one object a
// line: {"a":"u00001-2023","b":"u00001-2024","a_offset":0,"a_length":812,
// "b_offset":0,"b_length":815,"kind":"yoy"}; kind may be left out. Score
// compares the two.
type Passage struct {
	A       string `json:"a"`
	B       string `json:"b"`
	AOffset int    `json:"a_offset"`
	ALength int    `json:"a_length"`
	BOffset int    `json:"b_offset"`
	BLength int    `json:"b_length"`
	Kind    string `json:"kind,omitempty"`
}

// fragment is a run of characters copied between reports a < b.
type fragment struct {
	a, b       int32
	aOff, bOff int32
	n          int32
	kind       uint8
}

var kindNames = []string{KindYearOnYear, KindTemplate, KindSplice}

const (
	kindYearOnYear uint8 = iota
	kindTemplate
	kindSplice
)

// occurrence is a piece of a report whose origin another report holds
// too.
type occurrence struct {
	rep, pos int32 // report and offset of the piece
	off, n   uint16
}

// truth returns the passages the reports share.
func (g *generator) truth() []Passage {
	reps := g.reports
	// Origins are numbered densely: base[ns] + org.
	base := make([]uint32, len(g.origins)+1)
	for ns, n := range g.origins {
		base[ns+1] = base[ns] + n
	}
	total := base[len(g.origins)]
	dense := func(p piece) uint32 { return base[p.ns] + p.org }
	// Count the occurrences of the origins held by two reports or more.
	seen := make([]int32, total) // last report holding the origin, +1
	count := make([]int32, total+1)
	for ri, r := range reps {
		for _, p := range r.doc.pieces {
			o := dense(p)
			if seen[o] != int32(ri+1) {
				if seen[o] != 0 {
					count[o] = 1 // shared: count its occurrences below
				}
				seen[o] = int32(ri + 1)
			}
		}
	}
	for _, r := range reps {
		for _, p := range r.doc.pieces {
			if o := dense(p); count[o] != 0 {
				count[o]++
			}
		}
	}
	// first[o] is the index in occs of origin o's first occurrence; they
	// are in report order, and in text order in each report.
	first := count
	sum := int32(0)
	for o, c := range first[:total] {
		if c != 0 {
			c-- // the mark
		}
		first[o] = sum
		sum += c
	}
	first[total] = sum
	occs := make([]occurrence, sum)
	fill := seen // reused: where each origin's next occurrence goes
	clear(fill)
	starts := make([][]int32, len(reps))
	for ri, r := range reps {
		d := &r.doc
		st := make([]int32, len(d.pieces))
		pos := int32(0)
		for bi := range d.blocks {
			lo := int(d.blocks[bi].piece)
			for k, p := range d.blockPieces(bi) {
				st[lo+k] = pos
				if o := dense(p); first[o+1] > first[o] {
					occs[first[o]+fill[o]] = occurrence{int32(ri), pos, p.off, p.n}
					fill[o]++
				}
				pos += int32(p.n)
			}
			pos++ // line feed
		}
		starts[ri] = st
	}
	// For each report a, the passages it shares with later reports.
	found := make([][]Passage, len(reps))
	g.parallel(len(reps), func(w *builder, ai int) {
		frags := w.frags[:0]
		ra := reps[ai]
		for k, p := range ra.doc.pieces {
			o := dense(p)
			for _, oc := range occs[first[o]:first[o+1]] {
				if int(oc.rep) <= ai {
					continue
				}
				lo := max(p.off, oc.off)
				hi := min(p.off+p.n, oc.off+oc.n)
				if lo >= hi {
					continue
				}
				frags = append(frags, fragment{
					a: int32(ai), b: oc.rep,
					aOff: starts[ai][k] + int32(lo-p.off), bOff: oc.pos + int32(lo-oc.off), n: int32(hi - lo),
					kind: g.kind(ra, reps[oc.rep], p.ns),
				})
			}
		}
		w.frags = frags
		// By b, and for each b in the order of a's text.
		frags = w.byB(frags, len(reps))
		var out []Passage
		for i := 0; i < len(frags); {
			cur := frags[i]
			rb := reps[cur.b]
			aEnd, bEnd := cur.aOff+cur.n, cur.bOff+cur.n
			for i++; i < len(frags); i++ {
				f := frags[i]
				if f.b != cur.b || f.kind != cur.kind ||
					f.aOff < aEnd || f.aOff-aEnd > MaxEditGap || f.bOff < bEnd || f.bOff-bEnd > MaxEditGap ||
					!edited(g.texts, &ra.doc, starts[ai], aEnd, f.aOff) || !edited(g.texts, &rb.doc, starts[cur.b], bEnd, f.bOff) {
					break
				}
				aEnd, bEnd = f.aOff+f.n, f.bOff+f.n
			}
			m := g.cfg.MinPassage
			if !hasInk(g.texts, &ra.doc, starts[ai], cur.aOff, aEnd, m) || !hasInk(g.texts, &rb.doc, starts[cur.b], cur.bOff, bEnd, m) {
				continue
			}
			out = append(out, Passage{
				A: ra.ID, B: rb.ID,
				AOffset: int(cur.aOff), ALength: int(aEnd - cur.aOff),
				BOffset: int(cur.bOff), BLength: int(bEnd - cur.bOff),
				Kind: kindNames[cur.kind],
			})
		}
		found[ai] = out
	})
	return slices.Concat(found...)
}

// byB returns the fragments ordered by b, stably (a bucket sort), in
// w's scratch.
func (w *builder) byB(frags []fragment, reports int) []fragment {
	if len(w.slot) < reports {
		w.slot = make([]int32, reports)
	}
	// slot[b] is 1 + the index of b's bucket while the buckets are made.
	counts := w.counts[:0]
	for _, f := range frags {
		s := w.slot[f.b]
		if s == 0 {
			counts = append(counts, 0)
			s = int32(len(counts))
			w.slot[f.b] = s
		}
		counts[s-1]++
	}
	// The buckets in the order of b.
	order := w.order[:0]
	for _, f := range frags {
		if s := w.slot[f.b]; s > 0 {
			order = append(order, f.b)
			w.slot[f.b] = -s
		}
	}
	slices.Sort(order)
	at := int32(0)
	for _, b := range order {
		s := -w.slot[b]
		n := counts[s-1]
		counts[s-1] = at
		at += n
		w.slot[b] = s
	}
	out := slices.Grow(w.sorted[:0], len(frags))[:len(frags)]
	for _, f := range frags {
		s := w.slot[f.b] - 1
		out[counts[s]] = f
		counts[s]++
	}
	for _, b := range order {
		w.slot[b] = 0
	}
	w.counts, w.order, w.sorted = counts, order, out
	return out
}

// kind classifies text of namespace ns shared by reports a and b.
func (g *generator) kind(a, b *Report, ns uint32) uint8 {
	switch {
	case a.unit == b.unit:
		return kindYearOnYear
	case a.unit.family != nil && a.unit.family == b.unit.family && int(ns) >= len(g.reports):
		return kindTemplate
	}
	return kindSplice
}

// edited reports whether the text [from, to) of d, whose pieces start
// at starts, is what copying edited between two copied runs: line feeds,
// the new text of edits, and what an edit replaced, which is digits,
// placeholder characters and punctuation (the figure changed, the
// full-width comma made half-width). Any other text (a sentence left out
// or written afresh) ends a passage, however short.
func edited(t texts, d *doc, starts []int32, from, to int32) bool {
	if from >= to {
		return true
	}
	k := sort.Search(len(starts), func(i int) bool { return starts[i]+int32(d.pieces[i].n) > from })
	for ; k < len(d.pieces) && starts[k] < to; k++ {
		p := d.pieces[k]
		if p.edit {
			continue
		}
		pos := starts[k]
		for b := t.of(p); len(b) > 0 && pos < to; pos++ {
			r, size := utf8.DecodeRune(b)
			if pos >= from && classify(r) == classInk {
				return false
			}
			b = b[size:]
		}
	}
	return true
}

// hasInk reports whether the text [from, to) of d, whose pieces start
// at starts, has at least min ink characters.
func hasInk(t texts, d *doc, starts []int32, from, to int32, min int) bool {
	if int(to-from) < min {
		return false
	}
	k := sort.Search(len(starts), func(i int) bool { return starts[i]+int32(d.pieces[i].n) > from })
	var c inkCounter
	for ; k < len(d.pieces) && starts[k] < to; k++ {
		p := d.pieces[k]
		pos := starts[k]
		if k > 0 && pos != starts[k-1]+int32(d.pieces[k-1].n) {
			c.add('\n') // a line feed between the pieces
		}
		for b := t.of(p); len(b) > 0; pos++ {
			r, size := utf8.DecodeRune(b)
			if pos >= from && pos < to {
				c.add(r)
			}
			b = b[size:]
		}
		if c.n >= min {
			return true
		}
	}
	return c.n >= min
}
