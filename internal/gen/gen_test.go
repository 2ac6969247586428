package gen_test

import (
	"reflect"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"zongjie/internal/gen"
	"zongjie/internal/shared"
)

var (
	poolOnce sync.Once
	pool     []string
	poolErr  error
)

// sentences returns the real sentences of ../shared, read once; the test
// is skipped without them (failed if ZONGJIE_REQUIRE_SHARED is set).
func sentences(t testing.TB) []string {
	t.Helper()
	dir := shared.Dir(t, "")
	poolOnce.Do(func() { pool, poolErr = gen.LoadSentences(dir) })
	if poolErr != nil {
		t.Fatal(poolErr)
	}
	return pool
}

var (
	corpusOnce sync.Once
	corpus     *gen.Corpus
)

// testCorpus returns a corpus of 600 reports with the default mix, made
// once.
func testCorpus(t *testing.T) *gen.Corpus {
	t.Helper()
	s := sentences(t)
	corpusOnce.Do(func() {
		c, err := gen.Generate(s, gen.Config{N: 600, Seed: 7})
		if err != nil {
			t.Fatal(err)
		}
		corpus = c
	})
	if corpus == nil {
		t.Fatal("no corpus")
	}
	return corpus
}

func TestLoadSentences(t *testing.T) {
	s := sentences(t)
	if len(s) < 5000 {
		t.Errorf("%d sentences, want thousands", len(s))
	}
	seen := make(map[string]bool)
	for _, x := range s {
		if seen[x] {
			t.Errorf("duplicate %q", x)
		}
		seen[x] = true
		if n := utf8.RuneCountInString(x); n < gen.MinSentenceChars {
			t.Errorf("%q: %d characters", x, n)
		}
		if strings.ContainsAny(x, "\n\r") {
			t.Errorf("%q spans lines", x)
		}
	}
}

func TestLoadSentencesMissing(t *testing.T) {
	if _, err := gen.LoadSentences(t.TempDir()); err == nil {
		t.Error("no error for a directory without the sources")
	}
}

func TestGenerateDeterministic(t *testing.T) {
	s := sentences(t)
	cfg := gen.Config{N: 250, Seed: 42, MeanChars: 3000}
	a, err := gen.Generate(s, cfg)
	if err != nil {
		t.Fatal(err)
	}
	// The same on one processor: the result must not depend on how the
	// work is scheduled.
	procs := runtime.GOMAXPROCS(1)
	b, err := gen.Generate(s, cfg)
	runtime.GOMAXPROCS(procs)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a.Truth, b.Truth) {
		t.Error("same seed, different truth")
	}
	if len(a.Reports) != len(b.Reports) {
		t.Fatalf("same seed, %d and %d reports", len(a.Reports), len(b.Reports))
	}
	for i, r := range a.Reports {
		q := b.Reports[i]
		if r.ID != q.ID || r.Unit != q.Unit || r.Text() != q.Text() || r.Made != q.Made || r.Prev != q.Prev {
			t.Fatalf("same seed, report %d differs: %s %s", i, r.ID, q.ID)
		}
	}
	cfg.Seed = 43
	c, err := gen.Generate(s, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if c.Reports[0].Text() == a.Reports[0].Text() {
		t.Error("different seeds, same first report")
	}
}

