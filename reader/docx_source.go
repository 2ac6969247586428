package reader

import (
	"bytes"
	"encoding/xml"
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"

	"zongjie/document"
	"zongjie/internal/docxsrc"
)

// ReadSource reads a .docx as Read does and also returns where each
// character of its text came from in the main document part (see package
// docxsrc), recorded by the same walk that makes the text. It refuses
// what Read refuses, anything that is not a .docx, and a main document
// part in UTF-16 (whose byte positions the source would not give).
func ReadSource(path string, data []byte) (*document.File, *docxsrc.Source, error) {
	if len(data) > MaxSize {
		return nil, nil, tooLarge(path, int64(len(data)))
	}
	if sniff(data) != kindZip {
		return nil, nil, errorf(path, nil, "不是 .docx 文件", "not a .docx file")
	}
	f, src, err := readDocx(path, data, true)
	if err != nil {
		var notDocx *notDocxError
		if errors.As(err, &notDocx) {
			return nil, nil, unsupported(path, notDocx.format)
		}
		return nil, nil, err
	}
	if len(f.Paragraphs) == 0 {
		return nil, nil, errorf(path, nil, "文件中没有文字（只有空白）", "no text in file (blank)")
	}
	return f, src, nil
}

// recorder records the source of the main document part while the walker
// reads it. The walker calls it only when it records (walker.rec != nil).
type recorder struct {
	src      *docxsrc.Source
	base     int // bytes before the XML text: a UTF-8 byte-order mark
	from, to int // the bytes of the token being handled
}

// newRecorder prepares the recording of the main part name with bytes
// data.
func newRecorder(path, name string, data []byte) (*recorder, error) {
	if hasUTF16BOM(data) {
		return nil, errorf(path, nil, "正文部分（%s）是 UTF-16 编码，无法定位其中文字的位置", "%s is UTF-16: positions in it are not supported", name)
	}
	r := &recorder{src: &docxsrc.Source{Part: name, Data: data, MaxID: -1}}
	if bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) {
		r.base = 3
	}
	return r, nil
}

// at notes the bytes of the next token (offsets of the XML text parsed).
func (r *recorder) at(from, to int) { r.from, r.to = r.base+from, r.base+to }

// start records what the start tag just pushed on the walker's stack
// says about places: w:id values, paragraphs, and the children of runs.
// It runs whatever the walker makes of the element, skipped ones
// included.
func (r *recorder) start(w *walker, t xml.StartElement) {
	for _, a := range t.Attr {
		if a.Name.Local == "id" && isWNamespace(a.Name.Space) {
			if n, err := strconv.ParseInt(strings.TrimSpace(a.Value), 10, 64); err == nil && n > r.src.MaxID {
				r.src.MaxID = n
			}
		}
	}
	f := &w.stack[len(w.stack)-1]
	if f.name == "p" {
		r.src.Paras = append(r.src.Paras, docxsrc.Para{Inner: r.to, Prefix: prefixOf(rawName(r.src.Data, r.from)), Space: t.Name.Space, Host: -1})
		f.para = len(r.src.Paras) - 1
	}
	if len(w.stack) < 2 {
		return
	}
	if parent := w.stack[len(w.stack)-2]; parent.run >= 0 {
		run := &r.src.Runs[parent.run]
		if f.name == "rPr" {
			run.Odd = run.Odd || run.PropStart >= 0 || run.First >= 0
			run.PropStart = r.from
			f.props = true
		} else if run.First < 0 {
			run.First = r.from
		}
	}
}

// end completes the places of the element that ends (the top of the
// walker's stack), skipped or not.
func (r *recorder) end(w *walker) {
	n := len(w.stack)
	f := w.stack[n-1]
	if f.para >= 0 && r.from == r.to {
		r.src.Paras[f.para].Inner = -1 // <w:p/>
	}
	if f.run >= 0 {
		r.src.Runs[f.run].End = r.to
	}
	if f.atom >= 0 {
		r.src.Atoms[f.atom].End = r.to
	}
	if n < 2 {
		return
	}
	parent := w.stack[n-2]
	if f.name == "pPr" && parent.para >= 0 {
		r.src.Paras[parent.para].Inner = r.to
	}
	if parent.run >= 0 {
		run := &r.src.Runs[parent.run]
		if f.props {
			run.PropEnd = r.to
		} else {
			run.Last = r.to
		}
	}
}

