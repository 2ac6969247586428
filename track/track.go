// Package track matches the targets one report set with what a later
// report says was achieved: "城镇新增就业900万人以上" in the 2010 plan with
// "城镇新增就业1168万人" in the 2011 review. Each target gets a status —
// met, missed, partial or unreported — and the evidence: the sentence and
// the figure.
//
// Indicators are matched through package indicator (normalised names and
// synonyms), units through their base unit (亿元 and 万元 are both 元),
// changes with changes (增长7% with 增长7.5%, not with a level), and
// comparators honestly: "5%左右" is met by 5.2%, "3%以内" is missed by
// 3.4%, and for an indicator where less is better (prices, unemployment,
// energy use) "3%左右" is met by anything up to about 3%.
package track

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"zongjie"
	"zongjie/document"
	"zongjie/indicator"
	"zongjie/internal/words"
	"zongjie/target"
)

// Status is how a target fared.
type Status string

// Statuses.
const (
	Met        Status = "met"        // the evidence reaches the target
	Missed     Status = "missed"     // the evidence falls short
	Partial    Status = "partial"    // an amount to reach, part reached (progress says how much)
	Unreported Status = "unreported" // the later report gives no figure for the indicator
)

// Evidence is the figure a later report gives for a target's indicator.
type Evidence struct {
	Name   string   `json:"name,omitempty"` // the indicator as the later report names it (parts only)
	Text   string   `json:"text"`           // the sentence
	Figure string   `json:"figure"`         // the figure as written: "增长6.7%"
	Value  *float64 `json:"value"`          // as written
	Unit   string   `json:"unit"`           // as written
	Line   int      `json:"line"`
	Column int      `json:"column"`
	Offset int      `json:"offset"` // characters from the start of the later report's file
	Length int      `json:"length"`

	base  float64 // in the base unit, signed by the change's direction
	score float64
}

// Result is one target with its outcome.
type Result struct {
	Target    zongjie.Target `json:"target"`
	Indicator string         `json:"indicator"` // the normalised name matched on
	Status    Status         `json:"status"`
	Evidence  *Evidence      `json:"evidence,omitempty"`
	// Parts are the figures added up when the later report gives the
	// target's amount in two parts ("退税减税" as 留抵退税 and 新增减税降
	// 费); Evidence is then the first.
	Parts []Evidence `json:"parts,omitempty"`
	// Progress is the share of the target reached, for a partial amount.
	Progress *float64 `json:"progress,omitempty"`
	// Reason says in Chinese what was compared: "目标增长8%以上，实际增长8.7%".
	Reason string `json:"reason"`
	// In is the later report of TrackAll the evidence is in, by its
	// place in the list (0 for Track's one); meaningless without
	// evidence. When Early, it is the plan of TrackPlans whose report
	// holds the evidence instead.
	In int `json:"-"`
	// Early says the evidence is in an earlier report of the year than
	// the later ones (the half-year's report at the year's end): a
	// year's amount already reached there, which the year's report does
	// not give again (TrackPlans).
	Early bool `json:"early,omitempty"`
	// From is the plan of TrackPlans that set the target, by its place
	// in the list (0 for Track's and TrackAll's one).
	From int `json:"-"`
}

// Outcome is the tracking of one earlier report against one later report.
type Outcome struct {
	Results []Result `json:"targets"`
	// NotDue are the earlier report's targets whose deadline is not the
	// period the later report reviews (a five-year goal, a full-year goal
	// checked against a half-year report).
	NotDue []zongjie.Target `json:"not_due"`
	// NotDueFrom is the plan of TrackPlans that set each of NotDue, by
	// its place in the list.
	NotDueFrom []int `json:"-"`
}

// Count returns the number of results with status s.
func (o *Outcome) Count(s Status) int {
	n := 0
	for _, r := range o.Results {
		if r.Status == s {
			n++
		}
	}
	return n
}

// Track matches the targets of old with what newRep, a report of file
// newFile, reports.
func Track(old *zongjie.Report, newFile *document.File, newRep *zongjie.Report) *Outcome {
	return TrackAll(old, []Later{{File: newFile, Report: newRep}})
}

// Later is a report that may tell what became of earlier targets: the
// file it was read from and its extraction.
type Later struct {
	File   *document.File
	Report *zongjie.Report
}

// TrackAll matches the targets of old with what the later reports say
// together: the reports of one unit for one period (a year's 工作总结 and
// its topic reports on 安全生产 or 信访), each of which tells part of the
// period's results. A target is due when it falls in the period one of
// them reviews, and is rated by the likeliest figure any of those reports
// gives (Result.In says which; on a tie, the first in later's order); it
// is unreported only when none of them reports it. With one later report
// it is Track.
func TrackAll(old *zongjie.Report, later []Later) *Outcome {
	return TrackPlans([]Plan{{Report: old}}, later)
}

// Plan is an earlier report whose plan set targets the later reports are
// tracked against. Since are the terms reviewed by the unit's reports
// written after it and before the later ones (a half-year's report
// between a year's plan and the year's end): its targets due in one of
// them were tracked there, and are left out.
//
// File is the file Report was read from, or nil. Given, and when Report
// reviews a part of the later reports' year (the half-year's report at the
// year's end), its review's figures are evidence for the year's targets
// none of the later reports gives a figure for: an amount reached by then
// is met (Result.Early); one short of it stays unreported, the figure so
// far said in the reason — the year's outcome is not known.
type Plan struct {
	Report *zongjie.Report
	Since  []*zongjie.Term
	File   *document.File
}

