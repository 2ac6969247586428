package check

import (
	"zongjie"
	"zongjie/document"
	"zongjie/internal/words"
)

// Sections returns every section of every report, in document order.
func (p *Pass) Sections() []*zongjie.Section {
	var out []*zongjie.Section
	for _, r := range p.Reports {
		zongjie.Walk(r.Outline, func(s *zongjie.Section) { out = append(out, s) })
	}
	return out
}

// Quantities returns every quantity of every report, in document order.
func (p *Pass) Quantities() []zongjie.Quantity {
	var out []zongjie.Quantity
	for _, r := range p.Reports {
		out = append(out, r.Quantities...)
	}
	return out
}

// Find returns every occurrence of a word of set in the file's text, as
// spans with the word found.
func (p *Pass) Find(set *words.Set) []Match {
	ms := set.All(p.File.Text)
	out := make([]Match, len(ms))
	for i, m := range ms {
		out[i] = Match{Span: document.Span{Start: m.Start, End: m.Start + len(m.Word)}, Word: m.Word}
	}
	return out
}

// Match is a word found in the text.
type Match struct {
	Span document.Span
	Word string
}

// Paragraph returns the paragraph holding byte offset off, or nil.
func (p *Pass) Paragraph(off int) *document.Paragraph {
	if i := p.File.ParagraphAt(off); i >= 0 {
		return &p.File.Paragraphs[i]
	}
	return nil
}

// Generated reports whether off lies in text the reader made rather than
// read (a .docx automatic numbering marker): it cannot be fixed in place.
func (p *Pass) Generated(off int) bool {
	if para := p.Paragraph(off); para != nil {
		return para.Generated.Contains(off)
	}
	return false
}
