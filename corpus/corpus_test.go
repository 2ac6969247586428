package corpus_test

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"zongjie"
	"zongjie/corpus"
	"zongjie/examples"
	"zongjie/store"
)

// memStore is a store in memory, enough for the corpus logic; the real
// stores are tested by store/storetest. The methods the corpus does not
// use (accounts, the trash, the audit log) are the nil interface's: a
// call to one panics.
type memStore struct {
	store.Store
	mu      sync.Mutex
	reports []*store.Report
	next    int64
	figures map[int64]store.Figures
}

func (m *memStore) Put(_ context.Context, r *store.Report) (int64, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, x := range m.reports {
		if x.FileHash == r.FileHash && x.Index == r.Index {
			return x.ID, false, nil
		}
	}
	m.next++
	c := *r
	c.ID, c.Version = m.next, 1
	r.ID, r.Version = c.ID, 1
	m.reports = append(m.reports, &c)
	return c.ID, true, nil
}

func (m *memStore) Get(_ context.Context, id int64) (*store.Report, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, x := range m.reports {
		if x.ID == id {
			return x, nil
		}
	}
	return nil, store.ErrNotFound
}

func (m *memStore) Texts(_ context.Context, ids []int64) ([]*store.Report, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []*store.Report
	for _, id := range ids {
		for _, x := range m.reports {
			if x.ID == id && !slices.ContainsFunc(out, func(r *store.Report) bool { return r.ID == id }) {
				c := *x
				c.Data, c.Findings, c.Fingerprints, c.Paragraphs = nil, nil, nil, nil
				out = append(out, &c)
			}
		}
	}
	return out, nil
}

func (m *memStore) GetVersion(ctx context.Context, id int64, v int) (*store.Report, error) {
	r, err := m.Get(ctx, id)
	if err != nil || r.Version != v {
		return nil, store.ErrNotFound
	}
	return r, nil
}

func (m *memStore) Versions(ctx context.Context, id int64) ([]store.Summary, error) {
	r, err := m.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	return []store.Summary{r.Summary()}, nil
}

func (m *memStore) Find(_ context.Context, h string, i int) (int64, error) {
	for _, x := range m.reports {
		if x.FileHash == h && x.Index == i {
			return x.ID, nil
		}
	}
	return 0, store.ErrNotFound
}

func (m *memStore) List(_ context.Context, f store.Filter) ([]store.Summary, error) {
	var out []store.Summary
	for _, x := range m.reports {
		if f.Unit != "" && x.Unit != f.Unit || f.Year != 0 && !slices.Contains(x.Years, f.Year) {
			continue
		}
		out = append(out, store.Summary{ID: x.ID, Path: x.Path, Title: x.Title, Unit: x.Unit, Years: x.Years})
	}
	return out, nil
}

func (m *memStore) Delete(_ context.Context, id int64) error {
	for i, x := range m.reports {
		if x.ID == id {
			m.reports = slices.Delete(m.reports, i, i+1)
			return nil
		}
	}
	return store.ErrNotFound
}

func (m *memStore) Search(context.Context, store.Query) ([]store.Hit, error) { return nil, nil }

func (m *memStore) Postings(_ context.Context, hashes []uint64) (map[uint64][]store.Posting, error) {
	want := map[uint64]bool{}
	for _, h := range hashes {
		want[h] = true
	}
	out := map[uint64][]store.Posting{}
	for _, x := range m.reports {
		for _, h := range x.Fingerprints {
			if want[h] {
				out[h] = append(out[h], store.Posting{Report: x.ID, Unit: x.Unit})
			}
		}
	}
	return out, nil
}

func (m *memStore) HashUnits(ctx context.Context, hashes []uint64, scope *store.Scope, atLeast int) (map[uint64]int, error) {
	ps, err := m.Postings(ctx, hashes)
	if err != nil {
		return nil, err
	}
	return store.UnitCounts(ps, scope, atLeast), nil
}

func (m *memStore) Shared(ctx context.Context, hashes []uint64, scope *store.Scope, exclude int64, n int) ([]store.Shared, error) {
	ps, err := m.Postings(ctx, hashes)
	if err != nil {
		return nil, err
	}
	var lists [][]store.Posting
	for _, l := range ps {
		slices.SortFunc(l, func(a, b store.Posting) int { return cmp.Compare(a.Report, b.Report) })
		lists = append(lists, l)
	}
	return store.TopShared(lists, scope, exclude, n), nil
}

