// Package outline finds the structure of a report: its numbered headings
// (一、 （一） 1. （1） ①, also run-in headings that open a paragraph),
// the enumerations inside paragraphs (一是 二是, 一要, 第一，, 首先，),
// the boundaries between reports pasted into one file, and the section tree
// with each section's kind (review, highlights, problems, plan, other). A
// list inside an item of another list is that item's children.
package outline

import (
	"strings"
	"unicode/utf8"

	"zongjie"
	"zongjie/document"
	"zongjie/internal/words"
	"zongjie/numeral"
)

// Headings returns every heading and enumeration of f in document order.
// The sections are flat: Level, Kind and Children are filled in by Tree
// and Classify.
func Headings(f *document.File) []*zongjie.Section {
	var out []*zongjie.Section
	numbered := markersBeforeNumbers(f)
	for i := range f.Paragraphs {
		p := &f.Paragraphs[i]
		if p.Kind != document.Body && p.Kind != document.TextBox {
			continue
		}
		out = paragraphHeadings(f, i, out, numbered)
	}
	return out
}

// paragraphHeadings appends the headings found in paragraph i; numbered
// holds the paragraphs that open with a marker before a number
// (markersBeforeNumbers).
func paragraphHeadings(f *document.File, i int, out []*zongjie.Section, numbered map[int]marker) []*zongjie.Section {
	first := len(out)
	p := &f.Paragraphs[i]
	start := ContentStart(f, p.Span)
	text := f.Text[start:p.Span.End]
	next := start // where inline enumerations may begin
	if m, ok := numbered[i]; ok {
		s := newSection(f, i, start, m, false)
		out = append(out, s)
		next = s.Span.End
	} else if m, ok := parseHeadingMarker(text); ok {
		s := newSection(f, i, start, m, false)
		out = append(out, s)
		next = s.Span.End
	} else if m, ok := parseEnumMarker(text); ok && !isNameAfterEnum(text[m.size:]) {
		s := newSection(f, i, start, m, false)
		if i > 0 && m.ordinal == 1 {
			// A list whose items are paragraphs: its lead-in ends the one before.
			prev := f.Paragraphs[i-1].Span
			if t := f.Text[prev.Start:prev.End]; strings.HasSuffix(t, "：") {
				s.Lead = leadIn(strings.TrimSuffix(t, "："))
			}
		}
		out = append(out, s)
		next = s.Span.End
	} else if p.HeadingLevel > 0 && !p.Title {
		rank := min(max(p.HeadingLevel, rankCN), rankCircled)
		s := newSection(f, i, start, marker{form: FormStyle, rank: rank}, false)
		out = append(out, s)
		next = s.Span.End
	} else if p.Kind == document.Body && isPlainHeading(text) {
		s := newSection(f, i, start, marker{form: FormStyle, rank: rankPart}, false)
		out = append(out, s)
		next = s.Span.End
	}
	return inlineEnums(f, i, next, out, first)
}

// plainHeadingWords are words that make a short unnumbered line a heading.
var plainHeadingWords = words.NewSet(
	"回顾", "成就", "目标任务", "主要目标", "重点工作", "工作重点", "主要任务", "工作任务", "总体要求",
	"工作部署", "总体部署", "存在问题", "问题和不足", "展望", "工作计划", "工作打算", "工作思路", "主要举措",
	"工作安排", "工作谋划", "工作建议", "工作的建议", "下一步工作", "下步工作", "今后工作",
)

// isPlainHeading reports whether a paragraph is an unnumbered heading line,
// as the web versions of 政府工作报告 have ("“十四五”时期工作回顾", "2026年
// 重点工作"): short, no sentence punctuation, a section word, and not the
// title of a report.
func isPlainHeading(text string) bool {
	if len(text) > 30*4 {
		return false
	}
	n := utf8.RuneCountInString(text)
	if n < 4 || n > 30 || strings.ContainsAny(text, "。，；：！？,;:!?、") || strings.HasPrefix(text, "—") {
		return false
	}
	for _, w := range []string{"报告", "总结", "讲话", "致辞", "汇报", "述职"} {
		if strings.Contains(text, w) {
			return false
		}
	}
	if namesUnitBeforeYear(text) {
		return false
	}
	return containsAny(text, plainHeadingWords)
}

