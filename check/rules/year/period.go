package year

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"zongjie"
	"zongjie/check"
	"zongjie/document"
)

// Period reports period words that belong to another kind of report: a
// full-year summary that opens with 半年来 or heads a part 下半年工作计划, a
// half-year summary that says 一年来.
var Period = &check.Rule{
	ID: "YR003", Name: "period-mismatch", Category: check.Year, Severity: check.Warning,
	Doc: check.Doc{
		Title:  "时段与报告不符",
		Text:   "全年总结中出现“半年来”“今年上半年”“下半年工作计划”，或半年总结中出现“一年来”，多为沿用其他报告的文字（政府工作报告不在此列）。",
		Wrong:  "2024年工作总结及2025年工作计划\n半年来，全镇上下团结奋进。\n一、2024年工作总结\n二、下半年工作计划",
		Right:  "2024年工作总结及2025年工作计划\n一年来，全镇上下团结奋进。\n一、2024年工作总结\n二、2025年工作计划",
		Source: "公文审校常规：时段一致性",
	},
	Run: func(p *check.Pass) {
		for _, r := range p.Reports {
			if r.Meta.Review == nil || r.Meta.IsGovernmentReport() {
				continue
			}
			switch r.Meta.Review.Period {
			case zongjie.PeriodFullYear:
				for _, m := range inReport(p.Find(halfYearWords), r) {
					at := m.Span.Start
					if sectionKindAt(r, at) == zongjie.KindPlan {
						continue
					}
					span := document.Span{Start: at, End: at + len(m.Word)}
					if strings.HasSuffix(m.Word, "上半年") {
						// Said of a half-year's result: a full-year summary
						// may name one, but this is how H1 text shows.
						p.Report(span, "这是"+strconv.Itoa(r.Meta.Review.Year)+"年全年总结，“"+m.Word+"”多为沿用上半年总结的文字：请核对其后的数据是否为全年数据")
						continue
					}
					p.Report(span, "这是"+strconv.Itoa(r.Meta.Review.Year)+"年全年总结，“"+m.Word+"”是半年总结的说法")
				}
				for _, s := range r.Outline {
					if i := strings.Index(s.Title, "下半年"); i >= 0 && s.Kind == zongjie.KindPlan {
						at := s.Span.End - len(s.Title) + i
						p.Report(document.Span{Start: at, End: at + len("下半年")}, "全年总结的计划部分应是下一年的计划，不是“下半年”")
					}
				}
			case zongjie.PeriodH1:
				for _, m := range inReport(p.Find(fullYearWords), r) {
					at := m.Span.Start
					if sectionKindAt(r, at) == zongjie.KindPlan {
						continue
					}
					p.Report(document.Span{Start: at, End: at + len(m.Word)}, "这是上半年总结，“"+m.Word+"”是全年总结的说法")
				}
			}
		}
	},
}

// Words that describe the reporting period of a summary.
var (
	halfYearWords = check.NewWords("半年来", "上半年来", "今年上半年以来", "今年上半年", "本年上半年")
	fullYearWords = check.NewWords("一年来")
)

// inReport returns the matches, found in the whole file, that lie in the
// report: those its own text gives (a report starts and ends at a line's
// start, and no word holds a line break).
func inReport(ms []check.Match, r *zongjie.Report) []check.Match {
	i, _ := slices.BinarySearchFunc(ms, r.Span.Start, func(m check.Match, off int) int { return m.Span.Start - off })
	j := i
	for j < len(ms) && ms[j].Span.End <= r.Span.End {
		j++
	}
	return ms[i:j]
}

// HalfYearPlan reports, in the plan part of a half-year report, a sentence
// that speaks for the whole year ("2023年，街道将…"): the plan covers the
// second half.
var HalfYearPlan = &check.Rule{
	ID: "YR004", Name: "half-year-plan", Category: check.Year, Severity: check.Warning,
	Doc: check.Doc{
		Title:  "半年计划写成全年",
		Text:   "上半年总结之后的计划是下半年的计划；以“××年，……将……”开头的句子多是沿用年度计划的文字。",
		Wrong:  "2023年上半年工作总结暨下半年工作计划\n一、上半年工作\n二、下半年工作计划\n2023年，街道将以基层党建为主线。",
		Right:  "2023年上半年工作总结暨下半年工作计划\n一、上半年工作\n二、下半年工作计划\n下半年，街道将以基层党建为主线。",
		Source: "公文审校常规：时段一致性",
	},
	Run: func(p *check.Pass) {
		for _, r := range p.Reports {
			if r.Meta.Review == nil || r.Meta.Review.Period != zongjie.PeriodH1 || r.Meta.Plan == nil || r.Meta.Plan.Period != zongjie.PeriodH2 {
				continue
			}
			y := strconv.Itoa(r.Meta.Review.Year) + "年"
			for _, para := range p.File.Paragraphs {
				if !r.Span.Contains(para.Span.Start) || sectionKindAt(r, para.Span.Start) != zongjie.KindPlan {
					continue
				}
				text := p.File.Slice(para.Span)
				if rest, ok := strings.CutPrefix(text, y); ok && (strings.HasPrefix(rest, "，") || strings.HasPrefix(rest, ",")) && strings.Contains(text, "将") {
					span := document.Span{Start: para.Span.Start, End: para.Span.Start + len(y)}
					p.Report(span, "计划部分是下半年的计划，“"+p.File.Slice(span)+"”宜改为“下半年”",
						check.Fix{Message: "改为下半年", Replacement: "下半年", Certain: false})
				}
			}
		}
	},
}

// clauseAround returns the clause around byte i, within bounds.
func clauseAround(text string, i int, bounds document.Span) string {
	start, end := i, i
	for start > bounds.Start {
		r, size := utf8.DecodeLastRuneInString(text[bounds.Start:start])
		if strings.ContainsRune("，。；！？：\n", r) {
			break
		}
		start -= size
	}
	for end < bounds.End {
		r, size := utf8.DecodeRuneInString(text[end:bounds.End])
		if strings.ContainsRune("，。；！？：\n", r) {
			break
		}
		end += size
	}
	return text[start:end]
}
