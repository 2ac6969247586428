// Command gen writes a synthetic corpus of Chinese work reports with
// known text reuse, and scores a reuse detector's passages against it.
//
//	go run ./bench/gen -n 10000 -seed 1 -out /tmp/zjcorpus [-shared ../shared] [-mean 9000]
//	go run ./bench/gen -out /tmp/zjcorpus -score found.jsonl
//
// The first form reads the real sentences of the shared material,
// generates -n reports and writes them to -out: <id>.txt per report,
// truth.jsonl (the ground truth, one passage a line) and reports.jsonl
// (see package zongjie/internal/gen). -out must be new, empty or hold an
// earlier corpus, which is removed first. It prints the time taken and
// the megabytes written. The second form scores found.jsonl, passages in
// the same JSON form, against -out/truth.jsonl: character precision and
// recall, granularity, PAN's plagdet and the boundary error, with recall
// for each kind of reuse.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"time"

	"zongjie/internal/gen"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	flags := flag.NewFlagSet("gen", flag.ContinueOnError)
	var (
		cfg    gen.Config
		out    = flags.String("out", "", "directory to write the corpus to (or, with -score, to read truth.jsonl from)")
		shared = flags.String("shared", "", "the shared material (default ../shared beside the module root)")
		score  = flags.String("score", "", "score this file of found passages (JSON lines) against -out/truth.jsonl instead of generating")
		fresh  = flags.String("fresh", "spliced", "how fresh text is written: spliced (fragments of real sentences) or sentences (whole real sentences)")
	)
	flags.IntVar(&cfg.N, "n", 10000, "number of reports")
	flags.Int64Var(&cfg.Seed, "seed", 1, "random seed")
	flags.IntVar(&cfg.MeanChars, "mean", gen.DefaultMeanChars, "mean length of a report in characters")
	flags.Float64Var(&cfg.CopyShare, "copy", 0, "share of units that take part in reuse (0: default 0.6, negative: none)")
	flags.Float64Var(&cfg.FamilyShare, "families", 0, "share of reusing units in template families (0: default 0.2, negative: none)")
	flags.Float64Var(&cfg.SpliceRate, "splice", 0, "probability that a reusing unit's report receives spliced paragraphs (0: default 0.2, negative: none)")
	flags.Float64Var(&cfg.YearOnYear, "yoy", 0, "probability that a reusing unit's report is made from its previous one (0: default 0.85, negative: none)")
	flags.Float64Var(&cfg.EditRate, "edits", 0, "scale of the edit probabilities (0: default 1, negative: no edits but years)")
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	if flags.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", flags.Args())
	}
	if *out == "" {
		return fmt.Errorf("-out is required")
	}
	if *score != "" {
		return scoreFile(stdout, *score, filepath.Join(*out, gen.TruthFile))
	}
	switch *fresh {
	case "spliced":
		cfg.Fresh = gen.FreshSpliced
	case "sentences":
		cfg.Fresh = gen.FreshSentences
	default:
		return fmt.Errorf("-fresh %q: want spliced or sentences", *fresh)
	}
	dir := *shared
	if dir == "" {
		var err error
		if dir, err = defaultShared(); err != nil {
			return err
		}
	}

	if err := clearOld(*out); err != nil {
		return err
	}
	t0 := time.Now()
	sentences, err := gen.LoadSentences(dir)
	if err != nil {
		return err
	}
	t1 := time.Now()
	c, err := gen.Generate(sentences, cfg)
	if err != nil {
		return err
	}
	t2 := time.Now()
	if err := gen.WriteDir(c, *out); err != nil {
		return err
	}
	t3 := time.Now()

	var chars, bytes int64
	for _, r := range c.Reports {
		chars += int64(r.Chars)
	}
	kinds := make(map[string]int)
	clean := 0
	for _, p := range c.Truth {
		kinds[p.Kind]++
	}
	for _, r := range c.Reports {
		if r.Clean {
			clean++
		}
	}
	entries, err := os.ReadDir(*out)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if info, err := e.Info(); err == nil && info.Mode().IsRegular() {
			bytes += info.Size()
		}
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Fprintf(stdout, "%d sentences read in %v\n", len(sentences), t1.Sub(t0).Round(time.Millisecond))
	fmt.Fprintf(stdout, "%d reports (%d units, %d template families, %d clean reports), %.1f M characters, mean %d, generated in %v\n",
		len(c.Reports), c.Units, c.Families, clean, float64(chars)/1e6, chars/int64(len(c.Reports)), t2.Sub(t1).Round(time.Millisecond))
	fmt.Fprintf(stdout, "%d true passages:", len(c.Truth))
	for _, k := range slices.Sorted(maps.Keys(kinds)) {
		fmt.Fprintf(stdout, " %s %d", k, kinds[k])
	}
	fmt.Fprintln(stdout)
	fmt.Fprintf(stdout, "wrote %s: %.1f MB in %v (total %v, peak heap %.1f GB)\n",
		*out, float64(bytes)/1e6, t3.Sub(t2).Round(time.Millisecond), t3.Sub(t0).Round(time.Millisecond), float64(ms.HeapSys)/1e9)
	return nil
}

