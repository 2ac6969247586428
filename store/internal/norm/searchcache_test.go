package norm

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"zongjie/store"
)

// fakeSource is a store of n paragraphs, each of its own report, every
// one holding the phrase 就业; it counts the hits it is asked for.
type fakeSource struct {
	n        int64
	hitReads int
}

func (f *fakeSource) text(id int64) string {
	return fmt.Sprintf("第%d段：新增就业%d人。", id, id) + strings.Repeat("稳", int(id%7)*40)
}

func (f *fakeSource) Matches(_ context.Context, phrase string, after, upTo int64, limit int) ([]Para, error) {
	var out []Para
	for id := after + 1; id <= min(upTo, f.n) && len(out) < limit; id++ {
		if p, ok := MatchPara(id, id, "review", f.text(id), Terms(phrase)); ok {
			out = append(out, p)
		}
	}
	return out, nil
}

func (f *fakeSource) Reports(_ context.Context, after, upTo int64) (map[int64]ReportMeta, error) {
	out := map[int64]ReportMeta{}
	for id := after + 1; id <= min(upTo, f.n); id++ {
		out[id] = ReportMeta{Path: fmt.Sprintf("r%d.txt", id)}
	}
	return out, nil
}

func (f *fakeSource) Hits(_ context.Context, ids []int64) (map[int64]store.Hit, error) {
	f.hitReads += len(ids)
	out := map[int64]store.Hit{}
	for _, id := range ids {
		out[id] = store.Hit{Report: store.Summary{ID: id, Path: fmt.Sprintf("r%d.txt", id), Years: []int{2024}},
			Paragraph: store.Paragraph{Text: f.text(id), Kind: "review"}}
	}
	return out, nil
}

// TestSearchCacheHitBudget fills the cache's hits far beyond its budget:
// it holds at most HitBudget bytes, drops the least recently shown, and
// answers the same as the source whether a hit is kept or read again.
func TestSearchCacheHitBudget(t *testing.T) {
	defer func(n int) { HitBudget = n }(HitBudget)
	HitBudget = 64 << 10
	ctx := context.Background()
	var c SearchCache
	src := &fakeSource{n: 5000}
	snap := Snapshot{Paragraph: src.n, Report: src.n}
	for round := range 2 {
		for from := int64(1); from <= src.n; from += 50 {
			var best []Scored
			for id := from; id < from+50; id++ {
				best = append(best, Scored{ID: id, Score: float64(id)})
			}
			if _, _, err := c.Search(ctx, src, snap, store.Query{Text: "就业"}); err != nil { // the generation
				t.Fatal(err)
			}
			hits, err := c.Hits(ctx, src, snap, best)
			if err != nil {
				t.Fatal(err)
			}
			if len(hits) != len(best) {
				t.Fatalf("round %d: %d hits of %d", round, len(hits), len(best))
			}
			want, _ := src.Hits(ctx, []int64{best[7].ID})
			src.hitReads--
			if h := hits[7]; h.Report.ID != best[7].ID || h.Score != best[7].Score || h.Paragraph != want[best[7].ID].Paragraph {
				t.Fatalf("round %d: hit %+v, want paragraph %d with score %v", round, h, best[7].ID, best[7].Score)
			}
			if _, held, _ := c.Held(); held > HitBudget {
				t.Fatalf("round %d: %d bytes of hits held, the budget is %d", round, held, HitBudget)
			}
		}
	}
	if _, held, n := c.Held(); held < HitBudget/2 || n == 0 {
		t.Errorf("%d hits, %d bytes held: the budget is %d", n, held, HitBudget)
	}
	// Shown again at once: kept, not read.
	reads := src.hitReads
	best := []Scored{{ID: src.n, Score: 1}, {ID: src.n - 1, Score: 0.5}}
	if _, err := c.Hits(ctx, src, snap, best); err != nil {
		t.Fatal(err)
	}
	if src.hitReads != reads {
		t.Errorf("%d hits read again of the last shown", src.hitReads-reads)
	}
	// Of another generation: read, not taken from the cache.
	next := snap
	next.Generation[1]++
	if _, err := c.Hits(ctx, src, next, best); err != nil {
		t.Fatal(err)
	}
	if src.hitReads != reads+2 {
		t.Errorf("%d hits read for a snapshot of another generation, want 2", src.hitReads-reads)
	}
}

// TestSearchCachePhraseBudget searches more phrases than the budget holds
// the paragraphs of: the least recently searched are dropped.
func TestSearchCachePhraseBudget(t *testing.T) {
	defer func(n int) { PhraseBudget = n }(PhraseBudget)
	PhraseBudget = 100 * paraBytes * 3 // three phrases' paragraphs
	ctx := context.Background()
	var c SearchCache
	src := &fakeSource{n: 100}
	snap := Snapshot{Paragraph: src.n, Report: src.n}
	for i, phrase := range []string{"就业", "新增", "第", "段", "人", "新增就业"} {
		best, ok, err := c.Search(ctx, src, snap, store.Query{Text: phrase})
		if err != nil || !ok || len(best) != DefaultLimit {
			t.Fatalf("%s: %d best, %v, %v", phrase, len(best), ok, err)
		}
		held, _, _ := c.Held()
		if held > PhraseBudget {
			t.Fatalf("after %d phrases: %d bytes held, the budget is %d", i+1, held, PhraseBudget)
		}
		if i >= 3 && c.Phrases() != 3 {
			t.Errorf("after %d phrases: %d held, want 3", i+1, c.Phrases())
		}
	}
}

