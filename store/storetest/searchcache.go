package storetest

import (
	"context"
	"reflect"
	"testing"

	"zongjie/store"
	"zongjie/store/internal/norm"
)

// SearchCache checks that a store that keeps what each phrase was found
// in (cached returns how many phrases it holds) gives exactly what
// searching the database (database) gives: the same hits in the same order
// with the same scores, under every kind of filter, past the number of
// paragraphs a search ranks (SearchScan, lowered here), and after each
// kind of write: more reports (one at a time, as uploads come, and in a
// batch), a move, the trash and a restore from it, a new version, a
// deletion. The hits are compared whole: the paragraph, the report's
// summary and the score. fill stores reports.
func SearchCache(t *testing.T, s store.Store, fill Putter, cached func() int, database func(q store.Query) []store.Hit) {
	defer func(n int) { norm.SearchScan = n }(norm.SearchScan)
	norm.SearchScan = 300
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

	var queries []store.Query
	for _, text := range []string{"增长", "全面完成年度任务", "就业", "萤火虫"} {
		for _, f := range []store.Filter{
			{}, {Unit: "东湖区"}, {Level: "street"}, {Year: 2021}, {Genre: "summary+plan"}, {Genre: "speech"},
			{Path: "synthetic/000003.txt"}, {Unit: "南山县", Year: 2022},
			{Scope: &store.Scope{Units: []int64{east.ID}}}, {Scope: &store.Scope{Unassigned: true}},
			{Scope: &store.Scope{Units: []int64{east.ID, west.ID}, Unassigned: true}}, {Scope: &store.Scope{}},
		} {
			for _, kind := range []string{"", "plan"} {
				for _, limit := range []int{1, 50} {
					queries = append(queries, store.Query{Text: text, Filter: f, Kind: kind, Limit: limit})
				}
			}
		}
	}
	compare := func(step string) {
		t.Helper()
		for _, q := range queries {
			got, err := s.Search(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			want := database(q)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: Search(%+v): %d hits, the database's %d, or not the same", step, q, len(got), len(want))
			}
		}
	}
	compare("filled")
	if cached() == 0 {
		t.Fatal("the cache holds no phrase: nothing was compared")
	}
	compare("again")
	afterCacheWrites(t, s, fill, func(ids ...int64) { assign(west.ID, ids...) }, compare)
}

// afterCacheWrites makes each kind of write a store's cache must see and
// calls compare after each: reports added one at a time and in a batch,
// a move to another unit (moveTo), the trash, more reports, a restore, a
// new version, a deletion and reports after it. The store holds the
// reports 0–23 of fill when it is called.
func afterCacheWrites(t *testing.T, s store.Store, fill Putter, moveTo func(ids ...int64), compare func(step string)) {
	t.Helper()
	ctx := context.Background()
	for i := 24; i < 30; i++ {
		Fill(t, fill, i, i+1, 1, 1)
		compare("after one more report")
	}
	Fill(t, fill, 30, 40, 10, 1)
	compare("after more reports")
	moveTo(1, 25)
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
	Fill(t, fill, 63, 64, 1, 1)
	compare("after one more")
}
