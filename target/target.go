// Package target finds the figures a report commits to for a future period:
// "力争全年工业产值增速达7%以上", "计划完成市级重点工程政策处理约1200亩",
// "国内生产总值增长5%左右", "年底完成…工程进度过半". Each target gets an
// indicator name, a comparator, a value and unit, and a deadline.
package target

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"zongjie"
	"zongjie/document"
	"zongjie/indicator"
	"zongjie/internal/words"
)

// Input is what Extract reads.
type Input struct {
	File       *document.File
	Span       document.Span      // the report
	Sections   []*zongjie.Section // the report's section tree
	Quantities []zongjie.Quantity // the report's quantities, in order
	Meta       zongjie.Meta
}

// commitWords mark a commitment outside plan sections.
var commitWords = []string{"力争", "确保", "计划", "预计", "预期", "力求", "拟", "将要", "要确保", "年底前", "年内"}

// pastWords mark a clause that reports the past even inside a plan section.
var pastWords = []string{"去年", "上年", "过去", "已经", "已完成", "已实现", "此前", "截至目前", "累计已", "的基础上"}

// basisWords are comparison phrases (比上年, 较去年): they are in the set only
// so that the scan consumes them whole, since they state a basis, not the
// past.
var basisWords = []string{"比去年", "较去年", "比上年", "较上年", "同比"}

var (
	signalWords = words.NewSet(append(append(append([]string{}, commitWords...), pastWords...), basisWords...)...)
	isCommit    = toSet(commitWords)
	isPast      = toSet(pastWords)
)

func toSet(list []string) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, w := range list {
		m[w] = true
	}
	return m
}

// wordIndex holds the sorted offsets of words in a report, so that "is
// there one between a and b" costs a binary search.
type wordIndex []int

// indexWords finds the commitment and past words of a report in one pass;
// estimates are the 预计 among the commitment words, which in a review
// estimate a result ("研发经费投入强度预计达到2.55%") and commit to nothing.
func indexWords(text string, base int) (commits, pasts, estimates wordIndex) {
	for _, m := range signalWords.All(text) {
		switch {
		case isCommit[m.Word]:
			if m.Word == "计划" && !plannedVerb(text[:m.Start]) {
				continue // a noun: 引才计划, 实施计划
			}
			if inNoun(m.Word, text[m.Start+len(m.Word):]) {
				continue // 人均预期寿命, 计划生育: a name, no commitment
			}
			if m.Word == "预计" {
				estimates = append(estimates, base+m.Start)
			}
			commits = append(commits, base+m.Start)
		case isPast[m.Word]:
			pasts = append(pasts, base+m.Start)
		}
	}
	return commits, pasts, estimates
}

// commitNouns are the words a commitment word begins that name an
// indicator or a policy, not a commitment: 人均预期寿命达到79.6岁 reports
// a result.
var commitNouns = map[string][]string{"预期": {"寿命"}, "计划": {"生育", "单列"}}

// inNoun reports whether the commitment word w, followed by rest, begins
// one of its commitNouns.
func inNoun(w, rest string) bool {
	for _, n := range commitNouns[w] {
		if strings.HasPrefix(rest, n) {
			return true
		}
	}
	return false
}

// plannedVerb reports whether 计划 after before is the verb "plan to" (今年
// 计划改造, "，计划新增"), not the noun (引才计划, 行动计划).
func plannedVerb(before string) bool {
	r, _ := utf8.DecodeLastRuneInString(before)
	if r == utf8.RuneError || strings.ContainsRune("，。；：、（", r) {
		return true
	}
	return planSubjects.Suffix(before) != ""
}

// planSubjects, before 计划, make it the verb: a time, a modal or link
// word, the subject.
var planSubjects = words.NewSet("今年", "明年", "全年", "下半年", "上半年", "年内", "年底前", "将", "拟", "并", "还", "同时", "也", "街道", "全镇", "我镇", "全乡")

// pastColumn reports whether off lies in a column of a table whose header
// tells the present or the past, not the target: an estimate or a result
// (2026年预计, 完成, 实际), or a year before the planned one.
func pastColumn(f *document.File, off, planYear int) bool {
	i := f.ParagraphAt(off)
	if i < 0 {
		return false
	}
	row := f.Paragraphs[i]
	h := i
	for h > 0 && f.Paragraphs[h-1].Kind == document.TableRow {
		h--
	}
	if h == i || len(f.Paragraphs[h].Cells) != len(row.Cells) {
		return false
	}
	for ci, c := range row.Cells {
		if off < c.Start || off >= c.End {
			continue
		}
		head := f.Text[f.Paragraphs[h].Cells[ci].Start:f.Paragraphs[h].Cells[ci].End]
		if strings.Contains(head, "目标") || strings.Contains(head, "计划") {
			return false
		}
		for _, w := range []string{"预计", "完成", "实际", "现状", "基数"} {
			if strings.Contains(head, w) {
				return true
			}
		}
		if y := leadingYear(head); y > 0 && planYear > 0 && y < planYear {
			return true
		}
	}
	return false
}

