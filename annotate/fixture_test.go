package annotate

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
)

// This file builds the .docx files of the tests in memory.

// part is one zip entry of a test document.
type part struct{ name, body string }

// zipParts writes parts, in order, into a zip; names listed in stored are
// written without compression, the others deflated.
func zipParts(tb testing.TB, parts []part, stored ...string) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		method := zip.Deflate
		for _, s := range stored {
			if s == p.name {
				method = zip.Store
			}
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: method})
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

// unzip returns the entries of a zip in order, decompressed.
func unzip(tb testing.TB, data []byte) []part {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatal(err)
	}
	var parts []part
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			tb.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			tb.Fatal(err)
		}
		parts = append(parts, part{f.Name, string(b)})
	}
	return parts
}

// entry returns the content of the named entry, "" when missing.
func entry(parts []part, name string) string {
	for _, p := range parts {
		if p.name == name {
			return p.body
		}
	}
	return ""
}

// replaced returns parts with the named entry's content replaced.
func replaced(parts []part, name, body string) []part {
	out := append([]part(nil), parts...)
	for i := range out {
		if out[i].name == name {
			out[i].body = body
		}
	}
	return out
}

// wNS declares the namespaces of the test documents, as Word does,
// including an ignorable one.
const wNS = `xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" ` +
	`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
	`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
	`xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" ` +
	`xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ` +
	`xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
	`xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ` +
	`xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="w14 wp14"`

// header is the XML declaration Word writes.
const header = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n"

// textBox is a run holding a text box twice, as Word writes it: DrawingML
// in mc:Choice and VML in mc:Fallback.
func textBox(text string) string {
	box := `<w:txbxContent><w:p><w:r><w:t>` + text + `</w:t></w:r></w:p></w:txbxContent>`
	return `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">` +
		`<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>` +
		`<wp:extent cx="1828800" cy="457200"/><wp:wrapSquare wrapText="bothSides"/><wp:docPr id="1" name="文本框 1"/>` +
		`<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/>` +
		`<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1828800" cy="457200"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>` +
		`<wps:txbx>` + box + `</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
		`<mc:Fallback><w:pict><v:shape style="width:144pt;height:36pt"><v:textbox>` + box + `</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`
}

// syntheticBody is the body of the synthetic document: every construct
// the reader has a rule for, one or two per paragraph.
var syntheticBody = strings.Join([]string{
	// Runs with different formatting, split inside a word.
	`<w:p w14:paraId="1A2B3C01" w14:textId="77777777"><w:pPr><w:jc w:val="center"/></w:pPr>` +
		`<w:r><w:rPr><w:rFonts w:ascii="Arial" w:eastAsia="黑体"/><w:b/><w:sz w:val="44"/></w:rPr><w:t>某某县人民</w:t></w:r>` +
		`<w:r w:rsidR="00A1"><w:rPr><w:b/><w:color w:val="FF0000"/></w:rPr><w:t>政府工作报告</w:t></w:r></w:p>`,
	// Preserved and trimmed white space, an entity, a proofing mark.
	`<w:p w14:paraId="1A2B3C02"><w:r><w:rPr><w:rFonts w:eastAsia="仿宋"/></w:rPr><w:t>财政收</w:t></w:r>` +
		`<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">入9.01亿元，同比增长 </w:t></w:r><w:proofErr w:type="spellStart"/>` +
		`<w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t>  33.0%&amp;。  </w:t></w:r><w:proofErr w:type="spellEnd"/></w:p>`,
	`<w:p><w:r><w:t>甲方 乙方 丙方</w:t></w:r></w:p>`,
	// A tab.
	`<w:p><w:r><w:t>项目</w:t><w:tab/><w:t>金额</w:t></w:r></w:p>`,
	// A field: the code is not shown, the result is.
	`<w:p><w:r><w:t xml:space="preserve">见第</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>` +
		`<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` +
		`<w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页</w:t></w:r></w:p>`,
	// Tracked changes.
	`<w:p><w:r><w:t>保留</w:t></w:r><w:del w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>删除</w:delText></w:r></w:del>` +
		`<w:ins w:id="2" w:author="a" w:date="2024-01-01T00:00:00Z"><w:r><w:t>插入</w:t></w:r></w:ins><w:r><w:t>移入</w:t></w:r></w:p>`,
	// A hidden run.
	`<w:p><w:r><w:t>可见</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:t>显示</w:t></w:r></w:p>`,
	// An existing comment, and a bookmark.
	`<w:p><w:bookmarkStart w:id="7" w:name="b1"/><w:commentRangeStart w:id="0"/><w:r><w:t>已有批注的文字</w:t></w:r><w:commentRangeEnd w:id="0"/>` +
		`<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r><w:bookmarkEnd w:id="7"/></w:p>`,
	// A line break: two paragraphs of the File, one w:p.
	`<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行内容</w:t></w:r></w:p>`,
	// Automatic numbering: the marker "一、" is not in the XML.
	`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>总体情况</w:t></w:r></w:p>`,
	// A table: a cell with two paragraphs, an empty cell.
	`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="3000"/><w:gridCol w:w="3000"/></w:tblGrid>` +
		`<w:tr><w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc>` +
		`<w:tc><w:p><w:r><w:t>完成值</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>同比</w:t></w:r></w:p></w:tc></w:tr>` +
		`<w:tr><w:tc><w:p><w:r><w:t>财政收入</w:t></w:r></w:p></w:tc>` +
		`<w:tc><w:p><w:r><w:t>3860</w:t></w:r></w:p><w:p><w:r><w:t>万元</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>`,
	// A text box.
	`<w:p><w:r><w:t>前文</w:t></w:r>` + textBox("文本框内容") + `<w:r><w:t>后文</w:t></w:r></w:p>`,
	// A hyperlink to the bookmark, and a footnote.
	`<w:p><w:hyperlink w:anchor="b1"><w:r><w:rPr><w:color w:val="0000FF"/></w:rPr><w:t>链接文字</w:t></w:r></w:hyperlink>` +
		`<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r></w:p>`,
	`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>`,
}, "\r\n")

