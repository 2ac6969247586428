// Package quantity finds every figure written in a report: its number and
// unit as written, its value in a base unit, approximation words, ranges,
// placeholders (xx, **, x.x), the indicator it measures and the change
// reported with it ("同比增长33.0%").
//
// It works on one paragraph at a time in a single left-to-right pass over
// the characters; candidates start only at digits, Chinese numerals and
// placeholder characters, so most of the text costs one rune decode.
package quantity

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"zongjie"
	"zongjie/document"
	"zongjie/internal/words"
	"zongjie/numeral"
)

// item is a quantity being built.
type item struct {
	start, end       int // the whole text: approximation words included
	numStart, numEnd int // the number (or placeholder)
	unitStart        int
	unitEnd          int
	value, valueTo   float64
	hasValue         bool
	isRange          bool
	fraction         bool // 1/3, 三分之一
	unit             unit
	unitWord         string
	scale            float64
	scaleTo          float64 // the high end's multiplier, for a range
	decimal          string  // exact ASCII form of value, when Arabic
	decimalTo        string
	approx           []string
	placeholder      bool
	numerals         string
	// Filled in by the growth pass.
	change    string // direction, when the item is a change
	basis     string
	verbStart int  // start of "同比增长" before a change
	gap       bool // the change is a gap to another group (比城镇居民高)
	growthOf  int  // index of the quantity this change belongs to, or -1
	growth    int  // index of the change attached to this quantity, or -1
	listPrev  int  // previous item of a 、-list, or -1
	// Filled in by the names pass.
	members []string // the kinds listed before 等 and the noun counted
	rest    bool     // the figure counts the rest of a whole told before (其余2个)
}

// Context tells Extract about the report's structure.
type Context struct {
	// Skip lists sorted spans whose numbers are not quantities: heading
	// markers (1. （2） 三是).
	Skip []document.Span
	// Titles lists sorted spans of heading titles. Chinese-numeral counts
	// there are slogans ("抓好两个振兴", "聚焦四个重点"), not quantities.
	Titles []document.Span
	// NoNames leaves every quantity's Name and Also empty: a caller that
	// needs the names of few figures asks for them by paragraph (Extract
	// on a paragraph's span gives its quantities as a run over the whole
	// text does; the scan keeps no state from one paragraph to the next).
	// Finding the names is about two fifths of the work.
	NoNames bool
}

// Extract returns the quantities in span of f.
func Extract(f *document.File, span document.Span, ctx Context) []zongjie.Quantity {
	var out []zongjie.Quantity
	sc := &scanner{f: f, text: f.Text, ctx: ctx, items: make([]item, 0, 64)}
	for i := range f.Paragraphs {
		p := &f.Paragraphs[i]
		if p.Span.End <= span.Start || p.Span.Start >= span.End {
			continue
		}
		ps := document.Span{Start: max(p.Span.Start, span.Start), End: min(p.Span.End, span.End)}
		if p.Kind == document.TableRow && len(p.Cells) > 0 {
			var header *document.Paragraph
			if i > 0 && f.Paragraphs[i-1].Kind == document.TableRow {
				// The first row of a run of rows is the header.
				h := i - 1
				for h > 0 && f.Paragraphs[h-1].Kind == document.TableRow {
					h--
				}
				header = &f.Paragraphs[h]
			}
			out = sc.tableRow(p, ps, header, out)
			continue
		}
		if isPageNumber(f.Text[ps.Start:ps.End]) {
			continue
		}
		out = sc.scanClause(ps, out)
	}
	return out
}

// scanner holds the state of one paragraph's scan.
type scanner struct {
	f     *document.File
	text  string // the whole file text; offsets are absolute
	start int    // paragraph start
	end   int    // paragraph end
	ctx   Context
	items []item
}

// scanClause scans one paragraph (or table cell) and appends its
// quantities to out. The scanner's item buffer is reused across paragraphs.
func (sc *scanner) scanClause(ps document.Span, out []zongjie.Quantity) []zongjie.Quantity {
	sc.start, sc.end, sc.items = ps.Start, ps.End, sc.items[:0]
	sc.scan()
	if len(sc.items) == 0 {
		return out
	}
	sc.growthPass()
	return sc.emit(out)
}

// tableRow scans the cells of a table row. A figure takes the row's label
// (its first cell) as its name, and a figure under a 同比/增长 column
// header becomes the growth of the figure before it in the row.
func (sc *scanner) tableRow(p *document.Paragraph, ps document.Span, header *document.Paragraph, out []zongjie.Quantity) []zongjie.Quantity {
	label, rowUnit := "", ""
	first := len(out)
	labelCol := 0
	var own []int // the figures of columns whose header names their unit
	for ci, c := range p.Cells {
		cs := document.Span{Start: max(c.Start, ps.Start), End: min(c.End, ps.End)}
		colUnit, ownUnit := "", false
		if header != nil && ci < len(header.Cells) {
			// A column of row numbers (序号) holds no figures, a column
			// of units (单位) the unit of the row's bare numbers, a
			// column whose header names its own unit (增长（%）, 比重,
			// 2025年（亿元）) that unit.
			switch col := words.TrimSpace(sc.text[header.Cells[ci].Start:header.Cells[ci].End]); {
			case serialHeaders[col]:
				if ci == labelCol {
					labelCol++
				}
				continue
			case unitHeaders[col]:
				rowUnit = words.TrimSpace(sc.text[cs.Start:cs.End])
				continue
			default:
				colUnit, ownUnit = columnUnit(col)
			}
		}
		if cs.Start >= cs.End {
			continue // a blank cell
		}
		n := len(out)
		out = sc.scanClause(cs, out)
		for k := n; k < len(out); k++ {
			if out[k].Unit == "" && colUnit != "" {
				withUnit(&out[k], colUnit)
			}
			if ownUnit {
				own = append(own, k)
			}
		}
		if ci == labelCol && len(out) == n {
			label = words.TrimSpace(sc.text[cs.Start:cs.End])
		}
		if len(out) == n+1 && n > first && header != nil && ci < len(header.Cells) && isGrowthHeader(sc.text[header.Cells[ci].Start:header.Cells[ci].End]) {
			// The figure of a 同比 column is the change of the figure before it.
			g := out[n]
			prev := &out[n-1]
			if prev.Growth == nil && g.Unit != "" {
				prev.Growth = &zongjie.Growth{Text: g.Text, Value: g.Value, Unit: g.Unit, Direction: directionOf(g),
					Placeholder: g.Placeholder, Line: g.Line, Column: g.Column, Offset: g.Offset, Length: g.Length, Span: g.Span}
				out = out[:n]
				own = slices.DeleteFunc(own, func(k int) bool { return k >= n })
			}
		}
	}
	if header == nil {
		// A header's unit in brackets (2025年（亿元）) is no figure.
		kept := slices.DeleteFunc(out[first:], func(q zongjie.Quantity) bool {
			w, _, _, size := matchUnit(q.Text, true, true)
			return w != "" && size == len(q.Text)
		})
		out = out[:first+len(kept)]
	}
	for k := first; k < len(out); k++ {
		if out[k].Unit == "" && rowUnit != "" && !slices.Contains(own, k) {
			withUnit(&out[k], rowUnit)
		}
		out[k].InTable = true
		if label != "" && !sc.ctx.NoNames && (out[k].Name == "" || len(out[k].Name) < len(label)) {
			out[k].Name = label
		}
	}
	return out
}

