package http

import (
	"strings"

	"zongjie/app"
	"zongjie/reuse"
)

// The compare page shows two texts side by side: a row per shared
// passage, the two sides aligned, with the edits inside marked by kind,
// and between the passages a row of the text each side has of its own.
// compareView cuts the texts into those rows. It is layout, not
// analysis: the passages and edits come from app.Compare, in characters
// of each text.

// compareRow is one row of the side-by-side view.
type compareRow struct {
	Passage     int // the passage's number, from 1; 0 for text of each side's own
	A, B        compareSegs
	AChars      int // characters of the row's text on each side (own text)
	BChars      int
	Long        bool // own text long enough to fold
	Identical   bool
	Boilerplate bool
	Edits       int
}

// compareSeg is a run of a row's text: plain, or an edit of a kind.
type compareSeg struct {
	Text string
	Kind string // "" for plain text; year number placeholder width punctuation text
}

// kindCount is how many edits of a kind the comparison has.
type kindCount struct {
	Kind  string
	Words string
	Count int
}

// editWords name the kinds of edits.
var editWords = map[string]string{
	"year": "年份", "number": "数字", "placeholder": "占位符", "width": "全半角",
	"punctuation": "标点", "text": "文字",
}

// editKinds are the kinds in the order the page lists them.
var editKinds = []string{"year", "number", "placeholder", "text", "punctuation", "width"}

// foldChars is the length of own text above which its row is folded.
const foldChars = 160

// compareView lays out a comparison: rows in the order of A's text (text
// of B's own is shown before the passage it precedes; a passage that B
// holds earlier than one before it shows no own text of B's), and the
// edits counted by kind.
func compareView(c *app.Comparison) ([]compareRow, []kindCount) {
	ta, tb := c.TextA.Excerpts(), c.TextB.Excerpts()
	var rows []compareRow
	counts := map[string]int{}
	own := func(aFrom, aTo, bFrom, bTo int) {
		at, bt := "", ""
		if aTo > aFrom {
			at = ta(aFrom, aTo)
		}
		if bTo > bFrom {
			bt = tb(bFrom, bTo)
		}
		if strings.TrimSpace(at) == "" && strings.TrimSpace(bt) == "" {
			return
		}
		r := compareRow{AChars: runeCount(at), BChars: runeCount(bt)}
		if at != "" {
			r.A = []compareSeg{{Text: at}}
		}
		if bt != "" {
			r.B = []compareSeg{{Text: bt}}
		}
		r.Long = r.AChars > foldChars || r.BChars > foldChars
		rows = append(rows, r)
	}
	aPos, bPos := 0, 0
	for i, p := range c.Passages {
		own(aPos, p.AOffset, bPos, p.BOffset)
		r := compareRow{Passage: i + 1, Identical: p.Identical, Boilerplate: p.Boilerplate, Edits: len(p.Edits)}
		r.A = segments(ta, p.AOffset, p.AOffset+p.ALength, p.Edits, func(e reuse.Edit) (int, int) { return e.AOffset, e.ALength })
		r.B = segments(tb, p.BOffset, p.BOffset+p.BLength, p.Edits, func(e reuse.Edit) (int, int) { return e.BOffset, e.BLength })
		for _, e := range p.Edits {
			counts[e.Kind]++
		}
		rows = append(rows, r)
		aPos = max(aPos, p.AOffset+p.ALength)
		bPos = max(bPos, p.BOffset+p.BLength)
	}
	own(aPos, c.TextA.Chars, bPos, c.TextB.Chars)
	var kinds []kindCount
	for _, k := range editKinds {
		if counts[k] > 0 {
			kinds = append(kinds, kindCount{Kind: k, Words: editWords[k], Count: counts[k]})
		}
	}
	return rows, kinds
}

// segments cuts the stretch [from, to) of t into plain runs and the
// edits inside it (span gives an edit's offset and length on this side;
// an edit of no length on this side, an insertion on the other, is left
// out here).
func segments(text func(start, end int) string, from, to int, edits []reuse.Edit, span func(reuse.Edit) (int, int)) []compareSeg {
	var out []compareSeg
	pos := from
	for _, e := range edits {
		off, n := span(e)
		if n == 0 || off < pos || off+n > to {
			continue
		}
		if off > pos {
			out = append(out, compareSeg{Text: text(pos, off)})
		}
		out = append(out, compareSeg{Text: text(off, off+n), Kind: e.Kind})
		pos = off + n
	}
	if to > pos {
		out = append(out, compareSeg{Text: text(pos, to)})
	}
	return out
}

func runeCount(s string) int { return len([]rune(s)) }