func TestReports(t *testing.T) {
	c := testCorpus(t)
	if len(c.Reports) != 600 {
		t.Fatalf("%d reports, want 600", len(c.Reports))
	}
	if !slices.IsSortedFunc(c.Reports, func(a, b *gen.Report) int { return strings.Compare(a.ID, b.ID) }) {
		t.Error("reports not sorted by ID")
	}
	unitOf := make(map[string]string) // unit name → ID prefix
	total := 0
	for _, r := range c.Reports {
		if c.Report(r.ID) != r {
			t.Errorf("Report(%q) does not find it", r.ID)
		}
		text := r.Text()
		total += r.Chars
		if n := utf8.RuneCountInString(text); n != r.Chars {
			t.Errorf("%s: Chars %d, text has %d", r.ID, r.Chars, n)
		}
		if !strings.HasSuffix(text, "\n") || strings.Contains(text, "\r") || strings.Contains(text, "\n\n") {
			t.Errorf("%s: lines not ended by single LFs", r.ID)
		}
		title, _, _ := strings.Cut(text, "\n")
		if !strings.HasPrefix(title, r.Unit+strconv.Itoa(r.Year)+"年工作总结") || !strings.Contains(title, strconv.Itoa(r.Year+1)+"年工作") {
			t.Errorf("%s: title %q", r.ID, title)
		}
		if !strings.Contains(text, "\n一、") || !strings.Contains(text, "\n二、") || !strings.Contains(text, "\n三、") || !strings.Contains(text, "\n（一）") {
			t.Errorf("%s: headings missing", r.ID)
		}
		if r.Chars < 1500 || r.Chars > 25000 {
			t.Errorf("%s: %d characters", r.ID, r.Chars)
		}
		prefix, _, _ := strings.Cut(r.ID, "-")
		if p, ok := unitOf[r.Unit]; ok && p != prefix {
			t.Errorf("unit %s has IDs %s and %s", r.Unit, p, prefix)
		}
		unitOf[r.Unit] = prefix
		if !strings.HasSuffix(r.Unit, "街道") && !strings.HasSuffix(r.Unit, "镇") && !strings.HasSuffix(r.Unit, "乡") {
			t.Errorf("unit name %q", r.Unit)
		}
	}
	if len(unitOf) != c.Units {
		t.Errorf("%d unit names for %d units", len(unitOf), c.Units)
	}
	if len(unitOf) >= len(c.Reports) {
		t.Errorf("%d units for %d reports: want several reports per unit", len(unitOf), len(c.Reports))
	}
	mean := float64(total) / float64(len(c.Reports))
	if mean < 0.9*gen.DefaultMeanChars || mean > 1.1*gen.DefaultMeanChars {
		t.Errorf("mean length %.0f, want about %d", mean, gen.DefaultMeanChars)
	}
}

func TestMeanChars(t *testing.T) {
	c, err := gen.Generate(sentences(t), gen.Config{N: 200, Seed: 3, MeanChars: 3000})
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, r := range c.Reports {
		total += r.Chars
	}
	if mean := float64(total) / 200; mean < 2700 || mean > 3300 {
		t.Errorf("mean length %.0f, want about 3000", mean)
	}
}

func TestEveryKind(t *testing.T) {
	c := testCorpus(t)
	kinds := make(map[string]int)
	for _, p := range c.Truth {
		kinds[p.Kind]++
	}
	for _, k := range []string{gen.KindYearOnYear, gen.KindTemplate, gen.KindSplice} {
		if kinds[k] == 0 {
			t.Errorf("no %s passage", k)
		}
	}
	made := make(map[string]int)
	clean, spliced := 0, 0
	for _, r := range c.Reports {
		made[r.Made]++
		if r.Clean {
			clean++
		}
		if len(r.Donors) > 0 {
			spliced++
		}
	}
	for _, k := range []string{gen.KindFresh, gen.KindYearOnYear, gen.KindTemplate} {
		if made[k] == 0 {
			t.Errorf("no report made %s", k)
		}
	}
	if spliced == 0 || clean == 0 {
		t.Errorf("%d reports with splices, %d clean", spliced, clean)
	}
	if c.Families == 0 {
		t.Error("no template family")
	}
	t.Logf("passages %v; reports made %v, %d spliced into, %d clean, %d units, %d families", kinds, made, spliced, clean, c.Units, c.Families)
}

// normalize folds what copying edits: digits and placeholder characters
// become one 0 per run (punctuation inside a run does not end it),
// punctuation, symbols and whitespace go.
func normalize(s string) string {
	var b strings.Builder
	inNum := false
	for _, r := range s {
		switch {
		case unicode.IsDigit(r) || strings.ContainsRune("xX*＊×ｘ", r):
			if !inNum {
				b.WriteByte('0')
				inNum = true
			}
		case unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsSpace(r):
		default:
			b.WriteRune(r)
			inNum = false
		}
	}
	return b.String()
}

