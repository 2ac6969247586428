package reader

import (
	"encoding/xml"
	"strings"
	"unicode/utf8"
)

// Caps on numbering, so that a hostile numbering.xml cannot make the
// reader build giant markers.
const (
	numLevels       = 9      // w:ilvl 0–8
	maxNumberValue  = 999999 // counters and w:start are clamped to [0, maxNumberValue]
	maxLvlTextRunes = 64     // longer w:lvlText values are cut
	maxNumLinks     = 4      // w:numStyleLink indirections followed
)

// numLevel is one level of a list definition (w:lvl).
type numLevel struct {
	start    int
	format   string // w:numFmt, "decimal" by default
	fallback string // w:numFmt from an mc:Fallback, used when format is not understood
	custom   string // w:format of a numFmt "custom" (Word 2010+)
	pad      int    // zero-padding width for a custom "001, 002, …" format
	text     string // w:lvlText
	hasText  bool
	suff     string // w:suff: "tab" (default), "space" or "nothing"
	legal    bool   // w:isLgl: show every level as decimal
	restart  int    // w:lvlRestart, -1 when not set
	pStyle   string // w:pStyle: the paragraph style linked to this level
}

// abstractNum is a list definition (w:abstractNum).
type abstractNum struct {
	levels       [numLevels]*numLevel
	numStyleLink string // the levels live in the list of this numbering style
}

// lvlOverride is a per-instance change of one level (w:lvlOverride).
type lvlOverride struct {
	start    int
	hasStart bool
	lvl      *numLevel // a complete replacement level, or nil
}

// numInstance is a list instance (w:num), the thing paragraphs refer to.
type numInstance struct {
	abstractID int
	hasAbs     bool
	overrides  [numLevels]*lvlOverride
}

// numberingDef is the content of word/numbering.xml.
type numberingDef struct {
	abstracts map[int]*abstractNum
	nums      map[int]*numInstance
}

// readNumbering parses the numbering part; an empty name gives an empty
// definition.
func (p *docxPackage) readNumbering(name string) (*numberingDef, error) {
	def := &numberingDef{abstracts: map[int]*abstractNum{}, nums: map[int]*numInstance{}}
	if name == "" {
		return def, nil
	}
	data, err := p.read(name)
	if err != nil {
		return nil, err
	}
	if err := p.parseXML(name, data, &numberingHandler{def: def}); err != nil {
		return nil, err
	}
	return def, nil
}

// numberingHandler collects list definitions from the token stream of
// numbering.xml.
type numberingHandler struct {
	def  *numberingDef
	path elemPath
	abs  *abstractNum
	num  *numInstance
	ov   *lvlOverride
	lvl  *numLevel
}

// start reads list definitions, instances, overrides and levels.
func (h *numberingHandler) start(t xml.StartElement) error {
	h.path.push(elemName(t.Name))
	switch {
	case h.path.is("numbering", "abstractNum"):
		h.abs = &abstractNum{}
		if id, ok := attrInt(t, "abstractNumId", 0, 1<<30); ok {
			if _, dup := h.def.abstracts[id]; !dup {
				h.def.abstracts[id] = h.abs
			}
		}
	case h.path.is("numbering", "num"):
		h.num = &numInstance{}
		if id, ok := attrInt(t, "numId", 0, 1<<30); ok {
			if _, dup := h.def.nums[id]; !dup {
				h.def.nums[id] = h.num
			}
		}
	case h.path.is("abstractNum", "lvl") && h.abs != nil:
		h.lvl = nil
		if i, ok := attrInt(t, "ilvl", -1, numLevels); ok && i >= 0 && i < numLevels {
			h.lvl = newNumLevel()
			h.abs.levels[i] = h.lvl
		}
	case h.path.is("abstractNum", "numStyleLink") && h.abs != nil:
		h.abs.numStyleLink, _ = attr(t, "val")
	case h.path.is("num", "abstractNumId") && h.num != nil:
		h.num.abstractID, h.num.hasAbs = attrInt(t, "val", 0, 1<<30)
	case h.path.is("num", "lvlOverride") && h.num != nil:
		h.ov = nil
		if i, ok := attrInt(t, "ilvl", -1, numLevels); ok && i >= 0 && i < numLevels {
			h.ov = &lvlOverride{}
			h.num.overrides[i] = h.ov
		}
	case h.path.is("lvlOverride", "startOverride") && h.ov != nil:
		h.ov.start, h.ov.hasStart = attrInt(t, "val", 0, maxNumberValue)
	case h.path.is("lvlOverride", "lvl") && h.ov != nil:
		h.lvl = newNumLevel()
		h.ov.lvl = h.lvl
	case h.lvl != nil:
		h.levelProperty(t)
	}
	return nil
}

