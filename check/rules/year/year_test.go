package year_test

import (
	"testing"

	"zongjie/check/checktest"
	"zongjie/check/rules/year"
)

func TestRules(t *testing.T) {
	checktest.Validate(t, year.Rules)
	for _, r := range year.Rules {
		checktest.ExpectExample(t, r)
	}
}

func TestPlanYear(t *testing.T) {
	checktest.Expect(t, year.PlanYear, []checktest.Case{
		{In: "现将我镇2023年工作总结及2023年工作计划报告如下：\n一、2023年工作总结\n完成投资1亿元。\n二、2024年工作计划\n力争完成投资2亿元。", Want: []string{"2023→2024"}},
		{Name: "near miss: the next year", In: "现将我镇2023年工作总结及2024年工作计划报告如下：\n一、2023年工作总结\n完成投资1亿元。\n二、2024年工作计划\n力争完成投资2亿元。"},
		{Name: "near miss: half-year report", In: "2023年上半年工作总结及下半年工作计划\n一、上半年工作总结\n完成投资1亿元。\n二、下半年工作计划\n力争完成投资2亿元。"},
	})
}

func TestHeadingYear(t *testing.T) {
	checktest.Expect(t, year.HeadingYear, []checktest.Case{
		{In: "某镇2023年工作总结及2024年工作计划\n一、2023年工作总结\n完成投资1亿元。\n二、2023年工作计划\n力争完成投资2亿元。", Want: []string{"2023→2024"}},
		{In: "某镇2023年工作总结及2024年工作计划\n一、2022年工作总结\n完成投资1亿元。\n二、2024年工作计划\n力争完成投资2亿元。", Want: []string{"2022→2023"}},
		{Name: "near miss: a plan looking further ahead", In: "某镇2023年工作总结及2024年工作计划\n一、2023年工作总结\n完成投资1亿元。\n二、2024年工作计划\n力争完成投资2亿元。\n三、2025年远景目标\n力争完成投资3亿元。"},
		{Name: "near miss: a range", In: "某镇2023年工作总结及2024年工作计划\n一、2021—2023年工作回顾\n完成投资1亿元。\n二、2024年工作计划\n力争完成投资2亿元。"},
	})
}

func TestPeriod(t *testing.T) {
	checktest.Expect(t, year.Period, []checktest.Case{
		{In: "某镇2024年工作总结及2025年工作计划\n半年来，全镇上下团结奋进。\n一、2024年工作总结\n完成投资1亿元。\n二、下半年工作计划\n力争完成投资2亿元。", Want: []string{"半年来", "下半年"}},
		{Name: "今年上半年 in a full-year summary", In: "某街道2024年工作总结及2025年工作计划\n一、2024年工作总结\n今年上半年全街道完成财政总收入7.48亿元。\n二、2025年工作计划\n力争完成投资2亿元。", Want: []string{"今年上半年"}},
		{In: "某镇2024年上半年工作总结\n一年来，全镇上下团结奋进。\n一、上半年工作总结\n完成投资1亿元。", Want: []string{"一年来"}},
		{Name: "near miss: full-year words in a full-year summary", In: "某镇2024年工作总结\n一年来，全镇上下团结奋进，上半年完成投资1亿元。\n一、2024年工作总结\n完成投资1亿元。\n二、2025年工作计划\n力争完成投资2亿元。"},
	})
}

func TestHalfYearPlan(t *testing.T) {
	checktest.Expect(t, year.HalfYearPlan, []checktest.Case{
		{In: "2023年上半年工作总结暨下半年工作计划\n一、上半年工作\n完成投资1亿元。\n二、下半年工作计划\n2023年，街道将以基层党建为主线。", Want: []string{"2023年→下半年"}},
		{Name: "near miss: says 下半年", In: "2023年上半年工作总结暨下半年工作计划\n一、上半年工作\n完成投资1亿元。\n二、下半年工作计划\n下半年，街道将以基层党建为主线，确保2023年目标完成。"},
	})
}

func TestFutureYear(t *testing.T) {
	checktest.Expect(t, year.FutureYear, []checktest.Case{
		{In: "2023年工作总结\n一、2023年工作总结\n活动中心已于2024年3月建成。\n二、2024年工作计划\n力争完成投资2亿元。", Want: []string{"2024"}},
		{Name: "near miss: a deadline", In: "2023年工作总结\n一、2023年工作总结\n活动中心已开工，预计2024年3月建成。\n二、2024年工作计划\n力争完成投资2亿元。"},
		{Name: "near miss: in the plan part", In: "2023年工作总结\n一、2023年工作总结\n完成投资1亿元。\n二、2024年工作计划\n活动中心于2024年3月建成投入使用。"},
	})
}

