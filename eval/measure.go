package eval

import (
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"zongjie"
	"zongjie/track"
)

// Result is what a measurement gives: its figures and, for the lead, what
// went wrong item by item.
type Result struct {
	Figures []Figure
	Misses  []string
}

func (r *Result) missf(format string, args ...any) {
	r.Misses = append(r.Misses, fmt.Sprintf(format, args...))
}

func (r *Result) add(f Figure) { r.Figures = append(r.Figures, f) }

// Meta compares the metadata of each file with testdata/meta.tsv: the
// number of reports, unit, level, parent, reviewed and planned period and
// genre of the first report.
func Meta(c *Corpus, expPath string) (*Result, error) {
	rows, err := readTSV(expPath)
	if err != nil {
		return nil, err
	}
	res := &Result{}
	files, fields, right, total := 0, 0, 0, 0
	for _, r := range rows {
		d := c.Docs[r.get(0)]
		if d == nil {
			return nil, fmt.Errorf("meta.tsv:%d: %s is not loaded", r.line, r.get(0))
		}
		ok := checkMeta(res, d, r, []string{"reports", "unit", "level", "parent", "review", "plan", "genre"}, &right, &total)
		files++
		if ok {
			fields++
		}
	}
	res.add(ratio("meta: files with every field right", fields, files, "reports, unit, level, parent, review, plan, genre"))
	res.add(ratio("meta: fields right", right, total, ""))
	return res, nil
}

// checkMeta compares one expectation row (file, then the named fields) with
// the document and counts the fields; it reports whether all were right.
func checkMeta(res *Result, d *Doc, r row, names []string, right, total *int) bool {
	v := d.View(0)
	got := map[string]string{
		"reports": strconv.Itoa(len(d.Reports)),
		"unit":    field(v, "meta.unit"),
		"level":   field(v, "meta.level"),
		"parent":  field(v, "meta.parent"),
		"review":  field(v, "meta.review"),
		"plan":    field(v, "meta.plan"),
		"genre":   field(v, "meta.genre"),
	}
	all := true
	for i, n := range names {
		want := r.get(i + 1)
		if want == "-" {
			want = ""
		}
		*total++
		if got[n] == want {
			*right++
			continue
		}
		all = false
		res.missf("%s: %s %q, want %q", d.Name, n, got[n], want)
	}
	return all
}

// Sections compares the headings of testdata/sections.tsv with the outline:
// a heading is found when a section starts on its line with its marker
// (none for an unnumbered heading), and right when its kind is the one
// read.
func Sections(c *Corpus, expPath string) (*Result, error) {
	rows, err := readTSV(expPath)
	if err != nil {
		return nil, err
	}
	res := &Result{}
	found, right := 0, 0
	byFile := map[string]map[string]*zongjie.Section{}
	for _, r := range rows {
		name := r.get(0)
		d := c.Docs[name]
		if d == nil {
			return nil, fmt.Errorf("sections.tsv:%d: %s is not loaded", r.line, name)
		}
		idx := byFile[name]
		if idx == nil {
			idx = map[string]*zongjie.Section{}
			for _, rep := range d.Reports {
				zongjie.Walk(rep.Outline, func(s *zongjie.Section) {
					k := fmt.Sprintf("%d|%s", s.Line, strings.TrimSpace(s.Marker))
					if idx[k] == nil {
						idx[k] = s
					}
				})
			}
			byFile[name] = idx
		}
		marker := r.get(2)
		if marker == "-" {
			marker = ""
		}
		s := idx[r.get(1)+"|"+marker]
		if s == nil {
			res.missf("%s:%s: heading %s%s… not in the outline", name, r.get(1), marker, r.get(3))
			continue
		}
		found++
		if string(s.Kind) == r.get(4) {
			right++
			continue
		}
		res.missf("%s:%s: %s%s… kind %s, want %s", name, r.get(1), marker, r.get(3), s.Kind, r.get(4))
	}
	res.add(ratio("sections: headings found", found, len(rows), "line and marker"))
	res.add(ratio("sections: kind right", right, len(rows), "review/plan as read"))
	return res, nil
}