// TrackPlans is TrackAll with the targets of several earlier reports: a
// year's targets set in the report before the year, the second half's set
// in the half-year's report. plans are the latest first; the first is
// TrackAll's old, whose targets are all tracked or not due as TrackAll
// tracks them. Of each earlier plan, only the targets of the later
// reports' year are taken: those due in the later reports' period are
// tracked, the others not due, and those due in a term of Since left out.
// A target a later plan restates is one target, the later statement
// wins: the same Signature (indicator, change, comparator, value, unit),
// or the same indicator, change and unit falling due in the same term
// (restated with another value). Result.From says which plan set a
// target, by its place in plans.
func TrackPlans(plans []Plan, later []Later) *Outcome {
	out := &Outcome{Results: []Result{}, NotDue: []zongjie.Target{}}
	var (
		ev       []candidate
		verdicts []verdict
	)
	for i, l := range later {
		for _, c := range candidates(l.File, l.Report) {
			c.in = i
			ev = append(ev, c)
		}
		for _, v := range verdictSentences(l.File, l.Report) {
			v.in = i
			verdicts = append(verdicts, v)
		}
	}
	year := 0 // the later reports' year, for the earlier plans
	for _, l := range later {
		if rev := l.Report.Meta.Review; rev != nil && rev.Year > 0 && !l.Report.Meta.PlanAlone() {
			year = rev.Year
			break
		}
	}
	early := earlyCandidates(plans, year)
	dueIn := make([]bool, len(later))
	seen := map[string]bool{}
	for from, p := range plans {
		old := p.Report
		if old == nil {
			continue
		}
		if from > 0 && year == 0 {
			break // no year known: only the latest plan's targets
		}
		// What this plan states hides it in the earlier plans, once
		// the whole plan is read; twice in this plan is once (mine).
		stated, mine := map[string]bool{}, map[string]bool{}
		for _, t := range old.Targets {
			if t.Placeholder || t.BaseValue == nil {
				continue
			}
			if from > 0 {
				ty, _ := dueTerm(t, old)
				if ty != year {
					continue // another year's target: not this period's concern
				}
				if sinceDue(t, old, p.Since) {
					continue // tracked in the report that reviewed its term
				}
			}
			sig, term := Signature(t), termKey(t, old)
			if seen[sig] || seen[term] {
				continue // restated by a later plan: the later statement wins
			}
			stated[sig], stated[term] = true, true
			some, all := false, true
			for i, l := range later {
				dueIn[i] = due(t, old, l.Report)
				some, all = some || dueIn[i], all && dueIn[i]
			}
			if !some {
				out.NotDue, out.NotDueFrom = append(out.NotDue, t), append(out.NotDueFrom, from)
				continue
			}
			name := indicator.Parse(t.Name)
			change := t.Change
			if change == "" {
				change = name.Change
			}
			if mine[sig] {
				continue // the same target restated ("提出国内生产总值增长8%左右，主要是…")
			}
			mine[sig] = true
			cands, vs := ev, verdicts
			if !all {
				// Only the reports of the period the target falls in tell
				// whether it was reached.
				cands, vs = nil, nil
				for _, c := range ev {
					if dueIn[c.in] {
						cands = append(cands, c)
					}
				}
				for _, v := range verdicts {
					if dueIn[v.in] {
						vs = append(vs, v)
					}
				}
			}
			r := judge(t, name, change, cands)
			if r.Status == Unreported && !indicator.Bare(name.Key) {
				rateInWords(&r, name, vs)
			}
			if r.Status == Unreported && len(later) > 1 {
				// None of them reports it, not the one.
				r.Reason = strings.Replace(r.Reason, "后一报告未报告", "本期各篇报告均未报告", 1)
			}
			if r.Status == Unreported && len(early) > 0 {
				rateEarly(&r, t, old, name, change, early, plans)
			}
			r.From = from
			out.Results = append(out.Results, r)
		}
		for k := range stated {
			seen[k] = true
		}
	}
	return out
}

// earlyCandidates returns the figures of the reviews of plans' reports
// (those read with their File) of a part of year, not the year itself
// (the half-year's report at the year's end): in is the plan's place in
// plans. Figures in a plan or a problems section are left out.
func earlyCandidates(plans []Plan, year int) []candidate {
	var out []candidate
	for i, p := range plans {
		if p.File == nil || p.Report == nil || year == 0 || p.Report.Meta.PlanAlone() {
			continue
		}
		rev := p.Report.Meta.Review
		if rev == nil || rev.Year != year || rev.Period == "" || rev.Period == zongjie.PeriodFullYear {
			continue
		}
		for _, c := range candidates(p.File, p.Report) {
			if c.tier == 0 && c.section != string(zongjie.KindProblems) {
				c.in = i
				out = append(out, c)
			}
		}
	}
	return out
}

// earlyScore is the least name match that rates a target by an earlier
// report's figure: the indicator itself (高标准农田 for 新建高标准农田), not
// a name merely alike ("全镇45家规上工业企业中", a stock told among the
// problems, for 新增规上工业企业) — the year's report, which would tell,
// is silent.
const earlyScore = 0.9

