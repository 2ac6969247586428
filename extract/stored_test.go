package extract_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zongjie"
	"zongjie/document"
	"zongjie/examples"
	"zongjie/extract"
	"zongjie/internal/shared"
	"zongjie/reader"
)

// Ensure a report restored from its stored extraction over its own text
// is the report extracted from the file, every span moved to the text:
// the seeds (002 holds three reports) and the examples (Markdown
// included).
func TestStored(t *testing.T) {
	files := exampleAndSeedFiles(t)
	// Reports with asides: alone, and second in a file.
	files["county.txt"] = []byte(countyReport)
	first, err := reader.Read("first.txt", examples.All()[1].Data)
	if err != nil {
		t.Fatal(err)
	}
	files["pasted.txt"] = []byte(first.Text + "\n" + countyReport)
	n, asides := 0, 0
	for name, data := range files {
		f, err := reader.Read(name, data)
		if err != nil {
			t.Fatal(err)
		}
		for k, r := range extract.File(f) {
			n++
			data, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			// The store keeps the report's text; it is read again as a
			// .txt, or a .md for Markdown.
			stored := "report.txt"
			if strings.HasSuffix(name, ".md") {
				stored = "report.md"
			}
			g, err := reader.Read(stored, []byte(f.Slice(r.Span)))
			if err != nil {
				t.Fatal(err)
			}
			asides += len(r.Asides)
			got, err := extract.Stored(g, data)
			if err != nil {
				t.Errorf("%s #%d: %v", name, k, err)
				continue
			}
			checkStored(t, name+" #"+string(rune('0'+k)), f, r, g, got)
		}
	}
	if n < 10 || asides < 4 {
		t.Errorf("only %d reports, %d asides", n, asides)
	}
}

// checkStored compares a restored report with the extracted one: the same
// data, every span the same text at the same place of the report.
func checkStored(t *testing.T, what string, f *document.File, want *zongjie.Report, g *document.File, got *zongjie.Report) {
	t.Helper()
	shift, lines, chars := want.Span.Start, want.Line-1, want.Offset
	span := func(name string, w, h document.Span) {
		t.Helper()
		if w.Start-shift != h.Start || w.End-shift != h.End {
			t.Errorf("%s: %s %v, want %v (%q, want %q)", what, name, h, document.Span{Start: w.Start - shift, End: w.End - shift},
				g.Text[max(0, min(h.Start, len(g.Text))):max(0, min(h.End, len(g.Text)))], f.Slice(w))
		}
	}
	span("report", want.Span, got.Span)
	span("title", want.TitleSpan, got.TitleSpan)
	if got.Line != 1 || got.Offset != 0 || got.EndLine != want.EndLine-lines || got.Title != want.Title || got.Meta.Unit != want.Meta.Unit {
		t.Errorf("%s: line %d offset %d end %d title %q unit %q", what, got.Line, got.Offset, got.EndLine, got.Title, got.Meta.Unit)
	}
	var ws, gs []*zongjie.Section
	zongjie.Walk(want.Outline, func(s *zongjie.Section) { ws = append(ws, s) })
	zongjie.Walk(got.Outline, func(s *zongjie.Section) { gs = append(gs, s) })
	if len(ws) != len(gs) {
		t.Fatalf("%s: %d sections, want %d", what, len(gs), len(ws))
	}
	for i, w := range ws {
		h := gs[i]
		span("heading "+w.Title, w.Span, h.Span)
		span("body of "+w.Title, w.Body, h.Body)
		if w.MarkerSpan.Len() == len(w.Marker) {
			span("marker of "+w.Title, w.MarkerSpan, h.MarkerSpan)
		}
		if g.Slice(g.Paragraphs[h.Para].Span) != f.Slice(f.Paragraphs[w.Para].Span) {
			t.Errorf("%s: %s in paragraph %d", what, w.Title, h.Para)
		}
		if h.Line != w.Line-lines || h.Offset != w.Offset-chars || h.Column != w.Column || h.Kind != w.Kind {
			t.Errorf("%s: %s at %d:%d+%d %s", what, w.Title, h.Line, h.Column, h.Offset, h.Kind)
		}
	}
	if len(got.Quantities) != len(want.Quantities) || len(got.Targets) != len(want.Targets) {
		t.Fatalf("%s: %d quantities %d targets, want %d %d", what, len(got.Quantities), len(got.Targets), len(want.Quantities), len(want.Targets))
	}
	for i, w := range want.Quantities {
		h := got.Quantities[i]
		span("figure "+w.Text, w.Span, h.Span)
		if w.Growth != nil {
			span("growth "+w.Growth.Text, w.Growth.Span, h.Growth.Span)
		}
		if h.Line != w.Line-lines || h.Offset != w.Offset-chars || h.Name != w.Name {
			t.Errorf("%s: %s at line %d", what, w.Text, h.Line)
		}
	}
	if len(got.Asides) != len(want.Asides) {
		t.Fatalf("%s: %d asides, want %d", what, len(got.Asides), len(want.Asides))
	}
	for i, w := range want.Asides {
		h := got.Asides[i]
		span("aside "+string(w.Kind), w.Span, h.Span)
		if h.Line != w.Line-lines || h.EndLine != w.EndLine-lines || h.Offset != w.Offset-chars || h.Kind != w.Kind || h.Title != w.Title {
			t.Errorf("%s: aside %s at lines %d–%d", what, w.Kind, h.Line, h.EndLine)
		}
	}
	for i, w := range want.Targets {
		h := got.Targets[i]
		span("target "+w.Text, w.Span, h.Span)
		span("figure of "+w.Text, w.FigureSpan, h.FigureSpan)
		if h.Line != w.Line-lines || h.Offset != w.Offset-chars || h.Year != w.Year {
			t.Errorf("%s: %s at line %d", what, w.Text, h.Line)
		}
	}
}

