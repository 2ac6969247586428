package target_test

import (
	"fmt"
	"strings"
	"testing"

	"zongjie"
	"zongjie/extract"
	"zongjie/reader"
)

// targets extracts text and renders its targets as
// "name comparator value unit change deadline year period".
func targets(t *testing.T, text string) []string {
	t.Helper()
	f, err := reader.Read("t.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, tg := range extract.File(f)[0].Targets {
		v := "-"
		if tg.Value != nil {
			v = fmt.Sprint(*tg.Value)
		}
		out = append(out, fmt.Sprintf("%s %s %s%s %s %s %d%s", tg.Name, tg.Comparator, v, tg.Unit, tg.Change, tg.Deadline, tg.Year, tg.Period))
	}
	return out
}

const head = "青禾街道2024年上半年工作总结暨下半年工作计划\n一、上半年工作开展情况\n"

func TestTargets(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"plan section figures",
			head + "完成投资3亿元，同比增长8%。\n二、下半年工作计划\n力争全年规上工业增加值增速达10%以上，确保年底前完成老旧小区改造12个，城镇登记失业率控制在3%以内，污水治理覆盖率达到95%左右。\n",
			[]string{
				"规上工业增加值 >= 10% up 全年 2024FY",
				"老旧小区改造 = 12个  年底前 2024FY",
				"城镇登记失业率 <= 3%  年底前 2024FY",
				"污水治理覆盖率 ≈ 95%  年底前 2024FY",
			}},
		{"commitment outside a plan section",
			head + "今年计划改造危房20户，预计全年完成税收800万元。上半年已改造8户。\n",
			[]string{"改造危房 = 20户  今年 2024FY", "税收 = 800万元  全年 2024FY"}},
		{"预期寿命 and 计划生育 are names, not commitments",
			"临川区卫生健康委员会2026年工作总结\n全区人均预期寿命达到79.6岁，计划生育家庭特别扶助金发放186万元。\n一、主要工作成效\n完成投资3亿元。\n",
			nil},
		{"near miss: a commitment before 预期寿命",
			"临川区卫生健康委员会2026年工作总结\n力争全区人均预期寿命达到80岁。\n一、主要工作成效\n完成投资3亿元。\n",
			[]string{"人均预期寿命 = 80岁   0"}},
		{"a noun 计划 is not a commitment",
			head + "实施引才计划，引进博士3名；紧盯行动计划，整治违建40处。\n",
			nil},
		{"past figures inside a plan section",
			head + "二、下半年工作计划\n在去年投入50万元的基础上，再新增投入80万元；赤字率从去年的2.1%提高到2.5%。\n",
			[]string{"新增投入 = 80万元  下半年 2024H2", "赤字率 = 2.5%  下半年 2024H2"}},
		{"more than half done",
			head + "二、下半年工作计划\n年底完成滨河绿道工程进度过半。\n",
			[]string{"滨河绿道工程进度 > 50%  年底 2024FY"}},
		{"descriptions are not targets",
			head + "二、下半年工作计划\n推进年产5000吨饲料加工项目和投资800万元的冷链仓储工程，年底前实现村集体经营性收入10万元以上的村全覆盖。\n",
			[]string{"村集体经营性收入 >= 10万元  年底前 2024FY"}},
		{"an amount and its change are two targets",
			head + "二、下半年工作计划\n全年力争实现税收收入3.4亿元，同比增长6%以上。\n",
			[]string{"税收收入 = 3.4亿元  全年 2024FY", "税收收入 >= 6% up 全年 2024FY"}},
		{"预计 in a review estimates a result",
			head + "全社会研发经费投入强度预计达到2.55%，预计全年完成税收3200万元。\n二、下半年工作计划\n预计全年新增市场主体300户。\n",
			[]string{"新增市场主体 = 300户  全年 2024FY"}},
		{"突破 a figure is more than it",
			head + "二、下半年工作计划\n力争全年茶叶产值突破2.6亿元，游客人数达到30万人次。\n",
			[]string{"茶叶产值 > 2.6亿元  全年 2024FY", "游客人数 = 30万人次  全年 2024FY"}},
		{"an item of a list keeps its own time words, not an earlier item's",
			head + "二、下半年工作计划\n一是抓好秋粮生产，确保全年粮食播种面积稳定在6.8万亩以上；二是做好“十五五”规划编制前期工作，谋划储备项目20个以上。\n",
			[]string{"粮食播种面积 >= 6.8万亩  全年 2024FY", "项目 >= 20个  下半年 2024H2"}},
		{"near miss: the time words of a list's lead-in are every item's",
			head + "二、下半年工作计划\n全年，街道将重点抓好以下工作：一是加快教育建设，新建学校3所；二是稳定就业，新增就业200人。\n",
			[]string{"新建学校 = 3所  全年 2024FY", "新增就业 = 200人  全年 2024FY"}},
		{"a time word after a figure in a clause committing to its own is that clause's",
			head + "二、下半年工作计划\n新建投放亭100个，力争年底前回收利用率达到40%以上。\n",
			[]string{"投放亭 = 100个  下半年 2024H2", "回收利用率 >= 40%  年底前 2024FY"}},
		{"near miss: a time word after a figure in a clause of its own",
			head + "二、下半年工作计划\n新建学校3所，年底前投入使用。\n",
			[]string{"新建学校 = 3所  年底前 2024FY"}},
		{"the end of a quarter's last month in a second half's plan",
			head + "二、下半年工作计划\n9月30日前完成12个片区整治，12月底前新建学校3所。\n",
			[]string{"片区 = 12个  9月30日前 2024Q3", "新建学校 = 3所  12月底前 2024H2"}},
		{"the end of a quarter's last month in a year's plan",
			"白石镇2025年工作计划\n一、重点任务\n确保6月底前完成3个老旧小区改造，9月底前新建学校2所，2025年3月底前开工项目5个。\n",
			[]string{"老旧小区 = 3个  6月底前 2025H1", "新建学校 = 2所  9月底前 2025Q1-Q3", "开工项目 = 5个  2025年3月底前 2025Q1"}},
		{"the end of a month dates its own clauses, not those after a semicolon",
			"白石镇2025年工作计划\n一、重点任务\n确保项目二期3月底前开工、10月底前投产；新增厂房面积4万平方米。\n",
			[]string{"新增厂房面积 = 4万平方米   2025FY"}},
		{"near miss: the end of a month before a comma",
			"白石镇2025年工作计划\n一、重点任务\n3月底前完成前期工作，新增厂房面积4万平方米。\n",
			[]string{"新增厂房面积 = 4万平方米  3月底前 2025Q1"}},
		{"a time word inside a sentence dates that sentence, not the next",
			head + "二、下半年工作计划\n下半年要完成投资6亿元，确保全年完成投资13亿元。新签约项目5个以上。\n",
			[]string{"投资 = 6亿元  下半年 2024H2", "投资 = 13亿元  全年 2024FY", "项目 >= 5个  下半年 2024H2"}},
		{"near miss: a time word that opens its sentence leads the next",
			head + "二、下半年工作计划\n完成投资6亿元。全年要新建学校3所。新签约项目5个以上。\n",
			[]string{"投资 = 6亿元  下半年 2024H2", "新建学校 = 3所  全年 2024FY", "项目 >= 5个  全年 2024FY"}},
		{"the end of a quarter's month in a figure's own clause, after it",
			head + "二、下半年工作计划\n下半年要完成投资6亿元。剩余4个项目9月底前全部开工。\n",
			[]string{"投资 = 6亿元  下半年 2024H2", "项目 = 4个  9月底前 2024Q3"}},
		{"near miss: the end of a month after a figure, a time word of its sentence before it",
			head + "二、下半年工作计划\n年底前完成剩余4个项目，9月底前开工。\n",
			[]string{"项目 = 4个  年底前 2024FY"}},
		{"near miss: a month that ends no quarter",
			head + "二、下半年工作计划\n10月底前完成12个片区整治。\n",
			[]string{"片区 = 12个  下半年 2024H2"}},
		{"明年 in the plan part of a year's summary is the year after it",
			"清水镇2026年集体经济工作总结\n一、主要做法\n全镇村级集体经济总收入532万元，同比增长21.7%。\n二、明年思路\n明年，全镇将继续抓好集体经济发展，总收入突破600万元，新建冷库2座。\n",
			[]string{"总收入 > 600万元  明年 2027FY", "新建冷库 = 2座  明年 2027FY"}},
		{"near miss: 明年 in a year's plan is the year after the plan's",
			"白石镇2027年工作计划\n一、重点任务\n新建学校3所。明年新建体育馆1座。\n",
			[]string{"新建学校 = 3所   2027FY", "体育馆 = 1座  明年 2028FY"}},
		{"a quarter dates its own sentence, not the next",
			"白石镇2027年工作计划\n一、重点任务\n完成集镇污水管网改造4.6公里，第三季度投入使用。城乡居民医保参保率稳定在96%以上。\n",
			[]string{"集镇污水管网改造 = 4.6公里  三季度 2027Q3", "城乡居民医保参保率 >= 96%   2027FY"}},
		{"near miss: a quarter before a comma",
			"白石镇2027年工作计划\n一、重点任务\n第三季度完成集镇污水管网改造，参保率稳定在96%以上。\n",
			[]string{"参保率 >= 96%  三季度 2027Q3"}},
		{"a table's column of estimates holds no targets",
			"白石镇2027年工作计划\n一、主要目标\n主要目标见下表：\n序号\t指标名称\t单位\t2026年预计\t2027年目标\n1\t固定资产投资\t亿元\t18.2\t19.6\n2\t新增城镇就业\t人\t610\t650\n",
			[]string{"固定资产投资 = 19.6亿元   2027FY", "新增城镇就业 = 650人   2027FY"}},
		{"a table with a blank cell keeps its columns of estimates and targets",
			"白石镇2027年工作计划\n一、主要目标\n序号\t指标名称\t单位\t2026年预计\t2027年目标\t备注\n1\t固定资产投资\t亿元\t18.2\t19.6\t\n2\t新增城镇就业\t人\t610\t650\t含灵活就业\n",
			[]string{"固定资产投资 = 19.6亿元   2027FY", "新增城镇就业 = 650人   2027FY"}},
		{"near miss: a column of the planned year and one of the year before",
			"白石镇2027年工作计划\n一、主要目标\n指标目标\t单位\t2026年\t2027年\n固定资产投资\t亿元\t18.2\t19.6\n新增城镇就业\t人\t610\t650\n",
			[]string{"固定资产投资 = 19.6亿元   2027FY", "新增城镇就业 = 650人   2027FY"}},
		{"placeholder target",
			head + "二、下半年工作计划\n计划新增市场主体xx户。\n",
			[]string{"新增市场主体 = -户  下半年 2024H2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := targets(t, tt.text)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

// Ensure a national-style target list resolves "今年" to the report's plan
// year and keeps changes as changes.
func TestNationalTargets(t *testing.T) {
	text := "各位代表：\n现在，我代表国务院，向大会报告政府工作。\n一、2019年工作回顾\n经济增长6.1%。\n二、2020年工作总体部署\n今年发展的主要预期目标是：国内生产总值增长6%左右；城镇新增就业900万人以上，城镇调查失业率5.5%左右；单位国内生产总值能耗下降3%左右。\n"
	got := targets(t, text)
	want := []string{
		"国内生产总值 ≈ 6% up 今年 2020FY",
		"城镇新增就业 >= 900万人  今年 2020FY",
		"城镇调查失业率 ≈ 5.5%  今年 2020FY",
		"单位国内生产总值能耗 ≈ 3% down 今年 2020FY",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
	_ = zongjie.About
}

// TestPlanSubsectionOfGaps: a subsection of the plan part whose title names
// a gap to close ("（二）补齐基础设施短板") reads as problems to the outline,
// but its figures are the plan's; near miss: a problems section of its own
// ("二、存在问题") sets no targets, nor does the 分别 list of a review.
// Also each subject of a plan's 分别 list is a target of its own, one
// figure for several subjects included.
func TestPlanSubsectionOfGaps(t *testing.T) {
	const plan = "白石镇2024年工作总结和2025年工作计划\n一、2024年工作总结\n全年完成投资3亿元。\n二、存在问题\n全镇仍有3个村集体经营性收入低于10万元。\n三、2025年工作计划\n"
	tests := []struct {
		name, text string
		want       []string
	}{
		{"a gap to close in the plan",
			plan + "（一）做强产业\n新增规上工业企业5家。\n（二）补齐基础设施短板\n新改建农村公路25公里，新建5G基站30个。\n",
			[]string{"新增规上工业企业 = 5家  2025年 2025FY", "新改建农村公路 = 25公里  2025年 2025FY", "5G基站 = 30个  2025年 2025FY"}},
		{"a 分别 list of the plan, one figure for two subjects",
			plan + "化学需氧量、氨氮排放量分别下降2%，城乡居民人均可支配收入分别增长5%、6.5%。\n",
			[]string{"化学需氧量 = 2% down 2025年 2025FY", "氨氮排放量 = 2% down 2025年 2025FY",
				"城镇居民人均可支配收入 = 5% up 2025年 2025FY", "农村居民人均可支配收入 = 6.5% up 2025年 2025FY"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := targets(t, tt.text)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}