// syntheticParts returns the entries of the synthetic document.
func syntheticParts() []part {
	const rel = `http://schemas.openxmlformats.org/officeDocument/2006/relationships/`
	const ct = `application/vnd.openxmlformats-officedocument.wordprocessingml.`
	return []part{
		{"[Content_Types].xml", header + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="` + ct + `document.main+xml"/>` +
			`<Override PartName="/word/styles.xml" ContentType="` + ct + `styles+xml"/>` +
			`<Override PartName="/word/numbering.xml" ContentType="` + ct + `numbering+xml"/>` +
			`<Override PartName="/word/footnotes.xml" ContentType="` + ct + `footnotes+xml"/>` +
			`<Override PartName="/word/comments.xml" ContentType="` + ct + `comments+xml"/></Types>`},
		{"_rels/.rels", header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="` + rel + `officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/document.xml", header + `<w:document ` + wNS + `><w:body>` + syntheticBody + `</w:body></w:document>`},
		{"word/styles.xml", header + `<w:styles ` + wNS + `><w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault></w:docDefaults>` +
			`<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>` +
			`<w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/><w:sz w:val="21"/></w:style></w:styles>`},
		{"word/numbering.xml", header + `<w:numbering ` + wNS + `><w:abstractNum w:abstractNumId="0">` +
			`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl>` +
			`</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`},
		{"word/footnotes.xml", header + `<w:footnotes ` + wNS + `>` +
			`<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
			`<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>` +
			`<w:footnote w:id="1"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> 脚注说明</w:t></w:r></w:p></w:footnote></w:footnotes>`},
		{"word/comments.xml", header + `<w:comments ` + wNS + `><w:comment w:id="0" w:author="审稿人" w:date="2024-03-01T09:00:00Z" w:initials="SG">` +
			`<w:p><w:r><w:annotationRef/></w:r><w:r><w:t>原有批注</w:t></w:r></w:p></w:comment></w:comments>`},
		{"word/_rels/document.xml.rels", header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="` + rel + `styles" Target="styles.xml"/>` +
			`<Relationship Id="rId2" Type="` + rel + `numbering" Target="numbering.xml"/>` +
			`<Relationship Id="rId3" Type="` + rel + `footnotes" Target="footnotes.xml"/>` +
			`<Relationship Id="rId4" Type="` + rel + `comments" Target="comments.xml"/></Relationships>`},
	}
}
