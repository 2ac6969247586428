package typo

import (
	"strings"
	"unicode/utf8"

	"zongjie/check"
	"zongjie/document"
)

// NonWord reports a string that is no word where one character, read for
// a character that sounds or looks like it, makes a frequent word that
// fits the text (然气 → 燃气, 贯澈 → 贯彻): typos that no list of pairs
// holds. See README.md, "TY008".
var NonWord = &check.Rule{
	ID: "TY008", Name: "typo-nonword", Category: check.Typo, Severity: check.Warning, OffByDefault: true,
	Doc: check.Doc{
		Title: "疑似错别字（非词）",
		Text: "不在词表中的字串，其中一个字换成同音（不计声调）或形近的字后，成为常用词且与上下文相合（如“然气”→“燃气”、" +
			"“贯澈”→“贯彻”、“统畴”→“统筹”）。词表取自 gse 分词词典（约35万词及词频），读音取自 go-pinyin；" +
			"只报全文中只出现一次、且不在引号内、不是地名机构名的字串，并要求改后的词在文中别处出现过或远比原文通顺。建议修改，需人工确认。",
		Wrong:  "全面贯澈落实党的二十大精神，坚持贯彻新发展理念。",
		Right:  "全面贯彻落实党的二十大精神，坚持贯彻新发展理念。",
		Source: "同音、形近字误用（《咬文嚼字》别字类型）；词表：gse v0.80.3 词典（Apache-2.0，部分来自 jieba，MIT）",
	},
	Run: runNonWord,
}

// suspect is one span that TY008 takes for a typo.
type suspect struct {
	start, end int     // byte offsets of the wrong form in the text
	right      string  // the word it stands for
	rightFreq  int32   // the frequency of that word
	gain       float64 // how much more probable the text reads with it (natural log)
	steals     bool    // a character of the span belongs to a word reaching outside it
}

// Parameters of the detector (see README.md, "TY008").
const (
	maxWord = 4 // the longest word considered
	context = 3 // characters either side of a span that the comparison reads
	// minGain is the least gain when the corrected word occurs elsewhere
	// in the text; strongGain and strongFreq the least gain and frequency
	// of the word when it does not.
	minGain    = 9.0
	strongGain = 14.0
	strongFreq = 1000
)

// runNonWord reports the suspects of the text that pass the document's
// tests.
func runNonWord(p *check.Pass) {
	l, err := loadLexicon()
	if err != nil {
		p.Report(document.Span{}, "词表无法读取："+err.Error())
		return
	}
	text := p.File.Text
	l.findings(text, func(s suspect) {
		if skip(p, s.start) {
			return
		}
		wrong := text[s.start:s.end]
		p.Report(document.Span{Start: s.start, End: s.end}, "“"+wrong+"”疑为“"+s.right+"”",
			check.Fix{Message: "改为“" + s.right + "”", Replacement: s.right})
	})
}

// findings calls fn for every suspect of text that passes the tests of
// plausible.
func (l *lexicon) findings(text string, fn func(suspect)) {
	l.detect(text, func(s suspect) {
		if plausible(text, s) {
			fn(s)
		}
	})
}

