package outline

import (
	"slices"
	"strings"
	"unicode/utf8"

	"zongjie"
	"zongjie/document"
)

// Asides are the parts of a report that are not its body (zongjie.Aside):
//
//   - a part opened by a line that names it — 名词解释, 《政府工作报告》名词解释,
//     注释, 注：, 附件, 附件1：…, 附表, 附录 — once the body has begun; it runs
//     to the next aside or the end of the report;
//   - a glossary without such a line: a run of entries to the end of the
//     report, each opening with a bracketed number and a term followed by a
//     colon ("［12］“四个不摘”：…", "〔3〕六税两费：…");
//   - text appended that is not the report's: the licence of a web library
//     ("本作品是中华人民共和国的…", "Public domain"), to the end;
//   - a paragraph opening with 注： is a note of one paragraph.
//
// Reference marks inside the body (endnote marks after a term, "［12］",
// "〔3〕", "[4]", and page references, "（见第24页）") are found by refs.

// asideWords name the part a short line opens, by how the line ends
// (名词解释, 注释) or begins (附件, 附表).
var (
	asideEnds = []struct {
		word string
		kind zongjie.AsideKind
	}{
		{"名词解释", zongjie.AsideGlossary}, {"名词注释", zongjie.AsideGlossary}, {"名词解读", zongjie.AsideGlossary},
		{"词语解释", zongjie.AsideGlossary}, {"术语解释", zongjie.AsideGlossary}, {"注释", zongjie.AsideGlossary},
		{"注解", zongjie.AsideGlossary}, {"释义", zongjie.AsideGlossary},
	}
	asideStarts = []struct {
		word string
		kind zongjie.AsideKind
	}{
		{"附件", zongjie.AsideAttachment}, {"附表", zongjie.AsideAttachment}, {"附录", zongjie.AsideAttachment},
	}
)

// asideHeading reports whether the text of a paragraph is a line opening
// an aside, and of what kind.
func asideHeading(text string) (zongjie.AsideKind, bool) {
	if len(text) > 40*3+8 {
		return "", false // a line naming a part is short
	}
	text = strings.TrimRight(text, " 　：:")
	// Every such line begins with 附 注 说 备 or ends with 释 解 义 (名词
	// 解释, 注释, 注解, 释义): test those characters before anything else.
	first, _ := utf8.DecodeRuneInString(text)
	last, _ := utf8.DecodeLastRuneInString(text)
	if !strings.ContainsRune("附注说备", first) && !strings.ContainsRune("释解义", last) {
		return "", false
	}
	if text == "" || len(text) > 40*3 || strings.ContainsAny(text, "。；！？") {
		return "", false
	}
	if text == "注" || text == "说明" || text == "备注" {
		return zongjie.AsideNotes, true
	}
	for _, p := range []string{"附：", "附:"} {
		if strings.HasPrefix(text, p) {
			text = text[len(p):] // 附：名词解释
			break
		}
	}
	for _, w := range asideEnds {
		if strings.HasSuffix(text, w.word) {
			if n := utf8.RuneCountInString(text); n > 24 {
				return "", false
			}
			return w.kind, true
		}
	}
	for _, w := range asideStarts {
		if !strings.HasPrefix(text, w.word) {
			continue
		}
		rest := text[len(w.word):]
		r, size := utf8.DecodeRuneInString(rest)
		switch {
		case size == 0:
			return w.kind, true
		case r >= '0' && r <= '9' || r >= '０' && r <= '９' || r == '：' || r == ':' || r == ' ' || r == '　' || r == '一' || r == '二' || r == '三' || r == '四' || r == '五':
			return w.kind, true
		}
	}
	return "", false
}

// isNoteParagraph reports whether a paragraph is a note: it opens with 注：.
func isNoteParagraph(text string) bool {
	return strings.HasPrefix(text, "注：") || strings.HasPrefix(text, "注:")
}

// licenceOpenings open the licence or notice a web library appends to a
// text ("本作品是中华人民共和国的法律…", "Public domain").
var licenceOpenings = []string{"本作品", "此作品", "Public domain", "public domain", "PUBLIC DOMAIN", "This work", "维基文库"}

// isLicence reports whether a paragraph opens a licence notice.
func isLicence(text string) bool {
	for _, w := range licenceOpenings {
		if strings.HasPrefix(text, w) {
			return true
		}
	}
	return false
}

// bracketNumber reads a bracketed number of one to three digits at the
// start of s ("［12］", "〔3〕", "[4]", "【5】") and returns its size.
func bracketNumber(s string) int {
	r, size := utf8.DecodeRuneInString(s)
	var closer string
	switch r {
	case '［', '[':
		closer = "］]"
	case '〔':
		closer = "〕］]"
	case '【':
		closer = "】"
	default:
		return 0
	}
	n := 0
	for n < 4 {
		d, ds := utf8.DecodeRuneInString(s[size:])
		if !(d >= '0' && d <= '9' || d >= '０' && d <= '９') {
			break
		}
		size += ds
		n++
	}
	if n == 0 || n > 3 {
		return 0
	}
	c, cs := utf8.DecodeRuneInString(s[size:])
	if cs == 0 || !strings.ContainsRune(closer, c) {
		return 0
	}
	return size + cs
}