// newNumLevel returns a level with the schema defaults.
func newNumLevel() *numLevel {
	return &numLevel{format: "decimal", restart: -1}
}

// levelProperty reads one child of the w:lvl being parsed.
func (h *numberingHandler) levelProperty(t xml.StartElement) {
	l := h.lvl
	val, _ := attr(t, "val")
	switch {
	case h.path.is("lvl", "start"):
		if n, ok := attrInt(t, "val", 0, maxNumberValue); ok {
			l.start = n
		}
	case h.path.is("lvl", "numFmt"), h.path.is("lvl", "mc:AlternateContent", "mc:Choice", "numFmt"):
		l.format = val
		l.custom, _ = attr(t, "format")
	case h.path.is("lvl", "mc:AlternateContent", "mc:Fallback", "numFmt"):
		l.fallback = val
	case h.path.is("lvl", "lvlText"):
		l.text, l.hasText = truncateRunes(val, maxLvlTextRunes), true
	case h.path.is("lvl", "suff"):
		l.suff = val
	case h.path.is("lvl", "isLgl"):
		l.legal = onOff(t)
	case h.path.is("lvl", "lvlRestart"):
		if n, ok := attrInt(t, "val", 0, numLevels+1); ok {
			l.restart = n
		}
	case h.path.is("lvl", "pStyle"):
		l.pStyle = val
	}
}

// end closes an element and whatever definition it held.
func (h *numberingHandler) end(xml.EndElement) error {
	switch h.path.pop() {
	case "abstractNum":
		h.abs = nil
	case "num":
		h.num = nil
	case "lvlOverride":
		h.ov = nil
	case "lvl":
		if h.lvl != nil {
			h.lvl.finish()
		}
		h.lvl = nil
	}
	return nil
}

// text ignores character data: numbering is all attributes.
func (h *numberingHandler) text(xml.CharData) error { return nil }

// finish settles a level's number format once it is fully read: a
// "custom" format is understood when it is a zero-padded decimal ("001,
// 002, 003, ..."), otherwise the mc:Fallback format (or decimal) is used.
func (l *numLevel) finish() {
	if l.format != "custom" {
		return
	}
	first, _, _ := strings.Cut(l.custom, ",")
	first = strings.TrimSpace(first)
	if len(first) >= 2 && len(first) <= 9 && strings.Trim(first, "0123456789") == "" && first[0] == '0' {
		l.format, l.pad = "decimal", len(first)
		return
	}
	l.format = l.fallback
	if l.format == "" {
		l.format = "decimal"
	}
}

