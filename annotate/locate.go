package annotate

import (
	"sort"
	"unicode/utf8"

	"zongjie/document"
)

// pointKind says how a boundary is inserted at its place.
type pointKind uint8

const (
	pointPlain pointKind = iota // between elements, outside any run
	pointRun                    // between two children of a run: the run is split
	pointText                   // inside the text of a w:t: the w:t and its run are split
)

// place is where one end of a comment range goes in the main document
// part.
type place struct {
	off  int
	kind pointKind
	run  int // index in layout.runs, for pointRun and pointText
	text int // index in layout.texts, for pointText
	para int // Origin of the paragraph, whose namespace prefix the markers use
}

// anchor is where a comment goes: its range, and whether the range is the
// diagnostic's own span (exact) or a point at the start of its paragraph.
type anchor struct {
	start, end place
	exact      bool
}

// locator finds anchors for spans of the File.
type locator struct {
	a   *aligner
	lay *layout
}

// locate returns the anchor of span s; ok is false when the span cannot be
// placed at all (it is invalid, or lies in notes).
func (l *locator) locate(s document.Span) (anchor, bool) {
	text := l.a.f.Text
	if s.Start > s.End || s.End < 0 || s.Start > len(text) {
		return anchor{}, false
	}
	s.Start, s.End = runeStart(text, max(s.Start, 0)), runeEnd(text, min(s.End, len(text)))
	paras := l.a.f.Paragraphs
	if s.Start == s.End {
		return l.point(s.Start)
	}
	i := sort.Search(len(paras), func(k int) bool { return paras[k].Span.End > s.Start })
	j := sort.Search(len(paras), func(k int) bool { return paras[k].Span.Start >= s.End }) - 1
	if i > j {
		return l.approx(i, i, j, j) // between paragraphs
	}
	start, ok1 := l.first(i, j, s)
	end, ok2 := l.last(i, j, s)
	if ok1 && ok2 && start.off <= end.off {
		return anchor{start: start, end: end, exact: true}, true
	}
	return l.approx(i, j)
}

// point returns the anchor of an empty span at byte offset off: before the
// character there, or after the last one of its paragraph.
func (l *locator) point(off int) (anchor, bool) {
	paras := l.a.f.Paragraphs
	i := sort.Search(len(paras), func(k int) bool { return paras[k].Span.End >= off })
	if i >= len(paras) || paras[i].Span.Start > off {
		return l.approx(i, i, i-1, i-1)
	}
	p, m := paras[i], l.a.mapOf(i)
	for o := off; o < p.Span.End; o++ {
		if k := m.index(p.Span.Start, o); k >= 0 {
			if pl, ok := l.before(m.stream[k]); ok {
				return anchor{start: pl, end: pl, exact: true}, true
			}
		}
	}
	for o := off - 1; o >= p.Span.Start; o-- {
		if k := m.index(p.Span.Start, o); k >= 0 {
			if pl, ok := l.after(m.stream[k]); ok {
				return anchor{start: pl, end: pl, exact: true}, true
			}
		}
	}
	return l.approx(i, i)
}

// first returns the place before the first character of s that is in the
// XML, looking in paragraphs i to j.
func (l *locator) first(i, j int, s document.Span) (place, bool) {
	paras := l.a.f.Paragraphs
	for k := max(i, 0); k <= j && k < len(paras); k++ {
		p, m := paras[k], l.a.mapOf(k)
		if m == nil {
			continue
		}
		for o := max(s.Start, p.Span.Start); o < min(s.End, p.Span.End); o++ {
			if x := m.index(p.Span.Start, o); x >= 0 {
				return l.before(m.stream[x])
			}
		}
	}
	return place{}, false
}

// last returns the place after the last character of s that is in the
// XML, looking in paragraphs j down to i.
func (l *locator) last(i, j int, s document.Span) (place, bool) {
	paras := l.a.f.Paragraphs
	for k := min(j, len(paras)-1); k >= i && k >= 0; k-- {
		p, m := paras[k], l.a.mapOf(k)
		if m == nil {
			continue
		}
		for o := min(s.End, p.Span.End) - 1; o >= max(s.Start, p.Span.Start); o-- {
			if x := m.index(p.Span.Start, o); x >= 0 {
				return l.after(m.stream[x])
			}
		}
	}
	return place{}, false
}

// approx returns a point anchor at the start of the first paragraph in the
// ranges given (pairs of first and last index) whose w:p is known: the
// paragraph itself, or for text in a text box the body paragraph holding
// it. Notes have none.
func (l *locator) approx(ranges ...int) (anchor, bool) {
	paras := l.a.f.Paragraphs
	for r := 0; r+1 < len(ranges); r += 2 {
		for k := max(ranges[r], 0); k <= ranges[r+1] && k < len(paras); k++ {
			origin := paras[k].Origin
			if origin < 0 || origin >= len(l.lay.paras) {
				continue
			}
			if h := l.lay.paras[origin].host; h >= 0 {
				origin = h
			}
			if in := l.lay.paras[origin].inner; in >= 0 {
				pl := place{off: in, kind: pointPlain, para: origin}
				return anchor{start: pl, end: pl}, true
			}
		}
	}
	return anchor{}, false
}

// before returns the place just before atom a.
func (l *locator) before(a atom) (place, bool) {
	if a.run < 0 || a.run >= len(l.lay.runs) {
		return place{}, false
	}
	if r := l.lay.runs[a.run]; r.odd {
		return place{off: r.open, kind: pointPlain, para: r.para}, true
	}
	if a.kind == atomChar {
		t := l.lay.texts[a.text]
		if a.start > t.firstStart {
			return place{off: a.start, kind: pointText, run: a.run, text: a.text, para: l.lay.runs[a.run].para}, true
		}
		return l.runBoundary(a.run, t.open), true
	}
	return l.runBoundary(a.run, a.start), true
}

// after returns the place just after atom a.
func (l *locator) after(a atom) (place, bool) {
	if a.run < 0 || a.run >= len(l.lay.runs) {
		return place{}, false
	}
	if r := l.lay.runs[a.run]; r.odd {
		return place{off: r.end, kind: pointPlain, para: r.para}, true
	}
	if a.kind == atomChar {
		t := l.lay.texts[a.text]
		if a.end < t.lastEnd {
			return place{off: a.end, kind: pointText, run: a.run, text: a.text, para: l.lay.runs[a.run].para}, true
		}
		return l.runBoundary(a.run, t.end), true
	}
	return l.runBoundary(a.run, a.end), true
}

// runBoundary returns the place at offset x between two children of run
// i: before or after the run when nothing but w:rPr is on that side,
// else a split of the run.
func (l *locator) runBoundary(i, x int) place {
	r := l.lay.runs[i]
	switch {
	case r.first < 0 || x <= r.first:
		return place{off: r.open, kind: pointPlain, para: r.para}
	case x >= r.last:
		return place{off: r.end, kind: pointPlain, para: r.para}
	}
	return place{off: x, kind: pointRun, run: i, para: r.para}
}

// runeStart moves off back to the start of the character holding it.
func runeStart(s string, off int) int {
	for off > 0 && off < len(s) && !utf8.RuneStart(s[off]) {
		off--
	}
	return off
}

// runeEnd moves off forward to the end of the character holding it.
func runeEnd(s string, off int) int {
	for off > 0 && off < len(s) && !utf8.RuneStart(s[off]) {
		off++
	}
	return off
}
