package punct

import (
	"strings"
	"unicode/utf8"

	"zongjie/check"
	"zongjie/document"
	"zongjie/internal/words"
)

// family groups the opening and closing forms of one kind of paired mark.
type family uint8

const (
	noFamily      family = iota
	famParen             // （ ） ( )
	famSquare            // 【 】 〔 〕 ［ ］ [ ]
	famDouble            // “ ”
	famSingle            // ‘ ’
	famTitle             // 《 》
	famInnerTitle        // 〈 〉
	famCorner            // 「 」 『 』
)

// pairMark classifies a paired mark: its family and whether it opens.
// Family noFamily for any other character. A switch, not a map: it runs
// for every character of the text.
func pairMark(r rune) (family, bool) {
	switch r {
	case '（', '(':
		return famParen, true
	case '）', ')':
		return famParen, false
	case '【', '〔', '［', '[':
		return famSquare, true
	case '】', '〕', '］', ']':
		return famSquare, false
	case '“':
		return famDouble, true
	case '”':
		return famDouble, false
	case '‘':
		return famSingle, true
	case '’':
		return famSingle, false
	case '《':
		return famTitle, true
	case '》':
		return famTitle, false
	case '〈':
		return famInnerTitle, true
	case '〉':
		return famInnerTitle, false
	case '「', '『':
		return famCorner, true
	case '」', '』':
		return famCorner, false
	}
	return noFamily, false
}

// mayPair reports whether r can be a paired mark or a mismatching close.
func mayPair(r rune) bool {
	switch r {
	case '"', '＂', '>', '＞':
		return true
	}
	f, _ := pairMark(r)
	return f != noFamily
}

// pairLeads are the bytes that start the characters mayPair accepts:
// ( ) [ ] " > and the lead bytes of U+2000–U+2FFF, U+3000–U+3FFF and
// U+F000–U+FFFF, which hold the others. Every other byte of a text, most
// of a Chinese one, starts no mark and sits inside no mark.
var pairLeads = []byte{'(', ')', '[', ']', '"', '>', 0xE2, 0xE3, 0xEF}

// pairStep is the table matchPairs steps over the characters that are no
// mark with (check.Steps): 0 for a byte of pairLeads.
var pairStep = words.Steps(pairLeads...)

// closeOf gives the Chinese closing mark of an opening one.
var closeOf = map[rune]rune{'（': '）', '(': '）', '【': '】', '〔': '〕', '［': '］', '[': ']', '“': '”', '‘': '’', '《': '》', '〈': '〉', '「': '」', '『': '』'}

// mismatch lists the closing marks that are a wrong form of an opening
// mark's close: “…」, 《…>, （…】.
var mismatch = map[family][]rune{
	famDouble: {'」', '』', '"', '＂'},
	famCorner: {'”'},
	famTitle:  {'>', '＞', '〉'},
	famParen:  {'】', '］', ']', '〕'},
	famSquare: {'）', ')'},
}

// mark is one paired mark in a paragraph.
type mark struct {
	r   rune
	fam family
	off int // byte offset in the file
}

// pairEvent is what the scan of a paragraph finds.
type pairEvent struct {
	kind  eventKind
	open  mark // the opening mark (unclosed, nested, mismatched)
	close mark // the closing mark (stray, nested, mismatched)
}

type eventKind uint8

const (
	evUnclosed eventKind = iota // an opening mark never closed
	evStray                     // a closing mark with nothing to close
	evMismatch                  // closed with the wrong family's mark
	evNested                    // “…” inside “…”
)

// scanPairs matches the paired marks of each paragraph and returns what
// it finds, by paragraph.
//
// Two kinds of text spread one pair over several paragraphs, and neither
// is an error: a quotation of several paragraphs opens each with “ and
// closes only in its last; and text copied from web pages or PDFs breaks
// lines inside a sentence (“\n十三五\n”实现了良好开局). So marks still open
// at the end of a paragraph that does not end a sentence are carried into
// the next paragraphs, up to maxCarry of them, and reported only if they
// are not closed there.
func scanPairs(p *check.Pass, skip *skipper) [][]pairEvent {
	return p.Shared(pairsKey{}, func() any { return matchPairs(p, skip) }).([][]pairEvent)
}

type pairsKey struct{}