// IsGlossaryEntry reports whether a paragraph of a glossary is one of its
// entries or its heading: a bracketed or numbered entry ("［12］“四个不摘”：…",
// "12.“六税两费”：…"), a term followed by a colon ("“一窗通办”：…"), or a
// line naming the glossary.
func IsGlossaryEntry(text string) bool {
	text = strings.TrimLeft(text, " 　\t")
	if isGlossaryEntry(text) {
		return true
	}
	if k, ok := asideHeading(text); ok && k == zongjie.AsideGlossary {
		return true
	}
	if n, m := arabicOrdinal(text); n > 0 {
		text = strings.TrimLeft(text[m:], ".．、 ")
	}
	i := strings.IndexAny(text, "：:")
	return i > 0 && utf8.RuneCountInString(text[:i]) <= 24 && !strings.ContainsAny(text[:i], "。；，")
}

// isGlossaryEntry reports whether a paragraph is an entry of a glossary:
// a bracketed number, then a term and a colon within the first few
// characters ("［12］“四个不摘”：指…", "〔3〕六税两费：…").
func isGlossaryEntry(text string) bool {
	n := bracketNumber(text)
	if n == 0 {
		return false
	}
	rest := text[n:]
	i := strings.IndexAny(rest, "：:")
	if i <= 0 {
		return false
	}
	return utf8.RuneCountInString(rest[:i]) <= 24 && !strings.ContainsAny(rest[:i], "。；，")
}

// findAsides returns the asides of the report in paragraphs [first, end)
// of f, whose span ends at spanEnd. body is the first paragraph where an
// aside may begin (the body must have begun); a licence is looked for only
// after lastHeading, the paragraph of the report's last heading (or -1).
func findAsides(f *document.File, first, end, body, lastHeading, spanEnd int) []zongjie.Aside {
	type start struct {
		para  int
		kind  zongjie.AsideKind
		title bool // the paragraph names the aside
		one   bool // the aside is this paragraph alone
	}
	var starts []start
	for i := max(first, body); i < end; i++ {
		p := &f.Paragraphs[i]
		if p.Kind != document.Body {
			continue
		}
		text := f.Text[ContentStart(f, p.Span):p.Span.End]
		if k, ok := asideHeading(text); ok {
			starts = append(starts, start{para: i, kind: k, title: true})
			continue
		}
		if i > lastHeading && isLicence(text) {
			starts = append(starts, start{para: i, kind: zongjie.AsideBoilerplate})
			break // the rest is the notice
		}
		if isNoteParagraph(text) {
			starts = append(starts, start{para: i, kind: zongjie.AsideNotes, one: true})
		}
	}
	// A glossary without a heading: entries up to the end of the report,
	// or up to the first aside that follows them.
	last := end
	for _, s := range starts {
		if !s.one {
			last = s.para
			break
		}
	}
	k := last
	for k > max(first, body) {
		p := &f.Paragraphs[k-1]
		if p.Kind != document.Body || !isGlossaryEntry(strings.TrimSpace(f.Text[ContentStart(f, p.Span):p.Span.End])) {
			break
		}
		k--
	}
	if last-k >= 2 {
		starts = append(starts, start{para: k, kind: zongjie.AsideGlossary})
		slices.SortStableFunc(starts, func(a, b start) int { return a.para - b.para })
	}

	var out []zongjie.Aside
	for k, s := range starts {
		a := zongjie.Aside{Kind: s.kind}
		a.Span.Start = f.Paragraphs[s.para].Span.Start
		switch {
		case s.one:
			a.Span.End = f.Paragraphs[s.para].Span.End
		case k+1 < len(starts):
			a.Span.End = f.LineStart(f.Paragraphs[starts[k+1].para].Span.Start)
		default:
			a.Span.End = spanEnd
		}
		if s.title {
			p := f.Paragraphs[s.para].Span
			a.Title = strings.TrimSpace(f.Text[ContentStart(f, p):p.End])
		}
		// A one-paragraph note inside an aside already found is part of it.
		if len(out) > 0 && out[len(out)-1].Span.End > a.Span.Start {
			continue
		}
		locate(f, &a)
		out = append(out, a)
	}
	return out
}

// locate sets the user-visible position of an aside from its span.
func locate(f *document.File, a *zongjie.Aside) {
	loc := f.Location(a.Span)
	a.Line, a.Offset, a.Length = loc.Line, loc.Offset, loc.Length
	end := a.Span.End
	if end > a.Span.Start && f.Text[end-1] == '\n' {
		end--
	}
	a.EndLine = f.Position(end).Line
}

