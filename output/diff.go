package output

import (
	"fmt"
	"io"
	"strings"

	"zongjie/document"
)

// diffContext is the number of unchanged lines shown around a change.
const diffContext = 2

// WriteDiff writes the edits of text as a unified diff (the format of
// diff -u and git diff) of the file at path. The edits must be sorted and
// must not overlap (document.SortEdits). Nothing is written without edits.
func WriteDiff(w io.Writer, path, text string, edits []document.Edit) error {
	if len(edits) == 0 {
		return nil
	}
	lines := splitKeep(text)
	// starts[i] is the byte offset of line i (0-based).
	starts := make([]int, len(lines)+1)
	for i, l := range lines {
		starts[i+1] = starts[i] + len(l)
	}
	lineOf := func(off int) int { // 0-based line holding off
		lo, hi := 0, len(lines)
		for lo < hi {
			m := (lo + hi) / 2
			if starts[m+1] <= off {
				lo = m + 1
			} else {
				hi = m
			}
		}
		return min(lo, max(len(lines)-1, 0))
	}

	var b strings.Builder
	fmt.Fprintf(&b, "--- %s\n+++ %s\n", path, path)
	delta := 0 // lines added minus removed in hunks written so far
	for i := 0; i < len(edits); {
		// A hunk: edits whose changed lines lie within 2*context of each other.
		first := lineOf(edits[i].Span.Start)
		last := lineOf(max(edits[i].Span.End-1, edits[i].Span.Start))
		j := i + 1
		for j < len(edits) && lineOf(edits[j].Span.Start) <= last+2*diffContext+1 {
			last = max(last, lineOf(max(edits[j].Span.End-1, edits[j].Span.Start)))
			j++
		}
		from, to := max(first-diffContext, 0), min(last+diffContext+1, len(lines))
		region := text[starts[from]:starts[to]]
		shifted := make([]document.Edit, j-i)
		for k, e := range edits[i:j] {
			e.Span.Start -= starts[from]
			e.Span.End -= starts[from]
			shifted[k] = e
		}
		oldLines := splitKeep(region)
		newLines := splitKeep(document.Apply(region, shifted))
		fmt.Fprintf(&b, "@@ -%s +%s @@\n", hunkRange(from, len(oldLines)), hunkRange(from+delta, len(newLines)))
		// Common leading and trailing lines are context; the rest changes.
		pre := 0
		for pre < len(oldLines) && pre < len(newLines) && oldLines[pre] == newLines[pre] {
			pre++
		}
		post := 0
		for post < len(oldLines)-pre && post < len(newLines)-pre && oldLines[len(oldLines)-1-post] == newLines[len(newLines)-1-post] {
			post++
		}
		for _, l := range oldLines[:pre] {
			diffLine(&b, ' ', l)
		}
		for _, l := range oldLines[pre : len(oldLines)-post] {
			diffLine(&b, '-', l)
		}
		for _, l := range newLines[pre : len(newLines)-post] {
			diffLine(&b, '+', l)
		}
		for _, l := range oldLines[len(oldLines)-post:] {
			diffLine(&b, ' ', l)
		}
		delta += len(newLines) - len(oldLines)
		i = j
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// hunkRange formats a hunk's line range: 1-based start and count, with
// the start of an empty range being the line before it.
func hunkRange(start0, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start0)
	}
	if n == 1 {
		return fmt.Sprintf("%d", start0+1)
	}
	return fmt.Sprintf("%d,%d", start0+1, n)
}

func diffLine(b *strings.Builder, mark byte, line string) {
	b.WriteByte(mark)
	if strings.HasSuffix(line, "\n") {
		b.WriteString(line)
		return
	}
	b.WriteString(line)
	b.WriteString("\n\\ No newline at end of file\n")
}

// splitKeep splits text into lines, each keeping its "\n".
func splitKeep(text string) []string {
	lines := strings.SplitAfter(text, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}
