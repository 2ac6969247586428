package extract

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"zongjie"
	"zongjie/document"
)

// Stored returns a report from its stored extraction, without extracting
// again: data is the report as File gave it, encoded as JSON (what the
// store keeps, store.Report.Data), and f is the report's own text read
// again (store.Report.Text: the report cut out of its file, starting where
// the report started). The positions the JSON holds, in characters of the
// original file, become positions in f: the byte spans of the report, its
// sections, figures, growths and targets, and their lines and offsets
// shifted to f, and its asides. What the JSON does not hold is found again where it is
// certain: the title line (the paragraph the title is), each heading's
// paragraph and marker, each target's figure (the quantity it was made
// from). The rank of a heading's form, the spans of a figure's number and
// unit and the reference marks are not restored: what reads them (the check rules) needs a
// fresh extraction.
//
// An extraction that does not fit f (another text, or a damaged record) is
// an error.
func Stored(f *document.File, data []byte) (*zongjie.Report, error) {
	r := &zongjie.Report{}
	if err := json.Unmarshal(data, r); err != nil {
		return nil, fmt.Errorf("stored extraction: %w", err)
	}
	chars := f.Chars()
	if r.Length != chars {
		return nil, fmt.Errorf("stored extraction: the report has %d characters, the text %d", r.Length, chars)
	}
	s := &shifter{f: f, chars: r.Offset, lines: r.Line - 1, n: chars}
	r.Span = s.span(&r.Offset, r.Length)
	r.Line -= s.lines
	r.EndLine -= s.lines
	if !r.TitleInferred && r.Title != "" {
		r.TitleSpan = titleLine(f, r.Title)
	}
	zongjie.Walk(r.Outline, func(sec *zongjie.Section) {
		sec.Span = s.span(&sec.Offset, sec.Length)
		sec.Body = s.span(&sec.BodyOffset, sec.BodyLength)
		sec.Line -= s.lines
		sec.Para = f.ParagraphAt(sec.Span.Start)
		if sec.Marker != "" && strings.HasPrefix(f.Text[sec.Span.Start:], sec.Marker) {
			sec.MarkerSpan = document.Span{Start: sec.Span.Start, End: sec.Span.Start + len(sec.Marker)}
		}
	})
	for i := range r.Quantities {
		q := &r.Quantities[i]
		q.Span = s.span(&q.Offset, q.Length)
		q.Line -= s.lines
		if g := q.Growth; g != nil {
			g.Span = s.span(&g.Offset, g.Length)
			g.Line -= s.lines
		}
	}
	for i := range r.Asides {
		a := &r.Asides[i]
		a.Span = s.span(&a.Offset, a.Length)
		a.Line -= s.lines
		a.EndLine -= s.lines
	}
	used := map[int]bool{} // figures of targets
	// The quantities are in the order of the text, as extraction leaves
	// them: a target's are found by binary search, not by a walk through
	// all of them (a report of 60,000 characters has 1,800 quantities and
	// 700 targets). Should they not be, each target walks them all.
	sorted := slices.IsSortedFunc(r.Quantities, func(a, b zongjie.Quantity) int { return a.Span.Start - b.Span.Start })
	for i := range r.Targets {
		t := &r.Targets[i]
		t.Span = s.span(&t.Offset, t.Length)
		t.Line -= s.lines
		qs := r.Quantities
		if sorted {
			lo, _ := slices.BinarySearchFunc(qs, t.Span.Start, func(q zongjie.Quantity, start int) int { return q.Span.Start - start })
			hi := lo
			for hi < len(qs) && qs[hi].Span.Start <= t.Span.End {
				hi++
			}
			qs = qs[lo:hi]
		}
		t.FigureSpan = figure(f, qs, t, used)
	}
	if s.err != nil {
		return nil, s.err
	}
	return r, nil
}

// shifter moves character positions of the original file to byte spans of
// f, which starts at character chars and line lines+1 of it.
type shifter struct {
	f            *document.File
	chars, lines int
	n            int // characters of f
	err          error
}

// span shifts *offset (characters of the original file) to f and returns
// the byte span of length characters there; a span outside f is an error.
func (s *shifter) span(offset *int, length int) document.Span {
	*offset -= s.chars
	if *offset < 0 || length < 0 || *offset+length > s.n {
		if s.err == nil {
			s.err = fmt.Errorf("stored extraction: characters %d–%d are outside the text (%d characters)", *offset, *offset+length, s.n)
		}
		return document.Span{}
	}
	return document.Span{Start: s.f.ByteOffset(*offset), End: s.f.ByteOffset(*offset + length)}
}

// titleLine returns the span of the first paragraph among the first that
// is the title line (its text, without Markdown marks, is the title), as
// outline.Split finds it.
func titleLine(f *document.File, title string) document.Span {
	for i, p := range f.Paragraphs {
		if i >= 20 {
			break
		}
		if strings.Trim(f.Slice(p.Span), "#* ") == title {
			return p.Span
		}
	}
	return document.Span{}
}

// figure returns the span of a target's figure: the quantity it was made
// from (in its sentence, written as the figure, with its name, unit and
// change, and not the figure of an earlier target), else the first place
// in the sentence the figure is written (a word such as 过半).
func figure(f *document.File, qs []zongjie.Quantity, t *zongjie.Target, used map[int]bool) document.Span {
	for _, q := range qs {
		if q.Text == t.Figure && q.Name == t.Name && q.Unit == t.Unit && q.Change == t.Change && !used[q.Span.Start] &&
			t.Span.Start <= q.Span.Start && q.Span.End <= t.Span.End {
			used[q.Span.Start] = true
			return q.Span
		}
	}
	if t.Figure == "" {
		return document.Span{}
	}
	if i := strings.Index(f.Slice(t.Span), t.Figure); i >= 0 {
		return document.Span{Start: t.Span.Start + i, End: t.Span.Start + i + len(t.Figure)}
	}
	return document.Span{}
}
