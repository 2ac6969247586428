// Package draft writes the skeleton of a unit's next report from its last
// one: the sections of the last plan become the sections of the new
// summary, each target becomes a paragraph stating its outcome — from the
// data given, or from a later report through package track — and every
// figure that is not known is left as an explicit placeholder (xx, 【待补
// 充】) that `zongjie check` flags. No figure is ever invented.
package draft

import (
	"fmt"
	"io"
	"strings"

	"zongjie"
	"zongjie/document"
	"zongjie/gongwen"
	"zongjie/indicator"
	"zongjie/outline"
	"zongjie/track"
)

// Input is what a draft is made from.
type Input struct {
	File    *document.File
	Last    *zongjie.Report // the last report: its plan part gives the structure and the targets
	Outcome *track.Outcome  // the targets' outcomes; nil: every outcome is a placeholder
	Period  *zongjie.Term   // the period the new report reviews; nil: the last report's plan period
}

// Draft returns the new report as a document in the official layout.
func Draft(in Input) *gongwen.Doc {
	period := in.Period
	if period == nil {
		period = in.Last.Meta.Plan
	}
	if period == nil {
		period = &zongjie.Term{}
	}
	next := nextTerm(*period)
	unit := in.Last.Meta.Unit
	if unit == "" {
		unit = "xx单位"
	}
	d := &gongwen.Doc{Title: fmt.Sprintf("%s%s工作总结及%s工作计划", unit, termWords(*period), termWords(next))}
	add := func(level int, format string, args ...any) {
		d.Blocks = append(d.Blocks, gongwen.Block{Level: level, Text: fmt.Sprintf(format, args...)})
	}
	add(0, "%s以来，%s在上级党委、政府的坚强领导下，【待补充：总体情况】。现将%s工作总结如下：", termWords(*period), unit, termWords(*period))

	results := map[int]*track.Result{} // by the target's figure offset
	if in.Outcome != nil {
		for i := range in.Outcome.Results {
			r := &in.Outcome.Results[i]
			results[r.Target.FigureSpan.Start] = r
		}
	}
	groups := planGroups(in.File, in.Last, in.Outcome)

	add(1, "一、%s工作总结", termWords(*period))
	for i, g := range groups {
		add(2, "（%s）%s", ordinal(i+1), g.title)
		add(0, "【待补充：围绕“%s”开展的主要工作和成效】", g.title)
		for _, t := range g.targets {
			add(0, "%s", outcomeText(t, results[t.FigureSpan.Start]))
		}
	}

	add(1, "二、存在问题")
	var short []string
	for _, g := range groups {
		for _, t := range g.targets {
			r := results[t.FigureSpan.Start]
			if r == nil || r.Status != track.Missed && r.Status != track.Partial {
				continue
			}
			actual := "未达到"
			if r.Evidence != nil && r.Evidence.Figure != "" {
				actual = r.Evidence.Figure
			}
			short = append(short, fmt.Sprintf("%s未完成年度目标（目标%s，实际%s），原因：【待补充】", nameOf(t), track.Figure(t), actual))
		}
	}
	if len(short) == 0 {
		add(0, "【待补充：工作中存在的主要问题和不足】")
	} else {
		var b strings.Builder
		for i, s := range short {
			fmt.Fprintf(&b, "%s是%s；", ordinal(i+1), s)
		}
		b.WriteString("【待补充：其他问题和不足】。")
		add(0, "%s", b.String())
	}

	add(1, "三、%s工作计划", termWords(next))
	add(0, "%s，%s将【待补充：总体思路】，重点做好以下工作：", termWords(next), unit)
	for i, g := range groups {
		add(2, "（%s）%s", ordinal(i+1), g.title)
		for _, t := range g.targets {
			add(0, "%s力争达到xx%s。", nameOf(t), t.Unit)
		}
		add(0, "【待补充：主要举措】")
	}
	return d
}

// group is one section of the last plan with its targets.
type group struct {
	title   string
	targets []zongjie.Target
}