// rateEarly rates a year's target that none of the later reports gives a
// figure for by the figures of an earlier report of the year (early,
// earlyCandidates): an amount to reach (not a rate, a change, a level
// where less is better, a ceiling) already reached there by one figure of
// the indicator itself is met, as amounts only grow through the year
// ("已建成高标准农田2600亩，提前完成全年任务"); one short of it is partial
// progress, not the year's outcome: the target stays unreported and the
// reason says the figure so far. A sum of parts is not taken.
func rateEarly(r *Result, t zongjie.Target, old *zongjie.Report, name indicator.Name, change string, early []candidate, plans []Plan) {
	if _, period := dueTerm(t, old); period != zongjie.PeriodFullYear {
		return // a half's target: a figure of the half before says nothing of it
	}
	unit := baseUnit(t.BaseUnit)
	if change != "" || unit == "%" || unit == "个百分点" || indicator.LowerIsBetter(name.Key) ||
		t.Comparator == zongjie.AtMost || t.Comparator == zongjie.Under {
		return
	}
	var cands []candidate
	for _, c := range early {
		if indicator.Measure(c.clause) != indicator.Stock {
			cands = append(cands, c) // a stock then is not what the year added
		}
	}
	e := judge(t, name, change, cands)
	if e.Evidence == nil || len(e.Parts) > 0 || e.Evidence.score < earlyScore {
		return
	}
	when := plans[e.In].Report.Meta.Review.Words() // 2026年上半年
	if e.Status == Met {
		e.Early = true
		e.Reason = fmt.Sprintf("目标%s，%s的报告已达到：%s；本期报告未再报告", targetText(t, name.Text), when, e.Evidence.Figure)
		e.From = r.From
		*r = e
		return
	}
	if e.Status == Partial && e.Progress != nil {
		r.Reason += fmt.Sprintf("；%s的报告为%s（第%d行），为目标的%s%%，全年结果未报告", when, e.Evidence.Figure, e.Evidence.Line,
			strconv.FormatFloat(math.Round(*e.Progress*1000)/10, 'f', -1, 64))
	}
}

// dueTerm returns the year and period a target of report old falls due
// in: its own deadline's, else the plan's; year 0 when neither is known.
func dueTerm(t zongjie.Target, old *zongjie.Report) (int, zongjie.Period) {
	year, period := t.Year, t.Period
	if year == 0 && old.Meta.Plan != nil {
		year, period = old.Meta.Plan.Year, old.Meta.Plan.Period
	}
	if period == "" {
		period = zongjie.PeriodFullYear
	}
	return year, period
}

// termKey identifies a target by its indicator, change and unit and the
// term it falls due in: a later plan restating it with another value
// ("下半年确保全年新增就业700人" after "新增就业600人") states the same
// target.
func termKey(t zongjie.Target, old *zongjie.Report) string {
	name := indicator.Parse(t.Name)
	change := t.Change
	if change == "" {
		change = name.Change
	}
	year, period := dueTerm(t, old)
	return fmt.Sprintf("term|%s|%s|%s|%d|%s", name.Key, change, t.BaseUnit, year, period)
}

// sinceDue reports whether target t of report old falls due in one of the
// terms since.
func sinceDue(t zongjie.Target, old *zongjie.Report, since []*zongjie.Term) bool {
	for _, s := range since {
		if s != nil && dueBy(t, old, s) {
			return true
		}
	}
	return false
}

// Signature identifies a target by what it commits to: indicator, change,
// comparator, value and unit. Two targets of one report with the same
// signature are one target stated twice ("国内生产总值增长8%左右" in the
// list of goals and "提出国内生产总值增长8%左右，主要是…" explaining it).
func Signature(t zongjie.Target) string {
	name := indicator.Parse(t.Name)
	change := t.Change
	if change == "" {
		change = name.Change
	}
	v := 0.0
	if t.BaseValue != nil {
		v = *t.BaseValue
	}
	return fmt.Sprintf("%s|%s|%s|%g|%s", name.Key, change, t.Comparator, v, t.BaseUnit)
}

// due reports whether target t of report old falls in the period that
// report newRep reviews.
func due(t zongjie.Target, old, newRep *zongjie.Report) bool {
	if newRep.Meta.PlanAlone() {
		return false // 2027年工作计划 reports on no target
	}
	rev := newRep.Meta.Review
	if rev == nil || rev.Year == 0 {
		return true // nothing known: let the evidence decide
	}
	return dueBy(t, old, rev)
}

// dueBy reports whether target t of report old falls in term rev, a
// review's.
func dueBy(t zongjie.Target, old *zongjie.Report, rev *zongjie.Term) bool {
	year, period := t.Year, t.Period
	if year == 0 && old.Meta.Plan != nil {
		year, period = old.Meta.Plan.Year, old.Meta.Plan.Period
	}
	if year != rev.Year {
		return false
	}
	switch {
	case rev.Period == zongjie.PeriodFullYear, rev.Period == "":
		return true // a year's review reports on its halves too
	case period == "" || period == zongjie.PeriodFullYear:
		return false // a full-year goal is not due at mid-year
	}
	return period == rev.Period
}

// candidate is a figure of the later report that may be evidence: a
// quantity, or the change reported with it (财政收入9.01亿元，同比增长33%).
type candidate struct {
	ev      Evidence
	unit    string // base unit
	change  string // up, down, flat or ""
	nameKey string // the indicator named before the figure
	altKey  string // the name extraction gave the figure ("完成2个未来社区…": 未来社区)
	altNext bool   // that name is the words right after the figure (20个村级调解室)
	ageOf   bool   // an age that says whom the words after it count (35岁以下青年党员), no indicator's value
	after   string // the title a count earned, named after it ("2家企业获评市级专精特新企业")
	text    string // the indicator's name as written, for showing
	clause  string // the words of its clause before it, for what it measures (a flow or a stock)
	tier    int    // 0 a result, 1 in a plan section, 2 a multi-year figure: lower is likelier
	section string // the kind of section it is in (zongjie.SectionKind), "" when not known
	sent    int    // where its sentence starts
	in      int    // the later report it is in (TrackAll)
}

