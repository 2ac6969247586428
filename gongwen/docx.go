package gongwen

import (
	"archive/zip"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// The page, in twips (1/20 pt; 1 mm ≈ 56.69 twips). GB/T 9704-2012 5.1 and
// 5.2.1: A4, top margin 37 mm, left (binding) margin 28 mm, type area
// 156 × 225 mm, which leaves 26 mm at the right and 35 mm at the bottom.
const (
	pageWidth    = 11906 // 210 mm
	pageHeight   = 16838 // 297 mm
	marginTop    = 2098  // 37 mm
	marginBottom = 1984  // 35 mm
	marginLeft   = 1588  // 28 mm
	marginRight  = 1474  // 26 mm
	marginHeader = 851   // 15 mm; the layout has no header
	// marginFooter puts the page number's dash line about 7 mm below the
	// type area (7.5): the footer line's bottom is 25.5 mm above the page
	// edge, its middle 28 mm.
	marginFooter = 1446
)

// The grid (5.2.3): 22 lines of 28 characters fill the type area.
//
// Word and WPS lay out 28 characters a line by themselves with a
// "linesAndChars" grid whose pitch is 442.2/28 = 15.79 pt. LibreOffice
// (7.4) does not: on such a grid it gives every 16 pt character two cells
// of 15.79 pt, and sets 14 characters a line. So the grid is "lines" (22
// lines) and the 28 characters come from the text itself: the Normal style
// condenses its characters by 0.25 pt (charCondense), to an advance of
// 15.75 pt, and 28 × 15.75 = 441 pt fit the 442.2 pt line where 29 do not.
// Character spacing is plain OOXML that Word and WPS apply the same way.
// The character pitch (charSpace) is written as well, for a user who
// switches the grid to characters.
const (
	// linePitch is the line pitch in twips: the type area is 12756 twips
	// high, 12756/22 = 579.8, rounded down so that 22 lines fit and 23 do
	// not. Body text has exact line spacing of the same value.
	linePitch = 579
	// charSpace is the character pitch as ECMA-376 states it: the
	// difference from the Normal font size (16 pt) in 1/4096 pt. The type
	// area is 442.2 pt wide and 442.2/28 = 15.7929 pt; (15.7929−16)×4096 =
	// −848.3, rounded down so that 28 pitches fit (with −848 they would
	// need 442.203 pt).
	charSpace = -849
	// charCondense is the Normal style's character spacing in twips:
	// −0.25 pt, giving the 15.75 pt advance of 28 characters a line.
	charCondense = -5
	// indentFirst is the first-line indent of two characters in twips
	// (2 × 15.75 pt = 630), for readers that ignore w:firstLineChars; the
	// 26 characters after it fit the line.
	indentFirst = 630
	// indentNumber is one 四号 character (14 pt): the page number's
	// distance from the edge of the type area.
	indentNumber = 280
)

// Sizes in half-points.
const (
	sizeTitle  = 44 // 二号, 22 pt
	sizeBody   = 32 // 三号, 16 pt
	sizeNumber = 28 // 四号, 14 pt
)

// The fonts, as named on the users' machines.
const (
	fontLatin  = "Times New Roman"
	fontBody   = "仿宋_GB2312"
	fontTitle  = "方正小标宋简体"
	fontHei    = "黑体"
	fontKai    = "楷体_GB2312"
	fontNumber = "宋体"
)

// headingFonts are the East Asian fonts of heading levels 1–4 (7.3.3).
var headingFonts = [5]string{1: fontHei, 2: fontKai, 3: fontBody, 4: fontBody}

const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
)

// WriteDOCX writes d to w as a .docx in the official layout (see the
// package documentation). A nil or empty Doc gives a valid document with
// one empty page. Characters that XML cannot carry (control characters
// other than tab and line feed, invalid UTF-8) are dropped. The only errors
// are w's.
func WriteDOCX(w io.Writer, d *Doc) error {
	if d == nil {
		d = &Doc{}
	}
	parts := []struct{ name, data string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", packageRels},
		{"docProps/core.xml", coreXML(d.Title)},
		{"docProps/app.xml", appXML},
		{"word/document.xml", documentXML(d)},
		{"word/styles.xml", stylesXML},
		{"word/settings.xml", settingsXML},
		{"word/fontTable.xml", fontTableXML},
		{"word/footer1.xml", footerXML(false)},
		{"word/footer2.xml", footerXML(true)},
		{"word/_rels/document.xml.rels", documentRels},
	}
	zw := zip.NewWriter(w)
	for _, p := range parts {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate})
		if err != nil {
			return err
		}
		if _, err := io.WriteString(fw, p.data); err != nil {
			return err
		}
	}
	return zw.Close()
}

