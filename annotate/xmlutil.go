package annotate

import (
	"encoding/xml"
	"strings"
)

// Namespaces. WordprocessingML is matched loosely, as the reader does, so
// that transitional and strict documents and parts that use the "w" prefix
// without declaring it all work.
const (
	mcNamespace     = "http://schemas.openxmlformats.org/markup-compatibility/2006"
	xmlNamespace    = "http://www.w3.org/XML/1998/namespace"
	wTransitional   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	wStrict         = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	relsNamespace   = "http://schemas.openxmlformats.org/package/2006/relationships"
	typesNamespace  = "http://schemas.openxmlformats.org/package/2006/content-types"
	commentsRelType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
	strictRelType   = "http://purl.oclc.org/ooxml/officeDocument/relationships/comments"
	commentsCType   = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
)

// isWNamespace reports whether space is the WordprocessingML main namespace
// (transitional or strict), the bare "w" prefix, or no namespace at all.
func isWNamespace(space string) bool {
	return space == "" || space == "w" ||
		strings.HasSuffix(space, "/main") && strings.Contains(space, "wordprocessingml")
}

// elemName names an element the way the reader's walker does: the local
// name for WordprocessingML, "mc:" plus the local name for markup
// compatibility, and "*:" plus the local name for anything else.
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

// onOff reads an on/off property such as <w:vanish/>: true unless w:val
// says "0", "false" or "off".
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

// isBlank reports whether r is white space or an invisible character that
// only pads a line, as the reader trims them.
func isBlank(r rune) bool {
	switch r {
	case ' ', '\t', '\r', '\n', '\f', '\v', 0x00A0, 0x3000, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF:
		return true
	}
	return false
}

// escape returns s escaped for XML character data or an attribute value
// in double quotes. Characters XML cannot hold become U+FFFD.
func escape(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s)) // a strings.Builder never fails
	return b.String()
}