// candidates returns the figures of newRep that may report results: not
// one of its own targets, not a restated target ("低于13%左右的预期目标").
// A figure in a plan section ("过去一年，我们的各项工作取得了很大成绩。国
// 内生产总值增长10.3%" opens the 2011 plan) or in a passage about several
// years (这五年, 年均, 累计) is kept at a lower tier.
func candidates(f *document.File, r *zongjie.Report) []candidate {
	own := map[int]bool{}
	for _, t := range r.Targets {
		own[t.FigureSpan.Start] = true
	}
	text := f.Text
	heads := headingEnds(f, r)
	var out []candidate
	for k, q := range r.Quantities {
		if q.Placeholder || own[q.Span.Start] {
			continue
		}
		if restates(text[q.Span.End:min(len(text), q.Span.End+30)]) || restatedBefore(text[max(0, q.Span.Start-30):q.Span.Start]) {
			continue
		}
		if target.IsFrom(f, r.Quantities, k) && !lastYears(text[max(0, q.Span.Start-12):q.Span.Start]) {
			continue // 从不到70万亿元增加到…: the value left behind, not the year's
		}
		tier := 0
		if q.Section == string(zongjie.KindPlan) {
			tier = 1
		}
		my := multiYear(f, heads, q.Span.Start)
		if strings.Contains(q.Text, "年均") || strings.Contains(q.Text, "累计") {
			my = 2
		}
		switch my {
		case 1:
			tier = 2
		case 2:
			continue // 年均增长12.2%: not one year's result
		}
		name := nameBefore(f, r, heads, q.Span.Start)
		alt := indicator.Parse(q.Name).Key
		if strings.Contains(name.Key, "、") && !indicator.Bare(alt) {
			// "二氧化硫、氮氧化物排放量分别下降5.6%和4%": the words before
			// list several indicators; extraction gave this figure its own.
			name = indicator.Parse(q.Name)
		}
		if q.BaseValue != nil {
			c := candidate{unit: people(baseUnit(q.BaseUnit), name.Text+q.Name), change: q.Change, nameKey: name.Key, altKey: alt, text: name.Text, tier: tier,
				altNext: q.Name != "" && strings.HasPrefix(text[q.Span.End:], q.Name),
				ageOf:   q.BaseUnit == "岁" && nounAfter(text[q.Span.End:]),
				clause:  clauseTo(text, q.Span.Start),
				section: q.Section,
				sent:    sentenceAfter(text, heads, q.Span.Start, q.Span.End).Start, after: titleAfter(text, q.Span.End)}
			switch {
			case c.after != "":
			case nothingBefore(f, r, q):
				// 帮助132名就业困难人员实现就业; 1240万农村贫困人口实现脱贫
				// says a change after the figure too.
				after := clauseAfter(text, q.Span.End)
				c.after = after.Key
				if c.change == "" && name.Change == "" {
					c.change = after.Change
				}
			case q.Name != "" && strings.HasPrefix(text[q.Span.End:], q.Name):
				c.after = clauseWithout(f, heads, q) // 全年取消和下放246项行政审批事项
			}
			if c.change == "" {
				// 居民消费价格涨幅控制在3.3%; 减少农村贫困人口1240万人 and
				// 农村贫困人口脱贫1240万人 tell a change in their name.
				c.change = name.Change
			}
			c.ev = evidence(f, heads, q.Span, q.Text, q.Value, q.Unit)
			c.ev.base = signed(*q.BaseValue, c.change)
			if q.BaseValueTo != nil && fromTo(f, q) {
				// 从100亿元到108亿元, read as one range: the year's value is its end.
				c.ev.Value, c.ev.base = q.ValueTo, signed(*q.BaseValueTo, c.change)
			}
			out = append(out, c)
			for _, n := range q.Also {
				// "化学需氧量、氨氮排放量分别下降2%": the figure of each.
				a := c
				a.nameKey, a.altKey, a.after, a.text = indicator.Parse(n).Key, "", "", n
				out = append(out, a)
			}
		}
		if g := q.Growth; g != nil && g.Value != nil && !g.Placeholder && multiYear(f, heads, g.Span.Start) < 2 &&
			!strings.Contains(g.Text, "年均") && !strings.Contains(g.Text, "累计") {
			// The change belongs to the quantity it follows: name it so.
			c := candidate{unit: baseUnit(g.Unit), change: g.Direction, nameKey: name.Key, text: name.Text, tier: tier, clause: clauseTo(text, q.Span.Start)}
			c.ev = evidence(f, heads, g.Span, g.Text, g.Value, g.Unit)
			c.ev.base = signed(*g.Value, g.Direction)
			if g.Unit == q.Unit && q.Value != nil && *q.Value != 0 && q.BaseValue != nil {
				// "由5575万人减少到4335万人，减少1240万人": a change in the
				// quantity's own unit, counted in its base unit.
				c.unit = people(baseUnit(q.BaseUnit), name.Text+q.Name)
				c.ev.base = signed(*g.Value**q.BaseValue / *q.Value, g.Direction)
			}
			out = append(out, c)
		}
	}
	return out
}

// multiYear says whether the figure at off is about several years: 2 when
// its sentence gives an annual average or a cumulative total, or names a
// five-year plan period, before it; 1 when its paragraph speaks of 五年
// (the results of the last year are often told inside a five-year
// review); 0 otherwise.
func multiYear(f *document.File, heads []int, off int) int {
	sent := sentenceAfter(f.Text, heads, off, off)
	s := f.Text[sent.Start:off]
	for _, w := range []string{"年均", "累计", "十一五", "十二五", "十三五", "十四五", "十五五"} {
		if strings.Contains(s, w) {
			return 2
		}
	}
	p := f.Paragraphs[f.ParagraphAt(off)].Span
	if strings.Contains(f.Text[p.Start:p.End], "五年") {
		return 1
	}
	return 0
}

