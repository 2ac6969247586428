package eval

import (
	"flag"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"zongjie/internal/shared"
)

var writeFloors = flag.Bool("floors", false, "rewrite testdata/floors.tsv with the figures measured now (read the diff before committing it)")

// seed is the injection seed; changing it changes which errors are made.
const seed = 12

// perKind is how many errors of each kind are injected into each file.
const perKind = 2

// TestHeldOut measures every figure on the held-out files and our own
// county reports, logs the table (go test -v, or make eval), and fails when
// a figure falls below its floor in testdata/floors.tsv (above, for the
// figures where less is better). ZONGJIE_EVAL_LIST=1 also logs every miss:
// the items behind the figures.
func TestHeldOut(t *testing.T) {
	dir := shared.Dir(t, "corpus")
	c, err := LoadCorpus(dir, "national/2015.txt")
	if err != nil {
		t.Fatal(err)
	}
	truth, err := LoadTruth("testdata/clean_true.tsv")
	if err != nil {
		t.Fatal(err)
	}
	layouts, err := Layouts(c, "testdata/sections.tsv", "testdata/meta.tsv")
	if err != nil {
		t.Fatal(err)
	}
	typos, err := readTSV("testdata/typos.tsv")
	if err != nil {
		t.Fatal(err)
	}
	var results []*Result
	for _, m := range []func() (*Result, error){
		func() (*Result, error) { return Meta(c, "testdata/meta.tsv") },
		func() (*Result, error) { return Sections(c, "testdata/sections.tsv") },
		func() (*Result, error) { return Targets(c, "testdata/targets.tsv") },
		func() (*Result, error) { return Track(c, "testdata/track.tsv") },
		func() (*Result, error) { return Figures(c, "testdata/figures.tsv") },
		func() (*Result, error) { return Numerals("testdata/numerals.tsv") },
		func() (*Result, error) { return Recall(c, layouts, typos, perKind, seed) },
		func() (*Result, error) { return Clean(c, truth), nil },
		func() (*Result, error) { return County("testdata/county", "testdata/county.tsv", truth) },
	} {
		r, err := m()
		if err != nil {
			t.Fatal(err)
		}
		results = append(results, r)
	}
	var figs []Figure
	var misses []string
	for _, r := range results {
		figs = append(figs, r.Figures...)
		misses = append(misses, r.Misses...)
	}
	table := Table(figs)
	t.Log("\n" + table)
	list := os.Getenv("ZONGJIE_EVAL_LIST") != ""
	if os.Getenv("ZONGJIE_EVAL_PRINT") != "" {
		fmt.Print(table)
		if list {
			fmt.Println(strings.Join(misses, "\n"))
		}
	} else if list {
		t.Log("\n" + strings.Join(misses, "\n"))
	}
	if *writeFloors {
		if err := saveFloors("testdata/floors.tsv", figs); err != nil {
			t.Fatal(err)
		}
	}
	floors, err := readTSV("testdata/floors.tsv")
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]Figure{}
	for _, f := range figs {
		byName[f.Name] = f
	}
	for _, fl := range floors {
		f, ok := byName[fl.get(0)]
		if !ok {
			t.Errorf("floors.tsv:%d: no figure %q", fl.line, fl.get(0))
			continue
		}
		v, err := strconv.ParseFloat(fl.get(2), 64)
		if err != nil {
			t.Fatalf("floors.tsv:%d: %v", fl.line, err)
		}
		switch fl.get(1) {
		case "min":
			if f.Value < v-1e-9 {
				t.Errorf("%s fell to %s, below its floor %g", f.Name, f, v)
			}
		case "max":
			if f.Value > v+1e-9 {
				t.Errorf("%s rose to %s, above its ceiling %g", f.Name, f, v)
			}
		default:
			t.Fatalf("floors.tsv:%d: want min or max, got %q", fl.line, fl.get(1))
		}
	}
	for _, f := range figs {
		found := false
		for _, fl := range floors {
			found = found || fl.get(0) == f.Name
		}
		if !found {
			t.Errorf("figure %q has no floor in floors.tsv", f.Name)
		}
	}
}

// saveFloors writes every figure's current value as its floor (its
// ceiling where less is better), rounded the safe way.
func saveFloors(path string, figs []Figure) error {
	var sb strings.Builder
	sb.WriteString("# Floors: TestHeldOut fails when a figure falls below its min (rises above its max, where less is better).\n")
	sb.WriteString("# Set at the measured values by go test ./eval -run TestHeldOut -floors; raise them as work lands.\n")
	sb.WriteString("# figure\tmin|max\tvalue\n")
	for _, f := range figs {
		if f.Lower {
			fmt.Fprintf(&sb, "%s\tmax\t%s\n", f.Name, strconv.FormatFloat(math.Ceil(f.Value*1e4)/1e4, 'f', -1, 64))
		} else {
			fmt.Fprintf(&sb, "%s\tmin\t%s\n", f.Name, strconv.FormatFloat(math.Floor(f.Value*1e4)/1e4, 'f', -1, 64))
		}
	}
	return os.WriteFile(path, []byte(sb.String()), 0o644)
}
