package annotate

import (
	"sort"
	"unicode/utf8"

	"zongjie/document"
	"zongjie/internal/docxsrc"
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
	run  int // index in the source's Runs, for pointRun and pointText
	text int // index in the source's Texts, for pointText
	para int // Origin of the paragraph, whose namespace prefix the markers use
}

// anchor is where a comment goes: its range, and whether the range is the
// diagnostic's own span (exact) or a point at the start of its paragraph.
type anchor struct {
	start, end place
	exact      bool
}

// locator finds anchors for spans of the File, from the places the
// reader recorded while it read the File (src).
type locator struct {
	f   *document.File
	src *docxsrc.Source
}

// atomAt returns the atom the character at byte off of the text was read
// from, or -1 when it is not in the body's XML: text the reader made (a
// numbering marker, a separator between cells), a note, a text box.
func (l *locator) atomAt(off int) int {
	if off < 0 || off >= len(l.src.At) || l.src.At[off] < 0 {
		return -1
	}
	k := int(l.src.At[off])
	if r := l.src.Atoms[k].Run; r >= 0 && l.src.Paras[l.src.Runs[r].Para].Host >= 0 {
		return -1 // text boxes are commented at their anchoring paragraph
	}
	return k
}

// mapped reports whether paragraph k may hold exactly placed characters:
// a body paragraph or a table row with a valid span.
func (l *locator) mapped(k int) bool {
	p := l.f.Paragraphs[k]
	return (p.Kind == document.Body || p.Kind == document.TableRow) && validSpan(p.Span, len(l.f.Text))
}

// locate returns the anchor of span s; ok is false when the span cannot be
// placed at all (it is invalid, or lies in notes).
func (l *locator) locate(s document.Span) (anchor, bool) {
	text := l.f.Text
	if s.Start > s.End || s.End < 0 || s.Start > len(text) {
		return anchor{}, false
	}
	s.Start, s.End = runeStart(text, max(s.Start, 0)), runeEnd(text, min(s.End, len(text)))
	paras := l.f.Paragraphs
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
	paras := l.f.Paragraphs
	i := sort.Search(len(paras), func(k int) bool { return paras[k].Span.End >= off })
	if i >= len(paras) || paras[i].Span.Start > off {
		return l.approx(i, i, i-1, i-1)
	}
	if !l.mapped(i) {
		return l.approx(i, i)
	}
	p := paras[i]
	for o := off; o < p.Span.End; o++ {
		if k := l.atomAt(o); k >= 0 {
			if pl, ok := l.before(l.src.Atoms[k]); ok {
				return anchor{start: pl, end: pl, exact: true}, true
			}
		}
	}
	for o := off - 1; o >= p.Span.Start; o-- {
		if k := l.atomAt(o); k >= 0 {
			if pl, ok := l.after(l.src.Atoms[k]); ok {
				return anchor{start: pl, end: pl, exact: true}, true
			}
		}
	}
	return l.approx(i, i)
}

// first returns the place before the first character of s that is in the
// XML, looking in paragraphs i to j.
func (l *locator) first(i, j int, s document.Span) (place, bool) {
	paras := l.f.Paragraphs
	for k := max(i, 0); k <= j && k < len(paras); k++ {
		if !l.mapped(k) {
			continue
		}
		p := paras[k]
		for o := max(s.Start, p.Span.Start); o < min(s.End, p.Span.End); o++ {
			if x := l.atomAt(o); x >= 0 {
				return l.before(l.src.Atoms[x])
			}
		}
	}
	return place{}, false
}

// last returns the place after the last character of s that is in the
// XML, looking in paragraphs j down to i.
func (l *locator) last(i, j int, s document.Span) (place, bool) {
	paras := l.f.Paragraphs
	for k := min(j, len(paras)-1); k >= i && k >= 0; k-- {
		if !l.mapped(k) {
			continue
		}
		p := paras[k]
		for o := min(s.End, p.Span.End) - 1; o >= max(s.Start, p.Span.Start); o-- {
			if x := l.atomAt(o); x >= 0 {
				return l.after(l.src.Atoms[x])
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
	paras := l.f.Paragraphs
	for r := 0; r+1 < len(ranges); r += 2 {
		for k := max(ranges[r], 0); k <= ranges[r+1] && k < len(paras); k++ {
			origin := paras[k].Origin
			if origin < 0 || origin >= len(l.src.Paras) {
				continue
			}
			if h := l.src.Paras[origin].Host; h >= 0 {
				origin = h
			}
			if in := l.src.Paras[origin].Inner; in >= 0 {
				pl := place{off: in, kind: pointPlain, para: origin}
				return anchor{start: pl, end: pl}, true
			}
		}
	}
	return anchor{}, false
}

// before returns the place just before atom a.
func (l *locator) before(a docxsrc.Atom) (place, bool) {
	if a.Run < 0 || a.Run >= len(l.src.Runs) {
		return place{}, false
	}
	if r := l.src.Runs[a.Run]; r.Odd {
		return place{off: r.Open, kind: pointPlain, para: r.Para}, true
	}
	if a.Kind == docxsrc.Char {
		t := l.src.Texts[a.Text]
		if a.Start > t.FirstStart {
			return place{off: a.Start, kind: pointText, run: a.Run, text: a.Text, para: l.src.Runs[a.Run].Para}, true
		}
		return l.runBoundary(a.Run, t.Open), true
	}
	return l.runBoundary(a.Run, a.Start), true
}

// after returns the place just after atom a.
func (l *locator) after(a docxsrc.Atom) (place, bool) {
	if a.Run < 0 || a.Run >= len(l.src.Runs) {
		return place{}, false
	}
	if r := l.src.Runs[a.Run]; r.Odd {
		return place{off: r.End, kind: pointPlain, para: r.Para}, true
	}
	if a.Kind == docxsrc.Char {
		t := l.src.Texts[a.Text]
		if a.End < t.LastEnd {
			return place{off: a.End, kind: pointText, run: a.Run, text: a.Text, para: l.src.Runs[a.Run].Para}, true
		}
		return l.runBoundary(a.Run, t.End), true
	}
	return l.runBoundary(a.Run, a.End), true
}

// runBoundary returns the place at offset x between two children of run
// i: before or after the run when nothing but w:rPr is on that side,
// else a split of the run.
func (l *locator) runBoundary(i, x int) place {
	r := l.src.Runs[i]
	switch {
	case r.First < 0 || x <= r.First:
		return place{off: r.Open, kind: pointPlain, para: r.Para}
	case x >= r.Last:
		return place{off: r.End, kind: pointPlain, para: r.Para}
	}
	return place{off: x, kind: pointRun, run: i, para: r.Para}
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

// validSpan reports whether s is a span of a text of n bytes.
func validSpan(s document.Span, n int) bool { return 0 <= s.Start && s.Start <= s.End && s.End <= n }
