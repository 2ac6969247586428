package output

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
)

// FamiliesWriter writes the JSON document of `zongjie families`,
// {"families": [...]}, one family at a time as they are found, so that
// a long list is never held whole.
type FamiliesWriter struct {
	w   io.Writer
	n   int
	buf bytes.Buffer
	enc *json.Encoder
}

// NewFamiliesWriter returns a FamiliesWriter writing to w.
func NewFamiliesWriter(w io.Writer) *FamiliesWriter {
	fw := &FamiliesWriter{w: w}
	fw.enc = json.NewEncoder(&fw.buf)
	fw.enc.SetEscapeHTML(false)
	fw.enc.SetIndent("    ", "  ")
	return fw
}

// Write writes one family (an app.Family, with its JSON tags).
func (fw *FamiliesWriter) Write(f any) error {
	fw.buf.Reset()
	if err := fw.enc.Encode(f); err != nil {
		return err
	}
	sep := ",\n    "
	if fw.n == 0 {
		sep = "{\n  \"families\": [\n    "
	}
	fw.n++
	_, err := io.WriteString(fw.w, sep+strings.TrimRight(fw.buf.String(), "\n"))
	return err
}

// Close ends the list (an empty one when nothing was written).
func (fw *FamiliesWriter) Close() error {
	end := "\n  ]\n}\n"
	if fw.n == 0 {
		end = "{\n  \"families\": []\n}\n"
	}
	_, err := io.WriteString(fw.w, end)
	return err
}
