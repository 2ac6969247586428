package gen

import (
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// Kinds of reuse, as Passage.Kind and Report.Made give them.
const (
	KindYearOnYear = "yoy"      // a unit's report made from its previous year's
	KindTemplate   = "template" // reports of one template family
	KindSplice     = "splice"   // paragraphs copied from another unit's report
	KindFresh      = "fresh"    // Report.Made only: written afresh
)

// Report is one generated report.
type Report struct {
	ID     string   // unit number and year: u00042-2024
	Unit   string   // the unit's name: 东湖街道
	Year   int      // the year reviewed (the title plans Year+1)
	Chars  int      // length of the text in characters
	Made   string   // KindFresh, KindYearOnYear (from Prev) or KindTemplate (from the family's template)
	Prev   string   // for KindYearOnYear, the report it was made from
	Family int      // the unit's template family, numbered from 1; 0 for none
	Donors []string // the reports paragraphs were spliced from
	Clean  bool     // no passage of the ground truth involves the report

	doc   doc
	texts texts
	unit  *unit
}

// Text returns the text of the report: lines (title, headings,
// paragraphs) each ended by a line feed.
func (r *Report) Text() string {
	return string(r.AppendText(make([]byte, 0, r.doc.bytes())))
}

// AppendText appends the text of the report to b.
func (r *Report) AppendText(b []byte) []byte {
	return r.doc.appendText(b, r.texts)
}

// WriteTo writes the text of the report to w.
func (r *Report) WriteTo(w io.Writer) (int64, error) {
	n, err := w.Write(r.AppendText(nil))
	return int64(n), err
}

// Corpus is a generated corpus with its ground truth.
type Corpus struct {
	Config   Config    // the configuration, defaults filled in
	Reports  []*Report // sorted by ID
	Truth    []Passage // sorted by A, B and AOffset
	Units    int       // units (each report's unit is one of them)
	Families int       // template families
}

// Report returns the report with the given ID, or nil.
func (c *Corpus) Report(id string) *Report {
	i := sort.Search(len(c.Reports), func(i int) bool { return c.Reports[i].ID >= id })
	if i < len(c.Reports) && c.Reports[i].ID == id {
		return c.Reports[i]
	}
	return nil
}

// unit is a 街道, 镇 or 乡 that writes a report a year.
type unit struct {
	idx    int
	name   string
	clean  bool
	family *family
	start  int // first year
	years  int
	last   *Report // latest report generated
}

// family is a template family: its units' reports of one year share a
// template.
type family struct {
	id   int // from 1
	year int
	tmpl *doc
}

// generator holds what the reports are made from and of.
type generator struct {
	cfg      Config
	fresh    *freshSource
	units    []*unit
	families []*family
	reports  []*Report // in the order of their IDs
	// Report i makes namespace i, family f's template namespace
	// len(reports)+f-1; origins[ns] is the number of origins made in
	// namespace ns and texts[ns] the text written.
	origins []uint32
	texts   texts
}

// builder writes one report or template at a time, with the random
// numbers and the origins of its namespace. Each worker has one.
type builder struct {
	g    *generator
	cfg  *Config
	rng  *rand.Rand
	ns   uint32 // namespace of the origins it makes
	next uint32 // next origin
	// The text written in ns is chunk[start:]; chunks are shared by the
	// makers a builder writes one after the other.
	chunk []byte
	start int

	// scratch
	docs   [2]doc
	runes  []rune
	edits  []edit
	frags  []fragment
	sorted []fragment
	slot   []int32
	counts []int32
	order  []int32
}

// reset makes w write in namespace ns, with random numbers that depend
// only on the seed and ns.
func (w *builder) reset(ns int) {
	w.ns, w.next = uint32(ns), 0
	w.rng = rand.New(rand.NewPCG(uint64(w.cfg.Seed), uint64(ns)*0x9e3779b97f4a7c15+1))
	w.start = len(w.chunk)
}

// finish records what w wrote in its namespace.
func (w *builder) finish() {
	w.g.origins[w.ns] = w.next
	w.g.texts[w.ns] = w.chunk[w.start:len(w.chunk):len(w.chunk)]
	w.start = len(w.chunk)
}

// reserve makes room for n more bytes of text, so that appending them
// does not move the chunk.
func (w *builder) reserve(n int) {
	if len(w.chunk)+n <= cap(w.chunk) {
		return
	}
	own := w.chunk[w.start:]
	c := make([]byte, 0, max(chunkSize, 2*(len(own)+n)))
	w.chunk, w.start = append(c, own...), 0
}

// chunkSize is the size of the chunks of text a builder allocates.
const chunkSize = 1 << 20

// pos returns the offset in the namespace's text where the next text goes.
func (w *builder) pos() uint32 { return uint32(len(w.chunk) - w.start) }

// Generate makes a corpus of cfg.N reports from real sentences (see
// LoadSentences) and returns it with its ground truth. The corpus depends
// only on the sentences (their order included), cfg and math/rand/v2's
// PCG: the same input gives the same corpus, whatever the number of
// processors it is made on.
//
// Each report is a title line (<unit>2024年工作总结及2025年工作计划), an
// opening paragraph and three sections (一、the year's work, in
// subsections （一）（二）…; 二、problems; 三、next year's plan), one line
// per heading or paragraph. Its text is fresh (see FreshMode), copied
// from the unit's previous report (year on year), or partly taken from
// its family's template; any report of a reusing unit may also receive
// paragraphs spliced from another unit's report of an earlier year.
// Copies are edited:
//
//   - year on year: every year moved on by the years between the reports;
//     each number changed (probability 0.3) or replaced by a placeholder
//     xx ** XX x ×× (0.05); each placeholder changed to a number or
//     another placeholder (0.3); a paragraph's ，：；（） made half-width
//     (0.1 per paragraph, then 0.7 each); a clause inserted before a
//     sentence's end mark (0.05 per sentence); a sentence replaced by
//     fresh text (0.03) or left out (0.02, only sentences of more than
//     MaxEditGap ink characters). Of the previous report's paragraphs, a
//     random set of YearOnYearMin to YearOnYearMax of their characters is
//     kept, the others are replaced by fresh paragraphs of the same length.
//     Titles and headings are kept (with the edits).
//   - template: each member of a family keeps a random set of
//     TemplateMin to TemplateMax of the template's paragraph text and all
//     its headings, with its own name in the title and its own fresh
//     paragraphs instead of the others; numbers changed (0.5) or replaced
//     by placeholders (0.05), placeholders filled in or changed (0.5),
//     half-width punctuation (0.05 per paragraph).
//   - splice: a run of consecutive paragraphs of a donor (a report of an
//     earlier year of another reusing unit outside the receiver's family),
//     SpliceMin to SpliceMax of the receiving report, inserted after one
//     of its paragraphs in place of as much fresh text; years moved on by
//     the years between them, numbers changed (0.1) or replaced by
//     placeholders (0.02), placeholders changed (0.1).
//
// EditRate scales these probabilities.
func Generate(sentences []string, cfg Config) (*Corpus, error) {
	cfg = cfg.withDefaults()
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	pool := make([]string, 0, len(sentences))
	seen := make(map[string]bool, len(sentences))
	long := 0
	for _, s := range sentences {
		if s == "" || seen[s] || utf8.RuneCountInString(s) > maxSentenceChars || !utf8.ValidString(s) || strings.ContainsRune(s, '\n') {
			continue
		}
		seen[s] = true
		pool = append(pool, s)
		if ink(s) > MaxEditGap {
			long++
		}
	}
	if len(pool) < 20 || long == 0 {
		return nil, fmt.Errorf("gen: %d usable sentences (%d of more than %d ink characters), want at least 20 (and 1)", len(pool), long, MaxEditGap)
	}
	g := &generator{cfg: cfg, fresh: newFreshSource(cfg.Fresh, pool)}
	if cfg.Fresh == FreshSpliced && len(g.fresh.starts) == 0 {
		return nil, fmt.Errorf("gen: no sentence to splice (they must be within the Basic Multilingual Plane)")
	}
	g.plan(rand.New(rand.NewPCG(uint64(cfg.Seed), 0x5eed)))
	n := len(g.reports)
	g.origins = make([]uint32, n+len(g.families))
	g.texts = make(texts, n+len(g.families))

	// Year by year: the templates of the year, then its reports, each
	// made from reports of earlier years only.
	byYear := make(map[int][]int)
	var years []int
	for i, r := range g.reports {
		if byYear[r.Year] == nil {
			years = append(years, r.Year)
		}
		byYear[r.Year] = append(byYear[r.Year], i)
	}
	slices.Sort(years)
	var donors []*Report // reports of reusing units, earlier years
	for _, y := range years {
		var fams []*family
		for _, f := range g.families {
			if f.year == y {
				fams = append(fams, f)
			}
		}
		g.parallel(len(fams), func(w *builder, i int) {
			f := fams[i]
			ns := n + f.id - 1
			w.reset(ns)
			d := &w.docs[0]
			d.reset()
			w.freshDoc(d, "××街道", y, w.length())
			f.tmpl = new(doc)
			*f.tmpl = d.clone()
			w.finish()
		})
		idx := byYear[y]
		g.parallel(len(idx), func(w *builder, i int) {
			w.reset(idx[i])
			w.make(g.reports[idx[i]], donors)
			w.finish()
		})
		for _, i := range idx {
			if r := g.reports[i]; !r.unit.clean {
				donors = append(donors, r)
			}
		}
	}
	for _, r := range g.reports {
		r.texts = g.texts
	}
	c := &Corpus{Config: cfg, Reports: g.reports, Units: len(g.units), Families: len(g.families)}
	c.Truth = g.truth()
	for _, p := range c.Truth {
		c.Report(p.A).Clean = false
		c.Report(p.B).Clean = false
	}
	return c, nil
}

// parallel calls fn(w, i) for i in [0, n) on GOMAXPROCS workers, each
// with its own builder.
func (g *generator) parallel(n int, fn func(w *builder, i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(n, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			w := &builder{g: g, cfg: &g.cfg}
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				fn(w, i)
			}
		})
	}
	wg.Wait()
}

