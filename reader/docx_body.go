package reader

import (
	"encoding/xml"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"zongjie/document"
	"zongjie/internal/docxsrc"
)

// maxFieldNesting caps the stack of open fields (w:fldChar begin/end).
const maxFieldNesting = 64

// docxShared is the state shared by the walks of the main document and
// the note parts: styles, list counters and the output budget.
type docxShared struct {
	styles    *styleSheet
	num       *numberer
	path      string
	paras     int // non-empty paragraphs and rows produced so far
	textBytes int // bytes of text produced so far
}

// block is one output line before assembly: a paragraph (or a piece of one
// split at a manual line break) or a table row. Spans are relative to
// text.
type block struct {
	kind    document.ParaKind
	text    string
	gen     document.Span   // the generated numbering marker, if any
	cells   []document.Span // cell regions of a table row, untrimmed
	heading int
	title   bool
	origin  int
	src     []int32 // the atom of each byte of text, when recording (see docxsrc.Source.At)
}

// readStory reads a part holding paragraphs (the main document or a notes
// part) and returns its lines in reading order. An empty name gives none.
// countOrigin says whether w:p elements are numbered for Origin (the main
// document) or not (notes, Origin -1).
// With record set, the walk also records the part's source (see
// docxsrc), returned with the lines.
func (p *docxPackage) readStory(name string, shared *docxShared, kind document.ParaKind, countOrigin, record bool) ([]block, *docxsrc.Source, error) {
	if name == "" {
		return nil, nil, nil
	}
	data, err := p.read(name)
	if err != nil {
		return nil, nil, err
	}
	w := &walker{shared: shared, countOrigin: countOrigin, notes: kind == document.Note}
	w.stories = []*story{{kind: kind, host: -1}}
	if record {
		if w.rec, err = newRecorder(p.path, name, data); err != nil {
			return nil, nil, err
		}
	}
	if err := p.parseXML(name, data, w); err != nil {
		return nil, nil, err
	}
	if w.rec != nil {
		return w.result(), w.rec.src, nil
	}
	return w.result(), nil, nil
}

// frame is one open element during the walk.
type frame struct {
	name   string
	hidden bool // a w:r whose properties hide it (w:vanish)
	taken  bool // an mc:AlternateContent whose first mc:Choice was used
	story  bool // a w:txbxContent that opened a story
	note   bool // a w:footnote or w:endnote being collected

	// Recorded places (see recorder), -1 for none.
	para  int  // index in the source's Paras of a w:p
	run   int  // index in the source's Runs of a w:r
	atom  int  // index in the source's Atoms of an element read as a character
	props bool // the w:rPr of a recorded run
}

// story is one flow of paragraphs: the body, a notes part, or the content
// of one text box. Text-box stories are collected separately and placed
// after the paragraph or table row that anchors them.
type story struct {
	kind    document.ParaKind
	out     []block
	para    *paraState
	row     *rowState
	pending []block // text-box lines waiting for the anchoring paragraph or row to end
	host    int     // for a text box, the Origin of the body paragraph anchoring it; else -1
}

// paraState is the w:p being read.
type paraState struct {
	depth       int // stack depth of the w:p element
	origin      int
	style       string
	numID, ilvl int
	hasNum      bool
	hasIlvl     bool
	outline     int  // own w:outlineLvl, -1 when not set
	markGone    bool // the paragraph mark is deleted or hidden: no numbering
	resolved    bool // style and numbering have been applied
	heading     int
	title       bool
	toc         bool // a table-of-contents entry, left out of the text
	genLen      int  // length of the marker at the start of cur, until emitted
	cur         strings.Builder
	src         []int32 // the atom of each byte of cur, when recording
}

// write adds s to the paragraph's text, read from atom (-1 for text that
// is not in the XML), recording the atom when record is set.
func (p *paraState) write(s string, atom int32, record bool) {
	p.cur.WriteString(s)
	if record {
		for range len(s) {
			p.src = append(p.src, atom)
		}
	}
}

// rowState is the outermost w:tr being read; nested tables are flattened
// into its cells.
type rowState struct {
	depth     int
	origin    int
	text      strings.Builder // cells joined by tabs
	cells     []document.Span // cell regions, empty for a blank cell
	ncells    int
	cellDepth int // stack depth of the open w:tc, 0 when none
	cellStart int
	gen       document.Span
	src       []int32 // the atom of each byte of text, when recording
}