// plausible applies the tests that need the whole text: the wrong form
// is written once only (a string written twice is meant), the span is
// not a coined word in short quotes (“两山”), not the first part of a
// name (…路, …社区, …高速), not glued to Latin letters or digits, not
// a pair of TY001 (which reports it as certain), and the corrected word
// occurs elsewhere in the text or the gain is large.
func plausible(text string, s suspect) bool {
	wrong := text[s.start:s.end]
	if s.steals || strings.Count(text, wrong) > 1 || quotedShort(text, s.start, s.end) || beforeName(text[s.end:]) {
		return false
	}
	if r := prevRune(text, s.start); r < utf8.RuneSelf && isAlnum(byte(r)) {
		return false
	}
	if s.end < len(text) && isAlnum(text[s.end]) {
		return false
	}
	if inPair(text, s.start, s.end) {
		return false
	}
	if strings.Contains(text, s.right) {
		return s.gain >= minGain
	}
	return s.gain >= strongGain && s.rightFreq >= strongFreq
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// nameSuffixes end names of places, roads, lines and bodies: a span just
// before one is part of a name the lexicon does not hold (张江科学城,
// 店头电厂, 南枫线).
var nameSuffixes = []string{
	"路", "街", "巷", "道", "村", "镇", "乡", "县", "社区", "片区", "园区", "新区", "线", "段", "港", "站", "桥", "岛", "湾",
	"寺", "厂", "矿", "城", "高速", "铁路", "城际", "机场", "大道", "电厂", "电站", "公司", "集团", "学院", "大学", "中学",
	"小学", "医院", "号",
}

// beforeName reports whether after starts with a name suffix.
func beforeName(after string) bool {
	for _, s := range nameSuffixes {
		if strings.HasPrefix(after, s) {
			return true
		}
	}
	return false
}

// quotedShort reports whether [start, end) lies within a short quotation
// (“两山”, “邻礼通”): a coined slogan or name, written on purpose.
func quotedShort(text string, start, end int) bool {
	before := text[max(0, start-12):start]
	open := strings.LastIndex(before, "“")
	if open < 0 || strings.Contains(before[open:], "”") {
		return false
	}
	after := text[end:min(len(text), end+12)]
	close := strings.Index(after, "”")
	return close >= 0 && !strings.Contains(after[:close], "“")
}

// inPair reports whether a pair of TY001 overlaps [start, end).
func inPair(text string, start, end int) bool {
	lo, hi := max(0, start-12), min(len(text), end+12)
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo--
	}
	for hi < len(text) && !utf8.RuneStart(text[hi]) {
		hi++
	}
	found := false
	pairDict.scan(text[lo:hi], func(i int, e *entry) {
		if lo+i < end && lo+i+len(e.wrong) > start {
			found = true
		}
	})
	return found
}

// scanner holds the buffers of one detection.
type scanner struct {
	l       *lexicon
	text    string
	ids     []uint16
	offs    []int // byte offset of each character of the run, and of its end
	covered []bool
}

// detect calls fn for every suspect of text, in order: a span of two to
// four characters, none of them part of a word or corpus string of the
// text at that place save in the span, where replacing one uncovered
// character by a confusable one makes a word of at least fillFloor that
// makes the text around it more probable by minGain or more.
func (l *lexicon) detect(text string, fn func(suspect)) {
	sc := &scanner{l: l, text: text}
	for i := 0; i < len(text); {
		c, size := decodeAt(text, i)
		var id uint16
		if c < 0x10000 {
			id = l.id[c]
		}
		if id == 0 {
			sc.flush(i, fn)
		} else {
			sc.ids = append(sc.ids, id)
			sc.offs = append(sc.offs, i)
		}
		i += size
	}
	sc.flush(len(text), fn)
}

// flush examines the run gathered so far, which ends at byte offset end.
func (sc *scanner) flush(end int, fn func(suspect)) {
	if len(sc.ids) >= 2 {
		sc.offs = append(sc.offs, end)
		sc.run(fn)
	}
	sc.ids, sc.offs = sc.ids[:0], sc.offs[:0]
}

// run finds the suspects of one run of lexicon characters.
func (sc *scanner) run(fn func(suspect)) {
	l, ids, n := sc.l, sc.ids, len(sc.ids)
	if cap(sc.covered) < n {
		sc.covered = make([]bool, n)
	}
	cov := sc.covered[:n]
	clear(cov)
	// Two-character words first: they cover most characters.
	for j := 0; j+1 < n; j++ {
		if l.pairs.has(uint32(ids[j])<<16 | uint32(ids[j+1])) {
			cov[j], cov[j+1] = true, true
		}
	}
	for j := 0; j < n; j++ {
		if !cov[j] && sc.coveredLong(j) {
			cov[j] = true
		}
	}
	next := 0 // the first character a new span may hold
	for i := 0; i < n; i++ {
		if cov[i] || i < next {
			continue
		}
		if s, e, ok := sc.best(i, next); ok {
			fn(s)
			next = e
		}
	}
}

