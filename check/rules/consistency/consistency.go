// Package consistency checks figures against each other: a part larger
// than its whole (共…，其中…), one indicator given two values in the review
// of one period, and a change whose word and sign disagree (增长-5%).
package consistency

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"zongjie"
	"zongjie/check"
	"zongjie/document"
	"zongjie/internal/words"
)

// Rules of the consistency category.
var Rules = []*check.Rule{PartExceeds, Conflict, GrowthSign}

// PartExceeds reports a part named after 其中 that is larger than the total
// before it, in the same unit: 新增就业1000人，其中高校毕业生1200人.
var PartExceeds = &check.Rule{
	ID: "CS001", Name: "part-exceeds-total", Category: check.Consistency, Severity: check.Error,
	Doc: check.Doc{
		Title:  "部分大于总数",
		Text:   "“其中”之后列出的部分数值不能大于前面的总数（同一单位）。多为数字录错或沿用了往年数据。",
		Wrong:  "全年新增就业1000人，其中高校毕业生1200人。",
		Right:  "全年新增就业1000人，其中高校毕业生120人。",
		Source: "数据逻辑校验",
	},
	Run: func(p *check.Pass) {
		text := p.File.Text
		qs := p.Quantities()
		ms := p.Find(qizhong)
		for mi, m := range ms {
			next := len(text) // the parts of a 其中 end at the next 其中
			if mi+1 < len(ms) {
				next = ms[mi+1].Span.Start
			}
			// The total: the last figure before 其中, in the same clause
			// or the one just before it (…639公里、其中高铁370公里).
			ti := sort.Search(len(qs), func(i int) bool { return qs[i].Span.End > m.Span.Start }) - 1
			if ti < 0 {
				continue
			}
			total := qs[ti]
			gap := strings.TrimSpace(text[total.Span.End:m.Span.Start])
			if !comparable(total) || isRate(text, total) || vagueUp(total) || utf8.RuneCountInString(gap) > 1 || gap != "" && !strings.ContainsAny(gap, "，、；（(") {
				continue
			}
			// The parts: figures in the clause that 其中 opens.
			from := m.Span.End
			for _, c := range []string{"，", "：", ","} {
				if strings.HasPrefix(text[from:], c) {
					from += len(c)
				}
			}
			// The clause ends at the first mark after from: it is looked
			// for only as far as the parts go, so that a paragraph with
			// few marks is not scanned to its end for every 其中.
			scanned := from
			for _, part := range qs[ti+1:] {
				if part.Span.Start >= next {
					break
				}
				if part.Span.Start > scanned {
					if strings.ContainsAny(text[scanned:part.Span.Start], clauseMarks) {
						break
					}
					scanned = part.Span.Start
				}
				if part.Span.Start < from || !comparable(part) || part.BaseUnit != total.BaseUnit || isRate(text, part) {
					continue
				}
				if *part.BaseValue > *total.BaseValue*1.0001 {
					p.Report(part.Span, "“其中”的部分（"+part.Text+"）大于前面的总数（"+total.Text+"），请核对")
				}
			}
		}
	},
}

// clauseMarks end a clause.
const clauseMarks = "，；。！？\n"

// comparable reports whether a quantity is a known count or amount that
// parts can be compared with: not a rate, not a placeholder, not a range.
func comparable(q zongjie.Quantity) bool {
	return q.BaseValue != nil && !q.Placeholder && q.ValueTo == nil && q.BaseUnit != "%" && q.BaseUnit != "个百分点" &&
		q.BaseUnit != "" && q.Change == "" && q.Growth == nil
}

// isRate reports whether a figure is a rate rather than an amount: per
// head, per household, per thousand people (每千人6.6批次, 人均8.2平方米,
// 亩均产值3000元, 日均客流2万人次). A part is never compared with a rate,
// nor a rate with a total: they are not amounts of the same kind.
func isRate(text string, q zongjie.Quantity) bool {
	if strings.ContainsAny(q.Unit, "/／每") {
		return true
	}
	return rateWords.Contains(text[clauseStart(text, q.Span.Start):q.Span.Start])
}