// serialHeaders and unitHeaders head a table's columns of row numbers and
// of units.
var (
	serialHeaders = map[string]bool{"序号": true, "编号": true, "序": true}
	unitHeaders   = map[string]bool{"单位": true, "计量单位": true}
)

// withUnit gives a bare number of a table row the unit its row's unit
// cell names (亿元 for 32.6): as written, and its base value and unit.
func withUnit(q *zongjie.Quantity, word string) {
	w, u, scale, size := matchUnit(word, true, true)
	if size != len(word) || w == "" || q.Value == nil {
		return
	}
	decimal := q.Text
	if strings.Trim(decimal, "0123456789.") != "" {
		decimal = ""
	}
	q.Unit = word
	q.BaseUnit = u.base
	b := baseValue(*q.Value, decimal, scale*u.factor)
	q.BaseValue = &b
	if q.ValueTo != nil {
		bt := baseValue(*q.ValueTo, "", scale*u.factor)
		q.BaseValueTo = &bt
	}
}

// columnUnit returns the unit a column header names for the column's bare
// numbers, and whether it names one of its own so that the row's unit
// (单位) is not theirs: a unit in brackets at its end (增长（%）,
// 2025年（亿元）), a percent sign or 百分点 in it, or a change or a share
// (增长, 增速, 同比, 比重), which a table gives in percent. A change that
// may be either (增减) keeps its numbers bare, with no unit of the row's.
func columnUnit(h string) (string, bool) {
	for _, br := range [][2]string{{"（", "）"}, {"(", ")"}} {
		if !strings.HasSuffix(h, br[1]) {
			continue
		}
		if i := strings.LastIndex(h, br[0]); i >= 0 {
			in := words.TrimSpace(h[i+len(br[0]) : len(h)-len(br[1])])
			if w, _, _, size := matchUnit(in, true, true); in != "" && w != "" && size == len(in) {
				return in, true
			}
		}
	}
	switch {
	case strings.Contains(h, "%") || strings.Contains(h, "％"):
		return "%", true
	case strings.Contains(h, "百分点"):
		return "个百分点", true
	}
	for _, w := range []string{"同比", "增长", "增幅", "增速", "比上年", "比重", "占比"} {
		if strings.Contains(h, w) {
			return "%", true
		}
	}
	return "", strings.Contains(h, "增减")
}

// isGrowthHeader reports whether a column header names a change.
func isGrowthHeader(s string) bool {
	for _, w := range []string{"同比", "增长", "增幅", "增速", "比上年", "增减"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// directionOf gives the direction of a change figure from its sign.
func directionOf(q zongjie.Quantity) string {
	if q.Value != nil && *q.Value < 0 {
		return zongjie.Down
	}
	return zongjie.Up
}

// isPageNumber reports whether a paragraph is a bare page number ("2",
// "- 3 -", "— 12 —") left in text copied from a printed page.
func isPageNumber(s string) bool {
	s = strings.Trim(s, " -－—　")
	if s == "" || len(s) > 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Rune classes for the scan loop.
const (
	classNone uint8 = iota
	classDigit
	classNumeral
	classPlaceholder
	classMark // quotation marks and book-title marks
)

// runeClass classifies the BMP runes the scan loop reacts to; everything
// else is classNone and costs one table lookup.
var runeClass = func() *[0x10000]uint8 {
	var t [0x10000]uint8
	for r := rune(0); r < 0x10000; r++ {
		switch {
		case numeral.IsDigit(r):
			t[r] = classDigit
		case isPlaceholderRune(r):
			t[r] = classPlaceholder
		case numeral.IsNumeralChar(r):
			t[r] = classNumeral
		case strings.ContainsRune("“”「」《》\"", r):
			t[r] = classMark
		}
	}
	return &t
}()

// scanBlocks marks the 64-character blocks (by the first two bytes of a
// three-byte UTF-8 sequence) that hold a rune the scan loop reacts to, or
// 第, which it must see as the previous rune. Other blocks are skipped
// without decoding.
var scanBlocks = func() *[1024]bool {
	var b [1024]bool
	for r := rune(0x800); r < 0x10000; r++ {
		if runeClass[r] != classNone || r == '第' {
			b[r>>6] = true
		}
	}
	return &b
}()

// otherHan stands for a skipped character as the previous rune: it is none
// of the characters the scan's context checks look for.
const otherHan = rune(0x4E3F)

// decode returns the rune at i of s and its size. s is valid UTF-8 (every
// reader guarantees it), so the common three-byte case is decoded inline.
func decode(s string, i int) (rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if c&0xF0 == 0xE0 && i+2 < len(s) {
		return rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
	}
	return utf8.DecodeRuneInString(s[i:])
}

// scan walks the paragraph and collects items.
func (sc *scanner) scan() {
	quote, book, corner := -1, -1, -1
	prev := rune(0)
	text := sc.text[:sc.end]
	for i := sc.start; i < sc.end; {
		c := text[i]
		if c&0xF0 == 0xE0 && i+2 < len(text) && !scanBlocks[int(c&0x0F)<<6|int(text[i+1]&0x3F)] {
			prev = otherHan
			i += 3
			continue
		}
		r, size := decode(text, i)
		class := classNone
		if r < 0x10000 {
			class = runeClass[r]
		}
		if class == classNone {
			if r != '\n' {
				prev = r // a line break inside a paragraph is web copy's: "M\n2" is M2
			}
			i += size
			continue
		}
		switch r {
		case '“':
			quote = i
		case '"':
			// Typed half-width, a quotation mark opens when none is open
			// and closes the one that is.
			if quote < 0 {
				quote = i
				break
			}
			fallthrough
		case '”':
			if quote >= 0 && utf8.RuneCountInString(sc.text[quote:i]) <= 13 {
				sc.dropFrom(quote) // a short quotation is a name: “十四五”, “1+3”
			}
			quote = -1
		case '「':
			corner = i
		case '」':
			if corner >= 0 && utf8.RuneCountInString(sc.text[corner:i]) <= 13 {
				sc.dropFrom(corner)
			}
			corner = -1
		case '《':
			book = i
		case '》':
			if book >= 0 {
				sc.dropFrom(book) // numbers in titles of documents are names
			}
			book = -1
		}
		if sc.inSkip(i) {
			prev = r
			i += size
			continue
		}
		next := -1
		switch class {
		case classDigit:
			// After a skipped heading marker ("2." of "2.3个重点项目")
			// a number starts afresh.
			if (!isDigitLike(prev) || i > 0 && inSpans(sc.ctx.Skip, i-1)) && !isASCIILetter(prev) {
				next = sc.number(i, false)
			}
		case classPlaceholder:
			if !isASCIILetter(prev) && !isPlaceholderRune(prev) {
				next = sc.placeholder(i)
			}
		case classNumeral:
			switch {
			case (r == '百' || r == '千' || r == '万') && sc.hasPrefix(i+size, "分之"):
				next = sc.percentWords(i, r)
			case !numeral.IsNumeralChar(prev) && prev != '第':
				next = sc.number(i, true)
				if next < 0 && (r == '百' || r == '千' || r == '万' || r == '亿') {
					next = sc.bareRound(i, r)
				}
			}
		}
		if next > i {
			r, _ = utf8.DecodeLastRuneInString(sc.text[i:next])
			prev = r
			i = next
			continue
		}
		prev = r
		i += size
	}
}

// formalDigits are the financial forms of the digits; written alone before
// a measure word they are characters of names (陆家嘴 is no 6家).
const formalDigits = "贰貳叁參肆伍陆陸柒捌玖"

// bigUnitAt reports whether a big unit (万, 亿) starts at off: the
// multiplier Scan leaves to the unit.
func (sc *scanner) bigUnitAt(off int) bool {
	r, _ := sc.runeAt(off)
	return r == '万' || r == '亿' || r == '萬' || r == '億'
}

// dropFrom removes items that start at or after off.
func (sc *scanner) dropFrom(off int) {
	n := len(sc.items)
	for n > 0 && sc.items[n-1].numStart >= off {
		n--
	}
	sc.items = sc.items[:n]
}

func (sc *scanner) inSkip(off int) bool {
	return sc.f.InMarkup(off) || inSpans(sc.ctx.Skip, off)
}

// inTitleHead reports whether off lies in a heading's title before any
// clause mark: the slogan of a heading (抓好两个振兴, 一是做好三篇文章), not
// the sentence an item of a paragraph runs on with (一是工业经济体量偏小，
// 规上工业企业仅有十一家: a figure).
func (sc *scanner) inTitleHead(off int) bool {
	spans := sc.ctx.Titles
	i := sort.Search(len(spans), func(i int) bool { return spans[i].End > off })
	if i >= len(spans) || spans[i].Start > off {
		return false
	}
	return !strings.ContainsAny(sc.text[spans[i].Start:off], "，,；;：:")
}

// inSpans reports whether off lies in one of the sorted spans.
func inSpans(spans []document.Span, off int) bool {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].End > off })
	return i < len(spans) && spans[i].Start <= off
}

