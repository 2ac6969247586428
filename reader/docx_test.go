package reader

import (
	"archive/zip"
	"errors"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"zongjie/document"
)

// readSample reads a sample document through Read, the way the program
// does, and checks the invariants.
func readSample(t *testing.T, name string) *document.File {
	t.Helper()
	d, ok := sampleDocs[name]
	if !ok {
		t.Fatalf("no sample %q", name)
	}
	return readDocxBytes(t, d.build(t))
}

// readDocxBytes reads data as "t.docx" and checks the invariants.
func readDocxBytes(t *testing.T, data []byte) *document.File {
	t.Helper()
	f, err := Read("t.docx", data)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if f.Format != document.FormatDocx || f.Encoding != "UTF-8" {
		t.Errorf("format %q encoding %q", f.Format, f.Encoding)
	}
	checkDocx(t, f)
	return f
}

// paraTexts returns the text of every paragraph.
func paraTexts(f *document.File) []string {
	out := make([]string, len(f.Paragraphs))
	for i, p := range f.Paragraphs {
		out[i] = f.Slice(p.Span)
	}
	return out
}

// wantTexts compares the paragraph texts of f with want.
func wantTexts(t *testing.T, f *document.File, want ...string) {
	t.Helper()
	got := paraTexts(f)
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("paragraphs:\n got %q\nwant %q", got, want)
	}
}

// wantOrigins compares the Origin of every paragraph of f with want.
func wantOrigins(t *testing.T, f *document.File, want ...int) {
	t.Helper()
	if len(f.Paragraphs) != len(want) {
		t.Fatalf("%d paragraphs, want %d", len(f.Paragraphs), len(want))
	}
	for i, p := range f.Paragraphs {
		if p.Origin != want[i] {
			t.Errorf("paragraph %d %q: origin %d, want %d", i, f.Slice(p.Span), p.Origin, want[i])
		}
	}
}

// TestDocxRuns checks text split across runs, xml:space, an empty
// paragraph and an indented one.
func TestDocxRuns(t *testing.T) {
	f := readSample(t, "runs")
	wantTexts(t, f, "财政收入9.01亿元，", "同比增长33.0%。", "第二段")
	// The empty w:p (origin 2) leaves no blank line; the indent stays in
	// Text but not in the span.
	if want := "财政收入9.01亿元，\n同比增长33.0%。 \n\u3000\u3000第二段"; f.Text != want {
		t.Errorf("text %q, want %q", f.Text, want)
	}
	wantOrigins(t, f, 0, 1, 3)
	for _, p := range f.Paragraphs {
		if p.Kind != document.Body || p.HeadingLevel != 0 || p.Title || p.Generated != (document.Span{}) {
			t.Errorf("%q: unexpected %+v", f.Slice(p.Span), p)
		}
	}
}

// TestDocxHeadings checks heading levels from style names, outline levels
// and basedOn chains (with a cycle), and the Title style.
func TestDocxHeadings(t *testing.T) {
	f := readSample(t, "headings")
	want := []struct {
		text  string
		level int
		title bool
	}{
		{"2023年工作总结", 0, true}, // Title style, by name
		{"一、总体情况", 1, false},   // outlineLvl 0
		{"（一）经济", 2, false},    // named "heading 2", no outline level
		{"（二）社会", 2, false},    // based on heading 2
		{"1.就业", 3, false},     // outlineLvl 2
		{"（1）培训", 4, false},    // named "标题 4"
		{"正文", 0, false},       // outlineLvl 9 overrides its heading base
		{"大纲二级", 2, false},     // the paragraph's own outline level
		{"循环样式", 0, false},     // basedOn cycle
		{"未定义样式", 0, false},
	}
	if len(f.Paragraphs) != len(want) {
		t.Fatalf("paragraphs %q", paraTexts(f))
	}
	for i, w := range want {
		p := f.Paragraphs[i]
		if got := f.Slice(p.Span); got != w.text || p.HeadingLevel != w.level || p.Title != w.title {
			t.Errorf("paragraph %d: %q level %d title %v, want %q level %d title %v",
				i, got, p.HeadingLevel, p.Title, w.text, w.level, w.title)
		}
	}
}