// clauseStart returns the offset where the clause holding off begins,
// looking back at most rateReach bytes: a rate word is next to its
// figure, and a paragraph without marks must not be scanned back to its
// start for every figure.
func clauseStart(text string, off int) int {
	lo := max(0, off-rateReach)
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo++
	}
	i := strings.LastIndexAny(text[lo:off], "，；。！？：\n")
	if i < 0 {
		return lo
	}
	i += lo
	_, size := utf8.DecodeRuneInString(text[i:])
	return i + size
}

// rateReach is how far back, in bytes, a rate word is looked for.
const rateReach = 300

var rateWords = words.NewSet("每", "人均", "户均", "亩均", "平均", "日均", "月均", "年均", "场均", "次均", "单位", "万人拥有", "千人拥有", "百人拥有")

// vagueUp reports whether a total is only a lower bound (1000余人, 超1000人):
// a part may then exceed the number written.
func vagueUp(q zongjie.Quantity) bool {
	for _, w := range []string{"余", "多", "以上", "超", "近", "约", "左右"} {
		if strings.Contains(q.Approx, w) {
			return true
		}
	}
	return false
}

// GrowthSign reports a change word with a negative number: 增长-5%
// (下降5%), 下降-3.2% (a double negative).
var GrowthSign = &check.Rule{
	ID: "CS003", Name: "growth-sign", Category: check.Consistency, Severity: check.Warning,
	Doc: check.Doc{
		Title:  "增减表述与正负号矛盾",
		Text:   "“增长”“提高”后接负数，或“下降”“减少”后接负数，意思含混；负增长写作“下降5%”。",
		Wrong:  "财政收入9亿元，同比增长-5%；税收5亿元，同比下降-3.2%。",
		Right:  "财政收入9亿元，同比下降5%；税收5亿元，同比增长3.2%。",
		Source: "统计数据表述常规",
	},
	Run: func(p *check.Pass) {
		text := p.File.Text
		for _, m := range p.Find(changeWords) {
			rest := text[m.Span.End:]
			sign := ""
			for _, s := range []string{"-", "－", "—", "负"} {
				if strings.HasPrefix(rest, s) {
					sign = s
				}
			}
			if sign == "" || len(rest) <= len(sign) || rest[len(sign)] < '0' || rest[len(sign)] > '9' {
				continue
			}
			span := document.Span{Start: m.Span.Start, End: m.Span.End + len(sign)}
			if up[m.Word] {
				p.Report(span, "“"+m.Word+"”后接负数，负增长宜写作“下降”",
					check.Fix{Message: "改为下降", Replacement: "下降", Certain: false})
				continue
			}
			p.Report(span, "“"+m.Word+"”后接负数，意思相反，请核对", check.Fix{Message: "改为增长", Replacement: "增长", Certain: false})
		}
	},
}

var (
	up          = map[string]bool{"增长": true, "提高": true, "上升": true, "增加": true, "上涨": true}
	changeWords = check.NewWords("增长", "提高", "上升", "增加", "上涨", "下降", "减少", "降低", "回落", "下滑")
)

