// Package storetest is the conformance suite of store.Store: every
// implementation runs it and passes it, so that both behave the same.
package storetest

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"zongjie/store"
)

// Run runs the conformance suite. open returns a new, empty store for each
// subtest; the suite closes it.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"RoundTrip", testRoundTrip},
		{"Empty", testEmpty},
		{"Idempotent", testIdempotent},
		{"Find", testFind},
		{"Texts", testTexts},
		{"List", testList},
		{"Delete", testDelete},
		{"Search", testSearch},
		{"SearchRecall", testSearchRecall},
		{"SearchRanking", testSearchRanking},
		{"SearchAfterWrites", testSearchAfterWrites},
		{"Postings", testPostings},
		{"HashUnits", testHashUnits},
		{"Shared", testShared},
		{"EachFingerprints", testEachFingerprints},
		{"Count", testCount},
		{"Versions", testVersions},
		{"VersionsConcurrent", testVersionsConcurrent},
		{"GetVersionWhilePut", testGetVersionWhilePut},
		{"Concurrent", testConcurrent},
		{"FailedPut", testFailedPut},
		{"PutBatch", testPutBatch},
		{"Optimize", testOptimize},
		{"Figures", testFigures},
		{"BadInput", testBadInput},
		{"Units", testUnits},
		{"Scope", testScope},
		{"Assign", testAssign},
		{"Trash", testTrash},
		{"TrashRevive", testTrashRevive},
		{"PurgeTrash", testPurgeTrash},
		{"Users", testUsers},
		{"Sessions", testSessions},
		{"Tokens", testTokens},
		{"LoginFailures", testLoginFailures},
		{"LoginFailuresConcurrent", testLoginFailuresConcurrent},
		{"Audit", testAudit},
		{"Verify", testVerify},
		{"ByText", testByText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() {
				if err := s.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			})
			tt.fn(t, s)
		})
	}
}

// put stores r and fails the test on an error.
func put(t *testing.T, s store.Store, r *store.Report) int64 {
	t.Helper()
	id, _, err := s.Put(context.Background(), r)
	if err != nil {
		t.Fatalf("Put %s: %v", r.FileHash, err)
	}
	return id
}

// putCorpus stores the test corpus and returns its reports, with IDs set.
func putCorpus(t *testing.T, s store.Store) []*store.Report {
	t.Helper()
	rs := corpusReports()
	for _, r := range rs {
		put(t, s, r)
	}
	return rs
}

// fullReport is a report with every field set.
func fullReport() *store.Report {
	text := "青禾街道2023年工作总结\n一、主要工作\n全年新增就业1200人。\n二、存在问题\n产业基础薄弱。\n"
	return &store.Report{
		FileHash: "0f3a9c",
		Index:    2,
		Path:     "/data/报告/青禾街道.docx",
		Title:    "青禾街道2023年工作总结",
		Unit:     "青禾街道",
		Level:    "street",
		Years:    []int{2023, 2024},
		Period:   "FY",
		Genre:    "summary+plan",
		Chars:    len([]rune(text)),
		Added:    time.Date(2024, 1, 15, 8, 0, 1, 234567000, time.FixedZone("CST", 8*3600)),
		Text:     text,
		Data:     json.RawMessage(`{"title": "青禾街道2023年工作总结", "quantities": [{"value": 1200, "unit": "人"}],  "ratio": 0.25}`),
		Findings: json.RawMessage(`[{"rule": "YR003", "message": "今年上半年"}]`),
		Note:     "首次加入：青禾街道.docx",
		Fingerprints: []uint64{
			1, 42, 1 << 63, 1<<63 | 12345, ^uint64(0), 0x7fffffffffffffff, 0xdeadbeefcafebabe, 42,
		},
		Paragraphs: []store.Paragraph{
			{Offset: 21, Text: "全年新增就业1200人。", Kind: "review"},
			{Offset: 39, Text: "产业基础薄弱。", Kind: "problems"},
			{Offset: 0, Text: "", Kind: ""},
		},
	}
}

// checkSummary compares a stored summary with the report it was put as.
func checkSummary(t *testing.T, what string, got store.Summary, want *store.Report) {
	t.Helper()
	w := store.Summary{
		ID: want.ID, Version: want.Version, Note: want.Note, FileHash: want.FileHash, Index: want.Index, Path: want.Path, Title: want.Title,
		Unit: want.Unit, Level: want.Level, Years: want.Years, Period: want.Period, Genre: want.Genre,
		Chars: want.Chars, Added: want.Added, UnitID: want.UnitID,
	}
	if len(w.Years) == 0 {
		w.Years = nil
	}
	if !got.Added.Equal(w.Added) {
		t.Errorf("%s: Added = %v, want %v", what, got.Added, w.Added)
	}
	got.Added, w.Added = time.Time{}, time.Time{}
	if !equalSummary(got, w) {
		t.Errorf("%s:\n got %+v\nwant %+v", what, got, w)
	}
}

func equalSummary(a, b store.Summary) bool {
	return a.ID == b.ID && a.Version == b.Version && a.Note == b.Note && a.FileHash == b.FileHash && a.Index == b.Index && a.Path == b.Path &&
		a.Title == b.Title && a.Unit == b.Unit && a.Level == b.Level && slices.Equal(a.Years, b.Years) &&
		a.Period == b.Period && a.Genre == b.Genre && a.Chars == b.Chars && a.Added.Equal(b.Added) && a.UnitID == b.UnitID
}