// noteRange is the run of output lines of one footnote or endnote.
type noteRange struct {
	id         int64
	start, end int
}

// textCapture collects the character data of one w:t.
type textCapture struct {
	depth    int
	preserve bool
	visible  bool
	buf      strings.Builder
	// When recording a visible w:t: its index in the source's Texts (else
	// -1), its characters with their bytes, and whether they could all be
	// placed.
	src   int
	runes []rawRune
	exact bool
}

// walker turns the token stream of a part into lines. It keeps a stack of
// open elements and decides from an element's name and its parents what
// it means; elements whose content is not visible text are skipped whole.
type walker struct {
	shared      *docxShared
	countOrigin bool
	notes       bool
	pCount      int // w:p elements seen, for Origin
	stack       []frame
	skip        int // stack depth of the element being skipped, 0 for none
	stories     []*story
	fields      []bool // open fields: true while in the instruction part
	instr       int    // fields in the instruction part
	overflow    int    // fields beyond maxFieldNesting
	t           *textCapture
	noteRanges  []noteRange
	noteStart   int
	noteID      int64
	rec         *recorder // records the source of the main part; nil when not asked
}

// skipped lists WordprocessingML elements whose content is never visible
// text: deletions, the source of moves, field codes, ruby guides, the
// properties of content controls, property-change history and table and
// section properties.
var skipped = map[string]bool{
	"del": true, "moveFrom": true, "delText": true, "delInstrText": true, "instrText": true,
	"rt": true, "sdtPr": true, "sdtEndPr": true, "pPrChange": true, "rPrChange": true,
	"sectPr": true, "tblPr": true, "tblGrid": true, "trPr": true, "tcPr": true, "tblPrEx": true,
	"customXmlPr": true, "smartTagPr": true, "fldData": true, "numberingChange": true,
	"footnotePr": true, "endnotePr": true, "mc:Fallback": true,
}

// story returns the innermost story.
func (w *walker) story() *story { return w.stories[len(w.stories)-1] }

// is reports whether the innermost open elements are names, outermost
// first.
func (w *walker) is(names ...string) bool {
	if len(names) > len(w.stack) {
		return false
	}
	tail := w.stack[len(w.stack)-len(names):]
	for i, n := range names {
		if tail[i].name != n {
			return false
		}
	}
	return true
}

// start handles an opening tag: it tracks the element, counts w:p for
// Origin and dispatches on what the element means where it stands.
func (w *walker) start(t xml.StartElement) error {
	name := elemName(t.Name)
	w.stack = append(w.stack, frame{name: name, para: -1, run: -1, atom: -1})
	origin := -1
	if name == "p" {
		if w.countOrigin {
			origin = w.pCount
		}
		w.pCount++
	}
	if w.rec != nil {
		w.rec.start(w, t)
	}
	if w.skip > 0 {
		return nil
	}
	s := w.story()
	w.paragraphMark(s, name, t)
	if p := s.para; p != nil && !p.resolved && name != "pPr" && len(w.stack)-1 == p.depth {
		w.resolve(p) // the first content of the paragraph
	}
	if w.skipElement(name, t) {
		w.skip = len(w.stack)
		return nil
	}
	switch name {
	case "p":
		w.startPara(s, origin)
	case "r":
		if w.rec != nil && s.para != nil {
			w.rec.run(w, s.para.origin)
		}
	case "tr":
		w.startRow(s)
	case "tc":
		w.startCell(s)
	case "txbxContent":
		w.stack[len(w.stack)-1].story = true
		host := s.host
		if host < 0 && s.para != nil {
			host = s.para.origin
		}
		w.stories = append(w.stories, &story{kind: document.TextBox, host: host})
	case "footnote", "endnote":
		w.startNote(t)
	case "t":
		if w.is("r", "t") {
			w.t = &textCapture{depth: len(w.stack), preserve: preservesSpace(t), visible: w.visibleRun(), src: -1}
			if w.rec != nil && w.t.visible {
				w.t.src, w.t.exact = w.rec.text(w, t), true
			}
		}
	case "vanish":
		if w.is("r", "rPr", "vanish") && onOff(t) {
			w.stack[len(w.stack)-3].hidden = true
		}
	case "fldChar":
		if w.is("r", "fldChar") {
			fieldType, _ := attr(t, "fldCharType")
			w.field(fieldType)
		}
	default:
		w.runContent(s, name, t)
		w.paragraphProperty(s, name, t)
	}
	return nil
}