// truncateRunes cuts s to at most n runes.
func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for range n {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// numberer keeps the list counters while the paragraphs are read in
// document order, and renders each numbered paragraph's marker.
type numberer struct {
	def      *numberingDef
	styles   *styleSheet
	levels   map[int]*[numLevels]*numLevel // effective levels per numId
	counters map[int]*numCounter
}

// numCounter is the state of one list instance: the current value of each
// level and whether the level has been used since it was last restarted.
type numCounter struct {
	val  [numLevels]int
	used [numLevels]bool
}

// newNumberer returns a numberer for def; def may be empty.
func newNumberer(def *numberingDef, styles *styleSheet) *numberer {
	return &numberer{def: def, styles: styles,
		levels: map[int]*[numLevels]*numLevel{}, counters: map[int]*numCounter{}}
}

// effective returns the levels of list instance numID with its overrides
// applied, or nil when numID is not defined.
func (n *numberer) effective(numID int) *[numLevels]*numLevel {
	if lv, ok := n.levels[numID]; ok {
		return lv
	}
	var out *[numLevels]*numLevel
	if num := n.def.nums[numID]; num != nil && num.hasAbs {
		out = new([numLevels]*numLevel)
		abs := n.abstractFor(num.abstractID)
		for i := range numLevels {
			var l *numLevel
			if abs != nil {
				l = abs.levels[i]
			}
			if ov := num.overrides[i]; ov != nil {
				if ov.lvl != nil {
					l = ov.lvl
				}
				if ov.hasStart && l != nil {
					c := *l
					c.start = ov.start
					l = &c
				}
			}
			out[i] = l
		}
	}
	n.levels[numID] = out
	return out
}

// abstractFor returns list definition id, following w:numStyleLink to the
// definition that holds the levels of a list style.
func (n *numberer) abstractFor(id int) *abstractNum {
	abs := n.def.abstracts[id]
	for range maxNumLinks {
		if abs == nil || abs.numStyleLink == "" {
			break
		}
		st := n.styles.byID[abs.numStyleLink]
		if st == nil || !st.hasNumID {
			break
		}
		linked := n.def.nums[st.numID]
		if linked == nil || !linked.hasAbs {
			break
		}
		next := n.def.abstracts[linked.abstractID]
		if next == nil || next == abs {
			break
		}
		abs = next
	}
	return abs
}

// levelForStyle returns the level of list numID linked to paragraph style
// styleID through w:lvl/w:pStyle, or 0.
func (n *numberer) levelForStyle(numID int, styleID string) int {
	if lv := n.effective(numID); lv != nil && styleID != "" {
		for i, l := range lv {
			if l != nil && l.pStyle == styleID {
				return i
			}
		}
	}
	return 0
}

// next numbers one paragraph at level ilvl of list numID: it advances the
// counter of that level, restarts the deeper levels as their w:lvlRestart
// says, and returns the visible marker with its suffix ("" for none,
// bullets included).
func (n *numberer) next(numID, ilvl int) string {
	if numID <= 0 || ilvl < 0 || ilvl >= numLevels {
		return ""
	}
	lv := n.effective(numID)
	if lv == nil || lv[ilvl] == nil {
		return ""
	}
	c := n.counters[numID]
	if c == nil {
		c = &numCounter{}
		n.counters[numID] = c
	}
	if c.used[ilvl] {
		c.val[ilvl] = min(c.val[ilvl]+1, maxNumberValue)
	} else {
		c.val[ilvl], c.used[ilvl] = lv[ilvl].start, true
	}
	for d := ilvl + 1; d < numLevels; d++ {
		restart := d // by default a level restarts after any shallower one
		if lv[d] != nil && lv[d].restart >= 0 {
			restart = lv[d].restart
		}
		if restart != 0 && ilvl < restart {
			c.used[d] = false
		}
	}
	return renderMarker(lv, c, ilvl)
}

// renderMarker expands the w:lvlText of level ilvl: each %k becomes the
// counter of level k-1 in that level's number format.
func renderMarker(lv *[numLevels]*numLevel, c *numCounter, ilvl int) string {
	l := lv[ilvl]
	if l.format == "bullet" || !l.hasText {
		return ""
	}
	var b strings.Builder
	for i := 0; i < len(l.text); i++ {
		ch := l.text[i]
		if ch != '%' || i+1 >= len(l.text) || l.text[i+1] < '1' || l.text[i+1] > '9' {
			b.WriteByte(ch)
			continue
		}
		k := int(l.text[i+1] - '1')
		i++
		ref := lv[k]
		format, pad, val := "decimal", 0, c.val[k]
		if ref != nil {
			format, pad = ref.format, ref.pad
			if !c.used[k] {
				val = ref.start
			}
		}
		if l.legal && format != "none" && format != "bullet" {
			format = "decimal"
		}
		b.WriteString(formatNumber(val, format, pad))
	}
	var clean strings.Builder
	appendClean(&clean, b.String())
	marker := clean.String()
	if strings.TrimFunc(marker, isBlank) == "" {
		return ""
	}
	return marker + markerSuffix(marker, l.suff)
}

// markerSuffix is what follows a marker. Word puts a tab (or a space)
// there, but a tab after "一、" would hide the heading from later stages,
// so markers that end in punctuation get nothing and others one space.
func markerSuffix(marker, suff string) string {
	if suff == "nothing" {
		return ""
	}
	r, _ := utf8.DecodeLastRuneInString(marker)
	if isBlank(r) || strings.ContainsRune("、.．)）:：", r) {
		return ""
	}
	return " "
}