// TestDocxNumbering checks the markers of automatic numbering and their
// Generated spans.
func TestDocxNumbering(t *testing.T) {
	f := readSample(t, "numbering")
	want := []struct{ text, marker string }{
		// L0, L1, L1, L2, L2, L1, L0, L1 of one list.
		{"一、总体情况", "一、"},
		{"（一）经济", "（一）"},
		{"（二）社会", "（二）"},
		{"1.就业", "1."},
		{"2.教育", "2."},
		{"（三）生态", "（三）"},
		{"二、存在问题", "二、"},
		{"（一）短板", "（一）"},
		// A second instance of the list with w:startOverride 5.
		{"五、重新开始", "五、"},
		{"六、继续", "六、"},
		// Circled numbers; the suffix (a tab in Word) becomes a space.
		{"① 圆圈一", "① "},
		{"② 圆圈二", "② "},
		// A bullet is not text.
		{"项目符号", ""},
		// Numbering through paragraph styles, with isLgl.
		{"第一章 总则", "第一章 "},
		{"1.1 目的", "1.1 "},
		{"第二章 附则", "第二章 "},
		{"2.1 施行", "2.1 "},
		// The paragraph with a deleted mark is not counted.
		{"三、下一条", "三、"},
		{"（1）", "（1）"},
		{"无编号", ""},
	}
	if len(f.Paragraphs) != len(want) {
		t.Fatalf("paragraphs %q", paraTexts(f))
	}
	for i, w := range want {
		p := f.Paragraphs[i]
		if got, marker := f.Slice(p.Span), f.Slice(p.Generated); got != w.text || marker != w.marker {
			t.Errorf("paragraph %d: %q marker %q, want %q marker %q", i, got, marker, w.text, w.marker)
		}
		if w.marker != "" && p.Generated.Start != p.Span.Start {
			t.Errorf("paragraph %d: marker %v not at the start of %v", i, p.Generated, p.Span)
		}
	}
	if p := f.Paragraphs[13]; p.HeadingLevel != 1 || f.Paragraphs[14].HeadingLevel != 2 {
		t.Errorf("chapter levels %d, %d", p.HeadingLevel, f.Paragraphs[14].HeadingLevel)
	}
}

// TestNumberFormats checks each supported w:numFmt, the decimal
// fallbacks and the clamping of huge values.
func TestNumberFormats(t *testing.T) {
	tests := []struct {
		n      int
		format string
		want   string
	}{
		{1, "chineseCounting", "一"},
		{10, "chineseCounting", "十"},
		{11, "chineseCounting", "十一"},
		{20, "chineseCounting", "二十"},
		{21, "chineseCounting", "二十一"},
		{99, "chineseCounting", "九十九"},
		{100, "chineseCounting", "一百"},
		{101, "chineseCounting", "一百零一"},
		{110, "chineseCounting", "一百一十"},
		{1010, "chineseCounting", "一千零一十"},
		{10001, "chineseCountingThousand", "一万零一"},
		{100000, "japaneseCounting", "十万"},
		{0, "chineseCounting", "〇"},
		{3, "chineseLegalSimplified", "叁"},
		{10, "chineseLegalSimplified", "拾"},
		{12, "chineseLegalSimplified", "拾贰"},
		{3, "ideographTraditional", "丙"},
		{11, "ideographTraditional", "11"},
		{12, "ideographZodiac", "亥"},
		{20, "decimalEnclosedCircle", "⑳"},
		{21, "decimalEnclosedCircleChinese", "21"},
		{1, "decimalEnclosedParen", "⑴"},
		{20, "decimalEnclosedFullstop", "⒛"},
		{12, "decimalFullWidth", "１２"},
		{2024, "ideographDigital", "二〇二四"},
		{7, "decimalZero", "07"},
		{14, "upperRoman", "XIV"},
		{9, "lowerRoman", "ix"},
		{5000, "upperRoman", "5000"},
		{28, "upperLetter", "BB"},
		{3, "lowerLetter", "c"},
		{5, "ordinalText", "5"},
		{5, "bullet", ""},
		{5, "none", ""},
		{2000000000, "decimal", "999999"},
		{2000000000, "upperLetter", "999999"},
		{-5, "chineseCounting", "〇"},
	}
	for _, tt := range tests {
		if got := formatNumber(tt.n, tt.format, 0); got != tt.want {
			t.Errorf("formatNumber(%d, %s) = %q, want %q", tt.n, tt.format, got, tt.want)
		}
	}
}