// runeBefore returns the rune before off inside the paragraph, or 0.
func (sc *scanner) runeBefore(off int) rune {
	if off <= sc.start {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(sc.text[sc.start:off])
	return r
}

// runeAt returns the rune at off inside the paragraph, or 0.
func (sc *scanner) runeAt(off int) (rune, int) {
	if off >= sc.end {
		return 0, 0
	}
	return utf8.DecodeRuneInString(sc.text[off:sc.end])
}

func (sc *scanner) hasPrefix(off int, s string) bool {
	return off <= sc.end && strings.HasPrefix(sc.text[off:sc.end], s)
}

// number reads a number starting at i (Arabic, or Chinese when chinese is
// set) with its unit and context. It returns where scanning resumes, which
// is past the number even when the number is not a quantity.
func (sc *scanner) number(i int, chinese bool) int {
	num, n := numeral.Scan(sc.text[i:sc.end])
	if n == 0 {
		return -1
	}
	j := i + n
	if chinese && num.Arabic {
		return j
	}
	if chinese && sc.text[i:j] == "几" {
		return j // 几个村: a few, no figure (十几个, 几百人 are)
	}
	if !chinese && num.Chinese && strings.HasSuffix(sc.text[i:j], "千") {
		// 110千伏, 10千瓦, 5千米: 千 begins the unit, it does not multiply
		// the number (5千元 and 5千万元 are read either way alike).
		if w, _, scale, _ := matchUnit(sc.text[j-len("千"):sc.end], true, true); scale == 1 && strings.HasPrefix(w, "千") && w != "千元" {
			if num2, n2 := numeral.Scan(sc.text[i : j-len("千")]); n2 == j-len("千")-i {
				num, j = num2, i+n2
			}
		}
	}
	it := item{start: i, numStart: i, numEnd: j, value: num.Value, valueTo: num.Max, hasValue: true,
		decimal: num.Decimal, growth: -1, growthOf: -1, listPrev: -1}
	it.isRange = num.Approx && num.Max != num.Value && !num.Unknown
	if num.Unknown {
		it.valueTo = it.value // 二十几万: about 20万, flagged 几
	}
	switch {
	case num.Arabic && num.Chinese:
		it.numerals = "mixed"
	case num.Chinese:
		it.numerals = "chinese"
	default:
		it.numerals = "arabic"
	}
	if num.Approx && !it.isRange {
		it.approx = append(it.approx, "几")
	}

	before := sc.runeBefore(i)
	switch {
	case before == '第' || before == '前' || before == '·' || before == '#' || before == '＃':
		return sc.skipNumberTail(j) // ordinals, rankings (前8位), 前三季度
	case chinese && before == '届':
		return j
	case before == '〔' || before == '［' || before == '[':
		return j // the year of a document number: 白发〔2026〕17号
	case !chinese && sc.afterAreaCode(i):
		return sc.skipRun(j) // a telephone number: 0797-6283315
	case !chinese && sc.listMarkerAt(i, j):
		return j // an item of a list of attachments: 附件：1.桂园街道…
	case !chinese && isMobileNumber(sc.text[i:j]):
		return j // a mobile telephone number: 13907971234
	case chinese && sc.weekdayAt(i, num):
		return j // a day of the week: 周二至周五, 星期一
	}
	if sc.isMinus(before, i) {
		it.value, it.valueTo = -it.value, -it.valueTo
		it.start -= utf8.RuneLen(before)
		if it.decimal != "" {
			it.decimal = "-" + it.decimal
		}
	}

	// What follows the number decides what it is.
	after, asize := sc.runeAt(j)
	if !chinese {
		if skipTo, ok := sc.notAQuantity(i, j, num, after, asize); ok {
			return skipTo
		}
		if num.Decimal != "" && len(strings.TrimLeft(strings.ReplaceAll(num.Decimal, ".", ""), "-")) > 12 {
			return j // a code or an identity number
		}
		if strings.HasPrefix(num.Decimal, "0") && len(num.Decimal) >= 3 && !strings.HasPrefix(num.Decimal, "0.") {
			return j // 0571: an area code
		}
		if (after == '“' || after == '《' || after == '"') && j-i == 4 && num.Value >= 1949 && num.Value <= 2099 && !strings.Contains(num.Decimal, ".") {
			return j // the year of an event's name: 2026“南湖之夏”音乐季
		}
	} else {
		if num.DigitByDigit {
			return j // 二〇二三年
		}
		if (sc.text[i:j] == "一" || sc.text[i:j] == "壹") && !sc.bigUnitAt(j) {
			return j // 一个, 一批: an article, not a count; 一万人次, 一亿元 are figures
		}
		if r, size := utf8.DecodeRuneInString(sc.text[i:j]); size == j-i && strings.ContainsRune(formalDigits, r) {
			return j // 陆家嘴, 叁星: a formal numeral alone is a name; amounts in them run 壹拾贰, 陆仟
		}
		if sc.inIdiom(i) {
			return j // 三番五次, 三天两头: a set phrase, not a count
		}
	}

	j = sc.fraction(&it, j, chinese)
	k := sc.unitAndRange(&it, j, !chinese)
	if k < 0 {
		return j
	}
	if chinese && it.unitWord == "" && !it.isPercent() && !it.fraction {
		return j // a Chinese numeral without a unit is a word: 十四五, 二十大
	}
	if chinese && sc.inTitleHead(i) {
		return k // a slogan in a heading: 抓好两个振兴
	}
	if !sc.acceptAfterUnit(&it, chinese) {
		return k
	}
	if chinese && sc.text[i:i+len("十")] == "十" && sc.runeBefore(i) == '数' {
		// 数十家: several tens, read like 几十 (the low end, flagged).
		it.start -= len("数")
		it.approx = append([]string{"数"}, it.approx...)
	} else {
		sc.approxPrefix(&it)
	}
	sc.items = append(sc.items, it)
	return it.end
}

// isMobileNumber reports whether s is a mobile telephone number: eleven
// digits, 13… to 19….
func isMobileNumber(s string) bool {
	if len(s) != 11 || s[0] != '1' || s[1] < '3' || s[1] > '9' {
		return false
	}
	for i := 2; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// weekdayAt reports whether the Chinese numeral at i, num, names a day of
// the week: one to six after 周, 星期 or 礼拜 (周二至周五轮流值班: 五轮 is
// Friday, not five rounds). A count of weeks puts the numeral first (两周).
func (sc *scanner) weekdayAt(i int, num numeral.Number) bool {
	if num.Value < 1 || num.Value > 6 || num.Value != math.Trunc(num.Value) || num.Approx {
		return false
	}
	head := sc.text[sc.start:i]
	return strings.HasSuffix(head, "周") || strings.HasSuffix(head, "星期") || strings.HasSuffix(head, "礼拜")
}

// afterAreaCode reports whether the number at i follows an area code and
// a dash: 0797-6283315, 010－12345678.
func (sc *scanner) afterAreaCode(i int) bool {
	r, size := utf8.DecodeLastRuneInString(sc.text[:i])
	if r != '-' && r != '－' && r != '—' {
		return false
	}
	k := i - size
	n := 0
	for k > 0 && sc.text[k-1] >= '0' && sc.text[k-1] <= '9' {
		k--
		n++
	}
	return n >= 3 && n <= 4 && sc.text[k] == '0'
}

// listMarkerAt reports whether the number at i..j numbers an item of a
// list of attachments: right after 附件： (or 附表：), followed by a point
// and a name.
func (sc *scanner) listMarkerAt(i, j int) bool {
	head := strings.TrimRight(sc.text[:i], " 　")
	if !strings.HasSuffix(head, "附件：") && !strings.HasSuffix(head, "附件:") && !strings.HasSuffix(head, "附表：") && !strings.HasSuffix(head, "附表:") {
		return false
	}
	r, _ := sc.runeAt(j)
	return r == '.' || r == '．' || r == '、'
}

// isMinus reports whether before, the rune before the number at i, is its
// minus sign. A dash is one unless it follows a number or a figure (3-5,
// 30万-35万: a range). 负 is one only where a sign can stand — at the start
// of a clause or after 为, 是, 至, 到, 达 or the word of a rate (增长负2%,
// 增速负1.5%) — and not inside a word (减负2.1亿元, 肩负, 担负: no sign).
func (sc *scanner) isMinus(before rune, i int) bool {
	if before != '-' && before != '－' && before != '负' {
		return false
	}
	at := i - utf8.RuneLen(before)
	b2 := sc.runeBefore(at)
	if isDigitLike(b2) || isPlaceholderRune(b2) {
		return false
	}
	if n := len(sc.items); n > 0 && sc.items[n-1].end == at {
		return false
	}
	if before == '负' {
		return b2 == 0 || isClausePunct(b2) || strings.ContainsRune("为是至到达长速幅率值：（(", b2)
	}
	return true
}

// bareRound reads a round count written with a bare 百, 千, 万 or 亿
// (one hundred, thousand, ten thousand, hundred million). Reports use it
// with an approximation: after 近, 上, 逾, 超, 过, 约 or 数 (近百人, 上千家,
// 逾万人, 过亿元, 超百亿元; 数十家 is read by number) or before 余, 多 or
// 来 and a unit (百余人, 千余家, 万余元); and as a figure of its own where
// it ends the clause or a threshold (突破千亿元, 迈上百亿元台阶, 千万元
// 大关). Before a noun it names a tier (千亿级产业, 千亩园区, 百万人口城市),
// and everywhere else a bare 百/千/万 is a word (百姓, 千万不要, 万众一心).
func (sc *scanner) bareRound(i int, r rune) int {
	size := len("百")
	value := map[rune]float64{'百': 100, '千': 1000, '万': 10000, '亿': 1e8}[r]
	prefix := ""
	before := sc.runeBefore(i)
	switch before {
	case '近', '逾', '超', '约':
		// approxPrefix reads them, with their exceptions (最近, 节约).
		prefix = string(before)
	case '上':
		if b2 := sc.runeBefore(i - len("上")); b2 == '以' || b2 == '向' || b2 == '往' || b2 == '马' || b2 == '成' {
			return -1 // 以上, 向上, 马上; 成百上千 is a set phrase
		}
		if b2 := sc.runeBefore(i - len("上")); !strings.ContainsRune("迈跃站登冲攀踏", b2) {
			prefix = "上" // not 迈上百亿元台阶: a verb reaching a figure
		}
	case '过':
		if b2 := sc.runeBefore(i - len("过")); !strings.ContainsRune("通经超越度不难错罪路改闯跨穿", b2) {
			prefix = "过" // 过万人, 过亿元; not 通过, 经过 (超过 is read by approxPrefix)
		}
	case '数':
		if b2 := sc.runeBefore(i - len("数")); b2 == '分' || b2 == '指' || b2 == '人' || b2 == '次' || b2 == '总' || b2 == '户' {
			return -1 // 分数, 指数, 人数: a noun before the number
		}
		prefix = "数"
	}
	if sc.inIdiom(i) {
		return -1
	}
	// After a count (3个千亿元台阶, 4个过千亿产业) the magnitude names the
	// tier counted; after a number it is that number's unit (39.8 万亿元).
	lead := i - len(prefix)
	if b := sc.runeBefore(lead); b == '个' || b == '项' || b == '家' || b == '类' || b == ' ' || isDigitLike(b) {
		return -1
	}
	j := i + size
	it := item{start: i, numStart: i, numEnd: j, value: value, valueTo: value, hasValue: true,
		growth: -1, growthOf: -1, listPrev: -1, numerals: "chinese"}
	k := sc.unitAndRange(&it, j, false)
	if k < 0 || it.unitWord == "" || it.isRange {
		return -1
	}
	if r2, _ := sc.runeAt(j); prefix == "" && r2 != '余' && r2 != '多' && r2 != '来' && !sc.endsFigure(it.end) {
		return -1 // 千亿级产业, 亿元以上项目: a tier
	}
	if b := sc.runeBefore(lead); prefix == "" && (b == '每' || !unicode.Is(unicode.Han, b)) {
		// 单位：万元, 收入（亿元）, 每万元: a unit named, or a rate's
		// base; a figure has a verb before it (突破千亿元).
		return -1
	}
	if inSpans(sc.ctx.Titles, i) || !sc.acceptAfterUnit(&it, true) {
		return k
	}
	if prefix == "上" || prefix == "数" || prefix == "过" {
		it.start -= len(prefix)
		it.approx = append([]string{prefix}, it.approx...)
	} else {
		sc.approxPrefix(&it)
	}
	sc.items = append(sc.items, it)
	return it.end
}

// endsFigure reports whether a figure may end at off: at the end of a
// clause, or before a word of a threshold reached (突破千亿元大关, 迈上百亿
// 元台阶). A bare magnitude followed by anything else modifies a noun.
func (sc *scanner) endsFigure(off int) bool {
	if sc.atClauseEnd(off) {
		return true
	}
	for _, w := range []string{"大关", "台阶", "新台阶", "关口"} {
		if sc.hasPrefix(off, w) {
			return true
		}
	}
	return false
}

// fraction reads the rest of a fraction after its first number at j:
// "1/3" (numerator first), "三分之一" (denominator first).
func (sc *scanner) fraction(it *item, j int, chinese bool) int {
	sep := "/"
	if chinese {
		sep = "分之"
	}
	if !sc.hasPrefix(j, sep) || !chinese && perPopulation(sc.text[j:sc.end]) > 0 {
		return j // 186.3/10万 is a rate per 100,000 people, not 186.3 ÷ 10 万
	}
	m := j + len(sep)
	num, n := numeral.Scan(sc.text[m:sc.end])
	if n == 0 || num.Arabic == chinese || num.Approx {
		return j
	}
	if chinese {
		if it.value == 0 {
			return j
		}
		it.value = num.Value / it.value
	} else {
		if num.Value == 0 {
			return j
		}
		it.value /= num.Value
	}
	it.valueTo, it.decimal, it.fraction = it.value, "", true
	it.numEnd = m + n
	return m + n
}

// skipNumberTail skips an ordinal or ranking's unit (第4位, 前8名).
func (sc *scanner) skipNumberTail(j int) int {
	if _, _, _, size := matchUnit(sc.text[j:sc.end], true, true); size > 0 {
		return j + size
	}
	return j
}

// notAQuantity recognises an Arabic number that is a date, a time, a
// version, a formula or a name, and returns where to resume.
func (sc *scanner) notAQuantity(i, j int, num numeral.Number, after rune, asize int) (int, bool) {
	v := num.Value
	integer := v == math.Trunc(v) && num.Decimal != "" && !strings.Contains(num.Decimal, ".")
	switch after {
	case '年':
		if integer && v >= 1900 && v <= 2100 && j-i == 4 {
			return j + asize, true // a year
		}
		// A two-digit year with a month: 23年5月.
		if integer && v < 100 {
			if r, _ := sc.runeAt(j + asize); numeral.IsDigit(r) {
				return j + asize, true
			}
		}
	case '月', '日', '号':
		return j + asize, true
	case '时':
		if v <= 24 {
			return j + asize, true
		}
	case ':', '：':
		if r, _ := sc.runeAt(j + asize); numeral.IsDigit(r) {
			return sc.skipRun(j), true // 8:30, 2.27:1
		}
	case '·', '•', '.', '．':
		if r, _ := sc.runeAt(j + asize); numeral.IsDigit(r) {
			return sc.skipRun(j), true // 5·12, 2023.7.5, 1.2.3
		}
	case '+', '＋', '=', '＝', '×', '*', '＊', '》', '>', '<', '＞', '＜':
		if r, _ := sc.runeAt(j + asize); numeral.IsDigit(r) || isASCIILetter(r) || isPlaceholderRune(r) {
			return sc.skipRun(j), true // 1+3, 1＋1＋1》3, 7×24
		}
	case '-', '－', '–', '—', '/':
		// A date written 2023-07-05 or 2023/7/5.
		if integer && v >= 1900 && v <= 2100 && j-i == 4 {
			if r, _ := sc.runeAt(j + asize); numeral.IsDigit(r) {
				if _, n := numeral.Scan(sc.text[j+asize : sc.end]); n > 0 {
					if r2, _ := sc.runeAt(j + asize + n); r2 == after || r2 == '月' {
						return sc.skipRun(j), true
					}
				}
			}
		}
	}
	if isASCIILetter(after) {
		if _, _, _, size := matchUnit(sc.text[j:sc.end], true, true); size == 0 {
			return sc.skipRun(j), true // 5G, 3D, 4S
		}
	}
	return 0, false
}

// skipRun skips a run of digits, letters and formula signs.
func (sc *scanner) skipRun(j int) int {
	for j < sc.end {
		r, size := utf8.DecodeRuneInString(sc.text[j:sc.end])
		if !(isDigitLike(r) || isASCIILetter(r) || strings.ContainsRune("+＋=＝×*＊》>＜<＞:：·•.．-－–—/", r) || isPlaceholderRune(r)) {
			break
		}
		j += size
	}
	return j
}

// unitAndRange reads what follows a number at j: a middle approximation
// (40余家), the unit, a range (3-11岁, 20%～30%) and trailing approximation
// words. It fills it and returns the end, or -1 when the number is part of
// a date range (1－6月, 2022－2035年).
func (sc *scanner) unitAndRange(it *item, j int, arabic bool) int {
	digits := !it.placeholder
	k := j
	k = sc.midApprox(it, k, digits, arabic)
	if arabic && sc.hasPrefix(k, " ") {
		// Text copied from a PDF may hold a space before a multiplier
		// (39.8 万亿元): the unit is still the number's.
		if _, u, scale, size := matchUnit(sc.text[k+1:sc.end], digits, true); size > 0 && scale != 1 && u.base != "" {
			k++
		}
	}
	word, u, scale, size := matchUnit(sc.text[k:sc.end], digits, arabic || it.placeholder)
	it.unitStart = k
	if size > 0 && u.base == "" {
		word, u, size = sc.approxInUnit(it, k, word, u, size, digits, arabic)
	}
	if size > 0 {
		it.unitWord, it.unit, it.scale = word, u, scale
		k += size
	} else {
		it.scale = 1
	}
	it.unitEnd = k

	// A range: number [unit] sep number unit.
	if r, rs := sc.runeAt(k); isRangeSep(r) || r == '至' || r == '到' {
		if sc.tryRange(it, k, rs, arabic) {
			return it.unitEnd
		}
		if sc.isDateRange(k + rs) {
			return -1
		}
	}
	// A unit-less number followed by a Han character that is not a unit is
	// a name: 205国道, 2.0版本, 12345热线, 90后.
	if it.unitWord == "" && !it.placeholder && !it.fraction {
		if r, _ := sc.runeAt(k); isHan(r) || isASCIILetter(r) {
			return -1
		}
	}
	it.end = sc.suffixApprox(it, it.unitEnd)
	return it.end
}

// midApprox reads 余, 多 or 来 between a number and its unit. 来 follows
// only a round number (十来个, 二十来人, 100来户), and only before a unit:
// "三年来" and "5年来" are spans of time.
func (sc *scanner) midApprox(it *item, k int, digits, arabic bool) int {
	for _, w := range []string{"余", "多", "来"} {
		if !sc.hasPrefix(k, w) {
			continue
		}
		if w == "来" {
			if last := sc.runeBefore(k); last != '十' && last != '百' && last != '千' && last != '0' && last != '０' {
				continue
			}
			if _, _, _, size := matchUnit(sc.text[k+len(w):sc.end], digits, arabic); size == 0 {
				continue
			}
		}
		rest := k + len(w)
		if _, _, _, size := matchUnit(sc.text[rest:sc.end], digits, arabic); size > 0 || sc.atClauseEnd(rest) {
			it.approx = append(it.approx, w)
			return rest
		}
	}
	return k
}

// approxInUnit reads 余 or 多 between a multiplier and the measure word
// after it (1.2万余家, 3万多人, 2亿多元), or after a bare multiplier at the
// end of a clause (达1.2万余). The unit is then the multiplier and the
// measure word (万家); its span covers the approximation between them.
func (sc *scanner) approxInUnit(it *item, k int, word string, u unit, size int, digits, arabic bool) (string, unit, int) {
	m := k + size
	for _, w := range []string{"余", "多"} {
		if !sc.hasPrefix(m, w) {
			continue
		}
		rest := m + len(w)
		w2, u2, scale2, size2 := matchUnit(sc.text[rest:sc.end], digits, arabic)
		switch {
		case size2 > 0 && scale2 == 1 && !u2.noScale:
			it.approx = append(it.approx, w)
			return word + w2, u2, rest + size2 - k
		case size2 == 0 && sc.atClauseEnd(rest):
			it.approx = append(it.approx, w)
			return word, u, rest - k
		}
	}
	return word, u, size
}

// suffixApprox reads 左右, 以上 and the like after the unit.
func (sc *scanner) suffixApprox(it *item, k int) int {
	if k > sc.end || !suffixStarts.mayStart(sc.text[k:sc.end]) {
		return k // no word here: hasPrefix would find none
	}
	for _, w := range suffixWords {
		if sc.hasPrefix(k, w) {
			if w == "多" && !sc.atClauseEnd(k+len(w)) {
				continue
			}
			it.approx = append(it.approx, w)
			return k + len(w)
		}
	}
	return k
}

// suffixWords are the approximation words after a figure, longest
// first; suffixStarts filters the texts suffixApprox tries them on.
var (
	suffixWords  = []string{"左右", "以上", "以下", "以内", "上下", "之多", "有余", "多"}
	suffixStarts = startsOf(suffixWords...)
)

// atClauseEnd reports whether off is at a punctuation mark or the end.
func (sc *scanner) atClauseEnd(off int) bool {
	r, _ := sc.runeAt(off)
	return r == 0 || isClausePunct(r)
}

// tryRange reads the second half of a range after the separator at k. Each
// end keeps its own multiplier (10万至15万人, 3000万元至1亿元): the value
// is in the low end's unit (万人, 万元; a low end with a multiplier only
// takes the high end's measure word), value_to is converted into it. A
// range of Chinese numerals may end in 年 (三至五年), which alone after a
// Chinese numeral is a name (三年行动).
func (sc *scanner) tryRange(it *item, k, rs int, arabic bool) bool {
	m := k + rs
	num, n := numeral.Scan(sc.text[m:sc.end])
	if n == 0 || num.Arabic != arabic && !it.placeholder || sc.isDateRange(m) {
		return false
	}
	word, u, scale, size := matchUnit(sc.text[m+n:sc.end], true, arabic)
	if size == 0 && !arabic && it.unitWord == "" && !num.DigitByDigit && it.value < 100 && num.Max < 100 {
		if w, u2, _, s2 := matchUnit(sc.text[m+n:sc.end], true, true); w == "年" {
			word, u, scale, size = w, u2, 1, s2
		}
	}
	bare := it.unitWord != "" && it.unit.base == "" // a multiplier only: 10万至
	switch {
	case size == 0 && it.unitWord == "":
		return false
	case it.unitWord != "" && size == 0:
		// 3万元-5 is not a range; 20%～30 is not either.
		return false
	case bare && u.base != "" && scale == 1:
		return false // 3万-5人
	case !bare && it.unitWord != "" && u.base != it.unit.base:
		return false
	}
	switch {
	case it.unitWord == "":
		it.unitWord, it.unit, it.scale = word, u, scale // 5－8亿元: the multiplier is shared
	case bare:
		_, measure := splitScale(word)
		it.unitWord += measure
		it.unit = u
	}
	it.isRange = true
	it.valueTo = num.Max
	it.decimalTo = num.Decimal
	it.scaleTo = scale
	it.numEnd = m + n
	it.unitStart = m + n
	it.unitEnd = m + n + size
	it.end = sc.suffixApprox(it, it.unitEnd)
	it.unitEnd = max(it.unitEnd, it.unitStart)
	return true
}

// isDateRange reports whether the number at m ends a period of months,
// days or years (1－6月, 2022－2035年).
func (sc *scanner) isDateRange(m int) bool {
	num, n := numeral.Scan(sc.text[m:sc.end])
	if n == 0 {
		// A placeholder: x-x月.
		n = placeholderLen(sc.text[m:sc.end])
		if n == 0 {
			return false
		}
	} else if num.Value >= 1900 && num.Value <= 2100 && n == 4 {
		return sc.hasPrefix(m+n, "年")
	}
	r, _ := sc.runeAt(m + n)
	return r == '月' || r == '日' || r == '号' || sc.hasPrefix(m+n, "年度")
}

// acceptAfterUnit applies the checks that need the unit: Chinese-numeral
// slogans (四个意识, 三个“大抓”), phases (三期工程), plenary sessions
// (十次全会) and time words after Chinese numerals.
func (sc *scanner) acceptAfterUnit(it *item, chinese bool) bool {
	rest := sc.text[it.unitEnd:sc.end]
	if strings.HasPrefix(rest, "全会") || strings.HasPrefix(rest, "会议") || strings.HasPrefix(rest, "党代会") {
		return false
	}
	if it.unit.base == "期" && (strings.HasPrefix(rest, "工程") || strings.HasPrefix(rest, "项目")) {
		return false
	}
	if it.unit.base == "期" && chinese && phaseHost(sc.text[sc.start:it.start]) {
		return false // 标准厂房三期, 项目二期: a phase of what is built, not a count
	}
	if !chinese {
		return true
	}
	if it.unitWord == "个" || it.unitWord == "项" || it.unitWord == "条" {
		r, _ := utf8.DecodeRuneInString(rest)
		tier := strings.ContainsRune("百千万亿", r) && !strings.HasPrefix(rest, "百年")
		if r == '“' || r == '"' || numeral.IsNumeralChar(r) && !tier || numeral.IsDigit(r) {
			return false // 两个“回头看”, 五个一, 三个1亿人; 两个千亩园区 counts parks of a tier
		}
		for _, w := range sloganHeads {
			if strings.HasPrefix(rest, w) {
				return false
			}
		}
	}
	return true
}

// phaseHosts are what is built in phases: 标准厂房三期, 物流园一期.
var phaseHosts = words.NewSet("项目", "厂房", "工程", "园", "园区", "基地", "街区", "小区", "片区", "安置房", "中心", "大厦", "公路")

// phaseHost says whether the text before a Chinese-numeral 期 ends with
// something built in phases.
func phaseHost(before string) bool { return phaseHosts.Suffix(before) != "" }

// sloganHeads are the words after "N个" in numbered political slogans.
var sloganHeads = []string{
	"意识", "自信", "确立", "维护", "全面", "代表", "务必", "必须", "坚持", "大抓", "狠抓", "统筹",
	"离不开", "与共", "没有变", "走在前列", "倡议", "革命", "伟大", "不摘", "字", "到位", "提升年",
	"规定", "大局", "百年", "一百年", "表率", "优先", "方面",
}

// approxPrefix reads approximation and bound words just before the number.
func (sc *scanner) approxPrefix(it *item) {
	before := sc.text[sc.start:it.start]
	if !prefixEnds.mayEnd(before) {
		return
	}
	for _, w := range prefixWords {
		if !strings.HasSuffix(before, w.word) {
			continue
		}
		head := before[:len(before)-len(w.word)]
		if w.notAfter != "" {
			if r, _ := utf8.DecodeLastRuneInString(head); r != utf8.RuneError && strings.ContainsRune(w.notAfter, r) {
				continue
			}
		}
		if w.word == "约" && strings.HasSuffix(head, "规民") {
			continue // 村规民约20部, 乡规民约: the word's 约 (居民约3万人 is about)
		}
		it.approx = append([]string{w.word}, it.approx...)
		it.start -= len(w.word)
		return
	}
}

// prefixWords are approximation and bound words before a number, longest
// first; notAfter lists characters that make them part of another word
// (节约, 签约, 最近).
var prefixWords = []struct {
	word     string
	notAfter string
}{
	{"不少于", ""}, {"不低于", ""}, {"不超过", ""}, {"不高于", ""}, {"不足", ""}, {"不到", ""},
	{"超过", ""}, {"大约", ""}, {"将近", ""}, {"接近", ""}, {"至少", ""}, {"多于", ""},
	{"少于", ""}, {"高于", ""}, {"低于", ""}, {"约", "节制签合契预公条邀特隐大"},
	{"近", "最附接将邻亲贴就靠拉"}, {"超", "赶高"}, {"逾", ""},
}

// prefixEnds filters the texts approxPrefix tries prefixWords on.
var prefixEnds = func() *endFilter {
	var ws []string
	for _, w := range prefixWords {
		ws = append(ws, w.word)
	}
	return endsOf(ws...)
}()

// placeholder reads a placeholder number: xx, **, ***, x.x, ××, with a
// unit (xx户, **万元, xx%) or a date unit (xxxx年, x月). Placeholders not
// followed by a unit are names (**街道, xx村) and are not quantities.
func (sc *scanner) placeholder(i int) int {
	n := placeholderLen(sc.text[i:sc.end])
	if n == 0 {
		return -1
	}
	j := i + n
	if r, _ := sc.runeAt(j); isASCIILetter(r) {
		return j // part of a word
	}
	it := item{start: i, numStart: i, numEnd: j, placeholder: true, growth: -1, growthOf: -1, listPrev: -1, numerals: "placeholder"}
	text := sc.text[i:j]
	dotted := strings.IndexByte(text, '.') >= 0 || strings.Contains(text, "．")
	for _, w := range []string{"年度", "年", "月份", "月", "日"} {
		if sc.hasPrefix(j, w) {
			it.unitWord, it.unit, it.scale = w, unit{base: strings.TrimSuffix(strings.TrimSuffix(w, "度"), "份"), factor: 1}, 1
			it.unitStart, it.unitEnd, it.end = j, j+len(w), j+len(w)
			sc.items = append(sc.items, it)
			return it.end
		}
	}
	// x-x月: a period placeholder.
	if r, rs := sc.runeAt(j); isRangeSep(r) && sc.isDateRange(j+rs) {
		m := j + rs
		m += placeholderLen(sc.text[m:sc.end])
		_, us := sc.runeAt(m) // 月, 日 or 号
		m += us
		if sc.hasPrefix(m, "份") {
			m += len("份")
		}
		it.numEnd, it.end = m, m
		it.unitWord = "月"
		it.unit = unit{base: "月", factor: 1}
		it.scale = 1
		it.unitStart, it.unitEnd = m, m
		sc.items = append(sc.items, it)
		return m
	}
	k := sc.unitAndRange(&it, j, true)
	if k < 0 {
		return j
	}
	if it.unitWord == "" && !dotted {
		return j // a name: **街道, xx公司
	}
	sc.approxPrefix(&it)
	sc.items = append(sc.items, it)
	return it.end
}

// percentWords reads a ratio in words at i, r being its first character:
// 百分之二十 (20%), 千分之二点四 (2.4‰), 万分之三 (3‱), 百分之百 (100%).
func (sc *scanner) percentWords(i int, r rune) int {
	word := map[rune]string{'百': "%", '千': "‰", '万': "‱"}[r]
	j := i + len("百分之")
	num, n := numeral.Scan(sc.text[j:sc.end])
	if n == 0 && r == '百' && sc.hasPrefix(j, "百") {
		// 百分之百: the one bare 百 that is a number.
		if r2, _ := sc.runeAt(j + len("百")); !numeral.IsNumeralChar(r2) && !numeral.IsDigit(r2) {
			num, n = numeral.Number{Value: 100, Max: 100, Chinese: true}, len("百")
		}
	}
	if n == 0 || num.DigitByDigit && !strings.ContainsAny(sc.text[j:j+n], "点") && n > 3*2 {
		return j
	}
	if b := sc.runeBefore(i); b == '前' || b == '第' {
		return j + n // a ranking: 进入ESI前千分之一, 前百分之十
	}
	it := item{start: i, numStart: i, numEnd: j + n, value: num.Value, valueTo: num.Max, hasValue: true,
		decimal: num.Decimal, unitWord: word, unit: units[word], scale: 1, growth: -1, growthOf: -1, listPrev: -1}
	it.isRange = num.Approx && num.Max != num.Value && !num.Unknown
	if num.Unknown {
		it.valueTo = it.value
	}
	it.unitStart, it.unitEnd = j+n, j+n
	it.numerals = "chinese"
	if num.Arabic {
		it.numerals = "mixed"
	}
	if num.Approx && !it.isRange {
		it.approx = append(it.approx, "几")
	}
	if !it.isRange {
		sc.percentRange(&it, r)
	}
	it.end = sc.suffixApprox(&it, it.unitEnd)
	sc.approxPrefix(&it)
	sc.items = append(sc.items, it)
	return it.end
}

// percentRange reads the high end of a range of ratios in words after the
// low end: 百分之五到百分之六, 百分之六至七 (the second 百分之 left out).
func (sc *scanner) percentRange(it *item, r rune) {
	k := it.numEnd
	sep, size := sc.runeAt(k)
	if !isRangeSep(sep) && sep != '至' && sep != '到' {
		return
	}
	m := k + size
	if sc.hasPrefix(m, string(r)+"分之") {
		m += len("百分之")
	}
	num, n := numeral.Scan(sc.text[m:sc.end])
	if n == 0 || num.Arabic || num.DigitByDigit || num.Max < it.value {
		return
	}
	if next, _ := sc.runeAt(m + n); numeral.IsNumeralChar(next) || isHan(next) && !sc.atClauseEnd(m+n) && !strings.ContainsRune("的左以之", next) {
		return // 百分之六到七成, 百分之五到六年: not the same measure
	}
	it.isRange, it.valueTo, it.decimalTo = true, num.Max, num.Decimal
	it.numEnd, it.unitStart, it.unitEnd = m+n, m+n, m+n
}

func (it *item) isPercent() bool { return it.unit.base == "%" || it.unit.base == "个百分点" }

// placeholderLen returns the length of a placeholder run at the start of
// s: x, xx, XX, *, **, ×× …, optionally with one decimal point (x.x).
func placeholderLen(s string) int {
	r, size := utf8.DecodeRuneInString(s)
	if !isPlaceholderRune(r) {
		return 0
	}
	class := placeholderClass(r)
	n := size
	dotted := false
	for n < len(s) {
		r2, s2 := utf8.DecodeRuneInString(s[n:])
		if isPlaceholderRune(r2) && placeholderClass(r2) == class {
			n += s2
			continue
		}
		if (r2 == '.' || r2 == '．') && !dotted {
			r3, _ := utf8.DecodeRuneInString(s[n+s2:])
			if isPlaceholderRune(r3) && placeholderClass(r3) == class {
				dotted = true
				n += s2
				continue
			}
		}
		break
	}
	return n
}

func isPlaceholderRune(r rune) bool {
	switch r {
	case 'x', 'X', '*', '＊', '×', 'ｘ', 'Ｘ':
		return true
	}
	return false
}

func placeholderClass(r rune) int {
	switch r {
	case 'x', 'X', 'ｘ', 'Ｘ':
		return 1
	case '*', '＊':
		return 2
	}
	return 3
}

func isRangeSep(r rune) bool {
	switch r {
	case '-', '－', '–', '—', '～', '~', '〜', '‒':
		return true
	}
	return false
}

func isDigitLike(r rune) bool {
	return numeral.IsDigit(r) || r == '.' || r == '．'
}

func isASCIILetter(r rune) bool { return r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') }

func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF || r >= 0x20000 && r <= 0x3134F
}

// isClausePunct reports whether r ends a clause.
func isClausePunct(r rune) bool {
	switch r {
	case '，', '。', '；', '：', '！', '？', '、', ',', ';', ':', '!', '?', '）', ')', '”', '\n', ' ', '　', '\t':
		return true
	}
	return false
}

// baseValue computes the value in the base unit, exactly for Arabic
// numbers written in decimal.
func baseValue(v float64, decimal string, factor float64) float64 {
	if decimal != "" && factor >= 1 && factor == math.Trunc(factor) {
		d := numeral.ScaleDecimal(strings.TrimPrefix(decimal, "-"), factor)
		if b, err := strconv.ParseFloat(d, 64); err == nil {
			if strings.HasPrefix(decimal, "-") {
				b = -b
			}
			return b
		}
	}
	if factor == 1 {
		return v
	}
	b := v * factor
	// Round away binary noise (0.1×1e4); keep 12 significant digits.
	if b != 0 {
		p := math.Pow(10, 12-math.Ceil(math.Log10(math.Abs(b))))
		b = math.Round(b*p) / p
	}
	return b
}
