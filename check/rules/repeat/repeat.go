// Package repeat finds text written twice: a sentence repeated within a
// report (left behind when a passage was pasted in again), and a phrase or
// clause repeated at once (进一步加强进一步加强, 确保按期完工，确保按期完工).
package repeat

import (
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

// Sentence reports a sentence that occurs earlier in the same report.
var Sentence = &check.Rule{
	ID: "RP001", Name: "repeated-sentence", Category: check.Repeat, Severity: check.Warning,
	Doc: check.Doc{
		Title:  "句子重复",
		Text:   "同一份报告中同一句话（12个字以上）出现两次，多是复制粘贴时重复了段落或沿用模板时没有删净。标题和表格不在此列。",
		Wrong:  "一、主要工作\n深入开展“门前三包”专项整治，街道面貌明显改善。\n二、下步打算\n深入开展“门前三包”专项整治，街道面貌明显改善。",
		Right:  "一、主要工作\n深入开展“门前三包”专项整治，街道面貌明显改善。\n二、下步打算\n巩固“门前三包”整治成果，建立长效管理机制。",
		Source: "公文审校常规",
	},
	Run: func(p *check.Pass) {
		text := p.File.Text
		for _, r := range p.Reports {
			headings := headingSpans(r)
			seen := map[string]int{} // normalised sentence → offset of its first occurrence
			for _, para := range p.File.Paragraphs {
				if !r.Span.Contains(para.Span.Start) || para.Kind == document.TableRow {
					continue
				}
				for _, s := range sentences(text, para.Span) {
					s.Start += markerLen(text[s.Start:s.End])
					// Whole sentences only: a title or byline line without an
					// end mark is page layout, and pages repeat it.
					last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(text[s.Start:s.End], "”"))
					if hanCount(text[s.Start:s.End]) < minSentence || !strings.ContainsRune("。！？；", last) || inAny(headings, s.Start) {
						continue
					}
					key := normalise(text[s.Start:s.End])
					if first, ok := seen[key]; ok {
						line := p.File.Position(first).Line
						p.Report(s, "这句话与第"+strconv.Itoa(line)+"行重复")
						continue
					}
					seen[key] = s.Start
				}
			}
		}
	},
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

func inAny(spans []document.Span, off int) bool {
	for _, s := range spans {
		if s.Contains(off) {
			return true
		}
	}
	return false
}

// sentences splits a paragraph into sentences, each ending with its mark.
func sentences(text string, para document.Span) []document.Span {
	var out []document.Span
	start := para.Start
	for i := para.Start; i < para.End; {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if r == '。' || r == '！' || r == '？' || r == '；' {
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
// a row, or a clause repeated right after itself.
var Adjacent = &check.Rule{
	ID: "RP002", Name: "repeated-phrase", Category: check.Repeat, Severity: check.Error,
	Doc: check.Doc{
		Title:  "词语或分句连续重复",
		Text:   "同一词语（三个字以上）或同一分句紧挨着写了两遍，多为编辑时重复粘贴。叠词（研究研究、一天天）不在此列。",
		Wrong:  "进一步加强进一步加强基层治理，确保按期完工，确保按期完工。",
		Right:  "进一步加强基层治理，确保按期完工。",
		Source: "公文审校常规",
	},
	Run: func(p *check.Pass) {
		text := p.File.Text
		for _, para := range p.File.Paragraphs {
			t := text[para.Span.Start:para.Span.End]
			rs := []rune(t)
			offs := make([]int, 0, len(rs)+1)
			for i := range t {
				offs = append(offs, i)
			}
			offs = append(offs, len(t))
			for i := 0; i < len(rs); i++ {
				// The longest n (3…20) with rs[i:i+n] == rs[i+n:i+2n]; a
				// clause repeated with its comma counts the comma in n.
				found := 0
				for n := min(20, (len(rs)-i)/2); n >= 3; n-- {
					if rs[i] == rs[i+n] && equal(rs[i:i+n], rs[i+n:i+2*n]) && wordOrClause(rs, i, n) {
						found = n
						break
					}
				}
				if found == 0 {
					continue
				}
				start, mid, end := para.Span.Start+offs[i], para.Span.Start+offs[i+found], para.Span.Start+offs[i+2*found]
				if p.Generated(start) {
					continue
				}
				p.Report(document.Span{Start: mid, End: end}, "“"+strings.Trim(text[start:mid], "，、；")+"”连续写了两遍",
					check.Fix{Message: "删除重复部分", Replacement: "", Certain: true})
				i += 2*found - 1
			}
		}
	},
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

func isMark(r rune) bool { return strings.ContainsRune("，、；。：！？", r) }

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