// sortedSet returns the distinct values of fps, ascending.
func sortedSet(fps []uint64) []uint64 {
	out := slices.Clone(fps)
	slices.Sort(out)
	return slices.Compact(out)
}

func testRoundTrip(t *testing.T, s store.Store) {
	ctx := context.Background()
	r := fullReport()
	id, added, err := s.Put(ctx, r)
	if err != nil {
		t.Fatalf("Put: %v", err)
	}
	if !added || id <= 0 || r.ID != id {
		t.Fatalf("Put = %d, %v; r.ID = %d: want a new positive ID, set in r", id, added, r.ID)
	}
	if r.Version != 1 {
		t.Errorf("Put set Version %d, want 1", r.Version)
	}
	want := fullReport()
	want.ID, want.Version = id, 1
	got, err := s.Get(ctx, id)
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	sum := store.Summary{
		ID: got.ID, Version: got.Version, Note: got.Note, FileHash: got.FileHash, Index: got.Index, Path: got.Path, Title: got.Title,
		Unit: got.Unit, Level: got.Level, Years: got.Years, Period: got.Period, Genre: got.Genre,
		Chars: got.Chars, Added: got.Added, UnitID: got.UnitID,
	}
	checkSummary(t, "Get", sum, want)
	// Added is kept to the microsecond: the one given here has no finer
	// part, so it comes back equal.
	if !got.Added.Equal(want.Added) {
		t.Errorf("Added = %v, want %v", got.Added, want.Added)
	}
	if got.Text != want.Text {
		t.Errorf("Text = %q, want %q", got.Text, want.Text)
	}
	if string(got.Data) != string(want.Data) {
		t.Errorf("Data = %s, want %s (byte for byte)", got.Data, want.Data)
	}
	if string(got.Findings) != string(want.Findings) {
		t.Errorf("Findings = %s, want %s", got.Findings, want.Findings)
	}
	if g, w := sortedSet(got.Fingerprints), sortedSet(want.Fingerprints); !slices.Equal(g, w) || len(got.Fingerprints) != len(w) {
		t.Errorf("Fingerprints = %x, want the set %x", got.Fingerprints, w)
	}
	if !slices.Equal(got.Paragraphs, want.Paragraphs) {
		t.Errorf("Paragraphs = %+v, want %+v", got.Paragraphs, want.Paragraphs)
	}

	// A report with nothing but its key: empty fields come back empty.
	bare := &store.Report{FileHash: "bare"}
	id, _, err = s.Put(ctx, bare)
	if err != nil {
		t.Fatalf("Put bare: %v", err)
	}
	if bare.Added.IsZero() {
		t.Errorf("Put left a zero Added zero")
	}
	got, err = s.Get(ctx, id)
	if err != nil {
		t.Fatalf("Get bare: %v", err)
	}
	if got.FileHash != "bare" || got.Years != nil || got.Data != nil || got.Findings != nil ||
		len(got.Fingerprints) != 0 || len(got.Paragraphs) != 0 || got.Text != "" {
		t.Errorf("Get bare = %+v, want empty fields", got)
	}
	if d := got.Added.Sub(bare.Added); d != 0 {
		t.Errorf("bare Added = %v, want %v as Put set it", got.Added, bare.Added)
	}
	if time.Since(got.Added) > time.Hour || time.Since(got.Added) < -time.Hour {
		t.Errorf("bare Added = %v, want about now", got.Added)
	}
}

func testEmpty(t *testing.T, s store.Store) {
	ctx := context.Background()
	if n, err := s.Count(ctx); err != nil || n != 0 {
		t.Errorf("Count = %d, %v; want 0", n, err)
	}
	if l, err := s.List(ctx, store.Filter{}); err != nil || len(l) != 0 {
		t.Errorf("List = %v, %v; want nothing", l, err)
	}
	if hits, err := s.Search(ctx, store.Query{Text: "增长"}); err != nil || len(hits) != 0 {
		t.Errorf("Search = %v, %v; want nothing", hits, err)
	}
	if p, err := s.Postings(ctx, []uint64{1, 2}); err != nil || len(p) != 0 {
		t.Errorf("Postings = %v, %v; want nothing", p, err)
	}
	if p, err := s.Postings(ctx, nil); err != nil || len(p) != 0 {
		t.Errorf("Postings(nil) = %v, %v; want nothing", p, err)
	}
	calls := 0
	if err := s.EachFingerprints(ctx, func(int64, string, []uint64) error { calls++; return nil }); err != nil || calls != 0 {
		t.Errorf("EachFingerprints: %d calls, %v; want none", calls, err)
	}
	if _, err := s.Get(ctx, 1); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Get(1) = %v, want ErrNotFound", err)
	}
	if _, err := s.Find(ctx, "x", 0); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Find = %v, want ErrNotFound", err)
	}
}