// Targets compares the targets of each 主要预期目标 paragraph
// (testdata/targets.tsv) with the extracted ones: right when indicator,
// change, comparator, value and unit all match. Extracted targets on those
// lines that match nothing expected are counted as spurious.
func Targets(c *Corpus, expPath string) (*Result, error) {
	rows, err := readTSV(expPath)
	if err != nil {
		return nil, err
	}
	res := &Result{}
	type key struct {
		file string
		line int
	}
	exps := map[key][]expTarget{}
	var keys []key
	for _, r := range rows {
		line, _ := strconv.Atoi(r.get(1))
		e, err := parseTarget(fmt.Sprintf("targets.tsv:%d", r.line), line, r.get(2), r.get(3), r.get(4), r.get(5), r.get(6), r.get(7), r.get(8))
		if err != nil {
			return nil, err
		}
		k := key{r.get(0), line}
		if exps[k] == nil {
			keys = append(keys, k)
		}
		exps[k] = append(exps[k], e)
	}
	var hRight, hAll, oRight, oAll, spurious, onLine int
	for _, k := range keys {
		d := c.Docs[k.file]
		if d == nil {
			return nil, fmt.Errorf("targets.tsv: %s is not loaded", k.file)
		}
		var got []zongjie.Target
		for _, rep := range d.Reports {
			for _, t := range rep.Targets {
				if targetLine(d, t) == k.line {
					got = append(got, t)
				}
			}
		}
		used := make([]bool, len(got))
		for _, e := range exps[k] {
			i := matchTarget(e, got, used)
			ok := i >= 0
			if e.class == "h" {
				hAll++
				if ok {
					hRight++
				}
			} else {
				oAll++
				if ok {
					oRight++
				}
			}
			if !ok {
				res.missf("%s:%d: %s not found%s", k.file, k.line, e, closest(e, got))
			}
		}
		onLine += len(got)
		for i, t := range got {
			if !used[i] && !t.Placeholder {
				spurious++
				res.missf("%s:%d: extracted %s matches no target read there", k.file, k.line, describe(t))
			}
		}
	}
	res.add(ratio("targets: headline right", hRight, hAll, "indicator, change, comparator, value, unit"))
	res.add(ratio("targets: every target of the paragraph right", hRight+oRight, hAll+oAll, ""))
	res.add(Figure{Name: "targets: spurious in those paragraphs", Value: float64(spurious), Num: spurious, Den: onLine, Lower: true, Note: "extracted there, matching nothing read"})
	return res, nil
}

// targetLine is the line of a target's figure (the sentence's line when the
// figure's span is unknown).
func targetLine(d *Doc, t zongjie.Target) int {
	if t.FigureSpan.End > t.FigureSpan.Start {
		return d.File.Location(t.FigureSpan).Line
	}
	return t.Line
}

// matchTarget returns the index of the first unused target that is e, and
// marks it used; -1 when none is.
func matchTarget(e expTarget, got []zongjie.Target, used []bool) int {
	for i, t := range got {
		if !used[i] && e.mismatch(t) == "" {
			used[i] = true
			return i
		}
	}
	return -1
}

// closest describes the extracted target nearest to e and how it differs.
func closest(e expTarget, got []zongjie.Target) string {
	best, bestN := "", 100
	for _, t := range got {
		m := e.mismatch(t)
		if n := strings.Count(m, ",") + 1; n < bestN {
			best, bestN = fmt.Sprintf(" (nearest: %s — %s)", describe(t), m), n
		}
	}
	return best
}