// TestDocxNumberingEdges covers custom formats, lvlRestart, a huge start
// value and overlong level text.
func TestDocxNumberingEdges(t *testing.T) {
	numbering := `<w:abstractNum w:abstractNumId="7">` +
		`<w:lvl w:ilvl="0"><w:start w:val="2000000000"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>` +
		`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:lvlRestart w:val="0"/>` +
		`<mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice>` +
		`<mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent><w:lvlText w:val="%2"/><w:suff w:val="nothing"/></w:lvl>` +
		`<w:lvl w:ilvl="2"><w:start w:val="3"/>` +
		`<mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="一, 二, 三, ..."/></mc:Choice>` +
		`<mc:Fallback><w:numFmt w:val="chineseCounting"/></mc:Fallback></mc:AlternateContent><w:lvlText w:val="` + strings.Repeat("%3", 200) + `"/></w:lvl>` +
		`</w:abstractNum><w:num w:numId="9"><w:abstractNumId w:val="7"/></w:num>`
	d := testDocx{numbering: numbering, body: numPara(9, 1, "甲") + numPara(9, 0, "乙") + numPara(9, 1, "丙") + numPara(9, 2, "丁")}
	f := readDocxBytes(t, d.build(t))
	wantTexts(t, f, "001甲", "999999.乙", "002丙", strings.Repeat("三", 32)+" 丁")
}

// TestDocxTable checks that table rows become TableRow paragraphs with
// cell spans, with merged cells empty (kept in their place, zero-length)
// and nested tables flattened.
func TestDocxTable(t *testing.T) {
	f := readSample(t, "table")
	wantTexts(t, f, "表前", "项目\t2023年\t2024年", "财政收入\t\t9.5 亿元 内嵌 表格", "表后")
	wantOrigins(t, f, 0, 1, 4, 10)
	wantCells := [][]string{nil, {"项目", "2023年", "2024年"}, {"财政收入", "", "9.5 亿元 内嵌 表格"}, nil}
	for i, p := range f.Paragraphs {
		wantKind := document.Body
		if wantCells[i] != nil {
			wantKind = document.TableRow
		}
		if p.Kind != wantKind {
			t.Errorf("paragraph %d: kind %d", i, p.Kind)
		}
		var cells []string
		for _, c := range p.Cells {
			cells = append(cells, f.Slice(c))
		}
		if strings.Join(cells, "|") != strings.Join(wantCells[i], "|") {
			t.Errorf("paragraph %d: cells %q, want %q", i, cells, wantCells[i])
		}
	}
}

// TestDocxTextBox checks that a text box written twice (mc:Choice and
// mc:Fallback) is read once, after its anchor paragraph.
func TestDocxTextBox(t *testing.T) {
	f := readSample(t, "textbox")
	// The box follows its anchor paragraph and appears once, although the
	// mc:Fallback repeats it; the Fallback's w:p still counts for Origin.
	wantTexts(t, f, "前文后文", "文本框内容", "下一段")
	wantOrigins(t, f, 0, 1, 3)
	if k := f.Paragraphs[1].Kind; k != document.TextBox {
		t.Errorf("text box kind %d", k)
	}
}

// TestDocxTrackedChanges checks that deletions and moved-away text are left
// out and insertions and moved-in text kept.
func TestDocxTrackedChanges(t *testing.T) {
	wantTexts(t, readSample(t, "changes"), "保留插入移入")
}

// TestDocxFields checks that field codes are left out and results kept.
func TestDocxFields(t *testing.T) {
	wantTexts(t, readSample(t, "field"), "见第3页，2024年")
}

// TestDocxNotes checks that footnotes and endnotes follow the body in id
// order, without separators.
func TestDocxNotes(t *testing.T) {
	f := readSample(t, "notes")
	wantTexts(t, f, "正文", "脚注一", "脚注二", "尾注")
	wantOrigins(t, f, 0, -1, -1, -1)
	for _, p := range f.Paragraphs[1:] {
		if p.Kind != document.Note {
			t.Errorf("%q: kind %d", f.Slice(p.Span), p.Kind)
		}
	}
}

// TestDocxHidden checks that hidden runs are left out, unless w:vanish is
// switched off or only in the change history.
func TestDocxHidden(t *testing.T) {
	wantTexts(t, readSample(t, "hidden"), "可见显示文字改过")
}

