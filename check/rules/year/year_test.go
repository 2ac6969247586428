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

// Ensure a review heading given the plan year is found, in a 政府工作报告
// and in a summary, whatever else the heading says; and that its fix is
// certain only where the report's year is settled without it.
func TestReviewHeadingYear(t *testing.T) {
	const (
		head = "柏溪市2026年政府工作报告\n——2026年1月20日在柏溪市第十六届人民代表大会第五次会议上\n各位代表：\n现在，我代表市人民政府，向大会报告工作。\n"
		plan = "\n二、2026年工作安排\n全市生产总值增长5%左右。\n"
	)
	national := func(review, plan string) string {
		return "各位代表：\n现在，我代表国务院，向大会报告政府工作。\n一、" + review + "\n经济运行稳中有进。\n二、" + plan + "\n国内生产总值增长6%左右。\n三、2019年主要任务\n深化改革。\n"
	}
	cases := []struct {
		checktest.Case
		certain bool
	}{
		{checktest.Case{Name: "the plan year", In: head + "一、2026年工作回顾\n全市生产总值增长5.2%。" + plan, Want: []string{"2026→2025"}}, true},
		{checktest.Case{Name: "a five-year review and the plan year", In: head + "一、“十四五”时期发展成就和2026年工作回顾\n全市生产总值增长5.2%。" + plan, Want: []string{"2026→2025"}}, true},
		{checktest.Case{Name: "the year's work and the achievements", In: head + "一、2026年主要工作和“十四五”发展成就\n全市生产总值增长5.2%。" + plan, Want: []string{"2026→2025"}}, true},
		{checktest.Case{Name: "no title: the later headings tell", In: national("2019年工作回顾", "2019年工作总体部署"), Want: []string{"2019→2018"}}, false},
		{checktest.Case{Name: "a summary", In: "石桥镇2024年工作总结及2025年工作计划\n一、2025年工作总结\n全镇完成投资1亿元。\n二、2025年工作计划\n力争完成投资2亿元。", Want: []string{"2025→2024"}}, true},
		{checktest.Case{Name: "a summary's title alone", In: "云岭镇2024年工作总结\n一、2025年工作总结\n全镇完成投资1亿元。\n二、下一步工作计划\n力争完成投资2亿元。", Want: []string{"2025→2024"}}, false},
		{checktest.Case{Name: "a plan heading of the reviewed year, settled", In: head + "一、2025年工作回顾\n全市生产总值增长5.2%。\n二、2025年工作安排\n全市生产总值增长5%左右。", Want: []string{"2025→2026"}}, true},
		{checktest.Case{Name: "a plan heading of the reviewed year, the headings alone", In: national("2018年工作回顾", "2018年工作总体部署"), Want: []string{"2018→2019"}}, false},
		{checktest.Case{Name: "near miss: the right years", In: head + "一、2025年工作回顾\n全市生产总值增长5.2%。" + plan}, false},
		{checktest.Case{Name: "near miss: the plan's work", In: head + "一、2025年工作回顾\n全市生产总值增长5.2%。\n二、“十五五”时期主要目标任务\n建设现代化产业体系。\n三、2026年主要工作\n扩大内需。"}, false},
		{checktest.Case{Name: "near miss: a half-year summary", In: "石桥镇2024年上半年工作总结暨下半年工作计划\n一、2024年上半年工作回顾\n全镇完成投资1亿元。\n二、2024年下半年工作计划\n力争完成投资2亿元。"}, false},
	}
	var plain []checktest.Case
	for _, c := range cases {
		plain = append(plain, c.Case)
	}
	checktest.Expect(t, year.HeadingYear, plain)
	for _, c := range cases {
		for _, d := range checktest.Run(t, c.Name, c.In, nil, year.HeadingYear) {
			if len(d.Fixes) == 0 || d.Fixes[0].Certain != c.certain {
				t.Errorf("%s: %s fixes %+v, want certain %v", c.Name, d.Text, d.Fixes, c.certain)
			}
		}
	}
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

// gov wraps a review and a plan of our own in a 2026 政府工作报告.
func gov(review, plan string) string {
	return "柏溪市2026年政府工作报告\n——2026年1月20日在柏溪市第十六届人民代表大会第五次会议上\n各位代表：\n现在，我代表市人民政府，向大会报告工作。\n" +
		"一、2025年工作回顾\n" + review + "\n二、2026年工作安排\n" + plan + "\n"
}

// town wraps a review and a plan of our own in a town's 2024 summary.
func town(review, plan string) string {
	return "石桥镇2024年工作总结及2025年工作计划\n一、2024年工作总结\n" + review + "\n二、2025年工作计划\n" + plan + "\n"
}

func TestFutureYear(t *testing.T) {
	checktest.Expect(t, year.FutureYear, []checktest.Case{
		{In: "2023年工作总结\n一、2023年工作总结\n活动中心已于2024年3月建成。\n二、2024年工作计划\n力争完成投资2亿元。", Want: []string{"2024"}},
		{Name: "a 政府工作报告's review opening with the plan year", In: gov("2026年，全市地区生产总值增长5.2%，新增城镇就业6.1万人。", "全市地区生产总值增长5%左右。"), Want: []string{"2026"}},
		{Name: "a year after the plan year", In: gov("过去一年，全市经济稳中有进。2027年，全市粮食产量达到210万吨。", "稳定粮食生产。"), Want: []string{"2027"}},
		{Name: "the subject after the year", In: town("2025年全镇完成固定资产投资3.2亿元，增长8.1%。", "力争完成投资4亿元。"), Want: []string{"2025"}},
		{Name: "the year's targets told as met", In: gov("2026年目标任务圆满完成，经济社会发展取得新成效。", "扎实做好各项工作。"), Want: []string{"2026"}},
		{Name: "过去的 before the year", In: gov("刚刚过去的2026年，极不平凡。全市上下团结奋进。", "扎实做好各项工作。"), Want: []string{"2026"}},
		{Name: "an event of the plan year told as held", In: town("成功举办2025年全镇农民丰收节，吸引游客2万人次。", "办好丰收节。"), Want: []string{"2025"}},
		{Name: "a half-year review", In: "青禾街道2024年上半年工作总结暨下半年工作计划\n一、上半年工作开展情况\n2025年，街道新签约项目12个，总投资18亿元。\n二、下半年工作计划\n力争新签约项目10个。", Want: []string{"2025"}},
		{Name: "a part about several years still reviews the past", In: "云岭省2026年政府工作报告\n——2026年1月20日在云岭省第十四届人民代表大会第四次会议上\n各位代表：\n一、“十四五”时期和2025年工作回顾\n五年来，全省经济实力跃上新台阶。2026年，全省粮食产量达到300亿斤。\n二、2026年工作安排\n稳定粮食生产。", Want: []string{"2026"}},
		{Name: "after an item's marker or a link word", In: gov("一是经济稳中有进。二是2026年全市新增高新技术企业300家。——2026年，全市粮食产量210万吨。同时，2026年，全市新建学校12所。", "扎实做好各项工作。"), Want: []string{"2026", "2026", "2026"}},
		{Name: "an event, an award, a completion inside a sentence", In: gov(
			"全市接待游客增长12%，在柏溪举办2026年全国龙舟邀请赛。荣获2026年度全省营商环境先进市称号。新开通2026年国际货运航线3条，成功承办了2026年长江流域文旅峰会。",
			"扎实做好各项工作。"), Want: []string{"2026", "2026", "2026", "2026"}},
		{Name: "an event inside a summary's sentence", In: town("全镇上下团结奋进，召开2025年全镇乡贤大会，被评为2025年度全市平安乡镇，全面完成2025年度目标任务。", "力争完成投资4亿元。"),
			Want: []string{"2025", "2025", "2025"}},
		{Name: "要 in a word is no plan", In: town("召开2025年全镇主要领导干部大会，落实重要工作要求。", "力争完成投资4亿元。"), Want: []string{"2025"}},
		{Name: "near miss: events ahead, things made ready for the next year", In: gov(
			"出台《柏溪市2026年城市更新行动方案》。完成2026年预算编制。获得2026年中央预算内投资12亿元。完成2026年度城乡居民医保参保征缴。"+
				"全市将举办2026年全省旅游发展大会。筹备召开2026年全市人才工作会议。成功申办2027年全省运动会。在本市举办2026年1月的迎春灯会。"+
				"完成2026年重点项目谋划120个。获得2027年亚洲龙舟锦标赛举办权。荣获2025年度全省营商环境先进市称号。"+
				"要在本市举办2026年全国龙舟邀请赛。举办2026年新年音乐会。",
			"扎实做好各项工作。")},
		{Name: "near miss: an event of the plan year in the plan", In: town("全镇完成固定资产投资3.2亿元。", "举办2025年全镇乡贤大会，创建2025年度全市平安乡镇。")},
		{Name: "near miss: not the sentence's time", In: gov("全市新增“2026年度重点实验室”3家。一是谋划2026年重点项目120个。", "扎实做好各项工作。")},
		{Name: "a plan as a noun, an object after 将", In: gov("2026年，实施农村学生营养改善计划，惠及学生20万人。2026年，将12支政府投资基金整合为3支。", "扎实做好各项工作。"), Want: []string{"2026", "2026"}},
		{Name: "near miss: 计划 and 将 as plans", In: gov("2026年，计划投资120亿元。2026年，全市将新建学校12所。", "扎实做好各项工作。")},
		{Name: "near miss: a deadline", In: "2023年工作总结\n一、2023年工作总结\n活动中心已开工，预计2024年3月建成。\n二、2024年工作计划\n力争完成投资2亿元。"},
		{Name: "near miss: in the plan part", In: "2023年工作总结\n一、2023年工作总结\n完成投资1亿元。\n二、2024年工作计划\n活动中心于2024年3月建成投入使用。"},
		{Name: "near miss: the plan part of a 政府工作报告", In: gov("全市地区生产总值增长5.2%。", "2026年，全市地区生产总值增长5%左右，城镇新增就业6万人。")},
		{Name: "near miss: years ahead in a review", In: gov(
			"全市地区生产总值增长5.2%，为2026年发展打下坚实基础。到2027年，轨道交通运营里程将达到300公里。"+
				"出台城市更新条例，2026年前完成老旧小区改造。2026年至2027年的改造计划已经编制完成。编制《柏溪市2026年重点项目计划》。"+
				"明年（2026年）的重点项目已经谋划。成功申办2027年全省运动会。2030年前实现碳达峰的路径更加清晰。"+
				"2026年，全市将继续深化改革。力争2026年全面建成。2026年是“十五五”开局之年，我们将抓好开局。"+
				"条例自2026年3月1日起施行。2026—2030年发展规划纲要编制完成。",
			"扎实做好各项工作。")},
		{Name: "near miss: the year reviewed", In: gov("2025年，全市地区生产总值增长5.2%。刚刚过去的2025年，极不平凡。", "扎实做好各项工作。")},
		{Name: "near miss: a report of no known year", In: "工作总结\n一、主要工作\n2026年，全镇完成投资3亿元。\n二、下一步工作计划\n力争完成投资4亿元。"},
	})
}

func TestStaleYear(t *testing.T) {
	checktest.Expect(t, year.StaleYear, []checktest.Case{
		{Name: "a 政府工作报告's review opening with the year before", In: gov("2024年，全市地区生产总值增长5.4%，新增城镇就业5.8万人。", "全市地区生产总值增长5%左右。"), Want: []string{"2024"}},
		{Name: "the subject after the year", In: town("2023年全镇完成固定资产投资3.2亿元，增长8.1%。", "力争完成投资4亿元。"), Want: []string{"2023"}},
		{Name: "a change on the year before is no comparison of years", In: town("2023年，全镇规上工业产值12.6亿元，同比增长9.3%。", "力争完成投资4亿元。"), Want: []string{"2023"}},
		{Name: "what the year was", In: gov("2024年是极不平凡的一年。全市上下团结奋进。", "扎实做好各项工作。"), Want: []string{"2024"}},
		{Name: "after an item's marker", In: gov("（三）民生持续改善。一是2024年全市新增就业5.8万人。", "扎实做好各项工作。"), Want: []string{"2024"}},
		{Name: "two years before", In: gov("2023年，全市新增高新技术企业320家。", "扎实做好各项工作。"), Want: []string{"2023"}},
		{Name: "a half-year review", In: "青禾街道2024年上半年工作总结暨下半年工作计划\n一、上半年工作开展情况\n2023年，街道新签约项目12个，总投资18亿元。\n二、下半年工作计划\n力争新签约项目10个。", Want: []string{"2023"}},
		{Name: "near miss: comparisons, spans and names", In: gov(
			"全市地区生产总值比2024年增长5.2%。2021年以来，累计新增就业30万人。2024年底，全市常住人口达到520万人。"+
				"荣获2024年度全省营商环境评价优秀等次。2024年度，全市…的考核结果位居前列。2024年至2025年，全市新建学校12所。"+
				"2024年，全市新建保障房1万套；2025年，新建1.2万套。2024年启动的城市更新项目，今年已全部完工。"+
				"2024年12月，全市首条地铁开通运营。2023年，全市地区生产总值首次突破3000亿元。2024年以前，全市没有一所本科高校。"+
				"2024年全市新增就业与2023年相比增长5%。2024年，全市累计建成5G基站1.2万个。",
			"扎实做好各项工作。")},
		{Name: "near miss: a part about several years", In: "云岭省2026年政府工作报告\n——2026年1月20日在云岭省第十四届人民代表大会第四次会议上\n各位代表：\n一、“十四五”时期工作回顾\n2022年，全省粮食产量达到290亿斤。2024年，全省粮食产量达到298亿斤。\n二、2026年工作安排\n稳定粮食生产。"},
		{Name: "near miss: in the plan part", In: town("全镇完成固定资产投资3.2亿元。", "2023年，镇里启动的项目要全部完工。")},
		{Name: "near miss: the year reviewed", In: town("2024年，全镇完成固定资产投资3.2亿元。", "力争完成投资4亿元。")},
		{Name: "near miss: later in the sentence", In: town("全镇完成2023年结转项目12个。", "力争完成投资4亿元。")},
		{Name: "a speech at a meeting of a year, two years back", In: meeting("2024年，全镇完成地区生产总值28.6亿元。"), Want: []string{"2024"}},
		{Name: "near miss: a speech at a meeting of a year reviews the year before", In: meeting("2025年，全镇完成地区生产总值28.6亿元。")},
	})
}

// meeting is a town's speech at its meeting of 2026, early in 2026: it
// reviews 2025 (review) and plans 2026, which its 今年 means.
func meeting(review string) string {
	return "在全镇2026年经济工作会议上的讲话\n同志们：\n一、过去一年工作成效明显\n" + review +
		"\n二、扎实抓好今年重点工作\n今年是“十五五”开局之年。力争新签约亿元以上项目5个。"
}

func TestMilestone(t *testing.T) {
	checktest.Expect(t, year.Milestone, []checktest.Case{
		{In: "2024年工作总结\n一、2024年工作总结\n2024年是全面贯彻落实党的二十大精神的开局之年。", Want: []string{"二十大精神的开局之年"}},
		{In: "2024年工作总结\n一、2024年工作总结\n今年是全面贯彻落实党的二十大精神的开局之年。", Want: []string{"二十大精神的开局之年"}},
		{In: "2023年工作总结\n一、2023年工作总结\n隆重庆祝建党100周年，完成投资1亿元。\n二、2024年工作计划\n迎接新中国成立七十五周年。", Want: []string{"建党100周年"}},
		{In: "2025年工作总结\n一、2025年工作总结\n完成投资1亿元。\n二、2026年工作计划\n2026年是“十四五”收官之年。", Want: []string{"十四五”收官之年"}},
		{Name: "a congress of the shared table", In: "2019年工作总结\n一、2019年工作总结\n2019年是全面贯彻党的十九大精神的开局之年。\n二、2020年工作计划\n2020年是“十二五”收官之年。", Want: []string{"十九大精神的开局之年", "十二五”收官之年"}},
		{Name: "a speech at a meeting of 2026 calls 2025 the first year of 十五五", In: "在全镇2026年经济工作会议上的讲话\n同志们：\n一、过去一年工作成效明显\n去年是“十五五”开局之年。\n二、扎实抓好今年重点工作\n力争新签约项目5个。", Want: []string{"十五五”开局之年"}},
		{Name: "near miss: a speech at a meeting of 2026 and its 今年", In: meeting("2025年，全镇完成地区生产总值28.6亿元。")},
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
		{Name: "near miss: a summary's title and heading agree", In: "石桥镇2024年工作总结\n——2023年12月28日在石桥镇第十八届人民代表大会第三次会议上\n一、2024年工作总结\n完成投资1亿元。"},
		{Name: "a title a year early, against the years told as done", In: "2012年政府工作报告\n各位代表：\n现在，我代表国务院，向大会报告政府工作。\n一、过去五年工作回顾\n2012年，国内生产总值增长7.8%。2012年末，外汇储备3.3万亿美元。\n二、今年工作的总体要求\n国内生产总值增长7.5%左右。", Want: []string{"2012→2013"}},
		{Name: "a title a year late, against a five-year review and the years told as done", In: "云岭省2027年政府工作报告\n各位代表：\n现在，我代表省人民政府，向大会报告工作。\n一、“十四五”时期工作回顾\n2025年，全省生产总值增长5%。2025年，粮食产量300亿斤。\n二、今年工作安排\n全省生产总值增长5%左右。", Want: []string{"2027→2026"}},
		{Name: "last year's title on a summary", In: "石桥镇2023年工作总结\n一、2024年工作总结\n2024年，全镇完成投资1亿元。\n二、2025年工作计划\n力争完成投资2亿元。", Want: []string{"2023→2024"}},
		{Name: "next year's title on a summary", In: "石桥镇2025年工作总结及2026年工作计划\n一、2024年工作总结\n全镇完成投资1亿元。\n二、2025年工作计划\n力争完成投资2亿元。", Want: []string{"2025→2024"}},
		{Name: "a mid-year speech of last year", In: "街道2022年年中工作会议上的讲话\n一、2023年上半年工作回顾\n完成投资1亿元。\n二、2023年下半年工作任务\n力争完成投资2亿元。", Want: []string{"2022→2023"}},
		{Name: "near miss: a meeting's year", In: "在2024年全镇经济工作会议上的讲话\n一、2023年工作回顾\n全镇完成投资1亿元。\n二、2024年工作任务\n力争完成投资2亿元。"},
		{Name: "near miss: a single stale heading is the heading's error", In: "石桥镇2024年工作总结及2025年工作计划\n一、2023年工作总结\n全镇完成投资1亿元。\n二、下一步工作计划\n力争完成投资2亿元。"},
		{Name: "near miss: a title a year late, against the years told as done alone", In: "2014年政府工作报告\n各位代表：\n现在，我代表国务院，向大会报告政府工作。\n一、过去五年工作回顾\n2012年，国内生产总值增长7.8%。2012年末，外汇储备3.3万亿美元。\n二、今年工作的总体要求\n国内生产总值增长7.5%左右。"},
	})
}