func testIdempotent(t *testing.T, s store.Store) {
	ctx := context.Background()
	r := fullReport()
	id1 := put(t, s, r)

	again := fullReport()
	again.Title = "another title"
	again.Paragraphs = nil
	id2, added, err := s.Put(ctx, again)
	if err != nil {
		t.Fatalf("Put again: %v", err)
	}
	if id2 != id1 || added || again.ID != id1 {
		t.Errorf("Put again = %d, %v (r.ID %d); want %d, false", id2, added, again.ID, id1)
	}
	got, err := s.Get(ctx, id1)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != fullReport().Title || len(got.Paragraphs) != len(fullReport().Paragraphs) {
		t.Errorf("the second Put changed the stored report: %q, %d paragraphs", got.Title, len(got.Paragraphs))
	}

	other := fullReport()
	other.Index = 3
	id3, added, err := s.Put(ctx, other)
	if err != nil {
		t.Fatalf("Put other index: %v", err)
	}
	if id3 == id1 || !added {
		t.Errorf("Put of the same file hash with another index = %d, %v; want a new report", id3, added)
	}
	if n, err := s.Count(ctx); err != nil || n != 2 {
		t.Errorf("Count = %d, %v; want 2", n, err)
	}
	hits, err := s.Search(ctx, store.Query{Text: "产业基础薄弱"})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 2 {
		t.Errorf("Search found %d paragraphs, want 2 (one per report, none twice)", len(hits))
	}
	ps, err := s.Postings(ctx, []uint64{42})
	if err != nil {
		t.Fatal(err)
	}
	if got := ps[42]; len(got) != 2 {
		t.Errorf("Postings(42) = %v, want the two reports once each", got)
	}
}

func testFind(t *testing.T, s store.Store) {
	ctx := context.Background()
	rs := putCorpus(t, s)
	for _, r := range rs {
		id, err := s.Find(ctx, r.FileHash, r.Index)
		if err != nil || id != r.ID {
			t.Errorf("Find(%s, %d) = %d, %v; want %d", r.FileHash, r.Index, id, err, r.ID)
		}
	}
	for _, k := range []struct {
		hash  string
		index int
	}{{"a1", 1}, {"zz", 0}, {"", 0}, {"a1", -1}} {
		if _, err := s.Find(ctx, k.hash, k.index); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Find(%q, %d) = %v, want ErrNotFound", k.hash, k.index, err)
		}
	}
}

func testList(t *testing.T, s store.Store) {
	ctx := context.Background()
	rs := putCorpus(t, s)
	byHash := make(map[string]*store.Report)
	for _, r := range rs {
		byHash[r.FileHash] = r
	}
	for _, f := range []store.Filter{
		{},
		{Unit: "东湖区"},
		{Unit: "**街道"},
		{Level: "town"},
		{Level: "county"},
		{Year: 2023},
		{Year: 2024},
		{Year: 2022},
		{Year: 1999},
		{Genre: "summary"},
		{Genre: "speech"},
		{Year: 2023, Genre: "summary"},
		{Year: 2023, Level: "township"},
		{Unit: "柳岸镇", Year: 2024, Level: "town", Genre: "summary+plan"},
		{Unit: "柳岸镇", Year: 2022},
	} {
		got, err := s.List(ctx, f)
		if err != nil {
			t.Errorf("List(%+v): %v", f, err)
			continue
		}
		var want []int64
		for _, r := range rs {
			if selects(f, r) {
				want = append(want, r.ID)
			}
		}
		var ids []int64
		for _, sum := range got {
			ids = append(ids, sum.ID)
			checkSummary(t, fmt.Sprintf("List(%+v)", f), sum, byHash[sum.FileHash])
		}
		if !slices.Equal(ids, want) {
			t.Errorf("List(%+v) = %v, want %v", f, ids, want)
		}
	}
}

