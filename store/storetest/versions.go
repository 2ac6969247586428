package storetest

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"zongjie/store"
)

// checkWhole compares a report as Get or GetVersion returns it with the
// one it was put as.
func checkWhole(t *testing.T, what string, got, want *store.Report) {
	t.Helper()
	checkSummary(t, what, got.Summary(), want)
	if got.Text != want.Text || string(got.Data) != string(want.Data) || string(got.Findings) != string(want.Findings) {
		t.Errorf("%s: text, data or findings differ:\n got %q %s %s\nwant %q %s %s", what,
			got.Text, got.Data, got.Findings, want.Text, want.Data, want.Findings)
	}
	if g, w := sortedSet(got.Fingerprints), sortedSet(want.Fingerprints); !slices.Equal(g, w) {
		t.Errorf("%s: Fingerprints = %x, want the set %x", what, got.Fingerprints, w)
	}
	if !slices.Equal(got.Paragraphs, want.Paragraphs) {
		t.Errorf("%s: Paragraphs = %+v, want %+v", what, got.Paragraphs, want.Paragraphs)
	}
}

// hitReports returns the reports of the hits of a search for text.
func hitReports(t *testing.T, s store.Store, text string) []int64 {
	t.Helper()
	hits, err := s.Search(context.Background(), store.Query{Text: text})
	if err != nil {
		t.Fatalf("Search %q: %v", text, err)
	}
	var ids []int64
	for _, h := range hits {
		ids = append(ids, h.Report.ID)
	}
	return ids
}

// holders returns the reports and units Postings gives for h.
func holders(t *testing.T, s store.Store, h uint64) []store.Posting {
	t.Helper()
	ps, err := s.Postings(context.Background(), []uint64{h})
	if err != nil {
		t.Fatalf("Postings: %v", err)
	}
	out := slices.Clone(ps[h])
	slices.SortFunc(out, func(a, b store.Posting) int { return cmp.Compare(a.Report, b.Report) })
	return out
}

