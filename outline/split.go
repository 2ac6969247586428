package outline

import (
	"strings"
	"unicode/utf8"

	"zongjie"
	"zongjie/document"
)

// Part is the range of one report inside a file.
type Part struct {
	Span      document.Span // from the start of the report to the start of the next
	Title     document.Span // the title line; empty if the report has none
	FirstPara int           // index of the first paragraph
	EndPara   int           // index after the last paragraph
	Headings  []*zongjie.Section
}

// Split divides a file into the reports it holds. A new report starts at a
// title line ("2023年工作总结及2024年工作计划") that follows a report with
// top-level headings of its own; a file with one report is one Part.
func Split(f *document.File, headings []*zongjie.Section) []Part {
	topIn := make(map[int]bool) // paragraphs holding a top-level heading
	opens := make(map[int]bool) // paragraphs a heading opens: never a title
	for _, h := range headings {
		if h.Rank <= rankParenCN {
			topIn[h.Para] = true
		}
		if h.Span.Start == ContentStart(f, f.Paragraphs[h.Para].Span) && h.Form != FormStyle {
			opens[h.Para] = true
		}
	}
	var parts []Part
	cur := Part{FirstPara: 0}
	seenTop := false
	for i := range f.Paragraphs {
		if seenTop && !opens[i] && isTitleParagraph(f, i) {
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
		p.Title = findTitle(f, p.FirstPara, p.EndPara, headings, opens)
	}
	for _, h := range headings {
		for k := range parts {
			if parts[k].Span.Contains(h.Span.Start) {
				parts[k].Headings = append(parts[k].Headings, h)
				break
			}
		}
	}
	return parts
}

// findTitle returns the span of the report's title line: the first title
// paragraph before the first heading, looking at most a few paragraphs in
// (past page chrome such as "下载 打印 收藏").
func findTitle(f *document.File, first, end int, headings []*zongjie.Section, opens map[int]bool) document.Span {
	stop := end
	for _, h := range headings {
		if h.Para >= first && h.Para < end {
			stop = h.Para
			break
		}
	}
	for i := first; i < stop && i < first+20; i++ {
		if !opens[i] && isTitleParagraph(f, i) {
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
// a report: short, no sentence punctuation, naming a report genre.
func isTitleParagraph(f *document.File, i int) bool {
	p := &f.Paragraphs[i]
	if p.Kind != document.Body {
		return false
	}
	if p.Span.Len() > 60*4+8 {
		return false // a title is short; do not count a long paragraph
	}
	text := f.Text[ContentStart(f, p.Span):p.Span.End]
	text = strings.Trim(text, "#* ")
	n := utf8.RuneCountInString(text)
	if n < 4 || n > 60 {
		return false
	}
	if p.Title {
		return true
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
	for _, w := range titleWords {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}