// skipElement reports whether the element just opened is to be skipped
// with all its content. Only the first mc:Choice of an
// mc:AlternateContent is read; the others and the mc:Fallback repeat the
// same content in another form.
func (w *walker) skipElement(name string, t xml.StartElement) bool {
	switch {
	case skipped[name]:
		return true
	case name == "mc:Choice" && w.is("mc:AlternateContent", "mc:Choice"):
		alt := &w.stack[len(w.stack)-2]
		if alt.taken {
			return true
		}
		alt.taken = true
	case (name == "footnote" || name == "endnote") && w.notes:
		switch typ, _ := attr(t, "type"); typ {
		case "separator", "continuationSeparator", "continuationNotice":
			return true
		}
	}
	return false
}

// paragraphMark notes a deleted, moved-away or hidden paragraph mark
// (w:pPr/w:rPr/w:del…): such a paragraph is not numbered.
func (w *walker) paragraphMark(s *story, name string, t xml.StartElement) {
	p := s.para
	if p == nil || p.resolved || !w.is("p", "pPr", "rPr", name) || len(w.stack)-3 != p.depth {
		return
	}
	switch name {
	case "del", "moveFrom":
		p.markGone = true
	case "vanish":
		p.markGone = p.markGone || onOff(t)
	}
}

// paragraphProperty reads the paragraph properties that matter: the style,
// the outline level and the list membership.
func (w *walker) paragraphProperty(s *story, name string, t xml.StartElement) {
	p := s.para
	if p == nil || p.resolved {
		return
	}
	switch {
	case w.is("p", "pPr", "pStyle"):
		p.style, _ = attr(t, "val")
	case w.is("p", "pPr", "outlineLvl"):
		if n, ok := attrInt(t, "val", 0, 9); ok {
			p.outline = n
		}
	case w.is("p", "pPr", "numPr", "numId"):
		p.numID, p.hasNum = attrInt(t, "val", 0, 1<<30)
	case w.is("p", "pPr", "numPr", "ilvl"):
		p.ilvl, p.hasIlvl = attrInt(t, "val", 0, numLevels-1)
	}
}

// runContent handles the elements of a run that stand for characters or
// breaks.
func (w *walker) runContent(s *story, name string, t xml.StartElement) {
	switch name {
	case "tab", "ptab", "br", "cr", "noBreakHyphen", "sym":
	default:
		return
	}
	if !w.is("r", name) || !w.visibleRun() {
		return
	}
	p := s.para
	rec := w.rec != nil
	atom := int32(-1)
	if rec && (name != "br" && name != "cr" || s.row != nil) {
		atom = w.rec.elem(w)
	}
	switch name {
	case "tab", "ptab":
		p.write("\t", atom, rec)
	case "noBreakHyphen":
		p.write("-", atom, rec)
	case "br", "cr":
		w.lineBreak(s, atom)
	case "sym":
		if r, ok := symbolRune(t); ok {
			var b strings.Builder
			appendClean(&b, string(r))
			p.write(b.String(), atom, rec)
		}
	}
}

// symbolRune returns the character of a w:sym, unless it is a code in the
// private-use range F000–F0FF that only means something in a symbol font.
func symbolRune(t xml.StartElement) (rune, bool) {
	v, _ := attr(t, "char")
	code, err := strconv.ParseUint(strings.TrimSpace(v), 16, 32)
	if err != nil || code >= 0xF000 && code <= 0xF0FF || !utf8.ValidRune(rune(code)) {
		return 0, false
	}
	return rune(code), true
}

// visibleRun reports whether the current element, a child of a w:r, shows
// text: it is inside a paragraph, its run is not hidden and it is not part
// of a field's instruction.
func (w *walker) visibleRun() bool {
	n := len(w.stack)
	return n >= 2 && w.story().para != nil && !w.stack[n-2].hidden && w.instr == 0 && w.overflow == 0
}

// field follows the w:fldChar structure: text between begin and separate
// is the field code and is skipped; the result after separate is shown.
func (w *walker) field(fieldType string) {
	switch fieldType {
	case "begin":
		if len(w.fields) >= maxFieldNesting {
			w.overflow++
			return
		}
		w.fields = append(w.fields, true)
		w.instr++
	case "separate":
		if w.overflow == 0 && len(w.fields) > 0 && w.fields[len(w.fields)-1] {
			w.fields[len(w.fields)-1] = false
			w.instr--
		}
	case "end":
		if w.overflow > 0 {
			w.overflow--
			return
		}
		if n := len(w.fields); n > 0 {
			if w.fields[n-1] {
				w.instr--
			}
			w.fields = w.fields[:n-1]
		}
	}
}