// testVersions stores a report, a new version of its text, a version that
// corrects only its unit, and an earlier version again (as a restore
// does): every version is kept whole and listed, and only the current one
// is seen by Get, List, Search, Postings, EachFingerprints and Count.
func testVersions(t *testing.T, s store.Store) {
	ctx := context.Background()
	v1 := fullReport()
	id := put(t, s, v1)
	if v1.Version != 1 {
		t.Fatalf("first version: Version %d", v1.Version)
	}
	// Another report, sharing fingerprint 42.
	other := &store.Report{FileHash: "other", Path: "/data/柳河乡.txt", Unit: "柳河乡", Text: "柳河乡2023年工作总结",
		Fingerprints: []uint64{42, 9001}, Paragraphs: []store.Paragraph{{Text: "柳河乡粮食生产稳定。", Kind: "review"}}}
	otherID := put(t, s, other)

	// Version 2: the text edited at the same path.
	v2 := fullReport()
	v2.ID = id
	v2.FileHash = "0f3a9c-edited"
	v2.Text = "青禾街道2023年工作总结\n一、主要工作\n全年新增就业1500人。\n营商环境持续优化。\n"
	v2.Chars = len([]rune(v2.Text))
	v2.Data = json.RawMessage(`{"title": "青禾街道2023年工作总结", "quantities": [{"value": 1500, "unit": "人"}]}`)
	v2.Findings = nil
	v2.Note = "重新加入：文本有改动"
	v2.Added = time.Date(2024, 2, 1, 9, 30, 0, 0, time.UTC)
	v2.Fingerprints = []uint64{42, 777, 1 << 62}
	v2.Paragraphs = []store.Paragraph{
		{Offset: 21, Text: "全年新增就业1500人。", Kind: "review"},
		{Offset: 34, Text: "营商环境持续优化。", Kind: "highlights"},
	}
	got, added, err := s.Put(ctx, v2)
	if err != nil || got != id || !added || v2.ID != id || v2.Version != 2 {
		t.Fatalf("Put version 2 = %d, %v, %v (Version %d); want %d, true, version 2", got, added, err, v2.Version, id)
	}
	cur, err := s.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	checkWhole(t, "Get after version 2", cur, v2)
	first, err := s.GetVersion(ctx, id, 1)
	if err != nil {
		t.Fatalf("GetVersion 1: %v", err)
	}
	checkWhole(t, "GetVersion 1", first, v1)
	second, err := s.GetVersion(ctx, id, 2)
	if err != nil {
		t.Fatalf("GetVersion 2: %v", err)
	}
	checkWhole(t, "GetVersion 2", second, v2)
	vs, err := s.Versions(ctx, id)
	if err != nil || len(vs) != 2 {
		t.Fatalf("Versions = %+v, %v; want 2", vs, err)
	}
	checkSummary(t, "Versions[0]", vs[0], v1)
	checkSummary(t, "Versions[1]", vs[1], v2)
	for _, v := range []int{0, 3, -1} {
		if _, err := s.GetVersion(ctx, id, v); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("GetVersion %d = %v; want ErrNotFound", v, err)
		}
	}
	if _, err := s.GetVersion(ctx, otherID+1000, 1); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("GetVersion of an unknown report = %v; want ErrNotFound", err)
	}
	if _, err := s.Versions(ctx, otherID+1000); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Versions of an unknown report = %v; want ErrNotFound", err)
	}

	// Only the current version is seen.
	if n, err := s.Count(ctx); err != nil || n != 2 {
		t.Errorf("Count = %d, %v; want 2 (versions are not reports)", n, err)
	}
	list, err := s.List(ctx, store.Filter{Path: v1.Path})
	if err != nil || len(list) != 1 {
		t.Fatalf("List by path = %+v, %v", list, err)
	}
	checkSummary(t, "List by path", list[0], v2)
	if list, _ := s.List(ctx, store.Filter{Path: "/data/报告/无此文件.docx"}); len(list) != 0 {
		t.Errorf("List by another path = %+v", list)
	}
	if ids := hitReports(t, s, "产业基础薄弱"); len(ids) != 0 {
		t.Errorf("Search finds the text of version 1 in %v", ids)
	}
	if ids := hitReports(t, s, "营商环境"); !slices.Equal(ids, []int64{id}) {
		t.Errorf("Search of version 2's text = %v, want [%d]", ids, id)
	}
	if ps := holders(t, s, 1<<63); len(ps) != 0 {
		t.Errorf("Postings of a fingerprint of version 1 only = %v", ps)
	}
	if ps := holders(t, s, 777); !slices.Equal(ps, []store.Posting{{Report: id, Unit: "青禾街道"}}) {
		t.Errorf("Postings of a fingerprint of version 2 = %v", ps)
	}
	if ps := holders(t, s, 42); len(ps) != 2 {
		t.Errorf("Postings of a fingerprint of both = %v, want the two reports once each", ps)
	}
	err = s.EachFingerprints(ctx, func(rid int64, unit string, fps []uint64) error {
		if rid == id && !slices.Equal(fps, sortedSet(v2.Fingerprints)) {
			return fmt.Errorf("EachFingerprints gives %x for the report, want version 2's", fps)
		}
		return nil
	})
	if err != nil {
		t.Error(err)
	}
	for _, h := range []string{v1.FileHash, v2.FileHash} {
		if got, err := s.Find(ctx, h, v1.Index); err != nil || got != id {
			t.Errorf("Find(%s) = %d, %v; want %d", h, got, err, id)
		}
	}

	// A text belongs to one report: version 1's text put as a new report,
	// version 2 again, or the other report's text as a version of this
	// one store nothing.
	again := fullReport()
	if got, added, err := s.Put(ctx, again); err != nil || got != id || added {
		t.Errorf("Put of version 1's text as a new report = %d, %v, %v; want %d, false", got, added, err, id)
	}
	same := *v2
	same.Note, same.Added = "again", time.Time{}
	if got, added, err := s.Put(ctx, &same); err != nil || got != id || added {
		t.Errorf("Put of the current version again = %d, %v, %v; want %d, false", got, added, err, id)
	}
	stolen := *other
	stolen.ID = id
	if got, added, err := s.Put(ctx, &stolen); err != nil || got != otherID || added {
		t.Errorf("Put of another report's text as a version = %d, %v, %v; want %d, false", got, added, err, otherID)
	}
	orphan := *v2
	orphan.ID, orphan.FileHash = otherID+1000, "orphan"
	if _, _, err := s.Put(ctx, &orphan); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Put of a version of an unknown report = %v; want ErrNotFound", err)
	}
	if vs, _ := s.Versions(ctx, id); len(vs) != 2 {
		t.Errorf("%d versions after Puts that store nothing, want 2", len(vs))
	}

	// Version 3: the same text, its unit corrected.
	v3 := *v2
	v3.Unit, v3.Level, v3.Note, v3.Added = "临川区青禾街道", "street", "更正单位", time.Time{}
	if got, added, err := s.Put(ctx, &v3); err != nil || got != id || !added || v3.Version != 3 {
		t.Fatalf("Put of a version with another unit = %d, %v, %v (Version %d); want a new version 3", got, added, err, v3.Version)
	}
	if list, _ := s.List(ctx, store.Filter{Unit: "临川区青禾街道"}); len(list) != 1 || list[0].ID != id {
		t.Errorf("List by the new unit = %+v", list)
	}
	if list, _ := s.List(ctx, store.Filter{Unit: "青禾街道"}); len(list) != 0 {
		t.Errorf("List by the old unit = %+v", list)
	}
	if ps := holders(t, s, 777); !slices.Equal(ps, []store.Posting{{Report: id, Unit: "临川区青禾街道"}}) {
		t.Errorf("Postings after the unit changed = %v; want the new unit", ps)
	}
	if ids := hitReports(t, s, "营商环境"); !slices.Equal(ids, []int64{id}) {
		t.Errorf("Search after a version of the metadata = %v, want [%d] once", ids, id)
	}

	// Version 4: version 1 again, as a restore stores it.
	back, err := s.GetVersion(ctx, id, 1)
	if err != nil {
		t.Fatal(err)
	}
	back.Note, back.Added = "恢复第 1 版", time.Time{}
	if got, added, err := s.Put(ctx, back); err != nil || got != id || !added || back.Version != 4 {
		t.Fatalf("Put of version 1 again = %d, %v, %v (Version %d); want version 4", got, added, err, back.Version)
	}
	if ids := hitReports(t, s, "产业基础薄弱"); !slices.Equal(ids, []int64{id}) {
		t.Errorf("Search of the restored text = %v, want [%d]", ids, id)
	}
	if ids := hitReports(t, s, "营商环境"); len(ids) != 0 {
		t.Errorf("Search finds the text of version 3 in %v", ids)
	}
	if ps := holders(t, s, 1<<63); len(ps) != 1 || ps[0].Report != id {
		t.Errorf("Postings of version 1's fingerprint after the restore = %v", ps)
	}
	if ps := holders(t, s, 777); len(ps) != 0 {
		t.Errorf("Postings of version 3's fingerprint after the restore = %v", ps)
	}
	vs, err = s.Versions(ctx, id)
	if err != nil || len(vs) != 4 {
		t.Fatalf("Versions = %+v, %v; want 4", vs, err)
	}
	for i, v := range vs {
		if v.ID != id || v.Version != i+1 {
			t.Errorf("Versions[%d] = report %d version %d", i, v.ID, v.Version)
		}
	}
	if vs[3].FileHash != v1.FileHash || vs[3].Note != "恢复第 1 版" || vs[2].Unit != "临川区青禾街道" || vs[1].Unit != "青禾街道" {
		t.Errorf("Versions = %+v", vs)
	}

	// Delete removes every version.
	if err := s.Delete(ctx, id); err != nil {
		t.Fatal(err)
	}
	for v := 1; v <= 4; v++ {
		if _, err := s.GetVersion(ctx, id, v); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("GetVersion %d after Delete = %v", v, err)
		}
	}
	if _, err := s.Versions(ctx, id); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Versions after Delete = %v", err)
	}
	for _, h := range []string{v1.FileHash, v2.FileHash} {
		if _, err := s.Find(ctx, h, v1.Index); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Find(%s) after Delete = %v", h, err)
		}
	}
	if got, added, err := s.Put(ctx, fullReport()); err != nil || !added || got == id {
		t.Errorf("Put of version 1's text after Delete = %d, %v, %v; want a new report", got, added, err)
	}
}