// unitEnds are the last characters of a unit's name: a line that opens
// with a name before its year is a report's title ("清水镇2027年工作计划",
// "临川区住建局2027年工作要点"), never a part heading of one.
var unitEnds = []string{"镇", "乡", "街道", "街办", "区", "县", "市", "省", "州", "旗", "盟", "局", "委员会", "办公室", "办"}

// namesUnitBeforeYear says whether text opens with a name of two or more
// characters ending like a unit, right before a four-digit year. A
// unit the writer's own report speaks of as 全区, 本镇 or 我局 ("全区2027年
// 工作安排") names no other report: such a line stays a heading.
func namesUnitBeforeYear(text string) bool {
	i := strings.IndexAny(text, "0123456789")
	if i < 0 || !strings.HasPrefix(text[i:], "20") && !strings.HasPrefix(text[i:], "19") {
		return false
	}
	name := text[:i]
	if strings.HasPrefix(name, "全") || strings.HasPrefix(name, "本") || strings.HasPrefix(name, "我") {
		return false
	}
	for _, end := range unitEnds {
		if strings.HasSuffix(name, end) && utf8.RuneCountInString(name) > utf8.RuneCountInString(end) {
			return true
		}
	}
	return false
}

// isNameAfterEnum rejects "一是" followed by text that makes it a word:
// nothing, or a closing quote.
func isNameAfterEnum(rest string) bool {
	return rest == "" || strings.HasPrefix(rest, "”")
}

// newSection makes the section for marker m found at byte offset at in
// paragraph i.
func newSection(f *document.File, i, at int, m marker, inline bool) *zongjie.Section {
	p := &f.Paragraphs[i]
	markerEnd := at + m.size
	titleStart := markerEnd
	for titleStart < p.Span.End {
		r, size := utf8.DecodeRuneInString(f.Text[titleStart:p.Span.End])
		if r != ' ' && r != '　' && r != '\t' {
			break
		}
		titleStart += size
	}
	titleEnd, stop := titleEnd(f.Text[titleStart:p.Span.End])
	if cut := listStart(f.Text[titleStart:p.Span.End], titleEnd, m); cut >= 0 {
		titleEnd, stop = cut, cut
	}
	titleEnd += titleStart
	title := cleanTitle(f, document.Span{Start: titleStart, End: titleEnd})
	continues := words.TrimSpace(f.Text[stop+titleStart:p.Span.End]) != ""
	s := &zongjie.Section{
		Marker:     strings.TrimRight(f.Text[at:markerEnd], " 　"),
		Title:      title,
		Form:       m.form,
		Ordinal:    m.ordinal,
		Inline:     inline || continues,
		Span:       document.Span{Start: at, End: titleEnd},
		MarkerSpan: document.Span{Start: at, End: markerEnd},
		Para:       i,
		Rank:       m.rank,
	}
	if m.form == FormStyle {
		s.Marker = ""
	}
	loc := f.Location(s.Span)
	s.Line, s.Column, s.Offset, s.Length = loc.Line, loc.Column, loc.Offset, loc.Length
	return s
}

// titleEnd returns where a heading's title ends in text (at the first
// 。！？：；, half-width too with . only after a Chinese character, or the
// line end; past 120 characters a run-on sentence is cut) and where the text
// after it starts.
func titleEnd(text string) (end, next int) {
	for i, r := range text {
		switch r {
		case '。', '！', '？', '：', ':', '；', ';', '!', '?':
			return trimTrailingPunct(text[:i]), i + utf8.RuneLen(r)
		case '\n':
			return trimTrailingPunct(text[:i]), i
		case '.':
			if i > 0 && text[i-1] >= 0x80 { // 抓作风.二是…; not 1.5
				return trimTrailingPunct(text[:i]), i + 1
			}
		}
		if i > 360 {
			return trimTrailingPunct(text[:i]), i
		}
	}
	return trimTrailingPunct(text), len(text)
}

