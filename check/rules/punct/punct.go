// Package punct checks punctuation against GB/T 15834—2011 标点符号用法:
// half-width marks in Chinese text, paired marks that do not match or do
// not close, nested quotes, marks doubled or clashing, the forms of the
// ellipsis, dash, range connector and middle dot, and the 顿号 where the
// standard has none.
package punct

import (
	"cmp"
	"slices"
	"sort"
	"unicode/utf8"

	"zongjie/check"
	"zongjie/document"
)

// Rules of the punctuation category.
var Rules = []*check.Rule{
	HalfWidth, Unbalanced, Mismatched, Nesting, ApproxDunhao, DunhaoConjunction, QuotedDunhao,
	Range, Ellipsis, EllipsisDeng, Dash, Doubled, QuoteEnd, TitleMarks, MiddleDot, Spaces,
}

// isHan reports whether r is a Chinese character.
func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF || r >= 0x20000 && r <= 0x3FFFF || r == '〇'
}

// isCJKPunct reports whether r is a full-width or Chinese mark.
func isCJKPunct(r rune) bool {
	return r >= 0x3000 && r <= 0x303F || r >= 0xFF01 && r <= 0xFF0F || r >= 0xFF1A && r <= 0xFF20 ||
		r >= 0xFF3B && r <= 0xFF40 || r >= 0xFF5B && r <= 0xFF65 || r >= 0x2018 && r <= 0x201D || r == '…' || r == '—'
}

// isChinese reports whether r makes its neighbourhood Chinese text.
func isChinese(r rune) bool { return isHan(r) || isCJKPunct(r) }

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

func isLatin(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// neighbours returns the runes before and after the rune at [i, j) of
// text, or utf8.RuneError at either end.
func neighbours(text string, i, j int) (rune, rune) {
	before, _ := utf8.DecodeLastRuneInString(text[:i])
	after, _ := utf8.DecodeRuneInString(text[j:])
	if i == 0 {
		before = utf8.RuneError
	}
	if j >= len(text) {
		after = utf8.RuneError
	}
	return before, after
}

// skipper tells the rules which offsets to leave alone: Markdown markup,
// text the reader generated, heading markers (the numbering rules own
// them) and placeholder figures (xx.xx, x-x月).
type skipper struct {
	f     *document.File
	spans []document.Span // sorted, non-overlapping enough for a search
}

type skipperKey struct{}

// newSkipper returns the file's skipper, built once per file.
func newSkipper(p *check.Pass) *skipper {
	return p.Shared(skipperKey{}, func() any { return buildSkipper(p) }).(*skipper)
}

func buildSkipper(p *check.Pass) *skipper {
	s := &skipper{f: p.File}
	for _, sec := range p.Sections() {
		s.spans = append(s.spans, sec.MarkerSpan)
	}
	for _, q := range p.Quantities() {
		if q.Placeholder {
			s.spans = append(s.spans, q.Span)
		}
	}
	slices.SortFunc(s.spans, func(a, b document.Span) int { return cmp.Compare(a.Start, b.Start) })
	return s
}

// skip reports whether off is to be left alone.
func (s *skipper) skip(off int) bool {
	if s.f.InMarkup(off) {
		return true
	}
	if i := s.f.ParagraphAt(off); i >= 0 && s.f.Paragraphs[i].Generated.Contains(off) {
		return true
	}
	// The spans may nest (a section marker inside a quantity); check the
	// ones that start at or before off, from the closest back.
	i := sort.Search(len(s.spans), func(i int) bool { return s.spans[i].Start > off })
	for j := i - 1; j >= 0 && j >= i-8; j-- {
		if s.spans[j].Contains(off) {
			return true
		}
	}
	return false
}

// paragraphs calls fn with the text and span of every paragraph.
func paragraphs(p *check.Pass, fn func(text string, span document.Span)) {
	for _, para := range p.File.Paragraphs {
		fn(p.File.Slice(para.Span), para.Span)
	}
}
