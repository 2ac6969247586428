package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zongjie/internal/shared"
)

func TestRunAndScore(t *testing.T) {
	dir := shared.Dir(t, "")
	out := filepath.Join(t.TempDir(), "corpus")
	var stdout bytes.Buffer
	if err := run([]string{"-n", "30", "-seed", "3", "-mean", "2000", "-shared", dir, "-out", out}, &stdout); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout.String(), "30 reports") || !strings.Contains(stdout.String(), "MB in") {
		t.Errorf("output:\n%s", stdout.String())
	}
	files, _ := filepath.Glob(filepath.Join(out, "*.txt"))
	if len(files) != 30 {
		t.Errorf("%d text files, want 30", len(files))
	}
	// Again into the same directory, smaller: the old corpus goes.
	stdout.Reset()
	if err := run([]string{"-n", "10", "-seed", "4", "-mean", "2000", "-shared", dir, "-out", out}, &stdout); err != nil {
		t.Fatal(err)
	}
	files, _ = filepath.Glob(filepath.Join(out, "*.txt"))
	if len(files) != 10 {
		t.Errorf("%d text files after a second run, want 10", len(files))
	}
	// Not into a directory that holds something else.
	other := t.TempDir()
	if err := os.WriteFile(filepath.Join(other, "notes.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run([]string{"-n", "10", "-shared", dir, "-out", other}, &stdout); err == nil {
		t.Error("wrote into a directory that is not a corpus")
	}
	// The truth scored against itself.
	stdout.Reset()
	truth := filepath.Join(out, "truth.jsonl")
	if err := run([]string{"-out", out, "-score", truth}, &stdout); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout.String(), "precision 1.0000  recall 1.0000") {
		t.Errorf("score output:\n%s", stdout.String())
	}
	// Nothing found.
	empty := filepath.Join(t.TempDir(), "found.jsonl")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	stdout.Reset()
	if err := run([]string{"-out", out, "-score", empty}, &stdout); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout.String(), "recall 0.0000") {
		t.Errorf("score output:\n%s", stdout.String())
	}
}

func TestRunErrors(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"-out", t.TempDir(), "-fresh", "words"},
		{"-out", t.TempDir(), "extra"},
		{"-out", t.TempDir(), "-score", filepath.Join(t.TempDir(), "missing.jsonl")},
		{"-out", t.TempDir(), "-shared", t.TempDir()},
	} {
		if err := run(args, new(bytes.Buffer)); err == nil {
			t.Errorf("%q: no error", args)
		}
	}
}
