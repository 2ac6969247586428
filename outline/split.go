package outline

import (
	"sort"
	"strings"
	"unicode/utf8"

	"zongjie"
	"zongjie/document"
	"zongjie/internal/words"
)

// Part is the range of one report inside a file.
type Part struct {
	Span      document.Span // from the start of the report to the start of the next
	Title     document.Span // the title line; empty if the report has none
	FirstPara int           // index of the first paragraph
	EndPara   int           // index after the last paragraph
	// Headings are the report's headings, in document order: those found
	// by Headings outside its asides, and its unnumbered part headings
	// named like a report ("2024年工作安排", "2023年工作总结").
	Headings []*zongjie.Section
	Asides   []zongjie.Aside // the parts that are not the body, in order
	Refs     []document.Span // reference marks in the body, in order
	// AsideHeadings are the headings found inside the asides: not the
	// report's outline, but their markers are no figures either.
	AsideHeadings []*zongjie.Section
}

// Split divides a file into the reports it holds. A new report begins only
// where a real second report does: at a title line that names a report
// (工作总结, 政府工作报告, 讲话 …) or a unit (…街道…, …县…), after a report
// with top-level headings of its own, and followed by a new opening — an
// addressee (各位代表：), a date or subtitle line, or headings numbered
// from 一 again. A line named like a part of a report ("2023年工作安排",
// "今后五年工作思路和目标任务") begins no report: it is a part heading. A
// line opening an aside ("《政府工作报告》名词解释") is neither.
func Split(f *document.File, headings []*zongjie.Section) []Part {
	topIn := make(map[int]bool) // paragraphs holding a top-level heading
	opens := make(map[int]bool) // paragraphs a heading opens: never a title
	for _, h := range headings {
		if h.Rank <= rankParenCN {
			topIn[h.Para] = true
		}
		if h.Form != FormStyle && OpensParagraph(f, h) {
			opens[h.Para] = true
		}
	}
	// The paragraphs that look like a title line, found once.
	titles := make(map[int]bool)
	for i := range f.Paragraphs {
		if !opens[i] && isTitleParagraph(f, i) {
			titles[i] = true
		}
	}
	var parts []Part
	cur := Part{FirstPara: 0}
	seenTop := false
	for i := range f.Paragraphs {
		if seenTop && titles[i] && beginsReport(f, i, headings) {
			cur.EndPara = i
			parts = append(parts, cur)
			cur = Part{FirstPara: i}
			seenTop = false
		}
		if topIn[i] {
			seenTop = true
		}
	}
	cur.EndPara = len(f.Paragraphs)
	parts = append(parts, cur)

	// Spans: the first report starts at the file start, the others at their
	// title line; each ends where the next starts.
	for k := range parts {
		p := &parts[k]
		if k == 0 {
			p.Span.Start = 0
		} else {
			p.Span.Start = f.LineStart(f.Paragraphs[p.FirstPara].Span.Start)
		}
		if k+1 < len(parts) {
			p.Span.End = f.LineStart(f.Paragraphs[parts[k+1].FirstPara].Span.Start)
		} else {
			p.Span.End = len(f.Text)
		}
		p.Title = findTitle(f, p.FirstPara, p.EndPara, headings, titles)
	}
	h := 0
	for k := range parts {
		p := &parts[k]
		var own []*zongjie.Section
		for ; h < len(headings) && p.Span.Contains(headings[h].Span.Start); h++ {
			own = append(own, headings[h])
		}
		p.finish(f, own, titles)
	}
	return parts
}