// Track tracks the national plans of the years in testdata/track.tsv
// against the next year's report and compares each target's status (and
// evidence value) with the one read. A target the tracker does not list
// (not extracted, or counted not due) is wrong.
func Track(c *Corpus, expPath string) (*Result, error) {
	rows, err := readTSV(expPath)
	if err != nil {
		return nil, err
	}
	res := &Result{}
	outcomes := map[string]*track.Outcome{}
	used := map[string][]bool{}
	var st [2][2]int // [headline?][right, all]
	var ev [2]int
	var amb []string
	for _, r := range rows {
		old := r.get(0)
		o := outcomes[old]
		if o == nil {
			y, _ := strconv.Atoi(old)
			od, nd := c.Docs["national/"+old+".txt"], c.Docs["national/"+strconv.Itoa(y+1)+".txt"]
			if od == nil || nd == nil || len(od.Reports) == 0 || len(nd.Reports) == 0 {
				return nil, fmt.Errorf("track.tsv:%d: the %s pair is not loaded", r.line, old)
			}
			o = track.Track(od.Reports[0], nd.File, nd.Reports[0])
			outcomes[old] = o
			used[old] = make([]bool, len(o.Results))
		}
		e, err := parseTarget(fmt.Sprintf("track.tsv:%d", r.line), 0, r.get(1), r.get(2), r.get(3), r.get(4), r.get(5), r.get(6), r.get(7))
		if err != nil {
			return nil, err
		}
		status, evidence, isAmb, note := r.get(8), r.get(9), r.get(10) == "1", r.get(11)
		var got *track.Result
		for i := range o.Results {
			if !used[old][i] && e.mismatch(o.Results[i].Target) == "" {
				used[old][i] = true
				got = &o.Results[i]
				break
			}
		}
		gs, gv := "absent", "-"
		if got != nil {
			gs = string(got.Status)
			if got.Evidence != nil && got.Evidence.Value != nil {
				gv = strconv.FormatFloat(*got.Evidence.Value, 'f', -1, 64)
			}
		} else {
			for _, t := range o.NotDue {
				if e.mismatch(t) == "" {
					gs = "not-due"
				}
			}
		}
		if isAmb {
			amb = append(amb, fmt.Sprintf("%s %s: read %s (%s), tracked %s %s", old, e, status, note, gs, gv))
			continue
		}
		h := 0
		if r.get(1) == "h" {
			h = 1
		}
		st[h][1]++
		if gs != status {
			reason := ""
			if got != nil {
				reason = " — " + got.Reason
			}
			res.missf("%s→%d %s: %s %s, read %s %s%s", old, mustAtoi(old)+1, e, gs, gv, status, evidence, reason)
			continue
		}
		st[h][0]++
		if evidenceOK(evidence, gv) {
			ev[0]++
		} else {
			res.missf("%s→%d %s: %s with evidence %s, read %s", old, mustAtoi(old)+1, e, gs, gv, evidence)
		}
	}
	ev[1] = st[0][1] + st[1][1]
	res.add(ratio("track: headline status right", st[1][0], st[1][1], "national 2015→2016, 2016→2017"))
	res.add(ratio("track: every target's status right", st[0][0]+st[1][0], st[0][1]+st[1][1], "ambiguous ones left out"))
	res.add(ratio("track: status and evidence value right", ev[0], ev[1], ""))
	for _, a := range amb {
		res.missf("ambiguous, not counted: %s", a)
	}
	return res, nil
}

func evidenceOK(want, got string) bool {
	if want == "-" {
		return got == "-"
	}
	w, err1 := strconv.ParseFloat(want, 64)
	g, err2 := strconv.ParseFloat(got, 64)
	return err1 == nil && err2 == nil && approxEqual(w, g)
}

func mustAtoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// figure is one figure written in a paragraph, as extracted.
type figure struct {
	value, valueTo *float64
	unit           string
	base, baseTo   *float64
	baseUnit       string
	text           string
}

// figuresOn returns every figure extracted on a line: each quantity and
// the change reported with it.
func figuresOn(d *Doc, line int) []figure {
	var out []figure
	for _, rep := range d.Reports {
		for _, q := range rep.Quantities {
			if q.Line != line || q.Placeholder {
				continue
			}
			out = append(out, figure{q.Value, q.ValueTo, q.Unit, q.BaseValue, q.BaseValueTo, q.BaseUnit, q.Text})
			if g := q.Growth; g != nil && g.Value != nil && !g.Placeholder {
				out = append(out, figure{value: g.Value, unit: g.Unit, base: g.Value, baseUnit: normUnit(g.Unit), text: g.Text})
			}
		}
	}
	return out
}

