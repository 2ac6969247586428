package track

import (
	"testing"

	"zongjie"
	"zongjie/extract"
	"zongjie/reader"
)

// A 镇's three reports: the 2025 year's (its plan sets the 2026 year's
// targets and one for the first half), the 2026 half-year's (its plan
// sets the second half's targets and restates one of the year's with
// another value) and the 2026 year's.
const (
	plansYear = "石桥镇2025年工作总结和2026年工作计划\n一、2025年工作回顾\n全镇经济运行总体平稳。\n二、2026年工作计划\n" +
		"2026年主要目标是：规模以上工业产值增长8%，新增市场主体200户以上，新建村级养老服务站6个，上半年完成农村户厕改造300户。\n"
	plansHalf = "石桥镇2026年上半年工作总结暨下半年工作计划\n一、上半年工作回顾\n上半年完成农村户厕改造320户，新增市场主体90户。\n二、下半年工作计划\n" +
		"下半年，新增农村公益性岗位40个，确保全年新建村级养老服务站8个。\n"
	plansEnd = "石桥镇2026年工作总结\n一、2026年工作回顾\n全年规模以上工业产值增长8.5%，新增市场主体210户，新建村级养老服务站7个，新增农村公益性岗位45个，完成农村户厕改造330户。\n" +
		"二、2027年工作计划\n继续抓好各项工作。\n"
)

func readReport(t *testing.T, text string) (*zongjie.Report, Later) {
	t.Helper()
	f, err := reader.Read("r.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	r := extract.File(f)[0]
	return r, Later{File: f, Report: r}
}

// TestTrackPlans: at the year's end the year's targets set before the
// year are tracked past the half-year report, beside the second half's
// (From names the plan); a target the half-year's plan restates is one,
// the later statement wins; the first half's target, tracked at
// mid-year, is left out. Near misses: the half-year's plan alone tracks
// only its own targets (TrackAll, as before); at mid-year the year's
// targets are not due.
func TestTrackPlans(t *testing.T) {
	year, _ := readReport(t, plansYear)
	half, halfL := readReport(t, plansHalf)
	_, endL := readReport(t, plansEnd)
	type want struct {
		key, status string
		from        int
	}
	tests := []struct {
		name   string
		plans  []Plan
		later  Later
		wants  []want
		notDue int
	}{
		{"the year's end past the half-year report", []Plan{{Report: half}, {Report: year, Since: []*zongjie.Term{half.Meta.Review}}}, endL, []want{
			{"村级养老服务站", "partial", 0}, {"新增农村公益性岗位", "met", 0}, {"规模以上工业产值", "met", 1}, {"新增市场主体", "met", 1}}, 0},
		// near misses
		{"no term reviewed since: the first half's target too", []Plan{{Report: half}, {Report: year}}, endL, []want{
			{"村级养老服务站", "partial", 0}, {"新增农村公益性岗位", "met", 0}, {"规模以上工业产值", "met", 1}, {"新增市场主体", "met", 1}, {"农村户厕改造", "met", 1}}, 0},
		{"the half-year's plan alone", []Plan{{Report: half}}, endL, []want{
			{"村级养老服务站", "partial", 0}, {"新增农村公益性岗位", "met", 0}}, 0},
		{"no report between: the first half's target too", []Plan{{Report: year}}, endL, []want{
			{"规模以上工业产值", "met", 0}, {"新增市场主体", "met", 0}, {"村级养老服务站", "met", 0}, {"农村户厕改造", "met", 0}}, 0},
		{"at mid-year the year's targets are not due", []Plan{{Report: year}}, halfL, []want{
			{"农村户厕改造", "met", 0}}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := TrackPlans(tt.plans, []Later{tt.later})
			if len(o.Results) != len(tt.wants) || len(o.NotDue) != tt.notDue {
				for _, r := range o.Results {
					t.Logf("%s %s from %d: %s", r.Indicator, r.Status, r.From, r.Reason)
				}
				t.Fatalf("%d results and %d not due, want %d and %d", len(o.Results), len(o.NotDue), len(tt.wants), tt.notDue)
			}
			for _, w := range tt.wants {
				r := find(o, w.key)
				switch {
				case r == nil:
					t.Errorf("%s: no result", w.key)
				case string(r.Status) != w.status:
					t.Errorf("%s: %s, want %s (%s)", w.key, r.Status, w.status, r.Reason)
				case r.From != w.from:
					t.Errorf("%s: set by plan %d, want %d", w.key, r.From, w.from)
				}
			}
		})
	}
}

// TestLaterClauseDeadline: a time word leading a later clause of the
// sentence with a figure of its own (上半年完成…3.5公里, 6月底前…2个) dates
// that clause, not the year's target before it, which stays due at the
// year's end, not at mid-year. Near miss: a later clause with no figure
// (年底前投入使用) still dates the target before it.
func TestLaterClauseDeadline(t *testing.T) {
	tests := []struct {
		name, sentence string
		want           map[string]zongjie.Period
	}{
		{"上半年 leads its own clause", "新建高标准农田2500亩，巩固提升特色产业，上半年完成镇区污水管网改造3.5公里，持续改善人居环境。",
			map[string]zongjie.Period{"2500亩": zongjie.PeriodFullYear, "3.5公里": zongjie.PeriodH1}},
		{"6月底前 leads its own clause", "新增加装电梯30台，6月底前完成背街小巷整治15条。",
			map[string]zongjie.Period{"30台": zongjie.PeriodFullYear, "15条": zongjie.PeriodH1}},
		// near miss
		{"a later clause with no figure dates the target", "新建村级养老服务站4个，上半年全部投入使用。",
			map[string]zongjie.Period{"4个": zongjie.PeriodH1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, _ := readReport(t, "石桥镇2025年工作总结和2026年工作计划\n一、2025年工作回顾\n全镇经济运行总体平稳。\n二、2026年工作计划\n（一）推进乡村振兴。"+tt.sentence+"\n")
			got := map[string]zongjie.Period{}
			for _, x := range r.Targets {
				_, got[x.Figure] = dueTerm(x, r)
			}
			for fig, p := range tt.want {
				if got[fig] != p {
					t.Errorf("%s: due in %q, want %q (all: %v)", fig, got[fig], p, got)
				}
			}
		})
	}
}
