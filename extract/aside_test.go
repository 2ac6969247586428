package extract_test

import (
	"strings"
	"testing"

	"zongjie"
	"zongjie/extract"
	"zongjie/reader"
)

// countyReport is a county 政府工作报告 of our own with reference marks in
// the text and a glossary at the end, as county reports are published.
const countyReport = `云岭县2024年政府工作报告
——2024年1月12日在云岭县第十八届人民代表大会第三次会议上
各位代表：
一、2023年工作回顾
过去一年，全县地区生产总值完成186.5亿元，增长6.2%。我们坚持“四个不摘”［7］，脱贫人口人均纯收入达到1.52万元（见第24页）。落实“六税两费”〔12〕减免政策，全面推行“一窗通办”[15]，办理时限压缩60%。
二、2024年工作安排
今年全县地区生产总值增长6.5%左右，城镇新增就业5000人以上。
（一）坚持项目为王。力争全年实施重点项目120个。
名词解释
［7］“四个不摘”：指摘帽不摘责任、不摘政策、不摘帮扶、不摘监管。
〔12〕“六税两费”：指资源税等6个税种和2项附加费，2023年为市场主体减负2.1亿元。
15.“一窗通办”：指企业和群众到1个窗口即可办理多个部门的事项，办理时限压缩60%。
本作品是中华人民共和国的法律、法规，属于公有领域。
`

// Ensure a report's glossary and appended licence are asides: one report,
// no heading, figure or target from them, and no reference mark of the
// body read as a figure.
func TestAsidesAreNotTheBody(t *testing.T) {
	f, err := reader.Read("t.txt", []byte(countyReport))
	if err != nil {
		t.Fatal(err)
	}
	reports := extract.File(f)
	if len(reports) != 1 {
		t.Fatalf("%d reports, want 1", len(reports))
	}
	r := reports[0]
	var kinds []string
	for _, a := range r.Asides {
		kinds = append(kinds, string(a.Kind)+"@"+f.Line(a.Line))
	}
	if want := "glossary@名词解释 boilerplate@本作品是中华人民共和国的法律、法规，属于公有领域。"; strings.Join(kinds, " ") != want {
		t.Errorf("asides %q, want %q", strings.Join(kinds, " "), want)
	}
	markers, figures, targets := markersAndFigures(reports)
	if want := "一、 二、 （一）"; strings.Join(markers, " ") != want {
		t.Errorf("markers %q, want %q", strings.Join(markers, " "), want)
	}
	if want := "186.5亿元 1.52万元 压缩60% 增长6.5%左右 5000人以上 120个"; strings.Join(figures, " ") != want {
		t.Errorf("figures %q, want %q", strings.Join(figures, " "), want)
	}
	if want := "增长6.5%左右 5000人以上 120个"; strings.Join(targets, " ") != want {
		t.Errorf("targets %q, want %q", strings.Join(targets, " "), want)
	}
	for _, q := range r.Quantities {
		if !r.InBody(q.Span.Start) {
			t.Errorf("figure %q outside the body", q.Text)
		}
	}
	var sections int
	zongjie.Walk(r.Outline, func(*zongjie.Section) { sections++ })
	if sections != 3 {
		t.Errorf("%d sections, want 3", sections)
	}
}

// Ensure an attachment's figures stay the report's (it is a document of
// the unit's own), while its numbered lines stay out of the outline.
func TestAttachmentFiguresStay(t *testing.T) {
	text := "云溪镇2025年工作总结\n一、主要工作\n全年完成投资12亿元。\n二、下步打算\n力争完成投资15亿元。\n附件：2026年民生实事\n1.新建学校5所\n2.改造道路12条\n"
	f, err := reader.Read("t.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	reports := extract.File(f)
	markers, figures, _ := markersAndFigures(reports)
	if want := "一、 二、"; strings.Join(markers, " ") != want {
		t.Errorf("markers %q, want %q", strings.Join(markers, " "), want)
	}
	if want := "12亿元 15亿元 5所 12条"; strings.Join(figures, " ") != want {
		t.Errorf("figures %q, want %q", strings.Join(figures, " "), want)
	}
	if len(reports[0].Asides) != 1 || reports[0].Asides[0].Kind != zongjie.AsideAttachment {
		t.Errorf("asides %+v, want one attachment", reports[0].Asides)
	}
}
