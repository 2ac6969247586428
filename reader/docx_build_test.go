package reader

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"zongjie/document"
)

// This file builds .docx files in memory for the tests and the fuzz
// target, and checks the invariants every read document must satisfy.

// zipPart is one entry of a test zip.
type zipPart struct{ name, body string }

// buildZip writes parts, in order, into a deflated zip.
func buildZip(tb testing.TB, parts []zipPart) []byte {
	tb.Helper()
	return writeZip(tb, parts, zip.Deflate, 0)
}

// storedParts writes parts, in order, into a zip without compression, so
// that the XML stays visible to the fuzzer's mutations.
func storedParts(tb testing.TB, parts []zipPart) []byte {
	tb.Helper()
	return writeZip(tb, parts, zip.Store, 0)
}

// rawStoredParts writes parts into a zip without compression, without
// data descriptors and with a zero CRC-32, which archive/zip takes as "not
// set": bytes mutated in place by the fuzzer then still reach the XML
// parser instead of failing the checksum.
func rawStoredParts(tb testing.TB, parts []zipPart) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		n := uint64(len(p.body))
		w, err := zw.CreateRaw(&zip.FileHeader{Name: p.name, Method: zip.Store,
			CompressedSize64: n, UncompressedSize64: n})
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := io.WriteString(w, p.body); err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// writeZip writes parts into a zip with the given compression method and
// header flags.
func writeZip(tb testing.TB, parts []zipPart, method, flags uint16) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: method, Flags: flags})
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := io.WriteString(w, p.body); err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// wNS declares the namespaces the test parts use, as Word does.
const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
	`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
	`xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ` +
	`xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
	`xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ` +
	`xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" ` +
	`xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="w14"`

// testDocx describes a test document by the inner XML of the root element
// of each part; an empty string leaves the part out.
type testDocx struct {
	body, styles, numbering, footnotes, endnotes string
}

// wordPart wraps inner XML in a root element with the namespaces.
func wordPart(root, inner string) string {
	return xml.Header + "<w:" + root + " " + wNS + ">" + inner + "</w:" + root + ">"
}

// build returns the .docx bytes of d.
func (d testDocx) build(tb testing.TB) []byte {
	tb.Helper()
	return buildZip(tb, d.parts())
}

// parts returns the zip entries of d.
func (d testDocx) parts() []zipPart {
	types := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
		`</Types>`
	rootRels := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
		`</Relationships>`
	parts := []zipPart{
		{"[Content_Types].xml", types},
		{"_rels/.rels", rootRels},
		{"word/document.xml", wordPart("document", "<w:body>"+d.body+"</w:body>")},
	}
	var rels strings.Builder
	rels.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for i, extra := range []struct{ kind, root, inner string }{
		{"styles", "styles", d.styles},
		{"numbering", "numbering", d.numbering},
		{"footnotes", "footnotes", d.footnotes},
		{"endnotes", "endnotes", d.endnotes},
	} {
		if extra.inner == "" {
			continue
		}
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/%s" Target="%s.xml"/>`,
			i+1, extra.kind, extra.kind)
		parts = append(parts, zipPart{"word/" + extra.kind + ".xml", wordPart(extra.root, extra.inner)})
	}
	rels.WriteString(`</Relationships>`)
	return append(parts, zipPart{"word/_rels/document.xml.rels", rels.String()})
}

// para returns a paragraph of one run per text, with optional paragraph
// properties.
func para(pPr string, texts ...string) string {
	var b strings.Builder
	b.WriteString("<w:p>")
	if pPr != "" {
		b.WriteString("<w:pPr>" + pPr + "</w:pPr>")
	}
	for _, t := range texts {
		b.WriteString(`<w:r><w:t xml:space="preserve">` + t + `</w:t></w:r>`)
	}
	b.WriteString("</w:p>")
	return b.String()
}

// numPara returns a paragraph in list numID at level ilvl.
func numPara(numID, ilvl int, text string) string {
	return para(fmt.Sprintf(`<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>`, ilvl, numID), text)
}

// sampleStyles defines heading, title and list-linked styles.
const sampleStyles = `<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="zh-CN"/></w:rPr></w:rPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="MyHeading"><w:name w:val="My Heading"/><w:basedOn w:val="2"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Level3"><w:name w:val="三级"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="CN4"><w:name w:val="标题 4"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="正文文本"/><w:basedOn w:val="1"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/><w:basedOn w:val="a"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Loop1"><w:name w:val="Loop 1"/><w:basedOn w:val="Loop2"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Loop2"><w:name w:val="Loop 2"/><w:basedOn w:val="Loop1"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Chapter"><w:name w:val="Chapter"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Section"><w:name w:val="Section"/><w:basedOn w:val="Chapter"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>`