const contentTypes = xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>` +
	`<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
	`<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
	`</Types>`

const packageRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

const documentRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>` +
	`<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>` +
	`<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/>` +
	`</Relationships>`

const appXML = xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
	`<Application>zongjie</Application></Properties>`

// coreXML returns the core properties, with the title on one line.
func coreXML(title string) string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
		`xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	b.WriteString(`<dc:title>`)
	escape(&b, strings.Join(strings.Fields(title), " "))
	b.WriteString(`</dc:title><dc:creator>zongjie</dc:creator></cp:coreProperties>`)
	return b.String()
}

// rFonts returns the font element for an East Asian font with Latin text
// in Times New Roman.
func rFonts(eastAsia string) string {
	return `<w:rFonts w:ascii="` + fontLatin + `" w:hAnsi="` + fontLatin + `" w:eastAsia="` + eastAsia + `" w:cs="` + fontLatin + `"/>`
}

// noIndent cancels the Normal style's first-line indent, in characters
// (which win in Word) and in twips.
const noIndent = `<w:ind w:firstLineChars="0" w:firstLine="0"/>`

// exact is the line spacing of the grid.
var exact = fmt.Sprintf(`<w:spacing w:before="0" w:after="0" w:line="%d" w:lineRule="exact"/>`, linePitch)

// stylesXML holds the document defaults and the named styles: Normal (the
// body text), Title, Subtitle, heading 1–4 with their linked character
// styles for run-in headings, and footer.
var stylesXML = func() string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:styles xmlns:w="` + nsW + `">`)
	fmt.Fprintf(&b, `<w:docDefaults><w:rPrDefault><w:rPr>%s<w:kern w:val="2"/><w:sz w:val="%d"/><w:szCs w:val="%d"/>`+
		`<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>`+
		`<w:pPrDefault><w:pPr>%s</w:pPr></w:pPrDefault></w:docDefaults>`, rFonts(fontBody), sizeBody, sizeBody, exact)
	// Normal: 三号仿宋, justified, two characters in, no widow control (a
	// page holds 22 lines, never 21). A closing mark after the 28th
	// character may hang in the right margin (w:overflowPunct, on by
	// default in Word, WPS and LibreOffice) rather than pull a character
	// down to the next line.
	fmt.Fprintf(&b, `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>`+
		`<w:pPr><w:widowControl w:val="0"/>%s<w:ind w:firstLineChars="200" w:firstLine="%d"/><w:jc w:val="both"/></w:pPr>`+
		`<w:rPr>%s<w:color w:val="000000"/><w:spacing w:val="%d"/><w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr></w:style>`,
		exact, indentFirst, rFonts(fontBody), charCondense, sizeBody, sizeBody)
	b.WriteString(`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/>` +
		`<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>`)
	// Title: 二号方正小标宋简体, centred, off the grid (on a character grid
	// each 22 pt character would take two cells). No bold: the face is
	// heavy.
	fmt.Fprintf(&b, `<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>`+
		`<w:pPr><w:keepNext/><w:snapToGrid w:val="0"/>%s<w:jc w:val="center"/></w:pPr>`+
		`<w:rPr>%s<w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr></w:style>`,
		noIndent, rFonts(fontTitle), sizeTitle, sizeTitle)
	fmt.Fprintf(&b, `<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>`+
		`<w:pPr><w:keepNext/>%s<w:jc w:val="center"/></w:pPr><w:rPr>%s</w:rPr></w:style>`,
		noIndent, rFonts(fontKai))
	for level := 1; level <= 4; level++ {
		fmt.Fprintf(&b, `<w:style w:type="paragraph" w:styleId="Heading%d"><w:name w:val="heading %d"/><w:basedOn w:val="Normal"/>`+
			`<w:next w:val="Normal"/><w:link w:val="Heading%dChar"/><w:qFormat/>`+
			`<w:pPr><w:keepNext/><w:outlineLvl w:val="%d"/></w:pPr><w:rPr>%s</w:rPr></w:style>`,
			level, level, level, level-1, rFonts(headingFonts[level]))
		fmt.Fprintf(&b, `<w:style w:type="character" w:customStyle="1" w:styleId="Heading%dChar"><w:name w:val="Heading %d Char"/>`+
			`<w:basedOn w:val="DefaultParagraphFont"/><w:link w:val="Heading%d"/><w:rPr>%s</w:rPr></w:style>`,
			level, level, level, rFonts(headingFonts[level]))
	}
	// footer: 四号宋体, Latin digits in 宋体 too (half-width), off the grid.
	fmt.Fprintf(&b, `<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>`+
		`<w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>%s</w:pPr>`+
		`<w:rPr><w:rFonts w:ascii="%s" w:hAnsi="%s" w:eastAsia="%s" w:cs="%s"/><w:spacing w:val="0"/><w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr></w:style>`,
		noIndent, fontNumber, fontNumber, fontNumber, fontNumber, sizeNumber, sizeNumber)
	b.WriteString(`</w:styles>`)
	return b.String()
}()

