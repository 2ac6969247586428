package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"
)

// failWriter fails every write.
type failWriter struct{}

var errWrite = errors.New("disk full")

func (failWriter) Write([]byte) (int, error) { return 0, errWrite }

func TestWriteFormat(t *testing.T) {
	v := map[string]any{"unit": "石桥镇<街道>&", "n": []int{1, 2}}
	text := func(w io.Writer) error {
		_, err := fmt.Fprintln(w, "石桥镇：2 篇")
		return err
	}
	for _, c := range []struct {
		name, format string
		want         string
		wantErr      string
	}{
		// Indented, HTML characters as they are, one line feed at the end.
		{"json", "json", "{\n  \"n\": [\n    1,\n    2\n  ],\n  \"unit\": \"石桥镇<街道>&\"\n}\n", ""},
		{"text", "text", "石桥镇：2 篇\n", ""},
		// Near misses of the two formats write nothing: the usage error.
		{"csv", "csv", "", `不支持的输出格式 "csv"，可选 text、json`},
		{"upper case", "JSON", "", `不支持的输出格式 "JSON"，可选 text、json`},
		{"blank", "", "", `不支持的输出格式 ""，可选 text、json`},
	} {
		t.Run(c.name, func(t *testing.T) {
			var b bytes.Buffer
			err := writeFormat(&b, c.format, v, text)
			if got := b.String(); got != c.want {
				t.Errorf("wrote %q, want %q", got, c.want)
			}
			if c.wantErr == "" && err != nil || c.wantErr != "" && (err == nil || err.Error() != c.wantErr) {
				t.Errorf("error %v, want %q", err, c.wantErr)
			}
		})
	}
}

// An unknown format is the error checkFormat says to the user, word for
// word.
func TestWriteFormatUsageError(t *testing.T) {
	var stderr bytes.Buffer
	if checkFormat(&env{stderr: &stderr}, "list", "xml") {
		t.Fatal("checkFormat accepts xml")
	}
	err := writeFormat(io.Discard, "xml", nil, func(io.Writer) error { return nil })
	if want := "zongjie list: " + err.Error() + "\n"; stderr.String() != want {
		t.Errorf("checkFormat says %q, writeFormat's error %q", stderr.String(), want)
	}
	for _, f := range []string{"text", "json"} {
		stderr.Reset()
		if !checkFormat(&env{stderr: &stderr}, "list", f) || stderr.Len() > 0 {
			t.Errorf("checkFormat refuses %s: %q", f, stderr.String())
		}
	}
}

// A failed write is returned: the JSON encoder's, or the text writer's own.
func TestWriteFormatWriteError(t *testing.T) {
	called := false
	text := func(w io.Writer) error {
		called = true
		_, err := io.WriteString(w, "x")
		return err
	}
	if err := writeFormat(failWriter{}, "json", []int{1}, text); !errors.Is(err, errWrite) {
		t.Errorf("json: error %v, want %v", err, errWrite)
	}
	if called {
		t.Error("json: the text writer was called")
	}
	if err := writeFormat(failWriter{}, "text", []int{1}, text); !errors.Is(err, errWrite) {
		t.Errorf("text: error %v, want %v", err, errWrite)
	}
	// A value JSON cannot encode is an error too, and nothing is written.
	var b bytes.Buffer
	if err := writeFormat(&b, "json", func() {}, text); err == nil || b.Len() > 0 {
		t.Errorf("json of a func: error %v, wrote %q", err, b.String())
	}
}

// shortWriter takes n bytes, then fails every write, and counts the
// writes it was asked for after failing.
type shortWriter struct {
	n, after int
	b        bytes.Buffer
}

func (s *shortWriter) Write(p []byte) (int, error) {
	if s.b.Len()+len(p) > s.n {
		s.after++
		return 0, errWrite
	}
	return s.b.Write(p)
}

// A text writer that leaves fmt.Fprintf's errors unchecked, as most do,
// has its first failed write returned all the same, and writes nothing
// after it.
func TestWriteFormatUncheckedText(t *testing.T) {
	text := func(w io.Writer) error {
		for i := range 5 {
			fmt.Fprintf(w, "第%d行\n", i)
		}
		return nil
	}
	w := &shortWriter{n: 12}
	if err := writeFormat(w, "text", nil, text); !errors.Is(err, errWrite) {
		t.Fatalf("error %v, want %v", err, errWrite)
	}
	if w.after != 1 || w.b.String() != "第0行\n" {
		t.Errorf("wrote %q and was asked %d writes after the failure, want 第0行 and 1", w.b.String(), w.after)
	}
	// Near miss: a writer with room for all of it.
	w = &shortWriter{n: 1 << 10}
	if err := writeFormat(w, "text", nil, text); err != nil || w.after != 0 || strings.Count(w.b.String(), "\n") != 5 {
		t.Errorf("error %v, wrote %q", err, w.b.String())
	}
}

// writeOut says a failed write on standard error and exits 2: the
// result is lost, and a command that exited 0 would look as if it had
// succeeded. Written in full, it exits 0 and says nothing.
func TestWriteOut(t *testing.T) {
	text := func(w io.Writer) error {
		fmt.Fprintln(w, "石桥镇")
		return nil
	}
	for _, format := range []string{"text", "json"} {
		var stderr bytes.Buffer
		if code := writeOut(&env{stdout: failWriter{}, stderr: &stderr}, "list", format, []int{1}, text); code != exitUsage ||
			stderr.String() != "zongjie list: 写出结果失败：disk full\n" {
			t.Errorf("%s to a full disk: exit %d, stderr %q", format, code, stderr.String())
		}
		var out bytes.Buffer
		stderr.Reset()
		if code := writeOut(&env{stdout: &out, stderr: &stderr}, "list", format, []int{1}, text); code != exitOK || stderr.Len() > 0 || out.Len() == 0 {
			t.Errorf("%s: exit %d, stderr %q, stdout %q", format, code, stderr.String(), out.String())
		}
	}
}

// The commands that write through writeOut exit 2 when their standard
// output fails (list, show, unit list, versions: they exited 0 and lost
// their output).
func TestCommandsOutputFails(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	ok(t, "", "add", "--db", db, writeFile(t, "qinghe.txt", report))
	for _, args := range [][]string{
		{"list", "--db", db},
		{"list", "--db", db, "--format", "json"},
		{"show", "--db", db, "1"},
		{"unit", "list", "--db", db},
		{"versions", "--db", db, "1"},
	} {
		var stderr bytes.Buffer
		code := run(context.Background(), args, strings.NewReader(""), failWriter{}, &stderr)
		if code != exitUsage || !strings.Contains(stderr.String(), "写出结果失败") {
			t.Errorf("zongjie %s to a full disk: exit %d, stderr %q", strings.Join(args, " "), code, stderr.String())
		}
		if out := ok(t, "", args...); out == "" {
			t.Errorf("zongjie %s: no output", strings.Join(args, " "))
		}
	}
}
