package check

import "zongjie/document"

// Edits returns the first certain fix of every diagnostic as an edit of the
// file's text, sorted, without overlaps: of two fixes that overlap, the one
// of the earlier diagnostic is kept, so the result never depends on fixes
// interfering with each other.
func Edits(text string, ds []Diagnostic) []document.Edit {
	var edits []document.Edit
	for _, d := range ds {
		for _, f := range d.Fixes {
			if f.Certain {
				edits = append(edits, document.Edit{Span: f.Span, Text: f.Replacement})
				break
			}
		}
	}
	return document.SortEdits(edits, len(text))
}

// ApplyFixes returns text with the certain fixes applied (see Edits) and
// how many were applied.
func ApplyFixes(text string, ds []Diagnostic) (string, int) {
	edits := Edits(text, ds)
	return document.Apply(text, edits), len(edits)
}
