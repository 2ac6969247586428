package app_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"zongjie/app"
)

// Ensure the desk lays out the examples as units × periods, each report
// with its previous one, the reasons to send it back, and the filters and
// orders narrowing and ordering the rows.
func TestDesk(t *testing.T) {
	ctx := context.Background()
	a := newApp(t)
	ids := addExamples(t, a)
	d, err := a.Desk(ctx, app.DeskQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Reports != len(ids) || d.Shown != len(ids) {
		t.Errorf("desk: %d reports, %d shown; want %d", d.Reports, d.Shown, len(ids))
	}
	var keys []string
	for _, p := range d.Periods {
		keys = append(keys, p.Key)
	}
	if got := strings.Join(keys, " "); got != "2024H1 2024 2025" {
		t.Errorf("periods %q, want 2024H1 2024 2025 in time order", got)
	}
	cell := func(d *app.Desk, unit, period string) *app.DeskCell {
		for _, u := range d.Units {
			for i, p := range d.Periods {
				if u.Unit == unit && p.Key == period {
					return &u.Cells[i]
				}
			}
		}
		return nil
	}
	c := cell(d, "石桥镇", "2025")
	if c == nil || len(c.Reports) != 1 {
		t.Fatalf("石桥镇 2025: %+v", c)
	}
	e := c.Reports[0]
	if e.Report.ID != ids["shiqiao-2025.txt"] || e.Figures.Previous != ids["shiqiao-2024.txt"] || e.Figures.Targets == 0 {
		t.Errorf("石桥镇 2025: %+v", e)
	}
	if c := cell(d, "石桥镇", "2024H1"); c == nil || len(c.Reports) != 0 || c.Hidden != 0 {
		t.Errorf("石桥镇 2024H1 should be an empty cell: %+v", c)
	}
	if e := cell(d, "青禾街道", "2024").Reports[0]; e.Figures.Previous != ids["qinghe-2024h1.txt"] {
		t.Errorf("青禾街道 2024: previous %d, want the half year's %d", e.Figures.Previous, ids["qinghe-2024h1.txt"])
	}
	// Reasons name what to fix.
	for _, u := range d.Units {
		for _, c := range u.Cells {
			for _, e := range c.Reports {
				f := e.Figures
				has := func(prefix string) bool {
					for _, r := range e.Reasons {
						if strings.HasPrefix(r, prefix) {
							return true
						}
					}
					return false
				}
				if (f.Placeholders > 0) != has("仍有占位符") || (f.PreviousShare > app.PreviousLimit) != has("与上期重复") ||
					(f.Unreported > 0) != has("上期目标") && f.Missed == 0 {
					t.Errorf("%s: reasons %q for %+v", e.Report.Title, e.Reasons, f)
				}
			}
		}
	}

	// One period: one column; the others' reports are not counted.
	one, err := a.Desk(ctx, app.DeskQuery{Period: "2024"})
	if err != nil || len(one.Periods) != 1 || one.Shown != 3 {
		t.Fatalf("period 2024: %+v, %v", one, err)
	}
	// Placeholders: only reports that hold some; an emptied cell says how
	// many it hides.
	ph, err := a.Desk(ctx, app.DeskQuery{Placeholders: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range ph.Units {
		for _, c := range u.Cells {
			for _, e := range c.Reports {
				if e.Figures.Placeholders == 0 {
					t.Errorf("placeholders filter kept %s", e.Report.Title)
				}
			}
		}
	}
	if ph.Shown >= d.Shown || ph.Shown == 0 {
		t.Errorf("placeholders filter: %d of %d shown", ph.Shown, d.Shown)
	}
	// Level: the examples are a 乡, a 镇 and a 街道.
	if lv, err := a.Desk(ctx, app.DeskQuery{Level: "town"}); err != nil || len(lv.Units) != 1 || lv.Units[0].Unit != "石桥镇" {
		t.Errorf("level town: %+v, %v", lv, err)
	}
	// Orders: by name, and most to send back first.
	byName, _ := a.Desk(ctx, app.DeskQuery{Sort: app.SortUnit})
	for i := 1; i < len(byName.Units); i++ {
		if byName.Units[i-1].Unit > byName.Units[i].Unit {
			t.Errorf("by name: %q before %q", byName.Units[i-1].Unit, byName.Units[i].Unit)
		}
	}
	if _, err := a.Desk(ctx, app.DeskQuery{Sort: "size"}); err == nil {
		t.Error("an unknown order: no error")
	} else {
		wantCode(t, "sort size", err, app.Invalid)
	}
}

// Ensure a store without reports gives an empty desk.
func TestDeskEmpty(t *testing.T) {
	d, err := newApp(t).Desk(context.Background(), app.DeskQuery{})
	if err != nil || d.Reports != 0 || len(d.Units) != 0 || len(d.Periods) != 0 {
		t.Errorf("empty desk: %+v, %v", d, err)
	}
}

// Ensure reports whose unit name is a placeholder (a template not filled
// in) are the unknown unit's row, not a row each, while a real name near
// it (a name with x in it that hides nothing) keeps its row.
func TestDeskAnonymisedUnits(t *testing.T) {
	ctx := context.Background()
	a := newApp(t)
	report := func(unit string, year int) []byte {
		return []byte(fmt.Sprintf("%s%d年工作总结\n一、主要工作\n全年完成投资3亿元，新建公园2个。\n", unit, year))
	}
	var ups []app.Upload
	for i, unit := range []string{"xx街道", "**镇", "XX街道", "青禾街道"} {
		ups = append(ups, app.Upload{Name: fmt.Sprintf("r%d.txt", i), Data: report(unit, 2024)})
	}
	if _, err := a.AddUploads(ctx, ups); err != nil {
		t.Fatal(err)
	}
	d, err := a.Desk(ctx, app.DeskQuery{})
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]int{}
	for _, u := range d.Units {
		for _, c := range u.Cells {
			rows[u.Unit] += len(c.Reports)
		}
	}
	if len(rows) != 2 || rows[""] != 3 || rows["青禾街道"] != 1 {
		t.Errorf("rows %v; want the three placeholder names in the unknown unit's row and 青禾街道 its own", rows)
	}
}