// planYear is the year the report plans, 0 if unknown.
func (x *extractor) planYear() int {
	if p := x.in.Meta.Plan; p != nil {
		return p.Year
	}
	return 0
}

// leadingYear reads a year written at the start of s (2026年预计), or 0.
func leadingYear(s string) int {
	if len(s) < 4 || !strings.HasPrefix(s[4:], "年") {
		return 0
	}
	y, err := strconv.Atoi(s[:4])
	if err != nil || y < 1949 || y > 2099 {
		return 0
	}
	return y
}

// tableOfTargets reports whether the table holding off has a header row
// that names targets (目标, 计划, 预期, 任务).
func tableOfTargets(f *document.File, off int) bool {
	i := f.ParagraphAt(off)
	for i > 0 && f.Paragraphs[i-1].Kind == document.TableRow {
		i--
	}
	if i < 0 {
		return false
	}
	h := f.Text[f.Paragraphs[i].Span.Start:f.Paragraphs[i].Span.End]
	for _, w := range []string{"目标", "计划", "预期", "任务"} {
		if strings.Contains(h, w) {
			return true
		}
	}
	return false
}

// describes reports whether a figure describes something rather than
// stating an amount to reach: a capacity ("年产1000万套…生产线") or a
// project's size ("投资440万元的…工程"), or a threshold for items counted
// next ("收入10万元以上的村达到18个"). "收入10万元以上的村全覆盖" is still a
// target.
func (x *extractor) describes(q zongjie.Quantity) bool {
	text := x.in.File.Text
	before := text[:q.Span.Start]
	for _, w := range []string{"的村", "的行政村", "的社区", "的企业", "的户", "的家庭", "的项目"} {
		if !strings.HasPrefix(text[q.Span.End:], w) {
			continue
		}
		// A digit in the rest of the clause (both found by binary search
		// in the report's indexes, not by scanning the clause).
		rest := q.Span.End + len(w)
		if x.next(rest, &digitMarks) < x.next(rest, &thresholdMarks) {
			return true // a threshold: "收入10万元以上的村达到18个" counts villages
		}
	}
	if strings.HasPrefix(text[q.Span.End:], "的") && investWords.Suffix(before) != "" {
		return true // 投资440万元的…工程
	}
	return capacityWords.Suffix(before) != ""
}

// investWords, before a sum and 的, make it the size of a project (投资
// 440万元的…工程); capacityWords, before a figure, a project's capacity or
// area.
var (
	investWords   = words.NewSet("投资", "总投资", "资金", "规模")
	capacityWords = words.NewSet("年产", "年处理", "日处理", "设计", "占地", "建筑面积", "占地面积")
)

// count returns how many words start in [a, b).
func (w wordIndex) count(a, b int) int {
	return sort.SearchInts(w, b) - sort.SearchInts(w, a)
}

// any reports whether a word starts in [a, b).
func (w wordIndex) any(a, b int) bool {
	i := sort.SearchInts(w, a)
	return i < len(w) && w[i] < b
}

// pastOpeners open a sentence that looks back: the sentences after it in
// its paragraph report results, until one looks forward.
var pastOpeners = []string{"过去一年", "一年来", "去年", "过去五年", "五年来", "这五年"}

// futureWords make a sentence look forward.
var futureWords = []string{"今年", "明年", "全年", "年内", "年底", "下半年", "将", "要", "力争", "确保", "计划", "预期", "目标"}

// narrative tells whether the sentences of a paragraph from its start up
// to a sentence include one that opens with a past opener, with no
// sentence after it looking forward, and the sentence itself not looking
// forward either (checked by the caller through commitment words and here
// through future words).
//
// It reads each paragraph once, however many figures ask: the state after
// the whole sentences read so far is kept, and so is what is known of the
// unfinished one, so that a paragraph of one endless sentence does not cost
// a scan from its start for every figure in it.
type narrative struct {
	para int  // the paragraph start the state is for
	pos  int  // text[para:pos] is read: pos follows a 。 or is para
	past bool // the state after text[para:pos]
	// The unfinished sentence text[pos:seen] is known to hold a future
	// word or not.
	seen   int
	future bool
	// The rest of the sentence at tailFor holds a future word or not.
	tailFor int
	tail    bool
}

// maxFutureWord is the length in bytes of the longest future word, less
// one: how far back a word may start that ends in newly read text.
var maxFutureWord = func() int {
	n := 0
	for _, w := range futureWords {
		n = max(n, len(w))
	}
	return n - 1
}()

