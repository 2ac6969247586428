// Package eval measures zongjie on text that was not looked at while it was
// built: the held-out files of ../shared/corpus (national/2016.txt and
// 2017.txt, and eight provinces of province2026), with expected results
// written by reading them (testdata/*.tsv), errors injected into their clean
// text by a seeded harness, a suite of numbers written in words, and county
// reports written for this evaluation (testdata/county).
//
// Nothing here tunes anything: the package only runs the pipeline the way
// the command does (reader, extract, check, track) and compares. TestHeldOut
// computes every figure and holds each to a floor (testdata/floors.tsv) so
// that regressions are caught; `make eval` prints the table. README.md in
// this directory says how the expectations were made and matched.
package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"zongjie"
	"zongjie/check"
	"zongjie/check/rules"
	"zongjie/document"
	"zongjie/extract"
	"zongjie/reader"
)

// HeldOut lists the held-out files, relative to ../shared/corpus.
var HeldOut = []string{
	"national/2016.txt",
	"national/2017.txt",
	"province2026/内蒙古自治区.txt",
	"province2026/天津市.txt",
	"province2026/山西省.txt",
	"province2026/江苏省.txt",
	"province2026/浙江省.txt",
	"province2026/甘肃省.txt",
	"province2026/辽宁省.txt",
	"province2026/黑龙江省.txt",
}

// Doc is a file read and extracted as the command does it.
type Doc struct {
	Name    string // as the expectations name it: national/2016.txt
	File    *document.File
	Reports []*zongjie.Report
	views   []map[string]any
}

// Load reads and extracts the file at path, naming it name.
func Load(name, path string) (*Doc, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(name, data)
}

// Parse reads and extracts data as a file called name.
func Parse(name string, data []byte) (*Doc, error) {
	f, err := reader.Read(name, data)
	if err != nil {
		return nil, err
	}
	return &Doc{Name: name, File: f, Reports: extract.File(f)}, nil
}

// Check runs every default rule over the document.
func (d *Doc) Check() []check.Diagnostic {
	return check.Run(d.File, d.Reports, rules.All(), nil)
}

// View returns report i as its JSON contract, a map: fields added to the
// contract after this package was written (meta.parent,
// meta.period_source) are read from here, so that the evaluation compiles
// whatever the struct holds today.
func (d *Doc) View(i int) map[string]any {
	if d.views == nil {
		for _, r := range d.Reports {
			var m map[string]any
			b, err := json.Marshal(r)
			if err == nil {
				err = json.Unmarshal(b, &m)
			}
			if err != nil {
				m = map[string]any{}
			}
			d.views = append(d.views, m)
		}
	}
	if i < 0 || i >= len(d.views) {
		return map[string]any{}
	}
	return d.views[i]
}

// field returns the string at a dotted path of a JSON view ("meta.unit");
// a term ({year, period}) is given as "2025FY"; absent is "".
func field(v map[string]any, path string) string {
	var cur any = v
	for _, k := range strings.Split(path, ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return ""
		}
		cur = m[k]
	}
	switch x := cur.(type) {
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case map[string]any:
		y, _ := x["year"].(float64)
		p, _ := x["period"].(string)
		if y == 0 && p == "" {
			return ""
		}
		return fmt.Sprintf("%d%s", int(y), p)
	}
	return ""
}

// row is one line of a testdata .tsv file.
type row struct {
	f    []string
	line int
}

// get returns field i, or "" when the line is shorter.
func (r row) get(i int) string {
	if i < len(r.f) {
		return r.f[i]
	}
	return ""
}

// readTSV reads a tab-separated file, skipping blank lines and # comments.
func readTSV(path string) ([]row, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	var out []row
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, row{strings.Split(line, "\t"), n})
	}
	return out, sc.Err()
}

// Corpus holds the held-out documents, loaded once.
type Corpus struct {
	Dir  string // ../shared/corpus
	Docs map[string]*Doc
}

// LoadCorpus loads every held-out file from dir (../shared/corpus) and the
// extra files named (2015.txt, for the 2015→2016 pair).
func LoadCorpus(dir string, extra ...string) (*Corpus, error) {
	c := &Corpus{Dir: dir, Docs: map[string]*Doc{}}
	for _, name := range append(append([]string{}, HeldOut...), extra...) {
		d, err := Load(name, filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			return nil, err
		}
		c.Docs[name] = d
	}
	return c, nil
}

// Figure is one measured number of the table.
type Figure struct {
	Name  string
	Value float64
	Num   int // the count behind a ratio, when it is one
	Den   int
	Note  string
	// Lower is set for figures where less is better (false findings).
	Lower bool
}

// String renders the value as the table shows it.
func (f Figure) String() string {
	if f.Den > 0 {
		return fmt.Sprintf("%.2f (%d/%d)", f.Value, f.Num, f.Den)
	}
	return strconv.FormatFloat(f.Value, 'f', 2, 64)
}

func ratio(name string, num, den int, note string) Figure {
	v := 0.0
	if den > 0 {
		v = float64(num) / float64(den)
	}
	return Figure{Name: name, Value: v, Num: num, Den: den, Note: note}
}

// approxEqual compares two values to 1e-6 of their size.
func approxEqual(a, b float64) bool {
	return math.Abs(a-b) <= 1e-6*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

// Table renders the figures as a Markdown table.
func Table(figs []Figure) string {
	var sb strings.Builder
	sb.WriteString("| figure | value | note |\n|---|---|---|\n")
	for _, f := range figs {
		fmt.Fprintf(&sb, "| %s | %s | %s |\n", f.Name, f, f.Note)
	}
	return sb.String()
}
