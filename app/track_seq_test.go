package app_test

import (
	"bufio"
	"bytes"
	"context"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"zongjie"
	"zongjie/app"
	"zongjie/reader"
	"zongjie/store"
)

// seqReports are the three reports of each sequence of
// track/testdata/seq, by the suffix of their file names: the 2025 year's
// (its plan sets the 2026 year's targets), the 2026 half-year's (its plan
// sets the second half's), the 2026 year's.
var seqReports = []string{"2025", "2026h1", "2026"}

// seqScore counts a sequence's annotated targets and how many of them
// the desk shows as annotated.
type seqScore struct {
	targets, found, status, value int // targets with a status of their own
	restated, restatedRight       int // targets a later plan restates: no result of their own
}

func (s *seqScore) add(o seqScore) {
	s.targets += o.targets
	s.found += o.found
	s.status += o.status
	s.value += o.value
	s.restated += o.restated
	s.restatedRight += o.restatedRight
}

// TestTrackSequences measures TrackPeriod on four units' years written
// for it, each in three reports (track/testdata/seq, annotated by reading
// before zongjie ran on them; the .tsv files say how): at the mid-year
// desk the targets due in the first half, at the year-end desk the
// year's targets set before the year past the half-year report and the
// second half's. It counts per unit the annotated targets found (a result
// at the target's figure, set by the report that holds it), with the
// status and the evidence value annotated (a sum when the later report
// gives the figure in parts), and the targets a later plan restates left
// without a result of their own. taoyuan (a 镇) and donghu (a 街道) are
// the tuning half; maping (a 乡) and shangwu (a 区直部门) are held back:
// only their counts are printed. Floors are the counts measured, so they
// can only go up; docs/tracking.md has the figures.
func TestTrackSequences(t *testing.T) {
	dir, err := filepath.Abs("../track/testdata/seq")
	if err != nil {
		t.Fatal(err)
	}
	floors := map[bool]seqScore{
		false: {targets: 25, found: 25, status: 18, value: 17, restated: 4, restatedRight: 4},
		true:  {targets: 26, found: 26, status: 12, value: 12, restated: 4, restatedRight: 2},
	}
	units := []struct {
		name     string
		heldBack bool
	}{{"taoyuan", false}, {"donghu", false}, {"maping", true}, {"shangwu", true}}
	total := map[bool]*seqScore{false: {}, true: {}}
	for _, u := range units {
		s := scoreSequence(t, dir, u.name, u.heldBack)
		t.Logf("%s: %d targets: found %d, status right %d, value right %d; restated %d, without a result of their own %d",
			u.name, s.targets, s.found, s.status, s.value, s.restated, s.restatedRight)
		total[u.heldBack].add(s)
	}
	for _, heldBack := range []bool{false, true} {
		half := map[bool]string{false: "tuning (taoyuan, donghu)", true: "held back (maping, shangwu)"}[heldBack]
		s, f := *total[heldBack], floors[heldBack]
		t.Logf("%s: %d targets: found %d, status right %d, value right %d; restated %d right of %d",
			half, s.targets, s.found, s.status, s.value, s.restatedRight, s.restated)
		if s.targets != f.targets || s.restated != f.restated {
			t.Errorf("%s: %d targets and %d restated annotated, want %d and %d", half, s.targets, s.restated, f.targets, f.restated)
		}
		if s.found < f.found || s.status < f.status || s.value < f.value || s.restatedRight < f.restatedRight {
			t.Errorf("%s: below the floors (found %d, status %d, value %d, restated %d)", half, f.found, f.status, f.value, f.restatedRight)
		}
	}
}

