package rules_test

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"zongjie"
	"zongjie/check"
	"zongjie/check/rules"
	"zongjie/document"
	"zongjie/examples"
	"zongjie/extract"
	"zongjie/internal/shared"
	"zongjie/reader"
)

// benchSets are the texts the benchmarks run on: the seeds (street and
// town reports), the published corpus (State Council and provinces) and
// the project's examples (street and town reports of 7–11 KB, what a web
// request carries).
var benchSets = []struct {
	name string
	dirs []string // under ../shared; none for the examples
}{
	{"seeds", []string{"seeds"}},
	{"corpus", []string{"corpus/national", "corpus/province2026"}},
	{"examples", nil},
}

// input is one file's name and bytes, as a request or a file on disk
// brings them.
type input struct {
	name string
	data []byte
}

// loadSet returns the inputs of the benchmark set named name and their
// total size in bytes.
func loadSet(tb testing.TB, name string) ([]input, int64) {
	tb.Helper()
	var in []input
	var size int64
	for _, set := range benchSets {
		if set.name != name {
			continue
		}
		if set.dirs == nil {
			for _, e := range examples.All() {
				in = append(in, input{e.Name, e.Data})
				size += int64(len(e.Data))
			}
		}
		for _, sub := range set.dirs {
			for _, path := range shared.Files(tb, sub, ".txt") {
				data, err := os.ReadFile(path)
				if err != nil {
					tb.Fatal(err)
				}
				in = append(in, input{filepath.Base(path), data})
				size += int64(len(data))
			}
		}
	}
	if in == nil {
		tb.Fatalf("no benchmark set %q", name)
	}
	return in, size
}

// read decodes the inputs.
func read(tb testing.TB, in []input) []*document.File {
	tb.Helper()
	files := make([]*document.File, len(in))
	for i, x := range in {
		f, err := reader.Read(x.name, x.data)
		if err != nil {
			tb.Fatal(err)
		}
		files[i] = f
	}
	return files
}

// allOn is a configuration with every rule on, those off by default too.
func allOn() *check.Config {
	cfg := &check.Config{}
	for _, r := range rules.All() {
		cfg.Rules.Enable = append(cfg.Rules.Enable, r.ID)
	}
	return cfg
}

// benchConfigs are the configurations the check benchmarks run with: the
// defaults (what `zongjie check` and the web app run without a
// zongjie.toml) and every rule on.
var benchConfigs = []struct {
	name string
	cfg  func() *check.Config
}{
	{"default", func() *check.Config { return &check.Config{} }},
	{"all", allOn},
	// The defaults with TY008 on: what TY008 adds to a check
	// (RULES=ty008 bench/instructions.sh check against RULES=default).
	{"ty008", func() *check.Config {
		cfg := &check.Config{}
		cfg.Rules.Enable = []string{"TY008"}
		return cfg
	}},
}

// BenchmarkRules measures the rules alone, every rule on, on reports
// already extracted: what `zongjie check` adds to `zongjie extract`.
func BenchmarkRules(b *testing.B) {
	for _, set := range benchSets {
		b.Run(set.name, func(b *testing.B) {
			in, size := loadSet(b, set.name)
			files := read(b, in)
			reports := make([][]*zongjie.Report, len(files))
			for i, f := range files {
				reports[i] = extract.File(f)
			}
			all, cfg := rules.All(), allOn()
			b.SetBytes(size)
			b.ResetTimer()
			start := cpuTime()
			for range b.N {
				for i, f := range files {
					check.Run(f, reports[i], all, cfg)
				}
			}
			reportCPU(b, start, size)
		})
	}
}

// BenchmarkCheck measures a whole check of the bytes of a file, with the
// default rules and with every rule on: reading, extraction and rules,
// what `zongjie check` and POST /api/v1/check do with a file.
func BenchmarkCheck(b *testing.B) {
	for _, set := range benchSets {
		for _, c := range benchConfigs {
			b.Run(set.name+"/"+c.name, func(b *testing.B) {
				in, size := loadSet(b, set.name)
				all, cfg := rules.All(), c.cfg()
				b.SetBytes(size)
				b.ResetTimer()
				start := cpuTime()
				for range b.N {
					checkAll(b, in, all, cfg)
				}
				reportCPU(b, start, size)
			})
		}
	}
}

// reportCPU adds the throughput per second of processor time since start
// (cpu-MB/s): with GOMAXPROCS=1 it is the throughput of one core, which on
// a shared machine varies far less than the wall clock's MB/s.
func reportCPU(b *testing.B, start time.Duration, size int64) {
	if d := cpuTime() - start; d > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/1e6/d.Seconds(), "cpu-MB/s")
	}
}

// checkAll reads, extracts and checks every input once, extracting as
// `zongjie check` and the API do (no targets, no unit, names on demand).
func checkAll(tb testing.TB, in []input, all []*check.Rule, cfg *check.Config) {
	for _, x := range in {
		f, err := reader.Read(x.name, x.data)
		if err != nil {
			tb.Fatal(err)
		}
		check.Run(f, extract.FileWith(f, extract.Options{NoTargets: true, NoNames: true, NoUnit: true}), all, cfg)
	}
}

// TestWorkload checks one benchmark set a fixed number of times, for
// counting instructions under valgrind (bench/instructions.sh check): the
// benchmark loop does not run a fixed number of iterations, this does.
// ZONGJIE_WORKLOAD names the set (seeds, corpus or examples),
// ZONGJIE_WORKLOAD_RULES the configuration (default, all or ty008; default when
// unset) and ZONGJIE_WORKLOAD_RUNS the number of whole checks of the set
// (5 when unset; the script also runs it with 0, to subtract what the test
// costs besides: starting, loading the files). It runs only when
// ZONGJIE_WORKLOAD is set.
func TestWorkload(t *testing.T) {
	name := os.Getenv("ZONGJIE_WORKLOAD")
	if name == "" {
		t.Skip("set ZONGJIE_WORKLOAD to seeds, corpus or examples")
	}
	runs := 5
	if s := os.Getenv("ZONGJIE_WORKLOAD_RUNS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			t.Fatalf("ZONGJIE_WORKLOAD_RUNS=%q: not a count", s)
		}
		runs = n
	}
	rulesName := os.Getenv("ZONGJIE_WORKLOAD_RULES")
	if rulesName == "" {
		rulesName = "default"
	}
	var cfg *check.Config
	for _, c := range benchConfigs {
		if c.name == rulesName {
			cfg = c.cfg()
		}
	}
	if cfg == nil {
		t.Fatalf("ZONGJIE_WORKLOAD_RULES=%q: default, all or ty008", rulesName)
	}
	in, size := loadSet(t, name)
	all := rules.All()
	for range runs {
		checkAll(t, in, all, cfg)
	}
	t.Logf("bytes %d", int64(runs)*size)
}
