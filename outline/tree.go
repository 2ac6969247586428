package outline

import (
	"zongjie"
	"zongjie/document"
)

// Tree nests the headings of one report into a tree, sets each section's
// level and body, and returns the top-level sections. headings must be in
// document order and lie inside end (the report's end offset).
func Tree(f *document.File, headings []*zongjie.Section, end int) []*zongjie.Section {
	var roots []*zongjie.Section
	var stack []*zongjie.Section
	for k, h := range headings {
		h.Children = nil
		for len(stack) > 0 && stack[len(stack)-1].Rank >= h.Rank {
			stack = stack[:len(stack)-1]
		}
		if len(stack) == 0 {
			roots = append(roots, h)
		} else {
			parent := stack[len(stack)-1]
			parent.Children = append(parent.Children, h)
		}
		stack = append(stack, h)
		h.Level = len(stack)

		// The body runs to the next heading of the same or a higher rank;
		// an enumeration's body stays inside its paragraph.
		h.Body = document.Span{Start: h.Span.Start, End: end}
		for _, n := range headings[k+1:] {
			if n.Rank <= h.Rank {
				h.Body.End = f.LineStart(n.Span.Start)
				if n.Para == h.Para {
					h.Body.End = n.Span.Start
				}
				break
			}
		}
		if h.Rank == rankEnum {
			if pe := f.Paragraphs[h.Para].Span.End; pe < h.Body.End {
				h.Body.End = pe
			}
		}
		if h.Body.End < h.Span.End {
			h.Body.End = h.Span.End
		}
		loc := f.Location(h.Body)
		h.BodyOffset, h.BodyLength = loc.Offset, loc.Length
	}
	return roots
}
