package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// runWithin runs the command line and fails the test if it has not
// returned within 20 seconds (reading a named pipe waits for a writer
// forever).
func runWithin(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	type res struct {
		code     int
		out, err string
	}
	done := make(chan res, 1)
	go func() {
		code, out, errOut := runCLI(t, "", args...)
		done <- res{code, out, errOut}
	}()
	select {
	case r := <-done:
		return r.code, r.out, r.err
	case <-time.After(20 * time.Second):
		t.Fatalf("%q: still running after 20 s", args)
		return 0, "", ""
	}
}

// TestNotRegularFiles: a named pipe in a folder is skipped by add, with a
// message, and the other files are added; a named pipe or a device given
// to any command that reads or writes a user's file is refused at once.
func TestNotRegularFiles(t *testing.T) {
	dir := exampleFiles(t)
	fifo := filepath.Join(dir, "a.txt")
	mkfifo(t, fifo)
	db := filepath.Join(t.TempDir(), "z.db")
	code, out, errOut := runWithin(t, "add", "--db", db, dir)
	if code != exitOK || !strings.Contains(out, "新增 5 篇报告") ||
		!strings.Contains(errOut, "跳过 "+fifo+"：不是普通文件，而是命名管道") {
		t.Errorf("add of a folder with a named pipe: %d\n%s\n%s", code, out, errOut)
	}

	good := filepath.Join(dir, "shiqiao-2025.txt")
	old := filepath.Join(dir, "shiqiao-2024.txt")
	for _, args := range [][]string{
		{"add", "--db", db, fifo},
		{"extract", fifo},
		{"extract", os.DevNull},
		{"check", fifo},
		{"check", "--config", fifo, good},
		{"compare", fifo, good},
		{"similar", "--db", db, fifo},
		{"track", fifo, good},
		{"series", fifo, good},
		{"draft", "--from", fifo},
		{"draft", "--from", old, "--data", fifo},
		{"export", fifo, "-o", filepath.Join(t.TempDir(), "x.docx")},
		{"export", good, "-o", fifo},
		{"draft", "--from", old, "-o", fifo},
		{"list", "--db", fifo},
	} {
		code, _, errOut := runWithin(t, args...)
		if code != exitUsage || !strings.Contains(errOut, "不是普通文件") {
			t.Errorf("%q: exit %d, stderr %q; want %d and the reason", args[:len(args)-1], code, errOut, exitUsage)
		}
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the named pipe was replaced by an output: %v", err)
	}
}

// TestCheckWriteRemovesStaleTemporaries: the temporaries a killed
// check --write left beside a file (of the file and of its backups) are
// removed by the next run that writes it, which leaves none of its own.
func TestCheckWriteRemovesStaleTemporaries(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.txt")
	if err := os.WriteFile(path, []byte(checkReport), 0o644); err != nil {
		t.Fatal(err)
	}
	var stale []string
	for _, name := range []string{".r.txt.bak.2947114321.tmp", ".r.txt.1183604.tmp", ".r.txt.bak.3.77.zongjie.tmp"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, make([]byte, 4<<20), 0o644); err != nil {
			t.Fatal(err)
		}
		old := time.Now().Add(-time.Hour)
		os.Chtimes(p, old, old)
		stale = append(stale, p)
	}
	code, _, errOut := runCLI(t, "", "check", "--write", path)
	if code == exitUsage || !strings.Contains(errOut, "原文件备份为 "+path+".bak") {
		t.Fatalf("check --write: %d %s", code, errOut)
	}
	for _, p := range stale {
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("stale temporary %s is still there", filepath.Base(p))
		}
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != "r.txt r.txt.bak" {
		t.Errorf("files after check --write: %q; want the file and its backup", names)
	}
	if b, _ := os.ReadFile(path + ".bak"); string(b) != checkReport {
		t.Errorf("the backup does not hold the original")
	}
	if b, _ := os.ReadFile(path); string(b) == checkReport {
		t.Errorf("the file was not fixed")
	}
}

// TestExportRemovesStaleTemporaries: export (and every other writer)
// removes the temporaries a killed run left beside its output.
func TestExportRemovesStaleTemporaries(t *testing.T) {
	dir := exampleFiles(t)
	out := filepath.Join(t.TempDir(), "out.docx")
	stale := filepath.Join(filepath.Dir(out), ".out.docx.1234567.zongjie.tmp")
	if err := os.WriteFile(stale, make([]byte, 1<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	os.Chtimes(stale, old, old)
	if code, _, errOut := runCLI(t, "", "export", filepath.Join(dir, "shiqiao-2025.txt"), "-o", out); code != exitOK {
		t.Fatalf("export: %d %s", code, errOut)
	}
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the stale temporary of the output is still there")
	}
}