// resumeBody ends an aside where the body resumes inside it: at a heading
// of the body's top-level form that numbers on from the body's last one
// ("说明" and notes after a table, then "三、…"). Glossary entries are no
// such headings, whatever their numbers.
func resumeBody(f *document.File, asides []zongjie.Aside, headings []*zongjie.Section) {
	for k := range asides {
		a := &asides[k]
		if a.Kind == zongjie.AsideBoilerplate {
			continue
		}
		var top *zongjie.Section // the last heading of the body's top form before the aside
		for _, h := range headings {
			if h.Span.Start >= a.Span.Start {
				break
			}
			if h.Form == FormStyle || h.Rank >= rankEnum || h.Ordinal < 1 {
				continue
			}
			if top == nil || h.Rank < top.Rank || h.Rank == top.Rank && h.Form == top.Form {
				top = h
			}
		}
		if top == nil {
			continue
		}
		for _, h := range headings {
			if h.Span.Start <= a.Span.Start || !a.Span.Contains(h.Span.Start) {
				continue
			}
			p := f.Paragraphs[h.Para].Span
			if h.Form == top.Form && h.Ordinal == top.Ordinal+1 && !IsGlossaryEntry(f.Text[p.Start:p.End]) {
				a.Span.End = f.LineStart(h.Span.Start)
				locate(f, a)
				break
			}
		}
	}
}

// refOpeners are the brackets that open a reference mark. Each is looked
// for by its last byte with a vectorised byte search, and checked where
// that byte is found.
var refOpeners = []string{"［", "〔", "【", "（", "[", "("}

// refs appends the reference marks of the paragraphs in span outside the
// asides, in order: a bracketed number right after a term ("“四个不摘”［12］",
// not at the start of a paragraph) and a page reference in brackets
// ("（见第24页）", "(详见附件2)").
func refs(f *document.File, span document.Span, asides []zongjie.Aside, out []document.Span) []document.Span {
	text := f.Text[:span.End]
	var found []document.Span
	for _, o := range refOpeners {
		last := o[len(o)-1]
		paren := o == "（" || o == "("
		for off := span.Start + len(o) - 1; off < len(text); off++ {
			j := strings.IndexByte(text[off:], last)
			if j < 0 {
				break
			}
			off += j
			at := off - (len(o) - 1)
			if len(o) == 3 && (text[at] != o[0] || text[at+1] != o[1]) {
				continue
			}
			// What follows the opener: a digit, or 见 for a page reference.
			next := text[at+len(o):]
			if next == "" || paren && !strings.HasPrefix(next, "见") && !strings.HasPrefix(next, "详见") && !strings.HasPrefix(next, "参见") ||
				!paren && !isArabicStart(next) {
				continue
			}
			var size int
			if paren {
				size = pageRef(text[at:])
			} else {
				size = bracketNumber(text[at:])
			}
			if size == 0 {
				continue
			}
			if i := f.ParagraphAt(at); i >= 0 && refParagraph(f, i, at, paren, asides) {
				found = append(found, document.Span{Start: at, End: at + size})
			}
			off = at + size - 1
		}
	}
	slices.SortFunc(found, func(a, b document.Span) int { return a.Start - b.Start })
	return append(out, found...)
}

// refParagraph reports whether a mark found at off, opened by o, is a
// reference mark of the body: its paragraph is body text outside the
// asides, and a bracketed number does not open the paragraph.
func refParagraph(f *document.File, i, off int, paren bool, asides []zongjie.Aside) bool {
	p := &f.Paragraphs[i]
	if p.Kind != document.Body && p.Kind != document.TextBox || inAside(asides, p.Span.Start) {
		return false
	}
	return paren || off > ContentStart(f, p.Span)
}

// pageRef returns the size of a page or attachment reference in brackets
// at the start of s: （见第24页） (详见附件2) （见附表1）, or 0.
func pageRef(s string) int {
	r, size := utf8.DecodeRuneInString(s)
	if r != '（' && r != '(' {
		return 0
	}
	rest := s[size:]
	rest = strings.TrimPrefix(rest, "详")
	rest = strings.TrimPrefix(rest, "参")
	if !strings.HasPrefix(rest, "见") {
		return 0
	}
	rest = rest[len("见"):]
	var tail string
	switch {
	case strings.HasPrefix(rest, "第"):
		rest, tail = rest[len("第"):], "页"
	case strings.HasPrefix(rest, "附件"):
		rest = rest[len("附件"):]
	case strings.HasPrefix(rest, "附表"):
		rest = rest[len("附表"):]
	case strings.HasPrefix(rest, "P"), strings.HasPrefix(rest, "p"):
		rest = rest[1:]
	default:
		return 0
	}
	digits := 0
	for len(rest) > 0 {
		d, ds := utf8.DecodeRuneInString(rest)
		if !(d >= '0' && d <= '9' || d >= '０' && d <= '９') {
			break
		}
		rest = rest[ds:]
		digits++
	}
	if digits == 0 || digits > 4 {
		return 0
	}
	rest = strings.TrimPrefix(rest, tail)
	c, cs := utf8.DecodeRuneInString(rest)
	if c != '）' && c != ')' {
		return 0
	}
	return len(s) - len(rest) + cs
}

// inAside reports whether off lies in one of the asides.
func inAside(asides []zongjie.Aside, off int) bool {
	for _, a := range asides {
		if a.Span.Contains(off) {
			return true
		}
	}
	return false
}