// Ensure an extraction that is not of the text is refused: another
// report's, a damaged record.
func TestStoredMismatch(t *testing.T) {
	a := examples.All()[0]
	f, err := reader.Read(a.Name, a.Data)
	if err != nil {
		t.Fatal(err)
	}
	r := extract.File(f)[0]
	data, _ := json.Marshal(r)
	other, err := reader.Read("b.txt", []byte("青禾街道2024年工作总结\n一、主要工作\n新增就业1200人。\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := extract.Stored(other, data); err == nil {
		t.Error("another text: no error")
	}
	if _, err := extract.Stored(f, []byte(`{"offset": 0, "length": 3`)); err == nil {
		t.Error("damaged JSON: no error")
	}
	// A heading past the end of the text.
	var m map[string]any
	json.Unmarshal(data, &m)
	m["outline"] = []map[string]any{{"offset": r.Length + 5, "length": 2, "body_offset": 0, "body_length": 1}}
	bad, _ := json.Marshal(m)
	if _, err := extract.Stored(f, bad); err == nil {
		t.Error("a heading outside the text: no error")
	}
	if got, err := extract.Stored(f, data); err != nil || got.Title != r.Title {
		t.Errorf("the right text: %v", err)
	}
}

// BenchmarkStored reads a report's stored extraction back, as the report
// page does on every view: the report in ZONGJIE_BENCH_REPORT (such as
// the one bench/page/gen writes), or the example qinghe-2024.txt.
func BenchmarkStored(b *testing.B) {
	path := os.Getenv("ZONGJIE_BENCH_REPORT")
	if path == "" {
		path = "../examples/qinghe-2024.txt"
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	f, err := reader.Read("report.txt", data)
	if err != nil {
		b.Fatal(err)
	}
	stored, err := json.Marshal(extract.File(f)[0])
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := extract.Stored(f, stored); err != nil {
			b.Fatal(err)
		}
	}
}

// exampleAndSeedFiles returns the project's examples and the seed .txt
// files by base name.
func exampleAndSeedFiles(t *testing.T) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	for _, e := range examples.All() {
		files[e.Name] = e.Data
	}
	for _, p := range shared.Files(t, "seeds", ".txt") {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files[filepath.Base(p)] = data
	}
	return files
}
