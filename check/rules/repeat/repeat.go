// Package repeat finds text written twice: a sentence repeated within a
// report (left behind when a passage was pasted in again), and a phrase or
// clause repeated at once (进一步加强进一步加强, 确保按期完工，确保按期完工).
package repeat

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"zongjie"
	"zongjie/check"
	"zongjie/document"
	"zongjie/outline"
)

// Rules of the repeat category.
var Rules = []*check.Rule{Sentence, Adjacent}

// minSentence is the shortest sentence, in Chinese characters, reported
// as repeated: shorter ones recur legitimately, such as the run-in
// headings a 政府工作报告 repeats in its review and its plan (推进节能减排和
// 生态环境保护。, 13).
const minSentence = 15

// Sentence reports a sentence that occurs earlier in the same report, and
// a paragraph that repeats the paragraph before it.
var Sentence = &check.Rule{
	ID: "RP001", Name: "repeated-sentence", Category: check.Repeat, Severity: check.Warning,
	Doc: check.Doc{
		Title:  "句子重复",
		Text:   "同一份报告中同一句话（15个汉字以上）出现两次，多是复制粘贴时重复了段落或沿用模板时没有删净。标题、表格以及名词解释、注释中对正文的复述不在此列。",
		Wrong:  "一、主要工作\n深入开展“门前三包”专项整治，街道面貌明显改善。\n二、下步打算\n深入开展“门前三包”专项整治，街道面貌明显改善。",
		Right:  "一、主要工作\n深入开展“门前三包”专项整治，街道面貌明显改善。\n二、下步打算\n巩固“门前三包”整治成果，建立长效管理机制。",
		Source: "公文审校常规",
	},
	Run: func(p *check.Pass) {
		text := p.File.Text
		var sents []document.Span
		for _, r := range p.Reports {
			headings := headingSpans(r) // in document order
			h := 0
			seen := map[uint64]document.Span{} // hash of the normalised sentence → its first occurrence
			var prev document.Span             // the last paragraph with text
			for _, para := range p.File.Paragraphs {
				// A glossary's entries, notes and attachments restate the
				// text by design: their sentences are not repeats.
				if !r.Span.Contains(para.Span.Start) || para.Kind == document.TableRow || restates(r, text, para.Span) {
					continue
				}
				if strings.TrimSpace(text[para.Span.Start:para.Span.End]) == "" {
					continue
				}
				// A paragraph pasted twice: the same text as the paragraph
				// before it, whatever its sentences (开局之年。…如下：), but
				// for spaces at its ends.
				last := prev
				prev = para.Span
				if last.End > last.Start && strings.TrimSpace(text[last.Start:last.End]) == strings.TrimSpace(text[para.Span.Start:para.Span.End]) &&
					hanAtLeast(text[para.Span.Start:para.Span.End], minSentence) && !isHeading(headings, para.Span.Start) {
					p.Report(para.Span, "这一段与上一段（第"+strconv.Itoa(p.File.Position(last.Start).Line)+"行）重复")
					continue
				}
				sents = sentences(sents[:0], text, para.Span)
				for _, s := range sents {
					whole := s.Start
					s.Start += markerLen(text[s.Start:s.End])
					// Whole sentences only: a title or byline line without an
					// end mark is page layout, and pages repeat it.
					last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(text[s.Start:s.End], "”"))
					if !strings.ContainsRune("。！？；", last) || s.Len() < 3*minSentence || !hanAtLeast(text[s.Start:s.End], minSentence) {
						continue
					}
					for h < len(headings) && headings[h].End <= s.Start {
						h++
					}
					if h < len(headings) && headings[h].Contains(s.Start) {
						continue
					}
					key := hash(text[s.Start:s.End])
					if first, ok := seen[key]; ok && normalise(text[first.Start:first.End]) == normalise(text[s.Start:s.End]) {
						if first.End == whole && s.Start == whole && utf8.RuneCountInString(text[s.Start:s.End]) <= maxRun {
							continue // written twice in a row: RP002 reports it, with a fix
						}
						line := p.File.Position(first.Start).Line
						p.Report(s, "这句话与第"+strconv.Itoa(line)+"行重复")
						continue
					}
					seen[key] = s
				}
			}
		}
	},
}

// isHeading reports whether off starts one of the headings.
func isHeading(headings []document.Span, off int) bool {
	for _, h := range headings {
		if h.Start == off {
			return true
		}
	}
	return false
}

// restates reports whether the paragraph at para is one that restates
// the report's text by design: an entry of its glossary ("［12］“四个不摘”：
// …") or its notes. A paragraph inside a glossary that is no entry was put
// there, and an attachment is a document of its own: both are checked like
// the body.
func restates(r *zongjie.Report, text string, para document.Span) bool {
	for _, a := range r.Asides {
		if !a.Span.Contains(para.Start) {
			continue
		}
		switch a.Kind {
		case zongjie.AsideNotes:
			return true
		case zongjie.AsideGlossary:
			return outline.IsGlossaryEntry(text[para.Start:para.End])
		}
	}
	return false
}

