package reader

import (
	"os"
	"strings"
	"testing"

	"zongjie/document"
)

// Ensure a .docx written by a real word processor reads right: the file in
// testdata was made by LibreOffice from numbered.fodt (make testdata), with
// heading styles, a three-level automatically numbered Chinese list and a
// table.
func TestDocxFromLibreOffice(t *testing.T) {
	data, err := os.ReadFile("testdata/numbered.docx")
	if err != nil {
		t.Fatal(err)
	}
	f, err := Read("numbered.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, p := range f.Paragraphs {
		lines = append(lines, f.Slice(p.Span))
	}
	want := []string{
		"柳河乡2024年工作总结",
		"今年以来，全乡上下凝心聚力，各项工作稳步推进。",
		"一、主要成效",
		"（一）农业生产稳中有进。全乡粮食总产量1.2万吨，同比增长3.5%。",
		"（二）乡村建设扎实推进。完成农村道路硬化18公里。",
		"1.新建桥梁2座。",
		"二、2025年工作计划",
		"（一）力争全年新增市场主体120户以上。",
		"指标\t完成值\t同比",
		"财政收入\t3860万元\t6.2%",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Fatalf("paragraphs:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	if !f.Paragraphs[0].Title {
		t.Error("the Title style is not marked")
	}
	if f.Paragraphs[2].HeadingLevel != 1 {
		t.Errorf("heading level %d, want 1", f.Paragraphs[2].HeadingLevel)
	}
	// The numbering markers are generated, not in the document.
	for i, marker := range map[int]string{2: "一、", 3: "（一）", 5: "1.", 7: "（一）"} {
		p := f.Paragraphs[i]
		if f.Slice(p.Generated) != marker {
			t.Errorf("paragraph %d: generated %q, want %q", i, f.Slice(p.Generated), marker)
		}
	}
	row := f.Paragraphs[9]
	if row.Kind != document.TableRow || len(row.Cells) != 3 || f.Slice(row.Cells[1]) != "3860万元" {
		t.Errorf("table row %+v", row)
	}
}
