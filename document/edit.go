package document

import (
	"sort"
	"strings"
)

// Edit replaces Span of a file's text with Text.
type Edit struct {
	Span Span
	Text string
}

// SortEdits sorts edits by position and drops every edit that overlaps one
// before it or falls outside a text of length n, so that the rest can be
// applied in one pass. The first of two overlapping edits wins.
func SortEdits(edits []Edit, n int) []Edit {
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].Span.Start < edits[j].Span.Start })
	out := edits[:0]
	pos := 0
	for _, e := range edits {
		if e.Span.Start < pos || e.Span.End > n || e.Span.Start > e.Span.End {
			continue
		}
		out = append(out, e)
		pos = e.Span.End
		if e.Span.Start == e.Span.End {
			pos++ // one insertion per position
		}
	}
	return out
}

// Apply returns text with edits applied. The edits must be sorted and must
// not overlap (see SortEdits). File.Apply does the same to a whole File.
func Apply(text string, edits []Edit) string {
	var b strings.Builder
	b.Grow(len(text))
	pos := 0
	for _, e := range edits {
		b.WriteString(text[pos:e.Span.Start])
		b.WriteString(e.Text)
		pos = e.Span.End
	}
	b.WriteString(text[pos:])
	return b.String()
}

// Apply returns a copy of f with edits (sorted, not overlapping; see
// SortEdits) applied to its text, and its paragraphs, cells, generated
// spans and markup moved to match, so that a .docx keeps its paragraphs
// and heading hints. A paragraph takes an insertion at either end; one an
// edit deletes becomes empty. f is not changed.
func (f *File) Apply(edits []Edit) *File {
	cum := make([]int, len(edits)+1) // cum[i]: the length change of edits[:i]
	for i, ed := range edits {
		cum[i+1] = cum[i] + len(ed.Text) - ed.Span.Len()
	}
	// at maps an offset of the old text; end says whether it ends a span.
	at := func(off int, end bool) int {
		i := sort.Search(len(edits), func(i int) bool {
			s := edits[i].Span
			return s.End > off || s.End == off && s.Start == off
		})
		if i < len(edits) {
			ed := edits[i]
			switch {
			case ed.Span.Start == off && ed.Span.End == off && end:
				return off + cum[i] + len(ed.Text)
			case ed.Span.Start < off: // inside the edit
				if end {
					return ed.Span.Start + cum[i] + len(ed.Text)
				}
				return ed.Span.Start + cum[i]
			}
		}
		return off + cum[i]
	}
	span := func(s Span) Span {
		start, end := at(s.Start, false), at(s.End, true)
		return Span{Start: start, End: max(start, end)}
	}
	paras := make([]Paragraph, len(f.Paragraphs))
	prev := 0
	for i, p := range f.Paragraphs {
		p.Span = span(p.Span)
		p.Span.Start = max(p.Span.Start, prev) // an insertion between two paragraphs goes to the first
		p.Span.End = max(p.Span.End, p.Span.Start)
		prev = p.Span.End
		if p.Generated.End > p.Generated.Start {
			p.Generated = span(p.Generated)
		}
		if len(p.Cells) > 0 {
			cells := make([]Span, len(p.Cells))
			for j, c := range p.Cells {
				cells[j] = span(c)
			}
			p.Cells = cells
		}
		paras[i] = p
	}
	g := New(f.Path, f.Format, f.Encoding, Apply(f.Text, edits), paras)
	for _, m := range f.Markup {
		if m := span(m); m.End > m.Start {
			g.Markup = append(g.Markup, m)
		}
	}
	return g
}