// hash returns the FNV-1a hash of a sentence as normalise leaves it,
// without building the string.
func hash(s string) uint64 {
	s = strings.TrimRight(s, "。！？；”")
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\t' {
			continue
		}
		if c == 0xE3 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x80 {
			i += 2 // U+3000, the ideographic space
			continue
		}
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// headingSpans returns the spans of the headings of a report; the items
// of enumerations (一是…) are sentences like any other.
func headingSpans(r *zongjie.Report) []document.Span {
	var out []document.Span
	zongjie.Walk(r.Outline, func(s *zongjie.Section) {
		switch s.Form {
		case outline.FormShi, outline.FormYao, outline.FormDi, outline.FormShouxian, outline.FormQiyi:
		default:
			out = append(out, s.Span)
		}
	})
	return out
}

// sentences appends to out the sentences of a paragraph, each ending with
// its mark.
func sentences(out []document.Span, text string, para document.Span) []document.Span {
	start := para.Start
	for i := para.Start; i < para.End; {
		// The end marks are three bytes: E3 80 82 (。), EF BC 81 (！),
		// EF BC 9F (？), EF BC 9B (；); other bytes are skipped undecoded.
		c := text[i]
		i++
		if c != 0xE3 && c != 0xEF || i+1 >= para.End {
			continue
		}
		b1, b2 := text[i], text[i+1]
		if c == 0xE3 && b1 == 0x80 && b2 == 0x82 || c == 0xEF && b1 == 0xBC && (b2 == 0x81 || b2 == 0x9F || b2 == 0x9B) {
			i += 2
			// Keep a closing quote with its sentence.
			for strings.HasPrefix(text[i:para.End], "”") {
				i += len("”")
			}
			out = append(out, document.Span{Start: start, End: i})
			start = i
		}
	}
	if start < para.End {
		out = append(out, document.Span{Start: start, End: para.End})
	}
	return out
}

// markerLen returns the length of an enumeration marker opening s (一是,
// 二要, 首先，, 第一，), which the sentence is compared without.
func markerLen(s string) int {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !strings.ContainsRune("一二三四五六七八九十", r) {
			break
		}
		i += size
	}
	if i > 0 && (strings.HasPrefix(s[i:], "是") || strings.HasPrefix(s[i:], "要")) {
		return i + len("是")
	}
	for _, w := range []string{"首先，", "其次，", "再次，", "最后，", "同时，", "此外，"} {
		if strings.HasPrefix(s, w) {
			return len(w)
		}
	}
	return 0
}

// normalise drops spaces and the end mark, so that the same sentence
// matches wherever it stands.
func normalise(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u3000' || r == '\t' {
			return -1
		}
		return r
	}, s)
	s = strings.TrimRight(s, "。！？；”")
	return s
}

// Adjacent reports a phrase of three characters or more written twice in
// a row, or a clause or a run of clauses (up to a few sentences) repeated
// right after itself.
var Adjacent = &check.Rule{
	ID: "RP002", Name: "repeated-phrase", Category: check.Repeat, Severity: check.Error,
	Doc: check.Doc{
		Title:  "词语或分句连续重复",
		Text:   "同一词语（三个字以上）、同一分句或连续几个分句紧挨着写了两遍，多为编辑时重复粘贴。叠词（研究研究、一天天）和排比（抓党建、抓发展）不在此列。",
		Wrong:  "进一步加强进一步加强基层治理，确保按期完工，确保按期完工。",
		Right:  "进一步加强基层治理，确保按期完工。",
		Source: "公文审校常规",
	},
	Run: func(p *check.Pass) {
		text := p.File.Text
		var rs []rune
		var offs []int
		var next nextPair
		for _, para := range p.File.Paragraphs {
			t := text[para.Span.Start:para.Span.End]
			rs, offs = rs[:0], offs[:0]
			for i, r := range t {
				rs = append(rs, r)
				offs = append(offs, i)
			}
			offs = append(offs, len(t))
			next.build(rs)
			for i := 0; i+6 <= len(rs); i++ {
				// The longest n (3…20) with rs[i:i+n] == rs[i+n:i+2n]; a
				// clause repeated with its comma counts the comma in n.
				// Such an n is a distance at which the pair rs[i:i+2]
				// recurs: walk those, nearest first, keep the longest.
				// At the start of a clause, a run of whole clauses may be
				// longer (大桥全线贯通，两地交流更加密切。written twice).
				found := 0
				limit := maxUnit
				if i == 0 || isMark(rs[i-1]) {
					limit = maxRun
				}
				limit = min(limit, (len(rs)-i)/2)
				for j := next.at[i]; j >= 0 && int(j)-i <= limit; j = next.at[j] {
					if n := int(j) - i; n >= 3 && equal(rs[i:i+n], rs[i+n:i+2*n]) && (n <= maxUnit && wordOrClause(rs, i, n) || clauseRun(rs, i, n)) {
						found = n
					}
				}
				if found == 0 {
					continue
				}
				start, mid, end := para.Span.Start+offs[i], para.Span.Start+offs[i+found], para.Span.Start+offs[i+2*found]
				if p.Generated(start) {
					continue
				}
				p.Report(document.Span{Start: mid, End: end}, "“"+shorten(strings.Trim(text[start:mid], "，、；"))+"”连续写了两遍",
					check.Fix{Message: "删除重复部分", Replacement: "", Certain: true})
				i += 2*found - 1
			}
		}
	},
}

