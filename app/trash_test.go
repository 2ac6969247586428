package app_test

import (
	"context"
	"testing"
	"time"

	"zongjie/app"
	"zongjie/store"
)

// Deleting is soft: the report is gone for everyone, an admin brings it
// back as it was within TrashKeep, and after it the report is purged.
func TestTrash(t *testing.T) {
	a, c, _ := clockApp(t)
	ctx := context.Background()
	addUser(t, a, "zhang", "right password", "东湖区", store.Drafter)
	stats, err := a.Add(ctx, app.AddRequest{Inputs: []app.Input{
		{Name: "a.txt", Data: report("东湖区", 2024, "甲。")}, {Name: "b.txt", Data: report("东湖区", 2025, "乙。")},
	}})
	if err != nil || stats.Added != 2 {
		t.Fatal(stats, err)
	}
	zhang, _ := a.Authenticate(ctx, "zhang", "right password")
	me := app.WithUser(ctx, zhang)
	if err := a.Remove(me, 1); err != nil {
		t.Fatalf("Remove by the unit's drafter: %v", err)
	}
	if _, err := a.Show(ctx, 1, 0); app.ErrorCode(err) != app.NotFound {
		t.Errorf("Show of a deleted report = %v", err)
	}
	if err := a.Remove(me, 1); app.ErrorCode(err) != app.NotFound {
		t.Errorf("Remove twice = %v", err)
	}
	// Only an admin sees the trash and brings reports back.
	if _, err := a.ListTrash(me); app.ErrorCode(err) != app.Forbidden {
		t.Errorf("ListTrash by a drafter = %v", err)
	}
	if err := a.Undelete(me, 1); app.ErrorCode(err) != app.Forbidden {
		t.Errorf("Undelete by a drafter = %v", err)
	}
	tl, err := a.ListTrash(ctx)
	if err != nil || len(tl.Reports) != 1 || tl.Reports[0].ID != 1 || !tl.Reports[0].Purge.Equal(tl.Reports[0].Deleted.Add(app.TrashKeep)) {
		t.Fatalf("ListTrash = %+v, %v", tl, err)
	}
	if by := tl.Reports[0].DeletedBy; by != "zhang" {
		t.Errorf("ListTrash says %q deleted it, want zhang", by)
	}
	if err := a.Undelete(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if s, err := a.Show(ctx, 1, 0); err != nil || s.Report.Unit != "东湖区" {
		t.Errorf("Show after Undelete = %+v, %v", s, err)
	}
	if err := a.Undelete(ctx, 1); app.ErrorCode(err) != app.NotFound {
		t.Errorf("Undelete of a live report = %v", err)
	}
	// Purged after TrashKeep (the store's clock says when it was deleted:
	// the App's clock moves past it).
	if err := a.Remove(ctx, 1); err != nil {
		t.Fatal(err)
	}
	// The last deletion names who deleted it: the local user this time.
	if tl, err := a.ListTrash(ctx); err != nil || len(tl.Reports) != 1 || tl.Reports[0].DeletedBy != "" {
		t.Errorf("ListTrash after the local user's Remove = %+v, %v", tl, err)
	}
	if ids, err := a.PurgeTrash(ctx); err != nil || len(ids) != 0 {
		t.Errorf("PurgeTrash at once = %v, %v", ids, err)
	}
	c.t = time.Now().Add(app.TrashKeep + time.Minute)
	if ids, err := a.PurgeTrash(ctx); err != nil || len(ids) != 1 || ids[0] != 1 {
		t.Errorf("PurgeTrash after TrashKeep = %v, %v", ids, err)
	}
	if err := a.Undelete(ctx, 1); app.ErrorCode(err) != app.NotFound {
		t.Errorf("Undelete after the purge = %v", err)
	}
	es, _ := a.AuditLog(ctx, app.AuditQuery{Report: 1})
	var actions []string
	for _, e := range es {
		actions = append(actions, e.Action+"/"+e.User)
	}
	want := []string{"report.purge/（系统）", "report.delete/", "report.undelete/", "report.delete/zhang", "report.add/"}
	if len(actions) != len(want) {
		t.Fatalf("audit of report 1 = %v, want %v", actions, want)
	}
	for i := range want {
		if actions[i] != want[i] {
			t.Errorf("audit of report 1 = %v, want %v", actions, want)
			break
		}
	}
}
