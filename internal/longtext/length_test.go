package longtext_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"testing"
	"time"

	"zongjie"
	"zongjie/annotate"
	"zongjie/check"
	"zongjie/check/rules"
	"zongjie/corpus"
	"zongjie/document"
	"zongjie/examples"
	"zongjie/extract"
	"zongjie/gongwen"
	"zongjie/internal/longtext"
	"zongjie/output"
	"zongjie/reader"
	"zongjie/reuse"
)

// input is one long paragraph and what the earlier stages made of it.
type input struct {
	text    string
	data    []byte // as a .txt file
	file    *document.File
	reports []*zongjie.Report
	diags   []check.Diagnostic
	docx    []byte
	docFile *document.File
}

// allOn is a configuration with every rule on, those off by default too.
func allOn() *check.Config {
	cfg := &check.Config{}
	for _, r := range rules.All() {
		cfg.Rules.Enable = append(cfg.Rules.Enable, r.ID)
	}
	return cfg
}

// prepared caches the inputs: making one costs a whole extract and check.
var prepared = map[string]*input{}

func prepare(tb testing.TB, kind string, n int, docx bool) *input {
	tb.Helper()
	key := fmt.Sprint(kind, n, docx)
	if in, ok := prepared[key]; ok {
		return in
	}
	in := &input{text: longtext.Make(kind, n)}
	prepared[key] = in
	in.data = []byte(in.text)
	f, err := reader.Read("long.txt", in.data)
	if err != nil {
		tb.Fatal(err)
	}
	in.file = f
	in.reports = extract.File(f)
	in.diags = check.Run(f, in.reports, rules.All(), allOn())
	if docx {
		var buf bytes.Buffer
		if err := gongwen.WriteDOCX(&buf, &gongwen.Doc{Title: "长段落", Blocks: []gongwen.Block{{Text: in.text}}}); err != nil {
			tb.Fatal(err)
		}
		in.docx = buf.Bytes()
		if in.docFile, err = reader.Read("long.docx", in.docx); err != nil {
			tb.Fatal(err)
		}
	}
	return in
}

// other is a report of usual length for the long paragraph to be compared
// with.
var other = func() *reuse.Text {
	ex := examples.All()[0]
	f, err := reader.Read(ex.Name, ex.Data)
	if err != nil {
		panic(err)
	}
	return reuse.Normalize(f.Text)
}()

// stages are the steps of every command, each run on the products of the
// ones before it.
var stages = []struct {
	name string
	docx bool
	run  func(tb testing.TB, in *input)
}{
	{"read", false, func(tb testing.TB, in *input) {
		if _, err := reader.Read("long.txt", in.data); err != nil {
			tb.Fatal(err)
		}
	}},
	{"extract", false, func(tb testing.TB, in *input) { extract.File(in.file) }},
	{"check", false, func(tb testing.TB, in *input) { check.Run(in.file, in.reports, rules.All(), allOn()) }},
	{"fix", false, func(tb testing.TB, in *input) {
		if _, err := reader.Rewrite(in.file, in.data, check.Edits(in.file.Text, in.diags)); err != nil {
			tb.Fatal(err)
		}
	}},
	{"output", false, func(tb testing.TB, in *input) {
		res := output.CheckResult{Files: []output.CheckFile{{Path: "long.txt", Chars: in.file.Chars(), Diagnostics: in.diags, Lines: in.file.Line}}}
		if err := output.WriteCheckText(io.Discard, res, output.CheckTextOptions{}); err != nil {
			tb.Fatal(err)
		}
		if err := output.WriteSARIF(io.Discard, res, rules.All(), "1"); err != nil {
			tb.Fatal(err)
		}
		if err := output.WriteExtractText(io.Discard, in.reports, output.TextOptions{Enumerations: true}); err != nil {
			tb.Fatal(err)
		}
		if err := output.WriteJSON(io.Discard, in.reports); err != nil {
			tb.Fatal(err)
		}
		if err := output.WriteQuantitiesCSV(io.Discard, in.reports); err != nil {
			tb.Fatal(err)
		}
	}},
	{"annotate", true, func(tb testing.TB, in *input) {
		ds := check.Run(in.docFile, extract.File(in.docFile), rules.All(), allOn())
		if _, _, err := annotate.Docx(in.docx, in.docFile, ds, "zongjie"); err != nil {
			tb.Fatal(err)
		}
	}},
	{"reuse", false, func(tb testing.TB, in *input) {
		// What compare and similar do with a long paragraph: normalise
		// and fingerprint it, and align it with a report of usual length.
		t := reuse.Normalize(in.file.Text)
		t.Fingerprints()
		reuse.Compare(t, other, nil)
		reuse.Compare(other, t, nil)
	}},
	{"add", false, func(tb testing.TB, in *input) {
		if _, err := corpus.Prepare("long.txt", in.data, corpus.Options{Check: true}); err != nil {
			tb.Fatal(err)
		}
	}},
}

