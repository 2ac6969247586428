package rules_test

import (
	"testing"

	"zongjie"
	"zongjie/check"
	"zongjie/check/rules"
	"zongjie/document"
	"zongjie/extract"
	"zongjie/internal/shared"
	"zongjie/reader"
)

// corpus reads the published reports once.
func corpus(b *testing.B) ([]*document.File, int64) {
	b.Helper()
	var files []*document.File
	var size int64
	for _, sub := range []string{"corpus/national", "corpus/province2026", "seeds"} {
		for _, path := range shared.Files(b, sub, ".txt") {
			f, err := reader.ReadFile(path)
			if err != nil {
				b.Fatal(err)
			}
			files = append(files, f)
			size += int64(len(f.Text))
		}
	}
	return files, size
}

// BenchmarkRules measures the rules alone, on reports already extracted:
// what `zongjie check` adds to `zongjie extract`.
func BenchmarkRules(b *testing.B) {
	files, size := corpus(b)
	reports := make([][]*zongjie.Report, len(files))
	for i, f := range files {
		reports[i] = extract.File(f)
	}
	all := rules.All()
	cfg := &check.Config{}
	b.SetBytes(size)
	b.ResetTimer()
	for range b.N {
		for i, f := range files {
			check.Run(f, reports[i], all, cfg)
		}
	}
}

// BenchmarkCheck measures a whole check: extraction and rules.
func BenchmarkCheck(b *testing.B) {
	files, size := corpus(b)
	all := rules.All()
	cfg := &check.Config{}
	b.SetBytes(size)
	b.ResetTimer()
	for range b.N {
		for _, f := range files {
			check.Run(f, extract.File(f), all, cfg)
		}
	}
}
