package storetest

import (
	"context"
	"reflect"
	"testing"

	"zongjie/store"
)

// ListCache checks that a store that keeps the summaries of its reports
// for List gives exactly what listing from the database (database) gives,
// under every kind of filter, after each kind of write: more reports (one
// at a time, as uploads come, and in a batch), a move, the trash and a
// restore from it, a new version, a deletion. fill stores reports.
func ListCache(t *testing.T, s store.Store, fill Putter, database func(f store.Filter) []store.Summary) {
	ctx := context.Background()
	Fill(t, fill, 0, 24, 24, 1)
	east, west := &store.Unit{Name: "东湖区"}, &store.Unit{Name: "西山县"}
	for _, u := range []*store.Unit{east, west} {
		if err := s.CreateUnit(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	assign := func(unit int64, ids ...int64) {
		t.Helper()
		if err := s.Assign(ctx, ids, unit); err != nil {
			t.Fatal(err)
		}
	}
	assign(east.ID, 1, 2, 3, 10, 11)
	assign(west.ID, 4, 5, 12)
	filters := []store.Filter{
		{}, {Unit: "东湖区"}, {Level: "street"}, {Year: 2021}, {Genre: "summary+plan"}, {Genre: "speech"},
		{Path: "synthetic/000003.txt"}, {Unit: "南山县", Year: 2022},
		{Scope: &store.Scope{Units: []int64{east.ID}}}, {Scope: &store.Scope{Unassigned: true}},
		{Scope: &store.Scope{Units: []int64{east.ID, west.ID}, Unassigned: true}}, {Scope: &store.Scope{}},
		{Unit: "东湖区", Scope: &store.Scope{Units: []int64{west.ID}}},
	}
	compare := func(step string) {
		t.Helper()
		for _, f := range filters {
			got, err := s.List(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			if want := database(f); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: List(%+v): %d reports, the database's %d, or not the same", step, f, len(got), len(want))
			}
		}
	}
	compare("filled")
	compare("again")
	for i := 24; i < 28; i++ {
		Fill(t, fill, i, i+1, 1, 1)
		compare("after one more report")
	}
	Fill(t, fill, 28, 40, 12, 1)
	compare("after more reports")
	assign(west.ID, 1, 25)
	compare("after a move")
	if err := s.Trash(ctx, 2); err != nil {
		t.Fatal(err)
	}
	compare("after the trash")
	Fill(t, fill, 40, 42, 1, 1)
	compare("after the trash and more")
	if err := s.Untrash(ctx, 2); err != nil {
		t.Fatal(err)
	}
	compare("after a restore")
	next := Synthetic(60)
	next.ID = 3
	if _, _, err := s.Put(ctx, next); err != nil {
		t.Fatal(err)
	}
	compare("after a new version")
	if err := s.Delete(ctx, 30); err != nil {
		t.Fatal(err)
	}
	Fill(t, fill, 61, 63, 1, 1)
	compare("after a deletion and more")
}