// lengths are the paragraph lengths of the benchmark, in characters.
var lengths = []int{100_000, 200_000, 400_000, 800_000}

// BenchmarkLength runs every stage on one paragraph of 100k to 800k
// characters of each kind; ns/char must stay flat across the lengths
// (linear time). go test ./internal/longtext -bench Length -run '^$'
func BenchmarkLength(b *testing.B) {
	for _, st := range stages {
		for _, kind := range longtext.Kinds {
			for _, n := range lengths {
				b.Run(fmt.Sprintf("%s/%s/%dk", st.name, kind, n/1000), func(b *testing.B) {
					in := prepare(b, kind, n, st.docx)
					b.ResetTimer()
					for b.Loop() {
						st.run(b, in)
					}
					b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/char")
				})
			}
		}
	}
}

// TestLinear holds every stage to linear time in paragraph length: the
// processor time per character on a paragraph eight times longer must not grow more
// than fourfold (a quadratic stage grows eightfold; noise on a shared
// machine stays well under fourfold, and the best of three runs is taken).
// ZONGJIE_LENGTH_REPORT=1 prints the table of ns/char the README quotes.
func TestLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("long paragraphs")
	}
	sizes := []int{25_000, 200_000}
	report := os.Getenv("ZONGJIE_LENGTH_REPORT") != ""
	if report {
		sizes = lengths
	}
	for _, st := range stages {
		for _, kind := range longtext.Kinds {
			var perChar []float64
			row := fmt.Sprintf("| %s | %s |", st.name, kind)
			for _, n := range sizes {
				in := prepare(t, kind, n, st.docx)
				best := time.Duration(1 << 62)
				for range 3 {
					runtime.GC()
					start := cpuTime()
					st.run(t, in)
					best = min(best, cpuTime()-start)
				}
				perChar = append(perChar, float64(best.Nanoseconds())/float64(n))
				row += fmt.Sprintf(" %.0f |", perChar[len(perChar)-1])
			}
			ratio := perChar[len(perChar)-1] / perChar[0]
			t.Logf("%s ×%.2f", row, ratio)
			if ratio > 4 && perChar[len(perChar)-1] > 20 {
				t.Errorf("%s on a %s paragraph is not linear: %.0f ns/char at %d characters, %.0f at %d (×%.1f)",
					st.name, kind, perChar[0], sizes[0], perChar[len(perChar)-1], sizes[len(sizes)-1], ratio)
			}
		}
	}
}

// TestStageProfile runs one stage on one paragraph, for a CPU profile:
// ZONGJIE_STAGE=extract ZONGJIE_KIND=nopunct ZONGJIE_CHARS=200000 go test
// ./internal/longtext -run StageProfile -cpuprofile cpu.out
func TestStageProfile(t *testing.T) {
	name, kind := os.Getenv("ZONGJIE_STAGE"), os.Getenv("ZONGJIE_KIND")
	if name == "" {
		t.Skip("set ZONGJIE_STAGE, ZONGJIE_KIND and ZONGJIE_CHARS")
	}
	n, _ := strconv.Atoi(os.Getenv("ZONGJIE_CHARS"))
	for _, st := range stages {
		if st.name == name {
			in := prepare(t, kind, n, st.docx)
			start := time.Now()
			st.run(t, in)
			t.Logf("%s %s %d: %v", name, kind, n, time.Since(start))
		}
	}
}