// scoreSequence stores a unit's three reports in an empty store, tracks
// its 2026 half-year and year and scores the desks against <unit>.tsv.
// Of a held-back unit it logs nothing but the counts.
func scoreSequence(t *testing.T, dir, unit string, heldBack bool) seqScore {
	t.Helper()
	texts := map[string]string{}
	var in []app.Input
	for _, r := range seqReports {
		name := unit + "-" + r + ".txt"
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		f, err := reader.Read(name, data)
		if err != nil {
			t.Fatal(err)
		}
		texts[r] = f.Text
		in = append(in, app.Input{Name: name, Data: data})
	}
	rows := readSeqTSV(t, filepath.Join(dir, unit+".tsv"))

	a := newApp(t)
	ctx := context.Background()
	if _, err := a.Add(ctx, app.AddRequest{Inputs: in}); err != nil {
		t.Fatal(err)
	}
	list, err := a.List(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	ids, name := map[string]int64{}, ""
	for _, r := range list.Reports {
		ids[strings.TrimSuffix(strings.TrimPrefix(filepath.Base(r.Path), unit+"-"), ".txt")] = r.ID
		if name == "" {
			name = r.Unit
		} else if r.Unit != name {
			t.Errorf("%s: reports of units %q and %q, want one", unit, name, r.Unit)
		}
	}
	desks := map[string]*app.PeriodTracked{}
	for stage, term := range map[string]zongjie.Term{
		"h1":   {Year: 2026, Period: zongjie.PeriodH1},
		"year": {Year: 2026, Period: zongjie.PeriodFullYear},
	} {
		res, err := a.TrackPeriod(ctx, name, term)
		if err != nil {
			t.Errorf("%s: %s desk: %v", unit, stage, err)
			continue
		}
		desks[stage] = res
	}

	var s seqScore
	for _, row := range rows {
		text := texts[row.report]
		off := strings.Index(text, row.snippet)
		if off < 0 || strings.Count(text, row.snippet) != 1 {
			t.Fatalf("%s.tsv:%d: %q is not once in %s-%s.txt", unit, row.line, row.snippet, unit, row.report)
		}
		var r *app.PeriodResult
		if d := desks[row.stage]; d != nil {
			for k := range d.Targets {
				x := &d.Targets[k]
				if fs := x.Target.FigureSpan; x.SetByID == ids[row.report] && fs.Start < off+len(row.snippet) && fs.End > off {
					r = x
				}
			}
		}
		miss := func(format string, args ...any) {
			if !heldBack {
				t.Logf("%s.tsv:%d: %s: "+format, append([]any{unit, row.line, row.snippet}, args...)...)
			}
		}
		if row.status == "restated" {
			s.restated++
			if r == nil {
				s.restatedRight++
			} else {
				miss("restated, but tracked on its own: %s (%s)", r.Status, r.Reason)
			}
			continue
		}
		s.targets++
		if r == nil {
			miss("not found at the %s desk", row.stage)
			continue
		}
		s.found++
		if string(r.Status) == row.status {
			s.status++
		} else {
			miss("status %s, want %s (%s)", r.Status, row.status, r.Reason)
		}
		if seqValue(r, row.value) {
			s.value++
		} else {
			miss("evidence %s, want %s (%s)", seqEvidence(r), row.value, r.Reason)
		}
	}
	return s
}

// seqRow is one line of a track/testdata/seq .tsv file.
type seqRow struct {
	report, snippet, stage, status, value string
	line                                  int
}

func readSeqTSV(t *testing.T, path string) []seqRow {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []seqRow
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 6 {
			t.Fatalf("%s:%d: %d fields, want 6", path, n, len(f))
		}
		out = append(out, seqRow{report: f[0], snippet: f[1], stage: f[2], status: f[3], value: f[4], line: n})
	}
	return out
}

// seqValue reports whether the result's evidence value is want: "-" for
// none, else the value as written, or the sum of the parts.
func seqValue(r *app.PeriodResult, want string) bool {
	if want == "-" {
		return r.Evidence == nil || r.Evidence.Value == nil
	}
	v, err := strconv.ParseFloat(want, 64)
	if err != nil || r.Evidence == nil || r.Evidence.Value == nil {
		return false
	}
	if *r.Evidence.Value == v {
		return true
	}
	sum := 0.0
	for _, p := range r.Parts {
		if p.Value == nil {
			return false
		}
		sum += *p.Value
	}
	return len(r.Parts) > 1 && math.Abs(sum-v) < 1e-9
}

func seqEvidence(r *app.PeriodResult) string {
	if r.Evidence == nil {
		return "none"
	}
	return r.Evidence.Figure + " (" + r.Evidence.Text + ")"
}
