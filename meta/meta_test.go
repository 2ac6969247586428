package meta_test

import (
	"fmt"
	"testing"

	"zongjie"
	"zongjie/extract"
	"zongjie/reader"
)

// detect returns the metadata of the first report of text.
func detect(t *testing.T, text string) zongjie.Meta {
	t.Helper()
	return detectFile(t, "t.txt", text)
}

// detectFile returns the metadata of the first report of a file named
// path holding text.
func detectFile(t *testing.T, path, text string) zongjie.Meta {
	t.Helper()
	f, err := reader.Read(path, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return extract.File(f)[0].Meta
}

func term(t *zongjie.Term) string {
	if t == nil {
		return "-"
	}
	return fmt.Sprintf("%d%s", t.Year, t.Period)
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name, text           string
		unit                 string
		level                zongjie.Level
		genre                zongjie.Genre
		review, plan, stated string
	}{
		{"title with both years", "青禾街道2024年工作总结及2025年工作计划\n一、2024年工作总结\n全街道上下…\n二、2025年工作计划\n",
			"青禾街道", zongjie.LevelStreet, zongjie.GenreSummaryPlan, "2024FY", "2025FY", "-"},
		{"the title's next-year plan outweighs half-year words in the body", "青禾街道2024年工作总结及2025年工作计划\n半年来，全街道上下…\n一、2024年工作总结\n二、下半年工作计划\n",
			"青禾街道", zongjie.LevelStreet, zongjie.GenreSummaryPlan, "2024FY", "2025FY", "-"},
		{"half year with 暨", "石桥镇2024年上半年工作总结暨下半年工作计划\n一、上半年工作\n二、下半年工作计划\n",
			"石桥镇", zongjie.LevelTown, zongjie.GenreSummaryPlan, "2024H1", "2024H2", "-"},
		{"wrong plan year in the title", "柳河乡2024年工作总结及2024年工作计划\n一、工作总结\n二、工作计划\n",
			"柳河乡", zongjie.LevelTownship, zongjie.GenreSummaryPlan, "2024FY", "2025FY", "2024FY"},
		{"wrong plan year in the lead sentence", "2024年工作总结及2025年工作计划\n现将我镇2024年工作总结及2024年工作计划报告如下：\n一、工作总结\n全镇完成…，全镇推进…\n二、工作计划\n",
			"", zongjie.LevelTown, zongjie.GenreSummaryPlan, "2024FY", "2025FY", "2024FY"},
		{"no title, lead sentence and anonymised unit", "2024年**街道坚持…。现将2024年上半年工作开展情况总结如下：\n一、上半年工作开展情况\n二、下一步工作打算\n",
			"**街道", zongjie.LevelStreet, zongjie.GenreSummaryPlan, "2024H1", "2024H2", "-"},
		{"an anonymised 社区 beside its anonymised 街道 is a part", "2024年**街道坚持…。现将2024年上半年工作开展情况总结如下：\n一、上半年工作开展情况\n指导各村、**社区开展…，**社区完成…，**社区推进…\n二、下一步工作打算\n",
			"**街道", zongjie.LevelStreet, zongjie.GenreSummaryPlan, "2024H1", "2024H2", "-"},
		{"an anonymised 社区 alone is the unit", "2024年**社区坚持…。现将2024年上半年工作开展情况总结如下：\n一、上半年工作开展情况\n二、下一步工作打算\n",
			"**社区", zongjie.LevelCommunity, zongjie.GenreSummaryPlan, "2024H1", "2024H2", "-"},
		{"a 述职报告 reviews the year it names", "龙溪乡党委书记2024年度述职报告\n一、加强学习\n二、履职尽责\n三、存在的不足和下一步打算\n",
			"龙溪乡", zongjie.LevelTownship, zongjie.GenreSummaryPlan, "2024FY", "2025FY", "-"},
		{"near miss: a 述职报告 with no plan part", "龙溪乡党委书记2024年度述职报告\n一、加强学习\n二、履职尽责\n",
			"龙溪乡", zongjie.LevelTownship, zongjie.GenreSummary, "2024FY", "-", "-"},
		{"a plan paragraph with no heading", "清溪镇2024年招商引资工作总结\n一、健全机制\n二、精准发力\n2025年，我镇将重点抓好以下工作：一是招商；二是服务。\n",
			"清溪镇", zongjie.LevelTown, zongjie.GenreSummaryPlan, "2024FY", "2025FY", "-"},
		{"near miss: a paragraph naming the next year", "清溪镇2024年招商引资工作总结\n一、健全机制\n二、精准发力\n2025年是“十五五”规划开局之年，全镇上下信心满怀。\n",
			"清溪镇", zongjie.LevelTown, zongjie.GenreSummary, "2024FY", "-", "-"},
		{"plan only", "青禾街道2025年工作要点\n一、总体要求\n二、重点任务\n",
			"青禾街道", zongjie.LevelStreet, zongjie.GenrePlan, "-", "2025FY", "-"},
		{"speech", "街道2024年年中工作会议讲话\n同志们：\n一、上半年工作回顾\n二、下半年工作任务\n加快推进xx街道建设。xx街道要…\n",
			"xx街道", zongjie.LevelStreet, zongjie.GenreSpeech, "2024H1", "2024H2", "-"},
		{"a speech at a meeting of a year reviews the year before", "在全镇2026年经济工作会议上的讲话\n同志们：\n一、过去一年工作成效明显\n全镇完成投资1亿元。\n二、扎实抓好今年重点工作\n力争完成投资2亿元。\n",
			"", zongjie.LevelTown, zongjie.GenreSpeech, "2025FY", "2026FY", "-"},
		{"a speech at a meeting that deploys a year's work", "在全镇2026年安全生产工作部署会上的讲话\n同志们：\n一、过去一年安全形势总体平稳\n二、抓好今年安全生产工作\n",
			"", zongjie.LevelTown, zongjie.GenreSpeech, "2025FY", "2026FY", "-"},
		{"a meeting of the first half reviews it", "在全镇2026年上半年经济形势分析会上的讲话\n同志们：\n一、经济运行总体平稳\n全镇完成投资1亿元。\n二、扎实抓好下半年工作\n力争完成投资2亿元。\n",
			"", zongjie.LevelTown, zongjie.GenreSpeech, "2026H1", "2026H2", "-"},
		{"a meeting of a year held in its spring", "在全镇2026年重点项目推进会上的讲话\n（2026年4月16日）\n同志们：\n一、过去一年项目建设成效明显\n全镇完成投资1亿元。\n二、抓好今年重点项目\n力争完成投资2亿元。\n",
			"", zongjie.LevelTown, zongjie.GenreSpeech, "2025FY", "2026FY", "-"},
		{"near miss: a meeting of a year held in its autumn", "在全镇2026年重点项目推进会上的讲话\n（2026年9月10日）\n同志们：\n一、项目建设进展顺利\n全镇完成投资1亿元。\n二、全力冲刺全年目标\n力争完成投资2亿元。\n",
			"", zongjie.LevelTown, zongjie.GenreSpeech, "2026FY", "-", "-"},
		{"a meeting of a quarter reviews it", "在全镇2026年一季度经济形势分析会上的讲话\n同志们：\n一、经济运行总体平稳\n全镇完成投资1亿元。\n",
			"", zongjie.LevelTown, zongjie.GenreSpeech, "2026Q1", "2026Q2", "-"},
		{"a meeting of the first three quarters", "在全镇2026年前三季度经济运行分析会上的讲话\n同志们：\n一、经济运行总体平稳\n二、全力冲刺四季度\n",
			"", zongjie.LevelTown, zongjie.GenreSpeech, "2026Q1-Q3", "2026Q4", "-"},
		{"near miss: a speech with no meeting", "全镇2026年春节团拜致辞\n同志们：\n过去一年，全镇完成投资1亿元。\n",
			"", zongjie.LevelTown, zongjie.GenreSpeech, "2026FY", "-", "-"},
		{"government work report", "2026年某某省政府工作报告\n各位代表：\n现在，我代表省人民政府，向大会报告工作。\n一、2025年工作回顾\n二、2026年重点工作\n",
			"某某省", zongjie.LevelProvince, zongjie.GenreSummaryPlan, "2025FY", "2026FY", "-"},
		{"national report without a title", "各位代表：\n现在，我代表国务院，向大会作政府工作报告。\n一、过去一年工作回顾\n2019年经济平稳。2019年就业稳定。\n二、今年工作总体部署\n",
			"国务院", zongjie.LevelNational, zongjie.GenreSummaryPlan, "2019FY", "2020FY", "-"},
		{"municipality is province level", "2026年上海市政府工作报告\n一、2025年工作回顾\n二、2026年主要任务\n",
			"上海市", zongjie.LevelProvince, zongjie.GenreSummaryPlan, "2025FY", "2026FY", "-"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := detect(t, tt.text)
			got := fmt.Sprintf("%s %s %s %s %s %s", m.Unit, m.Level, m.Genre, term(m.Review), term(m.Plan), term(m.StatedPlan))
			want := fmt.Sprintf("%s %s %s %s %s %s", tt.unit, tt.level, tt.genre, tt.review, tt.plan, tt.stated)
			if got != want {
				t.Errorf("got  %s\nwant %s", got, want)
			}
		})
	}
}