// Conflict reports one indicator given two different values in the review
// of a report: 财政收入9.01亿元 in one paragraph, 财政收入8.6亿元 in another.
//
// Reports give one indicator several values for good reasons, and the rule
// leaves those alone: a plan's target beside the year's result (only the
// review part is compared), five-year totals beside one year's (sections
// about several years, and sentences with 累计, 年均, 五年, 以来 … are
// skipped), lists (分别, 其中), movements (从…提高到…), approximations and
// ranges. Measured on the published reports, what remains is a real
// contradiction or a typo.
var Conflict = &check.Rule{
	ID: "CS002", Name: "indicator-conflict", Category: check.Consistency, Severity: check.Warning,
	Doc: check.Doc{
		Title:  "同一指标前后数值不一致",
		Text:   "总结部分同一指标在不同段落给出了不同数值（同一单位、同一口径），多为改稿时只改了一处。计划目标、累计数、年均数、分别列举不在此列。",
		Wrong:  "一、2024年工作回顾\n全年完成财政收入9.01亿元，同比增长6.2%。\n（二）重点工作\n财政收入8.6亿元，为民生投入提供保障。",
		Right:  "一、2024年工作回顾\n全年完成财政收入9.01亿元，同比增长6.2%。\n（二）重点工作\n财政收入9.01亿元，为民生投入提供保障。",
		Source: "数据逻辑校验",
	},
	Run: func(p *check.Pass) {
		text := p.File.Text
		c := &candidates{p: p}
		for _, r := range p.Reports {
			type key struct{ name, unit, change string }
			first := map[key]zongjie.Quantity{}
			for _, q := range r.Quantities {
				if !c.conflictCandidate(r, &q) {
					continue
				}
				k := key{q.Name + "\x00" + subject(text, q), q.BaseUnit, q.Change}
				f, ok := first[k]
				if !ok {
					first[k] = q
					continue
				}
				if *f.BaseValue == *q.BaseValue || p.File.ParagraphAt(f.Span.Start) == p.File.ParagraphAt(q.Span.Start) {
					continue
				}
				if f.Growth != nil && q.Growth != nil && f.Growth.Basis != q.Growth.Basis {
					continue // 同比 and 比2020年: two comparisons
				}
				line := p.File.Position(f.Span.Start).Line
				p.Report(q.Span, "“"+q.Name+"”在第"+strconv.Itoa(line)+"行是"+f.Text+"，这里是"+text[q.Span.Start:q.Span.End]+"，请核对")
			}
		}
	},
}

// subject returns what a figure is about when its indicator name comes
// after it rather than before: in 棉花产量连续4年全国第一 the name is 全国第一
// and the subject 棉花产量, which tells this 全国第一 from 果品出口量连续8年
// 全国第一. It is empty when the name comes first (财政收入9.01亿元).
func subject(text string, q zongjie.Quantity) string {
	start := clauseStart(text, q.Span.Start)
	before := text[start:q.Span.Start]
	if q.Name == "" || strings.Contains(before, q.Name) {
		return ""
	}
	for changed := true; changed; {
		changed = false
		for _, w := range streakWords {
			if t, ok := strings.CutSuffix(before, w); ok {
				before, changed = t, true
			}
		}
	}
	rs := []rune(before)
	return string(rs[max(0, len(rs)-4):])
}

// streakWords come between a subject and the count of a streak or a
// ranking: 粮食产量已连续4年, 出口额位居全国第一.
var streakWords = []string{"连续", "已", "已经", "实现", "保持", "位居", "居", "达到", "达", "稳居", "蝉联", "排名", "排"}

// conflictCandidate reports whether a quantity is a plain statement of an
// indicator's value for the reviewed period. It sets q's Name and Also
// (check.Pass.NameOf), which it tests last: a check's extraction names
// only the figures asked for.
func (c *candidates) conflictCandidate(r *zongjie.Report, q *zongjie.Quantity) bool {
	if q.BaseValue == nil || q.Placeholder || q.Approx != "" || q.ValueTo != nil ||
		q.InTable || q.Section != string(zongjie.KindReview) {
		return false
	}
	if r.Meta.Review == nil || r.Meta.Review.Period == zongjie.PeriodMulti {
		return false
	}
	for _, s := range r.Outline {
		if s.Body.Contains(q.Span.Start) && periodWords.Contains(s.Title) {
			return false // “十四五”时期和2025年工作回顾
		}
	}
	// A paragraph that opens about several years (过去五年…, “十四五”时期
	// 是…的五年) reviews them, not the year.
	if para := c.p.Paragraph(q.Span.Start); para != nil && c.opensPeriod(para.Span.Start) {
		return false
	}
	if c.qualified(c.sentenceStart(q.Span.Start), c.sentenceStop(q.Span.End)) {
		return false
	}
	q.Name, q.Also = c.p.NameOf(q)
	return utf8.RuneCountInString(q.Name) >= 4
}