func TestMilestone(t *testing.T) {
	checktest.Expect(t, year.Milestone, []checktest.Case{
		{In: "2024年工作总结\n一、2024年工作总结\n2024年是全面贯彻落实党的二十大精神的开局之年。", Want: []string{"二十大精神的开局之年"}},
		{In: "2024年工作总结\n一、2024年工作总结\n今年是全面贯彻落实党的二十大精神的开局之年。", Want: []string{"二十大精神的开局之年"}},
		{In: "2023年工作总结\n一、2023年工作总结\n隆重庆祝建党100周年，完成投资1亿元。\n二、2024年工作计划\n迎接新中国成立七十五周年。", Want: []string{"建党100周年"}},
		{In: "2025年工作总结\n一、2025年工作总结\n完成投资1亿元。\n二、2026年工作计划\n2026年是“十四五”收官之年。", Want: []string{"十四五”收官之年"}},
		{Name: "a congress of the shared table", In: "2019年工作总结\n一、2019年工作总结\n2019年是全面贯彻党的十九大精神的开局之年。\n二、2020年工作计划\n2020年是“十二五”收官之年。", Want: []string{"十九大精神的开局之年", "十二五”收官之年"}},
		{Name: "near miss: 十九大 in its year", In: "2018年工作总结\n一、2018年工作总结\n2018年是全面贯彻党的十九大精神的开局之年。\n二、2019年工作计划\n2020年是“十三五”收官之年。"},
		{Name: "near miss: the right years", In: "2023年工作总结\n一、2023年工作总结\n2023年是全面贯彻落实党的二十大精神的开局之年。\n二、2024年工作计划\n迎接新中国成立75周年，2026年是“十五五”开局之年。"},
		{Name: "near miss: a speech cited later", In: "2023年工作总结\n一、2023年工作总结\n深入学习习近平总书记在庆祝中国共产党成立100周年大会上的重要讲话精神。"},
		{Name: "near miss: no year known", In: "关于加强基层治理的意见\n隆重庆祝建党100周年。"},
	})
}

func TestHorizon(t *testing.T) {
	checktest.Expect(t, year.Horizon, []checktest.Case{
		{In: "2024年工作总结\n一、2024年工作总结\n做好常态化疫情防控。\n二、2025年工作计划\n坚决打赢脱贫攻坚战。", Want: []string{"常态化疫情防控", "打赢脱贫攻坚战"}},
		{In: "2025年工作总结\n一、2025年工作总结\n完成投资1亿元。\n二、2026年工作计划\n确保完成“十四五”规划目标任务。", Want: []string{"“十四五”规划目标任务"}},
		{Name: "near miss: in its time", In: "2020年工作总结\n一、2020年工作总结\n坚决打赢脱贫攻坚战，做好常态化疫情防控。\n二、2021年工作计划\n巩固拓展脱贫攻坚成果。"},
		{Name: "near miss: a review looking back", In: "2021年工作总结\n一、2021年工作总结\n回顾打赢脱贫攻坚战的历程。\n二、2022年工作计划\n巩固拓展脱贫攻坚成果。"},
	})
}

func TestRelative(t *testing.T) {
	checktest.Expect(t, year.Relative, []checktest.Case{
		{In: "2023年工作总结\n一、2023年工作总结\n今年（2022年）以来，完成投资1亿元，比去年(2021年)增长5%。", Want: []string{"2022→2023", "2021→2022"}},
		{Name: "near miss: right glosses", In: "2023年工作总结\n一、2023年工作总结\n今年（2023年）以来，完成投资1亿元，比去年（2022年）增长5%。\n二、2024年工作计划\n明年（2024年）完成投资2亿元。"},
	})
}

func TestTitleYear(t *testing.T) {
	body := "各位代表：\n现在，我代表县人民政府，向大会报告工作。\n一、2021年工作回顾\n全县完成投资1亿元。\n二、2022年工作安排\n力争完成投资2亿元。"
	checktest.Expect(t, year.TitleYear, []checktest.Case{
		{Name: "a title of another year", In: "桐溪县2024年政府工作报告\n——2022年1月6日在桐溪县第十八届人民代表大会第一次会议上\n" + body, Want: []string{"2024→2022"}},
		{Name: "a subtitle of another year", In: "桐溪县2022年政府工作报告\n——2021年1月8日在桐溪县第十七届人民代表大会第五次会议上\n" + body, Want: []string{"2021→2022"}},
		{Name: "a December congress, dated a year early", In: "桐溪县2022年政府工作报告\n——2022年12月28日在桐溪县第十八届人民代表大会第二次会议上\n" + body, Want: []string{"2022→2021"}},
		{Name: "a national session of another year", In: "2019年政府工作报告\n——在第十三届全国人民代表大会第一次会议上\n各位代表：\n现在，我代表国务院，向大会报告政府工作。\n一、2018年工作回顾\n经济平稳。\n二、2019年工作总体部署\n", Want: []string{"——在第十三届全国人民代表大会第一次会议上"}},
		{Name: "the title loses to the session and the headings", In: "2019年政府工作报告\n——在第十三届全国人民代表大会第一次会议上\n各位代表：\n现在，我代表国务院，向大会报告政府工作。\n一、2017年工作回顾\n经济平稳。\n二、2018年工作总体部署\n", Want: []string{"2019→2018"}},
		{Name: "near miss: all agree", In: "桐溪县2022年政府工作报告\n——2022年1月6日在桐溪县第十八届人民代表大会第一次会议上\n" + body},
		{Name: "near miss: a December congress for the next year", In: "桐溪县2022年政府工作报告\n——2021年12月28日在桐溪县第十八届人民代表大会第一次会议上\n" + body},
		{Name: "near miss: a title alone", In: "桐溪县2022年政府工作报告\n各位代表：\n现在，我代表县人民政府，向大会报告工作。\n全县完成投资1亿元。"},
		{Name: "near miss: not a 政府工作报告", In: "石桥镇2024年工作总结\n——2023年12月28日在石桥镇第十八届人民代表大会第三次会议上\n一、2024年工作总结\n完成投资1亿元。"},
	})
}