// restates reports whether the words after a figure say it is a target,
// not a result: "…13%左右的预期目标", "…的目标".
func restates(after string) bool {
	after = strings.TrimLeft(after, "的")
	for _, w := range []string{"目标", "预期", "计划"} {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	return false
}

// fromTo reports whether a range is a from–to phrase: 到 or 至 between
// its ends and 从 or 由 before it in its clause ("从100亿元到108亿元").
func fromTo(f *document.File, q zongjie.Quantity) bool {
	if !strings.ContainsAny(q.Text, "到至") {
		return false
	}
	before := f.Text[max(0, q.Span.Start-60):q.Span.Start]
	if i := strings.LastIndexAny(before, "，。；：,;:"); i >= 0 {
		before = before[i:]
	}
	return strings.HasSuffix(before, "从") || strings.HasSuffix(before, "由")
}

// earnedVerbs say that what was counted earned a title: the title is
// the indicator ("2家企业获评市级专精特新企业" counts 市级专精特新企业).
var earnedVerbs = []string{"获评为", "获评", "被认定为", "认定为", "被评为", "评为", "入选", "获批", "列入", "成功创建为", "成功创建", "创建为"}

// titleAfter returns the key of the title a count earned, named after the
// figure that ends at off: a noun of at most six characters, an earned
// verb, the title up to the end of the clause; or "".
func titleAfter(text string, off int) string {
	rest := text[off:min(len(text), off+150)]
	if i := strings.IndexAny(rest, clauseStops+"\n"); i >= 0 {
		rest = rest[:i]
	}
	for _, v := range earnedVerbs {
		i := strings.Index(rest, v)
		if i < 0 || utf8.RuneCountInString(rest[:i]) > 6 {
			continue
		}
		if n := indicator.Parse(rest[i+len(v):]); !indicator.Bare(n.Key) {
			return n.Key
		}
	}
	return ""
}

// nothingBefore reports whether the clause of quantity q names nothing
// before it ("帮助132名…", "完成8个小区…"): its indicator follows it.
func nothingBefore(f *document.File, r *zongjie.Report, q zongjie.Quantity) bool {
	text := f.Text
	start := q.Span.Start
	for start > 0 {
		c, size := utf8.DecodeLastRuneInString(text[:start])
		if strings.ContainsRune(clauseStops, c) || c == '\n' {
			break
		}
		start -= size
	}
	k := indicator.Parse(text[start:q.Span.Start]).Key
	return indicator.Bare(k) || utf8.RuneCountInString(k) <= 2 // a verb alone: 帮助, 建成
}

// lastYears reports whether the words before a figure date it to the year
// before the report's ("赤字率从去年的2.1%提高到2.3%": the from of a plan is
// the reviewed year's result).
func lastYears(before string) bool { return lastYearWords.Suffix(before) != "" }

var lastYearWords = words.NewSet("去年的", "上年的", "去年", "上年")

// clauseWithout returns the key of the clause of q without q: the verb
// before a count and the noun after it together ("全年取消和下放246项行政审
// 批事项" names 取消和下放行政审批事项).
func clauseWithout(f *document.File, heads []int, q zongjie.Quantity) string {
	text := f.Text
	start := q.Span.Start
	for start > 0 {
		c, size := utf8.DecodeLastRuneInString(text[:start])
		if strings.ContainsRune(clauseStops, c) || c == '\n' {
			break
		}
		start -= size
	}
	if i := sort.SearchInts(heads, q.Span.Start+1); i > 0 && heads[i-1] > start && heads[i-1] <= q.Span.Start {
		start = heads[i-1]
	}
	after := text[q.Span.End:min(len(text), q.Span.End+150)]
	if i := strings.IndexAny(after, clauseStops+"\n0123456789"); i >= 0 {
		after = after[:i]
	}
	if n := indicator.Parse(text[start:q.Span.Start] + after); !indicator.Bare(n.Key) {
		return n.Key
	}
	return ""
}

// clauseAfter returns the name of the words after a figure that ends at
// off, to the end of its clause.
func clauseAfter(text string, off int) indicator.Name {
	rest := text[off:min(len(text), off+150)]
	if i := strings.IndexAny(rest, clauseStops+"\n0123456789"); i >= 0 {
		rest = rest[:i] // to the end of the clause, or the next figure
	}
	if n := indicator.Parse(rest); !indicator.Bare(n.Key) {
		return n
	}
	return indicator.Name{}
}

// restatedBefore reports whether the words just before a figure say it is
// the target being reported on, not the result: "超过原定的近100亿元规模",
// "高于年初预期的6%".
func restatedBefore(before string) bool { return restatedWords.Suffix(before) != "" }

var restatedWords = words.NewSet("原定", "原定的", "预定的", "预期的", "年初确定的", "年初预期的", "年初计划的", "计划的", "目标的", "预期目标", "目标任务")

func evidence(f *document.File, heads []int, span document.Span, figure string, v *float64, unit string) Evidence {
	sent := sentenceAfter(f.Text, heads, span.Start, span.End)
	loc := f.Location(span)
	return Evidence{
		Text: strings.TrimSpace(f.Text[sent.Start:sent.End]), Figure: figure, Value: v, Unit: unit,
		Line: loc.Line, Column: loc.Column, Offset: loc.Offset, Length: loc.Length,
	}
}

func signed(v float64, change string) float64 {
	if change == zongjie.Down {
		return -v
	}
	return v
}

func baseUnit(u string) string {
	switch u {
	case "％":
		return "%"
	case "百分点":
		return "个百分点"
	}
	// An amount per a period (元/月, 吨/日) is compared as the amount: a
	// report writes 每月800元 as readily as 800元/月.
	if i := strings.LastIndex(u, "/"); i > 0 {
		switch u[i+1:] {
		case "日", "天", "月", "年", "季度", "周":
			return u[:i]
		}
	}
	return u
}

// clauseStops end a clause; sentenceStops end a sentence.
const (
	sentenceStops = "。；！？!?;"
	clauseStops   = "，,：:" + sentenceStops
)

// sentence returns the sentence around [start, end): from after the last
// sentence stop before start to the first one after end. Line breaks do
// not end a sentence (page chrome breaks lines mid-sentence), but at most
// 300 bytes are taken on each side.
func sentence(text string, start, end int) document.Span {
	s := start
	for s > 0 && start-s < 300 {
		r, size := utf8.DecodeLastRuneInString(text[:s])
		if strings.ContainsRune(sentenceStops, r) || r == '\n' && s >= 2 && blankBefore(text[:s]) {
			break
		}
		s -= size
	}
	e := end
	for e < len(text) && e-end < 300 {
		r, size := utf8.DecodeRuneInString(text[e:])
		e += size
		if strings.ContainsRune(sentenceStops, r) {
			break
		}
	}
	return document.Span{Start: s, End: e}
}

// headingEnds returns the sorted ends of the lines of r's headings (not
// the enumerations inside paragraphs): a sentence never reaches back over
// a heading, though it may over other line breaks.
func headingEnds(f *document.File, r *zongjie.Report) []int {
	var out []int
	zongjie.Walk(r.Outline, func(s *zongjie.Section) {
		if s.Inline {
			return
		}
		end := s.Span.End
		if i := strings.IndexByte(f.Text[end:], '\n'); i >= 0 {
			end += i
		} else {
			end = len(f.Text)
		}
		out = append(out, end)
	})
	sort.Ints(out)
	return out
}

// sentenceAfter is sentence, starting no earlier than the end of the last
// heading line before start.
func sentenceAfter(text string, heads []int, start, end int) document.Span {
	s := sentence(text, start, end)
	if i := sort.SearchInts(heads, start+1); i > 0 && heads[i-1] > s.Start && heads[i-1] <= start {
		s.Start = heads[i-1]
	}
	return s
}

// blankBefore reports whether the text ends with a blank line ("\n\n"):
// a paragraph break a sentence does not cross.
func blankBefore(s string) bool {
	return strings.HasSuffix(strings.TrimRight(s, " \t\u3000\u200b"), "\n\n")
}

// nounAfter reports whether s, the text after a figure, opens with a
// Chinese word (after a 的 or 及): the figure qualifies it ("3－6岁幼儿",
// "80周岁以上的老人") rather than ending its clause ("人均预期寿命78.5岁。").
func nounAfter(s string) bool {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "的"), "及")
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.Is(unicode.Han, r)
}