// sampleNumbering defines the lists of the numbering tests:
// 1 and 2 (with a restart at 五) share a Chinese report outline, 3 is
// circled, 4 is a bullet list, 5 is linked to the Chapter and Section
// styles.
const sampleNumbering = `<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>` +
	`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl>` +
	`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>` +
	`<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>` +
	`<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%4）"/></w:lvl>` +
	`</w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="1">` + `<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%1"/></w:lvl></w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="2">` + `<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl></w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="3">` +
	`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="Chapter"/><w:lvlText w:val="第%1章"/></w:lvl>` +
	`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:isLgl/><w:pStyle w:val="Section"/><w:lvlText w:val="%1.%2"/></w:lvl>` +
	`</w:abstractNum>` +
	`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
	`<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>` +
	`<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>` +
	`<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>` +
	`<w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num>`

// textBoxRun is a run holding a text box twice, as Word writes it: a
// DrawingML shape in mc:Choice and the same box in VML in mc:Fallback.
func textBoxRun(text string) string {
	box := `<w:txbxContent>` + para("", text) + `</w:txbxContent>`
	return `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="1" name="文本框 1"/>` +
		`<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>` + box +
		`</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
		`<mc:Fallback><w:pict><v:shape><v:textbox>` + box + `</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`
}

// sampleDocs are the documents of the tests, also used as fuzz seeds.
var sampleDocs = map[string]testDocx{
	"runs": {body: para("", "财政", "收入9.01亿元，") + `<w:p><w:r><w:t>  同比增长  </w:t></w:r><w:r><w:t xml:space="preserve">33.0%。 </w:t></w:r></w:p>` +
		`<w:p/>` + para("", "　　", "第二段") + `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>`},
	"headings": {styles: sampleStyles, body: para(`<w:pStyle w:val="a3"/>`, "2023年工作总结") +
		para(`<w:pStyle w:val="1"/>`, "一、总体情况") +
		para(`<w:pStyle w:val="2"/>`, "（一）经济") +
		para(`<w:pStyle w:val="MyHeading"/>`, "（二）社会") +
		para(`<w:pStyle w:val="Level3"/>`, "1.就业") +
		para(`<w:pStyle w:val="CN4"/>`, "（1）培训") +
		para(`<w:pStyle w:val="BodyText"/>`, "正文") +
		para(`<w:pStyle w:val="a"/><w:outlineLvl w:val="1"/>`, "大纲二级") +
		para(`<w:pStyle w:val="Loop1"/>`, "循环样式") +
		para(`<w:pStyle w:val="Missing"/>`, "未定义样式")},
	"numbering": {styles: sampleStyles, numbering: sampleNumbering, body: numPara(1, 0, "总体情况") +
		numPara(1, 1, "经济") + numPara(1, 1, "社会") + numPara(1, 2, "就业") + numPara(1, 2, "教育") +
		numPara(1, 1, "生态") + numPara(1, 0, "存在问题") + numPara(1, 1, "短板") +
		numPara(2, 0, "重新开始") + numPara(2, 0, "继续") +
		numPara(3, 0, "圆圈一") + numPara(3, 0, "圆圈二") +
		numPara(4, 0, "项目符号") +
		para(`<w:pStyle w:val="Chapter"/>`, "总则") + para(`<w:pStyle w:val="Section"/>`, "目的") +
		para(`<w:pStyle w:val="Chapter"/>`, "附则") + para(`<w:pStyle w:val="Section"/>`, "施行") +
		`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:rPr><w:del w:id="9" w:author="a" w:date="2024-01-01T00:00:00Z"/></w:rPr></w:pPr>` +
		`<w:del w:id="10" w:author="a" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>已删除的条目</w:delText></w:r></w:del></w:p>` +
		numPara(1, 0, "下一条") + numPara(1, 3, "") + numPara(0, 0, "无编号")},
	"table": {body: para("", "表前") + `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>` +
		`<w:tr><w:tc><w:tcPr><w:tcW w:w="100"/></w:tcPr>` + para("", "项目") + `</w:tc><w:tc>` + para("", "2023年") + `</w:tc><w:tc>` + para("", "2024年") + `</w:tc></w:tr>` +
		`<w:tr><w:tc>` + para("", " 财政收入 ") + `</w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc>` + para("", "9.5") + para("", "亿元") +
		`<w:tbl><w:tr><w:tc>` + para("", "内嵌") + `</w:tc><w:tc>` + para("", "表格") + `</w:tc></w:tr></w:tbl></w:tc></w:tr>` +
		`</w:tbl>` + para("", "表后")},
	"textbox": {body: `<w:p><w:r><w:t>前文</w:t></w:r>` + textBoxRun("文本框内容") + `<w:r><w:t>后文</w:t></w:r></w:p>` + para("", "下一段")},
	"changes": {body: `<w:p><w:r><w:t>保留</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>删除</w:delText></w:r></w:del>` +
		`<w:ins w:id="2" w:author="a"><w:r><w:t>插入</w:t></w:r></w:ins><w:moveFrom w:id="3" w:author="a"><w:r><w:t>移走</w:t></w:r></w:moveFrom>` +
		`<w:moveTo w:id="4" w:author="a"><w:r><w:t>移入</w:t></w:r></w:moveTo></w:p>`},
	"field": {body: `<w:p><w:r><w:t xml:space="preserve">见第</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>` +
		`<w:r><w:instrText xml:space="preserve"> PAGEREF _Toc1 \h </w:instrText></w:r><w:r><w:t>不可见</w:t></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
		`<w:r><w:t>页</w:t></w:r><w:fldSimple w:instr=" DATE "><w:r><w:t>，2024年</w:t></w:r></w:fldSimple></w:p>`},
	"notes": {body: `<w:p><w:r><w:t>正文</w:t></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="2"/></w:r>` +
		`<w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:endnoteReference w:id="1"/></w:r><w:r><w:commentReference w:id="0"/></w:r></w:p>`,
		footnotes: `<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
			`<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>` +
			`<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> 脚注二</w:t></w:r></w:p></w:footnote>` +
			`<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> 脚注一</w:t></w:r></w:p></w:footnote>`,
		endnotes: `<w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>` +
			`<w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t>尾注</w:t></w:r></w:p></w:endnote>`},
	"hidden": {body: `<w:p><w:r><w:t>可见</w:t></w:r><w:r><w:rPr><w:b/><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>` +
		`<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>显示</w:t></w:r><w:r><w:rPr><w:vanish w:val="false"/></w:rPr><w:t>文字</w:t></w:r>` +
		`<w:r><w:rPr><w:rPrChange w:id="1"><w:rPr><w:vanish/></w:rPr></w:rPrChange></w:rPr><w:t>改过</w:t></w:r></w:p>`},
	"breaks": {body: `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t>一、总体情况</w:t><w:br/><w:t>财政</w:t><w:tab/><w:t>收入</w:t></w:r>` +
		`<w:r><w:br w:type="page"/><w:t>新页</w:t><w:cr/><w:t>回车</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>A</w:t><w:noBreakHyphen/><w:t>B</w:t><w:softHyphen/><w:t>C</w:t><w:sym w:font="Wingdings" w:char="F0B7"/>` +
		`<w:sym w:font="SimSun" w:char="4E00"/><w:t>a&#13;b&#10;c</w:t></w:r></w:p>`},
}

