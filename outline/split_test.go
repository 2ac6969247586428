package outline_test

import (
	"strings"
	"testing"

	"zongjie"
	"zongjie/outline"
	"zongjie/reader"
)

// parts reads text and returns its parts and the file's text.
func parts(t *testing.T, text string) ([]outline.Part, string) {
	t.Helper()
	f, err := reader.Read("t.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return outline.Split(f, outline.Headings(f)), f.Text
}

// Ensure a file is split only where a real second report begins — a title
// naming a report or a unit, then a new opening (an addressee, a date or
// subtitle line, headings numbered from 一 again) — and that part headings
// named like reports, and the line opening a glossary, begin none.
func TestSplitWhereAReportBegins(t *testing.T) {
	const review = "一、2022年工作回顾\n全县地区生产总值增长5%。\n二、主要经验\n坚持稳中求进。\n"
	tests := []struct {
		name, in string
		titles   []string // the title of each part
	}{
		{"two government work reports", "云岭县2022年政府工作报告\n各位代表：\n" + review +
			"云岭县2023年政府工作报告\n——2023年1月10日在云岭县第十八届人民代表大会第二次会议上\n各位代表：\n一、2022年工作回顾\n",
			[]string{"云岭县2022年政府工作报告", "云岭县2023年政府工作报告"}},
		{"two summaries, numbering from 一 again", "甲街道2023年工作总结\n" + review + "乙镇2023年工作总结\n今年以来，全镇上下真抓实干。\n一、主要工作\n二、存在问题\n",
			[]string{"甲街道2023年工作总结", "乙镇2023年工作总结"}},
		{"a summary without a unit, numbering from 一 again", "2023年工作总结及2024年工作计划（镇）\n" + review + "2023年工作总结及2024年工作思路（街道）\n一、2023年工作总结\n",
			[]string{"2023年工作总结及2024年工作计划（镇）", "2023年工作总结及2024年工作思路（街道）"}},
		{"part heading: a year's plan", "云岭县2023年政府工作报告\n各位代表：\n" + review + "2023年工作安排\n一、总体要求\n二、重点任务\n",
			[]string{"云岭县2023年政府工作报告"}},
		{"part heading: five years' tasks", "云岭县2023年政府工作报告\n各位代表：\n" + review + "今后五年工作思路和目标任务\n各位代表！\n一、总体思路\n",
			[]string{"云岭县2023年政府工作报告"}},
		{"a glossary's heading", "云岭县2023年政府工作报告\n各位代表：\n" + review + "《政府工作报告》名词解释\n［1］“四个不摘”：指摘帽不摘责任。\n",
			[]string{"云岭县2023年政府工作报告"}},
		{"near miss: a title repeated at the end", "云岭县2023年政府工作报告\n各位代表：\n" + review + "云岭县2023年政府工作报告\n",
			[]string{"云岭县2023年政府工作报告"}},
		{"near miss: a unit's summary whose numbering goes on", "甲街道2023年工作总结\n" + review + "乙镇2023年工作总结\n三、存在问题\n",
			[]string{"甲街道2023年工作总结"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps, text := parts(t, tt.in)
			var titles []string
			for _, p := range ps {
				titles = append(titles, text[p.Title.Start:p.Title.End])
			}
			if strings.Join(titles, "|") != strings.Join(tt.titles, "|") {
				t.Errorf("titles %q, want %q", titles, tt.titles)
			}
		})
	}
}

// Ensure an unnumbered line named like a part of a report, which begins no
// report, is a heading of the report.
func TestPartHeadings(t *testing.T) {
	in := "云岭县2023年政府工作报告\n各位代表：\n一、2022年工作回顾\n全县地区生产总值增长5%。\n2023年工作安排\n一、总体要求\n二、重点任务\n"
	if got, want := render(t, in), "一、|2022年工作回顾|review\n|2023年工作安排|plan\n.一、|总体要求|plan\n.二、|重点任务|plan\n"; got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// Ensure the parts of a report that are not its body are found with their
// kinds and extent, and their numbered entries are not headings.
func TestAsides(t *testing.T) {
	const body = "一、2022年工作回顾\n坚持“四个不摘”［1］，全县地区生产总值增长5%。\n二、2023年工作安排\n力争增长6%。\n"
	tests := []struct {
		name, in string
		asides   []string // kind:first line of each aside
		markers  string   // the markers of the outline
	}{
		{"a glossary with its heading", body + "《政府工作报告》名词解释\n［1］“四个不摘”：指摘帽不摘责任。\n〔2〕“六税两费”：指六个税种和两项附加费。\n12.“一窗通办”：指一个窗口办理多个事项。\n",
			[]string{"glossary:《政府工作报告》名词解释"}, "一、 二、"},
		{"a glossary after 附:", body + "附:名词解释\n［1］“四个不摘”：指摘帽不摘责任。\n",
			[]string{"glossary:附:名词解释"}, "一、 二、"},
		{"a glossary without a heading", body + "［1］“四个不摘”：指摘帽不摘责任。\n［2］六税两费：指六个税种和两项附加费。\n",
			[]string{"glossary:［1］“四个不摘”：指摘帽不摘责任。"}, "一、 二、"},
		{"notes and an attachment", body + "注释：\n1.地区生产总值为初步核算数。\n附件1：2023年重点项目表\n1.云岭大道改造\n2.城东污水厂\n",
			[]string{"glossary:注释：", "attachment:附件1：2023年重点项目表"}, "一、 二、"},
		{"a note paragraph", body + "注：地区生产总值为初步核算数。\n三、保障措施\n",
			[]string{"notes:注：地区生产总值为初步核算数。"}, "一、 二、 三、"},
		{"a licence appended", body + "本作品是中华人民共和国的\n法律\n公有领域\nPublic domain\n",
			[]string{"boilerplate:本作品是中华人民共和国的"}, "一、 二、"},
		{"notes after a table, then the body resumes", "一、2022年工作回顾\n全县地区生产总值增长5%。\n说明\n1.数据为快报数。\n2.增速按可比价计算。\n二、2023年工作安排\n力争增长6%。\n",
			[]string{"notes:说明"}, "一、 二、"},
		{"near miss: glossary entries numbered on from the body", "1.工作回顾\n增长5%。\n2.工作安排\n力争增长6%。\n名词解释\n3.“四个不摘”：指摘帽不摘责任。\n",
			[]string{"glossary:名词解释"}, "1. 2."},
		{"near miss: an attachment's label above the title", "附件1\n云岭县2023年工作要点\n" + body,
			nil, "一、 二、"},
		{"near miss: the words inside a sentence", body + "三、加强名词解释和注释工作\n做好附件归档，落实注释要求。\n［1］是一个标记。\n",
			nil, "一、 二、 三、 ［1］"},
		{"near miss: one bracketed entry", body + "［1］“四个不摘”：指摘帽不摘责任。\n",
			nil, "一、 二、 ［1］"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps, text := parts(t, tt.in)
			if len(ps) != 1 {
				t.Fatalf("%d parts, want 1", len(ps))
			}
			var got []string
			for _, a := range ps[0].Asides {
				first := text[a.Span.Start:]
				if i := strings.IndexByte(first, '\n'); i >= 0 {
					first = first[:i]
				}
				got = append(got, string(a.Kind)+":"+first)
				if a.Span.End != len(text) && a.Kind != zongjie.AsideNotes && a.Kind != zongjie.AsideGlossary {
					t.Errorf("aside %q ends at %d, not at the end %d", first, a.Span.End, len(text))
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.asides, "|") {
				t.Errorf("asides %q, want %q", got, tt.asides)
			}
			var markers []string
			for _, h := range ps[0].Headings {
				if h.Rank < 6 {
					markers = append(markers, h.Marker)
				}
			}
			if strings.Join(markers, " ") != tt.markers {
				t.Errorf("markers %q, want %q", strings.Join(markers, " "), tt.markers)
			}
		})
	}
}

// Ensure reference marks in the body of a report with notes are found: a
// bracketed number after a term, a page reference; and that a bracketed
// number opening a paragraph or a document number is not one, nor any mark
// in a report without a glossary or notes to point to.
func TestRefs(t *testing.T) {
	const notes = "名词解释\n［1］“四个不摘”：指摘帽不摘责任。\n"
	for _, tt := range []struct {
		in   string
		want []string
	}{
		{"一、工作\n坚持“四个不摘”［12］，落实“六税两费”〔3〕政策，推行“一窗通办”[4]。\n二、计划\n推进。\n" + notes, []string{"［12］", "〔3〕", "[4]"}},
		{"一、工作\n脱贫人口收入1.5万元（见第24页），详情(详见附件2)。\n二、计划\n推进。\n" + notes, []string{"（见第24页）", "(详见附件2)"}},
		{"一、工作\n［1］开头的段落。依据〔2024〕12号文件和【重要】提示，占比（2023年）提高（见上）。\n二、计划\n推进。\n" + notes, nil},
		{"一、工作\n坚持“四个不摘”［12］，落实“六税两费”〔3〕政策。\n二、计划\n推进。\n", nil},
	} {
		ps, text := parts(t, tt.in)
		var got []string
		for _, r := range ps[0].Refs {
			got = append(got, text[r.Start:r.End])
		}
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("%q: refs %q, want %q", tt.in, got, tt.want)
		}
	}
}