// Figures compares the figures of the annotated paragraphs
// (testdata/figures.tsv) with the extracted ones, by value and unit, and
// gives precision, recall and F1.
func Figures(c *Corpus, expPath string) (*Result, error) {
	rows, err := readTSV(expPath)
	if err != nil {
		return nil, err
	}
	type exp struct {
		amt  amount
		opt  bool
		text string
	}
	type key struct {
		file string
		line int
	}
	byLine := map[key][]exp{}
	var keys []key
	for _, r := range rows {
		line, _ := strconv.Atoi(r.get(1))
		a, err := parseAmount(r.get(2), r.get(3))
		if err != nil {
			return nil, fmt.Errorf("figures.tsv:%d: %v", r.line, err)
		}
		k := key{r.get(0), line}
		if byLine[k] == nil {
			keys = append(keys, k)
		}
		byLine[k] = append(byLine[k], exp{a, r.get(4) == "1", r.get(5)})
	}
	res := &Result{}
	tp, fn, fp := 0, 0, 0
	for _, k := range keys {
		d := c.Docs[k.file]
		if d == nil {
			return nil, fmt.Errorf("figures.tsv: %s is not loaded", k.file)
		}
		got := figuresOn(d, k.line)
		used := make([]bool, len(got))
		es := byLine[k]
		sort.SliceStable(es, func(i, j int) bool { return !es[i].opt && es[j].opt })
		for _, e := range es {
			hit := false
			for i, g := range got {
				if !used[i] && e.amt.same(g.value, g.valueTo, g.unit, g.base, g.baseTo, g.baseUnit) {
					used[i], hit = true, true
					break
				}
			}
			switch {
			case hit && !e.opt:
				tp++
			case !hit && !e.opt:
				fn++
				res.missf("%s:%d: %s (%s) not extracted", k.file, k.line, e.text, e.amt)
			}
		}
		for i, g := range got {
			if !used[i] {
				fp++
				res.missf("%s:%d: extracted %q matches no figure read there", k.file, k.line, g.text)
			}
		}
	}
	p, r := 0.0, 0.0
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	f1 := 0.0
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	res.add(Figure{Name: "figures: precision", Value: p, Num: tp, Den: tp + fp})
	res.add(Figure{Name: "figures: recall", Value: r, Num: tp, Den: tp + fn})
	res.add(Figure{Name: "figures: F1", Value: f1, Note: fmt.Sprintf("%d paragraphs", len(keys))})
	return res, nil
}

// County reads our own county and district reports (testdata/county) and
// compares each with testdata/county.tsv: one report, unit, parent, level,
// reviewed and planned period. A report is right when every field is. It
// also counts the findings outside punctuation and page chrome on these
// clean texts, and whether a title year contradicting the body is
// reported.
func County(dir, expPath string, truth *Truth) (*Result, error) {
	rows, err := readTSV(expPath)
	if err != nil {
		return nil, err
	}
	res := &Result{}
	right, fields, total, flagged, conflicts := 0, 0, 0, 0, 0
	var ff falseFindings
	for _, r := range rows {
		d, err := Load("county/"+r.get(0), filepath.Join(dir, r.get(0)))
		if err != nil {
			return nil, err
		}
		if checkMeta(res, d, r, []string{"reports", "unit", "parent", "level", "review", "plan"}, &fields, &total) {
			right++
		}
		ds := d.Check()
		ff.add(d, ds, truth)
		if r.get(7) == "yes" {
			conflicts++
			if titleYearFlagged(d, ds) {
				flagged++
			} else {
				res.missf("%s: the title's year, which the body contradicts, is not reported", d.Name)
			}
		}
	}
	res.add(ratio("county: reports right", right, len(rows), "one report, unit, parent, level, review, plan"))
	res.add(ratio("county: fields right", fields, total, ""))
	res.add(ratio("county: title year against body reported", flagged, conflicts, ""))
	res.add(ff.figure("county: false findings per 10k characters"))
	res.Misses = append(res.Misses, ff.list...)
	return res, nil
}

// titleYearFlagged reports whether a finding of the year category lies on
// the title line (line 1).
func titleYearFlagged(d *Doc, ds []checkDiag) bool {
	for _, x := range ds {
		if x.Category == "year" && x.Line == 1 {
			return true
		}
	}
	return false
}
