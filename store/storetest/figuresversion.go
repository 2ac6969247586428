package storetest

import (
	"context"
	"encoding/json"
	"testing"

	"zongjie/store"
)

// FiguresVersion checks store.FiguresVersioner on s, written through s
// and through other, a second handle on the same database (another
// process): the version changes with every figures stored and every new
// version, move, trash, restore and deletion of a report, whichever
// handle wrote, and not when a report is added.
func FiguresVersion(t *testing.T, s, other store.Store) {
	ctx := context.Background()
	fv, ok := s.(store.FiguresVersioner)
	if !ok {
		t.Fatalf("%T is not a store.FiguresVersioner", s)
	}
	last, err := fv.FiguresVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	step := func(what string, changed bool) {
		t.Helper()
		v, err := fv.FiguresVersion(ctx)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if (v != last) != changed {
			t.Errorf("%s: version %q → %q; want changed %v", what, last, v, changed)
		}
		last = v
	}
	a := put(t, s, syntheticReport("version-a"))
	step("a report added", false)
	b := put(t, other, syntheticReport("version-b"))
	step("a report added by another process", false)
	step("nothing", false)
	if err := other.PutFigures(ctx, []store.Figures{{Report: a, Stamp: "v1", Data: json.RawMessage(`{}`)}}); err != nil {
		t.Fatal(err)
	}
	step("figures stored by another process", true)
	if err := s.PutFigures(ctx, []store.Figures{{Report: b, Stamp: "v1", Data: json.RawMessage(`{}`)}}); err != nil {
		t.Fatal(err)
	}
	step("figures stored", true)
	r := syntheticReport("version-a")
	r.ID, r.Text = a, r.Text+"补充。"
	r.FileHash = "version-a-2"
	if _, added, err := other.Put(ctx, r); err != nil || !added {
		t.Fatalf("a new version: %v, %v", added, err)
	}
	step("a new version by another process", true)
	u := &store.Unit{Name: "青禾街道"}
	if err := other.CreateUnit(ctx, u); err != nil {
		t.Fatal(err)
	}
	if err := other.Assign(ctx, []int64{b}, u.ID); err != nil {
		t.Fatal(err)
	}
	step("a report moved by another process", true)
	if err := other.Trash(ctx, b); err != nil {
		t.Fatal(err)
	}
	step("a report trashed by another process", true)
	if err := other.Untrash(ctx, b); err != nil {
		t.Fatal(err)
	}
	step("a report restored by another process", true)
	if err := other.Delete(ctx, b); err != nil {
		t.Fatal(err)
	}
	step("a report deleted by another process", true)
}