// TestDocxBreaks checks line and page breaks, tabs, hyphens, symbols and
// control characters.
func TestDocxBreaks(t *testing.T) {
	f := readSample(t, "breaks")
	wantTexts(t, f, "一、总体情况", "财政\t收入", "新页", "回车", "A-BC一ab c")
	wantOrigins(t, f, 0, 0, 0, 0, 1)
	if strings.Contains(f.Text, "\r") {
		t.Error("text holds a carriage return")
	}
}

// TestDocxStrict reads a document in the strict OOXML namespace, with its
// main part under another name found through the package relationships.
func TestDocxStrict(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body>` +
		`<w:p><w:pPr><w:pStyle w:val="H"/></w:pPr><w:r><w:t>严格格式</w:t></w:r></w:p></w:body></w:document>`
	styles := `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main">` +
		`<w:style w:type="paragraph" w:styleId="H"><w:name w:val="heading 2"/></w:style></w:styles>`
	rels := `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="/word/main.xml"/></Relationships>`
	docRels := `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/styles" Target="s/style%20sheet.xml"/></Relationships>`
	data := buildZip(t, []zipPart{{"_rels/.rels", rels}, {"word/main.xml", doc},
		{"word/_rels/main.xml.rels", docRels}, {"word/s/style sheet.xml", styles}})
	f := readDocxBytes(t, data)
	wantTexts(t, f, "严格格式")
	if f.Paragraphs[0].HeadingLevel != 2 {
		t.Errorf("level %d", f.Paragraphs[0].HeadingLevel)
	}
}

// TestDocxUTF16 reads a main part encoded in UTF-16 with a byte-order mark.
func TestDocxUTF16(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-16"?><w:document ` + wNS + `><w:body>` + para("", "双字节") + `</w:body></w:document>`
	units := utf16.Encode([]rune(doc))
	raw := []byte{0xFF, 0xFE}
	for _, u := range units {
		raw = append(raw, byte(u), byte(u>>8))
	}
	f := readDocxBytes(t, buildZip(t, []zipPart{{"word/document.xml", string(raw)}}))
	wantTexts(t, f, "双字节")
}

// wantError checks that err is an *Error naming the file whose message
// contains each of parts.
func wantError(t *testing.T, err error, parts ...string) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T), want *Error", err, err)
	}
	if e.Path != "t.docx" || e.Reason == "" || e.En == "" {
		t.Errorf("incomplete error %+v", e)
	}
	for _, p := range parts {
		if !strings.Contains(e.Error(), p) {
			t.Errorf("error %q does not mention %q", e.Error(), p)
		}
	}
}

// TestDocxTruncated reads the first half of a .docx.
func TestDocxTruncated(t *testing.T) {
	data := sampleDocs["numbering"].build(t)
	_, err := Read("t.docx", data[:len(data)/2])
	wantError(t, err, "损坏", "corrupt")
}

