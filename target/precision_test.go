package target_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zongjie/document"
	"zongjie/extract"
	"zongjie/reader"
)

// TestPrecision measures the target finder on plan parts we wrote in the
// genre's style (testdata/plan-*.txt: a 街道 plan, a 镇 plan, a county and
// a province 政府工作报告, a bureau's 工作要点) with every true target
// annotated by reading (testdata/plans.tsv): precision is the share of the
// targets found that are annotated, recall the share of the annotated ones
// found. README states the figures; the floors here keep them.
func TestPrecision(t *testing.T) {
	for _, set := range []struct {
		name, files, tsv string
		p, r             float64 // floors
	}{
		{"plans", "testdata/plan-*.txt", "testdata/plans.tsv", 0.95, 0.90},
		{"unseen", "testdata/unseen-*.txt", "testdata/unseen.tsv", 0.90, 0.85},
	} {
		t.Run(set.name, func(t *testing.T) {
			p, r := measure(t, set.files, set.tsv)
			if p < set.p || r < set.r {
				t.Errorf("precision %.3f (floor %.2f), recall %.3f (floor %.2f)", p, set.p, r, set.r)
			}
		})
	}
}

// measure returns the precision and recall of the targets found in files
// against the annotations of tsv.
func measure(t *testing.T, glob, tsv string) (float64, float64) {
	type ann struct {
		span  document.Span
		found bool
	}
	anns := map[string][]*ann{}
	for _, e := range readTSV(t, tsv) {
		file, snippet := e[0], e[1]
		data, err := os.ReadFile(filepath.Join("testdata", file))
		if err != nil {
			t.Fatal(err)
		}
		i := strings.Index(string(data), snippet)
		if i < 0 || strings.Count(string(data), snippet) != 1 {
			t.Fatalf("%s: %q occurs %d times in %s, want once", tsv, snippet, strings.Count(string(data), snippet), file)
		}
		anns[file] = append(anns[file], &ann{span: document.Span{Start: i, End: i + len(snippet)}})
	}
	files, _ := filepath.Glob(glob)
	var found, right, annotated int
	for _, path := range files {
		f, err := reader.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(path)
		as := anns[name]
		annotated += len(as)
		var fileFound, fileRight int
		for _, r := range extract.File(f) {
			for _, tg := range r.Targets {
				fileFound++
				hit := false
				for _, a := range as {
					if !a.found && tg.FigureSpan.Start < a.span.End && tg.FigureSpan.End > a.span.Start {
						a.found, hit = true, true
						break
					}
				}
				if hit {
					fileRight++
				} else {
					t.Logf("%s:%d: not a target: %s %s", name, tg.Line, tg.Name, tg.Figure)
				}
			}
		}
		for _, a := range as {
			if !a.found {
				t.Logf("%s: missed: %s", name, f.Text[a.span.Start:a.span.End])
			}
		}
		found += fileFound
		right += fileRight
	}
	if found == 0 || annotated == 0 {
		t.Fatal("nothing measured")
	}
	p, r := float64(right)/float64(found), float64(right)/float64(annotated)
	t.Logf("targets: %d found, %d annotated, %d right: precision %.3f, recall %.3f", found, annotated, right, p, r)
	return p, r
}

// readTSV reads the rows of a tab-separated file, skipping blank lines and
// # comments.
func readTSV(t *testing.T, path string) [][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out [][]string
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, strings.Split(line, "\t"))
	}
	return out
}