func (n *narrative) at(text string, paraStart, sentStart int) bool {
	if sentStart <= paraStart {
		return false
	}
	if n.para != paraStart || sentStart < n.pos || sentStart < n.seen {
		*n = narrative{para: paraStart, pos: paraStart, seen: paraStart, tailFor: -1}
	}
	apply := func(piece string, past, future bool) bool {
		piece = strings.TrimLeft(piece, " \t\u3000")
		for _, w := range pastOpeners {
			if strings.HasPrefix(piece, w) {
				return true
			}
		}
		return past && !future
	}
	for {
		j := strings.Index(text[n.pos:sentStart], "。")
		if j < 0 {
			break
		}
		end := n.pos + j + len("。")
		n.past = apply(text[n.pos:end], n.past, containsAny(text[n.pos:end], futureWords))
		n.pos, n.seen, n.future = end, end, false
	}
	if !n.future {
		from := max(n.pos, n.seen-maxFutureWord)
		n.future = containsAny(text[from:sentStart], futureWords)
	}
	n.seen = sentStart
	if !apply(text[n.pos:sentStart], n.past, n.future) {
		return false
	}
	if n.tailFor != sentStart {
		end := strings.IndexAny(text[sentStart:], "。；")
		if end < 0 {
			end = len(text) - sentStart
		}
		n.tailFor, n.tail = sentStart, containsAny(text[sentStart:sentStart+end], futureWords)
	}
	return !n.tail
}