// stripInserted removes the clauses year-on-year copies may gain (from
// the text before normalize: the clause may stand between two numbers).
func stripInserted(s string) string {
	for _, c := range gen.InsertedClauses() {
		s = strings.ReplaceAll(s, c, "")
	}
	return s
}

func span(text []rune, off, n int) string { return string(text[off : off+n]) }

func TestTruthSpans(t *testing.T) {
	c := testCorpus(t)
	texts := make(map[string][]rune)
	get := func(id string) []rune {
		if texts[id] == nil {
			r := c.Report(id)
			if r == nil {
				t.Fatalf("no report %q", id)
			}
			texts[id] = []rune(r.Text())
		}
		return texts[id]
	}
	if !sort.SliceIsSorted(c.Truth, func(i, j int) bool {
		p, q := c.Truth[i], c.Truth[j]
		if p.A != q.A {
			return p.A < q.A
		}
		if p.B != q.B {
			return p.B < q.B
		}
		if p.AOffset != q.AOffset {
			return p.AOffset < q.AOffset
		}
		return p.BOffset < q.BOffset
	}) {
		t.Error("truth not sorted")
	}
	edited, identical := 0, 0
	for i, p := range c.Truth {
		if p.A >= p.B {
			t.Fatalf("passage %d: A %s ≥ B %s", i, p.A, p.B)
		}
		a, b := get(p.A), get(p.B)
		if p.AOffset < 0 || p.ALength <= 0 || p.AOffset+p.ALength > len(a) || p.BOffset < 0 || p.BLength <= 0 || p.BOffset+p.BLength > len(b) {
			t.Fatalf("passage %d out of range: %+v (%d, %d characters)", i, p, len(a), len(b))
		}
		sa, sb := span(a, p.AOffset, p.ALength), span(b, p.BOffset, p.BLength)
		if a[p.AOffset] != b[p.BOffset] || a[p.AOffset+p.ALength-1] != b[p.BOffset+p.BLength-1] {
			t.Errorf("passage %d does not start and end on copied characters: %+v\nA %q\nB %q", i, p, sa, sb)
		}
		na, nb := normalize(sa), normalize(sb)
		if utf8.RuneCountInString(na) < c.Config.MinPassage || utf8.RuneCountInString(nb) < c.Config.MinPassage {
			t.Errorf("passage %d shorter than MinPassage: %+v", i, p)
		}
		if na != nb && normalize(stripInserted(sa)) != normalize(stripInserted(sb)) {
			t.Errorf("passage %d: spans differ beyond the edits: %+v\nA %q\nB %q", i, p, sa, sb)
		}
		if sa == sb {
			identical++
		} else {
			edited++
		}
		if p.Kind == gen.KindYearOnYear && c.Report(p.A).Unit != c.Report(p.B).Unit {
			t.Errorf("passage %d: yoy between units", i)
		}
		if p.Kind == gen.KindTemplate && (c.Report(p.A).Family == 0 || c.Report(p.A).Family != c.Report(p.B).Family) {
			t.Errorf("passage %d: template outside a family", i)
		}
	}
	if edited == 0 || identical == 0 {
		t.Errorf("%d passages with edits, %d without: want both", edited, identical)
	}
}

// TestTruthMaximal checks that the passages of a pair are not chained any
// further: consecutive ones are apart by more than MaxEditGap on one
// side, out of order, or apart by text that is not an edit (it differs
// beyond digits, placeholders, punctuation and inserted clauses).
func TestTruthMaximal(t *testing.T) {
	c := testCorpus(t)
	for i := 1; i < len(c.Truth); i++ {
		p, q := c.Truth[i-1], c.Truth[i]
		if p.A != q.A || p.B != q.B || p.Kind != q.Kind {
			continue
		}
		ga := q.AOffset - (p.AOffset + p.ALength)
		gb := q.BOffset - (p.BOffset + p.BLength)
		if ga < 0 || gb < 0 || ga > gen.MaxEditGap || gb > gen.MaxEditGap {
			continue
		}
		a := []rune(c.Report(p.A).Text())
		b := []rune(c.Report(p.B).Text())
		sa, sb := span(a, p.AOffset+p.ALength, ga), span(b, p.BOffset+p.BLength, gb)
		if normalize(stripInserted(sa)) == normalize(stripInserted(sb)) {
			t.Errorf("passages %d and %d could be one (gap %q, %q): %+v %+v", i-1, i, sa, sb, p, q)
		}
	}
}