func testDelete(t *testing.T, s store.Store) {
	ctx := context.Background()
	rs := putCorpus(t, s)
	gone := rs[3] // 南山县: the only report with 招商引资 three times
	if err := s.Delete(ctx, gone.ID); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if _, err := s.Get(ctx, gone.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Get of a deleted report = %v, want ErrNotFound", err)
	}
	if _, err := s.Find(ctx, gone.FileHash, gone.Index); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Find of a deleted report = %v, want ErrNotFound", err)
	}
	if err := s.Delete(ctx, gone.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Delete again = %v, want ErrNotFound", err)
	}
	if err := s.Delete(ctx, 1<<40); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Delete of an unknown ID = %v, want ErrNotFound", err)
	}
	if n, err := s.Count(ctx); err != nil || n != len(rs)-1 {
		t.Errorf("Count = %d, %v; want %d", n, err, len(rs)-1)
	}
	rest := slices.Delete(slices.Clone(rs), 3, 4)
	for _, text := range []string{"招商引资环境优化", "南山", "增长", "学生成长环境"} {
		q := store.Query{Text: text, Limit: 100}
		checkHits(t, s, q, wants(rest, q))
	}
	ps, err := s.Postings(ctx, []uint64{sharedHash, ownHash(gone.FileHash, 0), ownHash(gone.FileHash, 1) | 1<<63})
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 1 || len(ps[sharedHash]) != len(rest) {
		t.Errorf("Postings after Delete = %v, want only the shared hash, in %d reports", ps, len(rest))
	}
	for _, p := range ps[sharedHash] {
		if p.Report == gone.ID {
			t.Errorf("Postings still name the deleted report")
		}
	}
	err = s.EachFingerprints(ctx, func(id int64, _ string, _ []uint64) error {
		if id == gone.ID {
			t.Errorf("EachFingerprints still gives the deleted report")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	l, err := s.List(ctx, store.Filter{Unit: gone.Unit})
	if err != nil || len(l) != 0 {
		t.Errorf("List after Delete = %v, %v; want nothing", l, err)
	}
	// The report can be put again, as new.
	again := corpus[3].build()
	id, added, err := s.Put(ctx, again)
	if err != nil || !added || id == gone.ID {
		t.Errorf("Put after Delete = %d, %v, %v; want a new report", id, added, err)
	}

	// IDs are not reused, not even the largest.
	if err := s.Delete(ctx, id); err != nil {
		t.Fatal(err)
	}
	next := syntheticReport("next")
	next.Unit = "新的单位"
	id2, _, err := s.Put(ctx, next)
	if err != nil {
		t.Fatal(err)
	}
	if id2 <= id {
		t.Errorf("a report put after deleting report %d has ID %d: IDs must not be reused", id, id2)
	}
	ps, err = s.Postings(ctx, []uint64{ownHash("next", 0)})
	if err != nil || len(ps) != 1 || ps[ownHash("next", 0)][0] != (store.Posting{Report: id2, Unit: "新的单位"}) {
		t.Errorf("Postings of the new report = %v, %v", ps, err)
	}
	// The new report's paragraphs are found, the deleted ones' not.
	for _, q := range []store.Query{
		{Text: "增长", Filter: store.Filter{Unit: "新的单位"}, Limit: 100},
		{Text: "招商引资环境优化", Limit: 100},
	} {
		checkHits(t, s, q, wants([]*store.Report{next}, q))
	}
}

// checkHits runs q and checks that it finds exactly the paragraphs in want
// (q.Limit must be large enough for all of them), best first.
func checkHits(t *testing.T, s store.Store, q store.Query, want map[hitKey]bool) []store.Hit {
	t.Helper()
	hits, err := s.Search(context.Background(), q)
	if err != nil {
		t.Errorf("Search(%+v): %v", q, err)
		return nil
	}
	got := make(map[hitKey]bool)
	for i, h := range hits {
		k := hitKey{h.Report.FileHash, h.Paragraph.Offset}
		if got[k] {
			t.Errorf("Search(%+v) gives %v twice", q, k)
		}
		got[k] = true
		if i > 0 && h.Score > hits[i-1].Score {
			t.Errorf("Search(%+v): hit %d scores %v, above hit %d (%v)", q, i, h.Score, i-1, hits[i-1].Score)
		}
	}
	if !maps.Equal(got, want) {
		t.Errorf("Search(%+v)\nfound   %v\nmissing %v\nextra   %v", q, keys(got), keys(minus(want, got)), keys(minus(got, want)))
	}
	return hits
}

func minus(a, b map[hitKey]bool) map[hitKey]bool {
	out := make(map[hitKey]bool)
	for k := range a {
		if !b[k] {
			out[k] = true
		}
	}
	return out
}

func keys(m map[hitKey]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k.String())
	}
	sort.Strings(out)
	return out
}

