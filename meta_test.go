package zongjie_test

import (
	"testing"

	"zongjie"
)

// Ensure 今年 is the planned year of a 政府工作报告 only, the reviewed year
// of any other report, and the planned year of a plan that reviews nothing.
func TestCurrentYear(t *testing.T) {
	review := &zongjie.Term{Year: 2024, Period: zongjie.PeriodFullYear}
	plan := &zongjie.Term{Year: 2025, Period: zongjie.PeriodFullYear}
	tests := []struct {
		name string
		meta zongjie.Meta
		want int
	}{
		{"government report", zongjie.Meta{DocType: zongjie.GovernmentReport, Review: review, Plan: plan}, 2025},
		{"government report without a plan", zongjie.Meta{DocType: zongjie.GovernmentReport, Review: review}, 2024},
		{"work report (near miss)", zongjie.Meta{DocType: "工作报告", Review: review, Plan: plan}, 2024},
		{"summary and plan", zongjie.Meta{DocType: "工作总结及计划", Review: review, Plan: plan}, 2024},
		{"review without a year", zongjie.Meta{Review: &zongjie.Term{Period: zongjie.PeriodH1}, Plan: plan}, 2025},
		{"plan", zongjie.Meta{DocType: "工作计划", Plan: plan}, 2025},
		{"nothing", zongjie.Meta{}, 0},
	}
	for _, tt := range tests {
		if got := tt.meta.CurrentYear(); got != tt.want {
			t.Errorf("%s: CurrentYear() = %d, want %d", tt.name, got, tt.want)
		}
	}
	if !(&zongjie.Meta{DocType: "政府工作报告"}).IsGovernmentReport() || (&zongjie.Meta{DocType: "政府工作报告解读"}).IsGovernmentReport() {
		t.Error("IsGovernmentReport")
	}
}

// Ensure a stored year and period code make the term they name: a full
// year when the code is empty, none without a year.
func TestTermOf(t *testing.T) {
	for _, tt := range []struct {
		year   int
		period string
		want   string // Term.String(); "" for nil
	}{
		{2024, "H1", "2024H1"},
		{2024, "", "2024"},
		{2024, "Q1-Q3", "2024Q1-Q3"},
		{0, "H1", ""},
	} {
		got := zongjie.TermOf(tt.year, tt.period)
		if got.String() != tt.want || (got == nil) != (tt.want == "") {
			t.Errorf("TermOf(%d, %q) = %v, want %q", tt.year, tt.period, got, tt.want)
		}
	}
	if p := zongjie.TermOf(2024, "").Period; p != zongjie.PeriodFullYear {
		t.Errorf("an empty code gives period %q", p)
	}
}
