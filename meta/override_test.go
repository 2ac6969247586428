package meta

import (
	"reflect"
	"strings"
	"testing"

	"zongjie"
)

func TestOverride(t *testing.T) {
	term := func(y int, p zongjie.Period) *zongjie.Term { return &zongjie.Term{Year: y, Period: p} }
	summaryPlan := func() zongjie.Meta {
		return zongjie.Meta{Unit: "青禾街道", Level: zongjie.LevelStreet, Genre: zongjie.GenreSummaryPlan,
			Review: &zongjie.Term{Year: 2023, Period: zongjie.PeriodFullYear, Text: "2023年"}, Plan: term(2024, zongjie.PeriodFullYear),
			Years: []int{2023, 2024}, Period: zongjie.PeriodFullYear}
	}
	tests := []struct {
		name string
		in   zongjie.Meta
		unit string
		term *zongjie.Term
		want zongjie.Meta
	}{
		{"a half-year instead of a year: the plan follows", summaryPlan(), "", term(2024, zongjie.PeriodH1),
			zongjie.Meta{Unit: "青禾街道", Level: zongjie.LevelStreet, Genre: zongjie.GenreSummaryPlan,
				Review: term(2024, zongjie.PeriodH1), Plan: term(2024, zongjie.PeriodH2), Years: []int{2024}, Period: zongjie.PeriodH1}},
		{"no period detected at all (a government work report that never dates itself)",
			zongjie.Meta{Genre: zongjie.GenreSummaryPlan, DocType: "政府工作报告", Years: []int{}}, "", term(2017, zongjie.PeriodFullYear),
			zongjie.Meta{Genre: zongjie.GenreSummaryPlan, DocType: "政府工作报告", Review: term(2017, zongjie.PeriodFullYear),
				Plan: term(2018, zongjie.PeriodFullYear), Years: []int{2017, 2018}, Period: zongjie.PeriodFullYear}},
		{"a summary has no plan to follow",
			zongjie.Meta{Genre: zongjie.GenreSummary, Review: term(2023, zongjie.PeriodFullYear), Years: []int{2023}, Period: zongjie.PeriodFullYear},
			"", term(2023, zongjie.PeriodQ1Q3),
			zongjie.Meta{Genre: zongjie.GenreSummary, Review: term(2023, zongjie.PeriodQ1Q3), Years: []int{2023}, Period: zongjie.PeriodQ1Q3}},
		{"a plan's period is the planned one",
			zongjie.Meta{Genre: zongjie.GenrePlan, Plan: term(2024, zongjie.PeriodFullYear), Years: []int{2024}, Period: zongjie.PeriodFullYear},
			"", term(2025, zongjie.PeriodFullYear),
			zongjie.Meta{Genre: zongjie.GenrePlan, Plan: term(2025, zongjie.PeriodFullYear), Years: []int{2025}, Period: zongjie.PeriodFullYear}},
		{"a stated plan period that now agrees is dropped",
			zongjie.Meta{Genre: zongjie.GenreSummaryPlan, Review: term(2023, zongjie.PeriodFullYear), Plan: term(2024, zongjie.PeriodFullYear),
				StatedPlan: &zongjie.Term{Year: 2023, Period: zongjie.PeriodFullYear, Text: "2023年工作计划"}, Years: []int{2023, 2024}, Period: zongjie.PeriodFullYear},
			"", term(2022, zongjie.PeriodFullYear),
			zongjie.Meta{Genre: zongjie.GenreSummaryPlan, Review: term(2022, zongjie.PeriodFullYear), Plan: term(2023, zongjie.PeriodFullYear),
				Years: []int{2022, 2023}, Period: zongjie.PeriodFullYear}},
		{"a unit: its level from the name", summaryPlan(), " 石桥镇 ", nil,
			func() zongjie.Meta { m := summaryPlan(); m.Unit, m.Level = "石桥镇", zongjie.LevelTown; return m }()},
		{"a unit whose name gives no level keeps the detected one", summaryPlan(), "青禾", nil,
			func() zongjie.Meta { m := summaryPlan(); m.Unit = "青禾"; return m }()},
		{"an anonymised unit", summaryPlan(), "**街道", nil,
			func() zongjie.Meta { m := summaryPlan(); m.Unit, m.UnitPlaceholder = "**街道", true; return m }()},
		{"nothing given: nothing changes", summaryPlan(), "  ", nil, summaryPlan()},
	}
	for _, tt := range tests {
		// What the user gives is said to come from the user.
		if strings.TrimSpace(tt.unit) != "" {
			tt.want.UnitSource = zongjie.SourceUser
		}
		if tt.term != nil {
			tt.want.PeriodSource = zongjie.SourceUser
		}
		m := tt.in
		Override(&m, tt.unit, tt.term)
		if !reflect.DeepEqual(m, tt.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.name, m, tt.want)
		}
	}
}
