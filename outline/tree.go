package outline

import (
	"zongjie"
	"zongjie/document"
)

// Tree nests the headings of one report into a tree, sets each section's
// level and body, and returns the top-level sections. headings must be in
// document order and lie inside end (the report's end offset).
func Tree(f *document.File, headings []*zongjie.Section, end int) []*zongjie.Section {
	spans := nestEnums(f, headings)
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
		// an enumeration's body stays inside its paragraph, unless the
		// item stands alone as the heading of the paragraphs after it.
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
		if h.Rank >= rankEnum && !spans[h] {
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

// nestEnums sets the rank of every enumeration item (rankEnum and deeper)
// by the item that holds it: a list inside an item of another list sits
// one level below that item ("第一，抓工业。首先，…其次，…", "一是…，首先
// …，其次…；二是…"). An item holds the items of another form that follow
// it when it opens its paragraph, when its own list resumes after them in
// the paragraph, or when it stands alone on its line as the heading of
// the paragraphs after it ("其次，问题要看透。" and then "…一是…二是…").
// Only a first item (一是, 首先, 第一) opens a nested list. Other lists are
// siblings: one that starts after another list has ended in its
// paragraph, or in a later paragraph. An item of a list already open
// carries on that list at its level (a 1 restarts it there), so no list
// is nested in one of its own form. nestEnums returns the items that
// stand alone: their body runs on past their paragraph.
func nestEnums(f *document.File, headings []*zongjie.Section) map[*zongjie.Section]bool {
	var spans map[*zongjie.Section]bool
	var stack []*zongjie.Section // the open items, outermost first
	para := -1
	for k, h := range headings {
		if h.Rank < rankEnum {
			stack, para = stack[:0], -1
			continue
		}
		if h.Para != para {
			// Only items standing alone as headings stay open in a
			// later paragraph, and the list of the item that opened the
			// paragraph before, which a paragraph may carry on (一要…
			// then 二要…), though that item holds nothing after it.
			n := 0
			for n < len(stack) && spans[stack[n]] {
				n++
			}
			if n < len(stack) && OpensParagraph(f, stack[n]) {
				n++
			}
			stack, para = stack[:n], h.Para
		}
		j := len(stack) - 1
		for j >= 0 && stack[j].Form != h.Form {
			j--
		}
		switch {
		case j >= 0:
			stack = stack[:j]
		case h.Ordinal != 1 && len(stack) > 0:
			// Only a first item opens a list: a later one of another
			// set carries on the list open, in a set mixed midway
			// (一是…。第二，…), for the checker to report.
			stack = stack[:len(stack)-1]
		default:
			for len(stack) > 0 && !holds(f, headings, k, stack[len(stack)-1], spans) {
				stack = stack[:len(stack)-1]
			}
		}
		h.Rank = rankEnum + len(stack)
		stack = append(stack, h)
		if standsAlone(f, h) {
			if spans == nil {
				spans = map[*zongjie.Section]bool{}
			}
			spans[h] = true
		}
	}
	return spans
}

// maxInner is how many items after an inner list's first one holds looks
// at for the outer list's next item.
const maxInner = 16

// holds reports whether the open item t holds headings[k], an item of
// another list after it.
func holds(f *document.File, headings []*zongjie.Section, k int, t *zongjie.Section, spans map[*zongjie.Section]bool) bool {
	if spans[t] {
		return true
	}
	h := headings[k]
	if t.Para != h.Para {
		return false
	}
	if OpensParagraph(f, t) {
		return true
	}
	// The next item of t's form, among the few after h: an inner list is
	// short, and looking no further keeps a paragraph of thousands of
	// items linear.
	for i, n := range headings[k+1:] {
		if i == maxInner || n.Para != h.Para || n.Rank < rankEnum {
			break
		}
		if n.Form == t.Form {
			return n.Ordinal > t.Ordinal || n.Ordinal == -1 && t.Ordinal != -1
		}
	}
	return false
}

// standsAlone reports whether an enumeration item is a paragraph of its
// own that reads as a heading: it opens its paragraph, nothing follows its
// title there, and the title is short ("其次，问题要看透。", not a one-line
// item of a list of sentences).
func standsAlone(f *document.File, s *zongjie.Section) bool {
	return !s.Inline && OpensParagraph(f, s) && len([]rune(s.Title)) <= 20
}