// nameBefore returns the key of the indicator named before the figure at
// off: the words from the start of its clause to the first figure of the
// clause ("国内生产总值达到74.4万亿元" names 国内生产总值). A clause that
// names nothing ("，增长6.7%") takes the name of the clause before it in
// the sentence.
func nameBefore(f *document.File, r *zongjie.Report, heads []int, off int) indicator.Name {
	text := f.Text
	sent := sentenceAfter(text, heads, off, off)
	end := off
	var elided indicator.Name
	for range 3 {
		start := end
		for start > sent.Start {
			c, size := utf8.DecodeLastRuneInString(text[:start])
			if strings.ContainsRune(clauseStops, c) || c == '—' {
				break
			}
			start -= size
		}
		// The words since the last figure of the clause ("…超过5万元，其中
		// 行政村集体经营性收入均超过" names the next one), else those up to
		// its first figure ("国内生产总值达到74.4万亿元").
		from, first := start, -1
		qs := r.Quantities // in document order
		for i := sort.Search(len(qs), func(i int) bool { return qs[i].Span.Start >= start }); i < len(qs) && qs[i].Span.Start < end; i++ {
			if qs[i].Span.End <= end {
				from = qs[i].Span.End
				if first < 0 {
					first = qs[i].Span.Start
				}
			}
		}
		var found indicator.Name
		if n := indicator.Parse(text[from:end]); !indicator.Bare(n.Key) && !unitOnly(n.Key) {
			found = n
		} else if first >= 0 {
			if n := indicator.Parse(text[start:first]); !indicator.Bare(n.Key) {
				found = n
			}
		}
		switch {
		case found.Key == "":
		case elided.Key != "":
			// "新开工保障性安居工程666万套，基本建成544万套": the object of
			// the clause before, then the verb that names the figure.
			obj := indicator.Parse(indicator.StripVerbs(found.Text))
			if indicator.Bare(obj.Key) {
				return elided
			}
			return indicator.Name{Key: obj.Key + elided.Key, Change: elided.Change, Text: obj.Text + elided.Text}
		case indicator.Elliptic(found.Key):
			elided = found // a verb alone names its figure with the object of the clause before
		default:
			return found
		}
		if start <= sent.Start {
			break
		}
		_, size := utf8.DecodeLastRuneInString(text[:start])
		end = start - size
	}
	return elided
}

// verdict is a sentence of the later report that says in words whether a
// goal was reached: "去年我国进出口总额出现下降，预期增长目标未能实现".
type verdict struct {
	folded string
	status Status
	ev     Evidence
	in     int // the later report it is in (TrackAll)
}

var (
	missedWords = []string{"未能实现", "未实现", "没有实现", "未能完成", "未完成", "没有完成", "未达到", "没有达到", "未达预期", "低于预期",
		"低于原定", "未达原定"}
	metWords = []string{"超额完成", "全面完成", "圆满完成", "顺利完成", "如期完成", "实现了预期目标", "达到预期目标", "好于预期", "超出预期", "超过预期",
		"超过原定", "高于原定", "超出原定", "好于原定"} // "减税降费超过原定的近100亿元规模": the restated target, reached
)