// Ensure a unit's name is never read from running text: neither a verb
// before a unit word ("依托街道") nor a name that recurs in the body (the
// title, session, speaker and lead sentence name a report's unit); the
// self references still give the level.
func TestUnitNearMiss(t *testing.T) {
	for _, text := range []string{
		"2024年工作总结\n依托街道资源，围绕街道中心工作。\n一、工作总结\n",
		"2024年工作总结\n。青禾街道完成任务。青禾街道推进项目。\n一、工作总结\n",
	} {
		if m := detect(t, text); m.Unit != "" {
			t.Errorf("unit %q, want none", m.Unit)
		}
	}
	m := detect(t, "2024年工作总结\n按照县委部署，实施县域经济提升行动，大力提升县城品质，创建省级园林县城，离不开县委的坚强领导。全县完成投资。全县…\n一、工作总结\n")
	if m.Unit != "" || m.Level != zongjie.LevelCounty || m.UnitSource != zongjie.SourceBody {
		t.Errorf("unit %q level %s source %s, want none, county, body", m.Unit, m.Level, m.UnitSource)
	}
}

// Ensure the period and the unit of a 政府工作报告 are read the way a
// reader reads them, from the strongest evidence present, and say where
// they came from. The reports are our own, short, with made-up places.
func TestDetectGovernment(t *testing.T) {
	tests := []struct {
		name, path, text string
		want             string // "unit parent level unit_source | review plan period_source"
	}{
		{"county report that never states its year: a milestone", "",
			"各位代表：\n现在，我代表县人民政府，向大会报告工作，请予审议。\n一、过去一年工作回顾\n全县生产总值增长7%，新增就业3000人。\n二、今年工作安排\n今年是全面贯彻党的十九大精神的开局之年。全县生产总值增长7%左右。\n",
			"  county speaker | 2017FY 2018FY milestone"},
		{"a milestone and the body agree", "",
			"各位代表：\n现在，我代表县人民政府，向大会报告工作，请予审议。\n一、过去一年工作回顾\n2017年，全县生产总值增长7%。2017年新增就业3000人。\n二、今年工作安排\n今年是全面贯彻党的十九大精神的开局之年。全县生产总值增长7%左右。\n",
			"  county speaker | 2017FY 2018FY milestone"},
		{"no year but the body's", "",
			"各位代表：\n现在，我代表县人民政府，向大会报告工作。\n一、过去一年工作回顾\n2019年，全县生产总值增长6%。2019年完成投资5亿元。力争2020年完成投资6亿元，2020年…\n二、今年重点工作\n全县生产总值增长6%左右。\n",
			"  county speaker | 2019FY 2020FY body"},
		{"the review opens with its year, written once", "",
			"各位代表：\n现在，我代表县人民政府，向大会报告工作。\n一、过去一年工作回顾\n2019年是全县发展很不平凡的一年。全县生产总值增长6%。\n二、今年重点工作\n全县生产总值增长6%左右。\n",
			"  county speaker | 2019FY 2020FY body"},
		{"the review opens with its year and a comma", "",
			"各位代表：\n现在，我代表县人民政府，向大会报告工作。\n一、过去一年工作回顾\n\n2019年，面对复杂严峻的形势，全县生产总值增长6%。\n二、今年重点工作\n全县生产总值增长6%左右。\n",
			"  county speaker | 2019FY 2020FY body"},
		{"near miss: the review's one year is not its opening", "",
			"各位代表：\n现在，我代表县人民政府，向大会报告工作。\n一、过去一年工作回顾\n全县生产总值增长6%，2019年完成投资5亿元。\n二、今年重点工作\n全县生产总值增长6%左右。\n",
			"  county speaker | - - "},
		{"near miss: a review of five years opens with their first", "",
			"各位代表：\n现在，我代表县人民政府，向大会报告工作。\n一、过去五年工作回顾\n2021年，面对复杂严峻的形势，全县生产总值增长6%。\n二、今年重点工作\n全县生产总值增长6%左右。\n",
			"  county speaker | - - "},
		{"near miss: the review opens with a year ahead", "",
			"各位代表：\n现在，我代表县人民政府，向大会报告工作。\n一、过去一年工作回顾\n2019年，全县将力争生产总值增长6%。\n二、今年重点工作\n全县生产总值增长6%左右。\n",
			"  county speaker | - - "},
		{"the review heading", "",
			"各位代表：\n现在，我代表区人民政府，向大会报告工作。\n一、2017年工作回顾\n全区生产总值增长7%。\n二、2018年工作安排\n",
			"  district speaker | 2017FY 2018FY heading"},
		{"a dated subtitle and the session name the unit", "",
			"政府工作报告\n——2021年1月12日在桐溪县第十七届人民代表大会第五次会议上\n桐溪县人民政府县长 林某\n各位代表：\n现在，我代表县人民政府，向大会报告工作。\n一、过去一年工作回顾\n按照县委部署，全县完成投资。\n",
			"桐溪县  county session | 2020FY 2021FY subtitle"},
		{"a December congress delivers the next year's report", "",
			"政府工作报告\n——2023年12月28日在桐溪县第十八届人民代表大会第三次会议上\n各位代表：\n现在，我代表县人民政府，向大会报告工作。\n一、过去一年工作回顾\n全县完成投资。\n",
			"桐溪县  county session | 2023FY 2024FY subtitle"},
		{"the national session gives the year", "",
			"政府工作报告\n——在第十三届全国人民代表大会第一次会议上\n各位代表：\n现在，我代表国务院，向大会报告政府工作。\n一、过去五年工作回顾\n五年来，经济实力跃上新台阶。\n",
			"国务院  national speaker | 2017FY 2018FY session"},
		{"near miss: a session named in the body is not the report's", "",
			"各位代表：\n现在，我代表国务院，向大会报告政府工作。\n一、过去五年工作回顾\n第十一届全国人民代表大会第一次会议以来的五年，2012年经济平稳。2012年就业稳定。\n",
			"国务院  national speaker | 2012FY 2013FY body"},
		{"the province of the session line", "",
			"政府工作报告\n——2026年1月20日在云岭省第十四届人民代表大会第四次会议上\n各位代表：\n现在，我代表省人民政府，向大会报告工作。\n一、2025年工作回顾\n落实省委部署，全省生产总值增长5%。刚刚过去的一年，是“十四五”收官之年。\n",
			"云岭省  province session | 2025FY 2026FY subtitle"},
		{"the speaker line names the province", "",
			"政府工作报告\n云岭省省长 某某\n各位代表：\n现在，我代表省人民政府，向大会报告工作。\n一、工作回顾\n落实省委部署。刚刚过去的一年，是“十四五”收官之年。\n",
			"云岭省  province speaker | 2025FY 2026FY milestone"},
		{"a district of a city in the title", "",
			"柏溪市岚山区2020年政府工作报告\n各位代表：\n现在，我代表区人民政府，向大会报告工作。\n一、2019年工作回顾\n确保新城区建设，推进棚户区改造，自觉接受区人大监督。\n",
			"岚山区 柏溪市 district title | 2019FY 2020FY title"},
		{"the district named by its head", "",
			"政府工作报告\n——2019年1月8日在岚山区第五届人民代表大会第三次会议上\n岚山区人民政府区长 周某\n各位代表：\n一、2018年工作回顾\n确保新城区建设，推进旧城区改造。\n",
			"岚山区  district session | 2018FY 2019FY subtitle"},
		{"the speaker's government in the opening", "",
			"各位代表：\n现在，我代表岚山区人民政府，向大会报告工作。\n一、2018年工作回顾\n",
			"岚山区  district speaker | 2018FY 2019FY heading"},
		{"the file name, as a last resort", "reports/2019年桐溪县政府工作报告.txt",
			"各位代表：\n现在，我代表县人民政府，向大会报告工作。\n一、过去一年工作回顾\n全县完成投资。\n二、今年工作安排\n",
			"  county speaker | 2018FY 2019FY filename"},
		{"near miss: a file name without a year", "reports/桐溪县政府工作报告.txt",
			"各位代表：\n现在，我代表县人民政府，向大会报告工作。\n一、过去一年工作回顾\n全县完成投资。\n",
			"  county speaker | - - "},
		{"the title loses to the subtitle and the session's year", "",
			"桐溪县2024年政府工作报告\n——2022年1月6日在桐溪县第十八届人民代表大会第一次会议上\n各位代表：\n一、2021年工作回顾\n全县完成投资。\n二、2022年工作安排\n",
			"桐溪县  county title | 2021FY 2022FY subtitle"},
		{"a title a year early loses to a plan heading and the years told as done", "",
			"桐溪县2023年政府工作报告\n各位代表：\n现在，我代表县人民政府，向大会报告工作。\n一、过去一年工作回顾\n2023年，全县生产总值增长6%。2023年完成投资5亿元。\n二、2024年工作安排\n全县生产总值增长6%左右。\n",
			"桐溪县  county title | 2023FY 2024FY heading"},
		{"a title a year early loses to its own year told as done", "",
			"桐溪县2023年政府工作报告\n各位代表：\n现在，我代表县人民政府，向大会报告工作。\n一、过去一年工作回顾\n2023年，全县生产总值增长6%。2023年完成投资5亿元。\n二、今年工作安排\n全县生产总值增长6%左右。\n",
			"桐溪县  county title | 2023FY 2024FY body"},
		{"a title a year late loses to the subtitle and the years told as done", "",
			"岚山区2026年政府工作报告\n——2025年1月8日在岚山区第五届人民代表大会第五次会议上\n各位代表：\n一、过去一年工作回顾\n2024年，全区生产总值增长6%。2024年完成投资5亿元。\n",
			"岚山区  district title | 2024FY 2025FY subtitle"},
		{"near miss: years ahead are not told as done", "",
			"桐溪县2024年政府工作报告\n各位代表：\n现在，我代表县人民政府，向大会报告工作。\n一、过去一年工作回顾\n全县生产总值增长6%，为2024年发展奠定基础。到2024年，全县高铁通车。2024年前建成学校2所。\n二、今年工作安排\n全县生产总值增长6%左右。\n",
			"桐溪县  county title | 2023FY 2024FY title"},
		{"near miss: a title a year late stands against the years told as done alone", "",
			"桐溪县2025年政府工作报告\n各位代表：\n现在，我代表县人民政府，向大会报告工作。\n一、过去一年工作回顾\n2023年，全县生产总值增长6%。2023年完成投资5亿元。\n二、今年工作安排\n全县生产总值增长6%左右。\n",
			"桐溪县  county title | 2024FY 2025FY title"},
		{"near miss: a single stale heading does not overrule the title", "",
			"桐溪县2024年政府工作报告\n各位代表：\n现在，我代表县人民政府，向大会报告工作。\n一、2022年工作回顾\n全县生产总值增长6%。\n二、今年工作安排\n全县生产总值增长6%左右。\n",
			"桐溪县  county title | 2023FY 2024FY title"},
		{"near miss: the rest divided", "",
			"桐溪县2023年政府工作报告\n各位代表：\n现在，我代表县人民政府，向大会报告工作。\n一、2022年工作回顾\n2023年，全县生产总值增长6%。2023年完成投资5亿元。\n二、2024年工作安排\n全县生产总值增长6%左右。\n",
			"桐溪县  county title | 2022FY 2023FY title"},
		{"a review heading given the plan year loses to the title and the subtitle", "",
			"柏溪市2026年政府工作报告\n——2026年1月20日在柏溪市第十六届人民代表大会第五次会议上\n各位代表：\n一、2026年工作回顾\n全市生产总值增长5%。\n二、2026年工作安排\n全市生产总值增长5%左右。\n",
			"柏溪市  city title | 2025FY 2026FY title"},
		{"headings that disagree: the later headings tell", "",
			"各位代表：\n现在，我代表县人民政府，向大会报告工作。\n一、2019年工作回顾\n全县生产总值增长6%。\n二、2019年工作总体部署\n全县生产总值增长6%左右。\n三、2019年主要任务\n抓好项目建设。\n",
			"  county speaker | 2018FY 2019FY heading"},
		{"headings that disagree: the years told as done tell", "",
			"各位代表：\n现在，我代表县人民政府，向大会报告工作。\n一、2019年工作回顾\n2018年，全县生产总值增长6%。2018年完成投资5亿元。\n二、2019年工作安排\n全县生产总值增长6%左右。\n",
			"  county speaker | 2018FY 2019FY heading"},
		{"headings that disagree: a milestone tells", "",
			"各位代表：\n现在，我代表县人民政府，向大会报告工作。\n一、2026年工作回顾\n全县生产总值增长6%。\n二、2026年工作安排\n今年是“十五五”开局之年。全县生产总值增长6%左右。\n",
			"  county speaker | 2025FY 2026FY heading"},
		{"headings that disagree the other way: a plan heading of the reviewed year", "",
			"各位代表：\n现在，我代表县人民政府，向大会报告工作。\n一、2018年工作回顾\n2018年，全县生产总值增长6%。2018年完成投资5亿元。\n二、2018年工作安排\n全县生产总值增长6%左右。\n",
			"  county speaker | 2018FY 2019FY heading"},
		{"the review of a five-year plan and the goals of the next", "",
			"各位代表：\n现在，我代表县人民政府，向大会报告工作。\n一、“十三五”时期工作回顾\n五年来，全县经济实力跃上新台阶。\n二、“十四五”时期的主要目标任务\n全县生产总值年均增长6%。\n",
			"  county speaker | 2020FY 2021FY heading"},
		{"near miss: a milestone of a stated year says nothing of the report's", "",
			"各位代表：\n现在，我代表县人民政府，向大会报告工作。\n一、过去五年工作回顾\n2021年是“十四五”开局之年。\n",
			"  county speaker | - - "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tt.path
			if path == "" {
				path = "t.txt"
			}
			m := detectFile(t, path, tt.text)
			got := fmt.Sprintf("%s %s %s %s | %s %s %s", m.Unit, m.Parent, m.Level, m.UnitSource, term(m.Review), term(m.Plan), m.PeriodSource)
			if got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			if m.DocType != "政府工作报告" {
				t.Errorf("doc type %q", m.DocType)
			}
		})
	}
}

