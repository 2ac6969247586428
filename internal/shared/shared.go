// Package shared locates the shared test material that sits beside the
// repository (../shared: seeds, corpus, reference). Tests that need it call
// Dir; without it they skip, unless ZONGJIE_REQUIRE_SHARED is set (as .ci/run
// does), in which case they fail.
package shared

import (
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
