// Package year checks years and periods against the report's own: the plan
// year a summary states (2023年工作总结及2023年工作计划), years in section
// headings, period words that belong to another kind of report, milestone
// phrases tied to one year (党的二十大精神的开局之年 is 2023), stale plan
// horizons and relative years that contradict absolute ones.
package year

import (
	"strconv"
	"strings"

	"zongjie"
	"zongjie/check"
	"zongjie/document"
	"zongjie/internal/words"
	"zongjie/meta"
)

// Rules of the year category.
var Rules = []*check.Rule{PlanYear, HeadingYear, Period, HalfYearPlan, FutureYear, Milestone, Horizon, Relative, TitleYear, StaleYear}

// PlanYear reports a summary whose title or introduction states the plan
// for the wrong year: a 2023 summary "及2023年工作计划".
var PlanYear = &check.Rule{
	ID: "YR001", Name: "plan-year", Category: check.Year, Severity: check.Error,
	Doc: check.Doc{
		Title:  "计划年份错误",
		Text:   "年度总结之后的计划应是下一年的计划；标题或开头写成了当年（常见于沿用去年模板）。",
		Wrong:  "现将我镇2023年工作总结及2023年工作计划报告如下：\n一、2023年工作总结\n二、2024年工作计划",
		Right:  "现将我镇2023年工作总结及2024年工作计划报告如下：\n一、2023年工作总结\n二、2024年工作计划",
		Source: "公文审校常规：年份一致性",
	},
	Run: func(p *check.Pass) {
		for _, r := range p.Reports {
			m := r.Meta
			if m.StatedPlan == nil || m.Plan == nil || m.StatedPlan.Year == m.Plan.Year || m.StatedPlan.Year == 0 {
				continue
			}
			span, ok := findStated(p.File, r, m.StatedPlan)
			if !ok {
				continue
			}
			want := strconv.Itoa(m.Plan.Year)
			p.Report(span, "总结的是"+strconv.Itoa(m.Review.Year)+"年，计划应为"+want+"年，这里写成了"+p.File.Slice(span)+"年",
				check.Fix{Message: "改为" + want, Replacement: want, Certain: true})
		}
	},
}

// findStated finds the year of a stated plan term in the report's title or
// opening: the first occurrence of the term's text, then its year digits.
func findStated(f *document.File, r *zongjie.Report, t *zongjie.Term) (document.Span, bool) {
	if t.Text == "" {
		return document.Span{}, false
	}
	head := r.Span
	if len(r.Outline) > 0 {
		head.End = r.Outline[0].Span.Start
	}
	text := f.Text[head.Start:head.End]
	i := strings.Index(text, t.Text)
	if i < 0 {
		return document.Span{}, false
	}
	y := strconv.Itoa(t.Year)
	j := strings.Index(t.Text, y+"年")
	if j < 0 {
		return document.Span{}, false
	}
	start := head.Start + i + j
	return document.Span{Start: start, End: start + 4}, true
}

// HeadingYear reports a top-level heading whose year contradicts the part
// it heads: "三、2023年工作思路及举措" in a report that plans 2024, the
// review heading "一、2026年工作回顾" in a 2026 政府工作报告 (which reviews
// 2025). The fix is certain only where the report's year is settled
// without the heading (settled).
var HeadingYear = &check.Rule{
	ID: "YR002", Name: "heading-year", Category: check.Year, Severity: check.Error,
	Doc: check.Doc{
		Title: "标题年份错误",
		Text: "总结部分的标题应写所总结的年份，计划部分的标题应写所计划的年份。政府工作报告回顾的是上一年，" +
			"回顾部分的标题写成报告当年（“一、2026年工作回顾”“一、2026年主要工作和‘十四五’发展成就”）也在此列。" +
			"报告年份由标题与副标题、会议届次或其他部分标题共同确定时给出确定的修改，否则请核对。",
		Wrong:  "2023年工作总结及2024年工作计划\n一、2023年工作总结\n二、2023年工作计划",
		Right:  "2023年工作总结及2024年工作计划\n一、2023年工作总结\n二、2024年工作计划",
		Source: "公文审校常规：年份一致性",
	},
	Run: func(p *check.Pass) {
		for _, r := range p.Reports {
			m := r.Meta
			for _, s := range r.Outline {
				var want *zongjie.Term
				switch s.Kind {
				case zongjie.KindPlan:
					want = m.Plan
				case zongjie.KindReview:
					want = m.Review
				}
				if want == nil || want.Year == 0 {
					continue
				}
				y, span, ok := headingYear(p.File, s)
				if !ok || y == want.Year || isRange(p.File, span) {
					continue
				}
				if s.Kind == zongjie.KindPlan && y > want.Year {
					continue // a plan may look further ahead: 2025年目标
				}
				w := strconv.Itoa(want.Year)
				part := "计划"
				if s.Kind == zongjie.KindReview {
					part = "总结"
				}
				p.Report(span, "本报告"+part+"的是"+w+"年，标题写成了"+p.File.Slice(span)+"年",
					check.Fix{Message: "改为" + w, Replacement: w, Certain: settled(m, s.Span)})
			}
		}
	},
}

