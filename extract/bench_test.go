package extract_test

import (
	"os"
	"path/filepath"
	"testing"

	"zongjie/extract"
	"zongjie/internal/shared"
	"zongjie/reader"
)

// loadFiles reads every file matching pattern under ../shared/sub.
func loadFiles(b *testing.B, sub, pattern string) (names []string, data [][]byte, total int64) {
	b.Helper()
	dir := shared.Dir(b, sub)
	matches, err := filepath.Glob(filepath.Join(dir, pattern))
	if err != nil || len(matches) == 0 {
		b.Fatalf("no files for %s/%s", sub, pattern)
	}
	for _, m := range matches {
		d, err := os.ReadFile(m)
		if err != nil {
			b.Fatal(err)
		}
		names, data, total = append(names, m), append(data, d), total+int64(len(d))
	}
	return names, data, total
}

// benchmarkExtract measures reading (decoding, paragraphs) plus every
// analyzer, per input byte, on one core.
func benchmarkExtract(b *testing.B, sub, pattern string) {
	names, data, total := loadFiles(b, sub, pattern)
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i, d := range data {
			f, err := reader.Read(names[i], d)
			if err != nil {
				b.Fatal(err)
			}
			extract.File(f)
		}
	}
}

func BenchmarkExtractSeeds(b *testing.B)    { benchmarkExtract(b, "seeds", "*.txt") }
func BenchmarkExtractNational(b *testing.B) { benchmarkExtract(b, "corpus/national", "*.txt") }
func BenchmarkExtractProvince(b *testing.B) { benchmarkExtract(b, "corpus/province2026", "*.txt") }

// TestWorkload processes one file set exactly five times, for counting
// instructions under valgrind (bench/instructions.sh): the benchmark loop
// does not run a fixed number of iterations, this does. It runs only when
// ZONGJIE_WORKLOAD names the set: seeds, national or province.
func TestWorkload(t *testing.T) {
	sets := map[string][2]string{
		"seeds": {"seeds", "*.txt"}, "national": {"corpus/national", "*.txt"}, "province": {"corpus/province2026", "*.txt"},
	}
	set, ok := sets[os.Getenv("ZONGJIE_WORKLOAD")]
	if !ok {
		t.Skip("set ZONGJIE_WORKLOAD to seeds, national or province")
	}
	dir := shared.Dir(t, set[0])
	matches, _ := filepath.Glob(filepath.Join(dir, set[1]))
	var data [][]byte
	total := 0
	for _, m := range matches {
		d, err := os.ReadFile(m)
		if err != nil {
			t.Fatal(err)
		}
		data, total = append(data, d), total+len(d)
	}
	for range 5 {
		for i, d := range data {
			f, err := reader.Read(matches[i], d)
			if err != nil {
				t.Fatal(err)
			}
			extract.File(f)
		}
	}
	t.Logf("bytes %d", 5*total)
}
