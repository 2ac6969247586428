// Package placeholder finds what a template left unfilled: placeholder
// figures (xx户, **万元, x.x%, xxxx年), placeholder names (**街道, 某某,
// ××村, □□), a letter standing for a leader's name (以A新时代中国特色社会
// 主义思想), and bracketed instructions ([单位名称], （此处填写…）).
package placeholder

import (
	"strings"
	"unicode/utf8"

	"zongjie/check"
	"zongjie/document"
)

// Rules of the placeholder category.
var Rules = []*check.Rule{Figure, Name, Leader, Bracket}

// Figure reports placeholder figures, found by the quantity analysis.
var Figure = &check.Rule{
	ID: "PH001", Name: "placeholder-figure", Category: check.Placeholder, Severity: check.Error,
	Doc: check.Doc{
		Title:  "数字未填写",
		Text:   "模板中的数字占位符（xx、**、x.x、xxxx年）没有换成实际数字。",
		Wrong:  "全年新增就业xx人，增速x.x%。",
		Right:  "全年新增就业1260人，增速6.2%。",
		Source: "公文审校常规：占位符未填充",
	},
	Run: func(p *check.Pass) {
		for _, q := range p.Quantities() {
			if q.Placeholder {
				p.Report(q.NumberSpan, "数字“"+p.File.Slice(q.NumberSpan)+"”未填写")
			}
			if g := q.Growth; g != nil && g.Placeholder {
				p.Report(g.Span, "增幅“"+g.Text+"”未填写")
			}
		}
	},
}

// Name reports placeholder names: runs of x, *, ×, □, ○ (two or more, or one
// between Chinese characters) that are not figures, and 某某.
var Name = &check.Rule{
	ID: "PH002", Name: "placeholder-name", Category: check.Placeholder, Severity: check.Error,
	Doc: check.Doc{
		Title:  "名称未填写",
		Text:   "单位、地点、项目等名称仍是占位符（**街道、xx村、××公司、某某、□□）。",
		Wrong:  "**街道坚持党建引领，指导xx村完成改造。",
		Right:  "青禾街道坚持党建引领，指导柳塘村完成改造。",
		Source: "公文审校常规：占位符未填充",
	},
	Run: runName,
}

// runStarts are the characters that can start a run (see runLen).
var runStarts = check.NewWords("某某", "x", "X", "*", "＊", "×", "□", "○", "ｘ", "Ｘ")

func runName(p *check.Pass) {
	text := p.File.Text
	figures := figureSpans(p)
	i := 0
	for _, m := range p.Find(runStarts) {
		if m.Span.Start < i {
			continue // inside the last run
		}
		i = m.Span.Start
		n := runLen(text[i:])
		span := document.Span{Start: i, End: i + n}
		i += n
		if inSpans(figures, span.Start) || p.File.InMarkup(span.Start) || !isPlaceholderName(text, span) {
			continue
		}
		p.Report(span, "名称“"+text[span.Start:span.End]+"”未填写")
	}
}

// runLen returns the length of a run of placeholder characters at the
// start of s: x/X (not inside a Latin word), *, ＊, ×, □, ○, or 某某.
func runLen(s string) int {
	if strings.HasPrefix(s, "某某") {
		n := len("某某")
		for strings.HasPrefix(s[n:], "某") {
			n += len("某")
		}
		return n
	}
	n := 0
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		if !isRunRune(r) {
			break
		}
		n += size
	}
	return n
}

func isRunRune(r rune) bool {
	switch r {
	case 'x', 'X', '*', '＊', '×', '□', '○', 'ｘ', 'Ｘ':
		return true
	}
	return false
}

// isPlaceholderName decides whether a run is a placeholder: two characters
// or more, or a single one between Chinese characters ("新x菜"), and not
// part of a Latin word, an expression (1×2) or a word like X光.
func isPlaceholderName(text string, s document.Span) bool {
	before, _ := utf8.DecodeLastRuneInString(text[:s.Start])
	after, _ := utf8.DecodeRuneInString(text[s.End:])
	run := text[s.Start:s.End]
	if isLatinOrDigit(before) || isLatinOrDigit(after) {
		return false // Excel, 7×24, x86
	}
	if strings.ContainsAny(run, "xX") && strings.IndexFunc(run, func(r rune) bool { return r != 'x' && r != 'X' }) >= 0 {
		return false // mixed runs such as x* are not names
	}
	switch {
	case strings.HasPrefix(text[s.End:], "光") || strings.HasPrefix(text[s.End:], "射线") || strings.HasPrefix(text[s.End:], "线"):
		return false // X光, X射线
	case run == "*" || run == "＊":
		// A lone * before a Chinese character, after one or after a mark:
		// *粮种业, 公司*博士. Not a footnote mark at the end of a word.
		return isHan(after) && (isHan(before) || before == utf8.RuneError || before > 0x2000 && !isHan(before))
	case inNumeral(run, before, after):
		return false // 二○三五年: a zero written with ○ (the number rules report the character)
	case run == "×" && (after == '”' || after == '"' || after == '」' || strings.HasSuffix(text[:s.Start], "要素")):
		return false // the policy slogan “数据要素×”行动 (data as a multiplier)
	case utf8.RuneCountInString(run) == 1:
		return isHan(before) || isHan(after)
	}
	return true
}

// inNumeral reports whether a run of circles stands between the digits of
// a Chinese numeral (二○三五年, 一○○): there ○ is a zero written with the
// wrong character, not a blank to fill. A circle is a placeholder only
// outside a number.
func inNumeral(run string, before, after rune) bool {
	if strings.Trim(run, "○") != "" {
		return false
	}
	return isChineseDigit(before) || isChineseDigit(after)
}

func isChineseDigit(r rune) bool {
	return strings.ContainsRune("〇零一二三四五六七八九十百千", r)
}

func isLatinOrDigit(r rune) bool {
	return r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
}

func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF
}

// figureSpans returns the spans of placeholder figures, reported by Figure.
func figureSpans(p *check.Pass) []document.Span {
	var out []document.Span
	for _, q := range p.Quantities() {
		if q.Placeholder {
			out = append(out, q.NumberSpan)
		}
		if g := q.Growth; g != nil && g.Placeholder {
			out = append(out, g.Span)
		}
	}
	return out
}

func inSpans(spans []document.Span, off int) bool {
	for _, s := range spans {
		if s.Contains(off) {
			return true
		}
	}
	return false
}