// TestDocxNotWord checks that other zip formats are named, not read.
func TestDocxNotWord(t *testing.T) {
	tests := []struct {
		name  string
		parts []zipPart
		want  format
	}{
		{"xlsx", []zipPart{{"[Content_Types].xml", "<Types/>"}, {"xl/workbook.xml", "<workbook/>"}}, formatSheet},
		{"pptx", []zipPart{{"ppt/presentation.xml", "<presentation/>"}}, formatSlide},
		{"odt", []zipPart{{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", "<x/>"}}, formatODT},
		{"zip", []zipPart{{"readme.txt", "hello"}, {"photo.jpg", "\xFF\xD8\xFF"}}, formatZip},
		{"empty", nil, formatZip},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := buildZip(t, tt.parts)
			_, _, err := readDocx("t.docx", data, false)
			var nd *notDocxError
			if !errors.As(err, &nd) || nd.format != tt.want {
				t.Fatalf("readDocx: %v, want %s", err, tt.want.en)
			}
			_, err = Read("t.docx", data)
			wantError(t, err, tt.want.en)
		})
	}
}

// TestDocxMissingMainPart reads a .docx whose word/document.xml is gone.
func TestDocxMissingMainPart(t *testing.T) {
	parts := sampleDocs["runs"].parts()
	var kept []zipPart
	for _, p := range parts {
		if p.name != "word/document.xml" {
			kept = append(kept, p)
		}
	}
	_, err := Read("t.docx", buildZip(t, kept))
	wantError(t, err, "文件已损坏", "word/document.xml")
}

// manyEntries returns parts followed by n empty image entries.
func manyEntries(parts []zipPart, n int) []zipPart {
	for i := range n {
		parts = append(parts, zipPart{"word/media/image" + strconv.Itoa(i) + ".png", ""})
	}
	return parts
}

// TestDocxTooManyEntries reads a zip with more entries than the cap.
func TestDocxTooManyEntries(t *testing.T) {
	data := storedParts(t, manyEntries(sampleDocs["runs"].parts(), docxMaxEntries))
	_, err := Read("t.docx", data)
	wantError(t, err, "5000")
}

// TestDocxEncryptedEntry reads a zip whose entries are flagged encrypted.
func TestDocxEncryptedEntry(t *testing.T) {
	data := writeZip(t, sampleDocs["runs"].parts(), zip.Store, 0x1)
	_, err := Read("t.docx", data)
	wantError(t, err, "加密", "encrypted")
}

// bombParts returns the parts of a document whose main part is padded
// with size bytes of white space, which deflate to almost nothing.
func bombParts(size int) []zipPart {
	parts := sampleDocs["runs"].parts()
	for i, p := range parts {
		if p.name == "word/document.xml" {
			parts[i].body = strings.Replace(p.body, "<w:body>", "<w:body>"+strings.Repeat(" ", size), 1)
		}
	}
	return parts
}

// TestDocxZipBomb checks the per-part and total decompression caps,
// lowered for the test.
func TestDocxZipBomb(t *testing.T) {
	defer func(part, total int64) { docxMaxPartBytes, docxMaxTotalBytes = part, total }(docxMaxPartBytes, docxMaxTotalBytes)
	docxMaxPartBytes, docxMaxTotalBytes = 1<<20, 2<<20

	// Under the caps: read as usual.
	readDocxBytes(t, buildZip(t, bombParts(900<<10)))

	// One part over the per-part cap.
	data := buildZip(t, bombParts(3<<20))
	if len(data) > 64<<10 {
		t.Fatalf("bomb is %d bytes", len(data))
	}
	_, err := Read("t.docx", data)
	wantError(t, err, "word/document.xml", "zip bomb")

	// Parts under the per-part cap but over the total.
	parts := bombParts(900 << 10)
	for i, p := range parts {
		if p.name == "word/_rels/document.xml.rels" {
			parts[i].body = strings.Replace(p.body, "<Relationships", strings.Repeat(" ", 900<<10)+"<Relationships", 1)
		}
	}
	parts = append(parts, zipPart{"word/styles.xml", wordPart("styles", strings.Repeat(" ", 900<<10))})
	_, err = Read("t.docx", buildZip(t, parts))
	wantError(t, err, "in total")
}

// TestDocxZipBombDefaultCap decompresses a part just over the real
// per-part cap.
func TestDocxZipBombDefaultCap(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 64 MiB part")
	}
	_, err := Read("t.docx", buildZip(t, bombParts(int(docxMaxPartBytes))))
	wantError(t, err, "64 MiB")
}

// TestDocxMalformedXML checks that broken XML is reported with its part.
func TestDocxMalformedXML(t *testing.T) {
	d := testDocx{body: `<w:p><w:r><w:t>未闭合</w:r></w:p>`}
	_, err := Read("t.docx", d.build(t))
	wantError(t, err, "word/document.xml", "XML")

	d = testDocx{body: para("", "正文"), styles: `<w:style>`}
	_, err = Read("t.docx", d.build(t))
	wantError(t, err, "word/styles.xml")
}

// TestDocxDeepNesting checks the XML nesting cap.
func TestDocxDeepNesting(t *testing.T) {
	body := strings.Repeat("<w:sdt><w:sdtContent>", 5000) + para("", "深") + strings.Repeat("</w:sdtContent></w:sdt>", 5000)
	_, err := Read("t.docx", testDocx{body: body}.build(t))
	wantError(t, err, "嵌套", "256")

	// Nesting within the cap is fine.
	body = strings.Repeat("<w:sdt><w:sdtContent>", 100) + para("", "深") + strings.Repeat("</w:sdtContent></w:sdt>", 100)
	wantTexts(t, readDocxBytes(t, testDocx{body: body}.build(t)), "深")
}

