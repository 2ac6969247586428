package target_test

import (
	"strings"
	"testing"
)

// planHead opens a plan part: its figures are targets unless they are of a
// class that is not.
const planHead = "平川县2024年工作总结和2025年工作计划\n一、2024年工作总结\n全年各项工作稳步推进。\n二、2025年工作计划\n"

// TestNonTargets: figures a plan states that are not targets, by class
// (hits: no target), each beside a figure of the same shape that is one
// (near misses).
func TestNonTargets(t *testing.T) {
	tests := []struct {
		class, text string
		want        []string // targets, as rendered by targets()
	}{
		// anniversaries
		{"anniversary", "今年是中华人民共和国成立75周年，是实施“十四五”规划的收官之年。", nil},
		{"anniversary", "隆重纪念建党105周年，迎接建区40周年。", nil},
		// population sizes
		{"population", "团结带领全县52万多群众，奋力实现全年目标。", nil},
		{"population", "凝聚14亿多中国人民的磅礴力量。", nil},
		{"population", "我国有13亿人口、9亿劳动力资源，市场空间广阔。", nil},
		{"population: a part of it to help is a target", "全年减少农村贫困人口1000万人以上。",
			[]string{"减少农村贫困人口 >= 1000万人  全年 2025FY"}},
		// slogans with numerals
		{"slogan", "统筹国内国际两个市场两种资源。", nil},
		{"slogan", "这里着重对两个指标作些说明。", nil},
		{"slogan", "重点抓好五项工作，调动中央和地方两个积极性。", nil},
		{"slogan", "围绕人员密集场所、重点企业、独居老人等五类对象开展排查。", nil},
		{"slogan: a count after a verb of doing is a target", "今年新建两个社区食堂。",
			[]string{"社区 = 2个  今年 2025FY"}},
		// ordinals: rounds and phases
		{"ordinal", "高质量完成二轮土地承包到期延包试点。", nil},
		{"ordinal", "推进国际机场四期扩建，完成二期段管线迁改。", nil},
		{"ordinal: sessions of a course are counted", "全年举办家政培训班3期。",
			[]string{"家政培训班 = 3期  全年 2025FY"}},
		{"ordinal", "完成第2轮土地承包延包试点。", nil},
		{"ordinal", "推进国际机场4期扩建。", nil},
		{"ordinal: rounds of work closing its clause are counted", "下半年再开展安全生产专项检查2轮，检查企业不少于500家次。",
			[]string{"安全生产专项检查 = 2轮  下半年 2025H2", "检查企业 >= 500家次  下半年 2025H2"}},
		{"ordinal: rounds of work closing its clause are counted", "全年开展专项督查3轮。",
			[]string{"专项督查 = 3轮  全年 2025FY"}},
		// spans of time
		{"duration", "推动第二轮土地承包到期后再延长30年整省试点。", nil},
		{"duration", "打造15分钟生活圈，构建1小时通勤圈，确保粮食连续6年增产。", nil},
		{"duration: a time limit is a target", "企业开办时间压缩至3个工作日以内。",
			[]string{"企业开办时间 <= 3个工作日  2025年 2025FY"}},
		// per
		{"per", "小麦最低收购价每50公斤提高到120元。", []string{"小麦最低收购价每 = 120元  2025年 2025FY"}},
		// from–to
		{"from", "城乡居民医保财政补助标准由每人每年640元提高到670元。", []string{"城乡居民医保财政补助标准 = 670元  2025年 2025FY"}},
		// results told in the plan part
		{"past", "2024年，全县地区生产总值增长2.3%。", nil},
		{"past: a dated sentence that commits is a target", "2025年全县生产总值力争增长6%。",
			[]string{"生产总值 = 6% up 2025年 2025FY"}},
		// a number with no unit (a name broken across lines by web copy)
		{"bare", "以细颗粒物（PM\n2.5\n）和可吸入颗粒物治理为重点。", nil},
		{"bare: a fraction is a figure", "今年专项转移支付项目要减少1/3。", []string{"专项转移支付项目 = 0.3333333333333333 down 今年 2025FY"}},
		// the scope of the work
		{"scope", "对全区300余家餐饮单位开展油烟专项检查。", nil},
		{"scope", "推动辖区12个小区物业服务企业全部建立党的组织。", nil},
		{"scope: a count of the whole without 全部 is a target", "推动辖区12个小区建立党的组织。", []string{"小区 = 12个  2025年 2025FY"}},
		{"scope: a count after a verb is a target", "检查餐饮单位300家以上。", []string{"餐饮单位 >= 300家  2025年 2025FY"}},
		{"scope: a count of the work after 对 is a target", "对500户困难家庭实施危房改造。", []string{"困难家庭实施危房 = 500户  2025年 2025FY"}},
		{"slogan: a fraction in words is a figure", "今年专项转移支付项目要减少三分之一。", []string{"专项转移支付项目 = 0.3333333333333333 down 今年 2025FY"}},
		// what a thing just named is or consists of
		{"explained", "形成“1+1+N”网格服务团队，即1名网格长、1名专职网格员加若干名党员和志愿者。", nil},
		{"explained", "健全居民议事会，包括5名居民代表和2名社区干部。", nil},
		{"explained", "组建由1名班子成员、3名业务骨干组成的工作专班。", nil},
		{"explained: a figure committed to after 即 is a target", "打造示范网格，即到年底建成10个。",
			[]string{"即到年底建成 = 10个  年底 2025FY"}},
		{"explained: the breakdown of a figure just named is a target", "新建保障房1000套，包括公租房300套。",
			[]string{"保障房 = 1000套  2025年 2025FY", "包括公租房 = 300套  2025年 2025FY"}},
		{"explained: a list of targets is no explanation", "一是建成3个示范网格，二是培训网格员200人次。",
			[]string{"示范网格 = 3个  2025年 2025FY", "培训网格员 = 200人次  2025年 2025FY"}},
		{"explained: one for each is a target", "每项工作明确1名牵头领导。", []string{"牵头领导 = 1名  2025年 2025FY"}},
		// a goal named again as an attribute
		{"restated", "7%左右的速度可以实现比较充分的就业。", nil},
		// a figure qualifying what a later one counts
		{"qualifier", "新签约亿元以上项目10个以上，力争全镇12个村集体经营性收入全部达到15万元以上。",
			[]string{"项目 >= 10个  2025年 2025FY", "村集体经营性收入全部 >= 15万元  2025年 2025FY"}},
		{"qualifier: a change or a list after a figure is none", "全年完成税收3200万元同比增长8%，新建学校3所、幼儿园5所。",
			[]string{"税收 = 3200万元  全年 2025FY", "税收 = 8% up 全年 2025FY", "新建学校 = 3所  全年 2025FY", "幼儿园 = 5所  全年 2025FY"}},
		// near misses of each test of qualifies: the first figure stays a
		// target
		{"qualifier: a clause ended by ！ between is none", "完成造林面积1.2万亩任务！确保森林覆盖率达到45%。",
			[]string{"造林面积 = 1.2万亩  2025年 2025FY", "森林覆盖率 = 45%  2025年 2025FY"}},
		{"qualifier: a change after a noun is none", "实现税收3200万元收入下降8%。",
			[]string{"税收 = 3200万元  2025年 2025FY", "收入 = 8% down 2025年 2025FY"}},
		{"qualifier: words between that do not start with a Han character are none", "全年培训农民500人次 新增就业岗位300个。",
			[]string{"培训农民 = 500人次  全年 2025FY", "新增就业岗位 = 300个  全年 2025FY"}},
		{"qualifier: a half-width comma between is none", "完成造林面积1.2万亩任务,确保森林覆盖率达到45%。",
			[]string{"造林面积 = 1.2万亩  2025年 2025FY", "森林覆盖率 = 45%  2025年 2025FY"}},
		{"qualifier: 增长 between is none", "完成固定资产投资5亿元增长额1亿元。",
			[]string{"固定资产投资 = 5亿元  2025年 2025FY", "增长额 = 1亿元  2025年 2025FY"}},
		{"qualifier: 比上年 between is none", "实现税收3200万元比上年多500万元。",
			[]string{"税收 = 3200万元  2025年 2025FY", "比上年多 = 500万元  2025年 2025FY"}},
		{"qualifier: 同比 between is none", "实现税收3200万元同比多500万元。",
			[]string{"税收 = 3200万元  2025年 2025FY", "同比多 = 500万元  2025年 2025FY"}},
		{"restated: a goal the sentence commits to complete is a target", "完成全年新增助餐点15个、适老化改造500户的目标任务。",
			[]string{"新增助餐点 = 15个  全年 2025FY", "适老化改造 = 500户  全年 2025FY"}},
	}
	for _, tt := range tests {
		t.Run(tt.class, func(t *testing.T) {
			got := targets(t, planHead+tt.text+"\n")
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("%s\ngot:\n  %s\nwant:\n  %s", tt.text, strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

// TestListOfGoals: every item of a list of goals is a target, wherever the
// list stands (here in no section at all, as in a section the outline could
// not classify as the plan), not only the first after the lead-in; a
// lead-in that reviews goals met, or leads no goals, sets none.
func TestListOfGoals(t *testing.T) {
	const head = "政府工作报告\n各位代表：\n现在，我代表县人民政府，向大会报告工作。\n"
	tests := []struct {
		name, text string
		want       []string
	}{
		{"a list after 目标是：",
			"今年全县发展主要预期目标是：地区生产总值增长5%左右；城镇新增就业5万人左右，城镇调查失业率5.5%左右；居民消费价格涨幅3%左右；规上工业增加值增长7%；粮食产量稳定在30亿斤以上。",
			[]string{
				"地区生产总值 ≈ 5% up 今年 0FY",
				"城镇新增就业 ≈ 5万人  今年 0FY",
				"城镇调查失业率 ≈ 5.5%  今年 0FY",
				"居民消费价格 ≈ 3% up 今年 0FY",
				"规上工业增加值 = 7% up 今年 0FY",
				"粮食产量 >= 30亿斤  今年 0FY",
			}},
		{"a list after 主要目标任务：",
			"全年主要目标任务：一般公共预算收入增长4%；新增市场主体3000户以上，新增规上企业15家。",
			[]string{
				"一般公共预算收入 = 4% up 全年 0FY",
				"新增市场主体 >= 3000户  全年 0FY",
				"新增规上企业 = 15家  全年 0FY",
			}},
		{"a lead-in that reviews goals met (near miss)",
			"全面完成年初确定的主要目标：地区生产总值增长6%；城镇新增就业5.2万人。", nil},
		{"a colon that leads no goals (near miss)",
			"全县发展的主要特点是：地区生产总值增长6%；城镇新增就业5.2万人。", nil},
		{"a name before 拟按", "赤字率拟按3%左右安排。", []string{"赤字率 ≈ 3%   0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := targets(t, head+tt.text+"\n")
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}
