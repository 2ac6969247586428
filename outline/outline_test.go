package outline_test

import (
	"fmt"
	"strings"
	"testing"

	"zongjie"
	"zongjie/document"
	"zongjie/outline"
	"zongjie/reader"
)

// render reads text, builds the outline of its first report and renders it
// one section per line: depth, marker, title, kind.
func render(t *testing.T, text string) string {
	t.Helper()
	f, err := reader.Read("t.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	parts := outline.Split(f, outline.Headings(f))
	roots := outline.Tree(f, parts[0].Headings, parts[0].Span.End)
	outline.Classify(roots, outline.Context{Text: f.Text, ReviewYear: 2024, Summary: true})
	var b strings.Builder
	zongjie.Walk(roots, func(s *zongjie.Section) {
		fmt.Fprintf(&b, "%s%s|%s|%s\n", strings.Repeat(".", s.Level-1), s.Marker, s.Title, s.Kind)
	})
	return b.String()
}

func TestMarkers(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"four levels",
			"一、总体情况\n（一）经济运行\n1.工业生产\n（1）规上工业\n①重点企业\n二、存在问题\n",
			"一、|总体情况|review\n.（一）|经济运行|review\n..1.|工业生产|review\n...（1）|规上工业|review\n....①|重点企业|review\n二、|存在问题|problems\n"},
		{"variants", "一．总体\n(一)半角括号\n〔二〕六角括号\n1、顿号\n2．全角点\n(3)半角\n⑷带括号字符\n㈢带括号汉字\n",
			"一．|总体|review\n.(一)|半角括号|review\n.〔二〕|六角括号|review\n..1、|顿号|review\n..2．|全角点|review\n...(3)|半角|review\n...⑷|带括号字符|review\n.㈢|带括号汉字|review\n"},
		{"run-in heading and enumerations",
			"（一）坚持党建引领，建强组织。一是抓学习。二是抓队伍；三是抓作风。\n",
			"（一）|坚持党建引领，建强组织|review\n.一是|抓学习|review\n.二是|抓队伍|review\n.三是|抓作风|review\n"},
		{"eleven and twelve", "一、工作\n十一是甲项。十二是乙项。\n", "一、|工作|review\n.十一是|甲项|review\n.十二是|乙项|review\n"},
		{"other enumeration sets", "一、任务\n第一，稳增长。第二，调结构。首先，要学习。其次，要落实。最后，要总结。其一，抓住机遇。\n",
			"一、|任务|plan\n.第一，|稳增长|plan\n.第二，|调结构|plan\n.首先，|要学习|plan\n.其次，|要落实|plan\n.最后，|要总结|plan\n.其一，|抓住机遇|plan\n"},
		{"lead-in gives the kind", "一、上半年工作回顾\n成绩可喜，但仍面临不少问题：一是基础薄弱。二是人才不足。\n",
			"一、|上半年工作回顾|review\n.一是|基础薄弱|problems\n.二是|人才不足|problems\n"},
		{"plan kinds", "一、2023年工作总结\n二、下一步工作打算\n三、2025年重点工作\n",
			"一、|2023年工作总结|review\n二、|下一步工作打算|plan\n三、|2025年重点工作|plan\n"},
		{"a plan paragraph with no heading in the last section",
			"一、严格考核，作风转变\n全年开展督查4次，通报项目7个。\n同时，工作还存在一些不足：一是项目偏少；二是落地慢。\n2025年，我镇将重点抓好以下工作：一是力争签约10个；二是确保开工率达到85%以上。\n",
			"一、|严格考核，作风转变|review\n.一是|项目偏少|problems\n.二是|落地慢|problems\n.一是|力争签约10个|plan\n.二是|确保开工率达到85%以上|plan\n"},
		{"tasks set out in a part of problems and plan, 将 in a clause before",
			"一、抓服务\n全年办理事项386件。\n二、存在的不足和2027年打算\n服务能力不足。\n2027年，我将带领班子，重点做好以下几件事：一是新开设助浴点1个；二是组建志愿服务队。\n",
			"一、|抓服务|review\n二、|存在的不足和2027年打算|problems\n.一是|新开设助浴点1个|plan\n.二是|组建志愿服务队|plan\n"},
		{"near miss: the same lead-in in the review",
			"一、抓服务\n全年办理事项386件。\n一年来，我带领班子，重点做好以下几件事：一是开设助浴点1个；二是组建志愿服务队。\n",
			"一、|抓服务|review\n.一是|开设助浴点1个|review\n.二是|组建志愿服务队|review\n"},
		{"a plan time opening the lead-in's sentence", "四、存在的不足和下一步打算\n自身还有不足：一是学习不深；二是调研不够。\n下一步，我将从三个方面加以改进：第一，加强学习；第二，深入调研。\n",
			"四、|存在的不足和下一步打算|problems\n.一是|学习不深|problems\n.二是|调研不够|problems\n.第一，|加强学习|plan\n.第二，|深入调研|plan\n"},
		{"near miss: a time of the review opening it", "四、存在的不足和下一步打算\n一年来，我从三个方面加以改进：第一，加强学习；第二，深入调研。\n",
			"四、|存在的不足和下一步打算|problems\n.第一，|加强学习|problems\n.第二，|深入调研|problems\n"},
		{"near miss: a lead-in with 将 that promises nothing", "一、健全机制\n将招商工作纳入考核：一是周例会；二是月通报。\n",
			"一、|健全机制|review\n.一是|周例会|review\n.二是|月通报|review\n"},
		{"unnumbered heading lines", "“十四五”时期工作回顾\n过去五年成绩显著。\n2026年重点工作\n（一）扩大内需\n",
			"|“十四五”时期工作回顾|review\n|2026年重点工作|plan\n.（一）|扩大内需|plan\n"},
		{"a unit's plan title is no heading line", "清水镇2027年工作计划\n全镇工作的总体要求是：稳中求进。\n第一，抓工业。新增企业5家。\n",
			"第一，|抓工业|review\n"},
		{"near miss: the writer's own unit before the year", "全镇2026年工作回顾\n全镇经济平稳。\n全镇2027年工作安排\n第一，抓工业。新增企业5家。\n",
			"|全镇2026年工作回顾|review\n|全镇2027年工作安排|plan\n.第一，|抓工业|plan\n"},
		{"near miss: a year's plan heading line", "2026年工作回顾\n全镇经济平稳。\n2027年工作计划\n第一，抓工业。新增企业5家。\n",
			"|2026年工作回顾|review\n|2027年工作计划|plan\n.第一，|抓工业|plan\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(t, tt.in); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// Ensure the items of an enumeration written in one sentence, separated by
// commas ("一是…，二是…，三是…", the commonest list of work reports), are
// each found, after a full stop, a colon or a run-in heading, and in the
// 一要, 第一， and 首先， sets; and that a comma followed by a lone
// ordinal word starts no item.
func TestCommaEnumerations(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"after a run-in heading's full stop", "（一）抓党建。一是强学习，二是重实效，三是严作风。\n",
			"（一）|抓党建|review\n.一是|强学习|review\n.二是|重实效|review\n.三是|严作风|review\n"},
		{"after a colon", "一、主要工作\n全年重点抓了三件事：一是建项目，二是优环境，三是强服务。\n",
			"一、|主要工作|review\n.一是|建项目|review\n.二是|优环境|review\n.三是|强服务|review\n"},
		{"after a run-in heading's comma", "（二）促发展，一是抓招商，二是扶企业。\n",
			"（二）|促发展|review\n.一是|抓招商|review\n.二是|扶企业|review\n"},
		{"items with clauses of their own", "一、工作\n一是加强学习，提高认识，二是压实责任，三是强化督查，确保落实。\n",
			"一、|工作|review\n.一是|加强学习，提高认识|review\n.二是|压实责任|review\n.三是|强化督查，确保落实|review\n"},
		{"commas and semicolons mixed", "一、工作\n一是抓学习，二是抓队伍；三是抓作风，四是抓纪律。\n",
			"一、|工作|review\n.一是|抓学习|review\n.二是|抓队伍|review\n.三是|抓作风|review\n.四是|抓纪律|review\n"},
		{"一要 at a paragraph start", "二、下步打算\n一要稳投资，二要促消费，三要保就业。\n",
			"二、|下步打算|plan\n.一要|稳投资|plan\n.二要|促消费|plan\n.三要|保就业|plan\n"},
		{"第一， in one sentence", "二、下步打算\n我们将重点做好两方面工作，第一，稳增长，第二，调结构。\n",
			"二、|下步打算|plan\n.第一，|稳增长|plan\n.第二，|调结构|plan\n"},
		{"首先， in one sentence", "二、下步打算\n首先，要统一思想，其次，要压实责任。\n",
			"二、|下步打算|plan\n.首先，|要统一思想|plan\n.其次，|要压实责任|plan\n"},
		{"a lone 一是 stays alone", "（一）抓党建。一是强学习，提高认识，增强本领。\n",
			"（一）|抓党建|review\n.一是|强学习，提高认识，增强本领|review\n"},
		{"half-width semicolons", "二、存在的问题\n一是经费不足,设施老化;二是力量薄弱;三是预警还有短板。\n",
			"二、|存在的问题|problems\n.一是|经费不足,设施老化|problems\n.二是|力量薄弱|problems\n.三是|预警还有短板|problems\n"},
		{"half-width full stops and commas", "一、工作\n全年重点抓了三件事:一是建项目,二是优环境.三是强服务!\n",
			"一、|工作|review\n.一是|建项目|review\n.二是|优环境|review\n.三是|强服务|review\n"},
		{"near miss: half-width marks in numbers and codes", "一、工作\n完成投资1,234.5万元,二是指第二批;版本v2.三是\n",
			"一、|工作|review\n"},
		{"near miss: ordinal words after a comma", "一、工作\n增速位居全市第一，第二季度增长较快，二是指第二批。\n",
			"一、|工作|review\n"},
		{"near miss: 第一， after a comma without 第二", "一、工作\n我们要牢记，第一，要讲政治。\n",
			"一、|工作|review\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(t, tt.in); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// Ensure an Arabic marker followed by a number is decided once, by what
// follows (a year) and by the sibling markers: a heading whose title starts
// with a number, or a decimal opening a sentence.
func TestMarkerBeforeNumber(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"a year follows", "1.2024年工作总结\n全年完成投资12亿元。\n2.存在问题\n3.2025年工作计划\n",
			"1.|2024年工作总结|review\n2.|存在问题|problems\n3.|2025年工作计划|plan\n"},
		{"a year follows, no siblings", "一、下步打算\n20.2025年10件民生实事\n",
			"一、|下步打算|plan\n.20.|2025年10件民生实事|plan\n"},
		{"a year range, full-width digits, 、", "１．２０２０—２０２４年工作回顾\n2、2025年工作思路\n",
			"１．|２０２０—２０２４年工作回顾|review\n2、|2025年工作思路|plan\n"},
		{"siblings before and after", "一、项目建设\n1.推进重点项目\n2.3个重点项目全部开工\n3.优化营商环境\n",
			"一、|项目建设|review\n.1.|推进重点项目|review\n.2.|3个重点项目全部开工|review\n.3.|优化营商环境|review\n"},
		{"a run of numbered figures", "一、项目建设\n1.5个项目开工。\n2.3个项目竣工。\n",
			"一、|项目建设|review\n.1.|5个项目开工|review\n.2.|3个项目竣工|review\n"},
		{"near miss: a decimal alone", "一、项目建设\n1.5亿元用于道路改造。\n",
			"一、|项目建设|review\n"},
		{"near miss: ordinals that do not follow", "一、项目建设\n1.推进重点项目\n3.5亿元用于道路改造。\n",
			"一、|项目建设|review\n.1.|推进重点项目|review\n"},
		{"near miss: not a year", "一、项目建设\n1.2025万元用于道路改造。\n",
			"一、|项目建设|review\n"},
		{"near miss: five digits", "一、项目建设\n2.20255年\n",
			"一、|项目建设|review\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(t, tt.in); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// Ensure a .docx automatic numbering marker before a number is a marker:
// the reader made it, whatever follows.
func TestGeneratedMarkerBeforeNumber(t *testing.T) {
	text := "一、主要工作\n1.抓党建\n5.8个村完成改造"
	second := strings.Index(text, "5.")
	f := document.New("t.docx", document.FormatDocx, "UTF-8", text, []document.Paragraph{
		{Span: document.Span{Start: 0, End: strings.Index(text, "\n")}, Origin: 0},
		{Span: document.Span{Start: strings.Index(text, "1."), End: second - 1}, Origin: 1},
		{Span: document.Span{Start: second, End: len(text)}, Generated: document.Span{Start: second, End: second + len("5.")}, Origin: 2},
	})
	var got []string
	for _, h := range outline.Headings(f) {
		got = append(got, h.Marker+h.Title)
	}
	if want := "一、主要工作 1.抓党建 5.8个村完成改造"; strings.Join(got, " ") != want {
		t.Errorf("got %q, want %q", strings.Join(got, " "), want)
	}
}

// Ensure text that only looks like a heading is not one.
func TestNotMarkers(t *testing.T) {
	for _, in := range []string{
		"1.6万人参加活动。\n",            // a decimal number
		"1、2号楼已封顶。\n",             // a list of numbers
		"一、二、三产业融合发展。\n",          // numerals of a list
		"统一是基础，唯一是目标。\n",          // 一是 inside words
		"质量第一、效益优先。\n",            // 第一、 not an ordinal
		"第一、二轮督查已完成。\n",           // an abbreviation
		"2023.7.5召开会议。\n",         // a date
		"各位代表：\n",                 // a salutation
		"提高到10%，是“一是一、二是二”的作风。\n", // a saying in quotes
	} {
		if got := render(t, in); got != "" {
			t.Errorf("%q: found headings %q", in, got)
		}
	}
}

// Ensure a file holding several reports, each with its title line, is
// split at the titles, and a single report with a title is not.
func TestSplit(t *testing.T) {
	text := "甲街道2023年工作总结及2024年工作计划\n一、工作总结\n全年完成任务。\n二、工作计划\n做好工作。\n\n乙镇2023年上半年工作总结暨下半年工作计划\n一、上半年工作\n完成任务。\n二、下半年计划\n继续努力。\n"
	f, err := reader.Read("t.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	parts := outline.Split(f, outline.Headings(f))
	if len(parts) != 2 {
		t.Fatalf("%d parts, want 2", len(parts))
	}
	if got := f.Slice(parts[1].Title); got != "乙镇2023年上半年工作总结暨下半年工作计划" {
		t.Errorf("second title %q", got)
	}
	if parts[0].Span.End != parts[1].Span.Start || parts[1].Span.End != len(text) {
		t.Errorf("spans %v %v do not tile the file", parts[0].Span, parts[1].Span)
	}
	// Page chrome and a subtitle before the title do not split.
	single := "下载\n打印\n2026年某省政府工作报告\n——在省人民代表大会上\n各位代表：\n一、工作回顾\n二、2026年工作\n"
	f, _ = reader.Read("s.txt", []byte(single))
	parts = outline.Split(f, outline.Headings(f))
	if len(parts) != 1 || f.Slice(parts[0].Title) != "2026年某省政府工作报告" {
		t.Errorf("single report: %d parts, title %q", len(parts), f.Slice(parts[0].Title))
	}
}

// Ensure Markdown and .docx-style heading levels become headings even
// without a numbering marker.
func TestMarkdownHeadings(t *testing.T) {
	f, err := reader.Read("t.md", []byte("# 青禾街道工作总结\n\n## 主要成效\n\n正文。\n\n## 下一步打算\n\n### 1.稳增长\n"))
	if err != nil {
		t.Fatal(err)
	}
	parts := outline.Split(f, outline.Headings(f))
	roots := outline.Tree(f, parts[0].Headings, parts[0].Span.End)
	outline.Classify(roots, outline.Context{Text: f.Text, Summary: true})
	var b strings.Builder
	zongjie.Walk(roots, func(s *zongjie.Section) {
		fmt.Fprintf(&b, "%d%s%s/%s ", s.Level, s.Marker, s.Title, s.Kind)
	})
	if want := "1主要成效/review 1下一步打算/plan 21.稳增长/plan "; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

// Ensure a list inside an item of another list sits one level below the
// item that holds it: an item that opens its paragraph, one whose own list
// resumes after the inner list, one standing alone on its line as the
// heading of the paragraphs after it; and that lists which only follow
// one another, in one paragraph or in two, stay siblings.
func TestNestedEnumerations(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"首先 in the paragraph of 第一",
			"第一，抓工业。首先，做强产业，新增企业5家。其次，推动升级。再次，优化园区。\n第二，抓农业。首先，稳定粮食。其次，发展特色。最后，建设乡村。\n",
			"第一，|抓工业|review\n.首先，|做强产业，新增企业5家|review\n.其次，|推动升级|review\n.再次，|优化园区|review\n" +
				"第二，|抓农业|review\n.首先，|稳定粮食|review\n.其次，|发展特色|review\n.最后，|建设乡村|review\n"},
		{"the outer list resumes after the inner one",
			"（一）抓党建。一是抓学习，首先，读原著，其次，写心得；二是抓队伍。\n",
			"（一）|抓党建|review\n.一是|抓学习|review\n..首先，|读原著|review\n..其次，|写心得|review\n.二是|抓队伍|review\n"},
		{"items standing alone as headings of the paragraphs after them",
			"首先，成绩要看够。\n全年完成投资5亿元。\n其次，问题要看透。\n我们也要看到不足。一是发展不平衡。二是基础弱。\n再次，任务要抓实。\n下半年要抓好四项工作：\n一要抓产业。加快建设。\n二要抓项目。倒排工期。\n最后，我再强调一点：要实行月通报。\n",
			"首先，|成绩要看够|review\n其次，|问题要看透|review\n.一是|发展不平衡|problems\n.二是|基础弱|problems\n" +
				"再次，|任务要抓实|plan\n.一要|抓产业|plan\n.二要|抓项目|plan\n最后，|我再强调一点|plan\n"},
		{"a list restarting in the next item is that item's",
			"第一，抓工业。一是建项目，二是扶企业，三是优服务。\n第二，抓农业。一是稳粮食，二是兴产业。\n",
			"第一，|抓工业|review\n.一是|建项目|review\n.二是|扶企业|review\n.三是|优服务|review\n第二，|抓农业|review\n.一是|稳粮食|review\n.二是|兴产业|review\n"},
		{"near miss: sibling lists in consecutive paragraphs",
			"一、工作\n一是抓学习，二是抓队伍。\n首先，要统一思想，其次，要压实责任。\n",
			"一、|工作|review\n.一是|抓学习|review\n.二是|抓队伍|review\n.首先，|要统一思想|review\n.其次，|要压实责任|review\n"},
		{"near miss: a list after a list ended in its paragraph",
			"一、工作\n一是抓学习；二是抓队伍。存在问题：首先，思想不够统一；其次，责任不够压实。\n",
			"一、|工作|review\n.一是|抓学习|review\n.二是|抓队伍|review\n.首先，|思想不够统一|problems\n.其次，|责任不够压实|problems\n"},
		{"near miss: a list restarting in the next paragraph, not in an item",
			"一是抓工业，二是抓农业，三是抓服务。\n一是建项目，二是扶企业。\n",
			"一是|抓工业|review\n二是|抓农业|review\n三是|抓服务|review\n一是|建项目|review\n二是|扶企业|review\n"},
		{"near miss: 首先 with no 其次 in an item is a word of its text",
			"第一，抓工业。首先，我们要认识到工业是根基。第二，抓农业。\n",
			"第一，|抓工业|review\n第二，|抓农业|review\n"},
		{"near miss: a set mixed midway is one list",
			"一、工作\n一是强化学习。第二，要狠抓落实。\n",
			"一、|工作|review\n.一是|强化学习|review\n.第二，|要狠抓落实|review\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(t, tt.in); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// Ensure an item holding a list keeps its whole paragraph as its body, and
// an item standing alone as a heading the paragraphs up to its next
// sibling.
func TestNestedEnumerationBodies(t *testing.T) {
	text := "第一，抓工业。首先，做强产业。其次，推动升级。\n第二，抓农业。\n其次，问题要看透。\n我们也要看到不足。一是发展不平衡。二是基础弱。\n再次，任务要抓实。\n"
	f, err := reader.Read("t.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	parts := outline.Split(f, outline.Headings(f))
	roots := outline.Tree(f, parts[0].Headings, parts[0].Span.End)
	want := map[string]string{
		"抓工业":   "第一，抓工业。首先，做强产业。其次，推动升级。",
		"做强产业":  "首先，做强产业。",
		"推动升级":  "其次，推动升级。",
		"问题要看透": "其次，问题要看透。\n我们也要看到不足。一是发展不平衡。二是基础弱。\n",
		"发展不平衡": "一是发展不平衡。",
	}
	zongjie.Walk(roots, func(s *zongjie.Section) {
		w, ok := want[s.Title]
		if !ok {
			return
		}
		delete(want, s.Title)
		if got := f.Text[s.Body.Start:s.Body.End]; got != w {
			t.Errorf("%s: body %q, want %q", s.Title, got, w)
		}
	})
	for title := range want {
		t.Errorf("no section %s", title)
	}
}

// TestOpensParagraph: a heading or item at its paragraph's start, after
// leading blanks too, opens it; one after a colon or comma inside the
// paragraph does not; a section whose paragraph the file lacks is taken
// to open it.
func TestOpensParagraph(t *testing.T) {
	tests := []struct {
		name, in, marker string
		want             bool
	}{
		{"heading", "一、总体情况\n", "一、", true},
		{"heading after blanks", "　　（一）经济运行\n", "（一）", true},
		{"heading after a template marker", "##paidbegin##（二）坚持项目带动\n", "（二）", true},
		{"item opening its paragraph", "一是抓好项目建设。\n", "一是", true},
		{"item after a colon", "主要做法：一是抓好项目建设；二是优化营商环境。\n", "一是", false},
		{"circled item inside a sentence", "下一步改进：①加快建设；②深化改革。\n", "①", false},
	}
	for _, tt := range tests {
		f, err := reader.Read("t.txt", []byte(tt.in))
		if err != nil {
			t.Fatal(err)
		}
		var s *zongjie.Section
		for _, h := range outline.Headings(f) {
			if h.Marker == tt.marker {
				s = h
				break
			}
		}
		if s == nil {
			t.Errorf("%s: no section %q in %q", tt.name, tt.marker, tt.in)
			continue
		}
		if got := outline.OpensParagraph(f, s); got != tt.want {
			t.Errorf("%s: OpensParagraph(%q) = %v, want %v", tt.name, tt.marker, got, tt.want)
		}
		s.Para = len(f.Paragraphs)
		if !outline.OpensParagraph(f, s) {
			t.Errorf("%s: a section of no paragraph of the file does not open it", tt.name)
		}
	}
}
