package gongwen

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"zongjie"
	"zongjie/document"
	"zongjie/examples"
	"zongjie/extract"
	"zongjie/reader"
)

// fromText reads a file and returns the Doc of its first report.
func fromText(t *testing.T, name, text string) *Doc {
	t.Helper()
	f, err := reader.Read(name, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	reports := extract.File(f)
	if len(reports) == 0 {
		t.Fatal("no report")
	}
	return FromReport(f, reports[0])
}

// blocks renders blocks as "level|head|text" lines.
func blocks(bs []Block) string {
	var lines []string
	for _, b := range bs {
		head := ""
		if b.Head > 0 {
			head = b.Text[:b.Head]
		}
		lines = append(lines, fmt.Sprintf("%d|%s|%s", b.Level, head, b.Text))
	}
	return strings.Join(lines, "\n")
}

func TestFromReportText(t *testing.T) {
	d := fromText(t, "r.txt", `青禾街道2024年工作总结
（2024年12月20日）
今年以来，街道坚持以习近平新时代中国特色社会主义思想为指导。现将有关情况报告如下：

一、2024年工作回顾
（一）坚持党建引领。全年发展党员12名，一是强化学习；二是严肃纪律。
1.夯实基层基础
（1）网格治理：划分网格36个。
①专职网格员。配备45名。
zongjie:ignore TY001 引用原文
二、存在问题
一是产业基础薄弱；二是公共服务短板明显。
`)
	if d.Title != "青禾街道2024年工作总结" || d.Subtitle != "（2024年12月20日）" {
		t.Errorf("title %q, subtitle %q", d.Title, d.Subtitle)
	}
	want := strings.Join([]string{
		"0||今年以来，街道坚持以习近平新时代中国特色社会主义思想为指导。现将有关情况报告如下：",
		"1||一、2024年工作回顾",
		"2|（一）坚持党建引领。|（一）坚持党建引领。全年发展党员12名，一是强化学习；二是严肃纪律。",
		"3||1.夯实基层基础",
		"4|（1）网格治理：|（1）网格治理：划分网格36个。",
		"0||①专职网格员。配备45名。",
		"1||二、存在问题",
		"0||一是产业基础薄弱；二是公共服务短板明显。",
	}, "\n")
	if got := blocks(d.Blocks); got != want {
		t.Errorf("blocks:\n%s\nwant\n%s", got, want)
	}
}

// Ensure Markdown markup is left out, heading styles give levels, table
// rows become paragraphs of their cells, and a report without a title line
// gets no title.
func TestFromReportMarkdown(t *testing.T) {
	d := fromText(t, "r.md", "# 柳河乡2024年工作总结\n\n今年以来，全乡**粮食总产量**达到1.8万吨。\n\n## 一、主要成效\n\n| 指标 | 完成值 |\n| --- | --- |\n| 粮食总产量 | 1.8万吨 |\n\n### 重点工作\n\n继续推进。\n")
	if d.Title != "柳河乡2024年工作总结" {
		t.Errorf("title %q", d.Title)
	}
	want := strings.Join([]string{
		"0||今年以来，全乡粮食总产量达到1.8万吨。",
		"1||一、主要成效",
		"0||指标　完成值",
		"0||粮食总产量　1.8万吨",
		"3||重点工作",
		"0||继续推进。",
	}, "\n")
	if got := blocks(d.Blocks); got != want {
		t.Errorf("blocks:\n%s\nwant\n%s", got, want)
	}

	d = fromText(t, "r.txt", "2024年政府工作报告\n各位代表：\n现在，我代表区人民政府作报告。\n")
	if len(d.Blocks) != 2 || !d.Blocks[0].Flush || d.Blocks[1].Flush {
		t.Errorf("the salutation is not flush left alone: %+v", d.Blocks)
	}
	d = fromText(t, "r.txt", "2024年工作总结\n现将我镇2024年工作总结报告如下：\n一、工作回顾\n")
	if len(d.Blocks) == 0 || d.Blocks[0].Flush {
		t.Errorf("an introduction is taken for a salutation: %+v", d.Blocks)
	}

	d = fromText(t, "r.txt", "一、2024年工作回顾\n石桥镇全年完成粮食播种面积6.85万亩。\n")
	if d.Title != "" || d.Subtitle != "" || len(d.Blocks) != 2 || d.Blocks[0].Level != 1 {
		t.Errorf("no title line: title %q, blocks %s", d.Title, blocks(d.Blocks))
	}
}

// Ensure the document's title is the report's own title line as written —
// spaced, set on two lines, in 《》 — and never a title inferred from the
// metadata (class: anything inferred is metadata, not the user's text).
func TestFromReportTitle(t *testing.T) {
	tests := []struct {
		name, text  string
		title       string // of the Doc
		first       string // the first block
		inferred    bool   // the report's title is inferred
		reportTitle string // the report's title (metadata)
	}{
		{"spaced title", "政 府 工 作 报 告\n——2015年1月9日在桐溪区第五届人民代表大会第四次会议上\n各位代表：\n现在，我代表区人民政府，向大会报告工作。\n一、2014年工作回顾\n全区生产总值增长7%。\n",
			"政 府 工 作 报 告", "各位代表：", false, "政府工作报告"},
		{"spaced title, full-width spaces", "青禾街道　工作总结\n今年以来，全街道完成投资1亿元。\n一、2024年工作总结\n",
			"青禾街道　工作总结", "今年以来，全街道完成投资1亿元。", false, "青禾街道工作总结"},
		{"title on two lines", "柏溪市岚山区\n2020年政府工作报告\n各位代表：\n一、2019年工作回顾\n全区生产总值增长6%。\n",
			"柏溪市岚山区\n2020年政府工作报告", "各位代表：", false, "柏溪市岚山区2020年政府工作报告"},
		{"title continued on a second line", "石桥镇2024年工作总结\n及2025年工作计划\n一、2024年工作总结\n完成投资1亿元。\n",
			"石桥镇2024年工作总结\n及2025年工作计划", "一、2024年工作总结", false, "石桥镇2024年工作总结及2025年工作计划"},
		{"title in 《》", "《柳河乡2024年工作总结》\n一、2024年工作总结\n完成投资1亿元。\n",
			"《柳河乡2024年工作总结》", "一、2024年工作总结", false, "柳河乡2024年工作总结"},
		{"no title line: no title", "各位代表：\n现在，我代表县人民政府，向大会报告工作。\n一、2014年工作回顾\n全县生产总值增长7%。\n",
			"", "各位代表：", true, "2015年政府工作报告"},
		{"near miss: a body line under a title is not its second line", "石桥镇2024年工作总结\n和去年相比，全镇完成投资1亿元。\n一、2024年工作总结\n",
			"石桥镇2024年工作总结", "和去年相比，全镇完成投资1亿元。", false, "石桥镇2024年工作总结"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := reader.Read("r.txt", []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			r := extract.File(f)[0]
			d := FromReport(f, r)
			if d.Title != tt.title {
				t.Errorf("doc title %q, want %q", d.Title, tt.title)
			}
			if len(d.Blocks) == 0 || d.Blocks[0].Text != tt.first {
				t.Errorf("first block %s, want %q", blocks(d.Blocks[:min(1, len(d.Blocks))]), tt.first)
			}
			if r.TitleInferred != tt.inferred || r.Title != tt.reportTitle {
				t.Errorf("report title %q inferred %v, want %q %v", r.Title, r.TitleInferred, tt.reportTitle, tt.inferred)
			}
			for _, b := range d.Blocks {
				if r.TitleInferred && strings.Contains(b.Text, r.Title) {
					t.Errorf("the inferred title %q was written into the document", r.Title)
				}
			}
		})
	}
}

// Ensure an exported example reads back, with the project's own reader,
// as the same paragraphs and the same outline: the export keeps the text
// and the heading structure.
func TestRoundTrip(t *testing.T) {
	for _, ex := range examples.All() {
		t.Run(ex.Name, func(t *testing.T) {
			f, err := reader.Read(ex.Name, ex.Data)
			if err != nil {
				t.Fatal(err)
			}
			r := extract.File(f)[0]
			d := FromReport(f, r)
			var buf bytes.Buffer
			if err := WriteDOCX(&buf, d); err != nil {
				t.Fatal(err)
			}
			g, err := reader.Read("out.docx", buf.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range g.Paragraphs {
				got = append(got, g.Slice(p.Span))
			}
			want := []string{d.Title}
			if d.Subtitle != "" {
				want = append(want, d.Subtitle)
			}
			for _, b := range d.Blocks {
				if len(b.Cells) > 0 {
					// A table row is written as a row of a Word table and
					// reads back as its cells, tab-separated.
					want = append(want, strings.Join(b.Cells, "\t"))
					continue
				}
				want = append(want, b.Text)
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Fatalf("paragraphs read back differ:\n%q\nwant\n%q", got, want)
			}
			back := extract.File(g)
			if len(back) != 1 {
				t.Fatalf("%d reports read back", len(back))
			}
			if a, b := outlineText(r.Outline), outlineText(back[0].Outline); a != b {
				t.Errorf("outline read back:\n%s\nwant\n%s", b, a)
			}
			if back[0].Title != r.Title {
				t.Errorf("title read back %q, want %q", back[0].Title, r.Title)
			}
		})
	}
}

// outlineText lists the numbered headings of an outline.
func outlineText(ss []*zongjie.Section) string {
	var b strings.Builder
	zongjie.Walk(ss, func(s *zongjie.Section) {
		if s.Marker != "" {
			fmt.Fprintf(&b, "%d %s%s\n", s.Level, s.Marker, s.Title)
		}
	})
	return b.String()
}

// Ensure table rows are written as one Word table, read back as table
// rows with their cells, and the paragraphs around it stay paragraphs.
func TestTableBlocks(t *testing.T) {
	d := &Doc{Title: "石桥镇2027年工作计划", Blocks: []Block{
		{Text: "主要目标如下表："},
		{Text: "指标　2027年目标", Cells: []string{"指标", "2027年目标"}},
		{Text: "固定资产投资　19.6亿元", Cells: []string{"固定资产投资", "19.6亿元"}},
		{Text: "二、重点工作", Level: 1},
	}}
	var buf bytes.Buffer
	if err := WriteDOCX(&buf, d); err != nil {
		t.Fatal(err)
	}
	g, err := reader.Read("t.docx", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range g.Paragraphs {
		got = append(got, fmt.Sprintf("%v %d %s", p.Kind == document.TableRow, len(p.Cells), g.Slice(p.Span)))
	}
	want := []string{"false 0 石桥镇2027年工作计划", "false 0 主要目标如下表：", "true 2 指标\t2027年目标", "true 2 固定资产投资\t19.6亿元", "false 0 二、重点工作"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("read back:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
