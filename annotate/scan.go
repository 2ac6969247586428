package annotate

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxDepth caps XML element nesting, as the reader does.
const maxDepth = 256

// maxFieldNesting caps the stack of open fields, as the reader does.
const maxFieldNesting = 64

// skipped lists the WordprocessingML elements whose content the reader
// never shows; it must stay in step with the reader's list.
var skipped = map[string]bool{
	"del": true, "moveFrom": true, "delText": true, "delInstrText": true, "instrText": true,
	"rt": true, "sdtPr": true, "sdtEndPr": true, "pPrChange": true, "rPrChange": true,
	"sectPr": true, "tblPr": true, "tblGrid": true, "trPr": true, "tcPr": true, "tblPrEx": true,
	"customXmlPr": true, "smartTagPr": true, "fldData": true, "numberingChange": true,
	"footnotePr": true, "endnotePr": true, "mc:Fallback": true,
}

// frame is one open element of the scan.
type frame struct {
	name       string
	start, end int  // the start tag
	hidden     bool // a w:r hidden by w:vanish
	taken      bool // an mc:AlternateContent whose first mc:Choice was read
	story      bool // a w:txbxContent that opened a story
	props      bool // the w:rPr of a recorded run
	run        int  // index in layout.runs of a recorded w:r, else -1
	para       int  // Origin of a w:p, else -1
	atomPara   int  // Origin of the paragraph holding the element atom this made
	atom       int  // index of that atom, -1 for none
}

// story is one flow of paragraphs: the body or one text box.
type story struct {
	para, paraDepth int // Origin and stack depth of the open paragraph; para -1 for none
	row             *xmlRow
	host            int // for a text box, the Origin of the anchoring body paragraph
}

// capture collects the character data of one visible w:t.
type capture struct {
	depth   int
	text    int // index in layout.texts
	runes   []rawRune
	decoded []byte // the decoder's text, to check runes against
	exact   bool
}

// scanner walks the main document part with the reader's rules and
// records the layout.
type scanner struct {
	data     []byte
	lay      *layout
	stack    []frame
	skip     int
	stories  []*story
	fields   []bool
	instr    int
	overflow int
	cap      *capture
}

// scan reads the main document part. data must be UTF-8 (a byte-order
// mark is allowed).
func scan(data []byte) (*layout, error) {
	base := 0
	if bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) {
		base = 3
	} else if len(data) >= 2 && (data[0] == 0xFF && data[1] == 0xFE || data[0] == 0xFE && data[1] == 0xFF) {
		return nil, errors.New("word/document.xml is UTF-16, which is not supported")
	}
	s := &scanner{
		data:    data,
		lay:     &layout{rows: map[int]*xmlRow{}, maxID: -1},
		stories: []*story{{para: -1, host: -1}},
	}
	d := xml.NewDecoder(bytes.NewReader(data[base:]))
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	for {
		from := base + int(d.InputOffset())
		tok, err := d.Token()
		if err == io.EOF {
			return s.lay, nil
		}
		if err != nil {
			return nil, fmt.Errorf("word/document.xml is not well-formed XML: %w", err)
		}
		to := base + int(d.InputOffset())
		switch t := tok.(type) {
		case xml.StartElement:
			if len(s.stack) >= maxDepth {
				return nil, fmt.Errorf("word/document.xml is nested deeper than %d levels", maxDepth)
			}
			s.start(t, from, to)
		case xml.EndElement:
			s.end(from, to)
		case xml.CharData:
			s.text(t, from, to)
		}
	}
}

// story returns the innermost story.
func (s *scanner) story() *story { return s.stories[len(s.stories)-1] }

// is reports whether the innermost open elements are names, outermost
// first.
func (s *scanner) is(names ...string) bool {
	if len(names) > len(s.stack) {
		return false
	}
	tail := s.stack[len(s.stack)-len(names):]
	for i, n := range names {
		if tail[i].name != n {
			return false
		}
	}
	return true
}

// start handles a start tag at data[from:to].
func (s *scanner) start(t xml.StartElement, from, to int) {
	name := elemName(t.Name)
	s.noteIDs(t)
	s.stack = append(s.stack, frame{name: name, start: from, end: to, run: -1, para: -1, atom: -1})
	f := &s.stack[len(s.stack)-1]
	s.recordRaw(f, t)
	if s.skip > 0 {
		return
	}
	if s.skipElement(name) {
		s.skip = len(s.stack)
		return
	}
	st := s.story()
	switch name {
	case "p":
		s.startPara(st, f.para)
	case "r":
		if st.para >= 0 {
			s.lay.runs = append(s.lay.runs, xmlRun{open: from, openEnd: to, propStart: -1, first: -1,
				name: rawName(s.data, from), para: st.para})
			f.run = len(s.lay.runs) - 1
		}
	case "tr":
		if st.row == nil && st.para < 0 {
			st.row = &xmlRow{depth: len(s.stack), origin: -1}
		}
	case "tc":
		if r := st.row; r != nil && r.cellDepth == 0 && st.para < 0 {
			r.events = append(r.events, rowEvent{cell: true})
			r.cellDepth = len(s.stack)
		}
	case "txbxContent":
		f.story = true
		host := st.host
		if host < 0 {
			host = st.para
		}
		s.stories = append(s.stories, &story{para: -1, host: host})
	case "t":
		if s.is("r", "t") && s.visibleRun() {
			s.startText(t, from, to)
		}
	case "vanish":
		if s.is("r", "rPr", "vanish") && onOff(t) {
			s.stack[len(s.stack)-3].hidden = true
		}
	case "fldChar":
		if s.is("r", "fldChar") {
			typ, _ := attr(t, "fldCharType")
			s.field(typ)
		}
	default:
		s.runContent(f, name, t)
	}
}