// finish sets the part's asides, reference marks and headings from the
// headings found in it.
func (p *Part) finish(f *document.File, own []*zongjie.Section, titles map[int]bool) {
	titlePara := -1
	if p.Title.End > p.Title.Start {
		titlePara = f.ParagraphAt(p.Title.Start)
	}
	// An aside begins once the body has: at the first heading, or a few
	// paragraphs in.
	body := min(p.FirstPara+3, p.EndPara)
	if titlePara >= 0 {
		body = min(titlePara+3, p.EndPara)
	}
	if len(own) > 0 && own[0].Para < body {
		body = own[0].Para + 1
	}
	lastHeading := -1
	if len(own) > 0 {
		lastHeading = own[len(own)-1].Para
	}
	p.Asides = findAsides(f, p.FirstPara, p.EndPara, body, lastHeading, p.Span.End)
	resumeBody(f, p.Asides, own)
	// Reference marks point into notes: a report without a glossary or
	// notes has none to look for (page references, 见第24页, are ordinals
	// the figures leave out anyway).
	for _, a := range p.Asides {
		if a.Kind == zongjie.AsideGlossary || a.Kind == zongjie.AsideNotes {
			p.Refs = refs(f, p.Span, p.Asides, nil)
			break
		}
	}

	for _, h := range own {
		if inAside(p.Asides, h.Span.Start) {
			p.AsideHeadings = append(p.AsideHeadings, h)
			continue
		}
		if isRef(p.Refs, h.MarkerSpan.Start) && h.MarkerSpan.Len() > 0 {
			continue
		}
		p.Headings = append(p.Headings, h)
	}
	// Lines named like a report that begin none are the report's part
	// headings.
	var added bool
	for i := max(p.FirstPara, titlePara+1); i < p.EndPara; i++ {
		if !titles[i] || inAside(p.Asides, f.Paragraphs[i].Span.Start) {
			continue
		}
		if hasHeadingIn(p.Headings, i) || !isPartHeading(paragraphText(f, i)) {
			continue
		}
		p.Headings = append(p.Headings, newSection(f, i, ContentStart(f, f.Paragraphs[i].Span), marker{form: FormStyle, rank: rankPart}, false))
		added = true
	}
	if added {
		sort.SliceStable(p.Headings, func(a, b int) bool { return p.Headings[a].Span.Start < p.Headings[b].Span.Start })
	}
}

// hasHeadingIn reports whether one of the headings is in paragraph i.
func hasHeadingIn(headings []*zongjie.Section, i int) bool {
	for _, h := range headings {
		if h.Para == i {
			return true
		}
	}
	return false
}

// isRef reports whether a reference mark starts at off.
func isRef(refs []document.Span, off int) bool {
	k := sort.Search(len(refs), func(k int) bool { return refs[k].Start >= off })
	return k < len(refs) && refs[k].Start == off
}

// paragraphText returns the text of paragraph i without leading markup and
// blanks, and without Markdown heading marks.
func paragraphText(f *document.File, i int) string {
	p := &f.Paragraphs[i]
	return strings.Trim(f.Text[ContentStart(f, p.Span):p.Span.End], "#* ")
}

// findTitle returns the span of the report's title line: the first title
// paragraph before the first heading, looking at most a few paragraphs in
// (past page chrome such as "下载 打印 收藏").
func findTitle(f *document.File, first, end int, headings []*zongjie.Section, titles map[int]bool) document.Span {
	stop := end
	for _, h := range headings {
		if h.Para >= first && h.Para < end {
			stop = h.Para
			break
		}
	}
	for i := first; i < stop && i < first+20; i++ {
		if titles[i] {
			return f.Paragraphs[i].Span
		}
	}
	return document.Span{}
}

// titleWords are the words a report's title ends with or contains.
var titleWords = []string{
	"总结", "计划", "工作报告", "讲话", "工作要点", "工作思路", "工作打算", "工作安排",
	"述职报告", "情况报告", "情况汇报", "工作汇报", "发言", "致辞", "报告",
}

// isTitleParagraph reports whether paragraph i looks like the title line of
// a report: short, no sentence punctuation, naming a report genre, and not
// the line that opens an aside ("《政府工作报告》名词解释").
func isTitleParagraph(f *document.File, i int) bool {
	p := &f.Paragraphs[i]
	if p.Kind != document.Body {
		return false
	}
	if p.Span.Len() > 60*4+8 {
		return false // a title is short; do not count a long paragraph
	}
	text := paragraphText(f, i)
	n := utf8.RuneCountInString(text)
	if n < 4 || n > 60 {
		return false
	}
	if _, ok := asideHeading(text); ok {
		return false
	}
	if p.Title {
		return true
	}
	if !titleWordSet.Contains(text) {
		return false
	}
	if _, ok := parseHeadingMarker(text); ok {
		return false
	}
	if _, ok := parseEnumMarker(text); ok {
		return false
	}
	if strings.ContainsAny(text, "。，；！？,;") || strings.HasSuffix(text, "：") || strings.HasSuffix(text, ":") {
		return false
	}
	for _, w := range []string{"如下", "现将", "根据", "——", "来源", "时间："} {
		if strings.Contains(text, w) {
			return false
		}
	}
	return true
}

var titleWordSet = words.NewSet(titleWords...)

// wholeGenres name a whole report in its title; the other title words
// (计划, 安排, 思路, 打算) name a part of one as often.
var wholeGenres = []string{"总结", "报告", "讲话", "致辞", "发言", "汇报", "述职", "工作要点"}

// genreOf returns "whole" when a title line names a whole report, "part"
// when it names what may be a part of one, "" otherwise. Words inside
// 《》 name another document: "《政府工作报告》名词解释".
func genreOf(title string) string {
	plain := withoutBookTitles(title)
	for _, w := range wholeGenres {
		if strings.Contains(plain, w) {
			return "whole"
		}
	}
	for _, w := range titleWords {
		if strings.Contains(plain, w) {
			return "part"
		}
	}
	return ""
}