// listStart returns where, before end, a title that runs on with commas
// reaches an enumeration item: the next item of the section's own list
// ("一是强学习，二是重实效" ends before "，二是") or the first item of a
// list that continues ("（一）抓党建，一是强学习，二是重实效" ends before
// "，一是"). It returns the offset of the comma with the blanks and marks
// before it trimmed, or -1. text runs to the end of the paragraph.
func listStart(text string, end int, m marker) int {
	ascii := strings.IndexByte(text[:end], ',') >= 0
	for i := 0; i < end; {
		comma, size := i+strings.Index(text[i:end], "，"), len("，")
		if comma < i {
			comma = -1
		}
		if ascii {
			if k := strings.IndexByte(text[i:end], ','); k >= 0 && (comma < 0 || i+k < comma) {
				comma, size = i+k, 1
			}
		}
		if comma < 0 {
			break
		}
		i = comma + size
		rest := text[i:]
		if !mayStartMarker(rest) {
			continue
		}
		n, ok := parseEnumMarker(rest)
		if !ok || isNameAfterEnum(rest[n.size:]) {
			continue
		}
		if m.rank == rankEnum && n.form == m.form && (n.ordinal == m.ordinal+1 || n.ordinal == m.ordinal+2) || n.ordinal == 1 && secondFollows(n, rest) {
			return trimTrailingPunct(text[:comma])
		}
	}
	return -1
}

// trimTrailingPunct returns the length of s without trailing commas,
// enumeration commas, colons and blanks.
func trimTrailingPunct(s string) int {
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		switch r {
		case '，', ',', '、', '；', ';', '：', ':', ' ', '　', '\t', '。', '.':
			s = s[:len(s)-size]
			continue
		}
		break
	}
	return len(s)
}

// cleanTitle returns the text of span without markup and generated marks.
func cleanTitle(f *document.File, s document.Span) string {
	if len(f.Markup) == 0 {
		return f.Text[s.Start:s.End]
	}
	var b strings.Builder
	for off := s.Start; off < s.End; {
		_, size := utf8.DecodeRuneInString(f.Text[off:s.End])
		if !f.InMarkup(off) {
			b.WriteString(f.Text[off : off+size])
		}
		off += size
	}
	return b.String()
}

