package app_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"zongjie/app"
	"zongjie/extract"
	"zongjie/internal/shared"
	"zongjie/output"
)

// determinismOut names the file a child run of TestDeterminism writes its
// output to, in the environment of the fresh process the parent starts.
const determinismOut = "ZONGJIE_DETERMINISM_OUT"

// TestDeterminism: the same input gives the same output, byte for byte.
// Every seed, the corpus files that are not held out, the odd-numbered
// clean reports and the tuning units' tracked sequences are extracted (outline, metadata, quantities, targets)
// and checked as the command line does (extract --format json, check
// --format json); the JSON must be the same in three runs in this process
// — one file after another, all at once on every processor, and in the
// reverse order, so that state one file or goroutine leaves to the next
// shows — and in a fresh process (this test binary run again), where
// package initialisation and map seeds start over. Go orders a map's
// iteration at random on each range, so output that depends on it
// differs between the runs.
func TestDeterminism(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the seeds, the corpus and the clean reports")
	}
	ins := determinismInputs(t)
	if path := os.Getenv(determinismOut); path != "" {
		// The fresh process: write the output for the parent to compare.
		if err := os.WriteFile(path, bytes.Join(pipelineOutput(t, ins, serial), nil), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want := pipelineOutput(t, ins, serial)
	for _, order := range []runOrder{parallel, reversed} {
		same(t, order.String(), ins, want, pipelineOutput(t, ins, order))
	}

	out := filepath.Join(t.TempDir(), "fresh.json")
	cmd := exec.Command(os.Args[0], "-test.run=^TestDeterminism$", "-test.count=1")
	cmd.Env = append(os.Environ(), determinismOut+"="+out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the fresh process failed: %v\n%s", err, msg)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if joined := bytes.Join(want, nil); !bytes.Equal(got, joined) {
		// Split the fresh output as want is, to name the input.
		var parts [][]byte
		for _, w := range want {
			n := min(len(w), len(got))
			parts, got = append(parts, got[:n]), got[n:]
		}
		parts[len(parts)-1] = append(parts[len(parts)-1], got...)
		same(t, "a fresh process", ins, want, parts)
	}
}

// runOrder is how a run goes through the inputs.
type runOrder int

const (
	serial   runOrder = iota // one after another, in order
	parallel                 // all at once (app.Extract, on every processor)
	reversed                 // one after another, last first
)

func (o runOrder) String() string {
	return [...]string{"one file after another", "all files at once", "in the reverse order"}[o]
}

// determinismInputs reads the seeds, the corpus files not held out and
// the odd-numbered clean reports (the even ones are held back), named by
// their path under ../shared or the repository, so that the output does
// not hold the machine's paths.
func determinismInputs(t *testing.T) []app.Input {
	t.Helper()
	var paths []string
	paths = append(paths, shared.Files(t, "seeds", ".txt")...)
	paths = append(paths, shared.TuningCorpus(t)...)
	clean, _ := filepath.Glob(filepath.Join("..", "check", "rules", "testdata", "clean", "*.txt"))
	for _, p := range clean {
		var n int
		if _, err := fmt.Sscanf(filepath.Base(p), "%d-", &n); err == nil && n%2 == 1 {
			paths = append(paths, p)
		}
	}
	if len(clean) == 0 {
		t.Fatal("no clean reports in check/rules/testdata/clean")
	}
	paths = append(paths, seqFiles(t, filepath.Join("..", "track", "testdata", "seq"))...)
	var ins []app.Input
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.ToSlash(p)
		if i := strings.Index(name, "/shared/"); i >= 0 {
			name = name[i+1:]
		}
		ins = append(ins, app.Input{Name: strings.TrimPrefix(name, "../"), Data: data})
	}
	return ins
}

// seqFiles returns the reports of the tuning units of the tracked
// sequences in dir (track/testdata/seq): 桃源镇, whose 2500亩 a test
// binary was once seen to date otherwise than the command line, and
// 东湖街道. The other two units are held back and not read.
func seqFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	for _, unit := range []string{"taoyuan", "donghu"} {
		m, _ := filepath.Glob(filepath.Join(dir, unit+"-*.txt"))
		if len(m) == 0 {
			t.Fatalf("no %s reports in %s", unit, dir)
		}
		out = append(out, m...)
	}
	return out
}

// pipelineOutput returns, for each input, its extraction and its check
// as the command line writes them in JSON: the check reads the reports as
// the command reads them for it (no targets, names asked for, no unit).
func pipelineOutput(t *testing.T, ins []app.Input, order runOrder) [][]byte {
	t.Helper()
	a := app.New(app.Options{})
	ctx := context.Background()
	forCheck := make([]app.Input, len(ins))
	for i, in := range ins {
		forCheck[i] = in
		forCheck[i].Stated = extract.Options{NoTargets: true, NoNames: true, NoUnit: true}
	}
	docs, checked := make([]app.Document, len(ins)), make([]app.Document, len(ins))
	switch order {
	case parallel:
		all := a.Extract(ctx, append(slices.Clone(ins), forCheck...))
		copy(docs, all[:len(ins)])
		copy(checked, all[len(ins):])
	default:
		for k := range ins {
			i := k
			if order == reversed {
				i = len(ins) - 1 - k
			}
			docs[i] = a.Extract(ctx, ins[i:i+1])[0]
			checked[i] = a.Extract(ctx, forCheck[i:i+1])[0]
		}
	}
	out := make([][]byte, len(ins))
	for i := range ins {
		if docs[i].Err != nil {
			t.Fatalf("%s: %v", ins[i].Name, docs[i].Err)
		}
		c, err := a.CheckDocument(checked[i])
		if err != nil {
			t.Fatalf("%s: %v", ins[i].Name, err)
		}
		var b bytes.Buffer
		if err := output.WriteJSON(&b, output.ExtractResult{Documents: docs[i].Reports}); err != nil {
			t.Fatal(err)
		}
		if err := output.WriteJSON(&b, output.CheckResult{Files: []output.CheckFile{{Path: c.File.Path, Chars: c.File.Chars(), Diagnostics: c.Diagnostics}}}); err != nil {
			t.Fatal(err)
		}
		out[i] = b.Bytes()
	}
	return out
}

// same reports each input whose output in run differs from want, with
// the first line that differs.
func same(t *testing.T, run string, ins []app.Input, want, got [][]byte) {
	t.Helper()
	for i := range want {
		if bytes.Equal(want[i], got[i]) {
			continue
		}
		w, g := strings.Split(string(want[i]), "\n"), strings.Split(string(got[i]), "\n")
		n := 0
		for n < len(w) && n < len(g) && w[n] == g[n] {
			n++
		}
		line := func(ls []string) string {
			if n < len(ls) {
				return ls[n]
			}
			return "(end)"
		}
		t.Errorf("%s, %s: the output differs from the first run's at line %d of its JSON:\n  first: %s\n  now:   %s",
			ins[i].Name, run, n+1, strings.TrimSpace(line(w)), strings.TrimSpace(line(g)))
	}
}
