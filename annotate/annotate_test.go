package annotate

import (
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"zongjie/check"
	"zongjie/document"
	"zongjie/reader"
)

// readDocx reads a .docx with the reader.
func readDocx(tb testing.TB, name string, data []byte) *document.File {
	tb.Helper()
	f, err := reader.Read(name, data)
	if err != nil {
		tb.Fatal(err)
	}
	return f
}

// Ensure comments land on the right text of a .docx written by
// LibreOffice: runs, numbering markers, a table; the comments part is
// created.
func TestNumbered(t *testing.T) {
	src := mustRead(t, "../reader/testdata/numbered.docx")
	f := readDocx(t, "numbered.docx", src)
	annotateAndVerify(t, "numbered.docx", src, f, numberedCases(t, f))
}

// numberedCases returns the diagnostics of the tests on numbered.docx.
func numberedCases(t *testing.T, f *document.File) []tcase {
	marker := f.Paragraphs[2].Generated // "一、"
	return []tcase{
		{d: diag(f, find(t, f, "柳河乡2024", 0), "TY001", "地名与年份之间缺少空格？"), want: "柳河乡2024"},
		{d: diag(f, find(t, f, "2024年工作", 0), "YR001", "年份", check.Fix{Replacement: "2025年工作"}), want: "2024年工作"},
		{d: diag(f, find(t, f, "凝心聚力", 0), "CN002", "提法", check.Fix{Replacement: ""}), want: "凝心聚力"},
		{d: diag(f, marker, "NU001", "编号应为“二、”"), want: "", out: outApprox},
		{d: diag(f, document.Span{Start: marker.Start + 3, End: marker.End + 6}, "NU002", "标记与标题"), want: "主要"},
		{d: diag(f, find(t, f, "（一）农业", 0), "NU003", "从标记开始"), want: "农业"},
		{d: diag(f, find(t, f, "1.2万吨", 0), "QT001", "数量"), want: "1.2万吨"},
		{d: diag(f, find(t, f, "3.5%。", 0), "PU001", "句末"), want: "3.5%。"},
		{d: diag(f, find(t, f, "稳步推进。", 0), "RP001", "跨段", check.Fix{Replacement: "稳步推进。"}), want: "稳步推进。"},
		// The range ends with the paragraph: nothing of the next one.
		{d: diag(f, find(t, f, "推进。\n", 0), "RP002", "跨段落"), want: "推进。"},
		{d: diag(f, find(t, f, "完成值", 0), "TB001", "表头"), want: "完成值"},
		{d: diag(f, find(t, f, "收入\t3860", 0), "TB002", "跨单元格"), want: "收入\t3860"},
		{d: diag(f, find(t, f, "6.2%", 0), "TB003", "最后一格"), want: "6.2%"},
		{d: diag(f, find(t, f, "市场主体120户", 0), "QT002", "数字"), want: "市场主体120户"},
	}
}

// Ensure comments land on the right text across every construct the
// reader has a rule for, in a document that already has a comment.
func TestSynthetic(t *testing.T) {
	src := zipParts(t, syntheticParts(), "word/styles.xml")
	f := readDocx(t, "synthetic.docx", src)
	annotateAndVerify(t, "synthetic.docx", src, f, syntheticCases(t, f))
}