func (m *memStore) EachFingerprints(_ context.Context, fn func(int64, string, []uint64) error) error {
	for _, x := range m.reports {
		if err := fn(x.ID, x.Unit, x.Fingerprints); err != nil {
			return err
		}
	}
	return nil
}

func (m *memStore) Count(context.Context) (int, error) { return len(m.reports), nil }
func (m *memStore) Close() error                       { return nil }
func (m *memStore) Optimize(context.Context) error     { return nil }

func (m *memStore) PutFigures(_ context.Context, fs []store.Figures) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.figures == nil {
		m.figures = map[int64]store.Figures{}
	}
	for _, f := range fs {
		for _, x := range m.reports {
			if x.ID == f.Report {
				m.figures[f.Report] = f
			}
		}
	}
	return nil
}

func (m *memStore) Figures(context.Context) ([]store.Figures, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []store.Figures
	for _, x := range m.reports {
		if f, ok := m.figures[x.ID]; ok {
			out = append(out, f)
		}
	}
	return out, nil
}

func (m *memStore) PutBatch(ctx context.Context, rs []*store.Report) ([]int64, []bool, error) {
	ids := make([]int64, len(rs))
	added := make([]bool, len(rs))
	for i, r := range rs {
		var err error
		if ids[i], added[i], err = m.Put(ctx, r); err != nil {
			return nil, nil, err
		}
	}
	return ids, added, nil
}

// exampleDir writes the example reports and a few files to skip or
// refuse into a temporary folder.
func exampleDir(t *testing.T) string {
	dir := t.TempDir()
	for _, f := range examples.All() {
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f.Name)), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.MkdirAll(filepath.Join(dir, ".hidden"), 0o755)
	os.WriteFile(filepath.Join(dir, ".hidden", "a.txt"), []byte("隐藏文件"), 0o644)
	os.WriteFile(filepath.Join(dir, "notes.xls"), []byte("skip"), 0o644)
	os.WriteFile(filepath.Join(dir, "old.doc"), []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0}, 0o644)
	return dir
}

func TestAdd(t *testing.T) {
	dir := exampleDir(t)
	st := &memStore{}
	var progress []corpus.Progress
	stats, err := corpus.Add(context.Background(), st, []string{dir}, corpus.AddOptions{
		Options:  corpus.Options{Check: true},
		Progress: func(p corpus.Progress) { progress = append(progress, p) },
	})
	if err != nil {
		t.Fatal(err)
	}
	// Five examples and old.doc; not the hidden file or the .xls.
	if stats.Files != 6 || stats.Failed != 1 || stats.Added != 5 || stats.Reports != 5 || len(progress) != 6 {
		t.Fatalf("stats %+v, %d progress calls", stats, len(progress))
	}
	stored := map[string][]corpus.StoredReport{}
	for _, p := range progress {
		if strings.HasSuffix(p.Path, "old.doc") != (p.Err != nil) {
			t.Errorf("%s: error %v", p.Path, p.Err)
		}
		if p.Err == nil && (len(p.Stored) != p.Reports || p.Stored[0].ID == 0 || !p.Stored[0].Added) || p.Err != nil && p.Stored != nil {
			t.Errorf("%s: stored %v of %d reports", p.Path, p.Stored, p.Reports)
		}
		stored[p.Path] = p.Stored
	}
	// Added again, each file's reports are the ones stored the first time.
	again, err := corpus.Add(context.Background(), st, []string{dir}, corpus.AddOptions{
		Progress: func(p corpus.Progress) {
			first := stored[p.Path]
			if p.Err != nil {
				return // old.doc
			}
			if len(p.Stored) != 1 || p.Stored[0].ID != first[0].ID || p.Stored[0].Added {
				t.Errorf("%s again: stored %v, first %v", p.Path, p.Stored, first)
			}
		},
	})
	if err != nil || again.Added != 0 || again.Duplicates != 5 {
		t.Fatalf("second add: %+v, %v", again, err)
	}
	if len(st.reports) != 5 {
		t.Fatalf("%d reports stored", len(st.reports))
	}
	for _, r := range st.reports {
		if len(r.Fingerprints) < 50 || len(r.Paragraphs) < 10 || len(r.Data) == 0 || r.Unit == "" || r.FileHash == "" {
			t.Errorf("%s: %d fingerprints, %d paragraphs, unit %q", r.Path, len(r.Fingerprints), len(r.Paragraphs), r.Unit)
		}
		var ds []map[string]any
		if err := json.Unmarshal(r.Findings, &ds); err != nil || len(ds) == 0 && !strings.Contains(r.Path, "liuhe") {
			t.Errorf("%s: findings %s (%v)", r.Path, r.Findings, err)
		}
		kinds := map[string]bool{}
		for _, p := range r.Paragraphs {
			kinds[p.Kind] = true
			if !strings.HasPrefix(string([]rune(r.Text)[p.Offset:]), p.Text) {
				t.Errorf("%s: paragraph at %d does not start its text", r.Path, p.Offset)
				break
			}
		}
		if !kinds["review"] || !kinds["plan"] {
			t.Errorf("%s: paragraph kinds %v", r.Path, kinds)
		}
	}
	// A missing path fails as a file does, naming itself once, and does
	// not stop the others.
	missing := filepath.Join(dir, "missing.txt")
	var failure error
	stats, err = corpus.Add(context.Background(), st, []string{missing, filepath.Join(dir, "shiqiao-2024.txt")}, corpus.AddOptions{
		Progress: func(p corpus.Progress) {
			if p.Err != nil {
				failure = p.Err
			}
		},
	})
	if err != nil || stats.Failed != 1 || stats.Duplicates != 1 || failure == nil ||
		failure.Error() != missing+": 文件不存在 (no such file)" {
		t.Errorf("a missing path: %+v, %v, %v", stats, err, failure)
	}
}

