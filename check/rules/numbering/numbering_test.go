package numbering_test

import (
	"testing"

	"zongjie/check/checktest"
	"zongjie/check/rules/numbering"
	"zongjie/outline"
)

func TestRules(t *testing.T) {
	checktest.Validate(t, numbering.Rules)
	for _, r := range numbering.Rules {
		checktest.ExpectExample(t, r)
	}
}

func TestMarker(t *testing.T) {
	for _, tt := range []struct {
		form string
		n    int
		want string
	}{
		{outline.FormCN, 3, "三、"}, {outline.FormCN, 11, "十一、"}, {outline.FormCN, 21, "二十一、"},
		{outline.FormParenCN, 10, "（十）"}, {outline.FormArabic, 12, "12."}, {outline.FormParenNum, 2, "（2）"},
		{outline.FormCircled, 4, "④"}, {outline.FormShi, 15, "十五是"}, {outline.FormDi, 2, "第二"},
		{outline.FormShouxian, 2, "其次"}, {outline.FormQiyi, 3, "其三"},
	} {
		if got := numbering.Marker(tt.form, tt.n); got != tt.want {
			t.Errorf("Marker(%q, %d) = %q, want %q", tt.form, tt.n, got, tt.want)
		}
	}
}

func TestSequence(t *testing.T) {
	checktest.Expect(t, numbering.Sequence, []checktest.Case{
		{In: "一、主要工作\n（一）抓党建。一是强学习。三是重实效。\n（三）促发展。\n二、下步打算", Want: []string{"三是→二是", "（三）→（二）"}},
		{In: "一、主要工作\n二、存在问题\n二、下步打算\n四、保障措施", Want: []string{"二、→三、"}},
		{In: "一、主要工作\n二、存在问题\n四、下步打算\n五、保障措施", Want: []string{"四、→三、"}},
		{In: "二、主要工作\n三、下步打算", Want: []string{"二、→一、"}},
		{In: "一、主要工作\n二、下步打算\n一、保障措施", Want: []string{"一、"}},
		{In: "一、主要工作\n（一）抓党建。一是强学习，提高认识。\n（二）促发展。", Want: []string{"一是"}},
		{Name: "near miss: lists restart in each paragraph", In: "一、主要工作\n一是强学习。二是重实效。\n一是抓项目。二是优环境。三是强服务。\n二、下步打算"},
		{Name: "near miss: eleven and on", In: "一、主要工作\n一是甲。二是乙。三是丙。四是丁。五是戊。六是己。七是庚。八是辛。九是壬。十是癸。十一是子。十二是丑。"},
		{Name: "near miss: 最后 closes a list", In: "一、主要工作\n首先，要提高认识。其次，要压实责任。最后，要强化督查。"},
		{Name: "near miss: 首先 alone", In: "一、主要工作\n首先，要提高认识，压实责任。"},
		{Name: "a lone 一是 in a sentence of commas", In: "一、主要工作\n（一）抓党建。一是强学习，提高认识，增强本领。\n（二）促发展。", Want: []string{"一是"}},
		{Name: "a lone 一要 after a colon", In: "一、下步打算\n重点抓好：一要稳投资，扩大有效需求。", Want: []string{"一要"}},
		{Name: "near miss: items after commas", In: "一、主要工作\n（一）抓党建。一是强学习，二是重实效，三是严作风。\n（二）促发展，一是抓招商，二是扶企业。\n（三）惠民生。全年办好三件事：一是建学校，二是修道路，三是改厕所。"},
		{Name: "near miss: 一要 and 第一， after commas", In: "一、下步打算\n一要稳投资，二要促消费，三要保就业。\n我们重点抓两条，第一，稳增长，第二，调结构。"},
		{Name: "near miss: a glossary and reference marks", In: "一、主要工作\n坚持“四个不摘”［12］，落实“六税两费”〔15〕减免政策，推行“一窗通办”[21]（见第24页）。\n二、下步打算\n《政府工作报告》名词解释\n［12］“四个不摘”：指摘帽不摘责任、不摘政策。\n〔15〕“六税两费”：指六个税种和两项附加费。\n21.“一窗通办”：指一个窗口办理多个事项。"},
		{Name: "near miss: a glossary without its heading", In: "一、主要工作\n坚持“四个不摘”［12］。\n二、下步打算\n推行“一窗通办”［21］。\n［12］“四个不摘”：指摘帽不摘责任、不摘政策。\n［21］“一窗通办”：指一个窗口办理多个事项。"},
		{Name: "a skip in the body beside a glossary", In: "一、主要工作\n坚持“四个不摘”［12］。\n三、下步打算\n名词解释\n［12］“四个不摘”：指摘帽不摘责任、不摘政策。", Want: []string{"三、→二、"}},
		{Name: "a skip after a comma", In: "一、主要工作\n（一）抓党建。一是强学习，三是重实效。", Want: []string{"三是→二是"}},
		{Name: "near miss: items numbered through the parts", In: "一、聚力经济发展\n1.抓招商。\n2.抓楼宇。\n3.抓服务。\n二、聚力城市更新\n4.推进改造。\n5.提升管理。\n三、聚力自身建设\n6.加强学习。"},
		{Name: "near miss: numbered through, a part without items between", In: "一、总体要求\n1.抓招商。\n2.抓楼宇。\n二、重点工作\n（一）抓项目\n三、保障措施\n3.加强领导。"},
		{Name: "a skip where the part before ends", In: "一、聚力经济发展\n1.抓招商。\n2.抓楼宇。\n二、聚力城市更新\n4.推进改造。\n5.提升管理。", Want: []string{"4.→1."}},
		{Name: "a first part not starting at one", In: "一、聚力经济发展\n2.抓招商。\n3.抓楼宇。\n二、聚力城市更新\n1.推进改造。", Want: []string{"2.→1."}},
		{Name: "an enumeration does not run on across headings", In: "一、主要工作\n（一）抓党建。一是强学习。二是重实效。\n（二）促发展。三是抓招商。", Want: []string{"三是→一是"}},
	})
}

