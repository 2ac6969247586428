// Package repeat finds text written twice: a sentence repeated within a
// report (left behind when a passage was pasted in again), and a phrase or
// clause repeated at once (进一步加强进一步加强, 确保按期完工，确保按期完工).
package repeat

import (
	"hash/maphash"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"zongjie"
	"zongjie/check"
	"zongjie/document"
	"zongjie/internal/words"
	"zongjie/outline"
)

// Rules of the repeat category.
var Rules = []*check.Rule{Sentence, Adjacent}

// minSentence is the shortest sentence, in Chinese characters, reported
// as repeated wherever it stands; minShort the shortest reported when one
// of the two copies stands inside a paragraph. Shorter ones recur
// legitimately as the run-in headings a 政府工作报告 repeats in its review
// and its plan (推进节能减排和生态环境保护。, 13; 促进区域经济协调发展。, 10),
// which open their paragraphs; a short sentence pasted into the body of
// another paragraph (规上企业研发经费投入增长14.2%。, 12) is not one.
const (
	minSentence = 15
	minShort    = 10
)

// Sentence reports a sentence that occurs earlier in the same report, and
// a paragraph that repeats the paragraph before it.
var Sentence = &check.Rule{
	ID: "RP001", Name: "repeated-sentence", Category: check.Repeat, Severity: check.Warning,
	Doc: check.Doc{
		Title: "句子重复",
		Text: "同一份报告中同一句话出现两次，多是复制粘贴时重复了段落或沿用模板时没有删净。句子按句号、问号、叹号分，" +
			"以分号隔开的分句、冒号后的部分也单独比较；十五个汉字以上的句子都会报告，十个汉字以上的句子在两处都位于段首时不报告（多为两部分重复的小标题）。" +
			"标题、表格以及名词解释、注释中对正文的复述不在此列；被换行拆开的句子（如“PM”与“2.5”分在两行）按一句比较。",
		Wrong:  "一、主要工作\n深入开展“门前三包”专项整治，街道面貌明显改善。\n二、下步打算\n深入开展“门前三包”专项整治，街道面貌明显改善。",
		Right:  "一、主要工作\n深入开展“门前三包”专项整治，街道面貌明显改善。\n二、下步打算\n巩固“门前三包”整治成果，建立长效管理机制。",
		Source: "公文审校常规",
	},
	Run: func(p *check.Pass) {
		text := p.File.Text
		var sents, us []document.Span
		for _, r := range p.Reports {
			headings := headingSpans(r) // in document order
			h := 0
			seen := map[uint64]seenUnit{} // hash of the normalised unit → its first occurrence
			var prev document.Span        // the last paragraph with text
			var group document.Span       // paragraphs joined where a line break cuts a sentence
			fragment := false             // whether the group's last paragraph is a joined piece without Chinese
			flush := func() {
				if group.End <= group.Start {
					return
				}
				sents = sentences(sents[:0], text, group)
				for _, s := range sents {
					whole := s.Start
					s.Start += markerLen(text[s.Start:s.End])
					for h < len(headings) && headings[h].End <= s.Start {
						h++
					}
					if h < len(headings) && headings[h].Contains(s.Start) {
						continue
					}
					opens := whole == group.Start
					us = units(us[:0], text, s)
					var reported document.Span
					for k, u := range us {
						if u.Start < reported.End && reported.Start < u.End {
							continue
						}
						if u.Len() < 3*minShort {
							continue // fewer than ten Chinese characters
						}
						// Whole units only: a title or byline line without an
						// end mark is page layout, and pages repeat it.
						last, _ := utf8.DecodeLastRuneInString(closeQuote.TrimRight(text[u.Start:u.End]))
						if !sentenceEnds.Contains(last) {
							continue
						}
						han := hanUpTo(text[u.Start:u.End], minSentence)
						if han < minShort {
							continue
						}
						long := han >= minSentence
						first := k == 0 && opens
						key := hash(text[u.Start:u.End])
						f, ok := seen[key]
						if ok && normalise(text[f.span.Start:f.span.End]) == normalise(text[u.Start:u.End]) {
							if !long && f.opens && first {
								continue // a run-in heading of the review repeated in the plan
							}
							if f.span.End == u.Start && utf8.RuneCountInString(text[u.Start:u.End]) <= maxRun {
								continue // written twice in a row: RP002 reports it, with a fix
							}
							p.Report(u, "这句话与第"+strconv.Itoa(p.File.Position(f.span.Start).Line)+"行重复")
							reported = u
							continue
						}
						if !ok {
							seen[key] = seenUnit{span: u, opens: first}
						}
					}
				}
				group = document.Span{}
			}
			for _, para := range p.File.Paragraphs {
				// A glossary's entries, notes and attachments restate the
				// text by design: their sentences are not repeats.
				if !r.Span.Contains(para.Span.Start) || para.Kind == document.TableRow || restates(r, text, para.Span) {
					flush() // no sentence runs across a paragraph left out
					continue
				}
				pt := text[para.Span.Start:para.Span.End]
				if words.TrimSpace(pt) == "" {
					continue
				}
				// A paragraph pasted twice: the same text as the paragraph
				// before it, whatever its sentences (开局之年。…如下：), but
				// for spaces at its ends.
				last := prev
				prev = para.Span
				if last.End > last.Start && words.TrimSpace(text[last.Start:last.End]) == words.TrimSpace(pt) &&
					hanAtLeast(pt, minSentence) && !isHeading(headings, para.Span.Start) {
					flush()
					p.Report(para.Span, "这一段与上一段（第"+strconv.Itoa(p.File.Position(last.Start).Line)+"行）重复")
					continue
				}
				if group.End > group.Start && continues(text[group.Start:group.End], pt, fragment) {
					fragment = hanCount(pt) == 0
					group.End = para.Span.End
					continue
				}
				flush()
				group, fragment = para.Span, false
			}
			flush()
		}
	},
}

