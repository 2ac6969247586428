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
	afterCacheWrites(t, s, fill, func(ids ...int64) { assign(west.ID, ids...) }, compare)
}
