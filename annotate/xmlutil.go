package annotate

import (
	"encoding/xml"
	"strings"
)

// maxDepth caps XML element nesting in the parts parsed here, as the
// reader does.
const maxDepth = 256

// Namespaces. WordprocessingML is matched loosely, as the reader does, so
// that transitional and strict documents and parts that use the "w" prefix
// without declaring it all work.
const (
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

// attr returns the value of the WordprocessingML attribute local of t.
func attr(t xml.StartElement, local string) (string, bool) {
	for _, a := range t.Attr {
		if a.Name.Local == local && isWNamespace(a.Name.Space) {
			return a.Value, true
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

// escape returns s escaped for XML character data or an attribute value
// in double quotes. Characters XML cannot hold become U+FFFD.
func escape(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s)) // a strings.Builder never fails
	return b.String()
}