// plan makes the units and families and the reports they write, cfg.N in
// all, with IDs, in the order of their IDs.
func (g *generator) plan(rng *rand.Rand) {
	c := &g.cfg
	span := c.LastYear - c.FirstYear + 1
	avgM := float64(c.FamilyMin+c.FamilyMax) / 2
	// Per draw: a family, a reusing unit alone or a clean unit, in the
	// proportions that give the shares of units asked for.
	wf := c.CopyShare * c.FamilyShare / avgM
	wr := c.CopyShare * (1 - c.FamilyShare)
	wc := 1 - c.CopyShare
	names := make(map[string]bool)
	newUnit := func(clean bool, f *family, start, years int) {
		u := &unit{idx: len(g.units), name: unitName(rng, names), clean: clean, family: f, start: start, years: years}
		g.units = append(g.units, u)
	}
	left := c.N
	for left > 0 {
		years := c.MinYears + rng.IntN(c.MaxYears-c.MinYears+1)
		years = min(years, left)
		start := c.FirstYear + rng.IntN(span-years+1)
		x := rng.Float64() * (wf + wr + wc)
		switch {
		case x < wf:
			m := c.FamilyMin + rng.IntN(c.FamilyMax-c.FamilyMin+1)
			m = min(m, left/years)
			if m >= 2 {
				f := &family{id: len(g.families) + 1, year: start + rng.IntN(years)}
				g.families = append(g.families, f)
				for range m {
					newUnit(false, f, start, years)
				}
				left -= m * years
				break
			}
			newUnit(false, nil, start, years)
			left -= years
		case x < wf+wr:
			newUnit(false, nil, start, years)
			left -= years
		default:
			newUnit(true, nil, start, years)
			left -= years
		}
	}
	width := max(5, len(fmt.Sprint(len(g.units)-1)))
	for _, u := range g.units {
		for y := u.start; y < u.start+u.years; y++ {
			r := &Report{ID: fmt.Sprintf("u%0*d-%d", width, u.idx, y), Unit: u.name, Year: y, Clean: true, unit: u}
			if u.family != nil {
				r.Family = u.family.id
			}
			g.reports = append(g.reports, r)
		}
	}
}

