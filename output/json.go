// Package output renders results for people and programs: extraction
// results as text, JSON and CSV. Every function writes to an io.Writer
// and does nothing else, so the same results can go to a terminal, a file
// or an HTTP response.
package output

import (
	"encoding/json"
	"io"

	"zongjie"
)

// ExtractResult is the JSON document of `zongjie extract`. Its shape is a
// stable contract (see docs/json.md): fields may be added, never renamed or
// removed.
type ExtractResult struct {
	Documents []*zongjie.Report `json:"documents"`
}

// WriteJSON writes v as indented JSON with Chinese text left readable.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// WriteCompactJSON writes v as WriteJSON does, without the indentation:
// the same JSON for programs (the web app's API), which read no layout
// and should not pay for it (indenting costs as much as encoding).
func WriteCompactJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
