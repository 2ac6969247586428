package extract_test

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"zongjie"
	"zongjie/document"
	"zongjie/extract"
	"zongjie/reader"
)

// markersAndFigures renders a file's reports as their heading markers and
// their figures, for the tests of one decision shared by the outline and
// the figures.
func markersAndFigures(reports []*zongjie.Report) (markers, figures, targets []string) {
	for _, r := range reports {
		zongjie.Walk(r.Outline, func(s *zongjie.Section) {
			if s.Marker != "" {
				markers = append(markers, s.Marker)
			}
		})
		for _, q := range r.Quantities {
			figures = append(figures, q.Text)
		}
		for _, t := range r.Targets {
			targets = append(targets, t.Figure)
		}
	}
	return markers, figures, targets
}

// Ensure an Arabic heading marker before a number ("1.2025年工作总结",
// "3.2026年工作计划", "20.2026年10件民生实事", "2.3个项目…" among 1. and
// 3.) is a heading in the outline and a marker, not a decimal, for the
// figures and the targets; and that a decimal opening a sentence stays a
// figure in both.
func TestMarkerBeforeNumber(t *testing.T) {
	text := "云溪镇2025年工作总结及2026年工作计划\n" +
		"现将有关情况总结如下：\n" +
		"1.2025年工作总结\n" +
		"全镇完成固定资产投资12.6亿元。\n" +
		"2.存在的问题\n" +
		"产业结构单一。\n" +
		"3.2026年工作计划\n" +
		"（1）推进项目。2.5亿元用于道路改造。\n" +
		"（2）办好实事。新建养老服务站6个。\n" +
		"1.推进重点项目\n" +
		"2.3个重点项目全部开工\n" +
		"3.优化营商环境\n"
	f, err := reader.Read("t.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	reports := extract.File(f)
	markers, figures, targets := markersAndFigures(reports)
	if want := "1. 2. 3. （1） （2） 1. 2. 3."; strings.Join(markers, " ") != want {
		t.Errorf("markers %q, want %q", strings.Join(markers, " "), want)
	}
	if want := "12.6亿元 2.5亿元 6个 3个"; strings.Join(figures, " ") != want {
		t.Errorf("figures %q, want %q", strings.Join(figures, " "), want)
	}
	for _, fig := range targets {
		if strings.Contains(fig, "2026") {
			t.Errorf("target %q is a heading's marker and year", fig)
		}
	}
}

// Ensure a .docx whose automatic numbering makes "5.2026年工作计划" is one
// report: a paragraph that a heading opens is never the title of another.
func TestGeneratedMarkerIsNotATitle(t *testing.T) {
	lines := []string{"云溪镇2025年工作总结及2026年工作计划", "一、主要工作", "1.抓党建", "2.促发展", "3.惠民生", "4.存在问题", "5.2026年工作计划", "力争完成投资15亿元。"}
	text := strings.Join(lines, "\n")
	var paras []document.Paragraph
	off := 0
	for i, l := range lines {
		p := document.Paragraph{Span: document.Span{Start: off, End: off + len(l)}, Origin: i}
		if i >= 2 && i <= 6 {
			p.Generated = document.Span{Start: off, End: off + len("1.")}
		}
		paras = append(paras, p)
		off += len(l) + 1
	}
	reports := extract.File(document.New("t.docx", document.FormatDocx, "UTF-8", text, paras))
	if len(reports) != 1 {
		t.Fatalf("%d reports, want 1", len(reports))
	}
	markers, figures, _ := markersAndFigures(reports)
	if want := "一、 1. 2. 3. 4. 5."; strings.Join(markers, " ") != want {
		t.Errorf("markers %q, want %q", strings.Join(markers, " "), want)
	}
	if want := "15亿元"; strings.Join(figures, " ") != want {
		t.Errorf("figures %q, want %q", strings.Join(figures, " "), want)
	}
}

// docxWithNumbering builds a .docx whose paragraphs after the first are
// items of an automatic "%1." list, as Word writes one.
func docxWithNumbering(t *testing.T, title string, items []string, after string) []byte {
	t.Helper()
	const w = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	p := func(pPr, text string) string {
		return `<w:p>` + pPr + `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
	}
	var body strings.Builder
	body.WriteString(p("", title))
	for _, it := range items {
		body.WriteString(p(`<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>`, it))
	}
	body.WriteString(p("", after))
	files := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document ` + w + `><w:body>` + body.String() + `</w:body></w:document>`},
		{"word/numbering.xml", `<?xml version="1.0" encoding="UTF-8"?><w:numbering ` + w + `>` +
			`<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>` +
			`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		fw, err := zw.Create(f.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := fw.Write([]byte(f.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Ensure a real .docx whose automatic numbering runs into a year
// ("5.2026年工作计划": Word puts nothing after "5." the reader makes) is one
// report with every item a heading and no 5.2026 among its figures.
func TestDocxNumberingBeforeYear(t *testing.T) {
	data := docxWithNumbering(t, "云溪镇2025年工作总结及2026年工作计划",
		[]string{"2025年工作回顾", "抓党建", "促发展", "存在问题", "2026年工作计划"}, "力争完成投资15亿元。")
	f, err := reader.Read("t.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Slice(f.Paragraphs[5].Span); got != "5.2026年工作计划" {
		t.Fatalf("the reader made %q", got)
	}
	reports := extract.File(f)
	if len(reports) != 1 {
		t.Fatalf("%d reports, want 1", len(reports))
	}
	markers, figures, _ := markersAndFigures(reports)
	if want := "1. 2. 3. 4. 5."; strings.Join(markers, " ") != want {
		t.Errorf("markers %q, want %q", strings.Join(markers, " "), want)
	}
	if want := "15亿元"; strings.Join(figures, " ") != want {
		t.Errorf("figures %q, want %q", strings.Join(figures, " "), want)
	}
}