// make writes report r; donors are the reports it may splice from.
func (w *builder) make(r *Report, donors []*Report) {
	u, c := r.unit, w.cfg
	var (
		made   = KindFresh
		expect int // characters expected before a splice
		prev   *Report
		f      = u.family
	)
	switch {
	case f != nil && r.Year == f.year:
		made = KindTemplate
		expect = f.tmpl.chars()
	case !u.clean && u.last != nil && w.rng.Float64() < c.YearOnYear:
		made, prev = KindYearOnYear, u.last
		expect = prev.doc.chars()
	default:
		expect = w.length()
	}

	var (
		donor  *Report
		lo, hi int // blocks of donor to splice
		skip   int // fresh characters to leave out for them
	)
	if !u.clean && w.rng.Float64() < c.SpliceRate {
		donor, lo, hi = w.pickSplice(r, donors, expect)
		for i := lo; i < hi; i++ {
			skip += donor.doc.blockChars(i)
		}
	}

	d := &w.docs[0]
	d.reset()
	switch made {
	case KindTemplate:
		w.member(d, u.name, f.tmpl, skip)
	case KindYearOnYear:
		w.yearOnYear(d, &prev.doc, r.Year-prev.Year, skip)
		r.Prev = prev.ID
	default:
		w.freshDoc(d, u.name, r.Year, max(expect-skip, c.MeanChars/5))
	}
	if donor != nil {
		out := &w.docs[1]
		out.reset()
		w.splice(out, d, donor, lo, hi, r.Year-donor.Year)
		d = out
		r.Donors = []string{donor.ID}
	}
	r.Made, r.doc, r.Chars = made, d.clone(), d.chars()
	u.last = r
}