// para notes that paragraph origin opened in a story (a text box's
// paragraphs are hosted by the body paragraph anchoring it).
func (r *recorder) para(origin, host int) {
	if origin >= 0 && origin < len(r.src.Paras) {
		r.src.Paras[origin].Host = host
	}
}

// run records a w:r opened inside paragraph origin, as the top of the
// walker's stack.
func (r *recorder) run(w *walker, origin int) {
	r.src.Runs = append(r.src.Runs, docxsrc.Run{Open: r.from, OpenEnd: r.to, PropStart: -1, First: -1,
		Name: rawName(r.src.Data, r.from), Para: origin})
	w.stack[len(w.stack)-1].run = len(r.src.Runs) - 1
}

// elem records an element of a run read as one character (w:tab,
// w:sym…), the top of the walker's stack, and returns its atom.
func (r *recorder) elem(w *walker) int32 {
	n := len(w.stack)
	r.src.Atoms = append(r.src.Atoms, docxsrc.Atom{Kind: docxsrc.Elem, Start: r.from, End: r.to, Run: w.stack[n-2].run, Text: -1})
	w.stack[n-1].atom = len(r.src.Atoms) - 1
	return int32(len(r.src.Atoms) - 1)
}

// text records a visible w:t opened as the top of the walker's stack and
// returns its index.
func (r *recorder) text(w *walker, t xml.StartElement) int {
	space, has := xmlSpace(t)
	r.src.Texts = append(r.src.Texts, docxsrc.Text{
		Open: r.from, OpenEnd: r.to, Name: rawName(r.src.Data, r.from),
		Preserve: space == "preserve", SpaceAttr: has,
		FirstStart: -1, Run: w.stack[len(w.stack)-2].run,
	})
	return len(r.src.Texts) - 1
}

// charData adds the characters of the token being handled, with their
// source bytes, to the w:t being read.
func (r *recorder) charData(c *textCapture) {
	var ok bool
	c.runes, ok = decodeCharData(r.src.Data[r.from:r.to], r.from, c.runes)
	c.exact = c.exact && ok
}

// endText closes the w:t of c at the token being handled and, when its
// text is shown in paragraph p, writes that text to p with the atoms it
// came from: white space trimmed from the ends of a w:t without
// xml:space="preserve", line feeds read as spaces, control characters
// dropped, as endText writes it without a recorder.
func (r *recorder) endText(c *textCapture, p *paraState) {
	t := &r.src.Texts[c.src]
	t.Close, t.End = r.from, r.to
	if p == nil {
		return
	}
	runes := c.runes
	if !c.exact || !sameText(runes, c.buf.String()) {
		runes = runes[:0]
		for _, ch := range c.buf.String() {
			runes = append(runes, rawRune{r: ch, start: -1})
		}
	}
	lo, hi := 0, len(runes)
	if !c.preserve {
		for lo < hi && trimmedRune(runes[lo].r) {
			lo++
		}
		for hi > lo && trimmedRune(runes[hi-1].r) {
			hi--
		}
	}
	t.CoreStart, t.CoreEnd = t.OpenEnd, t.OpenEnd
	if lo < hi && runes[lo].start >= 0 {
		t.CoreStart, t.CoreEnd = runes[lo].start, runes[hi-1].end
	}
	var buf [utf8.UTFMax]byte
	for _, rr := range runes[lo:hi] {
		ch := rr.r
		switch {
		case ch == '\n':
			ch = ' '
		case ch != '\t' && (ch < 0x20 || ch >= 0x7F && ch < 0xA0):
			continue // control characters, \r included
		}
		a := docxsrc.Atom{Kind: docxsrc.Char, Start: rr.start, End: rr.end, Run: t.Run, Text: c.src}
		if rr.start < 0 {
			// The characters could not be placed inside the element:
			// boundaries fall around the whole w:t.
			a = docxsrc.Atom{Kind: docxsrc.Elem, Start: t.Open, End: t.End, Run: t.Run, Text: -1}
		}
		if t.FirstStart < 0 {
			t.FirstStart = a.Start
		}
		t.LastEnd = a.End
		r.src.Atoms = append(r.src.Atoms, a)
		n := utf8.EncodeRune(buf[:], ch)
		p.write(string(buf[:n]), int32(len(r.src.Atoms)-1), true)
	}
}