// The characters the repeat rules trim or test for, as sets
// (words.Cutset: strings.TrimRight and ContainsRune encode each character
// they test to search a string of them).
var (
	closeQuote    = words.NewCutset("”")
	sentenceEnds  = words.NewCutset("。！？；")
	unitEnd       = words.NewCutset("。！？；”") // dropped from a unit before comparing
	blanks        = words.NewCutset(" \t\u3000")
	ordinalDigits = words.NewCutset("一二三四五六七八九十")
)

// seenUnit is the first occurrence of a unit: its span, and whether it is
// the first sentence of its paragraph (where run-in headings stand).
type seenUnit struct {
	span  document.Span
	opens bool
}

// units appends to out the units of sentence s that RP001 compares: the
// sentence itself first, then the part after its last colon (一年来，主要
// 做了以下工作：…。 pasted without its lead, or a sentence pasted after
// one), then its clauses ended by semicolons when it has more than one
// (a sentence of short clauses, each too short alone, pasted whole; or
// one clause of a long sentence pasted alone).
func units(out []document.Span, text string, s document.Span) []document.Span {
	out = append(out, s)
	// One pass over the full-width marks (EF BC xx): ： is EF BC 9A,
	// ； EF BC 9B.
	colon, semis := -1, 0
	t := text[:s.End]
	for i := s.Start; ; i += 3 {
		j := strings.Index(t[i:], "\xef\xbc")
		if j < 0 || i+j+2 >= s.End {
			break
		}
		i += j
		switch t[i+2] {
		case 0x9A:
			colon = i
		case 0x9B:
			if closeQuote.TrimRight(t[i+3:]) != "" {
				semis++
			}
		}
	}
	if colon >= 0 && colon+3 < s.End {
		out = append(out, document.Span{Start: colon + 3, End: s.End})
	}
	if semis > 0 {
		from := s.Start
		for {
			j := strings.Index(t[from:], "；")
			if j < 0 {
				break
			}
			out = append(out, document.Span{Start: from, End: from + j + len("；")})
			from += j + len("；")
		}
		if from < s.End {
			out = append(out, document.Span{Start: from, End: s.End})
		}
	}
	return out
}

// continues reports whether the paragraph next continues the sentence
// cut at the end of prev by a line break that is not a paragraph break:
// web copies break a line at a subscript or a link (细颗粒物（PM / 2.5 /
// ）和可吸入颗粒物, 根据《 / …法 / 》第五条). prev must not end a sentence or a
// heading-like line, and either end with an opening mark or a Latin
// letter, or be itself such a piece without Chinese characters
// (fragment), or next must start with a closing or inner mark or a digit
// after a Latin letter.
func continues(prev, next string, fragment bool) bool {
	prev, next = blanks.TrimRight(prev), blanks.TrimLeft(next)
	a, _ := utf8.DecodeLastRuneInString(prev)
	b, _ := utf8.DecodeRuneInString(next)
	switch a {
	case '。', '！', '？', '；', '：', '…', '!', '?', ';', ':':
		return false
	case '《', '（', '(', '“', '‘', '【', '[':
		return true
	}
	switch b {
	case '》', '）', ')', '”', '’', '】', ']', '，', '、', '。', '；', '：', '！', '？', '%', '％':
		return true
	}
	latin := a < 0x80 && (a >= 'A' && a <= 'Z' || a >= 'a' && a <= 'z')
	digit := a < 0x80 && a >= '0' && a <= '9'
	return latin || fragment && (digit || a == '.')
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

// hash returns a hash of a sentence as normalise leaves it, without
// building the string but where the sentence holds a space: the hash of
// the sentence without its end marks, with its spaces dropped. A
// sentence without spaces, most of them, is hashed as it stands, and
// the spaces are looked for with the library's vector byte search: both
// take a fraction of an instruction a byte.
func hash(s string) uint64 {
	s = unitEnd.TrimRight(s)
	if strings.IndexByte(s, ' ') >= 0 || strings.IndexByte(s, '\n') >= 0 || strings.IndexByte(s, '\t') >= 0 ||
		strings.IndexByte(s, '\r') >= 0 || strings.Contains(s, "\u3000") {
		s = dropSpaces(s)
	}
	return maphash.String(hashSeed, s)
}

// hashSeed is the seed of hash, the same for every file.
var hashSeed = maphash.MakeSeed()

// dropSpaces returns s without the spaces hash and normalise drop.
func dropSpaces(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\u3000', '\t', '\n', '\r':
			return -1
		}
		return r
	}, s)
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

