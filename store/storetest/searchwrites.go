package storetest

import (
	"context"
	"slices"
	"testing"

	"zongjie/store"
)

// testSearchAfterWrites searches again after each kind of write: a store
// that keeps what it found for a phrase must see new reports, the trash
// and back, a new version (other text, another unit name), a move to
// another unit and a deletion, and a new report whose paragraphs take
// the IDs a deleted one's had.
func testSearchAfterWrites(t *testing.T, s store.Store) {
	ctx := context.Background()
	tr := makeTree(t, s)
	live := putCorpus(t, s)
	queries := []store.Query{
		{Text: "增长"},
		{Text: "增"},
		{Text: "就业", Kind: "review"},
		{Text: "增长", Filter: store.Filter{Unit: "东湖区"}},
		{Text: "就业", Filter: store.Filter{Year: 2023}},
		{Text: "增长", Filter: store.Filter{Level: "street", Genre: "summary"}},
		{Text: "增长", Filter: store.Filter{Path: "corpus/n1.txt"}},
		{Text: "增长", Filter: store.Filter{Scope: &store.Scope{Units: []int64{tr.eastStreet}}}},
		{Text: "增长", Filter: store.Filter{Scope: &store.Scope{Unassigned: true}}},
		{Text: "增长", Filter: store.Filter{Scope: &store.Scope{}}},
		{Text: "萤火虫"},
		{Text: "萤火虫", Filter: store.Filter{Unit: "西山县"}},
	}
	check := func(step string) {
		t.Helper()
		for _, q := range queries {
			q.Limit = 100
			want := wants(live, q)
			hits := checkHits(t, s, q, want)
			// And a limit smaller than the hits: the best of them.
			if len(hits) > 2 {
				q.Limit = 2
				few, err := s.Search(ctx, q)
				if err != nil || len(few) != 2 || few[0].Paragraph != hits[0].Paragraph || few[0].Score != hits[0].Score || few[1].Score != hits[1].Score {
					t.Errorf("%s: Search(%+v) = %v, %v; want the first two of %v", step, q, few, err, hits[:2])
				}
			}
		}
	}
	check("the corpus")
	check("the corpus again")

	fresh := func(hash, unit string) *store.Report {
		r := corpusReport{
			hash: hash, unit: unit, level: "district", years: []int{2025}, period: "year", genre: "summary",
			title: unit + "2025年工作总结",
			paras: []para{
				{"review", "全区经济增长6%，萤火虫生态公园建成开放。"},
				{"plan", "明年力争增长6.5%，新增就业1万人。"},
			},
		}.build()
		r.Added = live[0].Added
		return r
	}
	n1 := fresh("n1", "东湖区")
	put(t, s, n1)
	live = append(live, n1)
	check("after a new report")

	trashed := live[0]
	if err := s.Trash(ctx, trashed.ID); err != nil {
		t.Fatalf("Trash: %v", err)
	}
	live = slices.DeleteFunc(live, func(r *store.Report) bool { return r == trashed })
	check("after the trash")
	if err := s.Untrash(ctx, trashed.ID); err != nil {
		t.Fatalf("Untrash: %v", err)
	}
	live = append(live, trashed)
	check("back from the trash")

	old := live[1]
	next := fresh("v2", "西山县")
	next.ID = old.ID
	if _, _, err := s.Put(ctx, next); err != nil {
		t.Fatalf("Put a new version: %v", err)
	}
	live[1] = next
	check("after a new version")

	if err := s.Assign(ctx, []int64{live[2].ID, n1.ID}, tr.eastStreet); err != nil {
		t.Fatalf("Assign: %v", err)
	}
	live[2].UnitID, n1.UnitID = tr.eastStreet, tr.eastStreet
	check("after a move")

	if err := s.Delete(ctx, n1.ID); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	live = slices.DeleteFunc(live, func(r *store.Report) bool { return r == n1 })
	check("after a deletion")
	n2 := fresh("n2", "西山县")
	n2.Paragraphs[0].Text = "全县增长5%，萤火虫保护区扩大。"
	put(t, s, n2)
	live = append(live, n2)
	check("after a report in the deleted one's place")
}
