// Package docxsrc says where the text the reader makes of a .docx came
// from in the file's main document part (word/document.xml): the part's
// paragraphs, runs and texts as byte ranges, and for every byte of the
// text the character or element of the XML it was read from.
//
// The reader records it while it walks the XML (reader.ReadSource), so
// that a writer that changes the XML at the place of a span of the text
// (package annotate, which anchors Word comments) needs neither a second
// walker of its own nor a character alignment: two walkers that must
// agree on what is visible text are a standing risk of misplaced marks.
package docxsrc

// Source maps the text of one .docx to its main document part. Offsets
// are bytes of Data.
type Source struct {
	Part string // key of the main document part: lower case, no leading slash
	Data []byte // the main document part as stored in the zip

	Paras []Para // every w:p of the part, in document order (index = Paragraph.Origin)
	Runs  []Run  // the w:r elements that may hold visible content
	Texts []Text // the visible w:t elements
	Atoms []Atom // what the characters of the text were read from

	// At holds, for each byte of the text (document.File.Text), the index
	// in Atoms of what the character there was read from, or -1 when it
	// is not in the part: the line feeds between paragraphs, numbering
	// markers the reader generates, the tabs and spaces it puts between
	// table cells and cell paragraphs, and the text of notes (another
	// part).
	At []int32

	MaxID int64 // the largest numeric w:id of the part, -1 when none
}

// AtomKind says what an atom is.
type AtomKind uint8

const (
	// Char is one character of a w:t.
	Char AtomKind = iota
	// Elem is an element read as one character (w:tab, w:sym,
	// w:noBreakHyphen, a w:br in a table cell), or a whole w:t whose
	// characters could not be placed one by one (a CDATA section).
	Elem
)

// Atom is one character of the text in the XML.
type Atom struct {
	Kind       AtomKind
	Start, End int // the source bytes: the character in its w:t, or the element
	Run        int // index in Runs of the w:r holding it, -1 for none
	Text       int // index in Texts of the w:t of a Char, else -1
}

// Para is one w:p element.
type Para struct {
	// Inner is where content may be inserted at the start of the
	// paragraph: after its w:pPr, or after the start tag; -1 for <w:p/>.
	Inner  int
	Prefix string // namespace prefix of the start tag, "" for none
	Space  string // namespace name of the element
	// Host is, for a paragraph of a text box, the index of the body
	// paragraph that anchors the text box; -1 otherwise.
	Host int
}

// Run is one w:r element inside a paragraph.
type Run struct {
	Open, OpenEnd      int    // the start tag
	PropStart, PropEnd int    // the w:rPr element; PropStart < 0 when none
	First              int    // start of the first child that is not w:rPr; -1 when none
	Last               int    // end of the last child that is not w:rPr
	End                int    // end of the end tag
	Name               string // the qualified name as written, "w:r"
	Para               int    // index in Paras of the paragraph holding the run
	// Odd is set when the run has several w:rPr or one after its content
	// (which only a damaged file has): a copy of its properties could
	// then change what the reader sees, so the run must not be split.
	Odd bool
}

// Text is one visible w:t element.
type Text struct {
	Open, OpenEnd int    // the start tag
	Close, End    int    // the end tag
	Name          string // the qualified name as written, "w:t"
	Preserve      bool   // xml:space="preserve"
	SpaceAttr     bool   // has an xml:space attribute
	// [CoreStart, CoreEnd) is the content left after the reader trims the
	// white space of a w:t without xml:space="preserve".
	CoreStart, CoreEnd int
	// FirstStart and LastEnd are the start of the first atom and the end
	// of the last; FirstStart is -1 when the w:t made no atom.
	FirstStart, LastEnd int
	Run                 int // index in Runs
}