// checkDocx checks the invariants of a read document: valid UTF-8 text
// without carriage returns, other controls or blank lines, and paragraph,
// cell and generated spans that are sorted, trimmed and inside the text.
func checkDocx(tb testing.TB, f *document.File) {
	tb.Helper()
	if err := docxInvariants(f); err != nil {
		tb.Fatalf("%v\ntext: %q", err, f.Text)
	}
}

// docxInvariants returns the first broken invariant of f, or nil.
func docxInvariants(f *document.File) error {
	text := f.Text
	if !utf8.ValidString(text) {
		return fmt.Errorf("text is not valid UTF-8")
	}
	for i, r := range text {
		if r < 0x20 && r != '\t' && r != '\n' {
			return fmt.Errorf("control character %U at byte %d", r, i)
		}
	}
	if strings.Contains(text, "\n\n") || strings.HasPrefix(text, "\n") || strings.HasSuffix(text, "\n") {
		return fmt.Errorf("blank line in text")
	}
	prev := 0
	for i, p := range f.Paragraphs {
		s := p.Span
		if s.Start < prev || s.End <= s.Start || s.End > len(text) {
			return fmt.Errorf("paragraph %d: bad span %v (previous end %d, text %d bytes)", i, s, prev, len(text))
		}
		prev = s.End
		if t, _ := trimSpan(text, s); t != s {
			return fmt.Errorf("paragraph %d: span %v not trimmed", i, s)
		}
		if g := p.Generated; g.End > g.Start && (g.Start < s.Start || g.End > s.End) {
			return fmt.Errorf("paragraph %d: generated %v outside span %v", i, g, s)
		}
		cprev := s.Start
		for _, c := range p.Cells {
			if c.Start < cprev || c.End < c.Start || c.End > s.End {
				return fmt.Errorf("paragraph %d: bad cell %v in span %v", i, c, s)
			}
			cprev = c.End
		}
		if p.Kind == document.Note && p.Origin != -1 {
			return fmt.Errorf("paragraph %d: note with origin %d", i, p.Origin)
		}
		if strings.ContainsRune(text[s.Start:s.End], '\n') {
			return fmt.Errorf("paragraph %d spans a line break", i)
		}
	}
	return nil
}
