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