// sentences appends to out the sentences of a span of text (a paragraph,
// or paragraphs a line break cuts a sentence across), each ending with its
// mark (。！？; the clauses ended by ； are units of their sentence).
func sentences(out []document.Span, text string, para document.Span) []document.Span {
	start := para.Start
	for i := para.Start; i < para.End; {
		// The end marks are three bytes: E3 80 82 (。), EF BC 81 (！),
		// EF BC 9F (？); other characters are skipped undecoded, one of
		// three bytes (led by E4–EE: most Chinese characters) at once.
		c := text[i]
		if c >= 0xE4 && c <= 0xEE {
			i += 3
			continue
		}
		i++
		if c != 0xE3 && c != 0xEF || i+1 >= para.End {
			continue
		}
		b1, b2 := text[i], text[i+1]
		if c == 0xE3 && b1 == 0x80 && b2 == 0x82 || c == 0xEF && b1 == 0xBC && (b2 == 0x81 || b2 == 0x9F) {
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
	// Most sentences open with none of the characters a marker or a
	// space starts with: their first byte tells (一二三四五六七八九十 and
	// 其再最同此 are led by E4–E6, 首 by E9, U+3000 by E3).
	if len(s) == 0 {
		return 0
	}
	switch s[0] {
	case ' ', '\t', 0xE3, 0xE4, 0xE5, 0xE6, 0xE9:
	default:
		return 0
	}
	t := blanks.TrimLeft(s)
	if n := len(s) - len(t); n > 0 {
		return n + markerLen(t)
	}
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !ordinalDigits.Contains(r) {
			break
		}
		i += size
	}
	if i > 0 && (strings.HasPrefix(s[i:], "是") || strings.HasPrefix(s[i:], "要")) {
		return i + len("是")
	}
	for _, w := range markerWords {
		if strings.HasPrefix(s, w) {
			return len(w)
		}
	}
	return 0
}

// markerWords are the words that open an item of an enumeration.
var markerWords = []string{"首先，", "其次，", "再次，", "最后，", "同时，", "此外，"}

// normalise drops spaces and the end mark, so that the same sentence
// matches wherever it stands.
func normalise(s string) string {
	return unitEnd.TrimRight(dropSpaces(s))
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
		var next nextPair
		for _, para := range p.File.Paragraphs {
			t := text[para.Span.Start:para.Span.End]
			rs = runes(t, rs[:0])
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
				start, mid, end := para.Span.Start+runeOffset(t, i), para.Span.Start+runeOffset(t, i+found), para.Span.Start+runeOffset(t, i+2*found)
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

// runes appends to rs the characters of t, as a range over t gives them
// (an invalid byte is one utf8.RuneError); the three-byte characters of
// Chinese text are decoded inline. Their offsets, wanted only where a
// repeat is found, are runeOffset's.
func runes(t string, rs []rune) []rune {
	rs = slices.Grow(rs, len(t)/3)
	for i := 0; i < len(t); {
		c := t[i]
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			if c&0xF0 == 0xE0 && i+2 < len(t) && t[i+1]&0xC0 == 0x80 && t[i+2]&0xC0 == 0x80 {
				r, size = rune(c&0x0F)<<12|rune(t[i+1]&0x3F)<<6|rune(t[i+2]&0x3F), 3
			}
			if size == 1 || r < 0x800 || r >= 0xD800 && r <= 0xDFFF {
				r, size = utf8.DecodeRuneInString(t[i:])
			}
		}
		rs = append(rs, r)
		i += size
	}
	return rs
}

// runeOffset returns the byte offset in t of its k-th character as a
// range over t counts them (len(t) past the last).
func runeOffset(t string, k int) int {
	for i := range t {
		if k == 0 {
			return i
		}
		k--
	}
	return len(t)
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
	return n <= 0 || hanUpTo(s, n) >= n
}

// hanUpTo returns the number of Chinese characters in s, counting up to n.
func hanUpTo(s string, n int) int {
	k := 0
	for i := 0; i < len(s) && k < n; {
		han, size := hanAt(s, i)
		if han {
			k++
		}
		i += size
	}
	return k
}

// hanCount returns the number of Chinese characters in s.
func hanCount(s string) int {
	return hanUpTo(s, len(s))
}

// hanAt reports whether a Chinese character (U+3400–U+4DBF,
// U+4E00–U+9FFF) starts at byte i of s, and the length of the character
// there as a range over s steps (1 for an invalid byte). Those characters
// are three bytes led by E3–E9, decoded inline.
func hanAt(s string, i int) (bool, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return false, 1
	}
	if c >= 0xE3 && c <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
		r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
		return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF, 3
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return false, size
}
