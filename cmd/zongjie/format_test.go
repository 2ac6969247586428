package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
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
