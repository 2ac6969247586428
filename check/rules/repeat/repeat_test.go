package repeat_test

import (
	"testing"

	"zongjie/check/checktest"
	"zongjie/check/rules/repeat"
)

func TestRules(t *testing.T) {
	checktest.Validate(t, repeat.Rules)
	for _, r := range repeat.Rules {
		checktest.ExpectExample(t, r)
	}
}

func TestSentence(t *testing.T) {
	checktest.Expect(t, repeat.Sentence, []checktest.Case{
		{In: "一、主要工作\n深入开展“门前三包”专项整治，街道面貌明显改善。完成投资1亿元。\n二、下步打算\n一是深入开展“门前三包”专项整治，街道面貌明显改善。", Want: []string{"深入开展“门前三包”专项整治，街道面貌明显改善。"}},
		{Name: "a paragraph pasted twice, its sentences short or ending with a colon",
			In:   "二、2026年工作计划\n明年是开局之年。我镇将聚焦三大目标，重点做好以下五个方面工作：\n明年是开局之年。我镇将聚焦三大目标，重点做好以下五个方面工作：\n（一）抓项目",
			Want: []string{"明年是开局之年。我镇将聚焦三大目标，重点做好以下五个方面工作："}},
		{Name: "near miss: the same heading in two parts, short paragraphs",
			In: "一、2025年工作回顾\n（一）坚持党建引领，夯实基层基础\n正文一。\n二、2026年工作计划\n（一）坚持党建引领，夯实基层基础\n正文二。\n好。\n好。"},
		{Name: "near miss: a glossary restating the text", In: "一、主要工作\n全面推行“一窗通办”［3］。企业和群众到一个窗口即可办理多个部门的事项。\n名词解释\n［3］“一窗通办”：指一站式政务服务。企业和群众到一个窗口即可办理多个部门的事项。"},
		{Name: "a sentence of the report pasted into a glossary", In: "一、主要工作\n企业和群众到一个窗口即可办理多个部门的事项。\n二、下步打算\n推进。\n名词解释\n［3］“一窗通办”：指一站式政务服务。\n企业和群众到一个窗口即可办理多个部门的事项。", Want: []string{"企业和群众到一个窗口即可办理多个部门的事项。"}},
		{Name: "a repeat in the body beside a glossary", In: "一、主要工作\n企业和群众到一个窗口即可办理多个部门的事项。\n二、下步打算\n企业和群众到一个窗口即可办理多个部门的事项。\n名词解释\n［3］“一窗通办”：指一站式服务。企业和群众到一个窗口即可办理多个部门的事项。\n注：企业和群众到一个窗口即可办理多个部门的事项。", Want: []string{"企业和群众到一个窗口即可办理多个部门的事项。"}},
		{Name: "an attachment is a document of its own, checked", In: "一、主要工作\n企业和群众到一个窗口即可办理多个部门的事项。\n二、下步打算\n推进。\n附件1：重点任务\n企业和群众到一个窗口即可办理多个部门的事项。", Want: []string{"企业和群众到一个窗口即可办理多个部门的事项。"}},
		{Name: "short sentences pasted into the body of later paragraphs",
			In:   "一、工作回顾\n全年新增城镇就业1.2万人。规上企业研发经费投入增长14.2%。建成口袋公园12个。\n二、工作计划\n继续抓好重点项目。推动既有住宅加装电梯300台。规上企业研发经费投入增长14.2%。\n完善养老服务体系。全年新增城镇就业1.2万人。\n",
			Want: []string{"规上企业研发经费投入增长14.2%。", "全年新增城镇就业1.2万人。"}},
		{Name: "near miss: short run-in headings opening paragraphs in both parts, and sentences under ten characters",
			In: "一、工作回顾\n促进区域经济协调发展。全年实施项目45个。大力发展循环经济。\n二、工作计划\n促进区域经济协调发展。新开工项目30个。\n推广清洁生产，大力发展循环经济。"},
		{Name: "a sentence of short clauses pasted whole, and one clause pasted alone",
			In:   "一、工作回顾\n财政收入9.01亿元，同比增加3%；税收收入5.95亿元，同比增加9%。新建学校三所，新增学位两千个；改造老旧小区二十个，惠及居民三千户；新建公园五个。\n二、工作计划\n持续推进。财政收入9.01亿元，同比增加3%；税收收入5.95亿元，同比增加9%。改造老旧小区二十个，惠及居民三千户。",
			Want: []string{"财政收入9.01亿元，同比增加3%；税收收入5.95亿元，同比增加9%。", "改造老旧小区二十个，惠及居民三千户。"}},
		{Name: "a sentence run on from a lead that ends with a colon",
			In:   "一、工作回顾\n实施城市更新行动，完成老旧小区改造二十个，惠及居民三千户。\n二、工作计划\n重点做好以下工作：实施城市更新行动，完成老旧小区改造二十个，惠及居民三千户。",
			Want: []string{"实施城市更新行动，完成老旧小区改造二十个，惠及居民三千户。"}},
		{Name: "a sentence a line break of the source cuts (a subscript), pasted later",
			In:   "一、工作回顾\n以细颗粒物（PM\n2.5\n）治理为突破口，加强大气污染联防联控。\n二、工作计划\n持续推进。以细颗粒物（PM2.5）治理为突破口，加强大气污染联防联控。",
			Want: []string{"以细颗粒物（PM2.5）治理为突破口，加强大气污染联防联控。"}},
		{Name: "near miss: a heading line is not joined to the paragraph after it, which starts with digits",
			In:   "一、2024年工作回顾\n2024年全年完成固定资产投资12亿元，同比增长8%。\n二、2025年工作计划\n回顾过去。2024年全年完成固定资产投资12亿元，同比增长8%。",
			Want: []string{"2024年全年完成固定资产投资12亿元，同比增长8%。"}},
		{Name: "spaces before an enumeration marker",
			In:   "一、工作回顾\n\u3000\u3000二是加快经济结构调整，提高经济发展的质量和效益。全年完成。\n二、工作计划\n持续推进。\u3000\u3000二是加快经济结构调整，提高经济发展的质量和效益。",
			Want: []string{"加快经济结构调整，提高经济发展的质量和效益。"}},
		{Name: "the last sentence of a paragraph opening the next one (RP002 does not look across paragraphs)",
			In:   "一、工作回顾\n全年实施重点项目45个，完成投资120亿元。新建学校三所，新增学位两千个。\n新建学校三所，新增学位两千个。改造老旧小区二十个。",
			Want: []string{"新建学校三所，新增学位两千个。"}},
		{Name: "near miss: short sentences, headings and title lines", In: "一、加强组织领导\n推进节能减排和生态环境保护。落实责任。\n陕西省2026年政府工作报告全文发布及解读\n二、加强组织领导\n推进节能减排和生态环境保护。落实责任。\n陕西省2026年政府工作报告全文发布及解读"},
	})
}

