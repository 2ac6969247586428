// Package shared locates the shared test material that sits beside the
// repository (../shared: seeds, corpus, reference). Tests that need it call
// Dir; without it they skip, unless ZONGJIE_REQUIRE_SHARED is set (as .ci/run
// does), in which case they fail.
package shared

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the path of ../shared/<sub> relative to the module root.
func Dir(tb testing.TB, sub string) string {
	tb.Helper()
	root, err := moduleRoot()
	if err != nil {
		tb.Fatalf("find module root: %v", err)
	}
	dir := filepath.Join(root, "..", "shared", sub)
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("ZONGJIE_REQUIRE_SHARED") != "" {
			tb.Fatalf("shared test material missing at %s: %v", dir, err)
		}
		tb.Skipf("shared test material not found at %s; skipping (CI sets ZONGJIE_REQUIRE_SHARED and fails instead)", dir)
	}
	return dir
}

// Files returns the paths of the files in ../shared/<sub> with the given
// extension, sorted.
func Files(tb testing.TB, sub, ext string) []string {
	tb.Helper()
	dir := Dir(tb, sub)
	matches, err := filepath.Glob(filepath.Join(dir, "*"+ext))
	if err != nil || len(matches) == 0 {
		tb.Fatalf("no %s files in %s", ext, dir)
	}
	return matches
}

// moduleRoot walks up from the working directory to the directory with
// go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}

// HeldOut reports whether a corpus file, named by its path under
// ../shared/corpus ("national/2016.txt", either separator), is held out
// of tuning (heldOut). The one list for tests and for the tools that
// build data from the corpus (lexgen, bigramgen).
func HeldOut(rel string) bool { return heldOut[filepath.ToSlash(rel)] }

// heldOut are the corpus files kept out of tuning: an evaluator measures
// on them, so no rule may be crafted from them (see README, "Finding
// rate"). Tests that gather data to tune or check a mechanism against
// (names, pairs) skip them; whole-corpus regression tests may still read
// them.
var heldOut = map[string]bool{
	"national/2016.txt": true, "national/2017.txt": true,
	"province2026/内蒙古自治区.txt": true, "province2026/天津市.txt": true, "province2026/山西省.txt": true,
	"province2026/江苏省.txt": true, "province2026/浙江省.txt": true, "province2026/甘肃省.txt": true,
	"province2026/辽宁省.txt": true, "province2026/黑龙江省.txt": true,
}

// TuningCorpus returns the paths of the corpus files (../shared/corpus/*/
// *.txt) that are not held out, sorted.
func TuningCorpus(tb testing.TB) []string {
	tb.Helper()
	dir := Dir(tb, "corpus")
	matches, err := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	if err != nil || len(matches) == 0 {
		tb.Fatalf("no corpus files in %s", dir)
	}
	var out []string
	for _, m := range matches {
		rel, err := filepath.Rel(dir, m)
		if err != nil || HeldOut(rel) {
			continue
		}
		out = append(out, m)
	}
	return out
}

// TuningTexts reads, from the shared folder dir, the corpus files that are
// not held out and the seeds: the text the data tools (lexgen, bigramgen)
// learn from.
func TuningTexts(dir string) ([]string, error) {
	corpus, _ := filepath.Glob(filepath.Join(dir, "corpus", "*", "*.txt"))
	seeds, _ := filepath.Glob(filepath.Join(dir, "seeds", "*.txt"))
	if len(corpus) == 0 || len(seeds) == 0 {
		return nil, fmt.Errorf("no corpus or seeds under %s (-shared)", dir)
	}
	var texts []string
	for _, path := range append(corpus, seeds...) {
		rel, _ := filepath.Rel(filepath.Join(dir, "corpus"), path)
		if HeldOut(rel) {
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		texts = append(texts, string(data))
	}
	return texts, nil
}