// scoreFile prints the scores of the passages in found against truth.
func scoreFile(w io.Writer, found, truth string) error {
	t, err := gen.ReadPassagesFile(truth)
	if err != nil {
		return err
	}
	f, err := gen.ReadPassagesFile(found)
	if err != nil {
		return err
	}
	s := gen.Score(t, f)
	fmt.Fprintf(w, "passages: %d true, %d found, %d true detected\n", s.TruthPassages, s.FoundPassages, s.Detected)
	fmt.Fprintf(w, "characters: %d true, %d found, %d both\n", s.TruthChars, s.FoundChars, s.OverlapChars)
	fmt.Fprintf(w, "precision %.4f  recall %.4f  F1 %.4f  granularity %.4f  plagdet %.4f\n", s.Precision, s.Recall, s.F1, s.Granularity, s.PlagDet)
	b := s.Boundary
	fmt.Fprintf(w, "boundary error over %d ends: mean %.2f, median %d, p90 %d, max %d characters; exact %.1f%%, within %d %.1f%%\n",
		b.Ends, b.Mean, b.Median, b.P90, b.Max, 100*b.Exact, gen.BoundarySlack, 100*b.Within)
	for _, k := range slices.Sorted(maps.Keys(s.Kinds)) {
		ks := s.Kinds[k]
		name := k
		if name == "" {
			name = "(no kind)"
		}
		fmt.Fprintf(w, "  %-9s recall %.4f  (%d of %d passages detected)\n", name, ks.Recall, ks.Detected, ks.Passages)
	}
	return nil
}

// clearOld makes dir ready for a corpus: it must be missing, empty or
// hold an earlier corpus, whose files are removed (so that no report of a
// larger one is left behind).
func clearOld(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) || err == nil && len(entries) == 0 {
		return nil
	}
	if err != nil {
		return err
	}
	f, err := os.Open(filepath.Join(dir, gen.ReportsFile))
	if err != nil {
		return fmt.Errorf("%s is not empty and holds no %s: choose an empty or new -out", dir, gen.ReportsFile)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var info gen.ReportInfo
		if err := json.Unmarshal(sc.Bytes(), &info); err != nil {
			return fmt.Errorf("%s: %w", f.Name(), err)
		}
		if info.Path == "" || filepath.Base(info.Path) != info.Path {
			return fmt.Errorf("%s: unexpected path %q", f.Name(), info.Path)
		}
		if err := os.Remove(filepath.Join(dir, info.Path)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	for _, name := range []string{gen.TruthFile, gen.ReportsFile} {
		if err := os.Remove(filepath.Join(dir, name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}

// defaultShared returns ../shared beside the module root (the directory
// with go.mod, found upwards from the working directory).
func defaultShared() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return filepath.Join(d, "..", "shared"), nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return filepath.Join(dir, "..", "shared"), nil
		}
		d = parent
	}
}