// settled reports whether the year of report m is settled without the
// heading at span, so that a wrong year there can be corrected without
// asking: a 政府工作报告's title and subtitle or session agree, a
// summary's title and another heading (see meta.Settled); a summary dated
// by its title or lead alone, whose plan follows its review.
func settled(m zongjie.Meta, span document.Span) bool {
	year := m.CurrentYear()
	if len(m.Dating) > 0 {
		return meta.Settled(m.Dating, year, span)
	}
	return !m.IsGovernmentReport() && (m.PeriodSource == zongjie.SourceTitle || m.PeriodSource == zongjie.SourceIntro)
}

// headingYear finds the first four-digit year followed by 年 in a heading.
func headingYear(f *document.File, s *zongjie.Section) (int, document.Span, bool) {
	text := f.Text[s.Span.Start:s.Span.End]
	for i := 0; i+4 < len(text); i++ {
		if !isDigits(text[i:i+4]) || i > 0 && isDigit(text[i-1]) || !strings.HasPrefix(text[i+4:], "年") {
			continue
		}
		y, _ := strconv.Atoi(text[i : i+4])
		if y < 1949 || y > 2099 {
			continue
		}
		return y, document.Span{Start: s.Span.Start + i, End: s.Span.Start + i + 4}, true
	}
	return 0, document.Span{}, false
}

// isRange reports whether the year at span is one end of a range
// (2021—2025年, 2024年至2025年).
func isRange(f *document.File, s document.Span) bool { return rangeAt(f.Text, s) }

// rangeAt is isRange on a text.
func rangeAt(text string, s document.Span) bool {
	after := text[s.End:]
	before := text[:s.Start]
	for _, sep := range []string{"—", "－", "-", "～", "~", "至", "到"} {
		if strings.HasPrefix(after, "年"+sep) || strings.HasPrefix(after, sep) {
			return true
		}
		if b, ok := strings.CutSuffix(before, sep); ok {
			// A dash joins two years; "——2026年" opens a list item.
			if !strings.Contains("—－-～~", sep) || b != "" && isDigit(b[len(b)-1]) || strings.HasSuffix(b, "年") {
				return true
			}
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// sectionKindAt returns the kind of the deepest section holding off.
func sectionKindAt(r *zongjie.Report, off int) zongjie.SectionKind {
	kind := zongjie.KindOther
	zongjie.Walk(r.Outline, func(s *zongjie.Section) {
		if s.Body.Contains(off) {
			kind = s.Kind
		}
	})
	return kind
}

// multiYear reports whether off lies in a top-level section about several
// years: "“十四五”时期和2025年工作回顾", "过去五年工作回顾". A phrase there
// may belong to any of them.
func multiYear(r *zongjie.Report, off int) bool {
	for _, s := range r.Outline {
		if s.Body.Contains(off) {
			return multiYearWords.Contains(s.Title) || strings.Count(s.Title, "年") > 1 && strings.ContainsAny(s.Title, "—-－～至")
		}
	}
	return false
}

var multiYearWords = words.NewSet("时期", "五年", "十三五", "十四五", "十五五", "以来", "历程", "期间")
