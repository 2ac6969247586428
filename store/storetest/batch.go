package storetest

import (
	"context"
	"errors"
	"slices"
	"testing"

	"zongjie/store"
)

// testPutBatch: PutBatch stores many reports in one transaction, the path
// every real add takes: each report as Put would (a report stored
// already, or twice in the batch, is kept once), and all or none.
func testPutBatch(t *testing.T, s store.Store) {
	ctx := context.Background()
	// Ensure an empty batch does nothing.
	if ids, added, err := s.PutBatch(ctx, nil); err != nil || len(ids) != 0 || len(added) != 0 {
		t.Errorf("PutBatch(nil) = %v, %v, %v", ids, added, err)
	}

	// Ensure a batch stores each report whole, sets its ID and says it
	// was added.
	rs := corpusReports()
	ids, added, err := s.PutBatch(ctx, rs)
	if err != nil {
		t.Fatalf("PutBatch: %v", err)
	}
	if len(ids) != len(rs) || len(added) != len(rs) {
		t.Fatalf("PutBatch gave %d IDs and %d flags for %d reports", len(ids), len(added), len(rs))
	}
	for i, r := range rs {
		if ids[i] == 0 || r.ID != ids[i] || !added[i] {
			t.Errorf("report %d: ID %d (r.ID %d), added %v", i, ids[i], r.ID, added[i])
		}
		got, err := s.Get(ctx, ids[i])
		if err != nil {
			t.Fatalf("Get %d: %v", ids[i], err)
		}
		checkSummary(t, "PutBatch", got.Summary(), r)
		if got.Text != r.Text || !slices.Equal(got.Fingerprints, sortedSet(r.Fingerprints)) || len(got.Paragraphs) != len(r.Paragraphs) {
			t.Errorf("report %d: stored %d characters, %d fingerprints, %d paragraphs", i, len(got.Text), len(got.Fingerprints), len(got.Paragraphs))
		}
	}
	if len(slices.Compact(slices.Sorted(slices.Values(ids)))) != len(ids) {
		t.Errorf("IDs %v are not distinct", ids)
	}
	hits, err := s.Search(ctx, store.Query{Text: rs[0].Paragraphs[0].Text})
	if err != nil || len(hits) == 0 {
		t.Errorf("Search for a batched paragraph: %d hits, %v", len(hits), err)
	}

	// Ensure a report stored already, and one twice in the batch, are
	// kept once, with their IDs, beside a new one.
	again := corpusReports()[1]
	fresh := syntheticReport("batch-fresh")
	twice := syntheticReport("batch-fresh")
	ids, added, err = s.PutBatch(ctx, []*store.Report{again, fresh, twice})
	if err != nil {
		t.Fatalf("PutBatch with duplicates: %v", err)
	}
	if ids[0] != rs[1].ID || added[0] {
		t.Errorf("a stored report: %d, %v; want %d, false", ids[0], added[0], rs[1].ID)
	}
	if !added[1] || ids[2] != ids[1] || added[2] {
		t.Errorf("a report twice in the batch: %v %v, %v %v; want one ID, added once", ids[1], added[1], ids[2], added[2])
	}
	if n, err := s.Count(ctx); err != nil || n != len(rs)+1 {
		t.Errorf("Count = %d, %v; want %d", n, err, len(rs)+1)
	}

	// Ensure a batch that fails midway stores none of its reports.
	good := syntheticReport("batch-good")
	bad := syntheticReport("batch-bad")
	bad.Paragraphs = append(bad.Paragraphs, store.Paragraph{Offset: -1, Text: "负数的位置不能保存", Kind: "review"})
	if _, _, err := s.PutBatch(ctx, []*store.Report{good, bad}); err == nil {
		t.Error("PutBatch with a paragraph at offset -1 succeeded")
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, _, err := s.PutBatch(cctx, []*store.Report{syntheticReport("batch-good")}); err == nil {
		t.Error("PutBatch with a cancelled context succeeded")
	}
	for _, key := range []string{"batch-good", "batch-bad"} {
		if _, err := s.Find(ctx, key, 0); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("after a failed batch, Find(%s) = %v; want ErrNotFound", key, err)
		}
	}
	if n, err := s.Count(ctx); err != nil || n != len(rs)+1 {
		t.Errorf("after a failed batch, Count = %d, %v; want %d", n, err, len(rs)+1)
	}
}

// testOptimize: Optimize, run after a bulk add and deletions, changes no
// answer: the same postings, hits, reports and count.
func testOptimize(t *testing.T, s store.Store) {
	ctx := context.Background()
	// Ensure an empty store optimises.
	if err := s.Optimize(ctx); err != nil {
		t.Fatalf("Optimize on an empty store: %v", err)
	}
	rs := corpusReports()
	if _, _, err := s.PutBatch(ctx, rs); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(ctx, rs[0].ID); err != nil {
		t.Fatal(err)
	}
	answers := func() (map[uint64][]store.Posting, []store.Hit, []store.Summary, int) {
		t.Helper()
		hashes := []uint64{sharedHash, ownHash(rs[0].FileHash, 0), ownHash(rs[1].FileHash, 0), ownHash(rs[2].FileHash, 2)}
		ps, err1 := s.Postings(ctx, hashes)
		hits, err2 := s.Search(ctx, store.Query{Text: rs[1].Paragraphs[0].Text})
		list, err3 := s.List(ctx, store.Filter{})
		n, err4 := s.Count(ctx)
		if err := errors.Join(err1, err2, err3, err4); err != nil {
			t.Fatal(err)
		}
		for h := range ps {
			slices.SortFunc(ps[h], func(a, b store.Posting) int { return int(a.Report - b.Report) })
		}
		return ps, hits, list, n
	}
	ps0, hits0, list0, n0 := answers()
	if err := s.Optimize(ctx); err != nil {
		t.Fatalf("Optimize: %v", err)
	}
	ps1, hits1, list1, n1 := answers()
	if len(ps0) != len(ps1) || n0 != n1 || len(hits0) != len(hits1) || len(list0) != len(list1) {
		t.Fatalf("Optimize changed the answers: %d/%d hashes, %d/%d hits, %d/%d reports, count %d/%d",
			len(ps0), len(ps1), len(hits0), len(hits1), len(list0), len(list1), n0, n1)
	}
	for h, p := range ps0 {
		if !slices.Equal(p, ps1[h]) {
			t.Errorf("Postings[%x] = %v after Optimize, %v before", h, ps1[h], p)
		}
	}
	if _, ok := ps1[ownHash(rs[0].FileHash, 0)]; ok {
		t.Errorf("the deleted report's own hash has postings after Optimize")
	}
	for i := range hits0 {
		if hits0[i].Report.ID != hits1[i].Report.ID || hits0[i].Paragraph != hits1[i].Paragraph {
			t.Errorf("hit %d: %v after Optimize, %v before", i, hits1[i], hits0[i])
		}
	}
	// A cancelled context is refused, and the store still answers.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := s.Optimize(cctx); err == nil {
		t.Error("Optimize with a cancelled context succeeded")
	}
	if _, _, _, n := answers(); n != n0 {
		t.Errorf("after a cancelled Optimize, Count = %d, want %d", n, n0)
	}
}
