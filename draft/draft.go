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
	groups := planGroups(in.File, in.Last)

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
			short = append(short, fmt.Sprintf("%s未完成年度目标（目标%s，实际%s），原因：【待补充】", nameOf(t), track.Figure(t), r.Evidence.Figure))
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

// planGroups returns the sections under the last report's plan part, each
// with the targets in it; with no plan part, one group holds every target.
func planGroups(f *document.File, r *zongjie.Report) []group {
	var plan *zongjie.Section
	zongjie.Walk(r.Outline, func(s *zongjie.Section) {
		if plan == nil && s.Kind == zongjie.KindPlan && !s.Inline && len(s.Children) > 0 {
			plan = s
		}
	})
	var gs []group
	if plan != nil {
		for _, c := range plan.Children {
			g := group{title: strings.TrimRight(c.Title, "。；;，,：:")}
			for _, t := range r.Targets {
				if t.FigureSpan.Start >= c.Body.Start && t.FigureSpan.Start < c.Body.End {
					g.targets = append(g.targets, t)
				}
			}
			gs = append(gs, g)
		}
	}
	if len(gs) == 0 && len(r.Targets) > 0 {
		gs = append(gs, group{title: "主要目标任务完成情况", targets: r.Targets})
	}
	return gs
}

// outcomeText states one target's outcome, or leaves the figure open.
func outcomeText(t zongjie.Target, r *track.Result) string {
	name, target := nameOf(t), track.Figure(t)
	if r == nil || r.Evidence == nil || r.Status == track.Unreported {
		return fmt.Sprintf("%s完成xx%s（目标：%s）。", name, t.Unit, target)
	}
	fig := r.Evidence.Figure
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
