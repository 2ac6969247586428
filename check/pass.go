package check

import (
	"strings"
	"sync"

	"zongjie"
	"zongjie/document"
	"zongjie/internal/chrome"
	"zongjie/internal/words"
	"zongjie/numeral"
)

type sectionsKey struct{}
type quantitiesKey struct{}

// Sections returns every section of every report, in document order. The
// slice is shared by the rules: it must not be modified.
func (p *Pass) Sections() []*zongjie.Section {
	return p.Shared(sectionsKey{}, func() any {
		var out []*zongjie.Section
		for _, r := range p.Reports {
			zongjie.Walk(r.Outline, func(s *zongjie.Section) { out = append(out, s) })
		}
		return out
	}).([]*zongjie.Section)
}

// Quantities returns every quantity of every report, in document order.
// The slice is shared by the rules: it must not be modified.
func (p *Pass) Quantities() []zongjie.Quantity {
	if len(p.Reports) == 1 {
		return p.Reports[0].Quantities // no copy: one report's, as shared
	}
	return p.Shared(quantitiesKey{}, func() any {
		n := 0
		for _, r := range p.Reports {
			n += len(r.Quantities)
		}
		out := make([]zongjie.Quantity, 0, n)
		for _, r := range p.Reports {
			out = append(out, r.Quantities...)
		}
		return out
	}).([]zongjie.Quantity)
}

type namesKey struct{}

// names holds the quantities of the paragraphs named so far (NameOf), by
// report and paragraph.
type names struct {
	mu    sync.Mutex
	paras map[namedPara][]zongjie.Quantity
}

type namedPara struct {
	r    *zongjie.Report
	para int
}

// NameOf returns the indicator name of q and its other names (its Name
// and Also), q one of the quantities of the pass's reports. A rule that
// reads the names reads them through NameOf: `zongjie check` and POST
// /api/v1/check extract without names (extract.Options.NoNames), which
// are then found here for the paragraph of each figure asked for, once
// per file, rather than for every figure (finding a figure's name is
// about two fifths of the extraction).
func (p *Pass) NameOf(q *zongjie.Quantity) (string, []string) {
	r := p.ReportFor(q.Span.Start)
	if r == nil || r.Namer == nil {
		return q.Name, q.Also
	}
	i := p.File.ParagraphAt(q.Span.Start)
	if i < 0 {
		return q.Name, q.Also
	}
	ns := p.Shared(namesKey{}, func() any { return &names{paras: map[namedPara][]zongjie.Quantity{}} }).(*names)
	ns.mu.Lock()
	qs, ok := ns.paras[namedPara{r, i}]
	if !ok {
		qs = r.Namer(p.File.Paragraphs[i].Span)
		ns.paras[namedPara{r, i}] = qs
	}
	ns.mu.Unlock()
	for k := range qs {
		if qs[k].Span == q.Span && qs[k].NumberSpan == q.NumberSpan {
			return qs[k].Name, qs[k].Also
		}
	}
	return "", nil
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

// Numerals returns the runs of numeral characters in the text, in order:
// maximal spans of ASCII and full-width digits, Chinese digits (一…九, 〇,
// 零, ○, 两 and the financial forms) and 十, 百, 千, 万, 亿. The number
// rules walk these instead of every character of the text. They are
// found in the shared scan of the text for words (Find), which decodes
// each character once for both. The slice is shared by the rules: it
// must not be modified.
func (p *Pass) Numerals() []document.Span {
	return p.scanned().numerals
}

// numeralRuns returns the numeral runs of text as Numerals does.
func numeralRuns(text string) []document.Span {
	_, runs := words.NewGroup().ScanRuns(text, numeralTable())
	return runs
}

// numeralTable marks the characters isNumeralRune accepts, all in the
// BMP: a bit test for each character of a text instead of two switches.
var numeralTable = sync.OnceValue(func() *[0x10000 / 64]uint64 {
	var t [0x10000 / 64]uint64
	for r := rune(0); r < 0x10000; r++ {
		if isNumeralRune(r) {
			t[r>>6] |= 1 << (r & 63)
		}
	}
	return &t
})

func isNumeralRune(r rune) bool {
	switch {
	case r >= '0' && r <= '9', r >= '０' && r <= '９', r == '○':
		return true
	case r < '〇':
		return false
	}
	switch r {
	case '十', '百', '千', '万', '亿', '拾', '佰', '仟':
		return true
	}
	return numeral.IsChineseDigit(r)
}

type chromeKey struct{}

// Chrome returns the blocks of the text that are not the report's: web
// page chrome and appended notices (see package chrome). The slice is
// shared by the rules: it must not be modified.
func (p *Pass) Chrome() []chrome.Block {
	return p.Shared(chromeKey{}, func() any { return chrome.Find(p.File.Text) }).([]chrome.Block)
}

// Index is strings.Index for a word of Chinese text, faster: it looks for
// the word's last byte, a continuation byte that one character in sixty
// or so ends with, where strings.Index looks for its first, a lead byte
// that starts a sixth of the characters or more (E5; EF, the full-width
// marks ，：；（）). The first occurrence has the first last byte.
func Index(s, word string) int {
	n := len(word)
	switch {
	case n == 0:
		return 0
	case n == 1:
		return strings.IndexByte(s, word[0])
	}
	last := word[n-1]
	for i := n - 1; i < len(s); i++ {
		k := strings.IndexByte(s[i:], last)
		if k < 0 {
			return -1
		}
		i += k
		if s[i-n+1:i+1] == word {
			return i - n + 1
		}
	}
	return -1
}