// startPara opens a paragraph. A w:p nested directly in another (which
// only a damaged file has) adds its text to the open one.
func (w *walker) startPara(s *story, origin int) {
	if s.para != nil {
		return
	}
	if s.row != nil && s.row.origin < 0 {
		s.row.origin = origin
	}
	s.para = &paraState{depth: len(w.stack), origin: origin, outline: -1}
	if w.rec != nil && s.host >= 0 {
		w.rec.para(origin, s.host)
	}
}

// resolve applies the paragraph's style and numbering once its properties
// are read: the heading hint, the title flag, and the numbering marker,
// written at the start of the paragraph text.
func (w *walker) resolve(p *paraState) {
	if p.resolved {
		return
	}
	p.resolved = true
	info := w.shared.styles.resolve(p.style)
	p.heading, p.title, p.toc = info.heading, info.title, info.toc
	if p.outline >= 0 {
		p.heading = outlineLevel(p.outline)
	}
	if p.markGone {
		return
	}
	numID, hasNum := p.numID, p.hasNum
	if !hasNum {
		numID, hasNum = info.numID, info.hasNumID
	}
	if !hasNum || numID == 0 {
		return
	}
	ilvl, hasIlvl := p.ilvl, p.hasIlvl
	if !hasIlvl {
		ilvl, hasIlvl = info.ilvl, info.hasIlvl
	}
	if !hasIlvl {
		style := p.style
		if style == "" {
			style = w.shared.styles.defaultPara
		}
		ilvl = w.shared.num.levelForStyle(numID, style)
	}
	if marker := w.shared.num.next(numID, ilvl); marker != "" {
		p.write(marker, -1, w.rec != nil)
		p.genLen = p.cur.Len()
	}
}

// lineBreak ends the current line of the paragraph at a w:br or w:cr: in
// running text the rest becomes a new paragraph with the same Origin, in a
// table cell a space (read from atom).
func (w *walker) lineBreak(s *story, atom int32) {
	p := s.para
	if s.row != nil {
		p.write(" ", atom, w.rec != nil)
		return
	}
	w.emitPiece(s, p)
}

// emitPiece outputs the text collected so far for paragraph p as one line.
func (w *walker) emitPiece(s *story, p *paraState) {
	if p.toc {
		// A table-of-contents entry repeats a heading and ends with a page
		// number: it is left out of the text, like the page chrome it is.
		p.cur.Reset()
		p.src = nil
		p.genLen = 0
		return
	}
	b := block{kind: s.kind, text: p.cur.String(), heading: p.heading, title: p.title, origin: p.origin, src: p.src}
	if p.genLen > 0 {
		b.gen = document.Span{Start: 0, End: p.genLen}
		p.genLen = 0
	}
	p.cur.Reset()
	p.src = nil
	w.emit(s, b)
}

// emit appends a line to the story unless it is blank, and counts it
// against the budget; end reports a document over budget when the element
// that produced the line closes.
func (w *walker) emit(s *story, b block) {
	if !hasVisible(b.text) {
		return
	}
	w.shared.paras++
	w.shared.textBytes += len(b.text) + 1
	s.out = append(s.out, b)
}

// overBudget returns the error for a document that produced too much.
func (w *walker) overBudget() error {
	if w.shared.paras > docxMaxParagraphs {
		return errorf(w.shared.path, nil, "文件异常：段落超过 %d 个", "abnormal file: more than %d paragraphs", docxMaxParagraphs)
	}
	if w.shared.textBytes > docxMaxTextBytes {
		return errorf(w.shared.path, nil, "文件异常：正文超过 %d MB", "abnormal file: more than %d MiB of text", docxMaxTextBytes>>20)
	}
	return nil
}

// hasVisible reports whether s holds anything but blanks.
func hasVisible(s string) bool { return strings.TrimFunc(s, isBlank) != "" }

// endPara closes paragraph p: its last line is output (or, in a table,
// its text joins the cell), then the text boxes it anchors.
func (w *walker) endPara(s *story) {
	p := s.para
	s.para = nil
	w.resolve(p)
	if s.row != nil {
		w.addToCell(s.row, p)
		return
	}
	w.emitPiece(s, p)
	w.flushPending(s)
}