func matchPairs(p *check.Pass, skip *skipper) [][]pairEvent {
	const maxCarry = 5
	paras := p.File.Paragraphs
	out := make([][]pairEvent, len(paras))
	var stack []mark
	carried := 0
	for pi, para := range paras {
		text := p.File.Slice(para.Span)
		var evs []pairEvent
		for i, size := 0, 0; i < len(text); i += size {
			if size = int(pairStep[text[i]]); size > 0 {
				continue // no mark starts here: the character is stepped over whole
			}
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			if r < 0x2018 && r != '(' && r != ')' && r != '[' && r != ']' && r != '"' && r != '>' || !mayPair(r) {
				continue
			}
			off := para.Span.Start + i
			f, open := pairMark(r)
			if f != noFamily && open {
				if skip.skip(off) {
					continue
				}
				if f == famDouble {
					for _, m := range stack {
						if m.fam == famDouble {
							evs = append(evs, pairEvent{kind: evNested, open: mark{r, f, off}})
							break
						}
					}
				}
				stack = append(stack, mark{r, f, off})
				continue
			}
			if f == noFamily {
				if mm := mismatchFor(stack, r); mm >= 0 {
					evs = append(evs, pairEvent{kind: evMismatch, open: stack[mm], close: mark{r, noFamily, off}})
					stack = stack[:mm]
				}
				continue
			}
			if skip.skip(off) || r == '’' && isLatinNeighbour(text, i) {
				continue // a heading marker 1), an apostrophe
			}
			k := len(stack) - 1
			for k >= 0 && stack[k].fam != f {
				k--
			}
			if k < 0 {
				if mm := mismatchFor(stack, r); mm >= 0 {
					evs = append(evs, pairEvent{kind: evMismatch, open: stack[mm], close: mark{r, f, off}})
					stack = stack[:mm]
					continue
				}
				if !listMarker(text, i) {
					evs = append(evs, pairEvent{kind: evStray, close: mark{r, f, off}})
				}
				continue
			}
			for _, m := range stack[k+1:] {
				evs = append(evs, pairEvent{kind: evUnclosed, open: m})
			}
			if f == famDouble {
				// Close a nested pair: the event recorded at its opening.
				for e := len(evs) - 1; e >= 0; e-- {
					if evs[e].kind == evNested && evs[e].open == stack[k] {
						evs[e].close = mark{r, f, off}
						break
					}
				}
			}
			stack = stack[:k]
		}
		out[pi] = evs
		if len(stack) == 0 {
			carried = 0
			continue
		}
		next := ""
		if pi+1 < len(paras) {
			next = strings.TrimLeft(p.File.Slice(paras[pi+1].Span), " 　")
		}
		quoteGoesOn := stack[len(stack)-1].fam == famDouble && strings.HasPrefix(next, "“")
		if quoteGoesOn {
			stack = stack[:len(stack)-1] // the next paragraph's “ continues it
		}
		if next != "" && carried < maxCarry && (quoteGoesOn || !document.EndsSentence(text)) {
			carried++
			continue
		}
		// Report what is still open where it was opened.
		for _, m := range stack {
			pj := p.File.ParagraphAt(m.off)
			out[pj] = append(out[pj], pairEvent{kind: evUnclosed, open: m})
		}
		stack, carried = nil, 0
	}
	return out
}

// mismatchFor returns the index in stack of the opening mark that r wrongly
// closes, or -1: only the innermost open mark is considered.
func mismatchFor(stack []mark, r rune) int {
	if len(stack) == 0 {
		return -1
	}
	top := len(stack) - 1
	for _, c := range mismatch[stack[top].fam] {
		if c == r {
			return top
		}
	}
	return -1
}

// isLatinNeighbour reports whether the mark at i sits between Latin
// letters (an apostrophe: don’t).
func isLatinNeighbour(text string, i int) bool {
	before, after := neighbours(text, i, i+len("’"))
	return isLatin(before) && isLatin(after)
}

// listMarker reports whether the closing bracket at i ends a list marker
// such as 1） a) ② ⅰ) at the start of a clause.
func listMarker(text string, i int) bool {
	before := text[:i]
	r, size := utf8.DecodeLastRuneInString(before)
	if size == 0 || !(isDigit(r) || isLatin(r) || strings.ContainsRune("一二三四五六七八九十", r)) {
		return false
	}
	before = strings.TrimRightFunc(before, func(r rune) bool {
		return isDigit(r) || isLatin(r) || strings.ContainsRune("一二三四五六七八九十", r)
	})
	r, size = utf8.DecodeLastRuneInString(before)
	return size == 0 || strings.ContainsRune("，。；：、 　\t", r)
}

