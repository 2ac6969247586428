package meta

import (
	"strings"
	"unicode/utf8"

	"zongjie/document"
)

// TitleText returns a title line as the title it reads: Markdown marks and
// blanks trimmed, the spaces set between its characters for looks removed
// ("政 府 工 作 报 告" → 政府工作报告), and the 《》 around a whole title
// dropped ("《石桥镇2024年工作总结》").
func TitleText(line string) string {
	t := strings.Trim(line, "#* \t\u3000\u00a0")
	var b strings.Builder
	rs := []rune(t)
	for i, r := range rs {
		if isBlank(r) {
			// Keep a space only between two Latin letters or digits.
			prev, next := lastNonBlank(rs[:i]), firstNonBlank(rs[i+1:])
			if isLatin(prev) && isLatin(next) && (i == 0 || !isBlank(rs[i-1])) {
				b.WriteByte(' ')
			}
			continue
		}
		b.WriteRune(r)
	}
	t = b.String()
	if inner, ok := strings.CutPrefix(t, "《"); ok {
		if inner, ok := strings.CutSuffix(inner, "》"); ok && !strings.ContainsAny(inner, "《》") {
			t = inner
		}
	}
	return t
}

func isBlank(r rune) bool { return r == ' ' || r == '\t' || r == '\u3000' || r == '\u00a0' }