// candidates holds what conflictCandidate finds once per file for the
// quantities of a sentence or paragraph: the offsets of the sentence
// stops, and the last paragraph and sentence it tested (quantities come
// in order, several to a sentence).
type candidates struct {
	p     *check.Pass
	stops []int // the byte offsets of 。；！？ and line breaks, made on first use
	made  bool

	para       int // 1 + the start of the last paragraph tested
	paraPeriod bool
	sent       document.Span // the last sentence tested, and its result
	sentQual   bool
	sentTested bool
}

// stopStep is the table index steps over the characters that are no
// stop with: a stop starts with one of these bytes.
var stopStep = words.Steps('\n', 0xE3, 0xEF)

// index finds the sentence stops: the characters sentenceStop looks for.
func (c *candidates) index() []int {
	if !c.made {
		text := c.p.File.Text
		for i := 0; i < len(text); i++ {
			if n := stopStep[text[i]]; n > 0 {
				i += int(n) - 1 // no stop: the character is stepped over whole
				continue
			}
			switch text[i] {
			case '\n':
				c.stops = append(c.stops, i)
			case 0xE3: // 。 E3 80 82
				if strings.HasPrefix(text[i:], "。") {
					c.stops = append(c.stops, i)
				}
			case 0xEF: // ；！？ EF BC 9B, 81, 9F
				if strings.HasPrefix(text[i:], "；") || strings.HasPrefix(text[i:], "！") || strings.HasPrefix(text[i:], "？") {
					c.stops = append(c.stops, i)
				}
			}
		}
		c.made = true
	}
	return c.stops
}

// sentenceStop returns the offset of the first stop at or after off, or
// the end of the text: sentenceStop(text, off) from the index.
func (c *candidates) sentenceStop(off int) int {
	stops := c.index()
	if k := sort.SearchInts(stops, off); k < len(stops) {
		return stops[k]
	}
	return len(c.p.File.Text)
}

// sentenceStart returns the offset just after the last stop that ends at
// or before off, or 0: where a walk back from off, character by
// character, meets a stop.
func (c *candidates) sentenceStart(off int) int {
	stops := c.index()
	for k := sort.SearchInts(stops, off) - 1; k >= 0; k-- {
		end := stops[k] + 1
		if c.p.File.Text[stops[k]] != '\n' {
			end = stops[k] + len("。")
		}
		if end <= off {
			return end
		}
	}
	return 0
}

// opensPeriod reports whether the first sentence of the paragraph at
// start names a period of several years.
func (c *candidates) opensPeriod(start int) bool {
	if c.para != start+1 {
		c.para = start + 1
		c.paraPeriod = periodWords.Contains(c.p.File.Text[start:c.sentenceStop(start)])
	}
	return c.paraPeriod
}

// qualified reports whether the sentence text[start:end] holds a
// qualifier.
func (c *candidates) qualified(start, end int) bool {
	if s := (document.Span{Start: start, End: end}); c.sent != s || !c.sentTested {
		c.sent, c.sentTested, c.sentQual = s, true, qualifiers.Contains(c.p.File.Text[start:end])
	}
	return c.sentQual
}

var (
	periodWords = words.NewSet("时期", "五年", "十一五", "十二五", "十三五", "十四五", "十五五", "以来", "历程", "期间", "三年", "两年", "过去")
	qualifiers  = words.NewSet("累计", "五年", "年均", "十四五", "十三五", "期间", "以来", "分别", "其中", "首次", "达到", "突破", "提高到", "增加到",
		"降到", "下降到", "从", "由", "目标", "力争", "预计", "计划", "任务", "上半年", "下半年", "季度", "月份", "月底", "前三", "1-", "1—", "1－")
)

// qizhong introduces the parts of a total.
var qizhong = check.NewWords("其中")