// syntheticCases returns the diagnostics of the tests on the synthetic
// document.
func syntheticCases(t *testing.T, f *document.File) []tcase {
	on := func(sub string, n int) document.Span { return find(t, f, sub, n) }
	gen := f.Paragraphs[10].Generated // "一、"
	return []tcase{
		{d: diag(f, on("县人民政", 0), "TY001", "跨两个格式不同的文字块"), want: "县人民政"},
		{d: diag(f, on("某某", 0), "PH001", "占位符", check.Fix{Replacement: "柳河"}), want: "某某"},
		{d: diag(f, on("报告", 0), "TY002", "段末"), want: "报告"},
		{d: diag(f, on("收入", 0), "TY003", "跨文字块"), want: "收入"},
		{d: diag(f, on("9.01", 0), "QT001", "数字在文字块中间"), want: "9.01"},
		{d: diag(f, on("长 33", 0), "PU001", "保留空格与去除空格的文字块"), want: "长 33"},
		{d: diag(f, on("3.0%&", 0), "PU002", "转义字符 & <tag>"), want: "3.0%&"},
		{d: diag(f, on("乙方", 0), "TY004", "前有空格"), want: "乙方"},
		{d: diag(f, on("方 丙", 0), "TY005", "中间有空格"), want: "方 丙"},
		{d: diag(f, on("目\t金", 0), "PU003", "制表符"), want: "目\t金"},
		{d: diag(f, on("\t", 0), "PU004", "只有制表符"), want: "\t"},
		{d: diag(f, on("第3页", 0), "FD001", "域结果"), want: "第3页", field: true},
		{d: diag(f, on("3", 1), "FD002", "只有域结果"), want: "3", field: true},
		{d: diag(f, on("留插", 0), "TC001", "跨删除的文字"), want: "留插"},
		{d: diag(f, on("入移", 0), "TC002", "插入与正文"), want: "入移"},
		{d: diag(f, on("见显", 0), "HD001", "跨隐藏文字"), want: "见显"},
		{d: diag(f, on("批注的", 0), "CM001", "与已有批注重叠"), want: "批注的"},
		{d: diag(f, on("已有批注的文字", 0), "CM002", "与已有批注相同"), want: "已有批注的文字"},
		{d: diag(f, on("行内", 0), "BR001", "换行后的一段"), want: "行内"},
		{d: diag(f, on("一行\n第二", 0), "BR002", "跨换行"), want: "一行\n第二"},
		{d: diag(f, gen, "NU001", "编号"), want: "", out: outApprox},
		{d: diag(f, document.Span{Start: gen.Start, End: gen.End + 6}, "NU002", "编号与标题"), want: "总体"},
		{d: diag(f, on("收入\t3860", 0), "TB001", "跨单元格"), want: "收入\t3860"},
		{d: diag(f, on("3860 万", 0), "TB002", "同一单元格的两段"), want: "3860 万"},
		{d: diag(f, on("完成值\t同比", 0), "TB003", "表头"), want: "完成值\t同比"},
		{d: diag(f, on("文本框内容", 0), "TX001", "文本框"), want: "", out: outApprox},
		{d: diag(f, on("前文后文", 0), "TX002", "文本框前后"), want: "前文后文"},
		{d: diag(f, on("接文", 0), "HL001", "超链接"), want: "接文"},
		{d: diag(f, on("脚注", 0), "FN001", "脚注"), out: outSkipped},
		{d: diag(f, on("移入\n可见", 0), "XP001", "跨段落"), want: "移入\n可见"},
	}
}

// Ensure a document that writes the WordprocessingML namespace with
// another prefix gets markers with that prefix.
func TestOtherPrefix(t *testing.T) {
	parts := syntheticParts()
	const body = `<x:p><x:r><x:rPr><x:b/></x:rPr><x:t>前缀不同的文档</x:t></x:r></x:p>`
	doc := header + `<x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:body>` + body + `</x:body></x:document>`
	src := zipParts(t, replaced(parts, "word/document.xml", doc))
	f := readDocx(t, "prefix.docx", src)
	ds := []check.Diagnostic{diag(f, find(t, f, "不同", 0), "TY001", "前缀")}
	out, res, err := Annotator{Date: testDate}.Docx(src, f, ds)
	if err != nil || res.Exact != 1 {
		t.Fatalf("result %+v, error %v", res, err)
	}
	got := entry(unzip(t, out), "word/document.xml")
	for _, want := range []string{`<x:commentRangeStart x:id="1"/>`, `<x:commentRangeEnd x:id="1"/>`, `<x:r><x:commentReference x:id="1"/></x:r>`} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s in\n%s", want, got)
		}
	}
	if g := readDocx(t, "prefix.docx", out); g.Text != f.Text {
		t.Errorf("text %q, want %q", g.Text, f.Text)
	}
}

// Ensure Docx never panics and keeps the text whatever the spans: out of
// range, reversed, empty, inside a character, overlapping, covering
// everything, and many random ones.
func TestBadSpans(t *testing.T) {
	for name, src := range map[string][]byte{
		"synthetic.docx": zipParts(t, syntheticParts()),
		"numbered.docx":  mustRead(t, "../reader/testdata/numbered.docx"),
	} {
		f := readDocx(t, name, src)
		n := len(f.Text)
		spans := []document.Span{
			{Start: -5, End: 3}, {Start: 3, End: -1}, {Start: n + 10, End: n + 20}, {Start: 5, End: 2},
			{Start: 0, End: 0}, {Start: n, End: n}, {Start: 1, End: 2}, {Start: 0, End: n}, {Start: -1, End: n + 1},
			{Start: 4, End: 40}, {Start: 4, End: 40}, {Start: 20, End: 60},
		}
		rng := rand.New(rand.NewPCG(1, 2))
		for range 300 {
			a, b := rng.IntN(n+4)-2, rng.IntN(n+4)-2
			if rng.IntN(4) > 0 && a > b {
				a, b = b, a
			}
			spans = append(spans, document.Span{Start: a, End: b})
		}
		for _, p := range f.Paragraphs {
			spans = append(spans, p.Span, p.Generated, document.Span{Start: p.Span.End, End: p.Span.End + 1})
		}
		ds := make([]check.Diagnostic, len(spans))
		for i, s := range spans {
			ds[i] = check.Diagnostic{Rule: "XX001", Message: "<&>\"'\x01\n\t", Span: s, Fixes: []check.Fix{{Replacement: "]]>"}}}
		}
		out, res, err := Annotator{Date: testDate}.Docx(src, f, ds)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if res.Placed()+len(res.Skipped) != len(ds) {
			t.Errorf("%s: %+v does not account for %d diagnostics", name, res, len(ds))
		}
		if g := readDocx(t, name, out); g.Text != f.Text {
			t.Errorf("%s: text changed", name)
		}
		parts := unzip(t, out)
		for _, p := range parts {
			if strings.HasSuffix(p.name, ".xml") || strings.HasSuffix(p.name, ".rels") {
				if err := wellFormed(p.body); err != nil {
					t.Errorf("%s: %s: %v", name, p.name, err)
				}
			}
		}
		doc := entry(parts, "word/document.xml")
		if got := strings.Count(doc, "<w:commentRangeStart ") - strings.Count(entry(unzip(t, src), "word/document.xml"), "<w:commentRangeStart "); got != res.Placed() {
			t.Errorf("%s: %d ranges, want %d", name, got, res.Placed())
		}
		checkInsertOnly(t, entry(unzip(t, src), "word/document.xml"), doc)
	}
}

