package document

import (
	"sort"
	"strings"
)

// Edit replaces Span of a file's text with Text.
type Edit struct {
	Span Span
	Text string
}

// SortEdits sorts edits by position and drops every edit that overlaps one
// before it or falls outside a text of length n, so that the rest can be
// applied in one pass. The first of two overlapping edits wins.
func SortEdits(edits []Edit, n int) []Edit {
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].Span.Start < edits[j].Span.Start })
	out := edits[:0]
	pos := 0
	for _, e := range edits {
		if e.Span.Start < pos || e.Span.End > n || e.Span.Start > e.Span.End {
			continue
		}
		out = append(out, e)
		pos = e.Span.End
		if e.Span.Start == e.Span.End {
			pos++ // one insertion per position
		}
	}
	return out
}

// Apply returns text with edits applied. The edits must be sorted and must
// not overlap (see SortEdits).
func Apply(text string, edits []Edit) string {
	var b strings.Builder
	b.Grow(len(text))
	pos := 0
	for _, e := range edits {
		b.WriteString(text[pos:e.Span.Start])
		b.WriteString(e.Text)
		pos = e.Span.End
	}
	b.WriteString(text[pos:])
	return b.String()
}
