package punct

import (
	"strings"
	"unicode/utf8"

	"zongjie/check"
	"zongjie/document"
)

// HalfWidth reports half-width marks in Chinese text: , . ; : ? ! ( ) "
// next to a Chinese character. Marks between half-width content are left
// alone: 9.01, 1,234, 8:30, x.x, URLs and English phrases.
var HalfWidth = &check.Rule{
	ID: "PU001", Name: "halfwidth-punct", Category: check.Punctuation, Severity: check.Error,
	Doc: check.Doc{
		Title:  "中文中使用了半角标点",
		Text:   "中文文本中的逗号、句号、分号、冒号、问号、叹号、括号和引号应使用全角形式；数字、时间、网址和外文中的半角符号不在此列。",
		Wrong:  "经济形势有所下滑,但我们坚持稳中求进;完成投资9.01亿元(同比增长5%).",
		Right:  "经济形势有所下滑，但我们坚持稳中求进；完成投资9.01亿元（同比增长5%）。",
		Source: "GB/T 15834—2011 标点符号用法（适用于汉语书面语，包括中外文混排中的汉语部分）",
	},
	Run: runHalfWidth,
}

// fullWidth maps each half-width mark to its Chinese form.
var fullWidth = map[rune]string{',': "，", '.': "。", ';': "；", ':': "：", '?': "？", '!': "！", '(': "（", ')': "）"}

func runHalfWidth(p *check.Pass) {
	skip := newSkipper(p)
	paragraphs(p, func(text string, span document.Span) {
		quotes := strings.Count(text, `"`)
		nthQuote := 0
		var parens []bool // for each open "(": whether it was reported
		flaggedEnd := -1  // where the last reported closing mark ends
		for i := 0; ; i++ {
			k := indexMark(text[i:])
			if k < 0 {
				break
			}
			i += k
			r := rune(text[i])
			j := i + 1
			before, after := neighbours(text, i, j)
			if r == '"' {
				nthQuote++
			}
			if skip.skip(span.Start + i) {
				if r == '(' {
					parens = append(parens, false)
				}
				continue
			}
			// A run of marks ("...", "?!", ".)") is left to other rules.
			if r != '(' && r != ')' && r != '"' && (isRunMark(before) || isRunMark(after)) && flaggedEnd != i {
				continue
			}
			want := ""
			switch r {
			case ',':
				if !(isDigit(before) && isDigit(after)) && (isChinese(before) || isChinese(after)) {
					want = "，"
				}
			case '.':
				if (isChinese(before) || flaggedEnd == i) && !isDigit(after) && !isLatin(after) {
					want = "。"
				}
			case ':':
				if !isLatin(before) && !(isDigit(before) && isDigit(after)) && (isChinese(before) || isChinese(after)) {
					want = "："
				}
			case ';', '?', '!':
				if isChinese(before) || isChinese(after) {
					want = fullWidth[r]
				}
			case '(':
				if isChinese(before) || isChinese(after) {
					want = "（"
				}
				parens = append(parens, want != "")
			case ')':
				opened := false
				if n := len(parens); n > 0 {
					opened, parens = parens[n-1], parens[:n-1]
				}
				if opened || isChinese(before) || isChinese(after) {
					want = "）"
				}
			case '"':
				if quotes%2 == 0 && (isChinese(before) || isChinese(after)) {
					want = "”"
					if nthQuote%2 == 1 {
						want = "“"
					}
				}
			}
			if want == "" {
				continue
			}
			if r == ')' || r == '"' {
				flaggedEnd = j
			}
			at := span.Start + i
			p.Report(document.Span{Start: at, End: at + 1}, "中文中应使用全角“"+want+"”，这里是半角“"+string(r)+"”",
				check.Fix{Message: "改为" + want, Replacement: want, Certain: true})
		}
	})
}

func isRunMark(r rune) bool { return strings.ContainsRune(".,;:?!", r) }

// asciiMarks are the half-width marks HalfWidth looks at.
const asciiMarks = ",.;:?!()\""

// isASCIIMark tells the bytes of asciiMarks.
var isASCIIMark = func() (t [256]bool) {
	for i := range len(asciiMarks) {
		t[asciiMarks[i]] = true
	}
	return t
}()

// indexMark is strings.IndexAny(s, asciiMarks) for s starting at a
// character: a byte from E0 up leads a character of three bytes or more,
// none of them a mark, and is stepped over with them (a Chinese text is
// mostly such characters; IndexAny tests every byte).
func indexMark(s string) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0xE0 {
			i += 2
			continue
		}
		if isASCIIMark[c] {
			return i
		}
	}
	return -1
}

// Spaces reports spaces inside a Chinese sentence, left over from web
// copy, OCR or letter-spaced titles: 坚持 党建引领.
var Spaces = &check.Rule{
	ID: "PU018", Name: "stray-space", Category: check.Punctuation, Severity: check.Info,
	Doc: check.Doc{
		Title:  "中文中有多余空格",
		Text:   "汉字之间、汉字与中文标点之间不应有空格，多为网页复制或排版遗留；段首缩进、中外文之间的空格和表格不在此列。标题字距应由排版设置，而不是插入空格。",
		Wrong:  "坚持 党建引领，推动 高质量发展。",
		Right:  "坚持党建引领，推动高质量发展。",
		Source: "GB/T 15834—2011 5.1（标点占格）；中文排版常规",
	},
	Run: func(p *check.Pass) {
		skip := newSkipper(p)
		for _, para := range p.File.Paragraphs {
			if para.Kind == document.TableRow {
				continue
			}
			text := p.File.Slice(para.Span)
			if !strings.Contains(text, "，") && !strings.Contains(text, "。") {
				continue // a byline, a caption, a letter-spaced title: layout, not a sentence
			}
			for i := nextSpace(text, 0); i < len(text); i = nextSpace(text, i) {
				j := i
				for j < len(text) {
					r, size := utf8.DecodeRuneInString(text[j:])
					if r != ' ' && r != '\u3000' && r != '\u00A0' {
						break
					}
					j += size
				}
				before, after := neighbours(text, i, j)
				// Only inside a sentence that ends: a trailing byline such as
				// "本报记者 韩卿立 摄" after the last full stop is layout.
				if !strings.ContainsAny(text[j:], "。！？；，") {
					break
				}
				if i > 0 && j < len(text) && isHan(before) && isChinese(after) || i > 0 && j < len(text) && isCJKPunct(before) && isHan(after) && before != '”' && before != '）' {
					if !skip.skip(para.Span.Start + i) {
						p.Report(document.Span{Start: para.Span.Start + i, End: para.Span.Start + j}, "汉字之间有多余的空格",
							check.Fix{Message: "删除空格", Replacement: "", Certain: true})
					}
				}
				i = j
			}
		}
	},
}

// nextSpace returns the offset of the first space at or after i (U+0020,
// U+3000 or U+00A0), or len(text); i is at a character. It reads bytes:
// the lead bytes it looks for never occur inside another character, and a
// character of three bytes or more led by E4 or higher is stepped over
// whole.
func nextSpace(text string, i int) int {
	for ; i < len(text); i++ {
		switch c := text[i]; c {
		case ' ':
			return i
		case 0xE3: // U+3000 is E3 80 80
			if i+2 < len(text) && text[i+1] == 0x80 && text[i+2] == 0x80 {
				return i
			}
		case 0xC2: // U+00A0 is C2 A0
			if i+1 < len(text) && text[i+1] == 0xA0 {
				return i
			}
		default:
			if c >= 0xE4 {
				i += 2 // the rest of a character of three bytes or more, at once
			}
		}
	}
	return len(text)
}
