package track

import (
	"strings"
	"testing"

	"zongjie/extract"
	"zongjie/reader"
)

// laters reads texts as later reports.
func laters(t *testing.T, texts ...string) []Later {
	t.Helper()
	var out []Later
	for _, s := range texts {
		f, err := reader.Read("later.txt", []byte(s))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, Later{File: f, Report: extract.File(f)[0]})
	}
	return out
}

// The reports of one period the group tests track: the plan's three
// targets, a year's report giving the first, a topic report of the same
// year giving the second, and a half-year report giving the second too.
const (
	groupPlan = planHead + "今年全县主要目标是：地区生产总值增长6%，城镇新增就业1000人以上，森林覆盖率达到60%。\n"
	groupYear = reviewHead + "全县地区生产总值增长6.5%。" + reviewTail
	groupJobs = "2025年就业工作总结\n一、2025年工作回顾\n全年城镇新增就业800人。\n二、2026年工作安排\n继续抓好就业。\n"
	groupMore = "2025年就业工作总结\n一、2025年工作回顾\n全年城镇新增就业1200人。\n二、2026年工作安排\n继续抓好就业。\n"
	groupHalf = "2025年上半年就业工作总结\n一、上半年工作回顾\n上半年城镇新增就业1200人。\n二、下半年工作安排\n继续抓好就业。\n"
)

// TestTrackAllSplitsTargets: the targets of a plan are rated by whichever
// report of the period gives them, and In names that report; a target
// none of them gives stays unreported. Near misses: a report of another
// period (a half-year's) rates no full-year target, though it names the
// indicator; of two reports giving one indicator the likelier figure is
// taken, the first on a tie.
func TestTrackAllSplitsTargets(t *testing.T) {
	f, err := reader.Read("plan.txt", []byte(groupPlan))
	if err != nil {
		t.Fatal(err)
	}
	old := extract.File(f)[0]
	type want struct {
		key, status string
		in          int
	}
	tests := []struct {
		name   string
		texts  []string
		wants  []want
		notDue int
	}{
		{"a year's report alone", []string{groupYear}, []want{
			{"生产总值", "met", 0}, {"城镇新增就业", "unreported", 0}, {"森林覆盖率", "unreported", 0}}, 0},
		{"the year's report and a topic report", []string{groupYear, groupJobs}, []want{
			{"生产总值", "met", 0}, {"城镇新增就业", "partial", 1}, {"森林覆盖率", "unreported", 0}}, 0},
		{"the topic report first", []string{groupJobs, groupYear}, []want{
			{"生产总值", "met", 1}, {"城镇新增就业", "partial", 0}, {"森林覆盖率", "unreported", 0}}, 0},
		{"a tie: the first report's figure", []string{groupMore, groupJobs}, []want{
			{"城镇新增就业", "met", 0}}, 0},
		{"a tie the other way", []string{groupJobs, groupMore}, []want{
			{"城镇新增就业", "partial", 0}}, 0},
		// near misses
		{"a half-year's report rates no year's target", []string{groupYear, groupHalf}, []want{
			{"生产总值", "met", 0}, {"城镇新增就业", "unreported", 0}}, 0},
		{"a half-year's report alone", []string{groupHalf}, nil, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := TrackAll(old, laters(t, tt.texts...))
			if len(o.NotDue) != tt.notDue {
				t.Errorf("%d not due, want %d", len(o.NotDue), tt.notDue)
			}
			if tt.notDue == 0 && len(o.Results) != 3 {
				t.Errorf("%d results, want 3", len(o.Results))
			}
			for _, w := range tt.wants {
				r := find(o, w.key)
				switch {
				case r == nil:
					t.Errorf("%s: no result", w.key)
				case string(r.Status) != w.status:
					t.Errorf("%s: %s, want %s (%s)", w.key, r.Status, w.status, r.Reason)
				case r.Evidence != nil && r.In != w.in:
					t.Errorf("%s: evidence in report %d, want %d", w.key, r.In, w.in)
				case r.Status == Unreported && !strings.HasPrefix(r.Reason, map[bool]string{true: "本期各篇报告均未报告", false: "后一报告未报告"}[len(tt.texts) > 1]):
					t.Errorf("%s: the reason %q does not say whether one report or all of them leave it out", w.key, r.Reason)
				}
			}
		})
	}
}