// ContentStart returns where the text of a paragraph span starts once
// leading markup, blanks and paid-template markers (##paidbegin##) are
// skipped.
func ContentStart(f *document.File, s document.Span) int {
	off := s.Start
	for off < s.End {
		if f.InMarkup(off) {
			off++
			continue
		}
		rest := f.Text[off:s.End]
		if strings.HasPrefix(rest, "##") {
			if j := strings.Index(rest[2:], "##"); j >= 0 && j <= 20 && isASCIIWord(rest[2:2+j]) {
				off += 4 + j
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(rest)
		if r == ' ' || r == '　' || r == '\t' {
			off += size
			continue
		}
		break
	}
	return off
}

// OpensParagraph reports whether section s, of f's outline, opens its
// paragraph: its marker (or, for a heading without one, its title)
// starts the paragraph's text (ContentStart). A marker further on
// ("…改进：①加快建设；②深化改革。") numbers items inside a sentence. A
// section whose paragraph f does not hold is taken to open it.
func OpensParagraph(f *document.File, s *zongjie.Section) bool {
	if s.Para < 0 || s.Para >= len(f.Paragraphs) {
		return true
	}
	return s.Span.Start <= ContentStart(f, f.Paragraphs[s.Para].Span)
}

func isASCIIWord(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// inlineEnums appends the enumerations that start a sentence or a clause
// inside paragraph i, from byte offset from on; out[first:] are the
// paragraph's sections found so far (its opening heading or item).
func inlineEnums(f *document.File, i, from int, out []*zongjie.Section, first int) []*zongjie.Section {
	p := &f.Paragraphs[i]
	text := f.Text[:p.Span.End]
	for off := from; off < p.Span.End; {
		// Find the next sentence boundary: 。；！？：，
		j := nextBoundary(text, off)
		if j < 0 {
			break
		}
		mark, size := utf8.DecodeRuneInString(text[j:])
		off = j + size
		if mark == ',' {
			mark = '，' // a weak boundary either way
		}
		if off >= p.Span.End {
			break
		}
		rest := text[off:]
		if !mayStartMarker(rest) {
			continue
		}
		m, ok := parseEnumMarker(rest)
		if ok && isNameAfterEnum(rest[m.size:]) {
			ok = false
		}
		if !ok && mark != '，' {
			// ① and （1） also enumerate inside a paragraph; they rank as
			// enumerations so that they never close an enclosing heading.
			if hm, hok := parseHeadingMarker(rest); hok && (hm.form == FormCircled || hm.form == FormParenNum || hm.form == FormParenCN) {
				if continuesList(out[first:], hm, rest, text[p.Span.Start:j]) {
					m, ok = hm, true
					m.rank = rankEnum
				}
			}
		}
		if !ok {
			continue
		}
		if m.form == FormShouxian && m.ordinal == 1 && withinItem(f, out[first:], m.form) && !sequenceFollows(rest[m.size:]) {
			// 首先 in an item of another list with no 其次 after it is a
			// word of the item's text (第一，…。首先，我们要…), no list.
			continue
		}
		// After a comma an item must belong to a list: "一是…，二是…" in
		// one sentence, "第一，…，第二，…".
		if mark == '，' && !continuesList(out[first:], m, rest, text[p.Span.Start:j]) {
			continue
		}
		s := newSection(f, i, off, m, true)
		if m.ordinal == 1 {
			s.Lead = leadIn(text[p.Span.Start:j])
		}
		out = append(out, s)
		off = s.Span.End
	}
	return out
}

// withinItem reports whether found, the sections of a paragraph so far,
// open with an enumeration item of another form than form at the
// paragraph's start: the paragraph is that item's text.
func withinItem(f *document.File, found []*zongjie.Section, form string) bool {
	return len(found) > 0 && found[0].Rank >= rankEnum && found[0].Form != form && OpensParagraph(f, found[0])
}

// maxItemBytes is how far sequenceFollows looks for the next item: about
// 1,000 characters.
const maxItemBytes = 3000

// sequenceFollows reports whether a later item of the 首先 set (其次，
// 再次，最后，) starts a sentence or clause in rest.
func sequenceFollows(rest string) bool {
	if len(rest) > maxItemBytes {
		// An item is a few sentences: looking no further keeps a
		// paragraph of thousands of them linear.
		rest = rest[:maxItemBytes]
	}
	for _, w := range sequenceWords[1:] {
		for off := 0; ; {
			i := strings.Index(rest[off:], w.word)
			if i < 0 {
				break
			}
			at := off + i
			off = at + len(w.word)
			if m, ok := parseEnumMarker(rest[at:]); ok && m.form == FormShouxian && at > 0 && nextBoundary(rest[:at], max(at-3, 0)) >= 0 {
				return true
			}
		}
	}
	return false
}

// mayStartMarker is a quick test of the first character of s: only these
// can start an enumeration or an inline heading marker.
func mayStartMarker(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	switch r {
	case '首', '其', '再', '最', '第', '（', '(', '⑴', '①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨', '⑩':
		return true
	}
	return numeral.IsChineseDigit(r) || r == '十' || r >= '①' && r <= '⒇'
}

// continuesList reports whether marker m, found after a weak boundary, is
// part of a list in the paragraph: the item before it was found already, or
// it is the first and the second follows.
func continuesList(found []*zongjie.Section, m marker, rest, before string) bool {
	if m.ordinal > 1 {
		// The item before, or the one before that (一是…，三是…: a
		// skipped item is still an item, for the checker to report).
		for _, s := range found {
			if s.Form == m.form && (s.Ordinal == m.ordinal-1 || s.Ordinal == m.ordinal-2) {
				return true
			}
		}
		return false
	}
	return m.ordinal == 1 && secondFollows(m, rest)
}

// secondFollows reports whether the second item of the list that marker m
// (a first item) opens follows in rest.
func secondFollows(m marker, rest string) bool {
	switch m.form {
	case FormShi:
		return strings.Contains(rest, "二是")
	case FormYao:
		return strings.Contains(rest, "二要")
	case FormDi:
		return strings.Contains(rest, "第二，") || strings.Contains(rest, "第二,")
	case FormQiyi:
		return strings.Contains(rest, "其二")
	case FormShouxian:
		return strings.Contains(rest, "其次")
	case FormCircled:
		return strings.Contains(rest, "②")
	case FormParenNum:
		return strings.Contains(rest, "（2）") || strings.Contains(rest, "(2)")
	case FormParenCN:
		return strings.Contains(rest, "（二）") || strings.Contains(rest, "(二)")
	}
	return false
}

// leadIn returns the last clause of before, the words that introduce a
// list, and with it the time the sentence opens with when that is one of
// the plan (下一步，我将从三个方面加以改进): the clause alone would lose
// what makes the list a plan. Half-width marks bound clauses as their
// full-width forms do.
func leadIn(before string) string {
	if i := strings.LastIndexAny(before, "。！？；!?;"); i >= 0 {
		_, size := utf8.DecodeRuneInString(before[i:])
		before = before[i+size:]
	}
	if i := strings.LastIndexAny(before, "，,"); i >= 0 {
		first := before
		if j := strings.IndexAny(before, "，,"); j >= 0 {
			first = before[:j]
		}
		if t := words.TrimSpace(first); planTimeWords.At(t, 0) != t {
			_, size := utf8.DecodeRuneInString(before[i:])
			before = before[i+size:]
		}
	}
	before = words.TrimSpace(before)
	if n := utf8.RuneCountInString(before); n > 80 {
		// Keep the end: the words next to the list say what it lists.
		r := []rune(before)
		before = string(r[n-80:])
	}
	return before
}

// nextBoundary returns the byte offset of the next sentence or clause mark
// (。；！？：，) in text at or after off, or -1. Messy reports type these
// marks half-width too (;!?:, and . after a Chinese character: "…设施老化;二是…"):
// they are boundaries as well (words.HalfWidthMark). The marks' lead bytes (0xE3
// for 。, 0xEF for the full-width forms) are found with strings.IndexByte,
// which skips the text in between many bytes at a time.
func nextBoundary(text string, off int) int {
	for off < len(text) {
		// 0xE3 is looked for only before the next 0xEF: searching the
		// whole rest of the text for a lead byte it may not hold made a
		// paragraph without 。 quadratic.
		i := strings.IndexByte(text[off:], 0xEF)
		rest := text[off:]
		if i >= 0 {
			rest = rest[:i]
		}
		if j := strings.IndexByte(rest, 0xE3); j >= 0 {
			i = j
			rest = rest[:j]
		}
		// A half-width mark before the first full-width candidate.
		for k := 0; ; {
			a := strings.IndexAny(rest[k:], words.HalfWidthMarks)
			if a < 0 {
				break
			}
			if words.HalfWidthMark(text, off+k+a) {
				return off + k + a
			}
			k += a + 1
		}
		if i < 0 || off+i+2 >= len(text) {
			return -1
		}
		off += i
		switch text[off] {
		case 0xE3:
			if text[off+1] == 0x80 && text[off+2] == 0x82 { // 。
				return off
			}
		case 0xEF:
			if text[off+1] == 0xBC {
				switch text[off+2] {
				case 0x9B, 0x81, 0x9F, 0x9A, 0x8C: // ； ！ ？ ： ，
					return off
				}
			}
		}
		off++
	}
	return -1
}