// length draws the length of a fresh report: MeanChars ± 30%, uniformly.
func (w *builder) length() int {
	return int(float64(w.cfg.MeanChars) * (0.7 + 0.6*w.rng.Float64()))
}

func (w *builder) uniform(lo, hi float64) float64 { return lo + (hi-lo)*w.rng.Float64() }

// newPiece writes text and returns it as a piece of a new origin.
func (w *builder) newPiece(text string) piece {
	w.reserve(len(text))
	at := w.pos()
	w.chunk = append(w.chunk, text...)
	return w.piece(at, len(text), utf8.RuneCountInString(text))
}

// piece returns the text written at at, nb bytes and n characters, as a
// piece of a new origin.
func (w *builder) piece(at uint32, nb, n int) piece {
	w.next++
	return piece{ns: w.ns, org: w.next - 1, at: at, nb: uint16(nb), n: uint16(n)}
}

// freshDoc appends a fresh report of about length characters to d.
func (w *builder) freshDoc(d *doc, name string, year, length int) {
	w.title(d, name, year)
	used := d.chars()
	used += w.freshPara(d, 60+w.rng.IntN(200))
	rest := length - used
	for k := range 3 {
		w.section(d, k, year, int(sectionShare[k]*float64(rest)))
	}
}

// title appends a title line: the unit's name and, as a second sentence,
// the years.
func (w *builder) title(d *doc, name string, year int) {
	d.startBlock(blockTitle)
	d.startSent()
	d.add(w.newPiece(name))
	d.startSent()
	d.add(w.newPiece(fmt.Sprintf(titleFormats[w.rng.IntN(len(titleFormats))], year, year+1)))
	d.endBlock()
}