// coverage returns, for report id, the characters of it that the
// passages with another report (or any, if other is "") cover.
func coverage(c *gen.Corpus, id, other, kind string) float64 {
	r := c.Report(id)
	covered := make([]bool, r.Chars)
	for _, p := range c.Truth {
		if kind != "" && p.Kind != kind {
			continue
		}
		switch {
		case p.A == id && (other == "" || p.B == other):
			for k := p.AOffset; k < p.AOffset+p.ALength; k++ {
				covered[k] = true
			}
		case p.B == id && (other == "" || p.A == other):
			for k := p.BOffset; k < p.BOffset+p.BLength; k++ {
				covered[k] = true
			}
		}
	}
	n := 0
	for _, v := range covered {
		if v {
			n++
		}
	}
	return float64(n) / float64(r.Chars)
}

func TestShares(t *testing.T) {
	c := testCorpus(t)
	var yoy, tmpl, splice []float64
	for _, r := range c.Reports {
		switch r.Made {
		case gen.KindYearOnYear:
			yoy = append(yoy, coverage(c, r.ID, r.Prev, gen.KindYearOnYear))
		case gen.KindTemplate:
			tmpl = append(tmpl, coverage(c, r.ID, "", gen.KindTemplate))
		}
		if len(r.Donors) > 0 {
			splice = append(splice, coverage(c, r.ID, r.Donors[0], gen.KindSplice))
		}
	}
	check := func(name string, xs []float64, lo, hi float64) {
		t.Helper()
		if len(xs) == 0 {
			t.Errorf("no %s reports", name)
			return
		}
		sum := 0.0
		for _, x := range xs {
			sum += x
		}
		mean := sum / float64(len(xs))
		t.Logf("%s: %d reports, mean share %.3f", name, len(xs), mean)
		if mean < lo || mean > hi {
			t.Errorf("%s: mean share %.3f, want %.2f–%.2f", name, mean, lo, hi)
		}
	}
	// Year on year keeps 40–95% of the paragraphs (and the headings);
	// template families 50–70% of the template (shared with at least one
	// other member); splices 5–30% of the receiving report.
	check("yoy", yoy, 0.55, 0.85)
	check("template", tmpl, 0.45, 0.75)
	check("splice", splice, 0.05, 0.25)
}

func TestCleanNegatives(t *testing.T) {
	c := testCorpus(t)
	inTruth := make(map[string]bool)
	for _, p := range c.Truth {
		inTruth[p.A], inTruth[p.B] = true, true
	}
	// A clean report shares no stretch of 30 normalised characters with
	// any other report, beyond chance: count such stretches.
	const k = 30
	owner := make(map[string]string)
	for _, r := range c.Reports {
		if r.Clean == inTruth[r.ID] {
			t.Errorf("%s: Clean %v, in the truth %v", r.ID, r.Clean, inTruth[r.ID])
		}
		n := []rune(normalize(r.Text()))
		for i := 0; i+k <= len(n); i += 7 {
			g := string(n[i : i+k])
			if _, ok := owner[g]; !ok {
				owner[g] = r.ID
			}
		}
	}
	shared, total := 0, 0
	for _, r := range c.Reports {
		if !r.Clean {
			continue
		}
		n := []rune(normalize(r.Text()))
		for i := 0; i+k <= len(n); i++ {
			total++
			if o, ok := owner[string(n[i:i+k])]; ok && o != r.ID {
				shared++
			}
		}
	}
	if total == 0 {
		t.Fatal("no clean reports")
	}
	if f := float64(shared) / float64(total); f > 0.002 {
		t.Errorf("clean reports: %.4f of their %d-grams found in other reports", f, k)
	} else {
		t.Logf("clean reports: %d of %d %d-grams found in other reports", shared, total, k)
	}
}

