package typo

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"zongjie/check"
	"zongjie/document"
	"zongjie/internal/shared"
	"zongjie/reader"
)

// loadCorpus reads every file of ../shared/corpus and returns them with
// their total size in bytes.
func loadCorpus(b *testing.B) ([]*document.File, int64) {
	b.Helper()
	dir := shared.Dir(b, "corpus")
	paths, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	var files []*document.File
	var total int64
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		f, err := reader.Read(path, data)
		if err != nil {
			b.Fatal(err)
		}
		files, total = append(files, f), total+int64(len(data))
	}
	return files, total
}

// runSequential runs rules one after the other over f on the calling
// goroutine, as check.Run would run each of them.
func runSequential(f *document.File, rules []*check.Rule) {
	cfg := &check.Config{}
	for _, r := range rules {
		r.Run(&check.Pass{File: f, Config: cfg, Rule: r})
	}
}

// BenchmarkCategory measures the whole typo category over the corpus, per
// input byte, on one goroutine ("all"), and each rule alone. The rules
// read only the text, so no analysis is run.
func BenchmarkCategory(b *testing.B) {
	files, total := loadCorpus(b)
	if _, err := loadLexicon(); err != nil { // parsed once per process, not per text
		b.Fatal(err)
	}
	bench := func(name string, rules []*check.Rule) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(total)
			b.ReportAllocs()
			for b.Loop() {
				for _, f := range files {
					runSequential(f, rules)
				}
			}
		})
	}
	bench("all", Rules)
	for _, r := range Rules {
		bench(r.ID, []*check.Rule{r})
	}
}

// BenchmarkRun measures the category as the checker runs it: check.Run,
// one goroutine per rule.
func BenchmarkRun(b *testing.B) {
	files, total := loadCorpus(b)
	if _, err := loadLexicon(); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range files {
			check.Run(f, nil, Rules, nil)
		}
	}
}

// BenchmarkConfigDict measures building TY001's dictionary with a
// project's pairs, done once per file when the configuration has typos.
func BenchmarkConfigDict(b *testing.B) {
	cfg := &check.Config{Typos: map[string]string{"青禾街办": "青禾街道"}}
	for b.Loop() {
		pairDictFor(cfg)
	}
}

// BenchmarkLoadLexicon measures parsing the embedded lexicon, done once
// per process on first use.
func BenchmarkLoadLexicon(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseLexicon(lexiconData); err != nil {
			b.Fatal(err)
		}
	}
}

// TestNonWordWorkload runs TY008's detection over the corpus
// ZONGJIE_TY008_RUNS times after loading the lexicon (ZONGJIE_TY008_LOAD=0
// leaves the load out): run it under callgrind with 0 and with n runs to
// count what a pass costs, and with 0 runs against
// ZONGJIE_TY008_LOAD=0 to count the load (bench/ty008-instructions.sh).
func TestNonWordWorkload(t *testing.T) {
	s := os.Getenv("ZONGJIE_TY008_RUNS")
	if s == "" {
		t.Skip("set ZONGJIE_TY008_RUNS")
	}
	runs, err := strconv.Atoi(s)
	if err != nil || runs < 0 {
		t.Fatalf("ZONGJIE_TY008_RUNS=%q: not a count", s)
	}
	dir := shared.Dir(t, "corpus")
	paths, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	var texts []string
	size := 0
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		texts, size = append(texts, string(data)), size+len(data)
	}
	if os.Getenv("ZONGJIE_TY008_LOAD") == "0" {
		return
	}
	l, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for range runs {
		for _, text := range texts {
			l.findings(text, func(suspect) { n++ })
		}
	}
	t.Logf("bytes %d findings %d", runs*size, n)
}