// section appends section k (0, 1, 2) of about budget characters.
func (w *builder) section(d *doc, k, year, budget int) {
	h := sectionTitles[k][w.rng.IntN(len(sectionTitles[k]))]
	if strings.Contains(h, "%d") {
		h = fmt.Sprintf(h, year+k/2)
	}
	used := w.heading(d, blockHeading1, cnNumber(k+1)+"、"+h)
	sub := 0
	for used < budget {
		if k != 1 {
			sub++
			used += w.heading(d, blockHeading2, "（"+cnNumber(min(sub, 99))+"）"+heading2(w.rng))
		}
		for j := 1 + w.rng.IntN(3); j > 0 && used < budget; j-- {
			n := 120 + w.rng.IntN(480)
			if left := budget - used; n > left {
				n = max(left, 60)
			}
			used += w.freshPara(d, n)
		}
	}
}

// heading appends a heading line and returns its characters.
func (w *builder) heading(d *doc, k blockKind, text string) int {
	d.startBlock(k)
	d.startSent()
	p := w.newPiece(text)
	d.add(p)
	d.endBlock()
	return int(p.n) + 1
}

// freshPara appends a fresh paragraph of about n characters (and more
// than MaxEditGap ink characters) and returns its characters.
func (w *builder) freshPara(d *doc, n int) int {
	d.startBlock(blockPara)
	chars := w.freshSentences(d, n)
	d.endBlock()
	return chars + 1
}

// freshSentences appends fresh sentences to d, at least n characters and
// more than MaxEditGap ink characters, and returns their characters.
func (w *builder) freshSentences(d *doc, n int) int {
	chars, inks := 0, 0
	for chars < n || inks <= MaxEditGap {
		w.reserve(maxSentenceBytes)
		at := w.pos()
		var c, k int
		w.chunk, c, k = w.g.fresh.sentence(w.rng, w.chunk)
		chars += c
		inks += k
		d.startSent()
		d.add(w.piece(at, int(w.pos()-at), c))
	}
	return chars
}

// choose returns which blocks of src to keep: a random set of its
// paragraphs holding about share of its paragraph characters.
func (w *builder) choose(src *doc, share float64) []bool {
	var paras []int
	total := 0
	for i, b := range src.blocks {
		if b.kind == blockPara {
			paras = append(paras, i)
			total += src.blockChars(i)
		}
	}
	keep := make([]bool, len(src.blocks))
	want, kept := share*float64(total), 0
	for _, k := range w.rng.Perm(len(paras)) {
		if float64(kept) >= want {
			break
		}
		keep[paras[k]] = true
		kept += src.blockChars(paras[k])
	}
	return keep
}

// yearOnYear appends to d the report made from prev, years later.
func (w *builder) yearOnYear(d *doc, prev *doc, years, skip int) {
	c := w.cfg
	keep := w.choose(prev, w.uniform(c.YearOnYearMin, c.YearOnYearMax))
	sp := yearOnYearEdits.scaled(c.EditRate, years)
	for i, b := range prev.blocks {
		switch {
		case b.kind != blockPara || keep[i]:
			w.copyBlock(d, prev, i, &sp)
		case skip > 0:
			skip -= prev.blockChars(i)
		default:
			w.freshPara(d, prev.blockChars(i)-1)
		}
	}
}

// member appends to d the report of the unit name made from its family's
// template.
func (w *builder) member(d *doc, name string, tmpl *doc, skip int) {
	c := w.cfg
	keep := w.choose(tmpl, w.uniform(c.TemplateMin, c.TemplateMax))
	sp := templateEdits.scaled(c.EditRate, 0)
	for i, b := range tmpl.blocks {
		switch {
		case b.kind == blockTitle:
			d.startBlock(blockTitle)
			d.startSent()
			d.add(w.newPiece(name))
			lo, hi := tmpl.blockSents(i)
			for j := lo + 1; j < hi; j++ {
				w.copySent(d, tmpl.sentPieces(j), &sp, false, false)
			}
			d.endBlock()
		case b.kind != blockPara || keep[i]:
			w.copyBlock(d, tmpl, i, &sp)
		case skip > 0:
			skip -= tmpl.blockChars(i)
		default:
			w.freshPara(d, tmpl.blockChars(i)-1)
		}
	}
}