func containsAny(s string, list []string) bool {
	for _, w := range list {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// extractor holds what the target pass computes once per report.
type extractor struct {
	in        Input
	deadlines map[int][]deadlineHit   // time words per paragraph start
	leads     map[int][]document.Span // stretches after a lead-in of goals, per paragraph start
	marks     map[*[]string]markIndex // sets other than markSets
	setIndex  []markIndex             // the markSets, once one is asked for
	narrative narrative
}

// Extract returns the targets of a report.
func Extract(in Input) []zongjie.Target {
	x := &extractor{in: in, deadlines: map[int][]deadlineHit{}, leads: map[int][]document.Span{},
		marks: map[*[]string]markIndex{}, narrative: narrative{para: -1}}
	var out []zongjie.Target
	text := in.File.Text
	commits, pasts, estimates := indexWords(text[in.Span.Start:in.Span.End], in.Span.Start)
	for k, q := range in.Quantities {
		sec := deepest(in.Sections, q.Span.Start)
		inPlan := sec != nil && (sec.Kind == zongjie.KindPlan || sec.Kind == zongjie.KindProblems && inPlanPart(in.Sections, q.Span.Start)) && !x.datedBefore(sec)
		lead := false
		if !inPlan && !commits.any(q.Span.Start-300, q.Span.Start) {
			if lead = x.leadIn(q.Span.Start); !lead {
				continue // no commitment word anywhere near: skip the sentence work
			}
		}
		sent := x.around(q.Span, &sentenceMarks)
		committed := lead || commits.any(sent.Start, q.Span.Start)
		if committed && sec != nil && sec.Kind == zongjie.KindReview && !lead && commits.count(sent.Start, q.Span.Start) == estimates.count(sent.Start, q.Span.Start) {
			committed = false // only 预计 in a review: an estimated result
		}
		if !committed {
			committed = x.leadIn(q.Span.Start)
		}
		if !inPlan && !committed {
			continue
		}
		// A past word before the figure in its clause makes it a past figure
		// ("从去年的2.1%提高到…"); elsewhere in the clause only when nothing
		// commits to the figure.
		// (Another figure in between ends the past word's reach: "从去年的
		// 2.1%提高到2.5%" plans 2.5%.)
		clause := x.around(q.Span, &clauseMarks)
		from := clause.Start
		if k > 0 && in.Quantities[k-1].Span.End > from {
			from = in.Quantities[k-1].Span.End
		}
		if pasts.any(from, q.Span.Start) || !committed && pasts.any(q.Span.End, clause.End) {
			continue
		}
		if !committed && inPlan && x.narrative.at(text, paragraphOf(in.File, q.Span.Start).Start, sent.Start) {
			continue // "过去一年，我们的各项工作取得了很大成绩。国内生产总值增长10.3%"
		}
		if q.Unit == "年" && q.Placeholder || q.Unit == "月" || q.Unit == "日" {
			continue // a date placeholder is not a figure to reach
		}
		if x.describes(q) || x.nonTarget(k, q, sent, clause) != "" {
			continue
		}
		if q.InTable && (!tableOfTargets(in.File, q.Span.Start) || pastColumn(in.File, q.Span.Start, x.planYear())) {
			continue // a table in a plan section usually reports results
		}
		t := x.build(q, sec, sent)
		out = append(out, t)
		if q.Growth != nil && !x.describes(q) {
			out = append(out, x.growth(t, q.Growth, sec, sent))
		}
		for _, n := range q.Also {
			// "化学需氧量、氨氮排放量分别下降2%": one figure, a target for each.
			a := t
			a.Name = n
			out = append(out, a)
		}
	}
	out = append(out, x.halfway()...)
	sortTargets(out)
	return out
}

// datedBefore reports whether a section's title names a year before the
// one the report plans for, and no plan word: "一、2025年工作情况" in a 2026
// plan reviews, whatever kind the outline gave it.
func (x *extractor) datedBefore(sec *zongjie.Section) bool {
	p := x.in.Meta.Plan
	if p == nil || p.Year == 0 || containsAny(sec.Title, []string{"计划", "安排", "打算", "目标", "任务", "思路", "要点", "建议"}) {
		return false
	}
	for i := 0; i+4 <= len(sec.Title); i++ {
		if isYear(sec.Title[i:i+4]) && strings.HasPrefix(sec.Title[i+4:], "年") && (i == 0 || sec.Title[i-1] < '0' || sec.Title[i-1] > '9') {
			y := 0
			for _, c := range sec.Title[i : i+4] {
				y = y*10 + int(c-'0')
			}
			return y < p.Year
		}
	}
	return false
}

// leadWords make the clause before a colon the lead-in of a list of
// goals ("今年发展主要预期目标是：…；…；…。"); leadPastWords make it a
// review of one ("全面完成年初确定的主要目标：…").
var (
	leadWords     = append([]string{"目标", "任务", "指标"}, commitWords...)
	leadPastWords = []string{"完成", "实现", "去年", "上年", "过去", "年初", "确定的", "达到"}
)

// leadIn reports whether the figure at off is an item of a list of goals:
// its sentence (up to 。！？, across ； and ，) has a colon before it, and
// the words from the sentence start to that colon name goals and commit to
// them. Every item of "主要预期目标是：地区生产总值增长5%左右；城镇新增就业
// 5万人左右，…；粮食产量稳定在30亿斤以上。" is then a target, however
// far from the lead-in. Each paragraph is scanned once, when first needed,
// for the stretches that follow such a colon.
func (x *extractor) leadIn(off int) bool {
	para := paragraphOf(x.in.File, off)
	spans, ok := x.leads[para.Start]
	if !ok {
		spans = leadSpans(x.in.File.Text, para)
		x.leads[para.Start] = spans
	}
	i := sort.Search(len(spans), func(i int) bool { return spans[i].End > off })
	return i < len(spans) && spans[i].Start <= off
}

// leadSpans returns the stretches of a paragraph that follow a colon whose
// lead-in (from its sentence's start) names goals: each from the colon to
// the next colon or the end of the sentence. Most paragraphs have no colon
// and cost one search.
func leadSpans(text string, para document.Span) []document.Span {
	p := text[para.Start:para.End]
	if !strings.Contains(p, "：") && strings.IndexByte(p, ':') < 0 {
		return nil
	}
	var out []document.Span
	// The sentence's start is carried from colon to colon, and the end is
	// the first mark after the colon: searching back to the paragraph's
	// start and on to its end for each mark made a long paragraph with
	// colons quadratic.
	start, scanned := 0, 0 // p[:scanned] is searched for sentence ends
	for from := 0; ; {
		c, size := nextColon(p, from)
		if c < 0 {
			break
		}
		from = c + size
		if i := strings.LastIndexAny(p[scanned:c], "。！？!?"); i >= 0 {
			_, n := utf8.DecodeRuneInString(p[scanned+i:])
			start = scanned + i + n // the sentence's start
		}
		scanned = c
		end := len(p) // the next colon or the sentence's end
		if i := strings.IndexAny(p[from:], "。！？!?"); i >= 0 {
			end = from + i
		}
		if i, _ := nextColon(p, from); i >= 0 && i < end {
			end = i
		}
		if lead := p[start:c]; containsAny(lead, leadWords) && !containsAny(lead, leadPastWords) {
			out = append(out, document.Span{Start: para.Start + c, End: para.Start + end})
		}
	}
	return out
}

// nextColon returns the offset and size of the first colon of p at or after
// from, full-width or half-width (not 8:30's), or -1.
func nextColon(p string, from int) (int, int) {
	for {
		c, size := strings.Index(p[from:], "："), len("：")
		if k := strings.IndexByte(p[from:], ':'); k >= 0 && (c < 0 || k < c) {
			if words.BetweenDigits(p, from+k) {
				from += k + 1
				continue
			}
			c, size = k, 1
		}
		if c < 0 {
			return -1, 0
		}
		return from + c, size
	}
}

// build makes the target for quantity q.
func (x *extractor) build(q zongjie.Quantity, sec *zongjie.Section, sent document.Span) zongjie.Target {
	in := x.in
	sent = clip(in.File.Text, sent, q.Span)
	t := zongjie.Target{
		Text: strings.TrimSpace(in.File.Text[sent.Start:sent.End]), Name: x.name(q, sent), Value: q.Value, ValueTo: q.ValueTo,
		Unit: q.Unit, BaseValue: q.BaseValue, BaseUnit: q.BaseUnit, Change: q.Change, Placeholder: q.Placeholder,
		Figure: q.Text, Span: sent, FigureSpan: q.Span,
	}
	if q.Change != "" {
		t.Figure = q.Text
	}
	// 控制在 binds the figure of its own clause only (see comparator):
	// whether one lies in the clause is two binary searches, not a scan of
	// the clause, which in a paragraph without commas is the paragraph.
	before := ""
	if x.around(q.Span, &controlWords).Start > x.around(q.Span, &commaMarks).Start {
		before = "控制在"
	}
	t.Comparator = comparator(q.Approx, before)
	if t.Comparator == zongjie.Exactly && q.Change == "" && strings.HasSuffix(in.File.Text[sent.Start:q.Span.Start], "突破") {
		t.Comparator = zongjie.Over // 产值突破2.6亿元: more than it
	}
	t.Deadline, t.Year, t.Period = x.deadline(sec, q.Span, in.File.Text[q.Span.End:sent.End])
	loc := in.File.Location(sent)
	t.Line, t.Column, t.Offset, t.Length = loc.Line, loc.Column, loc.Offset, loc.Length
	return t
}

// name is the indicator of a target: its figure's, unless that was taken
// from a verb phrase after the figure ("…目标定为7.5%左右是必要的" is
// named 是必要), when the words before the figure in its sentence name it.
func (x *extractor) name(q zongjie.Quantity, sent document.Span) string {
	text := x.in.File.Text
	if i := strings.LastIndexAny(q.Name, "由从"); i > 0 {
		// 标准由每人每年640元提高到670元: the name is the words before 由.
		clause := x.around(q.Span, &clauseMarks)
		before := text[clause.Start:q.Span.Start]
		if j := strings.LastIndexAny(before, "由从"); j > 0 {
			if n := indicator.Trim(before[:j]); !indicator.Bare(indicator.Parse(n).Key) {
				return n
			}
		}
	}
	if utf8.RuneCountInString(q.Name) <= 2 && q.Name != "" && strings.HasSuffix(text[sent.Start:q.Span.Start], q.Name) {
		// 征收房屋350户 is named 房屋 by its figure; the target is the
		// 房屋征收 a later report gives, so the verb phrase stays.
		before := strings.TrimSuffix(text[sent.Start:q.Span.Start], q.Name)
		if objectVerbs.Suffix(before) != "" {
			clause := x.around(q.Span, &clauseMarks)
			return indicator.Trim(text[clause.Start:q.Span.Start]) // 完成雨污分流改造小区 → 雨污分流改造小区
		}
	}
	if q.Name == "" || !strings.HasPrefix(text[q.Span.End:sent.End], q.Name) {
		return q.Name
	}
	for _, w := range []string{"是", "为", "要", "将", "可以", "能够", "有"} {
		if strings.HasPrefix(q.Name, w) {
			clause := x.around(q.Span, &clauseMarks)
			if n := indicator.Trim(text[clause.Start:q.Span.Start]); !indicator.Bare(indicator.Parse(n).Key) {
				return n
			}
			return ""
		}
	}
	return q.Name
}

// growth makes the second target of a figure stated with its change
// ("实现税收收入3.4亿元，同比增长6%": the amount and the change are both
// committed to): the change of t's indicator.
func (x *extractor) growth(t zongjie.Target, g *zongjie.Growth, sec *zongjie.Section, sent document.Span) zongjie.Target {
	in := x.in
	gt := zongjie.Target{
		Text: t.Text, Name: t.Name, Unit: g.Unit, BaseUnit: g.Unit, Change: g.Direction, Placeholder: g.Placeholder,
		Figure: g.Text, Span: sent, FigureSpan: g.Span,
		Line: t.Line, Column: t.Column, Offset: t.Offset, Length: t.Length,
	}
	switch g.Unit {
	case "％":
		gt.BaseUnit = "%"
	case "百分点":
		gt.BaseUnit = "个百分点"
	}
	if g.Value != nil {
		v, b := *g.Value, *g.Value
		gt.Value, gt.BaseValue = &v, &b
	}
	approx := ""
	for _, w := range []string{"以上", "以内", "以下", "左右", "不低于", "不少于", "不超过", "超过", "约"} {
		if strings.Contains(g.Text, w) {
			approx = w
			break
		}
	}
	gt.Comparator = comparator(approx, in.File.Text[sent.Start:g.Span.Start])
	gt.Deadline, gt.Year, gt.Period = x.deadline(sec, g.Span, in.File.Text[g.Span.End:sent.End])
	return gt
}

// objectVerbs are kept with a short name they govern: 征收房屋 and 引进企业
// say what is done to 房屋 and 企业, which alone could be anything counted.
var objectVerbs = words.NewSet("征收", "拆除", "改造", "新建", "建设", "引进", "招引", "培育", "安置", "救助", "帮扶",
	"走访", "慰问", "整治", "清理", "化解", "调处", "流转", "收储", "盘活", "腾退", "搬迁",
	"投产", "开工", "通车", "建成") // 新投产铁路 is a flow, 铁路 anything

// clauseOf returns the clause around s, bounded by any clause mark, for
// callers without an extractor's indexes; it looks at most maxContext
// bytes either way, so that a paragraph without marks costs no more than
// that per figure.
func clauseOf(text string, f *document.File, s document.Span) document.Span {
	ps := document.Span{Start: 0, End: len(text)}
	if pi := f.ParagraphAt(s.Start); pi >= 0 {
		ps = f.Paragraphs[pi].Span
	}
	low, high := max(ps.Start, s.Start-maxContext), min(ps.End, s.End+maxContext)
	out := document.Span{Start: low, End: high}
	for i := s.Start - 1; i >= low; i-- {
		if n := clauseMarkSize(text, i); n > 0 {
			out.Start = i + n
			break
		}
	}
	for i := s.End; i < high; i++ {
		if n := clauseMarkSize(text, i); n > 0 && i+n <= high {
			out.End = i + n
			break
		}
	}
	for out.Start < s.Start && !utf8.RuneStart(text[out.Start]) {
		out.Start++
	}
	for out.End > s.End && out.End < len(text) && !utf8.RuneStart(text[out.End]) {
		out.End--
	}
	return out
}

// clauseMarkSize returns the size of the mark of clauseMarks that starts at
// byte i, a full-width one or its half-width form (not 1,234's comma), or 0.
func clauseMarkSize(text string, i int) int {
	switch c := text[i]; {
	case c < utf8.RuneSelf:
		if strings.IndexByte(";,:!?", c) >= 0 && words.HalfWidthMark(text, i) {
			return 1
		}
	case (c == 0xE3 || c == 0xEF) && i+3 <= len(text):
		for _, m := range clauseMarks {
			if len(m) == 3 && text[i:i+3] == m {
				return 3
			}
		}
	}
	return 0
}

// maxContext is how far, in bytes, a target's sentence reaches on either
// side of its figure: about 1,000 characters, far beyond any real
// sentence. A paragraph without sentence marks is one "sentence", and
// giving each of its figures the whole of it made the output quadratic
// in its length.
const maxContext = 3000

// clip bounds the sentence sent to maxContext bytes on either side of the
// figure fig, on character boundaries.
func clip(text string, sent, fig document.Span) document.Span {
	if fig.Start-sent.Start > maxContext {
		sent.Start = fig.Start - maxContext
		for sent.Start < fig.Start && !utf8.RuneStart(text[sent.Start]) {
			sent.Start++
		}
	}
	if sent.End-fig.End > maxContext {
		sent.End = fig.End + maxContext
		for sent.End > fig.End && !utf8.RuneStart(text[sent.End]) {
			sent.End--
		}
	}
	return sent
}

// comparator turns approximation words into a comparison.
func comparator(approx, before string) string {
	switch {
	case strings.Contains(approx, "以上") || strings.Contains(approx, "不少于") || strings.Contains(approx, "不低于") || strings.Contains(approx, "至少"):
		return zongjie.AtLeast
	case strings.Contains(approx, "以内") || strings.Contains(approx, "以下") || strings.Contains(approx, "不超过") || strings.Contains(approx, "不高于"):
		return zongjie.AtMost
	case strings.Contains(approx, "超过") || approx == "超" || strings.Contains(approx, "逾") || strings.Contains(approx, "余") || strings.Contains(approx, "多") || strings.Contains(approx, "高于"):
		return zongjie.Over
	case strings.Contains(approx, "不足") || strings.Contains(approx, "不到") || strings.Contains(approx, "低于"):
		return zongjie.Under
	case strings.Contains(approx, "左右") || strings.Contains(approx, "约") || strings.Contains(approx, "上下") || strings.Contains(approx, "近"):
		return zongjie.About
	}
	// 控制在 binds the figure of its own clause only: "…失业率控制在3%以
	// 内，新增养老床位120张" sets 120张 exactly.
	if i := strings.LastIndexAny(before, "，,；;"); i >= 0 {
		before = before[i:]
	}
	if strings.Contains(before, "控制在") {
		return zongjie.AtMost
	}
	return zongjie.Exactly
}

// halfway finds "…进度过半" commitments: a target of more than 50%.
func (x *extractor) halfway() []zongjie.Target {
	in := x.in
	var out []zongjie.Target
	text := in.File.Text
	for _, s := range flatten(in.Sections) {
		// A heading's text is read in its children's bodies; an
		// enumeration item's in its own, which holds the items nested in
		// it (rank 7 and deeper).
		if s.Kind != zongjie.KindPlan || len(s.Children) > 0 && s.Rank < 6 || s.Rank > 6 {
			continue
		}
		body := text[s.Body.Start:s.Body.End]
		for off := 0; ; {
			i := strings.Index(body[off:], "过半")
			if i < 0 {
				break
			}
			at := s.Body.Start + off + i
			off += i + len("过半")
			fig := document.Span{Start: at, End: at + len("过半")}
			sent := clip(text, x.around(fig, &sentenceMarks), fig)
			name := nameBefore(text[x.around(fig, &phraseMarks).Start:at])
			v, b := 50.0, 50.0
			t := zongjie.Target{
				Text: strings.TrimSpace(text[sent.Start:sent.End]), Name: name, Comparator: zongjie.Over,
				Value: &v, BaseValue: &b, Unit: "%", BaseUnit: "%", Figure: "过半", Span: sent, FigureSpan: fig,
			}
			t.Deadline, t.Year, t.Period = x.deadline(s, fig, text[fig.End:sent.End])
			loc := in.File.Location(sent)
			t.Line, t.Column, t.Offset, t.Length = loc.Line, loc.Column, loc.Offset, loc.Length
			out = append(out, t)
		}
	}
	return out
}

// nameBefore names what is to be more than half done: the words before 过半
// after the last verb ("年底完成**商城消防整治工程、**小区电力整治工程进度").
func nameBefore(s string) string {
	for _, w := range []string{"完成", "实现", "达到", "推进"} {
		if i := strings.LastIndex(s, w); i >= 0 {
			s = s[i+len(w):]
		}
	}
	s = strings.Trim(s, "，、 ")
	if n := utf8.RuneCountInString(s); n > 30 {
		s = string([]rune(s)[n-30:])
	}
	return s
}

// paragraphOf returns the span of the paragraph holding off.
func paragraphOf(f *document.File, off int) document.Span {
	if i := f.ParagraphAt(off); i >= 0 {
		return f.Paragraphs[i].Span
	}
	return document.Span{Start: off, End: off}
}

// deepest returns the deepest section whose body holds off.
func deepest(sections []*zongjie.Section, off int) *zongjie.Section {
	// Siblings follow each other in the text: the one that may hold off
	// is found by binary search, not by trying each (a paragraph of
	// thousands of enumerations made that quadratic).
	i := sort.Search(len(sections), func(i int) bool { return sections[i].Body.End > off })
	for ; i < len(sections) && sections[i].Body.Start <= off; i++ {
		if s := sections[i]; s.Body.Contains(off) {
			if d := deepest(s.Children, off); d != nil {
				return d
			}
			return s
		}
	}
	return nil
}

// inPlanPart reports whether a section above the deepest one holding off
// is a plan section: a subsection of the plan part that reads as problems
// ("（二）补齐基础设施短板" names the gap the plan closes) is still the plan.
func inPlanPart(sections []*zongjie.Section, off int) bool {
	for _, s := range sections {
		if s.Body.Contains(off) {
			if len(s.Children) > 0 && deepest(s.Children, off) != nil {
				return s.Kind == zongjie.KindPlan || inPlanPart(s.Children, off)
			}
			return false
		}
	}
	return false
}

func flatten(sections []*zongjie.Section) []*zongjie.Section {
	var out []*zongjie.Section
	zongjie.Walk(sections, func(s *zongjie.Section) { out = append(out, s) })
	return out
}

// Marks and words that bound the spans around a figure (see around and
// next), each set indexed once per report.
var (
	// Each mark in its half-width form too, as messy reports type it
	// (…设施老化;二是…); a half-width comma or colon between digits (1,234,
	// 8:30) is none (indexSets).
	sentenceMarks = []string{"。", "！", "？", "；", "!", "?", ";"}
	fullStops     = []string{"。", "！", "？", "!", "?"} // a sentence across ；
	clauseMarks   = []string{"。", "！", "？", "；", "，", "、", "：", "!", "?", ";", ",", ":"}
	phraseMarks   = []string{"。", "！", "？", "；", "，", "：", "!", "?", ";", ",", ":"} // a clause whose subject may list items with 、
	commaMarks    = []string{"。", "！", "？", "，", ",", "；", ";", "!", "?"}           // where 控制在 stops binding (see comparator)
	controlWords  = []string{"控制在"}
	// thresholdMarks end the clause after "…以上的村" (see describes).
	thresholdMarks = []string{"，", "。", "；", ",", ";", "\n"}
	digitMarks     = []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}
)

// next returns where the first mark of set at or after off starts, or the
// end of the report.
func (x *extractor) next(off int, set *[]string) int {
	idx := x.index(set)
	if i := sort.SearchInts(idx.starts, off); i < len(idx.starts) {
		return idx.starts[i]
	}
	return x.in.Span.End
}

// markIndex holds the sorted offsets of one set of marks in a report, so
// that the sentence or clause around a figure is two binary searches, not
// a scan to the nearest marks: in a paragraph with few marks that scan
// took the whole paragraph for each of its figures.
type markIndex struct {
	starts, ends []int
}

// around returns the span around s bounded by the marks of set (or its
// paragraph's ends): from just after the last mark that ends at or before
// s.Start to just after the first that starts at or after s.End.
func (x *extractor) around(s document.Span, set *[]string) document.Span {
	idx := x.index(set)
	f := x.in.File
	ps := document.Span{Start: 0, End: len(f.Text)}
	if pi := f.ParagraphAt(s.Start); pi >= 0 {
		ps = f.Paragraphs[pi].Span
	}
	out := ps
	if i := sort.SearchInts(idx.ends, s.Start+1) - 1; i >= 0 && idx.starts[i] >= ps.Start {
		out.Start = idx.ends[i]
	}
	if i := sort.SearchInts(idx.starts, s.End); i < len(idx.starts) && idx.ends[i] <= ps.End {
		out.End = idx.ends[i]
	}
	return out
}

// markSets are the sets of marks index finds together, in one pass over
// a report, the first time one of them is asked for; marksByFirst lists
// their marks by first byte, each with the bits of the sets holding it.
var (
	markSets     = []*[]string{&sentenceMarks, &fullStops, &clauseMarks, &phraseMarks, &commaMarks, &controlWords, &thresholdMarks, &digitMarks}
	marksByFirst = func() (t [256][]markOf) {
		for k, set := range markSets {
			for _, m := range *set {
				i := slices.IndexFunc(t[m[0]], func(o markOf) bool { return o.mark == m })
				if i < 0 {
					t[m[0]], i = append(t[m[0]], markOf{mark: m}), len(t[m[0]])
				}
				t[m[0]][i].sets |= 1 << k
			}
		}
		return t
	}()
	markFirst = func() (t [256]bool) {
		for b, ms := range marksByFirst {
			t[b] = ms != nil
		}
		return t
	}()
)

// markOf is a mark and the bits of the markSets holding it.
type markOf struct {
	mark string
	sets uint32
}

// index returns the offsets of the marks of set in the report, found on
// first use.
func (x *extractor) index(set *[]string) markIndex {
	if k := slices.Index(markSets, set); k >= 0 {
		if x.setIndex == nil {
			x.setIndex = x.indexSets()
		}
		return x.setIndex[k]
	}
	idx, ok := x.marks[set]
	if !ok {
		var first [256]bool // the first bytes of the marks
		for _, m := range *set {
			first[m[0]] = true
		}
		text := x.in.File.Text[:x.in.Span.End]
		for i := x.in.Span.Start; i < len(text); i++ {
			if !first[text[i]] {
				continue
			}
			for _, m := range *set {
				if strings.HasPrefix(text[i:], m) {
					idx.starts = append(idx.starts, i)
					idx.ends = append(idx.ends, i+len(m))
					break
				}
			}
		}
		x.marks[set] = idx
	}
	return idx
}

// indexSets finds the marks of every set of markSets in the report in
// one pass: what index finds for each. No mark is a prefix of another, so
// at most one mark starts at a byte.
func (x *extractor) indexSets() []markIndex {
	out := make([]markIndex, len(markSets))
	text := x.in.File.Text[:x.in.Span.End]
	for i := x.in.Span.Start; i < len(text); i++ {
		if !markFirst[text[i]] {
			continue
		}
		for _, m := range marksByFirst[text[i]] {
			if !strings.HasPrefix(text[i:], m.mark) {
				continue
			}
			if (m.mark == "," || m.mark == ":") && words.BetweenDigits(text, i) {
				break
			}
			for k := range out {
				if m.sets&(1<<k) != 0 {
					out[k].starts = append(out[k].starts, i)
					out[k].ends = append(out[k].ends, i+len(m.mark))
				}
			}
			break
		}
	}
	return out
}

func sortTargets(t []zongjie.Target) {
	// Stable, as the insertion sort it replaces, which was quadratic when
	// many 过半 targets were appended after the others.
	sort.SliceStable(t, func(i, j int) bool { return t[i].FigureSpan.Start < t[j].FigureSpan.Start })
}