func TestPrepareOverrides(t *testing.T) {
	f := examples.All()[0]
	rs, err := corpus.Prepare(f.Name, f.Data, corpus.Options{Unit: "临川区青禾街道", Period: &zongjie.Term{Year: 2024, Period: zongjie.PeriodH1}})
	if err != nil {
		t.Fatal(err)
	}
	if rs[0].Unit != "临川区青禾街道" || !slices.Equal(rs[0].Years, []int{2024}) || rs[0].Period != "H1" {
		t.Errorf("overrides: %q %v %q", rs[0].Unit, rs[0].Years, rs[0].Period)
	}
	// The stored data says the same as the columns.
	var data struct {
		Meta struct {
			Unit   string
			Review struct{ Year int }
			Plan   struct{ Period string }
		}
	}
	if err := json.Unmarshal(rs[0].Data, &data); err != nil || data.Meta.Unit != "临川区青禾街道" || data.Meta.Review.Year != 2024 || data.Meta.Plan.Period != "H2" {
		t.Errorf("overrides in the data: %+v, %v", data.Meta, err)
	}
	if _, err := corpus.Prepare("x.pdf", []byte("%PDF-1.4"), corpus.Options{}); err == nil {
		t.Error("a PDF accepted")
	}
}

func TestSimilarAndFamilies(t *testing.T) {
	st := &memStore{}
	if _, err := corpus.Add(context.Background(), st, []string{exampleDir(t)}, corpus.AddOptions{}); err != nil {
		t.Fatal(err)
	}
	var q *store.Report
	for _, r := range st.reports {
		if strings.HasSuffix(r.Path, "shiqiao-2025.txt") {
			q = r
		}
	}
	ms, err := corpus.Similar(context.Background(), st, corpus.Query{Text: q.Text, Exclude: q.ID}, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) == 0 || !strings.HasSuffix(ms[0].Report.Path, "shiqiao-2024.txt") || ms[0].Query.Reuse < 0.9 || ms[0].Other.Reuse < 0.9 {
		t.Fatalf("similar to shiqiao-2025: %+v", ms)
	}
	for _, m := range ms {
		if m.Report.ID == q.ID {
			t.Error("the query itself is listed")
		}
	}
	fams, err := corpus.Families(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	if len(fams) != 1 || len(fams[0].Members) != 2 {
		t.Fatalf("families %+v", fams)
	}
	var paths []string
	for _, m := range fams[0].Members {
		paths = append(paths, filepath.Base(m.Path))
	}
	sort.Strings(paths)
	if strings.Join(paths, " ") != "shiqiao-2024.txt shiqiao-2025.txt" {
		t.Errorf("family %v", paths)
	}
}

func TestHighlight(t *testing.T) {
	for _, tc := range []struct {
		text, query string
		want        [][2]int
	}{
		{"全年GDP增长5.2%，就业增长稳定。", "增长", [][2]int{{5, 7}, {14, 16}}},
		{"全年GDP 增长5.2%", "ｇｄｐ增长", [][2]int{{2, 8}}},
		{"增，长", "增长", [][2]int{{0, 3}}},
		{"没有", "增长", nil},
		{"任何", "，。", nil},
	} {
		if got := corpus.Highlight(tc.text, tc.query); !slices.Equal(got, tc.want) {
			t.Errorf("Highlight(%q, %q) = %v, want %v", tc.text, tc.query, got, tc.want)
		}
	}
	long := strings.Repeat("推进", 60) + "增长" + strings.Repeat("民生", 60)
	snip, spans := corpus.Snippet(long, corpus.Highlight(long, "增长"), 40)
	rs := []rune(snip)
	if len(spans) != 1 || string(rs[spans[0][0]:spans[0][1]]) != "增长" || !strings.HasPrefix(snip, "…") || !strings.HasSuffix(snip, "…") {
		t.Errorf("snippet %q %v", snip, spans)
	}
}

// batchStore is a memStore that stores batches slowly, as a real store
// does, and records them; it fails from the failAt-th batch on (0: never).
type batchStore struct {
	memStore
	failAt int

	bmu      sync.Mutex
	sizes    []int
	calls    int
	inFlight int
	most     int // batches being stored at once, at most
}

var errBatch = errors.New("the store fails")

func (b *batchStore) PutBatch(ctx context.Context, rs []*store.Report) ([]int64, []bool, error) {
	b.bmu.Lock()
	b.calls++
	call := b.calls
	b.inFlight++
	b.most = max(b.most, b.inFlight)
	b.bmu.Unlock()
	defer func() {
		b.bmu.Lock()
		b.inFlight--
		b.bmu.Unlock()
	}()
	time.Sleep(20 * time.Millisecond)
	if b.failAt > 0 && call >= b.failAt {
		return nil, nil, errBatch
	}
	ids := make([]int64, len(rs))
	news := make([]bool, len(rs))
	for i, r := range rs {
		var err error
		if ids[i], news[i], err = b.Put(ctx, r); err != nil {
			return nil, nil, err
		}
	}
	b.bmu.Lock()
	b.sizes = append(b.sizes, len(rs))
	b.bmu.Unlock()
	return ids, news, nil
}

// manyReports writes n distinct small reports into a temporary folder.
func manyReports(t *testing.T, n int) string {
	dir := t.TempDir()
	f := examples.All()[0]
	for i := range n {
		data := append(slices.Clip(f.Data), fmt.Sprintf("\n附：第%d份。\n", i)...)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%03d.txt", i)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestAddBatches checks that Add stores many files in batches cut while
// the store is busy, at most two at a time, and reports every file once,
// in order.
func TestAddBatches(t *testing.T) {
	const n = 150
	st := &batchStore{}
	done := 0
	stats, err := corpus.Add(context.Background(), st, []string{manyReports(t, n)}, corpus.AddOptions{
		Progress: func(p corpus.Progress) {
			done++
			if p.Done != done || p.Total != n || p.Err != nil || p.Added != 1 {
				t.Errorf("progress %+v after %d", p, done-1)
			}
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if stats.Added != n || done != n || len(st.reports) != n {
		t.Fatalf("stats %+v, %d progress calls, %d stored", stats, done, len(st.reports))
	}
	total, largest := 0, 0
	for _, s := range st.sizes {
		total += s
		largest = max(largest, s)
	}
	if total != n || largest > 64 || largest < 2 {
		t.Errorf("batches of %v reports: want %d in all, at most 64 and more than one at a time", st.sizes, n)
	}
	if st.most > 2 {
		t.Errorf("%d batches stored at once, want at most 2", st.most)
	}
}

// TestAddStoreFails checks that a store failure ends Add with the error
// and fails the files not stored, each reported once.
func TestAddStoreFails(t *testing.T) {
	const n = 100
	st := &batchStore{failAt: 2}
	var progress []corpus.Progress
	stats, err := corpus.Add(context.Background(), st, []string{manyReports(t, n)}, corpus.AddOptions{
		Progress: func(p corpus.Progress) { progress = append(progress, p) },
	})
	if !errors.Is(err, errBatch) {
		t.Fatalf("Add = %v, want the store's error", err)
	}
	if len(progress) != n || stats.Files != n || stats.Added != len(st.reports) || stats.Added+stats.Failed != n || stats.Failed == 0 {
		t.Fatalf("stats %+v, %d progress calls, %d stored", stats, len(progress), len(st.reports))
	}
	for _, p := range progress {
		if (p.Err != nil) != (p.Added == 0) || p.Err != nil && !errors.Is(p.Err, errBatch) {
			t.Errorf("progress %+v", p)
		}
	}
}

// cjk returns n characters drawn from the CJK block with seed: texts that
// share no k-gram by accident.
func cjk(seed uint64, n int) string {
	rng := rand.New(rand.NewPCG(seed, 1))
	rs := make([]rune, n)
	for i := range rs {
		rs[i] = 0x4E00 + rune(rng.IntN(0x5000))
	}
	return string(rs)
}

// TestFamilyShared builds a family of three copies of one template, each
// with text of its own and two of them with a paragraph more in common:
// what the family shares is the template, found to within a few
// characters, and not the paragraph only two hold.
func TestFamilyShared(t *testing.T) {
	dir := t.TempDir()
	head, tail := cjk(1, 500), cjk(2, 500)
	pair := cjk(3, 300)
	texts := []string{
		head + "\n" + cjk(10, 300) + "\n" + tail + "\n" + pair + "\n",
		head + "\n" + cjk(11, 300) + "\n" + tail + "\n" + pair + "\n",
		head + "\n" + cjk(12, 300) + "\n" + tail + "\n",
	}
	for i, text := range texts {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	st := &memStore{}
	ctx := context.Background()
	if _, err := corpus.Add(ctx, st, []string{dir}, corpus.AddOptions{}); err != nil {
		t.Fatal(err)
	}
	fams, err := corpus.Families(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	if len(fams) != 1 || len(fams[0].Members) != 3 {
		t.Fatalf("families %+v; want one of three", fams)
	}
	sh, err := corpus.FamilyShared(ctx, st, fams[0])
	if err != nil {
		t.Fatal(err)
	}
	if len(sh.Compared) != 2 || slices.Contains(sh.Compared, sh.Report) {
		t.Errorf("compared %v with %d; want the two others", sh.Compared, sh.Report)
	}
	r, err := st.Get(ctx, sh.Report)
	if err != nil {
		t.Fatal(err)
	}
	// The template's two parts, in characters of the central report.
	center := []rune(r.Text)
	want := [][2]int{{0, 500}, {500 + 1 + 300 + 1, 500}}
	if len(sh.Passages) != len(want) {
		t.Fatalf("shared %+v; want the template's two parts", sh.Passages)
	}
	near := func(a, b int) bool { return a-b <= 3 && b-a <= 3 }
	for i, p := range sh.Passages {
		if !near(p.Offset, want[i][0]) || !near(p.Length, want[i][1]) {
			t.Errorf("shared passage %d at %d, %d characters; want %d, %d", i, p.Offset, p.Length, want[i][0], want[i][1])
		}
		if p.Text != string(center[p.Offset:p.Offset+p.Length]) {
			t.Errorf("shared passage %d: text %q is not the report's", i, p.Text)
		}
		if p.Boilerplate {
			t.Errorf("shared passage %d marked stock phrases", i)
		}
	}
	if sh.SharedChars < 994 || sh.SharedChars > 1000 || sh.OwnChars != sh.SharedChars || sh.Chars != len(center) {
		t.Errorf("shared %d characters (%d own) of %d; want about 1000 of %d", sh.SharedChars, sh.OwnChars, sh.Chars, len(center))
	}
}