// copyBlock appends to d a copy of block i of src, edited as sp says.
func (w *builder) copyBlock(d *doc, src *doc, i int, sp *editSpec) {
	kind := src.blocks[i].kind
	para := kind == blockPara
	d.startBlock(kind)
	width := para && sp.width > 0 && w.rng.Float64() < sp.width
	lo, hi := src.blockSents(i)
	for j := lo; j < hi; j++ {
		ps := src.sentPieces(j)
		if para && sp.replace+sp.delete > 0 {
			x := w.rng.Float64()
			if x < sp.replace {
				w.freshSentences(d, 0)
				continue
			}
			if x < sp.replace+sp.delete && hi-lo > 1 && inkPieces(w.g.texts, ps) > MaxEditGap {
				continue
			}
		}
		insert := para && sp.insert > 0 && w.rng.Float64() < sp.insert
		w.copySent(d, ps, sp, width, insert)
	}
	d.endBlock()
}

// inkPieces returns the ink characters of a sentence.
func inkPieces(t texts, ps []piece) int {
	var c inkCounter
	for _, p := range ps {
		for b := t.of(p); len(b) > 0; {
			r, size := utf8.DecodeRune(b)
			c.add(r)
			b = b[size:]
		}
	}
	return c.n
}

// pickSplice chooses a donor for r and the blocks [lo, hi) to copy from
// it: consecutive paragraphs (and the subsection headings between them)
// around a random paragraph, within one section, until they hold
// SpliceMin to SpliceMax of expect characters or the section has no more.
// It returns a nil donor if none of donors is outside r's unit and
// family.
func (w *builder) pickSplice(r *Report, donors []*Report, expect int) (donor *Report, lo, hi int) {
	if len(donors) == 0 {
		return nil, 0, 0
	}
	u := r.unit
	for range 8 {
		d := donors[w.rng.IntN(len(donors))]
		if d.unit == u || u.family != nil && d.unit.family == u.family {
			continue
		}
		donor = d
		break
	}
	if donor == nil {
		return nil, 0, 0
	}
	var paras []int
	for i, b := range donor.doc.blocks {
		if b.kind == blockPara {
			paras = append(paras, i)
		}
	}
	if len(paras) == 0 {
		return nil, 0, 0
	}
	want := int(w.uniform(w.cfg.SpliceMin, w.cfg.SpliceMax) * float64(expect))
	lo = paras[w.rng.IntN(len(paras))]
	hi, got := lo, 0
	for hi < len(donor.doc.blocks) && (hi == lo || got < want) {
		k := donor.doc.blocks[hi].kind
		if k != blockPara && k != blockHeading2 {
			break
		}
		got += donor.doc.blockChars(hi)
		hi++
	}
	for donor.doc.blocks[hi-1].kind != blockPara {
		hi--
	}
	// Short of it at the end of the section: take paragraphs before.
	for lo > 0 && got < want {
		k := donor.doc.blocks[lo-1].kind
		if k != blockPara && k != blockHeading2 {
			break
		}
		lo--
		got += donor.doc.blockChars(lo)
	}
	return donor, lo, hi
}

// splice appends to out d with the blocks [lo, hi) of donor inserted
// after a random paragraph (not the opening one), years moved on by years.
func (w *builder) splice(out, d *doc, donor *Report, lo, hi, years int) {
	var after []int
	for i, b := range d.blocks {
		if b.kind == blockPara && i > 1 {
			after = append(after, i)
		}
	}
	at := len(d.blocks) - 1
	if len(after) > 0 {
		at = after[w.rng.IntN(len(after))]
	}
	sp := spliceEdits.scaled(w.cfg.EditRate, years)
	for i := range d.blocks {
		appendBlock(out, d, i)
		if i == at {
			for j := lo; j < hi; j++ {
				w.copyBlock(out, &donor.doc, j, &sp)
			}
		}
	}
}

// appendBlock appends block i of src to d unchanged.
func appendBlock(d *doc, src *doc, i int) {
	d.startBlock(src.blocks[i].kind)
	lo, hi := src.blockSents(i)
	for j := lo; j < hi; j++ {
		d.startSent()
		d.pieces = append(d.pieces, src.sentPieces(j)...)
	}
	d.endBlock()
}