// settingsXML turns on different odd and even footers and keeps
// punctuation at full width, so that the grid holds 28 characters.
const settingsXML = xmlHeader + `<w:settings xmlns:w="` + nsW + `">` +
	`<w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/>` +
	`<w:characterSpacingControl w:val="doNotCompress"/>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
	`<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>` +
	`</w:settings>`

// fontTableXML describes the fonts, with the names Word falls back to on
// systems that lack the GB2312 versions (Windows 10 and later have 仿宋
// and 楷体 but not 仿宋_GB2312 and 楷体_GB2312).
var fontTableXML = func() string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:fonts xmlns:w="` + nsW + `">`)
	b.WriteString(`<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/>` +
		`<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`)
	for _, f := range []struct{ name, alt, family string }{
		{fontBody, "仿宋", "modern"},
		{fontTitle, "方正小标宋_GBK", "script"},
		{fontHei, "SimHei", "modern"},
		{fontKai, "楷体", "modern"},
		{fontNumber, "SimSun", "auto"},
	} {
		fmt.Fprintf(&b, `<w:font w:name="%s"><w:altName w:val="%s"/><w:charset w:val="86"/><w:family w:val="%s"/><w:pitch w:val="variable"/></w:font>`,
			f.name, f.alt, f.family)
	}
	b.WriteString(`</w:fonts>`)
	return b.String()
}()

// footerXML returns the footer of odd pages (right-aligned, one character
// in) or even pages (left-aligned, one character in): "— PAGE —".
func footerXML(even bool) string {
	jc := fmt.Sprintf(`<w:ind w:right="%d" w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="right"/>`, indentNumber)
	if even {
		jc = fmt.Sprintf(`<w:ind w:left="%d" w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="left"/>`, indentNumber)
	}
	run := func(inner string) string { return `<w:r>` + inner + `</w:r>` }
	return xmlHeader + `<w:ftr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:p><w:pPr><w:pStyle w:val="Footer"/>` + jc + `</w:pPr>` +
		run(`<w:t xml:space="preserve">— </w:t>`) +
		run(`<w:fldChar w:fldCharType="begin"/>`) +
		run(`<w:instrText xml:space="preserve"> PAGE </w:instrText>`) +
		run(`<w:fldChar w:fldCharType="separate"/>`) +
		run(`<w:t>1</w:t>`) +
		run(`<w:fldChar w:fldCharType="end"/>`) +
		run(`<w:t xml:space="preserve"> —</w:t>`) +
		`</w:p></w:ftr>`
}

// sectPr is the section: footers, A4, margins, grid.
var sectPr = fmt.Sprintf(`<w:sectPr><w:footerReference w:type="default" r:id="rId4"/><w:footerReference w:type="even" r:id="rId5"/>`+
	`<w:pgSz w:w="%d" w:h="%d"/>`+
	`<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/>`+
	`<w:pgNumType w:fmt="decimal"/><w:cols w:space="425"/>`+
	`<w:docGrid w:type="lines" w:linePitch="%d" w:charSpace="%d"/></w:sectPr>`,
	pageWidth, pageHeight, marginTop, marginRight, marginBottom, marginLeft, marginHeader, marginFooter, linePitch, charSpace)