func TestLevelOrder(t *testing.T) {
	checktest.Expect(t, numbering.LevelOrder, []checktest.Case{
		{In: "一、主要工作\n（一）抓党建\n（二）促发展\n二、下步打算\n1.抓党建\n2.促发展", Want: []string{"1.", "2."}},
		{In: "一、主要工作\n1.抓党建\n二、下步打算\n（一）抓党建", Want: []string{"1."}},
		{In: "1.主要工作\n一、下步打算\n二、保障措施", Want: []string{"1."}},
		{Name: "under a title the outline takes for a heading", In: "凤鸣社区2027年工作计划\n一、主要工作\n（一）抓党建\n（二）促发展\n二、下步打算\n1.抓党建\n2.促发展", Want: []string{"1.", "2."}},
		{Name: "near miss: two levels throughout", In: "一、主要工作\n1.抓党建\n2.促发展\n二、下步打算\n1.抓党建"},
		{Name: "near miss: the full order", In: "一、主要工作\n（一）抓党建\n1.强学习\n（1）开展培训\n二、下步打算\n（一）抓党建"},
		{Name: "near miss: a sentence set out an item a line", In: "一、主要工作\n（一）抓党建\n1.强学习\n（二）抓项目\n全年实施项目9个，其中：\n（1）公路工程已完成路基；\n（2）教学楼主体已封顶；\n（3）污水管网完成65%。\n二、下步打算"},
		{Name: "headings after a colon, ending with a full stop", In: "一、主要工作\n（一）抓党建\n1.强学习\n（二）抓项目\n全年实施项目9个，其中：\n（1）公路工程。已完成路基。\n（2）教学楼。主体已封顶。\n二、下步打算", Want: []string{"（1）", "（2）"}},
		{Name: "near miss: a sentence set out an item a line under its heading", In: "一、基本情况\n（一）人口\n（二）党员\n二、工作目标\n1.居民满意率达到97%以上；\n2.热线满意率达到98%以上；\n3.顺利通过示范社区复评。\n三、主要任务\n（一）强化党建"},
		{Name: "headings ending with full stops under a heading", In: "一、基本情况\n（一）人口\n二、工作目标\n1.居民满意率达到97%以上。\n2.热线满意率达到98%以上。\n三、主要任务\n（一）强化党建", Want: []string{"1.", "2."}},
		{Name: "semicolon items under a run-in heading", In: "一、基本情况\n（一）人口\n二、工作目标。全年目标如下。\n1.居民满意率达到97%以上；\n2.热线满意率达到98%以上。\n三、主要任务\n（一）强化党建", Want: []string{"1.", "2."}},
		{Name: "items ending with semicolons, no colon before", In: "一、主要工作\n（一）抓党建\n1.强学习\n（二）抓项目\n全年实施项目9个。\n（1）公路工程已完成路基；\n（2）教学楼主体已封顶。\n二、下步打算", Want: []string{"（1）", "（2）"}},
		{Name: "near miss: items numbered inside a sentence", In: "一、主要工作\n（一）抓党建\n1.强学习\n二、下步打算\n我们将从以下方面改进：①加快建设；②深化改革；③加强管理。\n三、保障措施\n主要是：（1）加强领导；（2）强化督查。"},
		{Name: "circled items opening paragraphs", In: "一、主要工作\n（一）抓党建\n二、下步打算\n①加快建设。\n②深化改革。", Want: []string{"①", "②"}},
		{Name: "a lone item after a colon", In: "一、主要工作\n（一）抓党建\n1.强学习\n（二）抓项目\n其中：\n（1）公路工程已完成路基；\n二、下步打算", Want: []string{"（1）"}},
	})
}