// verdictSentences returns the sentences of r that hold a verdict word
// and look back: none holds one of r's own targets or a word of the
// future (今年, 力争).
func verdictSentences(f *document.File, r *zongjie.Report) []verdict {
	var out []verdict
	text := f.Text
	start := r.Span.Start
	for i := r.Span.Start; i < r.Span.End; {
		c, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if !strings.ContainsRune(sentenceStops, c) && i < r.Span.End {
			continue
		}
		s := text[start:i]
		st := Unreported
		switch {
		case containsAny(s, missedWords):
			st = Missed
		case containsAny(s, metWords):
			st = Met
		}
		if st != Unreported && !containsAny(s, []string{"今年", "明年", "力争", "确保", "计划", "拟"}) && !ownIn(r.Targets, start, i) {
			span := document.Span{Start: start, End: i}
			loc := f.Location(span)
			out = append(out, verdict{folded: indicator.Fold(s), status: st, ev: Evidence{
				Text: strings.TrimSpace(s), Line: loc.Line, Column: loc.Column, Offset: loc.Offset, Length: loc.Length,
			}})
		}
		start = i
	}
	return out
}

// ownIn reports whether a target's figure lies in [start, end).
func ownIn(ts []zongjie.Target, start, end int) bool {
	for _, t := range ts {
		if t.FigureSpan.Start >= start && t.FigureSpan.Start < end {
			return true
		}
	}
	return false
}