// documentXML returns the main part.
func documentXML(d *Doc) string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>`)
	empty := true
	if strings.TrimSpace(d.Title) != "" {
		paragraph(&b, "Title", d.Title)
		if strings.TrimSpace(d.Subtitle) != "" {
			paragraph(&b, "Subtitle", d.Subtitle)
		}
		b.WriteString(`<w:p/>`) // 空一行 after the title
		empty = false
	} else if strings.TrimSpace(d.Subtitle) != "" {
		paragraph(&b, "Subtitle", d.Subtitle)
		empty = false
	}
	for i, bl := range d.Blocks {
		empty = false
		if len(bl.Cells) > 0 {
			tableRow(&b, d.Blocks, i)
			continue
		}
		style, head := "", 0
		if bl.Level >= 1 && bl.Level <= 4 {
			if head = runInHead(bl.Text, bl.Head); head == 0 {
				style = fmt.Sprintf("Heading%d", bl.Level)
			}
		}
		b.WriteString(`<w:p>`)
		if style != "" || bl.Flush {
			b.WriteString(`<w:pPr>`)
			if style != "" {
				b.WriteString(`<w:pStyle w:val="` + style + `"/>`)
			}
			if bl.Flush {
				b.WriteString(noIndent)
			}
			b.WriteString(`</w:pPr>`)
		}
		if head > 0 {
			runs(&b, fmt.Sprintf(`<w:rPr><w:rStyle w:val="Heading%dChar"/></w:rPr>`, bl.Level), bl.Text[:head])
		}
		runs(&b, "", bl.Text[head:])
		b.WriteString(`</w:p>`)
	}
	if empty {
		b.WriteString(`<w:p/>`)
	}
	b.WriteString(sectPr)
	b.WriteString(`</w:body></w:document>`)
	return b.String()
}

// tableRow writes the table row of blocks[i], opening the table at the
// first row of a run of rows and closing it at the last, with a single
// border round every cell.
func tableRow(b *strings.Builder, blocks []Block, i int) {
	cells := blocks[i].Cells
	if i == 0 || len(blocks[i-1].Cells) == 0 {
		b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/><w:tblBorders>`)
		for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
			b.WriteString(`<w:` + side + ` w:val="single" w:sz="4" w:space="0" w:color="auto"/>`)
		}
		b.WriteString(`</w:tblBorders></w:tblPr><w:tblGrid>`)
		for range cells {
			b.WriteString(`<w:gridCol/>`)
		}
		b.WriteString(`</w:tblGrid>`)
	}
	b.WriteString(`<w:tr>`)
	for _, c := range cells {
		b.WriteString(`<w:tc><w:p><w:pPr>` + noIndent + `</w:pPr>`)
		runs(b, "", c)
		b.WriteString(`</w:p></w:tc>`)
	}
	b.WriteString(`</w:tr>`)
	if i+1 == len(blocks) || len(blocks[i+1].Cells) == 0 {
		b.WriteString(`</w:tbl>`)
	}
}

// runInHead returns the byte length of the heading part of a run-in
// heading, moved back to a character boundary and out of a CR LF pair, or
// 0 when the whole text is the heading.
func runInHead(text string, head int) int {
	if head <= 0 || head >= len(text) {
		return 0
	}
	for head > 0 && !utf8.RuneStart(text[head]) {
		head--
	}
	if head > 0 && text[head-1] == '\r' && text[head] == '\n' {
		head--
	}
	return head
}

// paragraph writes a paragraph of the given style ("" for Normal).
func paragraph(b *strings.Builder, style, text string) {
	b.WriteString(`<w:p>`)
	if style != "" {
		b.WriteString(`<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`)
	}
	runs(b, "", text)
	b.WriteString(`</w:p>`)
}

// runs writes text as runs with the run properties rPr: tabs become
// w:tab, line breaks w:br.
func runs(b *strings.Builder, rPr, text string) {
	if text == "" {
		return
	}
	b.WriteString(`<w:r>` + rPr)
	open := false
	for len(text) > 0 {
		i := strings.IndexAny(text, "\t\r\n")
		if i < 0 {
			i = len(text)
		}
		if i > 0 {
			if !open {
				b.WriteString(`<w:t xml:space="preserve">`)
				open = true
			}
			escape(b, text[:i])
			text = text[i:]
			continue
		}
		if open {
			b.WriteString(`</w:t>`)
			open = false
		}
		switch text[0] {
		case '\t':
			b.WriteString(`<w:tab/>`)
		case '\r':
			if len(text) > 1 && text[1] == '\n' {
				text = text[1:]
			}
			b.WriteString(`<w:br/>`)
		case '\n':
			b.WriteString(`<w:br/>`)
		}
		text = text[1:]
	}
	if open {
		b.WriteString(`</w:t>`)
	}
	b.WriteString(`</w:r>`)
}

// escape writes s as XML character data, dropping what XML 1.0 cannot
// hold (control characters, U+FFFE and U+FFFF, invalid UTF-8) and the
// DEL and C1 controls, which XML allows but word processors may refuse.
func escape(b *strings.Builder, s string) {
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		switch {
		case r == utf8.RuneError && size == 1:
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '&':
			b.WriteString("&amp;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&apos;")
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ') // only in attributes and properties; text runs turn them into elements
		case validXMLChar(r):
			b.WriteString(s[:size])
		}
		s = s[size:]
	}
}

// validXMLChar reports whether r is a Char of XML 1.0 (tab, line feed and
// carriage return aside) other than DEL and the C1 controls.
func validXMLChar(r rune) bool {
	return r >= 0x20 && r < 0x7F || r > 0x9F && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}
