// Package desk measures the reviewer's desk (the web app's home page) on
// a synthetic store of 100 units × 10 years: 1,000 reports of about
// 9,000 characters, made by internal/gen from the sentences of the seeds
// (year-on-year copies, template families, spliced paragraphs), added
// and checked as `zongjie add` adds them.
//
//	go test ./bench/desk -bench . -benchtime 20x
//
// BenchmarkDesk is the server time of GET / with the figures computed
// (every look but the first after a change): the request through the
// whole zjhttp.Server, the store read, the grid laid out and rendered.
// BenchmarkDeskStored is a server's look without the page, the figures
// kept between looks; BenchmarkDeskStoredChanged the same after one
// report's figures were stored again. BenchmarkDeskChanged is a look
// after one report was given a new version (the other units' shares of every report and the changed
// report's own figures are computed again); BenchmarkDeskCold is the
// first look at a store whose figures were never computed.
//
// Set ZONGJIE_DESK_UNITS and ZONGJIE_DESK_YEARS for another size, and
// ZONGJIE_DESK_KEEP to a folder to keep the store there and use it again
// on the next run (of the same size).
package desk

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"zongjie/app"
	"zongjie/corpus"
	zjhttp "zongjie/http"
	"zongjie/internal/gen"
	"zongjie/internal/shared"
	"zongjie/store"
	"zongjie/store/sqlite"
	"zongjie/store/storetest"
)

// fixture is the store built once for the benchmarks of a run.
type fixture struct {
	dir     string
	st      store.Store
	app     *app.App
	srv     *zjhttp.Server
	reports int
	built   time.Duration
}

var (
	once sync.Once
	fx   *fixture
)