// testVersionsConcurrent puts versions of one report at once: each is
// stored, none lost, numbered 1 to n.
func testVersionsConcurrent(t *testing.T, s store.Store) {
	ctx := context.Background()
	base := syntheticReport("base")
	id := put(t, s, base)
	const n = 8
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := syntheticReport(fmt.Sprintf("edit-%d", i))
			r.ID = id
			var added bool
			if _, added, errs[i] = s.Put(ctx, r); errs[i] == nil && !added {
				errs[i] = errors.New("not added")
			}
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("Put of version %d: %v", i, err)
		}
	}
	vs, err := s.Versions(ctx, id)
	if err != nil || len(vs) != n+1 {
		t.Fatalf("Versions: %d, %v; want %d", len(vs), err, n+1)
	}
	hashes := map[string]bool{}
	for i, v := range vs {
		if v.Version != i+1 {
			t.Errorf("Versions[%d].Version = %d", i, v.Version)
		}
		hashes[v.FileHash] = true
	}
	if len(hashes) != n+1 {
		t.Errorf("%d distinct texts among %d versions", len(hashes), n+1)
	}
	if n, err := s.Count(ctx); err != nil || n != 1 {
		t.Errorf("Count = %d, %v; want 1", n, err)
	}
}

// testGetVersionWhilePut reads the version a report was at a moment ago
// while new versions of it are stored: the version asked for is the
// current one when the read begins and an earlier one when it ends, and
// it must be found either way — a read that looked for it among the
// earlier versions just before it became one, then found a newer current
// version, once answered ErrNotFound (two servers applying the same fix
// at once: 404 instead of 409).
func testGetVersionWhilePut(t *testing.T, s store.Store) {
	ctx := context.Background()
	id := put(t, s, syntheticReport("race-0"))
	const puts = 40
	done := make(chan struct{})
	var wg sync.WaitGroup
	var mu sync.Mutex
	var missed []string
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-done:
					return
				default:
				}
				vs, err := s.Versions(ctx, id)
				if err != nil {
					mu.Lock()
					missed = append(missed, fmt.Sprintf("Versions: %v", err))
					mu.Unlock()
					return
				}
				v := vs[len(vs)-1].Version
				if r, err := s.GetVersion(ctx, id, v); err != nil || r.Version != v {
					mu.Lock()
					missed = append(missed, fmt.Sprintf("GetVersion(%d, %d): %v", id, v, err))
					mu.Unlock()
				}
			}
		}()
	}
	for i := 1; i <= puts; i++ {
		r := syntheticReport(fmt.Sprintf("race-%d", i))
		r.ID = id
		if _, _, err := s.Put(ctx, r); err != nil {
			close(done)
			wg.Wait()
			t.Fatalf("Put version %d: %v", i+1, err)
		}
	}
	close(done)
	wg.Wait()
	if len(missed) > 0 {
		t.Errorf("%d reads of a version that exists failed while new versions were stored, first: %s", len(missed), missed[0])
	}
}
