package http

import (
	"strings"
	"testing"

	"zongjie/app"
	"zongjie/corpus"
)

// Ensure the desk shows figures still being computed as such: a report
// whose figures are pending shows no figures and no reasons, a stale one
// its figures marked 更新中, and the share found in other units without a
// link when the report shared with most is not the user's to open.
func TestLayoutDeskComputing(t *testing.T) {
	f := corpus.DeskFigures{Checked: true, Errors: 2, Placeholders: 1, OthersShare: 0.4}
	d := &app.Desk{OthersLimit: app.OthersLimit, PreviousLimit: app.PreviousLimit, Units: []app.DeskUnit{{
		Unit: "青禾街道",
		Cells: []app.DeskCell{{Reports: []app.DeskEntry{
			{Report: app.Summary{ID: 1}, Pending: true},
			{Report: app.Summary{ID: 2}, Figures: f, Stale: true},
			{Report: app.Summary{ID: 3}, Figures: func() corpus.DeskFigures { g := f; g.Other = 9; return g }()},
		}}},
	}}}
	var es []deskEntryView
	for _, e := range d.Units[0].Cells[0].Reports {
		es = append(es, entryView(d, e))
	}
	if !strings.Contains(es[0].Counts, "计算中") || es[0].PrevText != "" || es[0].OtherText != "" || es[0].Targets != "" {
		t.Errorf("pending: %+v", es[0])
	}
	if !strings.Contains(es[1].Counts, "错误 2") || !strings.Contains(es[1].Counts, "更新中") {
		t.Errorf("stale: counts %q", es[1].Counts)
	}
	if es[1].OtherText == "" || es[1].OtherHref != "" || !es[1].OtherBad {
		t.Errorf("others' share without a report to open: %+v", es[1])
	}
	if strings.Contains(es[2].Counts, "更新中") || es[2].OtherHref != "/compare?a=9&b=3" {
		t.Errorf("fresh, with the report shared with most: %+v", es[2])
	}
}
