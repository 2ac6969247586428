package annotate

// The layout of the main document part: where its paragraphs, runs and
// texts are, as byte offsets into the part, and the visible characters of
// each paragraph as the reader sees them. scan builds it; align and locate
// use it to turn positions in File.Text into places in the XML.

// atomKind says what an atom stands for.
type atomKind uint8

const (
	atomChar    atomKind = iota // one character of a w:t
	atomElem                    // an element that reads as one character: w:tab, w:sym…
	atomBreak                   // a w:br or w:cr: splits a body paragraph, a space in a table
	atomVirtual                 // a separator the reader adds between cells or cell paragraphs
)

// atom is one character of a paragraph's visible text.
type atom struct {
	r          rune
	kind       atomKind
	start, end int // the source bytes: the character in a w:t, or the element
	run        int // index of the w:r in layout.runs; -1 for a virtual atom
	text       int // index of the w:t in layout.texts for an atomChar; else -1
}

// xmlPara is one w:p element.
type xmlPara struct {
	// inner is where content may be inserted at the start of the
	// paragraph: after its w:pPr, or after the start tag; -1 for <w:p/>.
	inner  int
	prefix string // namespace prefix of the start tag, "" for none
	space  string // namespace name of the element
	// host is, for a paragraph of a text box, the Origin of the body
	// paragraph that anchors the text box; -1 otherwise.
	host  int
	atoms []atom // the visible characters, breaks included
}

// xmlRun is one w:r element that holds visible content.
type xmlRun struct {
	open, openEnd      int    // the start tag
	propStart, propEnd int    // the w:rPr element; propStart < 0 when none
	first              int    // start of the first child that is not w:rPr; -1 when none
	last               int    // end of the last child that is not w:rPr
	end                int    // end of the end tag
	name               string // the qualified name as written, "w:r"
	para               int    // Origin of the paragraph holding the run
	// odd is set when the run has several w:rPr or one after its
	// content (which only a damaged file has): a copy of the properties
	// could then change what the reader sees, so the run is not split.
	odd bool
}

// xmlText is one visible w:t element.
type xmlText struct {
	open, openEnd int    // the start tag
	close, end    int    // the end tag
	name          string // the qualified name as written, "w:t"
	preserve      bool   // xml:space="preserve"
	spaceAttr     bool   // has an xml:space attribute
	// [coreStart, coreEnd) is the content left after the reader trims the
	// white space of a w:t without xml:space="preserve".
	coreStart, coreEnd int
	// firstStart and lastEnd are the start of the first atom and the end of
	// the last; firstStart is -1 when the w:t made no atom.
	firstStart, lastEnd int
	run                 int
}

// rowEvent is one step in the making of a table row's text.
type rowEvent struct {
	cell     bool // a cell opens
	para     int  // else the Origin of a paragraph whose text joins the cell
	implicit bool // the paragraph stands outside any w:tc
}

// xmlRow is one outermost table row (rows of nested tables are part of its
// cells, as in the reader).
type xmlRow struct {
	depth, cellDepth int
	origin           int // Origin of the row's first w:p, -1 when none
	events           []rowEvent
}

// layout is the result of scanning the main document part.
type layout struct {
	paras []xmlPara
	runs  []xmlRun
	texts []xmlText
	rows  map[int]*xmlRow // by Origin
	maxID int64           // the largest numeric w:id, -1 when none
}