// sentences returns the sentences of the seeds (only the seeds: the
// corpus holds files kept out of every test's sight).
func sentences(tb testing.TB) []string {
	var out []string
	seen := map[string]bool{}
	for _, f := range shared.Files(tb, "seeds", ".txt") {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		for _, s := range gen.SplitSentences(strings.TrimPrefix(string(b), "\ufeff")) {
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	return out
}

// build makes the store: units × years reports, added with their checks.
func build(tb testing.TB, units, years int) *fixture {
	start := time.Now()
	c, err := gen.Generate(sentences(tb), gen.Config{
		N: units * years, Seed: 7, MinYears: years, MaxYears: years,
		FirstYear: 2026 - years, LastYear: 2025,
	})
	if err != nil {
		tb.Fatal(err)
	}
	dir := os.Getenv("ZONGJIE_DESK_KEEP")
	if dir == "" {
		if dir, err = os.MkdirTemp("", "zongjie-desk-"); err != nil {
			tb.Fatal(err)
		}
	}
	db := filepath.Join(dir, fmt.Sprintf("desk-%dx%d.db", units, years))
	a := app.New(app.Options{Open: func(context.Context) (store.Store, error) { return sqlite.Open(db) }})
	reports := units * years
	if _, err := os.Stat(db); err != nil {
		if err := gen.WriteDir(c, filepath.Join(dir, "corpus")); err != nil {
			tb.Fatal(err)
		}
		stats, err := a.Add(context.Background(), app.AddRequest{Paths: []string{filepath.Join(dir, "corpus")}, Options: corpus.Options{Check: true}})
		if err != nil || stats.Failed > 0 {
			tb.Fatalf("add: %v (%d failed)", err, stats.Failed)
		}
		reports = stats.Reports
	}
	srv, err := zjhttp.NewServer(a, zjhttp.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	st, err := sqlite.Open(db)
	if err != nil {
		tb.Fatal(err)
	}
	return &fixture{dir: dir, st: st, app: a, srv: srv, reports: reports, built: time.Since(start)}
}

// setup builds the fixture once per run.
func setup(b *testing.B) *fixture {
	b.Helper()
	once.Do(func() {
		units := storetest.EnvInt("ZONGJIE_DESK_UNITS", 100)
		years := storetest.EnvInt("ZONGJIE_DESK_YEARS", 10)
		fx = build(b, units, years)
		b.Logf("store of %d reports built and checked in %v", fx.reports, fx.built.Round(time.Second))
	})
	if fx == nil {
		b.Fatal("no fixture")
	}
	return fx
}

// get serves GET / and checks the answer.
func (f *fixture) get(tb testing.TB) *httptest.ResponseRecorder {
	r := httptest.NewRequest("GET", "/", nil)
	r.Host = "127.0.0.1"
	w := httptest.NewRecorder()
	f.srv.ServeHTTP(w, r)
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `<table class="desk">`) {
		tb.Fatalf("GET /: %d\n%.500s", w.Code, w.Body)
	}
	return w
}

// BenchmarkDesk is the server time of the desk with its figures stored.
func BenchmarkDesk(b *testing.B) {
	f := setup(b)
	start := time.Now()
	w := f.get(b) // the figures computed, if they were not
	b.Logf("first look: %v; page of %d KB", time.Since(start).Round(time.Millisecond), w.Body.Len()>>10)
	b.ResetTimer()
	for b.Loop() {
		f.get(b)
	}
}

// BenchmarkDeskApp is the desk's operation alone (app.Desk): the store
// read and the grid laid out, without the page.
func BenchmarkDeskApp(b *testing.B) {
	f := setup(b)
	ctx := context.Background()
	if _, err := f.app.Desk(ctx, app.DeskQuery{}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := f.app.Desk(ctx, app.DeskQuery{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDeskStored is a server's look at the desk's figures, kept
// between looks (corpus.DeskCache, as the App of a server with WarmDesk
// keeps them): the store asked what changed, the reports listed and
// their figures looked up, without the page.
func BenchmarkDeskStored(b *testing.B) {
	f := setup(b)
	ctx := context.Background()
	f.get(b) // the figures computed, if they were not
	var c corpus.DeskCache
	for b.Loop() {
		if _, err := c.Stored(ctx, f.st, f.st); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDeskStoredChanged is BenchmarkDeskStored after one report's
// figures were stored again (as the background computation stores them
// after every upload).
func BenchmarkDeskStoredChanged(b *testing.B) {
	f := setup(b)
	ctx := context.Background()
	f.get(b)
	fs, err := f.st.Figures(ctx)
	if err != nil {
		b.Fatal(err)
	}
	var c corpus.DeskCache
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		if err := f.st.PutFigures(ctx, fs[i%len(fs):i%len(fs)+1]); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := c.Stored(ctx, f.st, f.st); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDeskChanged is a look at the desk after one report was given
// a new version (its title changed, as a user's correction would).
func BenchmarkDeskChanged(b *testing.B) {
	f := setup(b)
	ctx := context.Background()
	f.get(b)
	list, err := f.st.List(ctx, store.Filter{})
	if err != nil {
		b.Fatal(err)
	}
	id := list[len(list)/2].ID
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		r, err := f.st.Get(ctx, id)
		if err != nil {
			b.Fatal(err)
		}
		r.Title = strings.TrimSuffix(r.Title, "（修订）")
		if i%2 == 0 {
			r.Title += "（修订）"
		}
		if _, added, err := f.st.Put(ctx, r); err != nil || !added {
			b.Fatalf("new version: %v %v", added, err)
		}
		b.StartTimer()
		f.get(b)
	}
}

// BenchmarkDeskCold is the first look at the store: every figure
// computed (each iteration spoils the stored ones first).
func BenchmarkDeskCold(b *testing.B) {
	f := setup(b)
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		fs, err := f.st.Figures(ctx)
		if err != nil {
			b.Fatal(err)
		}
		for i := range fs {
			fs[i].Stamp, fs[i].Data = "stale", json.RawMessage(`{}`)
		}
		if err := f.st.PutFigures(ctx, fs); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		f.get(b)
	}
}

// TestDeskFixture builds a small store as the benchmarks do and checks
// the desk lays it out: units × years, every report in its cell, the
// year-on-year copies found.
func TestDeskFixture(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a store")
	}
	f := build(t, 6, 3)
	defer os.RemoveAll(f.dir)
	defer f.st.Close()
	defer f.app.Close()
	d, err := f.app.Desk(context.Background(), app.DeskQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Units) != 6 || len(d.Periods) != 3 || d.Shown != 18 {
		t.Fatalf("desk of %d units × %d periods, %d reports; want 6 × 3, 18", len(d.Units), len(d.Periods), d.Shown)
	}
	copied := 0
	for _, u := range d.Units {
		for _, c := range u.Cells {
			if len(c.Reports) != 1 {
				t.Errorf("%s: a cell of %d reports", u.Unit, len(c.Reports))
				continue
			}
			if c.Reports[0].Figures.PreviousShare > 0.3 {
				copied++
			}
		}
	}
	if copied == 0 {
		t.Error("no year-on-year copy found")
	}
	f.get(t)
}