func TestMergeByID(t *testing.T) {
	id := func(x int64) int64 { return x }
	for _, tt := range []struct {
		a, b, want []int64
		inPlace    bool
	}{
		{nil, nil, nil, true},
		{[]int64{1, 2}, nil, []int64{1, 2}, true},
		{nil, []int64{3}, []int64{3}, true},
		{[]int64{1, 2}, []int64{3, 5}, []int64{1, 2, 3, 5}, true},
		{[]int64{1, 4}, []int64{2, 5}, []int64{1, 2, 4, 5}, false},    // committed out of order
		{[]int64{1, 4}, []int64{4, 6}, []int64{1, 4, 6}, false},       // held already
		{[]int64{2, 3}, []int64{1}, []int64{1, 2, 3}, false},          // before all
		{[]int64{1, 2, 3}, []int64{1, 2, 3}, []int64{1, 2, 3}, false}, // all held
	} {
		a := append(make([]int64, 0, len(tt.a)+len(tt.b)), tt.a...)
		got := MergeByID(a, tt.b, id)
		if !slices.Equal(got, tt.want) {
			t.Errorf("MergeByID(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if inPlace := len(got) == 0 || len(a) == 0 || &got[0] == &a[:1][0]; inPlace != tt.inPlace && len(tt.a) > 0 {
			t.Errorf("MergeByID(%v, %v): in place %v, want %v", tt.a, tt.b, inPlace, tt.inPlace)
		}
		if !tt.inPlace && len(tt.a) > 0 && !slices.Equal(a, tt.a) {
			t.Errorf("MergeByID(%v, %v) changed its first argument to %v", tt.a, tt.b, a)
		}
	}
}

// TestSummariesMarks: with Marks, reports a later read adds may come
// before those kept; a read of an older mark is answered as of what the
// list holds (newer), and what two reads both added is kept once.
func TestSummariesMarks(t *testing.T) {
	sums := func(ids ...int64) []store.Summary {
		var out []store.Summary
		for _, id := range ids {
			out = append(out, store.Summary{ID: id, Unit: []string{"甲", "乙"}[id%2]})
		}
		return out
	}
	idsOf := func(ss []store.Summary) []int64 {
		var out []int64
		for _, s := range ss {
			out = append(out, s.ID)
		}
		return out
	}
	l := Summaries{Marks: true}
	steps := []struct {
		from, last int64
		added      []int64
		want       []int64
		ok         bool
	}{
		{0, 1, []int64{1, 3}, []int64{1, 3}, true},
		{1, 2, []int64{2}, []int64{1, 2, 3}, true},       // ID 2 committed after 3
		{1, 3, []int64{2, 5}, []int64{1, 2, 3, 5}, true}, // read from 1 while another read brought it to 2
		{2, 2, nil, []int64{1, 2, 3, 5}, true},           // an older mark than the cache's: as of what it holds
		{3, 3, nil, []int64{1, 2, 3, 5}, true},           // nothing added
		{3, 4, []int64{4}, []int64{1, 2, 3, 4, 5}, true},
	}
	for i, st := range steps {
		got, ok := l.Answer(st.from, st.last, sums(st.added...), store.Filter{})
		if ok != st.ok || !slices.Equal(idsOf(got), st.want) {
			t.Errorf("%d: Answer(%d, %d, %v) = %v, %v; want %v, %v", i, st.from, st.last, st.added, idsOf(got), ok, st.want, st.ok)
		}
		if !ok {
			continue
		}
		// By the index of unit names: the odd IDs are 乙's.
		var odd []int64
		for _, id := range st.want {
			if id%2 == 1 {
				odd = append(odd, id)
			}
		}
		if got, _ := l.Answer(st.last, st.last, nil, store.Filter{Unit: "乙"}); !slices.Equal(idsOf(got), odd) {
			t.Errorf("%d: 乙's reports %v, want %v", i, idsOf(got), odd)
		}
	}
	var want int
	for i := range l.Sums {
		want += SummaryBytes(&l.Sums[i])
	}
	if l.Bytes != want {
		t.Errorf("%d bytes counted, want %d (each report once)", l.Bytes, want)
	}
}

// TestHolderEntryAdd: postings added out of the order of their reports
// (with Marks) are kept in order, a report once, its unit counted once.
func TestHolderEntryAdd(t *testing.T) {
	e := newHolderEntry(nil)
	for _, id := range []int64{1, 4, 2, 4, 3, 1} {
		e.add(store.Posting{Report: id, Unit: "甲"})
	}
	var ids []int64
	for _, p := range e.Postings() {
		ids = append(ids, p.Report)
	}
	if !slices.Equal(ids, []int64{1, 2, 3, 4}) || len(e.units) != 1 || e.units[0].n != 4 {
		t.Errorf("postings %v, units %+v; want [1 2 3 4], 甲 ×4", ids, e.units)
	}
}
