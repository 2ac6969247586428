package rules_test

import (
	"os"
	"testing"

	"zongjie"
	"zongjie/check"
	"zongjie/check/rules"
	"zongjie/document"
	"zongjie/extract"
	"zongjie/internal/shared"
	"zongjie/reader"
)

// benchSets are the texts the benchmarks run on: the seeds (street and
// town reports) and the published corpus (State Council and provinces).
var benchSets = []struct {
	name string
	dirs []string
}{
	{"seeds", []string{"seeds"}},
	{"corpus", []string{"corpus/national", "corpus/province2026"}},
}

// load reads the .txt files of dirs under ../shared.
func load(tb testing.TB, dirs ...string) ([]*document.File, int64) {
	tb.Helper()
	var files []*document.File
	var size int64
	for _, sub := range dirs {
		for _, path := range shared.Files(tb, sub, ".txt") {
			f, err := reader.ReadFile(path)
			if err != nil {
				tb.Fatal(err)
			}
			files = append(files, f)
			size += int64(len(f.Text))
		}
	}
	return files, size
}

// allOn is a configuration with every rule on, those off by default too.
func allOn() *check.Config {
	cfg := &check.Config{}
	for _, r := range rules.All() {
		cfg.Rules.Enable = append(cfg.Rules.Enable, r.ID)
	}
	return cfg
}

// BenchmarkRules measures the rules alone, every rule on, on reports
// already extracted: what `zongjie check` adds to `zongjie extract`.
func BenchmarkRules(b *testing.B) {
	for _, set := range benchSets {
		b.Run(set.name, func(b *testing.B) {
			files, size := load(b, set.dirs...)
			reports := make([][]*zongjie.Report, len(files))
			for i, f := range files {
				reports[i] = extract.File(f)
			}
			all, cfg := rules.All(), allOn()
			b.SetBytes(size)
			b.ResetTimer()
			for range b.N {
				for i, f := range files {
					check.Run(f, reports[i], all, cfg)
				}
			}
		})
	}
}

// BenchmarkCheck measures a whole check of decoded text, every rule on:
// extraction and rules, what `zongjie check` does after reading a file.
func BenchmarkCheck(b *testing.B) {
	for _, set := range benchSets {
		b.Run(set.name, func(b *testing.B) {
			files, size := load(b, set.dirs...)
			all, cfg := rules.All(), allOn()
			b.SetBytes(size)
			b.ResetTimer()
			for range b.N {
				for _, f := range files {
					check.Run(f, extract.File(f), all, cfg)
				}
			}
		})
	}
}

// TestWorkload checks one benchmark set exactly five times, every rule on,
// for counting instructions under valgrind (bench/instructions.sh check):
// the benchmark loop does not run a fixed number of iterations, this does.
// It runs only when ZONGJIE_WORKLOAD names the set: seeds or corpus.
func TestWorkload(t *testing.T) {
	name := os.Getenv("ZONGJIE_WORKLOAD")
	for _, set := range benchSets {
		if set.name != name {
			continue
		}
		files, size := load(t, set.dirs...)
		all, cfg := rules.All(), allOn()
		for range 5 {
			for _, f := range files {
				check.Run(f, extract.File(f), all, cfg)
			}
		}
		t.Logf("bytes %d", 5*size)
		return
	}
	t.Skip("set ZONGJIE_WORKLOAD to seeds or corpus")
}
