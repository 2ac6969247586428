package app

import (
	"strings"
	"testing"
)

// Ensure the hint of how to state a period names the flag on the command
// line and the report page's form on the web, for stored reports and for
// files, and says to correct a period given wrong.
func TestPeriodHint(t *testing.T) {
	stored, file := &Loaded{ID: 3}, &Loaded{Label: "a.txt"}
	for _, c := range []struct {
		web, wrong bool
		ls         []*Loaded
		want, not  string
	}{
		{false, false, []*Loaded{file}, "可用 --period 指定", "报告页"},
		{false, false, []*Loaded{file, file}, "--period 2023,2024", "报告页"},
		{false, true, []*Loaded{file, file}, "用 --period 指定时段", "报告页"},
		{false, true, []*Loaded{stored, stored}, "用 zongjie add --period 时段 重新加入报告以更正时段", "报告页"},
		{false, false, []*Loaded{stored}, "可用 zongjie add --period", "报告页"},
		{true, false, []*Loaded{stored}, "可在报告页的“单位与时段”中填写", "--"},
		{true, false, []*Loaded{stored, file}, "可在报告中写明年份，或上传保存后", "--"},
		{true, true, []*Loaded{stored, stored}, "在报告页的“单位与时段”中更正", "可在"},
	} {
		a := New(Options{Web: c.web})
		got := a.periodHint(c.wrong, c.ls...)
		if !strings.Contains(got, c.want) || strings.Contains(got, c.not) {
			t.Errorf("web %v wrong %v %d reports: %q, want %q without %q", c.web, c.wrong, len(c.ls), got, c.want, c.not)
		}
	}
}
