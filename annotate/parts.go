package annotate

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"zongjie/internal/opc"
)

// root is the root element of a small XML part, where new children are
// appended.
type root struct {
	name          string // qualified name as written
	open, openEnd int    // the start tag
	close         int    // start of the end tag
	selfClosing   bool
}

// parseRoot finds the root element of a part and calls each for every
// start element, the root included.
func parseRoot(name string, data []byte, each func(xml.StartElement)) (root, error) {
	base := 0
	if bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) {
		base = 3
	} else if len(data) >= 2 && (data[0] == 0xFF && data[1] == 0xFE || data[0] == 0xFE && data[1] == 0xFF) {
		return root{}, fmt.Errorf("%s is UTF-16, which is not supported", name)
	}
	d := xml.NewDecoder(bytes.NewReader(data[base:]))
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var rt root
	depth, seen := 0, false
	for {
		from := base + int(d.InputOffset())
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return root{}, fmt.Errorf("%s is not well-formed XML: %w", name, err)
		}
		to := base + int(d.InputOffset())
		switch t := tok.(type) {
		case xml.StartElement:
			if depth++; depth > maxDepth {
				return root{}, fmt.Errorf("%s is nested deeper than %d levels", name, maxDepth)
			}
			if depth == 1 && !seen {
				rt = root{name: rawName(data, from), open: from, openEnd: to}
				seen = true
			}
			each(t)
		case xml.EndElement:
			if depth--; depth == 0 {
				rt.close, rt.selfClosing = from, from == to
			}
		}
	}
	if !seen {
		return root{}, fmt.Errorf("%s has no root element", name)
	}
	return rt, nil
}

// appendChildren returns data with content added as the last children of
// its root element.
func appendChildren(data []byte, rt root, content string) []byte {
	var b bytes.Buffer
	if rt.selfClosing {
		// "<x/>" becomes "<x>content</x>".
		end := bytes.LastIndex(data[rt.open:rt.openEnd], []byte("/"))
		if end < 0 {
			return data
		}
		end += rt.open
		b.Write(data[:end])
		b.WriteString(">" + content + "</" + rt.name + ">")
		b.Write(data[rt.openEnd:])
		return b.Bytes()
	}
	b.Write(data[:rt.close])
	b.WriteString(content)
	b.Write(data[rt.close:])
	return b.Bytes()
}

// qualify returns local with the prefix of qname.
func qualify(qname, local string) string {
	if p := prefixOf(qname); p != "" {
		return p + ":" + local
	}
	return local
}

// relsInfo is what the relationships part of the main document says about
// comments.
type relsInfo struct {
	comments string          // part key of the comments part, "" when not related
	ids      map[string]bool // relationship ids in use
}

// readRels parses the relationships of the main document; sourceDir is the
// folder of the main part.
func readRels(name string, data []byte, sourceDir string) (relsInfo, root, error) {
	info := relsInfo{ids: map[string]bool{}}
	rt, err := parseRoot(name, data, func(t xml.StartElement) {
		if t.Name.Local != "Relationship" {
			return
		}
		var id, typ, target, mode string
		for _, a := range t.Attr {
			switch a.Name.Local {
			case "Id":
				id = a.Value
			case "Type":
				typ = a.Value
			case "Target":
				target = a.Value
			case "TargetMode":
				mode = a.Value
			}
		}
		info.ids[id] = true
		if info.comments == "" && !strings.EqualFold(mode, "External") && typ[strings.LastIndexByte(typ, '/')+1:] == "comments" {
			info.comments = opc.ResolveTarget(sourceDir, target)
		}
	})
	return info, rt, err
}

// newRelID returns a relationship id not in use.
func newRelID(ids map[string]bool) string {
	for n := len(ids) + 1; ; n++ {
		if id := "rId" + strconv.Itoa(n); !ids[id] {
			return id
		}
	}
}

// relationship returns the element relating the main part to the comments
// part at target (relative to the main part's folder).
func relationship(qname, id, typ, target string) string {
	return "<" + qualify(qname, "Relationship") + ` Id="` + escape(id) + `" Type="` + typ +
		`" Target="` + escape(target) + `"/>`
}

// newRels returns a relationships part holding one relationship.
func newRels(id, typ, target string) []byte {
	return []byte(xml.Header[:len(xml.Header)-1] + "\n" + `<Relationships xmlns="` + relsNamespace + `">` +
		relationship("Relationships", id, typ, target) + "</Relationships>")
}

// addContentType returns [Content_Types].xml with an override for the
// comments part, or data unchanged when it has one.
func addContentType(data []byte, partName string) ([]byte, error) {
	has := false
	rt, err := parseRoot("[Content_Types].xml", data, func(t xml.StartElement) {
		if t.Name.Local != "Override" {
			return
		}
		for _, a := range t.Attr {
			if a.Name.Local == "PartName" && opc.PartKey(a.Value) == opc.PartKey(partName) {
				has = true
			}
		}
	})
	if err != nil || has {
		return data, err
	}
	o := "<" + qualify(rt.name, "Override") + ` PartName="` + escape(partName) + `" ContentType="` + commentsCType + `"/>`
	return appendChildren(data, rt, o), nil
}