// nextPair links each position of a paragraph to the next position
// holding the same two characters: a phrase written twice in a row is a
// pair that recurs at the phrase's length, and most pairs do not recur
// within twenty characters, so following the links costs far less than
// comparing every length at every position.
type nextPair struct {
	at   []int32  // at[i]: the next j > i with rs[j:j+2] == rs[i:i+2], or -1
	keys []uint64 // open-addressing table: pair → slot
	vals []int32  // the nearest position seen so far of the slot's pair
}

func (x *nextPair) build(rs []rune) {
	n := len(rs)
	x.at = slices.Grow(x.at[:0], n)[:n]
	size, shift := 16, uint(60)
	for size < 2*n {
		size, shift = size*2, shift-1
	}
	if cap(x.keys) < size {
		x.keys, x.vals = make([]uint64, size), make([]int32, size)
	}
	x.keys, x.vals = x.keys[:size], x.vals[:size]
	clear(x.keys)
	if n > 0 {
		x.at[n-1] = -1
	}
	for i := n - 2; i >= 0; i-- {
		key := uint64(rs[i])<<32 | uint64(uint32(rs[i+1])) | 1<<63 // never 0, the empty slot
		h := (key * 0x9E3779B97F4A7C15) >> shift
		for x.keys[h] != 0 && x.keys[h] != key {
			h = (h + 1) & uint64(size-1)
		}
		if x.keys[h] == key {
			x.at[i] = x.vals[h]
		} else {
			x.keys[h] = key
			x.at[i] = -1
		}
		x.vals[h] = int32(i)
	}
}

// maxUnit is the longest phrase, in characters, RP002 looks for; maxRun
// the longest run of whole clauses (a sentence or two pasted twice).
const (
	maxUnit = 20
	maxRun  = 400
)

// clauseRun reports whether the unit rs[i:i+n], found twice in a row, is a
// run of whole clauses: it starts a clause, ends with a clause mark
// (，；。！？：) and holds six Chinese characters or more — 大桥全线贯通，两地
// 交流更加密切。 pasted again right after itself. Parallel phrases (抓党建、
// 抓发展) differ from each other; a short refrain (加油，加油) has too few
// characters to be a run.
func clauseRun(rs []rune, i, n int) bool {
	if !(i == 0 || isMark(rs[i-1])) {
		return false
	}
	switch rs[i+n-1] {
	case '，', '；', '。', '！', '？', '：':
	default:
		return false
	}
	han, placeholder := 0, false
	for _, r := range rs[i : i+n] {
		switch {
		case r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF:
			han++
		case r == 'x' || r == 'X' || r == '*' || r == '＊' || r == '×' || r == '□' || r == '○':
			placeholder = true
		}
	}
	return han >= 6 && (han >= 8 || !placeholder)
}

// shorten returns s cut to 30 characters.
func shorten(s string) string {
	if r := []rune(s); len(r) > 30 {
		return string(r[:30]) + "…"
	}
	return s
}

func equal(a, b []rune) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// wordOrClause reports whether the unit rs[i:i+n], found twice in a row,
// is a repeated word (two Chinese characters or more, no mark: 进一步加强)
// or a repeated clause (a mark only at its start or end, and the first copy
// starting a clause: ，确保按期完工). Units with a mark inside are pieces of
// longer parallel phrases (绿色[工厂、零碳][工厂、零碳]园区; 申请xx份，同意
// 申请xx份) and repeat legitimately.
func wordOrClause(rs []rune, i, n int) bool {
	unit := rs[i : i+n]
	han := hanCount(string(unit))
	if han < 2 || han < 4 && strings.ContainsAny(string(unit), "xX*＊×□○") {
		return false // 户xxxx, 、**社区 (names anonymised alike), digits and marks
	}
	marks := 0
	for k, r := range unit {
		if isMark(r) {
			if k != 0 && k != n-1 {
				return false
			}
			marks++
		}
	}
	if marks == 0 {
		return true
	}
	return isMark(unit[0]) || i == 0 || isMark(rs[i-1])
}

func isMark(r rune) bool {
	switch r {
	case '，', '、', '；', '。', '：', '！', '？':
		return true
	}
	return false
}

// hanAtLeast reports whether s holds n Chinese characters or more.
func hanAtLeast(s string, n int) bool {
	for _, r := range s {
		if r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF {
			if n--; n <= 0 {
				return true
			}
		}
	}
	return n <= 0
}

// hanCount returns the number of Chinese characters in s.
func hanCount(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF {
			n++
		}
	}
	return n
}