func containsAny(s string, list []string) bool {
	for _, w := range list {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// rateInWords rates an unreported target by a sentence that names its
// indicator and says in words whether it was reached.
func rateInWords(r *Result, name indicator.Name, vs []verdict) {
	for _, v := range vs {
		i := strings.Index(v.folded, name.Key)
		if i < 0 || utf8.RuneCountInString(name.Key) < 3 || indicator.Inside(v.folded, i, i+len(name.Key)) {
			continue // not named, or named inside a more specific indicator (单位生产总值能耗)
		}
		if j := indexAny(v.folded[i:], missedWords, metWords); j < 0 || utf8.RuneCountInString(v.folded[i:i+j]) > 30 {
			continue // the verdict is about something else in the sentence
		}
		e := v.ev
		r.Status, r.Evidence, r.In = v.status, &e, v.in
		r.Reason = fmt.Sprintf("目标%s，后一报告未给出数字，但写明“%s”", targetText(r.Target, name.Text), clipRunes(e.Text, 40))
		return
	}
}

// indexAny returns the first byte offset in s of a word of the lists, or -1.
func indexAny(s string, lists ...[]string) int {
	best := -1
	for _, l := range lists {
		for _, w := range l {
			if i := strings.Index(s, w); i >= 0 && (best < 0 || i < best) {
				best = i
			}
		}
	}
	return best
}

func clipRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// unitOnly reports whether a name is only a unit left behind by a line
// break inside a figure ("74.4\n万亿元").
func unitOnly(key string) bool {
	k := strings.TrimLeft(key, "万亿千百十")
	switch k {
	case "元", "亿元", "万元", "美元", "人", "人次", "户", "个", "家", "吨", "亩", "公里", "千瓦", "件", "项", "套", "辆":
		return true
	}
	return k == ""
}

// clauseTo returns the words of the clause of text that ends at off.
func clauseTo(text string, off int) string {
	start := off
	for start > 0 && off-start < 150 {
		c, size := utf8.DecodeLastRuneInString(text[:start])
		if strings.ContainsRune(clauseStops, c) || c == '\n' {
			break
		}
		start -= size
	}
	return text[start:off]
}

// people gives a count of people written without its measure word ("农村
// 贫困人口减少1240万", "易地扶贫搬迁人口240万") the unit 人, from the words
// that name it.
func people(unit, name string) string {
	if unit != "" {
		return unit
	}
	for _, w := range []string{"人口", "人员", "人数", "脱贫", "劳动力", "农民工", "就业"} {
		if strings.Contains(name, w) {
			return "人"
		}
	}
	return unit
}

// minScore is the least name similarity accepted as the same indicator.
const minScore = 0.75

// judge finds the evidence for target t and rates it.
func judge(t zongjie.Target, name indicator.Name, change string, cands []candidate) Result {
	res := Result{Target: t, Indicator: name.Key, Status: Unreported}
	if indicator.Bare(name.Key) {
		res.Reason = "目标未写明指标名称，无法对照"
		return res
	}
	unit := people(baseUnit(t.BaseUnit), name.Text)
	clause := t.Text
	if i := strings.Index(clause, t.Figure); i >= 0 && t.Figure != "" {
		clause = clauseTo(clause, i)
	}
	var best *candidate
	for i := range cands {
		c := &cands[i]
		if c.unit != unit || (c.change != "") != (change != "") || !indicator.SameMeasure(clause, c.clause) {
			continue // another unit, a change for a level, a stock for a flow
		}
		s := 0.0
		if c.nameKey != "" {
			s = match(name.Key, c.nameKey)
		}
		if c.altKey != "" && !indicator.Bare(c.altKey) {
			s = max(s, match(name.Key, c.altKey))
		}
		if c.after != "" {
			s = max(s, match(name.Key, c.after))
		}
		if s < minScore {
			continue
		}
		c.ev.score = s
		if best == nil || c.tier < best.tier || c.tier == best.tier && s > best.ev.score {
			best = c
		}
	}
	if best == nil {
		if sumOfParts(&res, name, change, cands) {
			return res
		}
		res.Reason = fmt.Sprintf("后一报告未报告“%s”的%s", name.Text, kindWord(unit, change))
		return res
	}
	e := best.ev
	res.Evidence, res.In = &e, best.in
	res.Status, res.Progress = rate(t, name.Key, change, e.base)
	res.Reason = fmt.Sprintf("目标%s，实际%s", targetText(t, name.Text), e.Figure)
	return res
}

// sumOfParts rates an amount whose indicator the later report gives in two
// parts, in one sentence: the target's name split in two, each half in the
// name of one figure of the same unit ("退税减税" met by "留抵退税2.4万亿
// 元，新增减税降费1万亿元"). The two figures are added; both are the
// evidence.
func sumOfParts(res *Result, name indicator.Name, change string, cands []candidate) bool {
	t := res.Target
	unit := baseUnit(t.BaseUnit)
	if change != "" || unit == "%" || unit == "个百分点" {
		return false // rates and changes do not add up
	}
	k := name.Key
	for _, w := range []string{"总额", "总量", "规模", "合计", "总计"} {
		k = strings.TrimSuffix(k, w) // 退税减税总额 is the sum of 退税 and 减税
	}
	key := []rune(k)
	for i := 2; i+2 <= len(key); i++ {
		p1, p2 := string(key[:i]), string(key[i:])
		for a := range cands {
			c1 := &cands[a]
			if c1.tier > 0 || c1.unit != unit || c1.change != "" || !strings.Contains(c1.nameKey, p1) || strings.Contains(c1.nameKey, p2) {
				continue
			}
			for b := range cands {
				c2 := &cands[b]
				if b == a || c2.in != c1.in || c2.sent != c1.sent || c2.tier > 0 || c2.unit != unit || c2.change != "" ||
					!strings.Contains(c2.nameKey, p2) || strings.Contains(c2.nameKey, p1) {
					continue
				}
				e1, e2 := c1.ev, c2.ev
				e1.Name, e2.Name = c1.text, c2.text
				res.Evidence, res.Parts, res.In = &e1, []Evidence{e1, e2}, c1.in
				res.Status, res.Progress = rate(t, name.Key, change, e1.base+e2.base)
				res.Reason = fmt.Sprintf("目标%s，实际%s%s、%s%s", targetText(t, name.Text), c1.text, e1.Figure, c2.text, e2.Figure)
				if e1.Unit == e2.Unit && e1.Value != nil && e2.Value != nil {
					res.Reason += fmt.Sprintf("，合计%s%s", strconv.FormatFloat(math.Round((*e1.Value+*e2.Value)*1e6)/1e6, 'f', -1, 64), e1.Unit)
				}
				return true
			}
		}
	}
	return false
}

// match scores how well an evidence name matches a target key: see
// indicator.Match.
func match(key, evName string) float64 { return indicator.Match(key, evName) }

// rate compares the evidence value v (in the base unit, signed by its
// change) with target t.
func rate(t zongjie.Target, key, change string, v float64) (Status, *float64) {
	lo := signed(*t.BaseValue, change)
	hi := lo
	if t.ValueTo != nil && t.Value != nil && *t.Value != 0 {
		hi = signed(*t.ValueTo**t.BaseValue / *t.Value, change)
	}
	if lo > hi {
		lo, hi = hi, lo
	}
	cmp := t.Comparator
	if change == zongjie.Down {
		cmp = flip(cmp) // 下降3.4%以上 is a signed value of −3.4 or less
	}
	lower := change == zongjie.Down || indicator.LowerIsBetter(key)
	const eps = 1e-9
	var met bool
	switch cmp {
	case zongjie.AtLeast, zongjie.Over:
		met = v >= lo-eps
	case zongjie.AtMost, zongjie.Under:
		met = v <= hi+eps
	default: // ≈ and =: the side that is better, with a tolerance for 左右
		tol := 0.0
		if cmp == zongjie.About {
			tol = 0.05 * math.Max(math.Abs(lo), math.Abs(hi))
		}
		if lower {
			met = v <= hi+tol+eps
		} else {
			met = v >= lo-tol-eps
		}
	}
	if met {
		return Met, nil
	}
	// An amount to reach (户, 家, 万元; not a rate or a change), part done.
	amount := change == "" && t.BaseUnit != "%" && t.BaseUnit != "个百分点" && !lower
	if amount && lo > 0 && v > 0 {
		p := math.Round(v/lo*1000) / 1000
		return Partial, &p
	}
	return Missed, nil
}

func flip(cmp string) string {
	switch cmp {
	case zongjie.AtLeast:
		return zongjie.AtMost
	case zongjie.AtMost:
		return zongjie.AtLeast
	case zongjie.Over:
		return zongjie.Under
	case zongjie.Under:
		return zongjie.Over
	}
	return cmp
}

// targetText writes a target's indicator and figure with its comparator
// for a reason: "规上工业产值增长8%以上", "城镇登记失业率4.5%以内".
func targetText(t zongjie.Target, name string) string {
	return name + Figure(t)
}

// Figure writes a target's figure with its comparator when the words do
// not already say it: "增长8%以上", "4.5%以内".
func Figure(t zongjie.Target) string {
	fig := t.Figure
	switch t.Comparator {
	case zongjie.AtLeast:
		if !strings.Contains(fig, "以上") && !strings.HasPrefix(fig, "不") && !strings.Contains(fig, "至少") {
			fig += "以上"
		}
	case zongjie.AtMost:
		if !strings.Contains(fig, "以内") && !strings.Contains(fig, "以下") && !strings.HasPrefix(fig, "不") {
			fig += "以内"
		}
	}
	return fig
}

// kindWord says what kind of figure was looked for.
func kindWord(unit, change string) string {
	switch {
	case change != "":
		return "增减幅度"
	case unit == "%":
		return "比率"
	}
	return "数据"
}