// coveredLong reports whether a word or corpus string of three or four
// characters covers character j of the run.
func (sc *scanner) coveredLong(j int) bool {
	ids := sc.ids
	for k := 3; k <= maxWord; k++ {
		for s := max(0, j-k+1); s <= j && s+k <= len(ids); s++ {
			if sc.l.known(pack(ids[s : s+k])) {
				return true
			}
		}
	}
	return false
}

// best returns the best suspect whose substituted character is i and
// whose span starts at next or later, and the end of its span in
// characters.
func (sc *scanner) best(i, next int) (suspect, int, bool) {
	l, ids, n := sc.l, sc.ids, len(sc.ids)
	best := suspect{gain: minGain}
	bs, be := 0, 0
	var win [maxWord]uint16
	for k := 2; k <= maxWord; k++ {
		for s := max(i-k+1, next); s <= i && s+k <= n; s++ {
			copy(win[:k], ids[s:s+k])
			wrong := win[i-s]
			v, ok := l.fill.get(fillKey(win[:k], i-s))
			if !ok {
				continue
			}
			for _, key := range l.fills[v>>12 : v>>12+v&0xFFF] {
				right := charAt(key, i-s, k)
				if right == wrong || !l.confusable(wrong, right) {
					continue
				}
				if g := sc.gain(s, k, i, right); g > best.gain {
					best = suspect{gain: g, rightFreq: l.freq(key), right: l.word(key, k)}
					bs, be = s, s+k
				}
			}
		}
	}
	if best.right == "" {
		return best, 0, false
	}
	best.start, best.end = sc.offs[bs], sc.offs[be]
	best.steals = sc.steals(bs, be, i)
	return best, be, true
}

// word returns the text of a key of n characters.
func (l *lexicon) word(key uint64, n int) string {
	var b strings.Builder
	for j := range n {
		b.WriteRune(l.chars[charAt(key, j, n)].r)
	}
	return b.String()
}

// gain returns how much more probable the text around the span [s, s+k)
// reads with the character at i replaced by right: the cost of the best
// segmentation of the span and context characters either side, before
// and after.
func (sc *scanner) gain(s, k, i int, right uint16) float64 {
	lo, hi := max(0, s-context), min(len(sc.ids), s+k+context)
	var win [maxWord + 2*context]uint16
	w := win[:hi-lo]
	copy(w, sc.ids[lo:hi])
	before := sc.l.segCost(w)
	w[i-lo] = right
	return before - sc.l.segCost(w)
}

// segCost returns the cost (negative log-probability under a unigram
// model of the lexicon's frequencies) of the best segmentation of ids.
func (l *lexicon) segCost(ids []uint16) float64 {
	var best [maxWord + 2*context + 1]float64
	for j := 1; j <= len(ids); j++ {
		best[j] = best[j-1] + l.chars[ids[j-1]].cost
		for k := 2; k <= maxWord && k <= j; k++ {
			if f := l.freq(pack(ids[j-k : j])); f > 0 {
				best[j] = min(best[j], best[j-k]+l.cost(f))
			}
		}
	}
	return best[len(ids)]
}

// steals reports whether a character of the span [s, e) other than the
// one at i belongs to a word of the lexicon that reaches outside the span
// (推进兴边 read as 推 进行 边): the correction would break a word the
// text holds.
func (sc *scanner) steals(s, e, i int) bool {
	ids := sc.ids
	for a := max(0, s-maxWord+1); a < e; a++ {
		for k := 2; k <= maxWord && a+k <= len(ids); k++ {
			b := a + k
			if b <= s || a >= s && b <= e {
				continue // outside the span, or inside it
			}
			other := false
			for j := max(a, s); j < min(b, e); j++ {
				other = other || j != i
			}
			if other && sc.l.freq(pack(ids[a:b])) > 0 {
				return true
			}
		}
	}
	return false
}
