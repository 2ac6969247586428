package app_test

import (
	"context"
	"path/filepath"
	"testing"

	"zongjie"
	"zongjie/app"
	"zongjie/store"
)

// A 镇's reports for TestTrackPeriodPlans, written for it: the 2025
// year's (its plan: the 2026 year's targets), the 2026 half-year's (its
// plan: the second half's, and one of the year's restated with another
// value), the 2026 year's.
var periodPlanTexts = map[string]string{
	"2025.txt": "柳塘镇2025年工作总结和2026年工作计划\n一、2025年工作回顾\n全镇经济运行总体平稳。\n二、2026年工作计划\n" +
		"2026年主要目标是：规模以上工业产值增长8%，新增市场主体200户以上，新建村级养老服务站6个。\n",
	"2026h1.txt": "柳塘镇2026年上半年工作总结暨下半年工作计划\n一、上半年工作回顾\n上半年新增市场主体90户。\n二、下半年工作计划\n" +
		"下半年，新增农村公益性岗位40个，确保全年新建村级养老服务站8个。\n",
	"2026.txt": "柳塘镇2026年工作总结\n一、2026年工作回顾\n全年规模以上工业产值增长8.5%，新增市场主体210户，新建村级养老服务站7个，新增农村公益性岗位45个。\n" +
		"二、2027年工作计划\n继续抓好各项工作。\n",
}

// TestTrackPeriodPlans: TrackPeriod tracks at the year's end the targets
// of the year's plan past the half-year's report, each with the report
// that set it; the restated target is one, set by the later plan (8, not
// 6). Near misses: a unit with only two reports (one plan, as before),
// and the half-year (the year's targets not due, one plan).
func TestTrackPeriodPlans(t *testing.T) {
	tests := []struct {
		name     string
		files    []string
		term     zongjie.Term
		plans    int
		setBy    map[string]string // indicator → the file whose plan set it
		notDue   int
		restated string // the figure of 村级养老服务站 rated, "" for none
	}{
		{"three reports: the year's end", []string{"2025.txt", "2026h1.txt", "2026.txt"}, zongjie.Term{Year: 2026, Period: zongjie.PeriodFullYear}, 2,
			map[string]string{"规模以上工业产值": "2025.txt", "新增市场主体": "2025.txt", "村级养老服务站": "2026h1.txt", "新增农村公益性岗位": "2026h1.txt"}, 0, "8个"},
		// near misses
		{"two reports", []string{"2025.txt", "2026.txt"}, zongjie.Term{Year: 2026, Period: zongjie.PeriodFullYear}, 1,
			map[string]string{"规模以上工业产值": "2025.txt", "新增市场主体": "2025.txt", "村级养老服务站": "2025.txt"}, 0, "6个"},
		{"three reports: mid-year", []string{"2025.txt", "2026h1.txt", "2026.txt"}, zongjie.Term{Year: 2026, Period: zongjie.PeriodH1}, 1,
			map[string]string{}, 3, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newApp(t)
			ctx := context.Background()
			var in []app.Input
			for _, f := range tt.files {
				in = append(in, app.Input{Name: f, Data: []byte(periodPlanTexts[f])})
			}
			if _, err := a.Add(ctx, app.AddRequest{Inputs: in}); err != nil {
				t.Fatal(err)
			}
			list, err := a.List(ctx, store.Filter{})
			if err != nil {
				t.Fatal(err)
			}
			ids := map[string]int64{}
			for _, r := range list.Reports {
				ids[filepath.Base(r.Path)] = r.ID
			}
			res, err := a.TrackPeriod(ctx, "柳塘镇", tt.term)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Plans) != tt.plans || res.Plans[0].ID != res.OldID || len(res.Targets) != len(tt.setBy) || res.NotDue != tt.notDue {
				t.Fatalf("%d plans (first %+v, old %d), %d targets, %d not due; want %d plans, old first, %d targets, %d not due",
					len(res.Plans), res.Plans[0], res.OldID, len(res.Targets), res.NotDue, tt.plans, len(tt.setBy), tt.notDue)
			}
			for _, r := range res.Targets {
				if want := ids[tt.setBy[r.Indicator]]; r.SetByID != want || r.SetBy != "#"+itoa(want) {
					t.Errorf("%s set by %s (%d), want %d", r.Indicator, r.SetBy, r.SetByID, want)
				}
				if r.Indicator == "村级养老服务站" && r.Target.Figure != tt.restated {
					t.Errorf("the restated target: %s, want %s", r.Target.Figure, tt.restated)
				}
			}
		})
	}
}
