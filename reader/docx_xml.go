package reader

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"
)

// xmlHandler receives the token stream of one XML part. Returning an error
// stops the parse.
type xmlHandler interface {
	start(t xml.StartElement) error
	end(t xml.EndElement) error
	text(t xml.CharData) error
}

// parseXML streams the tokens of the named part to h. It enforces the
// nesting cap itself (encoding/xml has none for Token) and turns syntax
// errors into an *Error naming the part.
func (p *docxPackage) parseXML(name string, data []byte, h xmlHandler) error {
	d := xml.NewDecoder(bytes.NewReader(toUTF8(data)))
	// The bytes are UTF-8 by now whatever the declaration says; the decoder
	// still rejects anything that is not valid UTF-8.
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var rec *recorder
	if w, ok := h.(*walker); ok {
		rec = w.rec
	}
	depth := 0
	for {
		from := d.InputOffset()
		tok, err := d.Token()
		if rec != nil {
			rec.at(int(from), int(d.InputOffset()))
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return &Error{Path: p.path, Err: err, Reason: "文件已损坏：" + name + " 不是有效的 XML",
				En: fmt.Sprintf("corrupt .docx: %s is not well-formed XML (%v)", name, err)}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > docxMaxDepth {
				return errorf(p.path, nil, "文件异常：%s 的 XML 嵌套超过 %d 层",
					"abnormal file: XML in %s is nested deeper than %d levels", name, docxMaxDepth)
			}
			err = h.start(t)
		case xml.EndElement:
			depth--
			err = h.end(t)
		case xml.CharData:
			err = h.text(t)
		}
		if err != nil {
			return err
		}
	}
}

// toUTF8 drops a UTF-8 byte-order mark and converts UTF-16 with a BOM (which
// the package format allows for XML parts) to UTF-8.
func toUTF8(data []byte) []byte {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return data[3:]
	case hasUTF16BOM(data):
		return []byte(string(utf16.Decode(utf16Units(data[2:], data[0] == 0xFF))))
	}
	return data
}

// Namespaces are matched loosely so that transitional and strict OOXML both
// work, as do parts that use the usual prefixes without declaring them.
const (
	mcNamespace  = "http://schemas.openxmlformats.org/markup-compatibility/2006"
	xmlNamespace = "http://www.w3.org/XML/1998/namespace"
)

// isWNamespace reports whether space is the WordprocessingML main namespace
// (transitional or strict), the bare "w" prefix, or no namespace at all.
func isWNamespace(space string) bool {
	return space == "" || space == "w" ||
		strings.HasSuffix(space, "/main") && strings.Contains(space, "wordprocessingml")
}

// elemName names an element for the walkers: the local name for
// WordprocessingML, "mc:" plus the local name for markup compatibility, and
// "*:" plus the local name for anything else (drawing, VML…), so that such
// elements never match a WordprocessingML name.
func elemName(n xml.Name) string {
	switch {
	case isWNamespace(n.Space):
		return n.Local
	case n.Space == mcNamespace || n.Space == "mc":
		return "mc:" + n.Local
	}
	return "*:" + n.Local
}

// attr returns the value of the WordprocessingML attribute local of t.
func attr(t xml.StartElement, local string) (string, bool) {
	for _, a := range t.Attr {
		if a.Name.Local == local && isWNamespace(a.Name.Space) {
			return a.Value, true
		}
	}
	return "", false
}

// attrInt returns the integer value of attribute local, clamped to
// [lo, hi]; ok is false when the attribute is absent or not a number.
func attrInt(t xml.StartElement, local string, lo, hi int) (int, bool) {
	v, ok := attr(t, local)
	if !ok {
		return 0, false
	}
	n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil {
		// Out-of-range numbers still say "huge" or "very negative".
		var ne *strconv.NumError
		if !errors.As(err, &ne) || ne.Err != strconv.ErrRange {
			return 0, false
		}
		if strings.HasPrefix(strings.TrimSpace(v), "-") {
			return lo, true
		}
		return hi, true
	}
	return int(max(int64(lo), min(int64(hi), n))), true
}

// onOff reads a WordprocessingML on/off property such as <w:vanish/>: true
// unless w:val says "0", "false" or "off".
func onOff(t xml.StartElement) bool {
	v, ok := attr(t, "val")
	if !ok {
		return true
	}
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "0", "false", "off":
		return false
	}
	return true
}

// preservesSpace reports whether t has xml:space="preserve".
func preservesSpace(t xml.StartElement) bool {
	for _, a := range t.Attr {
		if a.Name.Local == "space" && (a.Name.Space == xmlNamespace || a.Name.Space == "xml") {
			return strings.TrimSpace(a.Value) == "preserve"
		}
	}
	return false
}

// elemPath is the stack of open element names used by the small parsers
// of styles.xml and numbering.xml.
type elemPath []string

// push opens an element.
func (p *elemPath) push(name string) { *p = append(*p, name) }

// pop closes the innermost element and returns its name.
func (p *elemPath) pop() string {
	n := len(*p)
	if n == 0 {
		return ""
	}
	name := (*p)[n-1]
	*p = (*p)[:n-1]
	return name
}

// is reports whether the innermost open elements are names, outermost
// first: is("pPr", "numPr") means the current element is a numPr directly
// inside a pPr.
func (p elemPath) is(names ...string) bool {
	if len(names) > len(p) {
		return false
	}
	tail := p[len(p)-len(names):]
	for i, n := range names {
		if tail[i] != n {
			return false
		}
	}
	return true
}