// Ensure nothing changes without diagnostics to place, and that a file
// that is not the one read, or not a .docx, is an error, not a panic.
func TestNothingToPlace(t *testing.T) {
	src := zipParts(t, syntheticParts())
	f := readDocx(t, "synthetic.docx", src)
	out, res, err := Docx(src, f, nil, "zongjie")
	if err != nil || string(out) != string(src) || res.Placed() != 0 {
		t.Errorf("no diagnostics: changed copy, %+v, %v", res, err)
	}
	foot := []check.Diagnostic{diag(f, find(t, f, "脚注", 0), "FN001", "脚注")}
	out, res, err = Docx(src, f, foot, "zongjie")
	if err != nil || string(out) != string(src) || len(res.Skipped) != 1 {
		t.Errorf("only a footnote: changed copy, %+v, %v", res, err)
	}
	ds := []check.Diagnostic{{Rule: "XX001", Span: document.Span{Start: 0, End: 3}}}
	for name, bad := range map[string][]byte{"empty": nil, "text": []byte("not a zip"), "truncated": src[:len(src)/2]} {
		if _, _, err := Docx(bad, f, ds, "zongjie"); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	txt := readDocx(t, "a.txt", []byte("纯文本"))
	if _, _, err := Docx(src, txt, ds, "zongjie"); err == nil {
		t.Error("a .txt File: no error")
	}
	// The File of another document: its spans are not places of this
	// one, so nothing is written.
	other := readDocx(t, "numbered.docx", mustRead(t, "../reader/testdata/numbered.docx"))
	ds = []check.Diagnostic{diag(other, find(t, other, "凝心聚力", 0), "XX001", "别的文件")}
	if _, _, err := Docx(src, other, ds, "zongjie"); err == nil {
		t.Error("another File: no error")
	}
}

// mustRead reads a file of the test data.
func mustRead(tb testing.TB, name string) []byte {
	tb.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// Ensure random spans that start and end on a visible character of the
// body or a table row get a range holding exactly their text.
func TestRandomSpans(t *testing.T) {
	for name, src := range map[string][]byte{
		"synthetic.docx": zipParts(t, syntheticParts()),
		"numbered.docx":  mustRead(t, "../reader/testdata/numbered.docx"),
	} {
		f := readDocx(t, name, src)
		// Character starts that can begin or end a range: not blank, not
		// generated, in a paragraph of the body or a table row.
		var ok []int
		for _, p := range f.Paragraphs {
			if p.Kind != document.Body && p.Kind != document.TableRow || p.Origin < 0 {
				continue
			}
			for i, r := range f.Slice(p.Span) {
				if off := p.Span.Start + i; !blank(r) && !p.Generated.Contains(off) {
					ok = append(ok, off)
				}
			}
		}
		rng := rand.New(rand.NewPCG(3, 4))
		var cases []tcase
		for range 120 {
			a, b := ok[rng.IntN(len(ok))], ok[rng.IntN(len(ok))]
			if a > b {
				a, b = b, a
			}
			_, size := utf8.DecodeRuneInString(f.Text[b:])
			s := document.Span{Start: a, End: b + size}
			cases = append(cases, tcase{d: diag(f, s, "RS"+strconv.Itoa(len(cases)), "随机"), want: f.Slice(s)})
		}
		annotateAndVerify(t, name, src, f, cases)
	}
}

// blank reports whether r is white space or an invisible character that
// only pads a line, as the reader trims them.
func blank(r rune) bool {
	switch r {
	case ' ', '\t', '\r', '\n', '\f', '\v', 0x00A0, 0x3000, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF:
		return true
	}
	return false
}