// Ensure a summary that never writes its year takes it from a milestone
// phrase, or else from its file's name, and says so.
func TestDetectUndatedSummary(t *testing.T) {
	tests := []struct {
		name, path, text string
		want             string // "review plan period_source"
	}{
		{"今年 and a congress", "t.txt", "工作总结\n今年是全面贯彻落实党的二十大精神的开局之年，全镇上下团结奋进。\n一、主要工作\n完成投资1亿元。\n二、下一步工作计划\n",
			"2023FY 2024FY milestone"},
		{"明年 and a five-year plan", "t.txt", "工作总结\n一、主要工作\n全镇完成投资1亿元。\n二、下一步工作计划\n明年是“十五五”开局之年，全镇将…\n",
			"2025FY 2026FY milestone"},
		{"the file name", "2022年石桥镇工作总结.txt", "工作总结\n一、主要工作\n全镇完成投资1亿元。\n二、下一步工作计划\n",
			"2022FY 2023FY filename"},
		{"near miss: a hash in the file name", "seeds/000_8e2021b7.txt", "工作总结\n一、主要工作\n全镇完成投资1亿元。\n二、下一步工作计划\n",
			"0FY 0FY "},
		{"near miss: the title's year outranks all", "2022年石桥镇工作总结.txt", "石桥镇2024年工作总结\n今年是全面贯彻落实党的二十大精神的开局之年。\n一、主要工作\n",
			"2024FY - title"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := detectFile(t, tt.path, tt.text)
			if got := fmt.Sprintf("%s %s %s", term(m.Review), term(m.Plan), m.PeriodSource); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// Ensure a summary's title that the rest of it contradicts (last year's
// title on this year's report) loses to the rest, as a 政府工作报告's does:
// the review is the year the headings and the body give, and a plan year
// the title states is kept apart as the stated plan.
func TestSummaryTitleOverruled(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // "review plan stated period_source"
	}{
		{"last year's title", "石桥镇2023年工作总结及2024年工作计划\n一、2024年工作总结\n2024年，全镇完成投资1亿元。\n二、2025年工作计划\n力争完成投资2亿元。\n",
			"2024FY 2025FY 2024FY heading"},
		{"next year's title", "石桥镇2025年工作总结\n一、2024年工作总结\n全镇完成投资1亿元。\n二、2025年工作计划\n力争完成投资2亿元。\n",
			"2024FY 2025FY - heading"},
		{"a speech of last year's title", "街道2022年年中工作会议上的讲话\n一、2023年上半年工作回顾\n完成投资1亿元。\n二、2023年下半年工作任务\n力争完成投资2亿元。\n",
			"2023H1 2023H2 - heading"},
		{"near miss: a meeting's year", "在2024年全镇经济工作会议上的讲话\n一、2023年工作回顾\n全镇完成投资1亿元。\n二、2024年工作任务\n力争完成投资2亿元。\n",
			"2023FY 2024FY - heading"},
		{"near miss: one stale heading", "石桥镇2024年工作总结及2025年工作计划\n一、2023年工作总结\n全镇完成投资1亿元。\n二、下一步工作计划\n力争完成投资2亿元。\n",
			"2024FY 2025FY - title"},
		{"near miss: one stale milestone", "石桥镇2024年工作总结\n今年是全面贯彻落实党的二十大精神的开局之年。\n一、主要工作\n全镇完成投资1亿元。\n二、下一步工作计划\n力争完成投资2亿元。\n",
			"2024FY 2025FY - title"},
		{"near miss: the headings disagree", "石桥镇2023年工作总结\n一、2024年工作总结\n全镇完成投资1亿元。\n二、2024年工作计划\n力争完成投资2亿元。\n",
			"2023FY 2024FY - title"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := detectFile(t, "t.txt", tt.text)
			if got := fmt.Sprintf("%s %s %s %s", term(m.Review), term(m.Plan), term(m.StatedPlan), m.PeriodSource); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// Ensure a speech whose title names no year takes its period from the date
// it is signed with at its end, its opening's year when that is all
// there is, the year its body tells as the year so far when it speaks of
// 今年, and the work it sets out (下半年 after the first half), and that it
// stays undated when the evidence is absent or conflicting.
func TestDetectUndatedSpeech(t *testing.T) {
	const (
		title   = "在全街道安全生产工作会议上的讲话\n同志们：\n"
		opening = "今年以来，全街道安全生产形势总体平稳，未发生较大事故。\n"
		h1      = "一、认清形势\n全街道排查隐患326处，整改率98%。\n二、扎实抓好下半年工作\n要建成应急指挥中心。\n谢谢大家！\n"
		fy      = "一、认清形势\n全街道排查隐患326处，整改率98%。\n二、明年工作打算\n要建成应急指挥中心。\n谢谢大家！\n"
		none    = "一、认清形势\n全街道排查隐患326处，整改率98%。\n二、压实责任\n要建成应急指挥中心。\n谢谢大家！\n"
		next    = "一、认清形势\n全街道排查隐患326处，整改率98%。\n二、下一步怎么干\n年底前要建成应急指挥中心。\n谢谢大家！\n"
	)
	tests := []struct {
		name, text string
		want       string // "review plan period_source"
	}{
		{"signed in July, the second half's work", title + opening + h1 + "桂园街道党工委\n2026年7月15日\n", "2026H1 2026H2 signature"},
		{"signed in brackets late in the year, next year's plan", title + opening + fy + "（2026年11月20日）\n", "2026FY 2027FY signature"},
		{"signed, no plan part", title + opening + none + "2026年9月8日\n", "2026FY - signature"},
		{"dated in September, its next steps the rest of the year", "在全街道安全生产工作会议上的讲话\n（2026年9月8日）\n同志们：\n" + opening + next, "2026FY 2026H2 subtitle"},
		{"signed in June, its next steps the rest of the year", title + opening + next + "2026年6月20日\n", "2026FY 2026H2 signature"},
		{"near miss: next steps in a speech signed in November", title + opening + next + "2026年11月20日\n", "2026FY 2027FY signature"},
		{"near miss: next year's plan in a speech signed in September", title + opening + fy + "2026年9月8日\n", "2026FY 2027FY signature"},
		{"the opening's year and the second half's work", title + "2026年以来，全街道安全生产形势总体平稳。\n" + h1, "2026H1 2026H2 intro"},
		{"near miss: no year anywhere", title + opening + h1, "- - "},
		// A heading names the part of the year reviewed, and no year.
		{"signed in July, a heading reviews 上半年", title + opening + "一、上半年工作取得的成效\n全街道排查隐患326处，整改率98%。\n二、扎实抓好下半年工作\n要建成应急指挥中心。\n" + "2026年7月22日\n", "2026H1 2026H2 signature"},
		{"dated in October, a heading reviews 前三季度", "在全街道安全生产工作会议上的讲话\n（2026年10月12日）\n同志们：\n" + opening + "一、前三季度工作回顾\n全街道排查隐患326处。\n二、扎实抓好第四季度工作\n要建成应急指挥中心。\n", "2026Q1-Q3 2026Q4 subtitle"},
		{"near miss: a heading reviews 上半年, no date", title + opening + "一、上半年工作取得的成效\n全街道排查隐患326处，整改率98%。\n二、扎实抓好下半年工作\n要建成应急指挥中心。\n", "0H1 - "},
		{"near miss: a heading reviews 上半年, signed in March", title + opening + "一、上半年工作取得的成效\n全街道排查隐患326处，整改率98%。\n二、扎实抓好下半年工作\n要建成应急指挥中心。\n" + "2026年3月2日\n", "0H1 - "},
		{"near miss: the opening says another year", title + "2025年以来，全街道安全生产形势总体平稳。\n" + h1 + "2026年7月15日\n", "- - "},
		{"near miss: signed as the year begins", title + "过去一年，全街道安全生产形势总体平稳。\n" + none + "2026年2月10日\n", "- - "},
		{"near miss: a date in the last sentence", title + opening + none + "应急指挥中心要在2026年10月30日前建成。\n", "- - "},
		{"a dated line under the title", "在全街道安全生产工作会议上的讲话\n（2026年9月8日）\n同志们：\n" + opening + none, "2026FY - subtitle"},
		{"a dated line in July, the second half's work", "在全街道安全生产工作会议上的讲话\n（2026年7月15日）\n同志们：\n" + opening + h1, "2026H1 2026H2 subtitle"},
		{"near miss: a dated line in February", "在全街道安全生产工作会议上的讲话\n（2026年2月10日）\n同志们：\n过去一年，全街道安全生产形势总体平稳。\n" + none, "- - "},
		{"near miss: the dated line and the signature disagree", "在全街道安全生产工作会议上的讲话\n（2026年9月8日）\n同志们：\n" + opening + none + "2025年9月8日\n", "- - "},
		{"near miss: the title's meeting year outranks a dated line", "全街道2026年春节团拜会致辞\n（2026年2月1日）\n同志们：\n过去一年，全街道安全生产形势总体平稳。\n", "2025FY 2026FY meeting"},
		{"the body's year so far, read by 今年", title + opening + "一、认清形势\n2026年上半年，全街道排查隐患326处。截至2026年6月底，整改率98%。\n二、扎实抓好下半年工作\n明年还要建成应急指挥中心。\n",
			"2026H1 2026H2 body"},
		{"the body's year since, no plan part", title + opening + "一、认清形势\n2026年以来，全街道排查隐患326处。\n二、压实责任\n要建成应急指挥中心。\n",
			"2026FY - body"},
		{"near miss: a year so far with no 今年", title + "一、认清形势\n2026年以来，全街道排查隐患326处。\n二、压实责任\n要建成应急指挥中心。\n",
			"- - "},
		{"near miss: two years so far", title + opening + "一、认清形势\n2026年上半年，全街道排查隐患326处，2025年上半年为280处。\n二、压实责任\n要建成应急指挥中心。\n",
			"- - "},
		{"near miss: a year ahead", title + opening + "一、认清形势\n全街道排查隐患326处。\n二、压实责任\n力争2027年上半年建成应急指挥中心。\n",
			"- - "},
		{"near miss: last year's figure", title + opening + "一、认清形势\n全街道排查隐患326处，2025年全年为280处。\n二、压实责任\n要建成应急指挥中心。\n",
			"- - "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := detect(t, tt.text)
			if got := fmt.Sprintf("%s %s %s", term(m.Review), term(m.Plan), m.PeriodSource); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestUnitOfficeUnderGovernment: a title that names a 街道's office under
// its district's government ("临川区人民政府XX街道办事处", also set over two
// or three lines) reports on the 街道, the district its parent; a
// placeholder name (XX, 某某) is the unit's anonymised form. Near misses:
// the government alone or its own office is the district's, a town has no
// 街道 office, and a line of the district's name alone over the title
// stays the district.
func TestUnitOfficeUnderGovernment(t *testing.T) {
	const body = "\n一、主要工作\n完成投资3亿元。\n"
	tests := []struct{ title, want string }{
		{"临川区人民政府XX街道办事处2026年工作总结", "XX街道 临川区 street true"},
		{"临川区人民政府枫林街道办事处2026年工作总结", "枫林街道 临川区 street false"},
		{"临川区政府城关街道办2026年上半年工作总结", "城关街道 临川区 street false"},
		{"安平县人民政府某某街道办事处2026年工作总结", "某某街道 安平县 street true"},
		{"临川区人民政府\nXX街道办事处\n2026年工作总结", "XX街道 临川区 street true"},
		{"临川区人民政府\n南湖街道办事处2026年上半年工作总结", "南湖街道 临川区 street false"},
		// near misses
		{"临川区人民政府关于2026年工作的报告", "临川区  district false"},
		{"临川区人民政府办公室2026年工作总结", "人民政府办公室 临川区 department false"},
		{"石桥镇人民政府枫林街道办事处2026年工作总结", "石桥镇  town false"},
		{"临川区\n2026年工作总结", "临川区  district false"},
	}
	for _, tt := range tests {
		m := detect(t, tt.title+body)
		if got := fmt.Sprintf("%s %s %s %v", m.Unit, m.Parent, m.Level, m.UnitPlaceholder); got != tt.want {
			t.Errorf("%q: %s, want %s", tt.title, got, tt.want)
		}
	}
}