func TestMarkerPunct(t *testing.T) {
	checktest.Expect(t, numbering.MarkerPunct, []checktest.Case{
		{In: "一.主要工作\n（一）、抓党建\n1、强学习\n(1)开展培训\n2．促发展\n二，下步打算", Want: []string{"一.→一、", "（一）、→（一）", "1、→1.", "(1)→（1）", "2．→2.", "二，→二、"}},
		{In: "一、主要工作\n㈠抓党建\n⑴开展培训\n（二)促发展", Want: []string{"㈠→（一）", "⑴→（1）", "（二)→（二）"}},
		{Name: "near miss: right forms", In: "一、主要工作\n（一）抓党建\n1.强学习\n（1）开展培训\n①组织\n二、下步打算"},
		{Name: "near miss: parts", In: "第一部分 回顾\n一、主要工作\n第二部分 计划"},
	})
}

func TestHeadingEnd(t *testing.T) {
	checktest.Expect(t, numbering.HeadingEnd, []checktest.Case{
		{In: "一、2023年工作总结\n完成投资1亿元。\n二、工作亮点及争先进位情况。\n完成投资1亿元。\n三、存在问题\n发展不足。", Want: []string{"。→"}},
		{Name: "near miss: a list of sentences", In: "一、新建学校3所。\n完成投资1亿元。\n二、改造道路5条。\n完成投资1亿元。\n三、新增就业1000人。"},
		{Name: "near miss: run-in headings", In: "一、主要工作\n（一）党建引领。一是加强学习。\n（二）经济发展。一是招商引资。\n（三）社会治理\n平安建设。"},
	})
}

func TestEnumPunct(t *testing.T) {
	checktest.Expect(t, numbering.EnumPunct, []checktest.Case{
		{In: "一、主要工作\n一是、强化学习。二是：狠抓落实。三是，推进项目。第一、要提高政治站位和思想认识。", Want: []string{"、→", "：→", "、→，"}},
		{Name: "near miss: abbreviations and slogans", In: "一、主要工作\n推动第一、二产业融合发展。坚持质量第一、效益优先。第一，要提高认识。一是强化学习。"},
	})
}

func TestSetMixing(t *testing.T) {
	checktest.Expect(t, numbering.SetMixing, []checktest.Case{
		{In: "一、主要工作\n首先，要提高认识。其次，要压实责任。第三，要强化督查。", Want: []string{"第三，→再次，"}},
		{In: "一、主要工作\n一是强化学习。第二，要狠抓落实。", Want: []string{"第二，→二是，"}},
		{Name: "near miss: one set", In: "一、主要工作\n第一，要提高认识。第二，要压实责任。第三，要强化督查。最后，要加强保障。"},
		{Name: "near miss: a list nested in an item of another", In: "一、下步打算\n一要严管火源。\n二要严查隐患。\n三要严抓安全。重点抓好：一是交通安全；二是燃气安全；三是烟花爆竹安全。\n四要严格值守。"},
		{Name: "a switch with no nested list", In: "一、下步打算\n一要严管火源。\n二要严查隐患。\n三是严抓安全。\n四要严格值守。", Want: []string{"三是→三要", "四要→四是"}},
	})
}

func TestLostMarker(t *testing.T) {
	checktest.Expect(t, numbering.LostMarker, []checktest.Case{
		{In: "一、主要工作\n（一）党建引领。一是加强思想建设。全年开展学习35次，讲党课10次。二是夯实基层党建。新建党支部19个，整顿党组织3个。提升能力作风。开展作风提升年行动，认领任务99项。守稳意识形态阵地。持续推进扫黑除恶，检查宣传阵地。",
			Want: []string{"提升能力作风→三是提升能力作风", "守稳意识形态阵地→四是守稳意识形态阵地"}},
		{Name: "near miss: long items", In: "一、主要工作\n一是加强思想建设，全年开展学习35次。二是夯实基层党建，新建党支部19个。提升能力作风。"},
		{Name: "near miss: a short statement", In: "一、主要工作\n一是加强思想建设。全年开展学习35次，讲党课10次。二是夯实基层党建。新建党支部19个，整顿党组织3个。成效明显。效果很好的。"},
		{Name: "a list nested in an item", In: "一、主要工作\n第一，抓党建。一是加强思想建设。全年开展学习35次，讲党课10次。二是夯实基层党建。新建党支部19个，整顿党组织3个。提升能力作风。开展作风提升年行动，认领任务99项。",
			Want: []string{"提升能力作风→三是提升能力作风"}},
		{Name: "near miss: the next item's text after a nested list", In: "一、主要工作\n第一，抓党建，一是加强思想建设。全年开展学习35次，讲党课10次。二是夯实基层党建。新建党支部19个，整顿党组织3个。第二，抓作风。提升能力作风。开展作风提升年行动，认领任务99项。"},
		{Name: "near miss: a run of short results", In: "一是经济持续较快发展。全年增长8%，财政收入增长10%。二是结构调整取得进展。高技术产业增加值增长12%，服务业比重提高。文化软实力持续提升。依法治国全面推进。军事变革成就显著。经过五年努力，经济实力迈上新台阶。"},
	})
}