func TestNoReuse(t *testing.T) {
	c, err := gen.Generate(sentences(t), gen.Config{N: 60, Seed: 1, CopyShare: -1, MeanChars: 2000})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Truth) != 0 {
		t.Errorf("CopyShare < 0: %d passages", len(c.Truth))
	}
	for _, r := range c.Reports {
		if !r.Clean || r.Made != gen.KindFresh || len(r.Donors) > 0 {
			t.Errorf("%s: Clean %v, Made %s, Donors %v", r.ID, r.Clean, r.Made, r.Donors)
		}
	}
}

func TestOnlyYearOnYearWithoutEdits(t *testing.T) {
	c, err := gen.Generate(sentences(t), gen.Config{N: 80, Seed: 5, CopyShare: 1, FamilyShare: -1, SpliceRate: -1, YearOnYear: 1, EditRate: -1, MeanChars: 2500})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range c.Truth {
		if p.Kind != gen.KindYearOnYear {
			t.Fatalf("passage of kind %s", p.Kind)
		}
		a := []rune(c.Report(p.A).Text())
		b := []rune(c.Report(p.B).Text())
		// Without edits only the years differ.
		if sa, sb := span(a, p.AOffset, p.ALength), span(b, p.BOffset, p.BLength); normalize(sa) != normalize(sb) || p.ALength != p.BLength {
			t.Errorf("passage %+v differs beyond years:\nA %q\nB %q", p, sa, sb)
		}
	}
	if len(c.Truth) == 0 {
		t.Error("no passages")
	}
}

func TestFreshSentences(t *testing.T) {
	c, err := gen.Generate(sentences(t), gen.Config{N: 40, Seed: 2, MeanChars: 2000, Fresh: gen.FreshSentences})
	if err != nil {
		t.Fatal(err)
	}
	real := make(map[string]bool)
	for _, s := range sentences(t) {
		real[s] = true
	}
	found := 0
	for _, r := range c.Reports {
		for _, line := range strings.Split(r.Text(), "\n") {
			for _, s := range strings.SplitAfter(line, "。") {
				if real[s] {
					found++
				}
			}
		}
	}
	if found == 0 {
		t.Error("FreshSentences: no real sentence in the reports")
	}
}

func TestConfigErrors(t *testing.T) {
	s := sentences(t)
	for _, cfg := range []gen.Config{
		{},
		{N: -1},
		{N: 10, MeanChars: 100},
		{N: 10, YearOnYearMin: 0.9, YearOnYearMax: 0.5},
		{N: 10, FamilyMin: 9, FamilyMax: 3},
		{N: 10, CopyShare: 1.5},
		{N: 10, FirstYear: 2030, LastYear: 2020},
		{N: 10, Fresh: 7},
	} {
		if _, err := gen.Generate(s, cfg); err == nil {
			t.Errorf("%+v: no error", cfg)
		}
	}
	if _, err := gen.Generate([]string{"太短。"}, gen.Config{N: 10}); err == nil {
		t.Error("no error for too few sentences")
	}
}

func TestSmallCorpora(t *testing.T) {
	s := sentences(t)
	for n := 1; n <= 12; n++ {
		c, err := gen.Generate(s, gen.Config{N: n, Seed: int64(n), MeanChars: 1500, FamilyMin: 2, FamilyMax: 3, FamilyShare: 0.9})
		if err != nil {
			t.Fatal(err)
		}
		if len(c.Reports) != n {
			t.Errorf("N %d: %d reports", n, len(c.Reports))
		}
	}
}

func BenchmarkGenerate(b *testing.B) {
	s := sentences(b)
	for b.Loop() {
		if _, err := gen.Generate(s, gen.Config{N: 1000, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}
