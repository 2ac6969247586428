package gongwen

import (
	"strings"
	"unicode/utf8"

	"zongjie"
	"zongjie/document"
	"zongjie/outline"
)

// FromReport returns the Doc of report r of file f, as package extract
// found it:
//
//   - the title is the report's title line as written (a title set on two
//     lines keeps its line break; a spaced "政 府 工 作 报 告" keeps its
//     spaces); a report without a title line gets none: a title extract
//     inferred is metadata, never text put into the user's document; a
//     short line right under the title line in brackets ("（2024年1月10日）")
//     or opening with a dash ("——在…上的讲话") is the subtitle;
//   - every other non-empty paragraph of the report is one Block, its text
//     without Markdown markup, a table row's cells separated by a
//     full-width space;
//   - a paragraph that opens with a heading of the outline is a heading of
//     the level of its form (一、 and 第一部分 1, （一） 2, 1. 3, （1） 4; a
//     heading marked only by a .docx or Markdown heading style takes the
//     style's level, an unnumbered heading line level 1), run in when body
//     text follows it in the paragraph; enumerations (一是, 首先 …) and ①
//     stay body text;
//   - a first paragraph that is an addressee or salutation ("各位代表：")
//     is set flush left;
//   - zongjie:ignore directives are left out.
func FromReport(f *document.File, r *zongjie.Report) *Doc {
	d := &Doc{}
	titlePara := -1 // the last paragraph of the title
	if r.TitleSpan.Len() > 0 {
		var lines []string
		for i, p := range f.Paragraphs {
			if p.Span.Start < r.TitleSpan.Start || p.Span.Start >= r.TitleSpan.End {
				continue
			}
			titlePara = i
			if t := strings.Trim(plainText(f, p), "#* \t　"); t != "" {
				lines = append(lines, t)
			}
		}
		d.Title = strings.Join(lines, "\n")
	}
	heads := map[int]*zongjie.Section{} // paragraph index → the heading opening it
	zongjie.Walk(r.Outline, func(s *zongjie.Section) {
		if _, ok := heads[s.Para]; !ok && headingLevel(f, s) > 0 {
			heads[s.Para] = s
		}
	})
	for i, p := range f.Paragraphs {
		if !r.Span.Contains(p.Span.Start) || r.TitleSpan.Len() > 0 && p.Span.Start >= r.TitleSpan.Start && p.Span.Start < r.TitleSpan.End {
			continue
		}
		text := plainText(f, p)
		if strings.TrimSpace(text) == "" || isDirective(text) {
			continue
		}
		if titlePara >= 0 && i == titlePara+1 && d.Subtitle == "" && len(d.Blocks) == 0 && isSubtitle(text) {
			d.Subtitle = strings.TrimSpace(text)
			continue
		}
		b := Block{Text: text}
		if p.Kind == document.TableRow && len(p.Cells) > 0 {
			for _, c := range p.Cells {
				b.Cells = append(b.Cells, strings.TrimSpace(unmarked(f, c.Start, c.End)))
			}
		}
		if len(d.Blocks) == 0 && isSalutation(text) {
			b.Flush = true
		}
		if s := heads[i]; s != nil && p.Kind != document.TableRow {
			b.Level = headingLevel(f, s)
			if s.Inline {
				b.Head = headLength(f, p, s.Span.End)
			}
		}
		d.Blocks = append(d.Blocks, b)
	}
	return d
}

// headingLevel returns the level (1–4) of a heading set in a heading font,
// or 0 for enumerations and ① headings, which stay body text.
func headingLevel(f *document.File, s *zongjie.Section) int {
	switch s.Form {
	case outline.FormPart, outline.FormCN:
		return 1
	case outline.FormParenCN:
		return 2
	case outline.FormArabic:
		return 3
	case outline.FormParenNum:
		return 4
	case outline.FormStyle:
		if s.Para < 0 || s.Para >= len(f.Paragraphs) {
			return 0
		}
		switch hl := f.Paragraphs[s.Para].HeadingLevel; {
		case hl == 0: // an unnumbered heading line of a 政府工作报告
			return 1
		case hl <= 4:
			return hl
		}
	}
	return 0
}

// plainText returns the text of a paragraph without markup; a table row's
// cells are separated by a full-width space.
func plainText(f *document.File, p document.Paragraph) string {
	if p.Kind == document.TableRow && len(p.Cells) > 0 {
		cells := make([]string, 0, len(p.Cells))
		for _, c := range p.Cells {
			cells = append(cells, strings.TrimSpace(unmarked(f, c.Start, c.End)))
		}
		return strings.Join(cells, "　")
	}
	return unmarked(f, p.Span.Start, p.Span.End)
}

// unmarked returns the text of [start, end) without markup spans.
func unmarked(f *document.File, start, end int) string {
	if len(f.Markup) == 0 {
		return f.Text[start:end]
	}
	var b strings.Builder
	for off := start; off < end; {
		_, size := utf8.DecodeRuneInString(f.Text[off:end])
		if !f.InMarkup(off) {
			b.WriteString(f.Text[off : off+size])
		}
		off += size
	}
	return b.String()
}

// headLength returns the length in bytes, in the paragraph's plain text,
// of a run-in heading ending at byte offset end of the file, with the
// mark that closes it (。：！？；).
func headLength(f *document.File, p document.Paragraph, end int) int {
	end = min(max(end, p.Span.Start), p.Span.End)
	n := len(unmarked(f, p.Span.Start, end))
	rest := f.Text[end:p.Span.End]
	rest = strings.TrimLeft(rest, " ")
	if r, size := utf8.DecodeRuneInString(rest); strings.ContainsRune("。：！？；:;", r) {
		n += len(f.Text[end:p.Span.End]) - len(rest) + size
	}
	return n
}

// isSubtitle reports whether a line under the title is a subtitle: short,
// and in brackets or opening with a dash.
func isSubtitle(text string) bool {
	t := strings.TrimSpace(text)
	if n := utf8.RuneCountInString(t); n < 3 || n > 60 {
		return false
	}
	return strings.HasPrefix(t, "（") && strings.HasSuffix(t, "）") ||
		strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") ||
		strings.HasPrefix(t, "—")
}

// isSalutation reports whether the first paragraph is an addressee or
// salutation line ("各位代表：", "区委、区政府："): short, ending with a
// colon, without other punctuation than 、, and not the "报告如下：" of an
// introduction.
func isSalutation(text string) bool {
	t := strings.TrimSpace(text)
	body, ok := strings.CutSuffix(t, "：")
	if !ok {
		body, ok = strings.CutSuffix(t, ":")
	}
	return ok && body != "" && utf8.RuneCountInString(body) <= 15 && !strings.Contains(body, "如下") &&
		!strings.ContainsAny(body, "，。；！？：,.;!?:")
}

// isDirective reports whether a paragraph is a zongjie:ignore directive
// (see package check), possibly inside a comment.
func isDirective(text string) bool {
	t := strings.TrimSpace(text)
	t = strings.TrimSpace(strings.TrimPrefix(t, "<!--"))
	t = strings.TrimPrefix(t, "//")
	t = strings.TrimPrefix(t, "#")
	return strings.HasPrefix(strings.TrimSpace(t), "zongjie:ignore")
}