// TestDocxTooManyParagraphs checks the paragraph cap, lowered for the test.
func TestDocxTooManyParagraphs(t *testing.T) {
	defer func(n int) { docxMaxParagraphs = n }(docxMaxParagraphs)
	docxMaxParagraphs = 10
	body := strings.Repeat(para("", "段"), 5) + `<w:p/>` + `<w:p><w:r>` + strings.Repeat(`<w:t>行</w:t><w:br/>`, 20) + `</w:r></w:p>`
	_, err := Read("t.docx", testDocx{body: body}.build(t))
	wantError(t, err, "paragraphs")

	// Empty paragraphs do not count.
	body = strings.Repeat(para("", "段"), 10) + strings.Repeat(`<w:p/>`, 100)
	readDocxBytes(t, testDocx{body: body}.build(t))
}

// TestDocxTableExtras checks a numbered paragraph in a table cell (its
// marker is the row's Generated span) and a text box anchored in a cell
// (it follows the row).
func TestDocxTableExtras(t *testing.T) {
	body := `<w:tbl><w:tr><w:tc>` + numPara(1, 0, "指标") + `</w:tc><w:tc><w:p><w:r><w:t>完成</w:t></w:r>` + textBoxRun("框中") +
		`</w:p></w:tc></w:tr></w:tbl>` + numPara(1, 0, "表后")
	f := readDocxBytes(t, testDocx{numbering: sampleNumbering, body: body}.build(t))
	wantTexts(t, f, "一、指标\t完成", "框中", "二、表后")
	if got := f.Slice(f.Paragraphs[0].Generated); got != "一、" {
		t.Errorf("row marker %q", got)
	}
	if k := f.Paragraphs[1].Kind; k != document.TextBox {
		t.Errorf("kind %d", k)
	}
	wantOrigins(t, f, 0, 2, 4)
}

// Ensure table-of-contents entries (which repeat the headings with page
// numbers) are left out of the text.
func TestDocxTOC(t *testing.T) {
	d := testDocx{
		styles: `<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/></w:style>` +
			`<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="目录 2"/></w:style>`,
		body: `<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr><w:r><w:t>一、总体情况</w:t></w:r><w:r><w:tab/><w:t>3</w:t></w:r></w:p>` +
			`<w:p><w:pPr><w:pStyle w:val="a5"/></w:pPr><w:r><w:t>（一）经济运行</w:t></w:r><w:r><w:tab/><w:t>4</w:t></w:r></w:p>` +
			`<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>`,
	}
	f, err := Read("toc.docx", d.build(t))
	if err != nil {
		t.Fatal(err)
	}
	if f.Text != "一、总体情况" {
		t.Errorf("text %q, want only the body heading", f.Text)
	}
	if len(f.Paragraphs) != 1 || f.Paragraphs[0].Origin != 2 {
		t.Errorf("paragraphs %+v, want the third w:p only", f.Paragraphs)
	}
}

// Ensure a password-protected document gets its own message.
func TestEncrypted(t *testing.T) {
	data := append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 64)...)
	data = append(data, []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00")...)
	_, err := Read("secret.docx", data)
	if err == nil || !strings.Contains(err.Error(), "加密") {
		t.Errorf("error %v, want one about encryption", err)
	}
}

// Ensure a blank cell of a Word table row (an empty 备注, the 序号 of a 合计
// row, a cell of no paragraph text) is kept as an empty cell in its place,
// inside the row, so every row has as many cells as its header; a filled
// row keeps its cells as written.
func TestDocxBlankCells(t *testing.T) {
	cell := func(s string) string { return `<w:tc>` + para("", s) + `</w:tc>` }
	row := func(cells ...string) string {
		var b strings.Builder
		b.WriteString(`<w:tr>`)
		for _, c := range cells {
			b.WriteString(cell(c))
		}
		b.WriteString(`</w:tr>`)
		return b.String()
	}
	body := `<w:tbl>` + row("序号", "指标", "单位", "2025年", "备注") + row("1", "地区生产总值", "亿元", "32.6", "") +
		row("", "合计", "亿元", "", " ") + `</w:tbl>`
	f := readDocxBytes(t, testDocx{body: body}.build(t))
	var got []string
	for _, p := range f.Paragraphs {
		var cells []string
		for _, c := range p.Cells {
			if c.Start < p.Span.Start || c.End > p.Span.End || c.End < c.Start {
				t.Errorf("cell %v outside its row %v", c, p.Span)
			}
			cells = append(cells, f.Slice(c))
		}
		got = append(got, strings.Join(cells, "|"))
	}
	want := []string{"序号|指标|单位|2025年|备注", "1|地区生产总值|亿元|32.6|", "|合计|亿元||"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("cells:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
