package app_test

import (
	"context"
	"strings"
	"testing"

	"zongjie/app"
	"zongjie/store"
)

func TestUnits(t *testing.T) {
	a, _, _ := clockApp(t)
	ctx := context.Background()
	// Reports first, units after: adding a unit takes the unassigned
	// reports that name it.
	stats, err := a.Add(ctx, app.AddRequest{Inputs: []app.Input{
		{Name: "a.txt", Data: report("青禾街道", 2024, "甲。")},
		{Name: "b.txt", Data: report("白沙街道", 2024, "乙。")},
		{Name: "c.txt", Data: report("**街道", 2024, "丙。")},
	}})
	if err != nil || stats.Added != 3 {
		t.Fatal(stats, err)
	}
	un, _ := a.Unassigned(ctx)
	if len(un.Reports) != 3 {
		t.Fatalf("Unassigned = %d, want 3", len(un.Reports))
	}
	added, err := a.AddUnit(ctx, app.NewUnit{Name: "青禾街道", Parent: "东湖区", Aliases: []string{"青禾"}})
	if err != nil || added.Assigned != 1 || added.Unit.FullName != "云川市/东湖区/青禾街道" || added.Unit.Depth != 2 {
		t.Fatalf("AddUnit = %+v, %v; want one report taken", added, err)
	}
	un, _ = a.Unassigned(ctx)
	if len(un.Reports) != 2 {
		t.Errorf("Unassigned after AddUnit = %d, want 2", len(un.Reports))
	}
	// A report added now goes to its unit at once.
	a.Add(ctx, app.AddRequest{Inputs: []app.Input{{Name: "d.txt", Data: report("青禾街道", 2025, "丁。")}}})
	tree, err := a.UnitTree(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, u := range tree.Units {
		lines = append(lines, strings.Repeat("  ", u.Depth)+u.Name)
		if u.Name == "青禾街道" && u.Reports != 2 {
			t.Errorf("青禾街道 has %d reports, want 2", u.Reports)
		}
	}
	if got := strings.Join(lines, "|"); got != "云川市|  东湖区|    青禾街道" || tree.Unassigned != 2 {
		t.Errorf("UnitTree = %q, %d unassigned", got, tree.Unassigned)
	}
	// Assigning by hand; the anonymised report stays for the admin.
	if err := a.AssignReports(ctx, []int64{un.Reports[0].ID}, "东湖区"); err != nil {
		t.Errorf("AssignReports: %v", err)
	}
	if err := a.AssignReports(ctx, []int64{9999}, "东湖区"); app.ErrorCode(err) != app.NotFound {
		t.Errorf("AssignReports of an unknown report = %v", err)
	}
	if err := a.AssignReports(ctx, []int64{1}, "西山县"); app.ErrorCode(err) != app.NotFound {
		t.Errorf("AssignReports to an unknown unit = %v", err)
	}
	// Two units of one name: named by their full name.
	if _, err := a.AddUnit(ctx, app.NewUnit{Name: "西山县", Parent: "云川市"}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.AddUnit(ctx, app.NewUnit{Name: "青禾街道", Parent: "西山县"}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.AddUnit(ctx, app.NewUnit{Name: "新村", Parent: "青禾街道"}); app.ErrorCode(err) != app.Invalid || !strings.Contains(app.ErrorMessage(err), "云川市/东湖区/青禾街道") {
		t.Errorf("AddUnit under an ambiguous name = %v", err)
	}
	if _, err := a.AddUnit(ctx, app.NewUnit{Name: "新村", Parent: "云川市/西山县/青禾街道"}); err != nil {
		t.Errorf("AddUnit under a full name: %v", err)
	}
	if _, err := a.AddUnit(ctx, app.NewUnit{Name: "东湖区", Parent: "云川市"}); app.ErrorCode(err) != app.Conflict {
		t.Errorf("a unit's name twice under one parent = %v", err)
	}
	for _, bad := range []string{"", "a/b", "XX街道", "某镇"} {
		if _, err := a.AddUnit(ctx, app.NewUnit{Name: bad, Parent: "云川市"}); app.ErrorCode(err) != app.Invalid {
			t.Errorf("AddUnit(%q) = %v", bad, err)
		}
	}
	// Moving and renaming.
	name := "青禾社区"
	got, err := a.ChangeUnit(ctx, "云川市/西山县/青禾街道", app.UnitChange{Name: &name})
	if err != nil || got.FullName != "云川市/西山县/青禾社区" {
		t.Errorf("ChangeUnit rename = %+v, %v", got, err)
	}
	to := "东湖区"
	if got, err := a.ChangeUnit(ctx, "西山县", app.UnitChange{Parent: &to}); err != nil || got.FullName != "云川市/东湖区/西山县" {
		t.Errorf("ChangeUnit move = %+v, %v", got, err)
	}
	under := "青禾社区"
	if _, err := a.ChangeUnit(ctx, "西山县", app.UnitChange{Parent: &under}); app.ErrorCode(err) != app.Conflict {
		t.Errorf("a unit moved below itself = %v", err)
	}
	// An admin of 东湖区 changes units below it only.
	addUser(t, a, "admin", "right password", "东湖区", store.Admin)
	admin, _ := a.Authenticate(ctx, "admin", "right password")
	as := app.WithUser(ctx, admin)
	root := ""
	if _, err := a.ChangeUnit(as, "西山县", app.UnitChange{Parent: &root}); app.ErrorCode(err) != app.Forbidden {
		t.Errorf("an admin moves a unit to the root = %v", err)
	}
	if _, err := a.ChangeUnit(as, "东湖区", app.UnitChange{Name: &name}); app.ErrorCode(err) != app.Forbidden {
		t.Errorf("an admin renames their own unit = %v", err)
	}
	if _, err := a.AddUnit(as, app.NewUnit{Name: "新区"}); app.ErrorCode(err) != app.Forbidden {
		t.Errorf("an admin adds a root = %v", err)
	}
	if _, err := a.AddUnit(as, app.NewUnit{Name: "新社区", Parent: "东湖区"}); err != nil {
		t.Errorf("an admin adds a unit below theirs: %v", err)
	}
	es, _ := a.AuditLog(ctx, app.AuditQuery{Action: "unit."})
	if len(es) < 8 {
		t.Errorf("%d unit operations logged", len(es))
	}
}