func testSearch(t *testing.T, s store.Store) {
	ctx := context.Background()
	rs := putCorpus(t, s)
	byHash := make(map[string]*store.Report)
	for _, r := range rs {
		byHash[r.FileHash] = r
	}
	for _, q := range []store.Query{
		{Text: "增长", Kind: "plan"},
		{Text: "就业", Kind: "review"},
		{Text: "就业", Kind: "problems"},
		{Text: "增长", Kind: "nonexistent"},
		{Text: "增长", Filter: store.Filter{Unit: "东湖区"}},
		{Text: "增长", Filter: store.Filter{Year: 2024}},
		{Text: "就业", Filter: store.Filter{Year: 2023, Level: "street"}},
		{Text: "增长", Filter: store.Filter{Genre: "summary"}, Kind: "review"},
		{Text: "GDP"},
		{Text: "gdp"},
		{Text: "ＧＤＰ"},
		{Text: "ｇｄｐ增长"},
		{Text: "GDP增长"},
		{Text: "5G基站"},
		{Text: "５Ｇ基站"},
		{Text: "“地区生产总值”"},
		{Text: "2024年"},
		{Text: "5.5%"},
	} {
		q.Limit = 100
		want := wants(rs, q)
		if strings.Contains(q.Text, "GDP") || strings.Contains(q.Text, "ＧＤＰ") || strings.Contains(q.Text, "5G") {
			if len(want) == 0 {
				t.Fatalf("the corpus has no paragraph for %q", q.Text)
			}
		}
		hits := checkHits(t, s, q, want)
		for _, h := range hits {
			r := byHash[h.Report.FileHash]
			if r == nil {
				t.Errorf("hit in an unknown report %+v", h.Report)
				continue
			}
			checkSummary(t, "hit report", h.Report, r)
			i := slices.IndexFunc(r.Paragraphs, func(p store.Paragraph) bool { return p.Offset == h.Paragraph.Offset })
			if i < 0 || r.Paragraphs[i] != h.Paragraph {
				t.Errorf("hit paragraph %+v is not one of its report's", h.Paragraph)
			}
		}
	}
	// Folding: full-width and upper-case queries find what the half-width,
	// lower-case ones find.
	for _, pair := range [][2]string{{"ＧＤＰ", "gdp"}, {"５Ｇ基站", "5g基站"}, {"ＧＤＰ增长", "gdp增长"}} {
		a, errA := s.Search(ctx, store.Query{Text: pair[0], Limit: 100})
		b, errB := s.Search(ctx, store.Query{Text: pair[1], Limit: 100})
		if errA != nil || errB != nil || len(a) != len(b) || len(a) == 0 {
			t.Errorf("Search %q: %d hits (%v), %q: %d hits (%v); want the same, some", pair[0], len(a), errA, pair[1], len(b), errB)
		}
	}
	// No tokens: no hits, no error.
	for _, text := range []string{"", "   ", "，。！？、", "%%%", "①②"} {
		hits, err := s.Search(ctx, store.Query{Text: text})
		if err != nil || len(hits) != 0 {
			t.Errorf("Search(%q) = %d hits, %v; want none, no error", text, len(hits), err)
		}
	}
	// Query syntax is not interpreted.
	for _, text := range []string{`"增长`, `增长 OR 就业`, `增长*`, `NEAR(增 长)`, `增长 & !就业`, `'`, `\`, `增:长`} {
		q := store.Query{Text: text, Limit: 100}
		checkHits(t, s, q, wants(rs, q))
	}
	// Limit: 0 means 20, a negative one too; a smaller one cuts the hits.
	all := wants(rs, store.Query{Text: "增"})
	if len(all) <= 20 {
		t.Fatalf("the corpus has %d paragraphs with 增, want more than 20", len(all))
	}
	for _, c := range []struct{ limit, want int }{{0, 20}, {-1, 20}, {5, 5}, {1, 1}, {1000, len(all)}} {
		hits, err := s.Search(ctx, store.Query{Text: "增", Limit: c.limit})
		if err != nil || len(hits) != c.want {
			t.Errorf("Search with Limit %d = %d hits, %v; want %d", c.limit, len(hits), err, c.want)
		}
		for _, h := range hits {
			if !all[hitKey{h.Report.FileHash, h.Paragraph.Offset}] {
				t.Errorf("Search with Limit %d found %+v, which has no 增", c.limit, h.Paragraph)
			}
		}
	}
}

func testSearchRecall(t *testing.T, s store.Store) {
	rs := putCorpus(t, s)
	for _, text := range []string{
		// 1 character
		"增", "就", "业", "长", "镇", "％",
		// 2 characters
		"增长", "就业", "招商", "新增", "收入", "全年", "目标", "乡村", "成长", "增收",
		// 3 and more
		"新增就", "稳增长", "招商引资", "地区生产总值", "城镇新增就业", "乡村振兴扎实推进", "确保完成全年目标任务",
		"增长6", "就业2100人",
		// the same characters apart, in the wrong order, or absent
		"长增", "业就", "增成长", "生产总额", "民营经济",
	} {
		q := store.Query{Text: text, Limit: 1000}
		want := wants(rs, q)
		checkHits(t, s, q, want)
		// The Chinese ones: the tokens are the characters, so what strings
		// finds is what the store must find.
		if store.Spaced(text) == strings.Join(strings.Split(text, ""), " ") {
			n := 0
			for _, r := range rs {
				for _, p := range r.Paragraphs {
					if strings.Contains(p.Text, text) {
						n++
					}
				}
			}
			if n != len(want) {
				t.Errorf("%q: the corpus has it in %d paragraphs, wants says %d", text, n, len(want))
			}
		}
	}
	// The recall that matters, spelt out: every paragraph with 增长 or 就业,
	// and none with 增 and 长 (就 and 业) apart.
	for _, text := range []string{"增长", "就业"} {
		hits, err := s.Search(context.Background(), store.Query{Text: text, Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		found := make(map[string]bool)
		for _, h := range hits {
			found[h.Paragraph.Text] = true
			if !strings.Contains(h.Paragraph.Text, text) {
				t.Errorf("%q found %q", text, h.Paragraph.Text)
			}
		}
		n := 0
		for _, r := range rs {
			for _, p := range r.Paragraphs {
				if strings.Contains(p.Text, text) {
					n++
					if !found[p.Text] {
						t.Errorf("%q not found in %q", text, p.Text)
					}
				}
			}
		}
		if n < 10 {
			t.Errorf("the corpus has %q in only %d paragraphs", text, n)
		}
	}
}

func testSearchRanking(t *testing.T, s store.Store) {
	putCorpus(t, s)
	three := corpus[3].paras[2].text // 招商引资 three times
	once := corpus[4].paras[1].text  // 招商引资 once, the same length
	if len(store.Terms(three)) != len(store.Terms(once)) {
		t.Fatalf("the ranking paragraphs differ in length: %d and %d tokens", len(store.Terms(three)), len(store.Terms(once)))
	}
	hits, err := s.Search(context.Background(), store.Query{Text: "招商引资"})
	if err != nil {
		t.Fatal(err)
	}
	rank := func(text string) int {
		return slices.IndexFunc(hits, func(h store.Hit) bool { return h.Paragraph.Text == text })
	}
	if len(hits) != 3 {
		t.Fatalf("Search(招商引资) = %d hits, want 3", len(hits))
	}
	i3, i1 := rank(three), rank(once)
	if i3 < 0 || i1 < 0 || i3 > i1 {
		t.Errorf("the paragraph with 招商引资 three times ranks %d, the one with it once %d: want it above", i3, i1)
	}
	if i3 >= 0 && i1 >= 0 && !(hits[i3].Score > hits[i1].Score) {
		t.Errorf("scores %v (three times) and %v (once): want the first larger", hits[i3].Score, hits[i1].Score)
	}
	if i3 != 0 {
		t.Errorf("the paragraph with 招商引资 three times ranks %d, want first", i3)
	}
}

func testPostings(t *testing.T, s store.Store) {
	ctx := context.Background()
	rs := putCorpus(t, s)
	r0, r1 := rs[0], rs[1]
	extra := fullReport() // holds 42 and hashes with the top bit set
	put(t, s, extra)
	hashes := []uint64{sharedHash, ownHash(r0.FileHash, 0), ownHash(r1.FileHash, 1) | 1<<63, 42, 1 << 63, ^uint64(0), 7, 8, sharedHash}
	ps, err := s.Postings(ctx, hashes)
	if err != nil {
		t.Fatalf("Postings: %v", err)
	}
	var shared []store.Posting
	for _, r := range rs {
		shared = append(shared, store.Posting{Report: r.ID, Unit: r.Unit})
	}
	want := map[uint64][]store.Posting{
		sharedHash:                      shared,
		ownHash(r0.FileHash, 0):         {{Report: r0.ID, Unit: r0.Unit}},
		ownHash(r1.FileHash, 1) | 1<<63: {{Report: r1.ID, Unit: r1.Unit}},
		42:                              {{Report: extra.ID, Unit: extra.Unit}},
		1 << 63:                         {{Report: extra.ID, Unit: extra.Unit}},
		^uint64(0):                      {{Report: extra.ID, Unit: extra.Unit}},
	}
	if len(ps) != len(want) {
		t.Errorf("Postings gives %d hashes, want %d", len(ps), len(want))
	}
	for h, w := range want {
		got := slices.Clone(ps[h])
		slices.SortFunc(got, func(a, b store.Posting) int { return cmp.Compare(a.Report, b.Report) })
		if !slices.Equal(got, w) {
			t.Errorf("Postings[%x] = %v, want %v", h, ps[h], w)
		}
	}
	for _, h := range []uint64{7, 8} {
		if _, ok := ps[h]; ok {
			t.Errorf("Postings holds the unknown hash %d", h)
		}
	}

	// Many hashes at once: every fingerprint of every report.
	var all []uint64
	count := make(map[uint64]int)
	for _, r := range append(rs, extra) {
		for _, h := range sortedSet(r.Fingerprints) {
			all = append(all, h)
			count[h]++
		}
	}
	for i := range 1000 {
		all = append(all, uint64(i)*0x9e3779b97f4a7c15+3) // unknown
	}
	ps, err = s.Postings(ctx, all)
	if err != nil {
		t.Fatal(err)
	}
	for h, n := range count {
		if len(ps[h]) != n {
			t.Errorf("Postings[%x] has %d reports, want %d", h, len(ps[h]), n)
		}
	}
	if len(ps) != len(count) {
		t.Errorf("Postings gives %d hashes, want %d", len(ps), len(count))
	}
}

func testEachFingerprints(t *testing.T, s store.Store) {
	ctx := context.Background()
	rs := putCorpus(t, s)
	bare := &store.Report{FileHash: "bare"}
	put(t, s, bare)
	rs = append(rs, bare)
	var ids []int64
	err := s.EachFingerprints(ctx, func(id int64, unit string, fps []uint64) error {
		ids = append(ids, id)
		i := slices.IndexFunc(rs, func(r *store.Report) bool { return r.ID == id })
		if i < 0 {
			t.Errorf("EachFingerprints gives unknown report %d", id)
			return nil
		}
		r := rs[i]
		if unit != r.Unit {
			t.Errorf("report %d: unit %q, want %q", id, unit, r.Unit)
		}
		if g, w := sortedSet(fps), sortedSet(r.Fingerprints); !slices.Equal(g, w) || len(fps) != len(w) {
			t.Errorf("report %d: fingerprints %x, want the set %x", id, fps, w)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("EachFingerprints: %v", err)
	}
	var want []int64
	for _, r := range rs {
		want = append(want, r.ID)
	}
	slices.Sort(want)
	if !slices.Equal(ids, want) {
		t.Errorf("EachFingerprints gives %v, want %v (by ID)", ids, want)
	}

	stop := errors.New("stop here")
	calls := 0
	err = s.EachFingerprints(ctx, func(int64, string, []uint64) error {
		calls++
		if calls == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || calls != 3 {
		t.Errorf("EachFingerprints stopping at the 3rd report: %d calls, %v; want 3, %v", calls, err, stop)
	}

	// fn may use the store.
	err = s.EachFingerprints(ctx, func(id int64, _ string, fps []uint64) error {
		if _, err := s.Get(ctx, id); err != nil {
			return err
		}
		_, err := s.Postings(ctx, fps)
		return err
	})
	if err != nil {
		t.Errorf("EachFingerprints using the store: %v", err)
	}
}

func testCount(t *testing.T, s store.Store) {
	ctx := context.Background()
	for i := range 5 {
		r := &store.Report{FileHash: fmt.Sprintf("count%d", i%3), Index: i / 3}
		put(t, s, r)
		if n, err := s.Count(ctx); err != nil || n != i+1 {
			t.Errorf("Count after %d Puts = %d, %v", i+1, n, err)
		}
	}
	put(t, s, &store.Report{FileHash: "count0"})
	if n, err := s.Count(ctx); err != nil || n != 5 {
		t.Errorf("Count after a repeated Put = %d, %v; want 5", n, err)
	}
}

// syntheticReport returns a small report named by key, with paragraphs and
// fingerprints of its own.
func syntheticReport(key string) *store.Report {
	r := corpus[len(key)%len(corpus)].build()
	r.FileHash = key
	r.Path = key + ".txt"
	r.Fingerprints = []uint64{ownHash(key, 0), ownHash(key, 1), ownHash(key, 2), sharedHash}
	return r
}

func testConcurrent(t *testing.T, s store.Store) {
	ctx := context.Background()
	const workers, each, shared = 8, 6, 5
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		ids  = make(map[string]map[int64]bool) // key → IDs Put returned for it
		news = make(map[string]int)            // key → how many Puts added it
	)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var keys []string
			for i := range each {
				keys = append(keys, fmt.Sprintf("w%d-%d", w, i))
			}
			for i := range shared {
				keys = append(keys, fmt.Sprintf("shared-%d", (i+w)%shared))
			}
			for _, key := range keys {
				id, added, err := s.Put(ctx, syntheticReport(key))
				if err != nil {
					t.Errorf("Put %s: %v", key, err)
					continue
				}
				mu.Lock()
				if ids[key] == nil {
					ids[key] = make(map[int64]bool)
				}
				ids[key][id] = true
				if added {
					news[key]++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	want := workers*each + shared
	if n, err := s.Count(ctx); err != nil || n != want {
		t.Errorf("Count = %d, %v; want %d", n, err, want)
	}
	for key, set := range ids {
		if len(set) != 1 {
			t.Errorf("%s has IDs %v, want one", key, set)
		}
		if news[key] != 1 {
			t.Errorf("%s was added %d times, want once", key, news[key])
		}
	}
	ps, err := s.Postings(ctx, []uint64{sharedHash})
	if err != nil || len(ps[sharedHash]) != want {
		t.Errorf("Postings of the shared hash = %d reports, %v; want %d", len(ps[sharedHash]), err, want)
	}
}

func testFailedPut(t *testing.T, s store.Store) {
	ctx := context.Background()
	rs := putCorpus(t, s)
	n0 := len(rs)

	bad := syntheticReport("broken")
	bad.Paragraphs = append(bad.Paragraphs,
		store.Paragraph{Offset: 0, Text: "萤火虫观测站建成开放", Kind: "review"},
		store.Paragraph{Offset: -1, Text: "负数的位置不能保存", Kind: "review"})
	check := func(what string) {
		t.Helper()
		if n, err := s.Count(ctx); err != nil || n != n0 {
			t.Errorf("%s: Count = %d, %v; want %d", what, n, err, n0)
		}
		if _, err := s.Find(ctx, bad.FileHash, bad.Index); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("%s: Find = %v, want ErrNotFound", what, err)
		}
		ps, err := s.Postings(ctx, []uint64{ownHash("broken", 0), ownHash("broken", 1), sharedHash})
		if err != nil || len(ps) != 1 || len(ps[sharedHash]) != n0 {
			t.Errorf("%s: Postings = %v, %v; want only the corpus's shared hash", what, ps, err)
		}
		hits, err := s.Search(ctx, store.Query{Text: "萤火虫观测站"})
		if err != nil || len(hits) != 0 {
			t.Errorf("%s: Search = %d hits, %v; want none", what, len(hits), err)
		}
		l, err := s.List(ctx, store.Filter{})
		if err != nil || len(l) != n0 {
			t.Errorf("%s: List = %d reports, %v; want %d", what, len(l), err, n0)
		}
	}

	// A paragraph that cannot be stored, after the report, its
	// fingerprints and other paragraphs have been written.
	if _, _, err := s.Put(ctx, bad); err == nil {
		t.Errorf("Put of a paragraph at offset -1 succeeded")
	}
	check("after a Put failing midway")

	// A cancelled context.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	good := syntheticReport("broken")
	if _, _, err := s.Put(cctx, good); err == nil {
		t.Errorf("Put with a cancelled context succeeded")
	}
	check("after a cancelled Put")

	// A context that ends during the Put, with a report large enough to
	// take a while: the Put either completes or leaves nothing.
	big := syntheticReport("broken")
	for i := range 3000 {
		big.Paragraphs = append(big.Paragraphs, store.Paragraph{Offset: i, Text: strings.Repeat("萤火虫观测站建成开放。", 20), Kind: "review"})
		big.Fingerprints = append(big.Fingerprints, uint64(i)<<32|0xabc)
	}
	tctx, cancel := context.WithTimeout(ctx, 5*time.Millisecond)
	_, _, err := s.Put(tctx, big)
	cancel()
	if err == nil {
		// It was fast enough: remove it to check the rest.
		id, err := s.Find(ctx, big.FileHash, big.Index)
		if err != nil {
			t.Fatalf("Find of a completed Put: %v", err)
		}
		if err := s.Delete(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	check("after a Put whose context ended")

	// The failed Puts left nothing in the way.
	fixed := syntheticReport("broken")
	if _, added, err := s.Put(ctx, fixed); err != nil || !added {
		t.Errorf("Put after the failures = %v, %v; want added", added, err)
	}
}

func testBadInput(t *testing.T, s store.Store) {
	ctx := context.Background()
	for _, c := range []struct {
		name string
		r    *store.Report
	}{
		{"nil", nil},
		{"no file hash", &store.Report{}},
		{"negative index", &store.Report{FileHash: "x", Index: -1}},
		{"invalid data", &store.Report{FileHash: "x", Data: json.RawMessage(`{"a":`)}},
		{"invalid findings", &store.Report{FileHash: "x", Findings: json.RawMessage(`[1,,2]`)}},
		{"text not UTF-8", &store.Report{FileHash: "x", Text: "增长\xff"}},
		{"paragraph not UTF-8", &store.Report{FileHash: "x", Paragraphs: []store.Paragraph{{Text: "就业\xfe"}}}},
		{"title with NUL", &store.Report{FileHash: "x", Title: "a\x00b"}},
	} {
		if _, _, err := s.Put(ctx, c.r); err == nil {
			t.Errorf("Put of a report with %s succeeded", c.name)
		}
	}
	if n, err := s.Count(ctx); err != nil || n != 0 {
		t.Errorf("Count = %d, %v; want 0", n, err)
	}
	if _, err := s.Get(ctx, -5); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Get(-5) = %v, want ErrNotFound", err)
	}
	if _, err := s.Search(ctx, store.Query{Text: strings.Repeat("增长", 2000)}); err != nil {
		t.Errorf("Search of a long text: %v", err)
	}
}

// testByText: a new report put with ByText is held by a live report whose
// current text is the same but for its encoding, width, whitespace and
// Markdown markup (store.TextKey). Near misses: without ByText, with
// another character, or the same as a report's earlier version or one in
// the trash, it is a new report.
func testByText(t *testing.T, s store.Store) {
	ctx := context.Background()
	txt := "青禾街道2024年工作总结\n一、主要工作\n全年新增就业1200人，增长5%。\n| 指标 | 完成值 |\n| --- | --- |\n| 就业 | 1200人 |\n"
	md := "# 青禾街道2024年工作总结\n\n## 一、主要工作\n\n全年新增就业１２００人，增长５％。\n\n| 指标 | 完成值 |\n| --- | :---: |\n| 就业 | **1200人** |\n"
	a := &store.Report{FileHash: "txt", Path: "a.txt", Title: "青禾街道2024年工作总结", Text: txt, ByText: true}
	id := put(t, s, a)
	for _, tt := range []struct {
		name   string
		r      *store.Report
		stored bool
	}{
		{"the .md of it", &store.Report{FileHash: "md", Path: "a.md", Text: md, ByText: true}, false},
		{"spaced, with a BOM", &store.Report{FileHash: "gbk", Path: "b.txt", Text: "\ufeff" + strings.ReplaceAll(txt, "，", " ， "), ByText: true}, false},
		{"without ByText", &store.Report{FileHash: "plain", Path: "c.txt", Text: md}, true},
		{"another digit", &store.Report{FileHash: "d", Path: "d.txt", Text: strings.Replace(txt, "1200人，", "1300人，", 1), ByText: true}, true},
	} {
		got, added, err := s.Put(ctx, tt.r)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if tt.stored != (added && got != id) {
			t.Errorf("%s: Put = %d, added %v; want stored %v (the report is %d)", tt.name, got, added, tt.stored, id)
		}
	}
	// A new version: its text is the report's now, the old one no more
	// (the copy stored without ByText holds that).
	v2 := &store.Report{ID: id, FileHash: "txt2", Path: "a.txt", Title: a.Title, Text: txt + "二、存在问题\n产业基础薄弱。\n"}
	put(t, s, v2)
	if got, _, err := s.Put(ctx, &store.Report{FileHash: "md1", Path: "e.md", Text: md, ByText: true}); err != nil || got == id {
		t.Errorf("the earlier version's text from another file = %d, %v; want another report than %d", got, err, id)
	}
	if got, added, err := s.Put(ctx, &store.Report{FileHash: "md2", Path: "f.md", Text: "# " + v2.Text, ByText: true}); err != nil || added || got != id {
		t.Errorf("the current version's text from another file = %d, %v, %v; want %d", got, added, err, id)
	}
	// One in the trash holds it no more.
	if err := s.Trash(ctx, id); err != nil {
		t.Fatal(err)
	}
	if got, added, err := s.Put(ctx, &store.Report{FileHash: "md3", Path: "g.md", Text: "# " + v2.Text, ByText: true}); err != nil || !added || got == id {
		t.Errorf("the text of a report in the trash from another file = %d, %v, %v; want a new report", got, added, err)
	}
}