// planGroups returns the groups of the last report's plan part: for each
// plan section at the top of the plan (一、2025年工作计划; in a 政府工作报告
// the part with the year's main goals and the part with the year's work),
// the targets of its own text before its first subsection (the headline
// goals: 国内生产总值, 就业, 物价), then each subsection with its targets.
// A target stated twice (the goals, then a paragraph explaining one) is
// kept once, and with an outcome, a target not due in the period drafted (a
// five-year goal) is left out, and so is one that names no indicator. The
// targets set outside the plan part
// ("今年计划改造**户" in the review) come last, as 其他目标任务 (as 主要目标
// 任务完成情况 when there is no plan part).
func planGroups(f *document.File, r *zongjie.Report, o *track.Outcome) []group {
	notDue := map[int]bool{}
	if o != nil {
		for _, t := range o.NotDue {
			notDue[t.FigureSpan.Start] = true
		}
	}
	seen := map[string]bool{}
	placed := map[int]bool{}
	keep := func(t zongjie.Target) bool {
		if notDue[t.FigureSpan.Start] || placed[t.FigureSpan.Start] {
			return false
		}
		if indicator.Bare(indicator.Parse(t.Name).Key) && !t.Placeholder {
			return false // no indicator named ("把增长预期目标定在7.5%左右"): nothing to report on
		}
		placed[t.FigureSpan.Start] = true
		if t.Placeholder {
			return true
		}
		sig := track.Signature(t)
		if seen[sig] {
			return false
		}
		seen[sig] = true
		return true
	}
	in := func(s document.Span, start, end int) bool { return s.Start >= start && s.Start < end }
	var gs []group
	var walk func([]*zongjie.Section)
	walk = func(secs []*zongjie.Section) {
		for _, s := range secs {
			if enumeration(s) {
				continue
			}
			if s.Kind != zongjie.KindPlan {
				walk(s.Children)
				continue
			}
			var subs []*zongjie.Section
			for _, c := range s.Children {
				if !enumeration(c) {
					subs = append(subs, c)
				}
			}
			own := s.Body.End
			if len(subs) > 0 {
				own = subs[0].Body.Start
			}
			g := group{title: groupTitle(s.Title)}
			for _, t := range r.Targets {
				if in(t.FigureSpan, s.Body.Start, own) && keep(t) {
					g.targets = append(g.targets, t)
				}
			}
			if len(g.targets) > 0 || len(subs) == 0 {
				gs = append(gs, g)
			}
			for _, c := range subs {
				g := group{title: groupTitle(c.Title)}
				for _, t := range r.Targets {
					if in(t.FigureSpan, c.Body.Start, c.Body.End) && keep(t) {
						g.targets = append(g.targets, t)
					}
				}
				gs = append(gs, g)
			}
		}
	}
	walk(r.Outline)
	// Targets set outside the plan part ("今年计划改造**户" in the review).
	g := group{title: "其他目标任务"}
	if len(gs) == 0 {
		g.title = "主要目标任务完成情况"
	}
	for _, t := range r.Targets {
		if !placed[t.FigureSpan.Start] && keep(t) {
			g.targets = append(g.targets, t)
		}
	}
	if len(g.targets) > 0 {
		gs = append(gs, g)
	}
	return gs
}

// enumeration reports whether a section is an item of an enumeration
// (一是, 第一, 首先, ①), which is a point of its section, not a section of
// the plan. A numbered heading run into its paragraph ("（一）抓党建。…")
// is a section.
func enumeration(s *zongjie.Section) bool {
	switch s.Form {
	case outline.FormShi, outline.FormYao, outline.FormDi, outline.FormShouxian, outline.FormQiyi, outline.FormCircled:
		return true
	}
	return false
}

// groupTitle turns a plan heading into a heading of the summary: the marks
// at its end dropped, a leading 今年 or 明年 (which the new report would
// misread) dropped, and a heading that only names the plan part ("2025年
// 工作计划") made "主要目标任务完成情况".
func groupTitle(title string) string {
	t := strings.TrimRight(title, "。；;，,：:")
	for _, w := range []string{"今年", "明年"} {
		t = strings.TrimPrefix(t, w)
	}
	bare := strings.TrimLeft(t, "0123456789年上下半度")
	for _, w := range []string{"工作计划", "工作安排", "工作打算", "工作思路", "工作建议", "主要任务", "重点工作"} {
		if strings.TrimSuffix(bare, w) == "" || strings.TrimSuffix(strings.TrimPrefix(bare, "下步"), w) == "" {
			return "主要目标任务完成情况"
		}
	}
	if t == "" {
		return "主要目标任务完成情况"
	}
	return t
}

