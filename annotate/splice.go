package annotate

import (
	"sort"
	"strconv"
	"strings"

	"zongjie/internal/docxsrc"
)

// markKind says which comment markers go at a point.
type markKind uint8

// Marks, in the order they are written at one point: ranges that end
// there, empty ranges, ranges that start there.
const (
	markEnd   markKind = iota // w:commentRangeEnd and the w:commentReference run
	markPoint                 // all three: an empty range
	markStart                 // w:commentRangeStart
)

// mark is one comment's markers at a point.
type mark struct {
	kind markKind
	id   int64
}

// point is a place with the markers that go there.
type point struct {
	place
	marks []mark
}

// edit is an insertion of s before byte off of the part.
type edit struct {
	off int
	s   string
}

// placed is a comment to insert: its anchor and id.
type placed struct {
	anchor anchor
	id     int64
}

// spliceDocument returns the main document part with the comment markers
// of cs inserted. Nothing of the original is removed or rewritten: runs
// and texts are split by closing them and opening copies (same start tag,
// same w:rPr), so every byte of data is still there, in order.
func spliceDocument(src *docxsrc.Source, cs []placed) []byte {
	data := src.Data
	points := map[int]*point{}
	at := func(pl place) *point {
		p, ok := points[pl.off]
		if !ok {
			p = &point{place: pl}
			points[pl.off] = p
		}
		return p
	}
	for _, c := range cs {
		if c.anchor.start.off == c.anchor.end.off {
			p := at(c.anchor.start)
			p.marks = append(p.marks, mark{markPoint, c.id})
			continue
		}
		ps := at(c.anchor.start)
		ps.marks = append(ps.marks, mark{markStart, c.id})
		pe := at(c.anchor.end)
		pe.marks = append(pe.marks, mark{markEnd, c.id})
	}
	offs := make([]int, 0, len(points))
	for off := range points {
		offs = append(offs, off)
	}
	sort.Ints(offs)
	var edits []edit
	split := map[int]bool{} // w:t without xml:space="preserve" that are split
	for _, off := range offs {
		p := points[off]
		edits = append(edits, edit{p.off, p.render(src)})
		if p.kind == pointText && !src.Texts[p.text].Preserve && !split[p.text] {
			split[p.text] = true
			edits = append(edits, preserveEdits(data, src.Texts[p.text])...)
		}
	}
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].off < edits[j].off })
	var b strings.Builder
	b.Grow(len(data) + len(cs)*200)
	last := 0
	for _, e := range edits {
		b.Write(data[last:e.off])
		b.WriteString(e.s)
		last = e.off
	}
	b.Write(data[last:])
	return []byte(b.String())
}

// preserveEdits keeps the visible text of a w:t without
// xml:space="preserve" that is split: its core (the text the reader keeps
// after trimming white space) goes into a w:t with xml:space="preserve",
// so that white space inside it stays at the split, and the white space
// around it stays in w:t elements that still trim it.
func preserveEdits(data []byte, t docxsrc.Text) []edit {
	var edits []edit
	if t.CoreStart == t.OpenEnd && !t.SpaceAttr && t.OpenEnd > t.Open && data[t.OpenEnd-1] == '>' {
		edits = append(edits, edit{t.OpenEnd - 1, ` xml:space="preserve"`})
	} else {
		edits = append(edits, edit{t.CoreStart, "</" + t.Name + "><" + t.Name + ` xml:space="preserve">`})
	}
	if t.CoreEnd < t.Close {
		edits = append(edits, edit{t.CoreEnd, "</" + t.Name + "><" + t.Name + ">"})
	}
	return edits
}

// render returns the bytes inserted at p: the markers, inside a split of
// the run (and w:t) when the point falls inside one.
func (p *point) render(src *docxsrc.Source) string {
	sort.SliceStable(p.marks, func(i, j int) bool {
		a, b := p.marks[i], p.marks[j]
		if a.kind != b.kind {
			return a.kind < b.kind
		}
		if a.kind == markEnd {
			return a.id > b.id // close the innermost range first
		}
		return a.id < b.id
	})
	ns := newNS(src.Paras[p.para])
	var b strings.Builder
	var r docxsrc.Run
	var t docxsrc.Text
	switch p.kind {
	case pointText:
		r, t = src.Runs[p.run], src.Texts[p.text]
		b.WriteString("</" + t.Name + "></" + r.Name + ">")
	case pointRun:
		r = src.Runs[p.run]
		b.WriteString("</" + r.Name + ">")
	}
	for _, m := range p.marks {
		switch m.kind {
		case markStart:
			ns.marker(&b, "commentRangeStart", m.id)
		case markEnd:
			ns.marker(&b, "commentRangeEnd", m.id)
			ns.reference(&b, m.id)
		case markPoint:
			ns.marker(&b, "commentRangeStart", m.id)
			ns.marker(&b, "commentRangeEnd", m.id)
			ns.reference(&b, m.id)
		}
	}
	if p.kind == pointText || p.kind == pointRun {
		b.Write(src.Data[r.Open:r.OpenEnd])
		if r.PropStart >= 0 && r.PropEnd > r.PropStart {
			b.Write(src.Data[r.PropStart:r.PropEnd])
		}
	}
	if p.kind == pointText {
		b.WriteString("<" + t.Name + ` xml:space="preserve">`)
	}
	return b.String()
}

// ns writes WordprocessingML elements with the prefix a paragraph uses.
type ns struct {
	prefix string // "w:" or ""
	decl   string // a namespace declaration to add, for a default namespace
}

// newNS returns the writer for elements inside paragraph p.
func newNS(p docxsrc.Para) ns {
	switch {
	case p.Prefix != "":
		return ns{prefix: p.Prefix + ":"}
	case p.Space != "":
		// The paragraph uses a default namespace: attributes need a
		// prefix, so declare one on each inserted element.
		return ns{prefix: "w:", decl: ` xmlns:w="` + escape(p.Space) + `"`}
	}
	return ns{}
}

// marker writes an empty comment marker element.
func (n ns) marker(b *strings.Builder, local string, id int64) {
	b.WriteString("<" + n.prefix + local + n.decl + " " + n.prefix + `id="` + strconv.FormatInt(id, 10) + `"/>`)
}

// reference writes the run holding a comment's reference mark.
func (n ns) reference(b *strings.Builder, id int64) {
	b.WriteString("<" + n.prefix + "r" + n.decl + ">")
	b.WriteString("<" + n.prefix + "commentReference " + n.prefix + `id="` + strconv.FormatInt(id, 10) + `"/>`)
	b.WriteString("</" + n.prefix + "r>")
}
