package corpus_test

import (
	"context"
	"testing"

	"zongjie/store"
)

// A 镇's reports of 2025 and 2026, written for these tests: the 2025
// year's report sets the 2026 year's targets and one for the first half;
// the 2026 half-year's report sets the second half's and restates one of
// the year's with another value; the 2026 year's report gives the
// results. A plan alone of 2026 re-plans the whole year.
const (
	plans2025 = "柳塘镇2025年工作总结和2026年工作计划\n一、2025年工作回顾\n全镇经济运行总体平稳。\n二、2026年工作计划\n" +
		"2026年主要目标是：规模以上工业产值增长8%，新增市场主体200户以上，新建村级养老服务站6个，上半年完成农村户厕改造300户。\n"
	plans2026H1 = "柳塘镇2026年上半年工作总结暨下半年工作计划\n一、上半年工作回顾\n上半年完成农村户厕改造320户，新增市场主体90户。\n二、下半年工作计划\n" +
		"下半年，新增农村公益性岗位40个，确保全年新建村级养老服务站8个。\n"
	plans2026 = "柳塘镇2026年工作总结\n一、2026年工作回顾\n全年规模以上工业产值增长8.5%，新增市场主体210户，新建村级养老服务站7个，新增农村公益性岗位45个，完成农村户厕改造330户。\n" +
		"二、2027年工作计划\n继续抓好各项工作。\n"
	plans2026Plan = "柳塘镇2026年工作计划\n一、主要目标\n2026年全镇规模以上工业产值增长7%，新增市场主体180户以上。\n二、工作措施\n抓好项目建设。\n"
)

// TestDeskEarlierPlans: the year's report of 2026 is tracked against the
// targets of every earlier report whose plan falls due with it — the
// second half's set in the half-year's report (the previous one) and the
// year's set in the 2025 report (Earlier) — a target restated once; at
// mid-year the year's targets are not due. Near misses: a unit with only
// two reports, and a plan alone of the year between (it re-planned the
// whole year, so the 2025 report's plan is left): as before.
func TestDeskEarlierPlans(t *testing.T) {
	type figs struct{ targets, met, partial, unreported, earlier int }
	tests := []struct {
		name  string
		texts map[string]string
		year  figs // of the 2026 year's report
		half  *figs
	}{
		{"a year's plan past a half-year's report",
			map[string]string{"2025.txt": plans2025, "2026h1.txt": plans2026H1, "2026.txt": plans2026},
			figs{targets: 4, met: 3, partial: 1, earlier: 2}, &figs{targets: 1, met: 1}},
		// near misses
		{"only the year before", map[string]string{"2025.txt": plans2025, "2026.txt": plans2026},
			figs{targets: 4, met: 4}, nil},
		{"only the half-year's report before", map[string]string{"2026h1.txt": plans2026H1, "2026.txt": plans2026},
			figs{targets: 2, met: 1, partial: 1}, nil},
		{"a plan alone of the year re-planned it", map[string]string{"2025.txt": plans2025, "plan.txt": plans2026Plan, "2026.txt": plans2026},
			figs{targets: 2, met: 2}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := openSQLite(t)
			ids := addTexts(t, st, tt.texts, false)
			got := desk(t, st)
			check := func(name string, f figs, id int64) {
				g := got[id].Figures
				if have := (figs{g.Targets, g.Met, g.Partial, g.Unreported, g.Earlier}); have != f {
					t.Errorf("%s: %+v, want %+v", name, have, f)
				}
			}
			check("the year's report", tt.year, ids["2026.txt"])
			if tt.half != nil {
				check("the half-year's report", *tt.half, ids["2026h1.txt"])
			}
		})
	}
}

// TestDeskEarlierPlansStamps: the figures of the year's report are
// computed again when the earlier report whose plan it is tracked
// against changes or goes, and only then.
func TestDeskEarlierPlansStamps(t *testing.T) {
	onBothStores(t, func(t *testing.T, open func() store.Store) {
		ctx := context.Background()
		st := &countingStore{Store: open()}
		ids := addTexts(t, st, map[string]string{"2025.txt": plans2025, "2026h1.txt": plans2026H1, "2026.txt": plans2026}, false)
		sameDesk(t, "three reports", st)
		if f := desk(t, st)[ids["2026.txt"]].Figures; f.Earlier != 2 {
			t.Fatalf("the year's report: %d targets set earlier, want 2", f.Earlier)
		}
		st.gets.Store(0)
		desk(t, st)
		if n := st.gets.Load(); n != 0 {
			t.Errorf("a look with nothing changed read %d reports", n)
		}
		if err := st.Trash(ctx, ids["2025.txt"]); err != nil {
			t.Fatal(err)
		}
		sameDesk(t, "the 2025 report trashed", st)
		if f := desk(t, st)[ids["2026.txt"]].Figures; f.Earlier != 0 || f.Targets != 2 {
			t.Errorf("without the 2025 report: %d targets, %d set earlier; want the half-year's 2", f.Targets, f.Earlier)
		}
		if err := st.Untrash(ctx, ids["2025.txt"]); err != nil {
			t.Fatal(err)
		}
		sameDesk(t, "the 2025 report restored", st)
		if f := desk(t, st)[ids["2026.txt"]].Figures; f.Earlier != 2 {
			t.Errorf("the 2025 report restored: %d set earlier, want 2", f.Earlier)
		}
	})
}
