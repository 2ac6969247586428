package extract_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zongjie"
	"zongjie/examples"
	"zongjie/extract"
	"zongjie/internal/shared"
	"zongjie/reader"
)

// sample is one text whose reports are known: it extracts alone to them.
type sample struct {
	name, text string
}

// summary renders what a file's reports hold, to compare a report read
// alone with the same report read inside a file of several: title, then
// the counts of sections, figures and targets, then the kinds of the
// sections.
func summary(reports []*zongjie.Report) []string {
	var out []string
	for _, r := range reports {
		var kinds strings.Builder
		sections := 0
		zongjie.Walk(r.Outline, func(s *zongjie.Section) {
			sections++
			kinds.WriteString(string(s.Kind[0]))
		})
		out = append(out, strings.Join([]string{r.Title, itoa(sections), itoa(len(r.Quantities)), itoa(len(r.Targets)), kinds.String()}, "|"))
	}
	return out
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// Ensure a file holding several reports pasted together is split exactly
// where each begins, and each report comes out as it does alone (same
// title, sections and kinds, figures and targets): every plain-text example,
// the seeds with title lines (002 holds three reports, 004 one) and our own
// county report with its glossary, in several orders.
func TestSplitPastedReports(t *testing.T) {
	var samples []sample
	for _, e := range examples.All() {
		if strings.HasSuffix(e.Name, ".md") {
			continue // Markdown headings are not headings once pasted into a .txt
		}
		f, err := reader.Read(e.Name, e.Data)
		if err != nil {
			t.Fatal(err)
		}
		samples = append(samples, sample{e.Name, f.Text})
	}
	dir := shared.Dir(t, "seeds")
	for _, n := range []string{"002", "004"} {
		matches, _ := filepath.Glob(filepath.Join(dir, n+"_*.txt"))
		if len(matches) != 1 {
			t.Fatalf("seed %s: %v", n, matches)
		}
		data, err := os.ReadFile(matches[0])
		if err != nil {
			t.Fatal(err)
		}
		f, err := reader.Read(matches[0], data)
		if err != nil {
			t.Fatal(err)
		}
		samples = append(samples, sample{"seed " + n, f.Text})
	}
	samples = append(samples, sample{"county", countyReport})

	alone := map[string][]string{}
	for _, s := range samples {
		f, err := reader.Read("alone.txt", []byte(s.text))
		if err != nil {
			t.Fatal(err)
		}
		alone[s.name] = summary(extract.File(f))
	}
	if got := len(alone["seed 002"]); got != 3 {
		t.Fatalf("seed 002: %d reports, want 3", got)
	}
	orders := [][]sample{samples, reversed(samples)}
	for k, order := range orders {
		var text strings.Builder
		var want []string
		for _, s := range order {
			text.WriteString(strings.TrimRight(s.text, "\n"))
			text.WriteString("\n\n")
			want = append(want, alone[s.name]...)
		}
		f, err := reader.Read("pasted.txt", []byte(text.String()))
		if err != nil {
			t.Fatal(err)
		}
		got := summary(extract.File(f))
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("order %d: the pasted file's reports\n%s\nwant (each read alone)\n%s", k, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

func reversed(s []sample) []sample {
	out := make([]sample, len(s))
	for i, x := range s {
		out[len(s)-1-i] = x
	}
	return out
}