// outcomeText states one target's outcome, or leaves the figure open.
func outcomeText(t zongjie.Target, r *track.Result) string {
	name, target := nameOf(t), track.Figure(t)
	if r == nil || r.Evidence == nil || r.Status == track.Unreported {
		return fmt.Sprintf("%s完成xx%s（目标：%s）。", name, t.Unit, target)
	}
	fig := r.Evidence.Figure
	if len(r.Parts) > 0 { // an amount given in parts: each as written, no sum invented
		var ps []string
		for _, p := range r.Parts {
			ps = append(ps, p.Name+p.Figure)
		}
		fig = "（" + strings.Join(ps, "、") + "）"
	}
	if r.Evidence.Value == nil { // a verdict in words
		return fmt.Sprintf("%s（目标：%s）：xx%s。据后一报告：“%s”", name, target, t.Unit, r.Evidence.Text)
	}
	switch r.Status {
	case track.Met:
		return fmt.Sprintf("%s%s，完成“%s”的目标。", name, fig, target)
	case track.Partial:
		return fmt.Sprintf("%s%s，完成目标（%s）的%.0f%%。", name, fig, target, *r.Progress*100)
	default:
		return fmt.Sprintf("%s%s，未完成“%s”的目标，原因：【待补充】。", name, fig, target)
	}
}

// nameOf is a target's indicator as written, without the words around it.
func nameOf(t zongjie.Target) string {
	if n := indicator.Parse(t.Name).Text; n != "" {
		return n
	}
	return "xx指标"
}

// nextTerm is the period after t: H1 → H2, H2 and FY → the next year.
func nextTerm(t zongjie.Term) zongjie.Term {
	switch t.Period {
	case zongjie.PeriodH1:
		return zongjie.Term{Year: t.Year, Period: zongjie.PeriodH2}
	case zongjie.PeriodQ1:
		return zongjie.Term{Year: t.Year, Period: zongjie.PeriodQ2}
	case zongjie.PeriodQ2:
		return zongjie.Term{Year: t.Year, Period: zongjie.PeriodQ3}
	case zongjie.PeriodQ3:
		return zongjie.Term{Year: t.Year, Period: zongjie.PeriodQ4}
	}
	if t.Year == 0 {
		return t
	}
	return zongjie.Term{Year: t.Year + 1, Period: zongjie.PeriodFullYear}
}

// termWords writes a period in words: 2025年, 2025年上半年; xxxx年 when
// the year is unknown.
func termWords(t zongjie.Term) string {
	y := "xxxx年"
	if t.Year > 0 {
		y = fmt.Sprintf("%d年", t.Year)
	}
	return y + t.Period.Words()
}

var ordinals = []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

// ordinal writes n in Chinese numerals (1–99).
func ordinal(n int) string {
	switch {
	case n <= 10:
		return ordinals[n]
	case n < 20:
		return "十" + ordinals[n-10]
	}
	s := ordinals[n/10] + "十"
	if n%10 > 0 {
		s += ordinals[n%10]
	}
	return s
}

// WriteMarkdown writes a document as Markdown: the title as #, level-1
// headings as ##, level-2 as ###, deeper ones as ####.
func WriteMarkdown(w io.Writer, d *gongwen.Doc) error {
	var b strings.Builder
	if d.Title != "" {
		fmt.Fprintf(&b, "# %s\n\n", strings.ReplaceAll(d.Title, "\n", ""))
	}
	for _, bl := range d.Blocks {
		switch bl.Level {
		case 1:
			fmt.Fprintf(&b, "## %s\n\n", bl.Text)
		case 2:
			fmt.Fprintf(&b, "### %s\n\n", bl.Text)
		case 3, 4:
			fmt.Fprintf(&b, "#### %s\n\n", bl.Text)
		default:
			fmt.Fprintf(&b, "%s\n\n", bl.Text)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
