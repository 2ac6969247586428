package extract_test

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"zongjie/examples"
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

// BenchmarkExtractExamples measures the project's example reports (street
// and town reports of 7–11 KB, what a web request carries).
func BenchmarkExtractExamples(b *testing.B) {
	all := examples.All()
	var total int64
	for _, e := range all {
		total += int64(len(e.Data))
	}
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for _, e := range all {
			f, err := reader.Read(e.Name, e.Data)
			if err != nil {
				b.Fatal(err)
			}
			extract.File(f)
		}
	}
}

// TestWorkload processes one file set a fixed number of times, for
// counting instructions under valgrind (bench/instructions.sh): the
// benchmark loop does not run a fixed number of iterations, this does.
// ZONGJIE_WORKLOAD names the set (seeds, national, province or examples)
// and ZONGJIE_WORKLOAD_RUNS the number of runs over it, each reading and
// extracting every file (5 when unset; the script also runs it with 0, to
// subtract what the test costs besides: starting, loading the files). It
// runs only when ZONGJIE_WORKLOAD is set.
func TestWorkload(t *testing.T) {
	name := os.Getenv("ZONGJIE_WORKLOAD")
	if name == "" {
		t.Skip("set ZONGJIE_WORKLOAD to seeds, national, province or examples")
	}
	runs := 5
	if s := os.Getenv("ZONGJIE_WORKLOAD_RUNS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			t.Fatalf("ZONGJIE_WORKLOAD_RUNS=%q: not a count", s)
		}
		runs = n
	}
	var names []string
	var data [][]byte
	total := 0
	if name == "examples" {
		for _, e := range examples.All() {
			names, data, total = append(names, e.Name), append(data, e.Data), total+len(e.Data)
		}
	} else {
		sets := map[string]string{"seeds": "seeds", "national": "corpus/national", "province": "corpus/province2026"}
		sub, ok := sets[name]
		if !ok {
			t.Fatalf("ZONGJIE_WORKLOAD=%q: seeds, national, province or examples", name)
		}
		matches, _ := filepath.Glob(filepath.Join(shared.Dir(t, sub), "*.txt"))
		for _, m := range matches {
			d, err := os.ReadFile(m)
			if err != nil {
				t.Fatal(err)
			}
			names, data, total = append(names, m), append(data, d), total+len(d)
		}
	}
	for range runs {
		for i, d := range data {
			f, err := reader.Read(names[i], d)
			if err != nil {
				t.Fatal(err)
			}
			extract.File(f)
		}
	}
	t.Logf("bytes %d", runs*total)
}
