package app_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"zongjie"
	"zongjie/app"
	"zongjie/store"
)

// A 乡's three reports for TestTrackPeriodEarly, written for it: the
// half-year's review reaches one of the year's amounts (高标准农田) and
// gives others short of theirs or as rates; the year's report says
// nothing more of them.
var earlyTexts = map[string]string{
	"2025.txt": "青石乡2025年工作总结和2026年工作计划\n一、2025年工作回顾\n全乡经济运行总体平稳。\n二、2026年工作计划\n" +
		"2026年主要目标是：规模以上工业产值增长8%，农村居民人均可支配收入增长7%，新建高标准农田3000亩，新增市场主体200户，改造农村危房40户，新建文化广场5个。\n",
	"2026h1.txt": "青石乡2026年上半年工作总结暨下半年工作计划\n一、上半年工作回顾\n上半年规模以上工业产值增长9.1%，农村居民人均可支配收入增长8.2%。" +
		"已建成高标准农田3200亩，提前完成全年任务。新增市场主体90户。新增农村公益性岗位52个。\n二、下半年工作计划\n下半年，新增农村公益性岗位40个。\n",
	"2026.txt": "青石乡2026年工作总结\n一、2026年工作回顾\n全年规模以上工业产值增长7.2%，改造农村危房42户。\n二、2027年工作计划\n继续抓好各项工作。\n",
}

// TestTrackPeriodEarly: at the year's end, a year's amount the half-year's
// report already reached and the year's report does not give again is met,
// its evidence in the half-year's report (Early, In that report, one of
// Plans). Near misses: an amount short of its target then stays
// unreported, the figure so far in the reason; a rate then (增长8.2%) is no
// year's rate; the year's report's own figure wins (增长7.2%, missed); a
// second half's target is not rated by the first half's figure; a target
// no report gives stays unreported.
func TestTrackPeriodEarly(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	var in []app.Input
	for _, f := range []string{"2025.txt", "2026h1.txt", "2026.txt"} {
		in = append(in, app.Input{Name: f, Data: []byte(earlyTexts[f])})
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
	res, err := a.TrackPeriod(ctx, "青石乡", zongjie.Term{Year: 2026, Period: zongjie.PeriodFullYear})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		key, status, figure, in, reason string
		early                           bool
	}{
		{"高标准农田", "met", "3200亩", "2026h1.txt", "2026年上半年的报告已达到", true},
		// near misses
		{"新增市场主体", "unreported", "", "", "2026年上半年的报告为90户", false},
		{"农村居民人均可支配收入", "unreported", "", "", "", false},
		{"规模以上工业产值", "missed", "增长7.2%", "2026.txt", "", false},
		{"农村危房", "met", "42户", "2026.txt", "", false},
		{"新增农村公益性岗位", "unreported", "", "", "", false},
		{"文化广场", "unreported", "", "", "", false},
	}
	got := map[string]app.PeriodResult{}
	for _, r := range res.Targets {
		got[r.Indicator] = r
	}
	for _, w := range want {
		r, ok := got[w.key]
		if !ok {
			t.Errorf("%s: no result (%d results)", w.key, len(res.Targets))
			continue
		}
		fig := ""
		if r.Evidence != nil {
			fig = r.Evidence.Figure
		}
		if string(r.Status) != w.status || fig != w.figure || r.Early != w.early || r.InID != ids[w.in] {
			t.Errorf("%s: %s %q early %v in %d, want %s %q early %v in %d (%s)", w.key, r.Status, fig, r.Early, r.InID, w.status, w.figure, w.early, ids[w.in], r.Reason)
		}
		if w.in != "" && r.In != "#"+itoa(ids[w.in]) {
			t.Errorf("%s: in %q, want #%d", w.key, r.In, ids[w.in])
		}
		if !strings.Contains(r.Reason, w.reason) {
			t.Errorf("%s: reason %q, want it to say %q", w.key, r.Reason, w.reason)
		}
		if w.reason == "" && strings.Contains(r.Reason, "上半年") {
			t.Errorf("%s: reason %q tells the half-year's figure", w.key, r.Reason)
		}
	}
	for _, p := range res.Reports {
		if p.ID == ids["2026.txt"] && p.Summary["met"] != 1 {
			t.Errorf("the year's report rates %d met, want 1 (农村危房; 高标准农田 is the half-year's)", p.Summary["met"])
		}
	}
}
