package gongwen

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"testing"
)

// node is a parsed XML element.
type node struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Nodes   []node     `xml:",any"`
	Text    string     `xml:",chardata"`
}

// attr returns the value of the attribute with the local name.
func (n *node) attr(local string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// all returns the descendants of n (n included) with the local name, in
// document order.
func (n *node) all(local string) []*node {
	var out []*node
	var walk func(*node)
	walk = func(m *node) {
		if m.XMLName.Local == local {
			out = append(out, m)
		}
		for i := range m.Nodes {
			walk(&m.Nodes[i])
		}
	}
	walk(n)
	return out
}

// first returns the first descendant with the local name, or an empty node.
func (n *node) first(local string) *node {
	if all := n.all(local); len(all) > 0 {
		return all[0]
	}
	return &node{}
}

// text returns the text of a w:p or w:r: w:t contents, "\t" for w:tab,
// "\n" for w:br.
func (n *node) text() string {
	var b strings.Builder
	var walk func(*node)
	walk = func(m *node) {
		switch m.XMLName.Local {
		case "t":
			b.WriteString(m.Text)
			return
		case "tab":
			b.WriteString("\t")
		case "br":
			b.WriteString("\n")
		case "instrText":
			return
		}
		for i := range m.Nodes {
			walk(&m.Nodes[i])
		}
	}
	walk(n)
	return b.String()
}

// docx is a written package.
type docx map[string][]byte

// write writes d and opens the result, failing on any invalid part.
func write(t testing.TB, d *Doc) docx {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteDOCX(&buf, d); err != nil {
		t.Fatal(err)
	}
	pkg, err := open(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return pkg
}

// open reads every entry of a zip and checks that each is well-formed XML.
func open(data []byte) (docx, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	pkg := docx{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		if err := wellFormed(b); err != nil {
			return nil, fmt.Errorf("%s: %v", f.Name, err)
		}
		pkg[f.Name] = b
	}
	return pkg, nil
}

// wellFormed checks XML with encoding/xml, which rejects characters XML
// cannot hold, bad entities and unbalanced tags.
func wellFormed(b []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// part parses one part.
func (p docx) part(t testing.TB, name string) *node {
	t.Helper()
	data, ok := p[name]
	if !ok {
		t.Fatalf("no part %s", name)
	}
	var n node
	if err := xml.Unmarshal(data, &n); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return &n
}

// paragraphs returns the paragraphs of the body.
func (p docx) paragraphs(t testing.TB) []*node {
	return p.part(t, "word/document.xml").first("body").all("p")
}

// style returns the style with the ID.
func style(t *testing.T, styles *node, id string) *node {
	t.Helper()
	for _, s := range styles.all("style") {
		if s.attr("styleId") == id {
			return s
		}
	}
	t.Fatalf("no style %s", id)
	return nil
}

var sample = &Doc{
	Title:    "青禾街道2024年工作总结",
	Subtitle: "（2024年12月20日）",
	Blocks: []Block{
		{Text: "今年以来，街道坚持以习近平新时代中国特色社会主义思想为指导。"},
		{Level: 1, Text: "一、2024年工作回顾"},
		{Level: 2, Text: "（一）坚持党建引领。全年发展党员12名。", Head: len("（一）坚持党建引领。")},
		{Level: 3, Text: "1.夯实基层基础"},
		{Level: 4, Text: "（1）网格治理"},
		{Text: "同志们：", Flush: true},
	},
}

// Ensure the package holds every part with its content type and
// relationship, and the core properties carry the title.
func TestPackage(t *testing.T) {
	p := write(t, sample)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
		"word/document.xml", "word/styles.xml", "word/settings.xml", "word/fontTable.xml",
		"word/footer1.xml", "word/footer2.xml", "word/_rels/document.xml.rels"} {
		if _, ok := p[name]; !ok {
			t.Errorf("missing %s", name)
		}
	}
	types := map[string]bool{}
	for _, o := range p.part(t, "[Content_Types].xml").all("Override") {
		types[strings.TrimPrefix(o.attr("PartName"), "/")] = true
	}
	for name := range p {
		if strings.HasSuffix(name, ".xml") && name != "[Content_Types].xml" && !types[name] {
			t.Errorf("%s has no content type override", name)
		}
	}
	targets := map[string]string{}
	for _, r := range p.part(t, "word/_rels/document.xml.rels").all("Relationship") {
		if _, ok := p["word/"+r.attr("Target")]; !ok {
			t.Errorf("relationship %s points to missing %s", r.attr("Id"), r.attr("Target"))
		}
		targets[r.attr("Id")] = r.attr("Target")
	}
	if got := p.part(t, "docProps/core.xml").first("title").Text; got != sample.Title {
		t.Errorf("core title %q", got)
	}
	if p.part(t, "word/settings.xml").first("evenAndOddHeaders").XMLName.Local == "" {
		t.Error("settings lack evenAndOddHeaders")
	}
	// The section's footers: default (odd pages) and even.
	refs := map[string]string{}
	for _, f := range p.part(t, "word/document.xml").all("footerReference") {
		refs[f.attr("type")] = targets[f.attr("id")]
	}
	if refs["default"] != "footer1.xml" || refs["even"] != "footer2.xml" {
		t.Errorf("footer references %v", refs)
	}
}

// Ensure the page: A4, margins 37/35/28/26 mm, a 22-line grid.
func TestSection(t *testing.T) {
	doc := write(t, sample).part(t, "word/document.xml")
	sect := doc.first("sectPr")
	for _, c := range []struct {
		el, attr, want string
	}{
		{"pgSz", "w", "11906"}, {"pgSz", "h", "16838"},
		{"pgMar", "top", "2098"}, {"pgMar", "bottom", "1984"}, {"pgMar", "left", "1588"}, {"pgMar", "right", "1474"},
		{"pgMar", "footer", "1446"}, {"pgMar", "gutter", "0"},
		{"docGrid", "type", "lines"}, {"docGrid", "linePitch", "579"}, {"docGrid", "charSpace", "-849"},
	} {
		if got := sect.first(c.el).attr(c.attr); got != c.want {
			t.Errorf("%s %s = %q, want %q", c.el, c.attr, got, c.want)
		}
	}
	// The arithmetic behind the values.
	const twipsPerMM = 1440 / 25.4
	for _, c := range []struct {
		name   string
		twips  int
		mm     float64
		within float64
	}{
		{"width", pageWidth, 210, 0.1}, {"height", pageHeight, 297, 0.1},
		{"top", marginTop, 37, 0.05}, {"bottom", marginBottom, 35, 0.05}, {"left", marginLeft, 28, 0.05}, {"right", marginRight, 26, 0.05},
		{"type area width", pageWidth - marginLeft - marginRight, 156, 0.05},
		{"type area height", pageHeight - marginTop - marginBottom, 225, 0.05},
	} {
		if mm := float64(c.twips) / twipsPerMM; mm < c.mm-c.within || mm > c.mm+c.within {
			t.Errorf("%s: %d twips is %.2f mm, want %.0f mm", c.name, c.twips, mm, c.mm)
		}
	}
	height := pageHeight - marginTop - marginBottom
	if height/linePitch != 22 {
		t.Errorf("%d twips hold %d lines of %d, want 22", height, height/linePitch, linePitch)
	}
	width := float64(pageWidth-marginLeft-marginRight) / 20 // pt
	advance := float64(sizeBody)/2 + float64(charCondense)/20
	if n := int(width / advance); n != 28 {
		t.Errorf("%.1f pt hold %d characters of %.2f pt, want 28", width, n, advance)
	}
	if n := int((width - float64(indentFirst)/20) / advance); n != 26 {
		t.Errorf("an indented first line holds %d characters, want 26", n)
	}
	if n := width / (float64(sizeBody)/2 + float64(charSpace)/4096); n < 28 || n >= 28.01 {
		t.Errorf("the character pitch gives %.4f characters a line, want 28", n)
	}
}

// Ensure the styles name the official fonts and sizes.
func TestStyles(t *testing.T) {
	styles := write(t, sample).part(t, "word/styles.xml")
	defaults := styles.first("docDefaults")
	if f := defaults.first("rFonts"); f.attr("eastAsia") != "仿宋_GB2312" || f.attr("ascii") != "Times New Roman" || f.attr("hAnsi") != "Times New Roman" {
		t.Errorf("default fonts %v", f.Attrs)
	}
	for _, c := range []struct {
		id, eastAsia, size, jc string
	}{
		{"Normal", "仿宋_GB2312", "32", "both"},
		{"Title", "方正小标宋简体", "44", "center"},
		{"Subtitle", "楷体_GB2312", "", "center"},
		{"Heading1", "黑体", "", ""},
		{"Heading2", "楷体_GB2312", "", ""},
		{"Heading3", "仿宋_GB2312", "", ""},
		{"Heading4", "仿宋_GB2312", "", ""},
		{"Heading1Char", "黑体", "", ""},
		{"Heading2Char", "楷体_GB2312", "", ""},
		{"Heading3Char", "仿宋_GB2312", "", ""},
		{"Heading4Char", "仿宋_GB2312", "", ""},
		{"Footer", "宋体", "28", ""},
	} {
		s := style(t, styles, c.id)
		if got := s.first("rFonts").attr("eastAsia"); got != c.eastAsia {
			t.Errorf("%s: eastAsia font %q, want %q", c.id, got, c.eastAsia)
		}
		if c.size != "" && s.first("sz").attr("val") != c.size {
			t.Errorf("%s: size %q, want %q", c.id, s.first("sz").attr("val"), c.size)
		}
		if c.jc != "" && s.first("jc").attr("val") != c.jc {
			t.Errorf("%s: alignment %q, want %q", c.id, s.first("jc").attr("val"), c.jc)
		}
		if c.id != "Footer" && c.eastAsia != "宋体" && s.first("rFonts").attr("ascii") != "Times New Roman" {
			t.Errorf("%s: Latin font %q", c.id, s.first("rFonts").attr("ascii"))
		}
		if strings.HasPrefix(c.id, "Title") && s.first("b").XMLName.Local != "" {
			t.Errorf("%s is bold", c.id)
		}
	}
	normal := style(t, styles, "Normal")
	if ind := normal.first("ind"); ind.attr("firstLineChars") != "200" || ind.attr("firstLine") != "630" {
		t.Errorf("Normal indent %v", ind.Attrs)
	}
	if sp := normal.first("spacing"); sp.attr("line") != "579" || sp.attr("lineRule") != "exact" {
		t.Errorf("Normal spacing %v", sp.Attrs)
	}
	if sp := normal.first("rPr").first("spacing"); sp.attr("val") != "-5" {
		t.Errorf("Normal character spacing %v", sp.Attrs)
	}
	if f := style(t, styles, "Footer").first("rFonts"); f.attr("ascii") != "宋体" || f.attr("hAnsi") != "宋体" {
		t.Errorf("page numbers: Latin digits in %q, want 宋体 (half-width)", f.attr("ascii"))
	}
	for level := 1; level <= 4; level++ {
		s := style(t, styles, fmt.Sprintf("Heading%d", level))
		if s.first("outlineLvl").attr("val") != fmt.Sprint(level-1) || s.first("keepNext").XMLName.Local == "" {
			t.Errorf("heading %d: outline level %q, keepNext %v", level, s.first("outlineLvl").attr("val"), s.first("keepNext").XMLName.Local != "")
		}
	}
	fonts := map[string]bool{}
	for _, f := range write(t, sample).part(t, "word/fontTable.xml").all("font") {
		fonts[f.attr("name")] = true
	}
	for _, name := range []string{"仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312", "宋体", "Times New Roman"} {
		if !fonts[name] {
			t.Errorf("font table lacks %s", name)
		}
	}
}

// Ensure the footers: "— PAGE —", odd pages right-aligned and even pages
// left-aligned, one character (14 pt) in.
func TestFooters(t *testing.T) {
	p := write(t, sample)
	for _, c := range []struct {
		part, jc, side string
	}{{"word/footer1.xml", "right", "right"}, {"word/footer2.xml", "left", "left"}} {
		f := p.part(t, c.part)
		para := f.first("p")
		if got := para.first("jc").attr("val"); got != c.jc {
			t.Errorf("%s: alignment %q, want %q", c.part, got, c.jc)
		}
		if got := para.first("ind").attr(c.side); got != "280" {
			t.Errorf("%s: %s indent %q, want 280", c.part, c.side, got)
		}
		if got := para.first("pStyle").attr("val"); got != "Footer" {
			t.Errorf("%s: style %q", c.part, got)
		}
		if got := para.text(); got != "— 1 —" {
			t.Errorf("%s: text %q, want \"— 1 —\"", c.part, got)
		}
		if got := strings.TrimSpace(para.first("instrText").Text); got != "PAGE" {
			t.Errorf("%s: field %q", c.part, got)
		}
		if n := len(para.all("fldChar")); n != 3 {
			t.Errorf("%s: %d fldChar, want 3", c.part, n)
		}
	}
}

// Ensure the body: title, subtitle, a blank line, then each block in the
// style of its level; a run-in heading is one paragraph whose first run
// has the heading's character style.
func TestBody(t *testing.T) {
	ps := write(t, sample).paragraphs(t)
	type want struct{ style, text, runStyle string }
	wants := []want{
		{"Title", sample.Title, ""},
		{"Subtitle", sample.Subtitle, ""},
		{"", "", ""},
		{"", sample.Blocks[0].Text, ""},
		{"Heading1", "一、2024年工作回顾", ""},
		{"", "（一）坚持党建引领。全年发展党员12名。", "Heading2Char"},
		{"Heading3", "1.夯实基层基础", ""},
		{"Heading4", "（1）网格治理", ""},
		{"", "同志们：", ""},
	}
	if len(ps) != len(wants) {
		t.Fatalf("%d paragraphs, want %d", len(ps), len(wants))
	}
	for i, w := range wants {
		p := ps[i]
		if got := p.first("pStyle").attr("val"); got != w.style {
			t.Errorf("paragraph %d: style %q, want %q", i, got, w.style)
		}
		if got := p.text(); got != w.text {
			t.Errorf("paragraph %d: text %q, want %q", i, got, w.text)
		}
		if i >= 3 { // the blocks, after the title, the subtitle and the blank line
			ind := p.first("pPr").first("ind")
			flush := ind.attr("firstLine") == "0" && ind.attr("firstLineChars") == "0"
			if want := sample.Blocks[i-3].Flush; flush != want {
				t.Errorf("paragraph %d: flush left %v, want %v", i, flush, want)
			}
		}
		if w.runStyle == "" {
			continue
		}
		runs := p.all("r")
		if len(runs) != 2 || runs[0].first("rStyle").attr("val") != w.runStyle || runs[0].text() != "（一）坚持党建引领。" ||
			runs[1].first("rStyle").XMLName.Local != "" {
			t.Errorf("paragraph %d: run-in heading runs %d: %q/%q", i, len(runs), runs[0].first("rStyle").attr("val"), runs[0].text())
		}
	}
}

// Ensure odd input never makes an invalid file: empty and nil documents,
// markup characters, control characters, invalid UTF-8, Head values that
// cut a character or overrun the text, unknown levels, breaks and tabs.
func TestAwkwardInput(t *testing.T) {
	for _, d := range []*Doc{nil, {}, {Blocks: []Block{{}}}, {Subtitle: "仅有副题"}} {
		ps := write(t, d).paragraphs(t)
		if len(ps) == 0 {
			t.Errorf("%+v: a body without a paragraph", d)
		}
	}
	d := &Doc{
		Title:    "标题<一>&\"二\"'\n第二行",
		Subtitle: "\x00（副题）\x1f",
		Blocks: []Block{
			{Text: "a<b>&c\x01\x0b\x7f\u0085\ufffe\uffff\xff\xfe正文\t制表\r\n换行\r回车", Level: 0, Head: 3},
			{Level: 2, Text: "（二）标题。正文", Head: len("（二）标题。正") - 1}, // inside 正
			{Level: 3, Text: "1.整段", Head: 100},
			{Level: 9, Text: "未知层级"},
			{Level: -1, Text: "负层级"},
			{Level: 1, Text: "\U0001F600𠀀补充平面"},
		},
	}
	p := write(t, d)
	ps := p.paragraphs(t)
	got := []string{}
	for _, x := range ps {
		got = append(got, x.first("pStyle").attr("val")+"|"+x.text())
	}
	want := []string{
		"Title|标题<一>&\"二\"'\n第二行",
		"Subtitle|（副题）",
		"|",
		"|a<b>&c正文\t制表\n换行\n回车",
		"|（二）标题。正文",
		"Heading3|1.整段",
		"|未知层级",
		"|负层级",
		"Heading1|\U0001F600𠀀补充平面",
	}
	if strings.Join(got, "\n---\n") != strings.Join(want, "\n---\n") {
		t.Errorf("paragraphs:\n%q\nwant\n%q", got, want)
	}
	if runs := ps[4].all("r"); len(runs) != 2 || runs[0].text() != "（二）标题。" {
		t.Errorf("a Head inside a character is not moved back to its start: %d runs", len(runs))
	}
	if title := p.part(t, "docProps/core.xml").first("title").Text; title != "标题<一>&\"二\"' 第二行" {
		t.Errorf("core title %q", title)
	}
}