func isLatin(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

func lastNonBlank(rs []rune) rune {
	for i := len(rs) - 1; i >= 0; i-- {
		if !isBlank(rs[i]) {
			return rs[i]
		}
	}
	return 0
}

func firstNonBlank(rs []rune) rune {
	for _, r := range rs {
		if !isBlank(r) {
			return r
		}
	}
	return 0
}

// titleWords are the words a report's title names its genre with.
var titleWords = []string{
	"总结", "计划", "工作报告", "讲话", "工作要点", "工作思路", "工作打算", "工作安排",
	"述职报告", "情况报告", "情况汇报", "工作汇报", "发言", "致辞", "报告",
}

// IsTitleLine reports whether a line is the title of a report, once read
// by TitleText: 4 to 60 characters, no sentence punctuation, not a
// numbered heading, naming a report genre ("工作总结", "政府工作报告")
// outside any 《》 — "《政府工作报告》名词解释" names another document.
// Package outline finds title lines with the same test; this one also
// takes spaced titles and titles in 《》.
func IsTitleLine(line string) bool {
	t := TitleText(line)
	n := utf8.RuneCountInString(t)
	if n < 4 || n > 60 {
		return false
	}
	if strings.ContainsAny(t, "。，；！？,;") || strings.HasSuffix(t, "：") || strings.HasSuffix(t, ":") {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(t); strings.ContainsRune("一二三四五六七八九十（(0123456789第", r) && numberedHeading(t) {
		return false
	}
	for _, w := range []string{"如下", "现将", "根据", "——", "来源", "时间："} {
		if strings.Contains(t, w) {
			return false
		}
	}
	outside := withoutQuoted(t)
	for _, w := range titleWords {
		if strings.Contains(outside, w) {
			return true
		}
	}
	return false
}

// numberedHeading reports whether t opens with a heading number: 一、
// （一） 1. 1、 第一部分.
func numberedHeading(t string) bool {
	i := 0
	paren := strings.HasPrefix(t, "（") || strings.HasPrefix(t, "(")
	if paren {
		_, i = utf8.DecodeRuneInString(t)
	}
	j := i
	for j < len(t) {
		r, size := utf8.DecodeRuneInString(t[j:])
		if !strings.ContainsRune("一二三四五六七八九十0123456789", r) {
			break
		}
		j += size
	}
	if j == i {
		return strings.HasPrefix(t, "第") && (strings.Contains(t, "部分") || strings.Contains(t, "章"))
	}
	rest := t[j:]
	if paren {
		return strings.HasPrefix(rest, "）") || strings.HasPrefix(rest, ")")
	}
	return strings.HasPrefix(rest, "、") || strings.HasPrefix(rest, ".") || strings.HasPrefix(rest, "．")
}

// withoutQuoted returns t without the parts in 《》.
func withoutQuoted(t string) string {
	var b strings.Builder
	depth := 0
	for _, r := range t {
		switch {
		case r == '《':
			depth++
		case r == '》' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// FindTitle returns the span of the title of the report in span: found
// (the title line package outline found, empty if none) or else the first
// line before limit (a byte offset: the first heading) that IsTitleLine
// takes — a spaced title, a title in 《》 — widened over a title set on two
// or three lines: up to two lines of unit names before it ("保定市满城区"
// over "2020年政府工作报告"; "临川区人民政府" over "南湖街道办事处" over
// "2026年工作总结"), or a line after it that continues it ("及2025年工作计
// 划"). The
// span runs from the start of the first line to the end of the last.
func FindTitle(f *document.File, span, found document.Span, limit int) document.Span {
	first := -1
	if found.Len() > 0 {
		first = f.ParagraphAt(found.Start)
	} else {
		for i, n := firstParagraph(f, span.Start), 0; i < len(f.Paragraphs) && n < 20; i, n = i+1, n+1 {
			p := f.Paragraphs[i]
			if p.Span.Start >= limit || p.Span.Start >= span.End {
				break
			}
			if p.Kind == document.Body && IsTitleLine(f.Slice(p.Span)) {
				first = i
				break
			}
		}
	}
	if first < 0 {
		return found
	}
	last := first
	// Up to two lines of unit names: a 街道's office under its district's
	// government ("临川区人民政府" over "南湖街道办事处" over the year's title).
	for n := 0; n < 2; n++ {
		prev := first - 1
		if prev < 0 || f.Paragraphs[prev].Span.Start < span.Start || f.Paragraphs[prev].Kind != document.Body || !isUnitLine(f.Slice(f.Paragraphs[prev].Span)) {
			break
		}
		first = prev
	}
	if next := last + 1; next < len(f.Paragraphs) && f.Paragraphs[next].Span.Start < span.End && f.Paragraphs[next].Kind == document.Body && continuesTitle(f.Slice(f.Paragraphs[next].Span)) {
		last = next
	}
	return document.Span{Start: f.Paragraphs[first].Span.Start, End: f.Paragraphs[last].Span.End}
}

// firstParagraph returns the index of the first paragraph at or after off.
func firstParagraph(f *document.File, off int) int {
	lo, hi := 0, len(f.Paragraphs)
	for lo < hi {
		mid := (lo + hi) / 2
		if f.Paragraphs[mid].Span.End <= off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// isUnitLine reports whether a line is only unit names, the first line of
// a title set on two: "保定市满城区", "石桥镇人民政府".
func isUnitLine(line string) bool {
	t := TitleText(line)
	for _, w := range []string{"人民政府", "政府"} {
		t = strings.TrimSuffix(t, w)
	}
	u, ok := chainAt(t)
	return ok && u.name != "" && chainLen(t) == len(t)
}

// continuesTitle reports whether a line continues the title line above it:
// it opens with 及, 暨, 和, 与 or 兼 and names a genre ("及2025年工作计划").
func continuesTitle(next string) bool {
	t := TitleText(next)
	if n := utf8.RuneCountInString(t); n < 3 || n > 40 || !hasTitleWord(t) || strings.ContainsAny(t, "。，；！？,;：:") {
		return false
	}
	for _, w := range []string{"及", "暨", "和", "与", "兼"} {
		if strings.HasPrefix(t, w) {
			return true
		}
	}
	return false
}

func hasTitleWord(t string) bool {
	for _, w := range titleWords {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// Title returns the title set in span (from FindTitle): the TitleText of
// each of its lines, joined.
func Title(f *document.File, span document.Span) string {
	var b strings.Builder
	for i := firstParagraph(f, span.Start); i < len(f.Paragraphs) && f.Paragraphs[i].Span.Start < span.End; i++ {
		b.WriteString(TitleText(f.Slice(f.Paragraphs[i].Span)))
	}
	return b.String()
}