// Unbalanced reports paired marks that are not closed, or closed without
// being opened, within a paragraph.
var Unbalanced = &check.Rule{
	ID: "PU003", Name: "unbalanced-pair", Category: check.Punctuation, Severity: check.Error,
	Doc: check.Doc{
		Title:  "引号、括号或书名号不成对",
		Text:   "引号、括号、书名号应成对使用。跨段引用时，每段开头用前引号、只在最后一段末尾用后引号，不在此列。书名号“》”不能当作大于号。",
		Wrong:  "举办“党建引领乡村振兴第三届春训班，学员（含村干部120人。实现1＋1＋1》3的效果。",
		Right:  "举办“党建引领乡村振兴第三届春训班”，学员（含村干部120人）。实现1＋1＋1＞3的效果。",
		Source: "GB/T 15834—2011 4.8、4.9、4.15",
	},
	Run: func(p *check.Pass) {
		skip := newSkipper(p)
		text := p.File.Text
		for _, evs := range scanPairs(p, skip) {
			for _, e := range evs {
				switch e.kind {
				case evUnclosed:
					if cmp, ok := comparison(text, e.open.off, e.open.r); ok {
						p.Report(document.Span{Start: e.open.off, End: e.open.off + utf8.RuneLen(e.open.r)}, "“"+string(e.open.r)+"”是书名号，表示“小于”应用“"+cmp+"”",
							check.Fix{Message: "改为" + cmp, Replacement: cmp, Certain: true})
						continue
					}
					p.Report(document.Span{Start: e.open.off, End: e.open.off + utf8.RuneLen(e.open.r)}, "“"+string(e.open.r)+"”没有对应的“"+string(closeOf[e.open.r])+"”")
				case evStray:
					if cmp, ok := comparison(text, e.close.off, e.close.r); ok {
						p.Report(document.Span{Start: e.close.off, End: e.close.off + utf8.RuneLen(e.close.r)}, "“"+string(e.close.r)+"”是书名号，表示“大于”应用“"+cmp+"”",
							check.Fix{Message: "改为" + cmp, Replacement: cmp, Certain: true})
						continue
					}
					p.Report(document.Span{Start: e.close.off, End: e.close.off + utf8.RuneLen(e.close.r)}, "“"+string(e.close.r)+"”前面没有与之对应的前半个符号")
				}
			}
		}
	},
}

// comparison reports whether the title mark at off stands between numbers
// (1＋1＋1》3) and returns the comparison sign meant.
func comparison(text string, off int, r rune) (string, bool) {
	if r != '》' && r != '《' {
		return "", false
	}
	size := utf8.RuneLen(r)
	before, after := neighbours(text, off, off+size)
	if !isDigit(before) || !isDigit(after) {
		return "", false
	}
	if r == '》' {
		return "＞", true
	}
	return "＜", true
}

// Mismatched reports a pair closed with another kind of mark: “…」, 《…>,
// （…】.
var Mismatched = &check.Rule{
	ID: "PU002", Name: "mismatched-pair", Category: check.Punctuation, Severity: check.Error,
	Doc: check.Doc{
		Title:  "前后标点不配套",
		Text:   "成对标点的前后两半应是同一种符号：中文引号“”、括号（）、书名号《》不能与「」、】、>等混用。",
		Wrong:  "开展“四送一服」活动，学习《条例>。",
		Right:  "开展“四送一服”活动，学习《条例》。",
		Source: "GB/T 15834—2011 4.8、4.9、4.15",
	},
	Run: func(p *check.Pass) {
		for _, evs := range scanPairs(p, newSkipper(p)) {
			for _, e := range evs {
				if e.kind != evMismatch {
					continue
				}
				want := string(closeOf[e.open.r])
				if e.open.r == '(' {
					want = "）"
				}
				p.Report(document.Span{Start: e.close.off, End: e.close.off + utf8.RuneLen(e.close.r)}, "前面是“"+string(e.open.r)+"”，后面应是“"+want+"”，不是“"+string(e.close.r)+"”",
					check.Fix{Message: "改为" + want, Replacement: want, Certain: true})
			}
		}
	},
}

// Nesting reports double quotes inside double quotes: “开展“四送一服”活动”
// should quote the inner part with single quotes.
var Nesting = &check.Rule{
	ID: "PU004", Name: "quote-nesting", Category: check.Punctuation, Severity: check.Error,
	Doc: check.Doc{
		Title:  "引号嵌套错误",
		Text:   "引号里面还要用引号时，外面用双引号，里面用单引号。",
		Wrong:  "提出“深入开展“四送一服”活动”的要求。",
		Right:  "提出“深入开展‘四送一服’活动”的要求。",
		Source: "GB/T 15834—2011 4.8.3",
	},
	Run: func(p *check.Pass) {
		text := p.File.Text
		for _, evs := range scanPairs(p, newSkipper(p)) {
			balanced := true
			for _, e := range evs {
				if e.kind != evNested {
					balanced = false
				}
			}
			if !balanced {
				continue // a missing quote makes quotes look nested
			}
			for _, e := range evs {
				if e.kind != evNested || e.close.r == 0 {
					continue
				}
				span := document.Span{Start: e.open.off, End: e.close.off + len("”")}
				inner := text[span.Start+len("“") : span.End-len("”")]
				p.Report(span, "引号内的引号应使用单引号", check.Fix{Message: "改为单引号", Replacement: "‘" + inner + "’", Certain: true})
			}
		}
	},
}