// flushPending outputs the text-box lines anchored in the paragraph or row
// that just ended.
func (w *walker) flushPending(s *story) {
	s.out = append(s.out, s.pending...)
	s.pending = nil
}

// startRow opens a table row; rows of nested tables are part of the cells
// of the outer row.
func (w *walker) startRow(s *story) {
	if s.row == nil && s.para == nil {
		s.row = &rowState{depth: len(w.stack), origin: -1}
	}
}

// startCell opens a cell of the open row, separated from the previous one
// by a tab. Cells of nested tables are part of the outer cell.
func (w *walker) startCell(s *story) {
	r := s.row
	if r == nil || r.cellDepth != 0 || s.para != nil {
		return
	}
	w.openCell(r)
	r.cellDepth = len(w.stack)
}

// openCell starts a new cell in the row text.
func (w *walker) openCell(r *rowState) {
	if r.ncells > 0 {
		r.text.WriteByte('\t')
		if w.rec != nil {
			r.src = append(r.src, -1)
		}
	}
	r.ncells++
	r.cellStart = r.text.Len()
}

// closeCell records the region of the cell just ended, empty when it has
// no text (a blank cell keeps its place in the row).
func (w *walker) closeCell(r *rowState) {
	r.cells = append(r.cells, document.Span{Start: r.cellStart, End: r.text.Len()})
	r.cellDepth = 0
}

// addToCell appends the text of a paragraph inside a table to the open
// cell, separated from the cell's previous paragraphs by a space. The
// first numbering marker of the row becomes the row's Generated span.
func (w *walker) addToCell(r *rowState, p *paraState) {
	text := p.cur.String()
	lead := len(text) - len(strings.TrimLeftFunc(text, isBlank))
	trimmed := strings.TrimRightFunc(text[lead:], isBlank)
	if trimmed == "" {
		return
	}
	implicit := r.cellDepth == 0 // a paragraph outside any w:tc
	if implicit {
		w.openCell(r)
	}
	if r.text.Len() > r.cellStart {
		r.text.WriteByte(' ')
		if w.rec != nil {
			r.src = append(r.src, -1)
		}
	}
	at := r.text.Len()
	r.text.WriteString(trimmed)
	if w.rec != nil {
		r.src = append(r.src, p.src[lead:lead+len(trimmed)]...)
	}
	if r.gen.End == 0 && p.genLen > lead {
		r.gen = document.Span{Start: at, End: at + min(p.genLen-lead, len(trimmed))}
	}
	if implicit {
		w.closeCell(r)
	}
}

// endRow outputs the finished row as one line, then the text boxes
// anchored in it.
func (w *walker) endRow(s *story) {
	r := s.row
	s.row = nil
	if r.cellDepth != 0 {
		w.closeCell(r)
	}
	w.emit(s, block{kind: document.TableRow, text: r.text.String(), cells: r.cells, gen: r.gen, origin: r.origin, src: r.src})
	w.flushPending(s)
}

// endTextBox closes a text-box story; its lines wait for the anchoring
// paragraph or row of the enclosing story to end.
func (w *walker) endTextBox() {
	box := w.stories[len(w.stories)-1]
	w.stories = w.stories[:len(w.stories)-1]
	lines := append(box.out, box.pending...)
	parent := w.story()
	if parent.para != nil || parent.row != nil {
		parent.pending = append(parent.pending, lines...)
	} else {
		parent.out = append(parent.out, lines...)
	}
}

// startNote begins a footnote or endnote of a notes part.
func (w *walker) startNote(t xml.StartElement) {
	if !w.notes || len(w.stories) != 1 || !(w.is("footnotes", "footnote") || w.is("endnotes", "endnote")) {
		return
	}
	w.stack[len(w.stack)-1].note = true
	w.noteStart = len(w.story().out)
	w.noteID = math.MaxInt64 // notes without a usable id go last
	if v, ok := attr(t, "id"); ok {
		if id, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64); err == nil {
			w.noteID = id
		}
	}
}