func TestAdjacent(t *testing.T) {
	checktest.Expect(t, repeat.Adjacent, []checktest.Case{
		{In: "进一步加强进一步加强基层治理，确保按期完工，确保按期完工。", Want: []string{"进一步加强→", "，确保按期完工→"}},
		{In: "商户签订门前三包协议书x万余份。商户签订门前三包协议书x万余份。二是开展行动。", Want: []string{"商户签订门前三包协议书x万余份。→"}},
		{Name: "astral characters", In: "走访𠮷家村𠮷家村农户，𠮷𠮷𠮷𠮷。", Want: []string{"𠮷家村→"}},
		{Name: "longest unit of twenty characters", In: "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸一二三四五六七八九十甲乙丙丁戊己庚辛壬癸。", Want: []string{"一二三四五六七八九十甲乙丙丁戊己庚辛壬癸→"}},
		{Name: "a run of clauses pasted again right after itself",
			In:   "去年十月，跨江大桥建成通车，南北两岸连成一体，往来更加便捷。南北两岸连成一体，往来更加便捷。同时新建公交线路三条，公交线路三条。",
			Want: []string{"南北两岸连成一体，往来更加便捷。→"}},
		{Name: "two sentences pasted twice in one paragraph",
			In:   "完成老旧小区改造12个，惠及居民3000户。新建口袋公园5个。完成老旧小区改造12个，惠及居民3000户。新建口袋公园5个。下一步继续推进。",
			Want: []string{"完成老旧小区改造12个，惠及居民3000户。新建口袋公园5个。→"}},
		{Name: "a clause run ending with a semicolon",
			In:   "一是强化项目支撑，全年实施重点项目45个；全年实施重点项目45个；二是优化营商环境。",
			Want: []string{"全年实施重点项目45个；→"}},
		{Name: "near miss: parallelism and refrains",
			In: "抓党建、抓发展、抓民生，干字当头、实字为先。我们要奋斗，奋斗，再奋斗。一年来，我们攻坚克难；一年来，我们砥砺前行。" +
				"看得见山，望得见水，记得住乡愁。为了群众，依靠群众，服务群众。"},
		{Name: "near miss: reduplication, numbers and marks", In: "研究研究，一天天好起来，编号1212，——————，谢谢谢谢。"},
		{Name: "near miss: parallel phrases and placeholders", In: "建设绿色工厂、零碳工厂、零碳园区。出租房备案申请xx份，同意出租房备案申请xx份，同意率高。设立非全日制岗位x人，全日制岗位x人，对**村、**村、**社区、**社区改造，排查农户xxxx户xxxxx人。"},
	})
}