// noteIDs keeps the largest numeric w:id seen, so that new comment ids
// collide with nothing.
func (s *scanner) noteIDs(t xml.StartElement) {
	for _, a := range t.Attr {
		if a.Name.Local == "id" && isWNamespace(a.Name.Space) {
			if n, err := strconv.ParseInt(strings.TrimSpace(a.Value), 10, 64); err == nil && n > s.lay.maxID {
				s.lay.maxID = n
			}
		}
	}
}

// recordRaw notes where paragraphs and the children of runs are,
// whatever the reader makes of them.
func (s *scanner) recordRaw(f *frame, t xml.StartElement) {
	n := len(s.stack)
	if f.name == "p" {
		qn := rawName(s.data, f.start)
		s.lay.paras = append(s.lay.paras, xmlPara{inner: f.end, prefix: prefixOf(qn), space: t.Name.Space, host: -1})
		f.para = len(s.lay.paras) - 1
	}
	if n < 2 {
		return
	}
	parent := &s.stack[n-2]
	if parent.run >= 0 {
		r := &s.lay.runs[parent.run]
		if f.name == "rPr" {
			r.odd = r.odd || r.propStart >= 0 || r.first >= 0
			r.propStart = f.start
			f.props = true
		} else if r.first < 0 {
			r.first = f.start
		}
	}
}

// skipElement reports whether the element just opened is skipped with its
// content: the elements that never show text, and every mc:Choice of an
// mc:AlternateContent but the first.
func (s *scanner) skipElement(name string) bool {
	if skipped[name] {
		return true
	}
	if name == "mc:Choice" && s.is("mc:AlternateContent", "mc:Choice") {
		alt := &s.stack[len(s.stack)-2]
		if alt.taken {
			return true
		}
		alt.taken = true
	}
	return false
}

// startPara opens a paragraph unless one is open in the story (a damaged
// file nesting w:p: the reader adds the inner text to the outer one).
func (s *scanner) startPara(st *story, origin int) {
	if st.para >= 0 {
		return
	}
	if st.row != nil && st.row.origin < 0 {
		st.row.origin = origin
	}
	st.para, st.paraDepth = origin, len(s.stack)
	if len(s.stories) > 1 {
		s.lay.paras[origin].host = st.host
	}
}

// visibleRun reports whether the current element, a child of a w:r, shows
// text: it is inside a paragraph, its run is not hidden and it is not part
// of a field's instruction.
func (s *scanner) visibleRun() bool {
	n := len(s.stack)
	return n >= 2 && s.story().para >= 0 && !s.stack[n-2].hidden && s.instr == 0 && s.overflow == 0
}

// field follows w:fldChar: the text between begin and separate is the
// field code and is not shown.
func (s *scanner) field(typ string) {
	switch typ {
	case "begin":
		if len(s.fields) >= maxFieldNesting {
			s.overflow++
			return
		}
		s.fields = append(s.fields, true)
		s.instr++
	case "separate":
		if s.overflow == 0 && len(s.fields) > 0 && s.fields[len(s.fields)-1] {
			s.fields[len(s.fields)-1] = false
			s.instr--
		}
	case "end":
		if s.overflow > 0 {
			s.overflow--
			return
		}
		if n := len(s.fields); n > 0 {
			if s.fields[n-1] {
				s.instr--
			}
			s.fields = s.fields[:n-1]
		}
	}
}

// runContent records the elements of a run that read as characters or
// breaks.
func (s *scanner) runContent(f *frame, name string, t xml.StartElement) {
	var r rune
	kind := atomElem
	switch name {
	case "tab", "ptab":
		r = '\t'
	case "noBreakHyphen":
		r = '-'
	case "br", "cr":
		r, kind = ' ', atomBreak
	case "sym":
		var ok bool
		if r, ok = symbolRune(t); !ok || dropped(r) {
			return
		}
	default:
		return
	}
	if !s.is("r", name) || !s.visibleRun() {
		return
	}
	p := &s.lay.paras[s.story().para]
	p.atoms = append(p.atoms, atom{r: r, kind: kind, start: f.start, end: f.end, run: s.stack[len(s.stack)-2].run, text: -1})
	f.atomPara, f.atom = s.story().para, len(p.atoms)-1
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

// dropped reports whether the reader leaves r out of the text: control
// characters other than tab and line feed.
func dropped(r rune) bool {
	return r != '\t' && r != '\n' && (r < 0x20 || r >= 0x7F && r < 0xA0)
}

// startText begins collecting a visible w:t.
func (s *scanner) startText(t xml.StartElement, from, to int) {
	space, has := xmlSpace(t)
	s.lay.texts = append(s.lay.texts, xmlText{
		open: from, openEnd: to, name: rawName(s.data, from),
		preserve: space == "preserve", spaceAttr: has,
		firstStart: -1, run: s.stack[len(s.stack)-2].run,
	})
	s.cap = &capture{depth: len(s.stack), text: len(s.lay.texts) - 1, exact: true}
}

// text collects the character data of the visible w:t being read.
func (s *scanner) text(c xml.CharData, from, to int) {
	if s.cap == nil || s.skip != 0 || len(s.stack) != s.cap.depth {
		return
	}
	var ok bool
	s.cap.runes, ok = decodeCharData(s.data[from:to], from, s.cap.runes)
	s.cap.exact = s.cap.exact && ok
	s.cap.decoded = append(s.cap.decoded, c...)
}