// withoutBookTitles returns s without the text inside 《》.
func withoutBookTitles(s string) string {
	for {
		i := strings.Index(s, "《")
		if i < 0 {
			return s
		}
		j := strings.Index(s[i:], "》")
		if j < 0 {
			return s[:i]
		}
		s = s[:i] + s[i+j+len("》"):]
	}
}

// unitSuffixes end the name of a reporting unit.
var unitSuffixes = []string{
	"街道", "街办", "办事处", "镇", "乡", "县", "区", "市", "省", "自治区", "州", "盟", "旗", "村", "社区",
	"局", "委员会", "管委会", "委", "政府",
}

// hasUnit reports whether a title names a unit: before its first year or
// digit ("云溪镇2025年…", "xx街道…") or in a trailing bracket ("…（街道）").
func hasUnit(title string) bool {
	plain := withoutBookTitles(title)
	if i := strings.LastIndex(plain, "（"); i > 0 && strings.HasSuffix(plain, "）") {
		note := plain[i:]
		for _, w := range []string{"街道", "镇", "乡", "县", "区", "市", "省"} {
			if strings.Contains(note, w) {
				return true
			}
		}
	}
	head := plain
	for i, r := range plain {
		if r >= '0' && r <= '9' || r >= '０' && r <= '９' {
			head = plain[:i]
			break
		}
	}
	for _, w := range wholeGenres {
		if i := strings.Index(head, w); i >= 0 {
			head = head[:i]
		}
	}
	for _, w := range titleWords {
		if i := strings.Index(head, w); i >= 0 {
			head = head[:i]
		}
	}
	head = strings.TrimSuffix(strings.TrimSuffix(head, "人民政府"), "政府")
	for _, w := range unitSuffixes {
		if strings.HasSuffix(head, w) && utf8.RuneCountInString(head) > utf8.RuneCountInString(w) {
			return true
		}
	}
	return false
}

// isPartHeading reports whether a title-like line that begins no report is
// a heading of a part of the report: it names a part (2024年工作安排,
// 2023年工作总结), not a whole report of a unit (石桥镇2024年工作总结, a
// repeated title) nor a speech.
func isPartHeading(text string) bool {
	if hasUnit(text) {
		return false
	}
	plain := withoutBookTitles(text)
	for _, w := range []string{"报告", "讲话", "致辞", "发言", "述职"} {
		if strings.Contains(plain, w) {
			return false
		}
	}
	return genreOf(text) != ""
}

// beginsReport reports whether the title-like paragraph i begins a second
// report: it names a whole report or a unit, and a new opening follows.
func beginsReport(f *document.File, i int, headings []*zongjie.Section) bool {
	text := paragraphText(f, i)
	switch genreOf(text) {
	case "whole":
	case "part":
		if !hasUnit(text) {
			return false
		}
	default:
		return false
	}
	// An addressee, a date or a subtitle line before the first heading.
	next := sort.Search(len(headings), func(k int) bool { return headings[k].Para > i })
	stop := len(f.Paragraphs)
	if next < len(headings) {
		stop = headings[next].Para
	}
	for j := i + 1; j < stop && j <= i+4; j++ {
		if isOpeningLine(paragraphText(f, j)) {
			return true
		}
	}
	// Or the numbering starts again: the next numbered heading of a
	// top-level form is the first of its list.
	for _, h := range headings[next:] {
		if h.Form == FormStyle || h.Rank > rankParenCN {
			continue
		}
		return h.Ordinal == 1
	}
	return false
}

// isOpeningLine reports whether a paragraph opens a report after its
// title: an addressee (各位代表：), a date line (（2024年1月12日）), a
// subtitle (——在…会议上), a session line (在…人民代表大会…会议上).
func isOpeningLine(text string) bool {
	for _, w := range []string{"各位代表", "各位委员", "同志们", "各位领导", "尊敬的"} {
		if strings.HasPrefix(text, w) && utf8.RuneCountInString(text) <= 30 {
			return true
		}
	}
	if strings.HasPrefix(text, "——") || strings.HasPrefix(text, "—") {
		return true
	}
	inner := strings.Trim(text, "（）() 　")
	if utf8.RuneCountInString(inner) <= 40 && strings.Contains(inner, "年") && strings.Contains(inner, "月") && strings.HasSuffix(strings.TrimSpace(strings.SplitN(inner, "在", 2)[0]), "日") {
		return true
	}
	return strings.Contains(text, "人民代表大会") && strings.Contains(text, "会议") && utf8.RuneCountInString(text) <= 60
}