// end handles a closing tag: it finishes the paragraph, cell, row, text
// box or note the element stood for, then checks the output budget.
func (w *walker) end(xml.EndElement) error {
	n := len(w.stack)
	if n == 0 {
		return nil
	}
	f := w.stack[n-1]
	defer func() { w.stack = w.stack[:n-1] }()
	if w.rec != nil {
		w.rec.end(w)
	}
	if w.skip > 0 {
		if w.skip == n {
			w.skip = 0
		}
		return nil
	}
	s := w.story()
	switch f.name {
	case "p":
		if s.para != nil && s.para.depth == n {
			w.endPara(s)
		}
	case "pPr":
		if s.para != nil && s.para.depth == n-1 {
			w.resolve(s.para)
		}
	case "t":
		w.endText(s, n)
	case "tc":
		if s.row != nil && s.row.cellDepth == n {
			w.closeCell(s.row)
		}
	case "tr":
		if s.row != nil && s.row.depth == n {
			w.endRow(s)
		}
	case "txbxContent":
		if f.story && len(w.stories) > 1 {
			w.endTextBox()
		}
	case "footnote", "endnote":
		if f.note {
			w.noteRanges = append(w.noteRanges, noteRange{id: w.noteID, start: w.noteStart, end: len(s.out)})
		}
	}
	return w.overBudget()
}

// endText adds the text of a finished w:t to its paragraph. Without
// xml:space="preserve", surrounding white space is not part of the text,
// as in Word.
func (w *walker) endText(s *story, depth int) {
	t := w.t
	if t == nil || t.depth != depth {
		return
	}
	w.t = nil
	if t.src >= 0 {
		w.rec.endText(t, s.para)
		return
	}
	if !t.visible || s.para == nil {
		return
	}
	text := t.buf.String()
	if !t.preserve {
		text = strings.Trim(text, " \t\r\n")
	}
	appendClean(&s.para.cur, text)
}

// text collects the characters of a visible w:t.
func (w *walker) text(c xml.CharData) error {
	if w.t != nil && w.t.visible && w.skip == 0 && len(w.stack) == w.t.depth {
		w.t.buf.Write(c)
		if w.t.src >= 0 {
			w.rec.charData(w.t)
		}
	}
	return nil
}

// result returns the lines of the part: for the main document in reading
// order, for a notes part note by note in id order.
func (w *walker) result() []block {
	root := w.stories[0]
	out := append(root.out, root.pending...)
	if !w.notes {
		return out
	}
	sort.SliceStable(w.noteRanges, func(i, j int) bool { return w.noteRanges[i].id < w.noteRanges[j].id })
	var notes []block
	for _, r := range w.noteRanges {
		if r.start <= r.end && r.end <= len(out) {
			notes = append(notes, out[r.start:r.end]...)
		}
	}
	return notes
}

// appendClean writes s to b keeping only what may appear in Text: line
// feeds become spaces (lines are made by the reader), carriage returns and
// other control characters are dropped, tabs are kept.
func appendClean(b *strings.Builder, s string) {
	for _, r := range s {
		switch {
		case r == '\t':
			b.WriteByte('\t')
		case r == '\n':
			b.WriteByte(' ')
		case r < 0x20 || r >= 0x7F && r < 0xA0:
			// control characters, \r included
		default:
			b.WriteRune(r)
		}
	}
}

// assembleDocx joins the lines into the document text, one line per
// paragraph with no blank lines, and computes the paragraph spans: trimmed
// of blanks, with the cell spans of table rows and the generated numbering
// markers.
func assembleDocx(blocks []block) (string, []document.Paragraph) {
	var b strings.Builder
	bases := make([]int, len(blocks))
	for i, bl := range blocks {
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		bases[i] = b.Len()
		b.WriteString(bl.text)
	}
	text := b.String()
	paras := make([]document.Paragraph, 0, len(blocks))
	for i, bl := range blocks {
		base := bases[i]
		span, ok := trimSpan(text, document.Span{Start: base, End: base + len(bl.text)})
		if !ok {
			continue
		}
		p := document.Paragraph{Span: span, Kind: bl.kind, HeadingLevel: bl.heading, Title: bl.title, Origin: bl.origin}
		if bl.gen.End > bl.gen.Start {
			g := document.Span{Start: max(base+bl.gen.Start, span.Start), End: min(base+bl.gen.End, span.End)}
			if g.End > g.Start {
				p.Generated = g
			}
		}
		for _, c := range bl.cells {
			cs, ok := trimSpan(text, document.Span{Start: base + c.Start, End: base + c.End})
			if !ok {
				// A blank cell keeps its place, so that the cells after
				// it stay under their headers: empty, inside the row.
				at := min(max(base+c.Start, span.Start), span.End)
				cs = document.Span{Start: at, End: at}
			}
			p.Cells = append(p.Cells, cs)
		}
		paras = append(paras, p)
	}
	return text, paras
}
