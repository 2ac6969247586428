package reader

import (
	"encoding/xml"
	"strings"
)

// maxStyleChain caps how many basedOn links are followed; real style
// hierarchies are a handful deep, and the cap also stops cycles.
const maxStyleChain = 32

// docxStyle is what the reader needs of one style in word/styles.xml.
type docxStyle struct {
	id, name, basedOn string
	outline           int // w:outlineLvl, -1 when not set
	numID, ilvl       int // w:numPr
	hasNumID, hasIlvl bool
}

// styleInfo is the resolved effect of a paragraph style, basedOn chain
// included.
type styleInfo struct {
	heading           int // heading level hint, 0 for none
	title             bool
	toc               bool // a table-of-contents entry ("toc 1", "目录 1")
	numID, ilvl       int
	hasNumID, hasIlvl bool
}

// styleSheet holds the styles of a document by id and the default
// paragraph style, which applies to paragraphs without w:pStyle.
type styleSheet struct {
	byID        map[string]*docxStyle
	defaultPara string
	cache       map[string]styleInfo
}

// newStyleSheet returns an empty style sheet.
func newStyleSheet() *styleSheet {
	return &styleSheet{byID: map[string]*docxStyle{}, cache: map[string]styleInfo{}}
}

// readStyles parses the styles part; an empty name gives an empty sheet.
func (p *docxPackage) readStyles(name string) (*styleSheet, error) {
	sheet := newStyleSheet()
	if name == "" {
		return sheet, nil
	}
	data, err := p.read(name)
	if err != nil {
		return nil, err
	}
	if err := p.parseXML(name, data, &stylesHandler{sheet: sheet}); err != nil {
		return nil, err
	}
	return sheet, nil
}

// stylesHandler collects styles from the token stream of styles.xml.
type stylesHandler struct {
	sheet *styleSheet
	path  elemPath
	cur   *docxStyle
}

// start reads the style properties the reader needs.
func (h *stylesHandler) start(t xml.StartElement) error {
	h.path.push(elemName(t.Name))
	if h.path.is("styles", "style") {
		h.startStyle(t)
		return nil
	}
	if h.cur == nil {
		return nil
	}
	val, _ := attr(t, "val")
	switch {
	case h.path.is("style", "name"):
		h.cur.name = val
	case h.path.is("style", "basedOn"):
		h.cur.basedOn = val
	case h.path.is("style", "pPr", "outlineLvl"):
		if n, ok := attrInt(t, "val", 0, 9); ok {
			h.cur.outline = n
		}
	case h.path.is("style", "pPr", "numPr", "numId"):
		h.cur.numID, h.cur.hasNumID = attrInt(t, "val", 0, 1<<30)
	case h.path.is("style", "pPr", "numPr", "ilvl"):
		h.cur.ilvl, h.cur.hasIlvl = attrInt(t, "val", 0, 8)
	}
	return nil
}

// startStyle begins a w:style element; the first style with an id wins.
func (h *stylesHandler) startStyle(t xml.StartElement) {
	id, _ := attr(t, "styleId")
	h.cur = &docxStyle{id: id, outline: -1}
	if _, dup := h.sheet.byID[id]; dup || id == "" {
		return // parsed but not stored
	}
	h.sheet.byID[id] = h.cur
	typ, _ := attr(t, "type")
	if onOffAttr(t, "default") && (typ == "paragraph" || typ == "") && h.sheet.defaultPara == "" {
		h.sheet.defaultPara = id
	}
}

// end closes an element, and the current style with its w:style.
func (h *stylesHandler) end(xml.EndElement) error {
	if h.path.pop() == "style" && h.path.is("styles") {
		h.cur = nil
	}
	return nil
}

// text ignores character data: styles are all attributes.
func (h *stylesHandler) text(xml.CharData) error { return nil }

// onOffAttr reads an on/off attribute such as w:default="1".
func onOffAttr(t xml.StartElement, local string) bool {
	v, _ := attr(t, local)
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "1", "true", "on":
		return true
	}
	return false
}

// resolve returns the effect of paragraph style id ("" for the default
// paragraph style), following basedOn links: the nearest style that sets
// an outline level or has a heading name gives the heading level, and the
// nearest numPr parts give the numbering. Only the style itself can make a
// paragraph a title.
func (s *styleSheet) resolve(id string) styleInfo {
	if id == "" {
		id = s.defaultPara
	}
	if info, ok := s.cache[id]; ok {
		return info
	}
	var info styleInfo
	if st := s.byID[id]; st != nil {
		info.title = isTitleStyle(st)
		info.toc = isTOCStyle(st)
	}
	headingSet := false
	seen := make([]string, 0, 4)
	for cur := id; cur != "" && len(seen) < maxStyleChain; {
		st := s.byID[cur]
		if st == nil || contains(seen, cur) {
			break
		}
		seen = append(seen, cur)
		if !headingSet {
			if st.outline >= 0 {
				info.heading, headingSet = outlineLevel(st.outline), true
			} else if n := headingFromName(st.name); n > 0 {
				info.heading, headingSet = n, true
			}
		}
		if !info.hasNumID && st.hasNumID {
			info.numID, info.hasNumID = st.numID, true
		}
		if !info.hasIlvl && st.hasIlvl {
			info.ilvl, info.hasIlvl = st.ilvl, true
		}
		cur = st.basedOn
	}
	s.cache[id] = info
	return info
}

// contains reports whether list holds s.
func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// outlineLevel turns a w:outlineLvl value (0–8 headings, 9 body text) into
// a heading level hint (1–9, 0 for none).
func outlineLevel(n int) int {
	if n >= 0 && n <= 8 {
		return n + 1
	}
	return 0
}

// headingFromName recognises the built-in heading style names "heading N"
// (as Word writes them) and "标题 N" (as some Chinese editors write them).
func headingFromName(name string) int {
	name = strings.TrimSpace(strings.ToLower(name))
	for _, prefix := range []string{"heading", "标题"} {
		rest, ok := strings.CutPrefix(name, prefix)
		if !ok {
			continue
		}
		rest = strings.TrimSpace(rest)
		if len(rest) == 1 && rest[0] >= '1' && rest[0] <= '9' {
			return int(rest[0] - '0')
		}
	}
	return 0
}

// isTOCStyle reports whether st is a table-of-contents entry style: the
// built-in "toc 1" … "toc 9" (id "TOC1"…), or WPS's "目录 1".
func isTOCStyle(st *docxStyle) bool {
	name := strings.ToLower(strings.TrimSpace(st.name))
	for _, prefix := range []string{"toc ", "目录 ", "目录"} {
		if rest, ok := strings.CutPrefix(name, prefix); ok && len(rest) == 1 && rest[0] >= '1' && rest[0] <= '9' {
			return true
		}
	}
	id := strings.ToLower(st.id)
	return len(id) == 4 && strings.HasPrefix(id, "toc") && id[3] >= '1' && id[3] <= '9'
}

// isTitleStyle reports whether st is the document-title style.
func isTitleStyle(st *docxStyle) bool {
	name := strings.TrimSpace(st.name)
	return strings.EqualFold(name, "title") || name == "标题" || strings.EqualFold(st.id, "title")
}
