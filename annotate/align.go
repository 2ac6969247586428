package annotate

import (
	"unicode/utf8"

	"zongjie/document"
)

// resyncWindow is how many atoms ahead the alignment looks for a character
// it cannot match in place, and resyncRunes how many following characters
// must match there too.
const (
	resyncWindow = 64
	resyncRunes  = 3
)

// paraMap maps the bytes of one reader paragraph to the atoms they came
// from.
type paraMap struct {
	stream []atom
	// at holds, for each byte of the paragraph span that starts a
	// character, the index in stream of its atom, or -1 when the character
	// is not in the XML (a numbering marker) or could not be matched.
	at []int32
}

// aligner matches the paragraphs of a File with the atoms of the w:p
// elements they were read from, on demand.
type aligner struct {
	f        *document.File
	lay      *layout
	byOrigin map[int][]int // body paragraphs by Origin, in order
	maps     map[int]*paraMap
}

// newAligner prepares the alignment of f with lay.
func newAligner(f *document.File, lay *layout) *aligner {
	a := &aligner{f: f, lay: lay, byOrigin: map[int][]int{}, maps: map[int]*paraMap{}}
	for i, p := range f.Paragraphs {
		if p.Kind == document.Body && a.inBody(p.Origin) {
			a.byOrigin[p.Origin] = append(a.byOrigin[p.Origin], i)
		}
	}
	return a
}

// inBody reports whether origin names a w:p of the body story (not of a
// text box).
func (a *aligner) inBody(origin int) bool {
	return origin >= 0 && origin < len(a.lay.paras) && a.lay.paras[origin].host < 0
}

// mapOf returns the map of paragraph i, or nil when the paragraph cannot be
// placed exactly (notes, text boxes, unknown origins).
func (a *aligner) mapOf(i int) *paraMap {
	if m, ok := a.maps[i]; ok {
		return m
	}
	p := a.f.Paragraphs[i]
	switch {
	case !validSpan(p.Span, len(a.f.Text)) || !a.inBody(p.Origin):
		a.maps[i] = nil
	case p.Kind == document.Body:
		// The pieces of a w:p split at line breaks share its atoms: align
		// them in order, each after the previous one.
		stream, cur := a.lay.paras[p.Origin].atoms, 0
		for _, k := range a.byOrigin[p.Origin] {
			var at []int32
			at, cur = a.alignPara(k, stream, cur)
			a.maps[k] = &paraMap{stream: stream, at: at}
		}
	case p.Kind == document.TableRow && a.lay.rows[p.Origin] != nil:
		stream := rowStream(a.lay, a.lay.rows[p.Origin])
		at, _ := a.alignPara(i, stream, 0)
		a.maps[i] = &paraMap{stream: stream, at: at}
	default:
		a.maps[i] = nil
	}
	return a.maps[i]
}

// alignPara aligns paragraph i with stream from atom cur on and returns
// the map and the atom after the last one matched.
func (a *aligner) alignPara(i int, stream []atom, cur int) ([]int32, int) {
	p := a.f.Paragraphs[i]
	if !validSpan(p.Span, len(a.f.Text)) {
		return nil, cur
	}
	text := a.f.Text[p.Span.Start:p.Span.End]
	at := make([]int32, len(text))
	for k := range at {
		at[k] = -1
	}
	gen := p.Generated
	for off, r := range text {
		if abs := p.Span.Start + off; gen.Start <= abs && abs < gen.End {
			continue // the numbering marker is made by the reader
		}
		j := cur
		for j < len(stream) && !matches(stream[j], r) && droppable(stream[j]) {
			j++
		}
		if j >= len(stream) || !matches(stream[j], r) {
			j = resync(text[off:], stream, cur)
		}
		if j >= 0 {
			at[off] = int32(j)
			cur = j + 1
		}
	}
	return at, cur
}

// validSpan reports whether s is a span of a text of n bytes.
func validSpan(s document.Span, n int) bool { return 0 <= s.Start && s.Start <= s.End && s.End <= n }

// index returns the stream index of the atom of the character at byte
// offset off of the text, given the paragraph's span start, or -1. Virtual
// atoms, which are not in the XML, give -1 too.
func (m *paraMap) index(spanStart, off int) int {
	k := off - spanStart
	if m == nil || k < 0 || k >= len(m.at) || m.at[k] < 0 || m.stream[m.at[k]].kind == atomVirtual {
		return -1
	}
	return int(m.at[k])
}

// matches reports whether atom a can be character r of the reader's text.
func matches(a atom, r rune) bool { return a.kind != atomBreak && a.r == r }

// droppable reports whether the reader may have left atom a out of the
// text: blanks trimmed at the ends of a piece, and line breaks.
func droppable(a atom) bool { return a.kind == atomBreak || isBlank(a.r) }

// resync looks a little ahead of cur for the first character of rest
// followed by the next few, for when the text and the atoms disagree
// (which they should not); it returns -1 when there is no such place.
func resync(rest string, stream []atom, cur int) int {
	r, size := utf8.DecodeRuneInString(rest)
	if isBlank(r) {
		return -1
	}
	for j := cur; j < len(stream) && j < cur+resyncWindow; j++ {
		if !matches(stream[j], r) {
			continue
		}
		ok, k := true, j+1
		for n, next := 0, rest[size:]; n < resyncRunes && next != ""; n++ {
			r2, s2 := utf8.DecodeRuneInString(next)
			if k >= len(stream) || !matches(stream[k], r2) {
				ok = false
				break
			}
			next, k = next[s2:], k+1
		}
		if ok {
			return j
		}
	}
	return -1
}

// rowStream builds the atoms of a table row as the reader builds its text:
// cells joined by tabs, the paragraphs of a cell trimmed and joined by
// spaces, line breaks read as spaces.
func rowStream(lay *layout, row *xmlRow) []atom {
	var out []atom
	virtual := func(r rune) { out = append(out, atom{r: r, kind: atomVirtual, run: -1, text: -1}) }
	cells, filled := 0, false
	openCell := func() {
		if cells > 0 {
			virtual('\t')
		}
		cells++
		filled = false
	}
	for _, ev := range row.events {
		if ev.cell {
			openCell()
			continue
		}
		if ev.para < 0 || ev.para >= len(lay.paras) {
			continue
		}
		atoms := cellAtoms(lay.paras[ev.para].atoms)
		if len(atoms) == 0 {
			continue
		}
		if ev.implicit {
			openCell()
		}
		if filled {
			virtual(' ')
		}
		out = append(out, atoms...)
		filled = true
	}
	return out
}

// cellAtoms returns the atoms of a paragraph in a table cell: breaks read
// as spaces and blanks trimmed at both ends.
func cellAtoms(atoms []atom) []atom {
	lo, hi := 0, len(atoms)
	for lo < hi && isBlank(atoms[lo].r) {
		lo++
	}
	for hi > lo && isBlank(atoms[hi-1].r) {
		hi--
	}
	out := make([]atom, 0, hi-lo)
	for _, a := range atoms[lo:hi] {
		if a.kind == atomBreak {
			a.kind = atomElem
		}
		out = append(out, a)
	}
	return out
}