// trimmedRune reports whether the reader trims r from the ends of a w:t
// without xml:space="preserve" (the cutset of endText).
func trimmedRune(r rune) bool { return r == ' ' || r == '\t' || r == '\r' || r == '\n' }

// sameText reports whether runes spell s.
func sameText(runes []rawRune, s string) bool {
	i := 0
	for _, rr := range runes {
		n := utf8.RuneLen(rr.r)
		if n < 0 || i+n > len(s) {
			return false
		}
		if r, size := utf8.DecodeRuneInString(s[i:]); r != rr.r || size != n {
			return false
		}
		i += n
	}
	return i == len(s)
}

// assembleSource returns the At table of a text assembled from blocks by
// assembleDocx: each block's atoms, -1 for the line feeds between blocks
// and for blocks without a source.
func assembleSource(blocks []block, n int) []int32 {
	at := make([]int32, 0, n)
	for i, bl := range blocks {
		if i > 0 {
			at = append(at, -1)
		}
		if len(bl.src) == len(bl.text) {
			at = append(at, bl.src...)
			continue
		}
		for range len(bl.text) {
			at = append(at, -1)
		}
	}
	return at
}

// rawRune is one character of decoded XML character data and the bytes of
// the part it was decoded from: [start, end).
type rawRune struct {
	r          rune
	start, end int
}

// decodeCharData decodes raw, the bytes of one character-data token that
// starts at offset base of its part, into characters with their source
// byte ranges, appended to out. It follows encoding/xml: the five
// predefined entities and numeric references are expanded, and "\r\n"
// and a lone "\r" become "\n". ok is false when raw holds something it
// does not place character by character: a CDATA section (markers cannot
// go inside one, and Word never writes one) or a reference it does not
// know. The caller also checks the result against the decoder's text.
func decodeCharData(raw []byte, base int, out []rawRune) ([]rawRune, bool) {
	if bytes.HasPrefix(raw, []byte("<![CDATA[")) {
		return out, false
	}
	for i := 0; i < len(raw); {
		switch c := raw[i]; {
		case c == '\r':
			n := 1
			if i+1 < len(raw) && raw[i+1] == '\n' {
				n = 2
			}
			out = append(out, rawRune{'\n', base + i, base + i + n})
			i += n
		case c == '&':
			semi := bytes.IndexByte(raw[i:], ';')
			if semi < 0 {
				return out, false
			}
			r, ok := reference(string(raw[i+1 : i+semi]))
			if !ok {
				return out, false
			}
			out = append(out, rawRune{r, base + i, base + i + semi + 1})
			i += semi + 1
		default:
			r, size := utf8.DecodeRune(raw[i:])
			if r == utf8.RuneError && size <= 1 {
				return out, false
			}
			out = append(out, rawRune{r, base + i, base + i + size})
			i += size
		}
	}
	return out, true
}

// reference returns the character of an entity or character reference,
// given without its "&" and ";".
func reference(name string) (rune, bool) {
	switch name {
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "amp":
		return '&', true
	case "apos":
		return '\'', true
	case "quot":
		return '"', true
	}
	if len(name) < 2 || name[0] != '#' {
		return 0, false
	}
	digits, b := name[1:], 10
	if digits[0] == 'x' {
		digits, b = digits[1:], 16
	}
	n, err := strconv.ParseUint(digits, b, 32)
	if err != nil || n > utf8.MaxRune {
		return 0, false
	}
	return rune(n), true
}

// xmlSpace returns the value of t's xml:space attribute and whether it has
// one.
func xmlSpace(t xml.StartElement) (string, bool) {
	for _, a := range t.Attr {
		if a.Name.Local == "space" && (a.Name.Space == xmlNamespace || a.Name.Space == "xml") {
			return strings.TrimSpace(a.Value), true
		}
	}
	return "", false
}

// rawName returns the qualified name of the tag that starts at data[start]
// ("<w:p …" gives "w:p"), as written in the source.
func rawName(data []byte, start int) string {
	i := start + 1
	for i < len(data) {
		switch data[i] {
		case ' ', '\t', '\r', '\n', '/', '>':
			return string(data[start+1 : i])
		}
		i++
	}
	return string(data[min(start+1, len(data)):])
}

// prefixOf returns the namespace prefix of a qualified name, "" for none.
func prefixOf(qname string) string {
	if i := strings.IndexByte(qname, ':'); i >= 0 {
		return qname[:i]
	}
	return ""
}
